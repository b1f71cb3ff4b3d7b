/**
 * What Analytics answers for targets where schema.ts only says `{[key: string]: unknown}`,
 * narrowed from src/ecotrack/analytics/targets.py (progress) and api.py (emissions rows).
 */
import type { components } from "../../api/schema";

export type Target = components["schemas"]["TargetOut"];
export type TargetIn = components["schemas"]["TargetIn"];
export type Forecast = components["schemas"]["ForecastAnswer"];
export type Denominator = components["schemas"]["DenominatorOut"];
export type Metric = NonNullable<TargetIn["metric"]>;
export type Scope = TargetIn["scopes"][number];
export type Scope2Method = TargetIn["scope2_method"];



/** A row of `GET /emissions?group_by=year,scope`. */
export interface YearScopeRow {
  year: number;
  scope: number;
  co2e_kg: number;
}

export type { ProgressYear, TargetProgress } from "../../api/analytics";
