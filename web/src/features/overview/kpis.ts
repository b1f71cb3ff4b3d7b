/** The KPI cards' arithmetic, from the analytics answers. */
import type {
  ChangeAnswer,
  CoverageAnswer,
  Denominator,
  EmissionsAnswer,
  IntensityAnswer,
  Metric,
  Scope,
  ScopeRow,
} from "./types";

export const SCOPES: readonly Scope[] = [1, 2, 3];

export interface ScopeShare {
  scope: Scope;
  co2eKg: number;
  /** Share of the total (0..1); null when the total is zero. */
  share: number | null;
}

export interface TotalKpi {
  from: string;
  to: string;
  totalKg: number;
  scopes: ScopeShare[];
  hasData: boolean;
}

/** A sum of kg figures back to the milligram the API answers in (summing floats adds noise). */
export function toMilligram(kg: number): number {
  return Math.round(kg * 1e6) / 1e6;
}

/** Total and scope split from one `GET /emissions` answer grouped by scope (and month, say). */
export function totalKpi(answer: EmissionsAnswer<ScopeRow>): TotalKpi {
  const byScope = new Map<Scope, number>();
  for (const row of answer.rows) byScope.set(row.scope, (byScope.get(row.scope) ?? 0) + row.co2e_kg);
  const total = answer.total_co2e_kg;
  return {
    from: answer.from,
    to: answer.to,
    totalKg: total,
    scopes: SCOPES.map((scope) => {
      const co2eKg = toMilligram(byScope.get(scope) ?? 0);
      return { scope, co2eKg, share: total ? co2eKg / total : null };
    }),
    hasData: answer.rows.length > 0,
  };
}

export interface ChangeKpi {
  /** Change against the earlier window as a fraction (−0.137 for −13.7 %); null without earlier data. */
  fraction: number | null;
  changeKg: number;
  previousKg: number;
  previousFrom: string;
  previousTo: string;
}

/** `GET /emissions/change?compare=previous_year`: change_pct is a percentage. */
export function changeKpi(answer: ChangeAnswer): ChangeKpi {
  const { total } = answer;
  return {
    fraction: total.change_pct === null ? null : total.change_pct / 100,
    changeKg: total.change_kg,
    previousKg: total.previous_co2e_kg,
    previousFrom: answer.previous.from ?? "",
    previousTo: answer.previous.to ?? "",
  };
}

export interface CoverageKpi {
  /** Facility-months with data over all facility-months (0..1); null without facilities. */
  fraction: number | null;
  withData: number;
  cells: number;
  facilities: number;
  months: number;
}

export function coverageKpi(answer: CoverageAnswer): CoverageKpi {
  const months = answer.months.length;
  const facilities = answer.facilities.length;
  const cells = months * facilities;
  const withData = answer.facilities.reduce((sum, facility) => sum + facility.months_with_data, 0);
  return { fraction: cells ? withData / cells : null, withData, cells, facilities, months };
}

/** What each metric divides by, as the analytics API names its units (METRIC_UNITS). */
export const METRIC_UNIT: Record<Metric, string> = {
  employees: "FTE",
  floor_area_m2: "m²",
  revenue: "currency unit",
};

export const METRIC_LABEL: Record<Metric, string> = {
  employees: "per employee",
  floor_area_m2: "per m² of floor area",
  revenue: "per unit of revenue",
};

const METRIC_ORDER: readonly Metric[] = ["employees", "floor_area_m2", "revenue"];

export type IntensityChoice =
  | { kind: "metric"; metric: Metric }
  /** Denominators exist, but none for this year. */
  | { kind: "none-for-year"; years: number[] }
  | { kind: "no-denominators" };

/** The metric the intensity card shows for `year`: the first with a denominator that year. */
export function intensityChoice(denominators: Denominator[], year: number): IntensityChoice {
  if (denominators.length === 0) return { kind: "no-denominators" };
  const metric = METRIC_ORDER.find((name) => denominators.some((row) => row.metric === name && row.year === year));
  if (metric) return { kind: "metric", metric };
  return { kind: "none-for-year", years: [...new Set(denominators.map((row) => row.year))].sort((a, b) => a - b) };
}

export interface IntensityKpi {
  year: number;
  /** kg CO2e per denominator unit; null without a denominator for the year. */
  intensity: number | null;
  denominator: number | null;
  co2eKg: number;
  previous: { year: number; intensity: number } | null;
  /** Change against the previous year's intensity as a fraction, when both exist. */
  change: number | null;
}

/** The year's intensity (and the year before's) from `GET /emissions/intensity`. */
export function intensityKpi(answer: IntensityAnswer, year: number): IntensityKpi {
  const row = answer.rows.find((candidate) => candidate.year === year);
  const before = answer.rows.find((candidate) => candidate.year === year - 1);
  const intensity = row?.intensity ?? null;
  const previous = before?.intensity ? { year: before.year, intensity: before.intensity } : null;
  return {
    year,
    intensity,
    denominator: row?.denominator ?? null,
    co2eKg: row?.co2e_kg ?? 0,
    previous,
    change: intensity !== null && previous ? intensity / previous.intensity - 1 : null,
  };
}
