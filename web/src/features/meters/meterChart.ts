/** The ECharts option for a meter's readings: a sampled line, zoom, and anomaly pins. */
import type { ChartOption } from "../../components/echarts";
import { formatDateTime, formatQuantity } from "../../lib/format";
import type { AnomalyMark, Granularity, SeriesPoint, TimeWindow } from "./readings";

export const GRANULARITY_WORDS: Record<Granularity, string> = {
  raw: "readings",
  hour: "hourly averages",
  day: "daily averages",
};

const OPEN = "#a4161a"; // --danger
const ACKNOWLEDGED = "#4a5563"; // --ink-muted

/** A reading with four significant figures below 1 (10-second readings are small), else as usual. */
export function formatReading(value: number | null | undefined, unit: string, locale?: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  if (value === 0 || Math.abs(value) >= 1) return formatQuantity(value, unit, locale);
  return `${new Intl.NumberFormat(locale, { maximumSignificantDigits: 4 }).format(value)} ${unit}`;
}

const withSeconds = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

/** A reading's time to the second (live meters read every few seconds). */
export function formatReadingTime(t: number | string): string {
  return withSeconds.format(typeof t === "string" ? new Date(t) : t);
}

interface TooltipParam {
  value?: unknown;
}

export function meterChartOption(
  points: SeriesPoint[],
  marks: AnomalyMark[],
  { unit, window, live }: { unit: string; window: TimeWindow; live: boolean },
): ChartOption {
  const aggregates = new Map<number, SeriesPoint>();
  for (const point of points) if (point.granularity !== "raw") aggregates.set(point.t, point);

  return {
    grid: { left: 8, right: 16, top: 32, bottom: 72, containLabel: true },
    tooltip: {
      trigger: "axis",
      formatter: (params: TooltipParam | TooltipParam[]) => {
        const first = Array.isArray(params) ? params[0] : params;
        const [t, value] = Array.isArray(first?.value) ? (first.value as [number, number]) : [NaN, NaN];
        const aggregate = aggregates.get(t);
        const when = aggregate ? formatDateTime(new Date(t).toISOString()) : formatReadingTime(t);
        if (!aggregate) return `${when}<br>${formatReading(value, unit)}`;
        return (
          `${aggregate.granularity === "day" ? "Day from" : "Hour from"} ${when}<br>` +
          `Mean of ${(aggregate.count ?? 0).toLocaleString()} readings: ${formatReading(aggregate.value, unit)}<br>` +
          `Total ${formatReading(aggregate.sum ?? 0, unit)}, max ${formatReading(aggregate.max ?? 0, unit)}`
        );
      },
    },
    xAxis: { type: "time", min: window.start, max: live ? "dataMax" : window.end },
    yAxis: { type: "value", name: unit, nameTextStyle: { align: "left" } },
    dataZoom: [
      { type: "slider", xAxisIndex: 0, filterMode: "filter", bottom: 16, height: 28 },
      { type: "inside", xAxisIndex: 0, filterMode: "filter", moveOnMouseWheel: false },
    ],
    series: [
      {
        type: "line",
        name: `Reading (${unit})`,
        data: points.map((point) => [point.t, point.value]),
        showSymbol: false,
        sampling: "lttb",
        progressive: 5_000,
        progressiveThreshold: 10_000,
        lineStyle: { width: 1.5 },
        emphasis: { disabled: true },
        markPoint: {
          symbol: "pin",
          symbolSize: 38,
          label: { formatter: "!", color: "#ffffff", fontWeight: "bold" },
          data: marks.map((mark) => ({
            name: mark.acknowledged ? "Acknowledged anomaly" : "Anomaly",
            coord: mark.coord,
            value: mark.value,
            itemStyle: { color: mark.acknowledged ? ACKNOWLEDGED : OPEN },
          })),
          tooltip: {
            trigger: "item",
            formatter: (param: { name?: string; value?: unknown }) =>
              `${param.name ?? "Anomaly"}: ${formatReading(Number(param.value), unit)} in the hour`,
          },
        },
      },
    ],
  };
}
