/**
 * A meter's readings shaped for its chart: merging polled readings, choosing a granularity
 * from a time span, turning raw readings and Analytics' aggregates into one series, and
 * placing anomalies on it. Pure functions; the hooks fetch, the page draws.
 */
import type { Anomaly, MeterHour, Reading } from "./types";

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** `raw` is the stored readings; `hour` and `day` are Analytics' aggregates. */
export type Granularity = "raw" | "hour" | "day";

export const RANGES = {
  hour: { label: "Last hour", ms: HOUR_MS },
  day: { label: "Last day", ms: DAY_MS },
  week: { label: "Last week", ms: 7 * DAY_MS },
  quarter: { label: "Last 3 months", ms: 92 * DAY_MS },
} as const;
export type RangeKey = keyof typeof RANGES;
export const RANGE_KEYS = Object.keys(RANGES) as RangeKey[];
export const DEFAULT_RANGE: RangeKey = "day";

/** The most readings kept in memory for one chart (a week of 10-second readings). */
export const MAX_POINTS = 60_000;
/** Raw spans at most this long; longer ones use hourly, then daily, aggregates. */
export const RAW_SPAN_MS = 2 * DAY_MS;
export const HOURLY_SPAN_MS = 31 * DAY_MS;

export function parseRange(value: string | null): RangeKey {
  return RANGE_KEYS.find((key) => key === value) ?? DEFAULT_RANGE;
}

/** The finest data that stays light to draw over a span of `spanMs`. */
export function granularityFor(spanMs: number): Granularity {
  if (spanMs <= RAW_SPAN_MS) return "raw";
  if (spanMs <= HOURLY_SPAN_MS) return "hour";
  return "day";
}

const FINENESS: Record<Granularity, number> = { raw: 0, hour: 1, day: 2 };

export function isFiner(a: Granularity, than: Granularity): boolean {
  return FINENESS[a] < FINENESS[than];
}

/** How long one point of a granularity covers (a raw reading is an instant here). */
export function bucketMs(granularity: Granularity): number {
  return granularity === "day" ? DAY_MS : granularity === "hour" ? HOUR_MS : 0;
}

export interface TimeWindow {
  /** Epoch milliseconds, inclusive. */
  start: number;
  /** Epoch milliseconds, exclusive. */
  end: number;
}

/** The UTC calendar day of an instant, as Analytics takes `from` and `to` (YYYY-MM-DD). */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** Analytics' `from`/`to` (whole UTC days, both inclusive) and the window they cover. */
export function aggregateQuery(window: TimeWindow): { from: string; to: string; covers: TimeWindow } {
  const first = startOfUtcDay(window.start);
  const last = startOfUtcDay(Math.max(window.start, window.end - 1));
  return { from: utcDay(first), to: utcDay(last), covers: { start: first, end: last + DAY_MS } };
}

function time(reading: Reading): number {
  return Date.parse(reading.ts);
}

/**
 * `previous` with the readings of `fresh` it does not have yet, oldest first, at most `max`
 * (the newest). Both are oldest first, as Carbon answers. Polling asks `from=<last seen ts>`
 * and `from` is inclusive, so the last reading comes back each time: it is not doubled.
 * When nothing is new the answer is `previous` itself, so nothing redraws.
 */
export function mergeReadings(previous: Reading[], fresh: Reading[], max = MAX_POINTS): Reading[] {
  if (fresh.length === 0) return previous;
  const last = previous.at(-1);
  const lastMs = last ? time(last) : -Infinity;
  let split = 0;
  while (split < fresh.length && time(fresh[split] as Reading) <= lastMs) split += 1;
  const older = fresh.slice(0, split);
  const newer = fresh.slice(split);
  let merged: Reading[];
  const known = older.length > 0 ? new Set(previous.map(time)) : null;
  const unknownOlder = known ? older.filter((reading) => !known.has(time(reading))) : [];
  if (unknownOlder.length > 0) {
    // Readings from before the newest one we hold (a late backfill): merge by time.
    const byTime = new Map<number, Reading>();
    for (const reading of [...previous, ...unknownOlder, ...newer]) byTime.set(time(reading), reading);
    merged = [...byTime.entries()].sort(([a], [b]) => a - b).map(([, reading]) => reading);
  } else if (newer.length > 0) {
    merged = previous.concat(dedupeSorted(newer));
  } else {
    return previous;
  }
  return merged.length > max ? merged.slice(merged.length - max) : merged;
}

function dedupeSorted(readings: Reading[]): Reading[] {
  return readings.filter((reading, index) => index === 0 || time(reading) !== time(readings[index - 1] as Reading));
}

/** One point of the chart and one row of its table. */
export interface SeriesPoint {
  /** Epoch ms: a reading's time, or the start of an aggregate's hour or day. */
  t: number;
  /** A reading's value, or the mean reading of an aggregate (sum / count), in the meter's unit. */
  value: number;
  granularity: Granularity;
  /** Aggregates only. */
  count?: number;
  sum?: number;
  min?: number;
  max?: number;
}

export function readingsToPoints(readings: Reading[]): SeriesPoint[] {
  return readings.map((reading) => ({ t: time(reading), value: reading.value, granularity: "raw" }));
}

/**
 * Aggregates as points on the same scale as raw readings: the mean reading of each hour or
 * day (sum / count), so zooming from days to readings does not jump by a factor of 8,640.
 */
export function aggregatesToPoints(rows: MeterHour[], granularity: "hour" | "day"): SeriesPoint[] {
  return rows
    .filter((row) => row.count > 0)
    .map((row) => ({
      t: Date.parse(row.period),
      value: row.sum / row.count,
      granularity,
      count: row.count,
      sum: row.sum,
      min: row.min,
      max: row.max,
    }));
}

/** Only the points inside a window. */
export function within(points: SeriesPoint[], window: TimeWindow): SeriesPoint[] {
  return points.filter((point) => point.t >= window.start && point.t < window.end);
}

/**
 * The coarse series with the finer one in its place over `covers` (the window the fine data
 * was asked for): detail where the chart is zoomed, the overview elsewhere, oldest first.
 */
export function spliceDetail(coarse: SeriesPoint[], fine: SeriesPoint[], covers: TimeWindow): SeriesPoint[] {
  const before = coarse.filter((point) => point.t < covers.start);
  const after = coarse.filter((point) => point.t >= covers.end);
  return [...before, ...within(fine, covers), ...after];
}

export interface AnomalyMark {
  id: string;
  /** Where on the chart: the point the anomaly falls on. */
  coord: [number, number];
  /** The hour's total, as Analytics scored it. */
  value: number;
  expected: number;
  acknowledged: boolean;
}

/** The index of the first point at or after `t` (points oldest first). */
function firstAtOrAfter(points: SeriesPoint[], t: number): number {
  let low = 0;
  let high = points.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((points[middle] as SeriesPoint).t < t) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Each anomaly's mark on the series: on the highest point of its hour (readings or the
 * hour's aggregate), or on the day that holds it; none when the series does not reach it.
 */
export function anomalyMarks(anomalies: Anomaly[], points: SeriesPoint[]): AnomalyMark[] {
  const marks: AnomalyMark[] = [];
  for (const anomaly of anomalies) {
    const hour = Date.parse(anomaly.hour);
    let at: SeriesPoint | undefined;
    for (let index = firstAtOrAfter(points, hour); index < points.length; index += 1) {
      const point = points[index] as SeriesPoint;
      if (point.t >= hour + HOUR_MS) break;
      if (!at || point.value > at.value) at = point;
    }
    if (!at) {
      const holder = points[firstAtOrAfter(points, hour + 1) - 1];
      if (holder && holder.t + bucketMs(holder.granularity) > hour) at = holder;
    }
    if (!at) continue;
    marks.push({
      id: anomaly.id,
      coord: [at.t, at.value],
      value: anomaly.value,
      expected: anomaly.expected,
      acknowledged: anomaly.acknowledged_at !== null,
    });
  }
  return marks;
}

/** The newest reading's time, or null. */
export function lastReadingTime(readings: Reading[]): string | null {
  return readings.at(-1)?.ts ?? null;
}

/** A page of the table: newest first, `size` rows. */
export function newestFirstPage(points: SeriesPoint[], page: number, size: number): SeriesPoint[] {
  const end = points.length - page * size;
  return points.slice(Math.max(0, end - size), Math.max(0, end)).reverse();
}

/** The zoom window, or null when it (nearly) covers the whole range. */
export function normaliseZoom(zoom: TimeWindow | null, range: TimeWindow): TimeWindow | null {
  if (!zoom) return null;
  const start = Math.max(zoom.start, range.start);
  const end = Math.min(zoom.end, range.end);
  if (end <= start) return null;
  const span = range.end - range.start;
  if (start - range.start <= span * 0.005 && range.end - end <= span * 0.005) return null;
  return { start, end };
}
