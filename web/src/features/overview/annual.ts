/**
 * Annual totals against a target's path and the forecast: from `GET /emissions?group_by=scope,year`,
 * `GET /targets/{id}/progress` and `GET /emissions/forecast`.
 */
import type { EmissionsAnswer, ForecastAnswer, Scope, ScopeYearRow, Target, TargetProgress } from "./types";

/** Every year with any emissions, oldest first. */
export function yearsWithData(answer: EmissionsAnswer<ScopeYearRow>): number[] {
  return [...new Set(answer.rows.filter((row) => row.co2e_kg !== 0).map((row) => row.year))].sort((a, b) => a - b);
}

/** kg CO2e per year for the given scopes (all when null); only years with data, as the API keeps them. */
export function annualTotals(answer: EmissionsAnswer<ScopeYearRow>, scopes: readonly Scope[] | null): Map<number, number> {
  const totals = new Map<number, number>();
  for (const row of answer.rows) {
    if (scopes && !scopes.includes(row.scope)) continue;
    totals.set(row.year, (totals.get(row.year) ?? 0) + row.co2e_kg);
  }
  for (const [year, kg] of totals) if (kg === 0) totals.delete(year);
  return new Map([...totals].sort(([a], [b]) => a - b));
}

/** The API refuses a forecast with fewer years of data than this (targets.MIN_FORECAST_YEARS). */
export const MIN_FORECAST_YEARS = 3;

/** The straight line from the base-year value to the target value (targets.path_value). */
export function targetPathValue(target: Target, progress: TargetProgress, year: number): number {
  const share = (year - target.base_year) / (target.target_year - target.base_year);
  const clamped = Math.min(Math.max(share, 0), 1);
  return progress.base_value - (progress.base_value - progress.target_value) * clamped;
}

export interface AnnualRow {
  year: number;
  actual: number | null;
  targetPath: number | null;
  forecast: number | null;
  lower: number | null;
  upper: number | null;
  /** The current year, whose actual runs only to today. */
  partial: boolean;
}

export interface AnnualChart {
  /** absolute: kg CO2e; intensity: kg CO2e per denominator unit (an intensity target's measure). */
  unit: "absolute" | "intensity";
  rows: AnnualRow[];
  /** Forecast confidence (0.95), when there is a forecast. */
  confidence: number | null;
}

interface ForecastPoint {
  year: number;
  value: number;
  lower: number;
  upper: number;
}

function range(first: number, last: number): number[] {
  return Array.from({ length: Math.max(last - first + 1, 0) }, (_, index) => first + index);
}

function combine(
  unit: AnnualChart["unit"],
  actual: Map<number, number>,
  points: ForecastPoint[],
  confidence: number | null,
  currentYear: number,
  target: Target | null,
  progress: TargetProgress | null,
): AnnualChart {
  const years = [...actual.keys(), ...points.map((point) => point.year)];
  if (target && progress) years.push(target.base_year, target.target_year);
  if (years.length === 0) return { unit, rows: [], confidence };
  const forecast = new Map(points.map((point) => [point.year, point]));
  const rows = range(Math.min(...years), Math.max(...years)).map((year) => {
    const point = forecast.get(year);
    const onPath = target && progress && year >= target.base_year && year <= target.target_year;
    return {
      year,
      actual: actual.get(year) ?? null,
      targetPath: onPath ? targetPathValue(target, progress, year) : null,
      forecast: point?.value ?? null,
      lower: point?.lower ?? null,
      upper: point?.upper ?? null,
      partial: year === currentYear && actual.has(year),
    };
  });
  return { unit, rows, confidence };
}

/**
 * An absolute target (or none): actual annual totals and the forecast follow the page's scope 2
 * method and the target's scopes; the path is the target's.
 */
export function absoluteChart(
  totals: Map<number, number>,
  forecast: ForecastAnswer | null,
  currentYear: number,
  target: Target | null,
  progress: TargetProgress | null,
): AnnualChart {
  return combine(
    "absolute",
    totals,
    forecast?.points ?? [],
    forecast?.confidence ?? null,
    currentYear,
    target,
    progress,
  );
}

/** An intensity target: everything in kg CO2e per unit, as its progress answers (its own scope 2 method). */
export function intensityChart(target: Target, progress: TargetProgress, currentYear: number): AnnualChart {
  const actual = new Map<number, number>();
  for (const row of progress.years) if (row.actual !== null) actual.set(row.year, row.actual);
  const points = progress.forecast ? [progress.forecast] : [];
  return combine("intensity", actual, points, progress.forecast ? 0.95 : null, currentYear, target, progress);
}

/** Which scopes the forecast should be asked for: the target's, or every scope (no filter). */
export function forecastScopes(target: Target | null): Scope[] | null {
  return target ? [...target.scopes] : null;
}

/** The last year the forecast runs to: the target year, else four years past the current one. */
export function forecastToYear(target: Target | null, currentYear: number): number {
  return target ? Math.max(target.target_year, currentYear + 1) : currentYear + 4;
}
