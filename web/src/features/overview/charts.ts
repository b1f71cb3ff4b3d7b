/** ECharts options for the overview's two charts, from already-shaped data. */
import type { ChartOption } from "../../components/echarts";
import { formatCo2e, formatMonth, tonnes } from "../../lib/format";
import type { AnnualChart, AnnualRow } from "./annual";
import { SCOPES } from "./kpis";
import type { MonthlySeries } from "./monthly";
import { METHOD_LABEL } from "./period";
import type { Scope, Scope2Method } from "./types";

/** Okabe–Ito, scope by scope as the shared palette orders them. */
const SCOPE_COLOUR: Record<Scope, string> = { 1: "#0072B2", 2: "#E69F00", 3: "#009E73" };
const ACTUAL_COLOUR = "#0072B2";
const PATH_COLOUR = "#009E73";
const FORECAST_COLOUR = "#D55E00";
const BAND_COLOUR = "rgba(213, 94, 0, 0.18)";

export function scopeLabel(scope: Scope, method: Scope2Method): string {
  return scope === 2 ? `Scope 2 (${METHOD_LABEL[method]})` : `Scope ${scope}`;
}

function number(value: number, digits: number, locale?: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

/** Room above the plot for the legend: one line when wide, two or three when narrow. */
function layout(narrow: boolean) {
  return {
    legend: { top: 0, itemGap: narrow ? 8 : 10 },
    grid: { left: 8, right: 16, top: narrow ? 84 : 56, bottom: 8 },
  };
}

export function monthlyOption(series: MonthlySeries, method: Scope2Method, narrow = false, locale?: string): ChartOption {
  const { legend, grid } = layout(narrow);
  return {
    tooltip: {
      trigger: "axis",
      axisPointer: { type: "shadow" },
      valueFormatter: (value: unknown) => (typeof value === "number" ? formatCo2e(value * 1000, locale) : "–"),
    },
    legend,
    grid,
    xAxis: {
      type: "category",
      data: series.months.map((row) => formatMonth(row.month, locale).replace(/\s*\d{4}$/, "")),
    },
    yAxis: { type: "value", name: "t CO₂e", nameGap: 12, axisLabel: { formatter: (value: number) => number(value, 3, locale) } },
    series: SCOPES.map((scope) => ({
      name: scopeLabel(scope, method),
      type: "bar",
      stack: "scopes",
      color: SCOPE_COLOUR[scope],
      emphasis: { focus: "series" },
      data: series.months.map((row) => (row.hasData ? tonnes(row.scopes[scope]) : null)),
    })),
  };
}

/** What a value of the annual chart reads as: tonnes for absolute totals, kg per unit for intensity. */
export function annualValue(chart: AnnualChart, value: number | null): number | null {
  if (value === null) return null;
  return chart.unit === "absolute" ? tonnes(value) : value;
}

export function yearLabel(row: AnnualRow): string {
  return row.partial ? `${row.year} (to date)` : String(row.year);
}

/**
 * Bars of actual annual totals, a line for the target path, and the forecast as a line with its
 * prediction interval drawn as a band (a transparent lower line with the interval stacked on it).
 * A lower bound below zero is drawn at zero (emissions are not negative); the table keeps the API's.
 */
export function annualOption(
  chart: AnnualChart,
  unitLabel: string,
  format: (value: number) => string,
  narrow = false,
): ChartOption {
  const { legend, grid } = layout(narrow);
  const value = (raw: number | null) => annualValue(chart, raw);
  const rows = chart.rows;
  const lower = rows.map((row) => (row.lower === null ? null : Math.max(value(row.lower) ?? 0, 0)));
  const band = rows.map((row, index) =>
    row.upper === null ? null : Math.max((value(row.upper) ?? 0) - (lower[index] ?? 0), 0),
  );
  const interval = chart.confidence ? `${Math.round(chart.confidence * 100)} % interval` : "Interval";
  const tooltip = (index: number): string => {
    const row = rows[index];
    if (!row) return "";
    const lines = [`<strong>${yearLabel(row)}</strong>`];
    if (row.actual !== null) lines.push(`Actual: ${format(row.actual)}`);
    if (row.targetPath !== null) lines.push(`Target path: ${format(row.targetPath)}`);
    if (row.forecast !== null) lines.push(`Forecast: ${format(row.forecast)}`);
    if (row.lower !== null && row.upper !== null) lines.push(`${interval}: ${format(row.lower)} to ${format(row.upper)}`);
    return lines.join("<br>");
  };
  return {
    tooltip: {
      trigger: "axis",
      formatter: (params: unknown) => {
        const first = Array.isArray(params) ? (params[0] as { dataIndex?: number } | undefined) : undefined;
        return tooltip(first?.dataIndex ?? -1);
      },
    },
    // Only what is drawn: no "Target path" without a target, no "Forecast" without one.
    legend: {
      ...legend,
      data: [
        "Actual",
        ...(rows.some((row) => row.targetPath !== null) ? ["Target path"] : []),
        ...(rows.some((row) => row.forecast !== null) ? ["Forecast", interval] : []),
      ],
    },
    grid,
    xAxis: {
      type: "category",
      data: rows.map((row) => (row.partial ? `${row.year}\nto date` : String(row.year))),
    },
    yAxis: { type: "value", name: unitLabel, nameGap: 12, min: 0 },
    series: [
      {
        name: "Actual",
        type: "bar",
        color: ACTUAL_COLOUR,
        barMaxWidth: 48,
        data: rows.map((row) =>
          row.actual === null
            ? null
            : { value: value(row.actual), itemStyle: row.partial ? { opacity: 0.6 } : undefined },
        ),
      },
      {
        name: "Target path",
        type: "line",
        color: PATH_COLOUR,
        symbol: "circle",
        symbolSize: 6,
        lineStyle: { width: 2 },
        data: rows.map((row) => value(row.targetPath)),
      },
      {
        name: "Interval lower bound",
        type: "line",
        stack: "interval",
        symbol: "none",
        silent: true,
        lineStyle: { opacity: 0 },
        data: lower,
      },
      {
        name: interval,
        type: "line",
        stack: "interval",
        symbol: "none",
        silent: true,
        color: BAND_COLOUR,
        lineStyle: { opacity: 0 },
        areaStyle: { color: BAND_COLOUR },
        data: band,
      },
      {
        name: "Forecast",
        type: "line",
        color: FORECAST_COLOUR,
        symbol: "diamond",
        symbolSize: 8,
        lineStyle: { type: "dashed", width: 2 },
        data: rows.map((row) => value(row.forecast)),
      },
    ],
  };
}
