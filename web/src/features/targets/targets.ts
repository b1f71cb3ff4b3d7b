/** Pure shaping for targets: words, form → request body, progress → chart rows and option. */
import type { ChartOption } from "../../components/echarts";
import { formatCo2e, formatPercent, formatQuantity, tonnes } from "../../lib/format";
import type {
  Denominator,
  Forecast,
  Metric,
  Scope,
  Scope2Method,
  Target,
  TargetIn,
  TargetProgress,
  YearScopeRow,
} from "./types";

export const SCOPES: readonly Scope[] = [1, 2, 3];
export const METRICS: readonly Metric[] = ["employees", "floor_area_m2", "revenue"];

/** What one unit of a denominator is, in words ("kg CO₂e per employee"). */
export const METRIC_UNIT: Record<Metric, string> = {
  employees: "employee",
  floor_area_m2: "m²",
  revenue: "unit of revenue",
};

export const METRIC_LABEL: Record<Metric, string> = {
  employees: "Employees (FTE)",
  floor_area_m2: "Floor area (m²)",
  revenue: "Revenue",
};

/** "Scope 1", "Scopes 1 and 2", "Scopes 1, 2 and 3". */
export function scopeList(scopes: readonly number[]): string {
  const sorted = [...scopes].sort((a, b) => a - b).map(String);
  if (sorted.length === 0) return "No scope";
  if (sorted.length === 1) return `Scope ${sorted[0]}`;
  return `Scopes ${sorted.slice(0, -1).join(", ")} and ${sorted[sorted.length - 1]}`;
}

/** The scopes, with which scope 2 figure counts when scope 2 is among them. */
export function describeScopes(target: Pick<Target, "scopes" | "scope2_method">): string {
  const list = scopeList(target.scopes);
  return target.scopes.includes(2) ? `${list} (scope 2 ${target.scope2_method}-based)` : list;
}

/** "Absolute" or "Intensity per employee". */
export function describeKind(target: Pick<Target, "kind" | "metric">): string {
  if (target.kind === "intensity" && target.metric) return `Intensity per ${METRIC_UNIT[target.metric]}`;
  return "Absolute";
}

/** A value of the target's measure: kg/t CO₂e, or kg CO₂e per denominator unit. */
export function formatMeasure(value: number | null | undefined, target: Pick<Target, "kind" | "metric">): string {
  if (target.kind === "intensity" && target.metric) {
    return formatQuantity(value, `kg CO₂e per ${METRIC_UNIT[target.metric]}`);
  }
  return formatCo2e(value);
}

// --- the create form ----------------------------------------------------------------

export interface TargetForm {
  name: string;
  kind: "absolute" | "intensity";
  metric: Metric;
  scopes: Scope[];
  scope2Method: Scope2Method;
  baseYear: string;
  targetYear: string;
  reductionPct: string;
}

export function emptyTargetForm(yearsWithData: readonly number[], thisYear: number): TargetForm {
  return {
    name: "",
    kind: "absolute",
    metric: "employees",
    scopes: [1, 2],
    scope2Method: "location",
    baseYear: String(yearsWithData[0] ?? thisYear - 1),
    targetYear: String(thisYear + 5 - (thisYear % 5)),
    reductionPct: "",
  };
}

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

function wholeYear(text: string): number | null {
  const year = Number(text);
  return Number.isInteger(year) && year >= 1900 && year <= 2200 ? year : null;
}

/** The body `POST /analytics/targets` takes, or what to fix first (the API's own rules). */
export function targetBody(form: TargetForm): Checked<TargetIn> {
  const name = form.name.trim();
  if (!name) return { ok: false, error: "Give the target a name." };
  if (form.scopes.length === 0) return { ok: false, error: "Choose at least one scope." };
  const base = wholeYear(form.baseYear);
  const goal = wholeYear(form.targetYear);
  if (base === null || goal === null) return { ok: false, error: "Years are whole numbers from 1900 to 2200." };
  if (goal <= base) return { ok: false, error: "The target year must come after the base year." };
  const pct = Number(form.reductionPct);
  if (form.reductionPct.trim() === "" || !Number.isFinite(pct) || pct <= 0 || pct > 100) {
    return { ok: false, error: "The reduction is a percentage above 0 and at most 100." };
  }
  return {
    ok: true,
    value: {
      name,
      kind: form.kind,
      metric: form.kind === "intensity" ? form.metric : null,
      scopes: [...new Set(form.scopes)].sort((a, b) => a - b),
      scope2_method: form.scope2Method,
      base_year: base,
      target_year: goal,
      reduction_pct: pct,
    },
  };
}

// --- whether progress can be asked ----------------------------------------------------

/** Year → kg CO₂e of the given scopes, from `GET /emissions?group_by=year,scope` rows. */
export function totalsByYear(rows: readonly YearScopeRow[], scopes: readonly number[]): Map<number, number> {
  const totals = new Map<number, number>();
  for (const row of rows) {
    if (!scopes.includes(row.scope)) continue;
    totals.set(row.year, (totals.get(row.year) ?? 0) + row.co2e_kg);
  }
  return new Map([...totals].filter(([, kg]) => kg !== 0).sort(([a], [b]) => a - b));
}

export type Readiness = { ready: true; yearsWithData: number[] } | { ready: false; reason: string; yearsWithData: number[] };

function yearsText(years: readonly number[]): string {
  return years.length ? `years with data: ${years.join(", ")}` : "no year has data yet";
}

/**
 * Whether `GET /targets/{id}/progress` has something to answer: it answers 422 without a
 * base-year value (no emissions in the target's scopes, or no denominator for an intensity
 * target), so the pages ask only when it will answer, and say why otherwise.
 */
export function readiness(
  target: Target,
  rows: readonly YearScopeRow[],
  denominators: readonly Denominator[],
): Readiness {
  const totals = totalsByYear(rows, target.scopes);
  let years = [...totals.keys()];
  if (target.kind === "intensity" && target.metric) {
    const per = new Set(denominators.filter((d) => d.metric === target.metric && d.value > 0).map((d) => d.year));
    years = years.filter((year) => per.has(year));
    if (!years.includes(target.base_year)) {
      return {
        ready: false,
        yearsWithData: years,
        reason: totals.has(target.base_year)
          ? `No ${METRIC_LABEL[target.metric].toLowerCase()} figure for the base year ${target.base_year}: add the denominator for ${target.base_year} to measure intensity (${yearsText(years)}).`
          : `No emissions in ${scopeList(target.scopes).toLowerCase()} for the base year ${target.base_year}: record activities for ${target.base_year} (${yearsText(years)}).`,
      };
    }
    return { ready: true, yearsWithData: years };
  }
  if (!totals.has(target.base_year)) {
    return {
      ready: false,
      yearsWithData: years,
      reason: `No emissions in ${scopeList(target.scopes).toLowerCase()} for the base year ${target.base_year}: record activities for ${target.base_year}, or set a target whose base year has data (${yearsText(years)}).`,
    };
  }
  return { ready: true, yearsWithData: years };
}

/** `GET /emissions/forecast` answers 422 below three years with data. */
export const MIN_FORECAST_YEARS = 3;

// --- words ------------------------------------------------------------------------------

export interface Verdict {
  onTrack: boolean;
  badge: string;
  sentence: string;
}

/** "24.1% below 2024", or "3% above 2024" when the total has grown since the base year. */
export function achievedSince(target: Pick<Target, "base_year">, progress: TargetProgress): string {
  const pct = progress.reduction_achieved_pct;
  return `${formatPercent(Math.abs(pct) / 100)} ${pct >= 0 ? "below" : "above"} ${target.base_year}`;
}

export function verdict(target: Target, progress: TargetProgress): Verdict {
  const actual = formatMeasure(progress.latest_value, target);
  const path = formatMeasure(progress.target_path_value, target);
  const since = achievedSince(target, progress);
  if (progress.on_track) {
    return {
      onTrack: true,
      badge: "On track",
      sentence: `On track: in ${progress.latest_year} the total was ${actual}, at or below the target path's ${path} for that year (${since}).`,
    };
  }
  return {
    onTrack: false,
    badge: "Off track",
    sentence: `Off track: in ${progress.latest_year} the total was ${actual}, above the target path's ${path} for that year (${since}).`,
  };
}

export interface RequiredReduction {
  linear: string;
  compound: string;
  /** Said instead when the target year has come: there are no years left to spread it over. */
  note: string | null;
}

export function requiredReduction(target: Target, progress: TargetProgress): RequiredReduction {
  const { linear_per_year: linear, compound_pct_per_year: compound } = progress.required_annual_reduction;
  if (linear === null && compound === null) {
    return {
      linear: "–",
      compound: "–",
      note: `The target year ${target.target_year} has come (latest data ${progress.latest_year}): there are no years left to spread a reduction over.`,
    };
  }
  // Below the goal already: the API answers a negative reduction, i.e. room to grow.
  if (linear !== null && linear <= 0) {
    return {
      linear: "None needed",
      compound: "None needed",
      note: `${progress.latest_year} is already below the goal for ${target.target_year}: the total could rise by up to ${formatMeasure(-linear, target)} (${formatPercent(-(compound ?? 0) / 100)}) a year and still meet it.`,
    };
  }
  return {
    linear: linear === null ? "–" : formatMeasure(linear, target),
    compound: compound === null ? "–" : formatPercent(compound / 100),
    note: null,
  };
}

export function forecastSentence(target: Target, progress: TargetProgress): string | null {
  const point = progress.forecast;
  if (!point) return null;
  const value = formatMeasure(point.value, target);
  const range = `${formatMeasure(point.lower, target)} to ${formatMeasure(point.upper, target)}`;
  const goal = formatMeasure(progress.target_value, target);
  return point.meets_target
    ? `The linear trend reaches ${value} in ${point.year} (95% interval ${range}), which meets the target of ${goal}.`
    : `The linear trend reaches ${value} in ${point.year} (95% interval ${range}), which misses the target of ${goal}.`;
}

// --- chart rows ---------------------------------------------------------------------------

export interface PathRow {
  year: number;
  actual: number | null;
  targetPath: number;
  forecast: number | null;
  lower: number | null;
  upper: number | null;
}

/** The straight line from the base-year value to the target value (analytics `path_value`). */
export function pathValue(target: Target, progress: TargetProgress, year: number): number {
  const share = (year - target.base_year) / (target.target_year - target.base_year);
  const clamped = Math.min(Math.max(share, 0), 1);
  return progress.base_value - (progress.base_value - progress.target_value) * clamped;
}

/**
 * One row per year from the base year to the target year (or the latest year, if later):
 * actuals and target path as progress answers them (the path extended past the latest
 * year by the same straight line), and the forecast with its interval. For an absolute
 * target `forecast` (from `GET /emissions/forecast`, kg CO₂e) gives every future year; an
 * intensity target has only progress's forecast at the target year, in its own measure.
 */
export function pathRows(target: Target, progress: TargetProgress, forecast: Forecast | null): PathRow[] {
  const known = new Map(progress.years.map((row) => [row.year, row]));
  const future = new Map<number, { value: number; lower: number; upper: number }>();
  if (forecast && target.kind === "absolute") {
    for (const point of forecast.points) {
      if (point.year > progress.latest_year && point.year <= target.target_year) future.set(point.year, point);
    }
  }
  if (progress.forecast && !future.has(progress.forecast.year)) future.set(progress.forecast.year, progress.forecast);
  const last = Math.max(target.target_year, progress.latest_year);
  const rows: PathRow[] = [];
  for (let year = target.base_year; year <= last; year += 1) {
    const answered = known.get(year);
    const point = future.get(year);
    rows.push({
      year,
      actual: answered?.actual ?? null,
      targetPath: answered ? answered.target_path : round6(pathValue(target, progress, year)),
      forecast: point?.value ?? null,
      lower: point?.lower ?? null,
      upper: point?.upper ?? null,
    });
  }
  return rows;
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

const COLOURS = { actual: "#0072B2", path: "#009E73", forecast: "#D55E00", band: "rgba(213, 94, 0, 0.18)" };

/**
 * The chart of the path: actual totals as bars, the target path and the forecast as lines,
 * the forecast's 95% interval as a band (stacked areas, its lower edge drawn at zero where
 * the interval goes below it: emissions are not negative; the table keeps the figures).
 */
export function pathChartOption(target: Target, rows: readonly PathRow[]): ChartOption {
  const absolute = target.kind === "absolute";
  const scale = (value: number | null) => (value === null ? null : absolute ? round6(tonnes(value)) : value);
  const unit = absolute ? "t CO₂e" : target.metric ? `kg CO₂e per ${METRIC_UNIT[target.metric]}` : "kg CO₂e";
  const years = rows.map((row) => String(row.year));
  // The forecast line starts from the latest actual so it reads as a continuation.
  const lastActual = [...rows].reverse().find((row) => row.actual !== null);
  const forecastLine = rows.map((row) =>
    row.forecast !== null ? scale(row.forecast) : row === lastActual && rows.some((r) => r.forecast !== null && r.year > row.year) ? scale(row.actual) : null,
  );
  const lowerEdge = rows.map((row) => (row.lower === null ? null : Math.max(scale(row.lower) ?? 0, 0)));
  const bandHeight = rows.map((row, index) => {
    const lower = lowerEdge[index];
    const upper = scale(row.upper);
    return lower === null || lower === undefined || upper === null ? null : round6(Math.max(upper - lower, 0));
  });
  return {
    grid: { left: 8, right: 16, top: 36, bottom: 56, containLabel: true },
    legend: { bottom: 0, data: ["Actual", "Target path", "Forecast", "95% interval"] },
    tooltip: { trigger: "axis" },
    xAxis: { type: "category", data: years },
    yAxis: { type: "value", name: unit, nameTextStyle: { align: "left" } },
    series: [
      { name: "Actual", type: "bar", data: rows.map((row) => scale(row.actual)), itemStyle: { color: COLOURS.actual } },
      {
        name: "Target path",
        type: "line",
        data: rows.map((row) => scale(row.targetPath)),
        itemStyle: { color: COLOURS.path },
        lineStyle: { width: 2 },
        symbol: "circle",
      },
      {
        name: "Forecast",
        type: "line",
        data: forecastLine,
        connectNulls: false,
        itemStyle: { color: COLOURS.forecast },
        lineStyle: { type: "dashed", width: 2 },
        symbol: "triangle",
      },
      {
        name: "interval lower edge",
        type: "line",
        stack: "interval",
        data: lowerEdge,
        lineStyle: { opacity: 0 },
        symbol: "none",
        silent: true,
        tooltip: { show: false },
      },
      {
        name: "95% interval",
        type: "line",
        stack: "interval",
        data: bandHeight,
        lineStyle: { opacity: 0 },
        areaStyle: { color: COLOURS.band },
        itemStyle: { color: COLOURS.band },
        symbol: "none",
        silent: true,
        tooltip: { show: false },
      },
    ],
  };
}
