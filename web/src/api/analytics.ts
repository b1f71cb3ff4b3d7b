/** Answers of Analytics routes that the OpenAPI document types only as objects. */

/** One year of `GET /targets/{id}/progress`: `actual` is null for a year without data. */
export interface ProgressYear {
  year: number;
  actual: number | null;
  target_path: number;
}

/** `GET /targets/{id}/progress` (analytics/targets.py `progress`). */
export interface TargetProgress {
  target_id: string;
  /** "kg CO2e", or "kg CO2e per <metric>" for an intensity target. */
  unit: string;
  base_value: number;
  target_value: number;
  latest_year: number;
  latest_value: number;
  target_path_value: number;
  reduction_achieved_pct: number;
  required_annual_reduction: {
    /** Units of the target's measure per year; null once the target year has come. */
    linear_per_year: number | null;
    /** Percent (not a fraction) per year; null once the target year has come. */
    compound_pct_per_year: number | null;
  };
  on_track: boolean;
  years: ProgressYear[];
  /** The trend at the target year; null with fewer than 3 years of data since the base year. */
  forecast: {
    year: number;
    value: number;
    lower: number;
    upper: number;
    meets_target: boolean;
  } | null;
}
