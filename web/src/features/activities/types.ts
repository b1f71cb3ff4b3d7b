/** The Carbon ledger's wire types this feature uses, named once (all from the generated schema). */
import type { components } from "../../api/schema";

type Schemas = components["schemas"];

export type ActivityInfo = Schemas["ActivityInfo"];
export type OptionInfo = Schemas["OptionInfo"];
export type ActivityRecord = Schemas["ActivityRecord"];
export type ActivityCreate = Schemas["ActivityCreate"];
export type EstimateRequest = Schemas["EstimateRequest"];
export type EstimateResult = Schemas["EstimateResult"];
export type FacilityRecord = Schemas["FacilityRecord"];
export type PeriodRecord = Schemas["PeriodRecord"];
export type ImportReport = Schemas["ImportReport"];
export type RowError = Schemas["RowError"];
export type RecordsPage = Schemas["Page_ActivityRecord_"];
export type Totals = Schemas["Totals"];

export type ImportMode = ImportReport["mode"];
export type RecordSource = ActivityRecord["source"];

/** An option value as the API takes it (ActivityCreate.options). */
export type OptionValue = string | boolean | number;
