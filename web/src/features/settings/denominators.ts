/**
 * Intensity denominators (Analytics `GET/PUT /analytics/denominators`): a figure per metric
 * and year that intensity KPIs and intensity targets divide emissions by. The list in rows,
 * the form → the PUT body, with the API's limits (analytics/schemas.py DenominatorIn).
 */
import type { Checked } from "./members";
import type { Denominator, DenominatorIn, Metric } from "./types";

/** The metrics the API accepts (its 422 lists them), in the order the overview picks them. */
export const METRICS: readonly { metric: Metric; label: string; unit: string; example: string }[] = [
  { metric: "employees", label: "Employees", unit: "FTE", example: "full-time equivalents, e.g. 41.5" },
  { metric: "floor_area_m2", label: "Floor area", unit: "m²", example: "square metres, e.g. 1250" },
  { metric: "revenue", label: "Revenue", unit: "currency units", example: "in your reporting currency, e.g. 3200000" },
];

/** What `PUT /analytics/denominators` needs (editor and up); `GET` needs `reports:read`, which every member has. */
export const DENOMINATOR_WRITE_SCOPE = "analytics:write";

/** The API's year limits (1900 to 2200, inclusive); a value is more than 0. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2200;

export function metricLabel(metric: Metric): string {
  return METRICS.find((m) => m.metric === metric)?.label ?? metric;
}

/** The unit in words: the API answers "FTE", "m2" and "currency unit". */
export function unitLabel(unit: string): string {
  if (unit === "m2") return "m²";
  if (unit === "currency unit") return "currency units";
  return unit;
}

/** What a metric's value is in, before one is stored. */
export function metricUnit(metric: Metric): string {
  return METRICS.find((m) => m.metric === metric)?.unit ?? "";
}

export function formatDenominator(value: number, locale?: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(value);
}

export interface DenominatorRow {
  key: string;
  year: number;
  metric: Metric;
  metricLabel: string;
  value: number;
  unit: string;
}

/** The table's rows: newest year first, then the metrics in their usual order. */
export function denominatorRows(denominators: readonly Denominator[]): DenominatorRow[] {
  const order = METRICS.map((m) => m.metric);
  return [...denominators]
    .sort((a, b) => b.year - a.year || order.indexOf(a.metric) - order.indexOf(b.metric))
    .map((d) => ({
      key: `${d.metric}:${d.year}`,
      year: d.year,
      metric: d.metric,
      metricLabel: metricLabel(d.metric),
      value: d.value,
      unit: unitLabel(d.unit),
    }));
}

/** The denominator already stored for a metric and year, which a PUT would replace. */
export function storedDenominator(
  denominators: readonly Denominator[],
  metric: Metric,
  year: string,
): Denominator | undefined {
  const wanted = Number(year);
  return denominators.find((d) => d.metric === metric && d.year === wanted);
}

export interface DenominatorForm {
  metric: Metric;
  year: string;
  value: string;
}

export function emptyDenominatorForm(thisYear: number): DenominatorForm {
  return { metric: "employees", year: String(thisYear), value: "" };
}

/** The body `PUT /analytics/denominators` takes, or what to fix first. */
export function denominatorBody(form: DenominatorForm): Checked<DenominatorIn> {
  if (!METRICS.some((m) => m.metric === form.metric)) return { ok: false, error: "Choose what the figure measures." };
  const year = form.year.trim() === "" ? NaN : Number(form.year);
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    return { ok: false, error: `The year is a whole number from ${FIRST_YEAR} to ${LAST_YEAR}.` };
  }
  const value = form.value.trim() === "" ? NaN : Number(form.value);
  if (!Number.isFinite(value) || value <= 0) {
    return {
      ok: false,
      error: `Enter the ${metricLabel(form.metric).toLowerCase()} for ${year} as a number more than 0 (${metricUnit(form.metric)}).`,
    };
  }
  return { ok: true, value: { metric: form.metric, year, value } };
}
