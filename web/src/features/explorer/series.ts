/** The emissions answer shaped for the explorer's chart, table and CSV. */
import type { ChartOption } from "../../components/echarts";
import { formatCo2e } from "../../lib/format";
import type { Cell } from "../../lib/csv";
import { drillKey } from "./drilldown";
import { DIMENSION_LABELS, valueLabel, type FacilityNames } from "./labels";
import {
  DIMENSIONS,
  type ChartKind,
  type Dimension,
  type EmissionsAnswer,
  type EmissionsRow,
  type ExplorerState,
  type GroupKey,
  type KeyValue,
} from "./types";

function isKeyValue(value: unknown): value is KeyValue {
  return value === null || typeof value === "string" || typeof value === "number";
}

/** The dimensions an answer is grouped by, as the API echoes them. */
export function dimensionsOf(answer: EmissionsAnswer): Dimension[] {
  return answer.group_by.filter((name): name is Dimension => (DIMENSIONS as readonly string[]).includes(name));
}

/** The answer's rows, typed: each with its key values and co2e_kg (malformed rows dropped). */
export function emissionsRows(answer: EmissionsAnswer): EmissionsRow[] {
  const dimensions = dimensionsOf(answer);
  const rows: EmissionsRow[] = [];
  for (const raw of answer.rows) {
    const co2e = raw.co2e_kg;
    if (typeof co2e !== "number") continue;
    const row: EmissionsRow = { co2e_kg: co2e };
    let ok = true;
    for (const dimension of dimensions) {
      const value = raw[dimension];
      if (!isKeyValue(value)) ok = false;
      else row[dimension] = value;
    }
    if (ok) rows.push(row);
  }
  return rows;
}

function keyOf(row: EmissionsRow, dimensions: readonly Dimension[]): GroupKey {
  const key: GroupKey = {};
  for (const dimension of dimensions) key[dimension] = row[dimension] ?? null;
  return key;
}

/** The API's order (queries.sort_key): no value first, then numbers or names ascending. */
export function compareKeys(a: KeyValue, b: KeyValue): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b));
}

const isTime = (dimension: Dimension) => dimension === "month" || dimension === "year";

/** Every month ("YYYY-MM") or year of a window, so a time axis has no gaps. */
export function periodsBetween(dimension: "month" | "year", from: string, to: string): KeyValue[] {
  const [fromYear, fromMonth] = from.split("-").map(Number) as [number, number];
  const [toYear, toMonth] = to.split("-").map(Number) as [number, number];
  const periods: KeyValue[] = [];
  if (dimension === "year") {
    for (let year = fromYear; year <= toYear; year += 1) periods.push(year);
    return periods;
  }
  let [year, month] = [fromYear, fromMonth];
  while (year < toYear || (year === toYear && month <= toMonth)) {
    periods.push(`${year}-${String(month).padStart(2, "0")}`);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return periods;
}

export interface TableRow {
  /** The group's drill key: stable, and what the drill-down opens. */
  id: string;
  key: GroupKey;
  /** The group's value for each dimension, in words. */
  labels: Partial<Record<Dimension, string>>;
  co2eKg: number;
  /** Of the answer's total; null when the total is zero. */
  share: number | null;
}

/**
 * The table's rows: time groups in time order, other groups largest first (within a
 * group, the split values in the API's order: scope 1, 2, 3; no facility first...).
 */
export function tableRows(answer: EmissionsAnswer, names: FacilityNames, method: ExplorerState["method"]): TableRow[] {
  const dimensions = dimensionsOf(answer);
  const rows = emissionsRows(answer);
  const [group] = dimensions;
  if (group && !isTime(group)) {
    const totals = new Map<KeyValue, number>();
    for (const row of rows) totals.set(row[group] ?? null, (totals.get(row[group] ?? null) ?? 0) + row.co2e_kg);
    const order = [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([value]) => value);
    const rank = new Map(order.map((value, index) => [value, index]));
    rows.sort((a, b) => (rank.get(a[group] ?? null) ?? 0) - (rank.get(b[group] ?? null) ?? 0));
  }
  const total = answer.total_co2e_kg;
  return rows.map((row) => {
    const key = keyOf(row, dimensions);
    const labels: Partial<Record<Dimension, string>> = {};
    for (const dimension of dimensions) labels[dimension] = valueLabel(dimension, key[dimension], names, method);
    return { id: drillKey(key), key, labels, co2eKg: row.co2e_kg, share: total ? row.co2e_kg / total : null };
  });
}

export interface ChartSeries {
  /** The split's value (null: no split, or the split's "none" value). */
  key: KeyValue;
  name: string;
  /** kg CO2e per category, in the categories' order (0 where the group has no data). */
  values: number[];
}

export interface ChartData {
  group: Dimension;
  split: Dimension | null;
  /** Non-time groups read best as horizontal bars, largest at the top. */
  horizontal: boolean;
  categories: { key: KeyValue; label: string }[];
  series: ChartSeries[];
}

/** Categories and series for the chart: one series, or one per split value. */
export function chartData(answer: EmissionsAnswer, names: FacilityNames, method: ExplorerState["method"]): ChartData | null {
  const dimensions = dimensionsOf(answer);
  const [group, split = null] = dimensions;
  if (!group) return null;
  const rows = tableRows(answer, names, method);
  let categoryKeys: KeyValue[];
  if (group === "month" || group === "year") {
    categoryKeys = periodsBetween(group, answer.from, answer.to);
  } else {
    categoryKeys = [];
    for (const row of rows) if (!categoryKeys.includes(row.key[group] ?? null)) categoryKeys.push(row.key[group] ?? null);
  }
  const index = new Map(categoryKeys.map((key, position) => [key, position]));
  const seriesKeys: KeyValue[] = [];
  for (const row of emissionsRows(answer)) {
    const value = split ? (row[split] ?? null) : null;
    if (!seriesKeys.includes(value)) seriesKeys.push(value);
  }
  seriesKeys.sort(compareKeys);
  const series = seriesKeys.map<ChartSeries>((key) => ({
    key,
    name: split ? valueLabel(split, key, names, method) : "CO₂e",
    values: categoryKeys.map(() => 0),
  }));
  const seriesIndex = new Map(seriesKeys.map((key, position) => [key, position]));
  for (const row of rows) {
    const at = index.get(row.key[group] ?? null);
    const which = seriesIndex.get(split ? (row.key[split] ?? null) : null);
    if (at === undefined || which === undefined) continue;
    const target = series[which];
    if (target) target.values[at] = (target.values[at] ?? 0) + row.co2eKg;
  }
  return {
    group,
    split,
    horizontal: !isTime(group),
    categories: categoryKeys.map((key) => ({ key, label: valueLabel(group, key, names, method) })),
    series,
  };
}

/** The axis unit that reads best for the largest figure: kg, t or kt CO2e. */
export function axisUnit(data: ChartData): { name: string; divisor: number } {
  const largest = Math.max(0, ...data.categories.map((_, at) => data.series.reduce((sum, s) => sum + Math.abs(s.values[at] ?? 0), 0)));
  if (largest >= 1_000_000) return { name: "kt CO₂e", divisor: 1_000_000 };
  if (largest >= 1_000) return { name: "t CO₂e", divisor: 1_000 };
  return { name: "kg CO₂e", divisor: 1 };
}

/** The ECharts option for the chart data: stacked bars (or lines over time). */
export function chartOption(data: ChartData, kind: ChartKind): ChartOption {
  const unit = axisUnit(data);
  const line = kind === "line" && !data.horizontal;
  const valueAxis = { type: "value", name: unit.name, nameLocation: "end", axisLabel: { hideOverlap: true } };
  const categoryAxis = {
    type: "category",
    data: data.categories.map((category) => category.label),
    inverse: data.horizontal,
    axisLabel: data.horizontal ? { width: 160, overflow: "truncate" } : { hideOverlap: true },
  };
  return {
    tooltip: {
      trigger: "axis",
      axisPointer: { type: line ? "line" : "shadow" },
      valueFormatter: (value: unknown) => formatCo2e(Number(value) * unit.divisor),
    },
    legend: data.split ? { type: "scroll", top: 0 } : undefined,
    grid: { left: 8, right: 24, top: data.split ? 48 : 32, bottom: 8 },
    xAxis: data.horizontal ? valueAxis : categoryAxis,
    yAxis: data.horizontal ? categoryAxis : valueAxis,
    series: data.series.map((series) => ({
      type: line ? "line" : "bar",
      name: series.name,
      stack: data.split && !line ? "total" : undefined,
      data: series.values.map((value) => value / unit.divisor),
      emphasis: { focus: "series" },
      cursor: "pointer",
      ...(line ? { symbolSize: 8 } : { barMaxWidth: 48 }),
    })),
  };
}

/** The group a click on the chart means (a bar, or a line's point). */
export function clickedKey(data: ChartData, click: { dataIndex: number; seriesName?: string }): GroupKey | null {
  const category = data.categories[click.dataIndex];
  if (!category) return null;
  const key: GroupKey = { [data.group]: category.key };
  if (data.split) {
    const series = data.series.find((candidate) => candidate.name === click.seriesName);
    if (!series) return null;
    key[data.split] = series.key;
  }
  return key;
}

/** The table as CSV: words for each dimension (with facility ids beside names), kg and share. */
export function csvTable(rows: TableRow[], dimensions: readonly Dimension[]): { header: string[]; rows: Cell[][] } {
  const header: string[] = [];
  for (const dimension of dimensions) {
    header.push(DIMENSION_LABELS[dimension]);
    if (dimension === "facility") header.push("Facility ID");
    if (dimension === "month") header.push("Month (YYYY-MM)");
  }
  header.push("CO2e (kg)", "Share of total");
  return {
    header,
    rows: rows.map((row) => {
      const cells: Cell[] = [];
      for (const dimension of dimensions) {
        cells.push(row.labels[dimension] ?? "");
        if (dimension === "facility" || dimension === "month") cells.push(row.key[dimension] ?? "");
      }
      cells.push(row.co2eKg, row.share === null ? "" : Number(row.share.toFixed(6)));
      return cells;
    }),
  };
}

export function csvName(state: Pick<ExplorerState, "from" | "to" | "group" | "split" | "method">): string {
  const groups = [state.group, state.split].filter(Boolean).join("-");
  return `emissions-${state.from}-to-${state.to}-by-${groups}-${state.method}.csv`;
}
