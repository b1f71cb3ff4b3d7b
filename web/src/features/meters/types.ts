/** What Carbon and Analytics answer about facilities, meters and readings (typed in schema.ts). */
import type { components } from "../../api/schema";

type Schemas = components["schemas"];

export type Facility = Schemas["FacilityRecord"];
export type FacilityDraft = Schemas["FacilityCreate"];
export type FacilityType = FacilityDraft["type"];
export type Meter = Schemas["MeterRecord"];
export type MeterDraft = Schemas["MeterCreate"];
export type MeterKind = MeterDraft["kind"];
/** One stored reading: consumption over the interval ending at `ts`, in the meter's unit. */
export type Reading = Schemas["Reading"];
/** Analytics' hourly or daily aggregate of a meter's readings. */
export type ReadingsAnswer = Schemas["ReadingsAnswer"];
export type MeterHour = Schemas["MeterHourOut"];
export type Anomaly = Schemas["AnomalyOut"];
export type ActivityInfo = Schemas["ActivityInfo"];
