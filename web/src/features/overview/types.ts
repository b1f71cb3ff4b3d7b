/**
 * The analytics answers the overview reads. Where schema.ts types an answer as
 * `{[key: string]: unknown}`, the narrow shape here is read from the Python routes
 * (src/ecotrack/analytics/api.py, queries.py, targets.py) and docs/api.md.
 */
import type { components } from "../../api/schema";

type Schemas = components["schemas"];

export type Scope2Method = "location" | "market";
export type Scope = 1 | 2 | 3;
export type Metric = "employees" | "floor_area_m2" | "revenue";

export type ChangeAnswer = Schemas["ChangeAnswer"];
export type ForecastAnswer = Schemas["ForecastAnswer"];
export type IntensityAnswer = Schemas["IntensityAnswer"];
export type Anomaly = Schemas["AnomalyOut"];
export type Target = Schemas["TargetOut"];
export type Denominator = Schemas["DenominatorOut"];
export type Facility = Schemas["FacilityRecord"];
export type Meter = Schemas["MeterRecord"];

/** GET /analytics/emissions (and /emissions/top): rows keyed by the group_by names. */
export interface EmissionsAnswer<Row> {
  from: string;
  to: string;
  group_by: string[];
  scope2_method: string;
  total_co2e_kg: number;
  rows: Row[];
}

/** group_by=scope */
export interface ScopeRow {
  scope: Scope;
  co2e_kg: number;
}

/** group_by=scope,month; month is "YYYY-MM" */
export interface ScopeMonthRow {
  scope: Scope;
  month: string;
  co2e_kg: number;
}

/** group_by=scope,year */
export interface ScopeYearRow {
  scope: Scope;
  year: number;
  co2e_kg: number;
}

/** /emissions/top?by=facility: null is "no facility" (travel, say). */
export interface FacilityRow {
  facility: string | null;
  co2e_kg: number;
}

/** /emissions/top?by=category: null is "no category" (scopes 1 and 2). */
export interface CategoryRow {
  category: number | null;
  co2e_kg: number;
}

/** GET /analytics/coverage (queries.coverage). */
export interface CoverageAnswer {
  months: string[];
  months_without_any_data: string[];
  facilities: {
    facility_id: string | null;
    months_with_data: number;
    months_without_data: string[];
  }[];
}

export type { TargetProgress } from "../../api/analytics";
