/**
 * What the explorer reads and keeps, narrowed from the API's untyped answers
 * (src/ecotrack/analytics/api.py get_emissions, queries.py rows_as_dicts; carbon/api.py).
 */
import type { components } from "../../api/schema";

export type ActivityRecord = components["schemas"]["ActivityRecord"];
export type FacilityRecord = components["schemas"]["FacilityRecord"];
export type RecordPage = components["schemas"]["Page_ActivityRecord_"];

/** queries.DIMENSIONS, in the order the API names them. */
export const DIMENSIONS = ["scope", "category", "facility", "gas", "month", "year"] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export type PlainDimension = Exclude<Dimension, "month" | "year">;
export const PLAIN_DIMENSIONS: readonly PlainDimension[] = ["scope", "category", "facility", "gas"];
export const TIME_DIMENSIONS: readonly Dimension[] = ["month", "year"];

export type Scope2Method = "location" | "market";

/**
 * A group's value for one dimension, as the API keys it: scope and category numbers
 * (category null: no scope 3 category), facility ids (null: no facility), gas names
 * (CO2, CH4, N2O, other), month "YYYY-MM", year number.
 */
export type KeyValue = string | number | null;
export type GroupKey = Partial<Record<Dimension, KeyValue>>;

/** One row of GET /analytics/emissions: the group's key values plus its CO2e. */
export type EmissionsRow = GroupKey & { co2e_kg: number };

/** GET /analytics/emissions (schemas.EmissionsAnswer with its rows narrowed). */
export interface EmissionsAnswer {
  from: string;
  to: string;
  group_by: string[];
  scope2_method: string;
  total_co2e_kg: number;
  rows: Record<string, unknown>[];
}

export type ChartKind = "bar" | "line";

/** Everything the explorer shows, as kept in the URL's search params. */
export interface ExplorerState {
  from: string;
  to: string;
  group: Dimension;
  /** A second, non-time dimension: stacked bars or one line each. */
  split: PlainDimension | null;
  method: Scope2Method;
  chart: ChartKind;
  scopes: number[];
  facilities: string[];
  categories: number[];
  gases: string[];
  /** The group whose activities are open (drill-down), encoded by drillKey(). */
  drill: string | null;
  /** The drill-down's page, from 1. */
  page: number;
  /** The person chose to list the drill-down's activities regardless of the gas condition. */
  anyGas: boolean;
}
