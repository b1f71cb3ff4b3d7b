/**
 * One meter: its facts, a live feed of its readings (polled every 2 s, only new points
 * appended), Analytics' hourly and daily aggregates for long ranges and zoomed detail, and
 * its anomalies. Turns the answers into the one series the chart draws.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { api, unwrap } from "../../api/client";
import {
  aggregateQuery,
  aggregatesToPoints,
  granularityFor,
  HOUR_MS,
  isFiner,
  lastReadingTime,
  MAX_POINTS,
  mergeReadings,
  MINUTE_MS,
  RANGES,
  readingsToPoints,
  spliceDetail,
  type Granularity,
  type RangeKey,
  type SeriesPoint,
  type TimeWindow,
} from "./readings";
import type { Reading } from "./types";

/** How often the live feed asks for new readings. */
export const POLL_MS = 2_000;
/** How often hourly and daily aggregates that reach today are read again. */
const AGGREGATE_REFRESH_MS = 60_000;
/** Carbon answers at most this many readings per request. */
const PAGE = 10_000;

export function useMeter(meterId: string) {
  return useQuery({
    queryKey: ["meters", "meter", meterId],
    queryFn: () => unwrap(api.GET("/api/v1/carbon/meters/{meter_id}", { params: { path: { meter_id: meterId } } })),
  });
}

export function useFacility(facilityId: string | undefined) {
  return useQuery({
    queryKey: ["meters", "facility", facilityId],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/carbon/facilities/{facility_id}", { params: { path: { facility_id: facilityId ?? "" } } }),
      ),
    enabled: facilityId !== undefined,
  });
}

/** Readings from `from` (inclusive) to `to` (exclusive), oldest first, a page at a time up to `max`. */
async function fetchReadings(meterId: string, from: string, to: string | undefined, max: number, signal?: AbortSignal) {
  let all: Reading[] = [];
  let since = from;
  for (;;) {
    const page = await unwrap(
      api.GET("/api/v1/carbon/meters/{meter_id}/readings", {
        params: { path: { meter_id: meterId }, query: { from: since, ...(to ? { to } : {}), limit: PAGE } },
        signal,
      }),
    );
    all = mergeReadings(all, page, max);
    const last = page.at(-1);
    if (page.length < PAGE || !last || all.length >= max || last.ts === since) return all;
    since = last.ts;
  }
}

/**
 * The meter's readings from `from` on, kept up to date: every 2 s it asks only for what came
 * after the last reading it holds (`from=<last ts>`) and appends what is new.
 */
export function useLiveReadings(meterId: string, from: string | null) {
  const queries = useQueryClient();
  const queryKey = ["meters", "meter", meterId, "live", from] as const;
  return useQuery({
    queryKey,
    queryFn: async ({ signal }) => {
      const held = queries.getQueryData<Reading[]>(queryKey) ?? [];
      const since = lastReadingTime(held) ?? (from as string);
      return mergeReadings(held, await fetchReadings(meterId, since, undefined, MAX_POINTS, signal));
    },
    enabled: from !== null,
    refetchInterval: POLL_MS,
    staleTime: 0,
  });
}

function useAggregates(meterId: string, window: TimeWindow | null, granularity: "hour" | "day", refresh: boolean) {
  const query = window ? aggregateQuery(window) : null;
  return useQuery({
    queryKey: ["meters", "meter", meterId, "aggregates", granularity, query?.from, query?.to],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/analytics/readings", {
          params: { query: { meter_id: meterId, from: query?.from ?? "", to: query?.to ?? "", granularity } },
        }),
      ),
    select: (answer) => aggregatesToPoints(answer.rows, granularity),
    enabled: query !== null,
    refetchInterval: refresh ? AGGREGATE_REFRESH_MS : false,
    placeholderData: keepPreviousData,
  });
}

function useRawWindow(meterId: string, window: TimeWindow | null) {
  const from = window ? new Date(Math.floor(window.start / MINUTE_MS) * MINUTE_MS).toISOString() : null;
  const to = window ? new Date(Math.ceil(window.end / MINUTE_MS) * MINUTE_MS).toISOString() : null;
  return useQuery({
    queryKey: ["meters", "meter", meterId, "raw", from, to],
    queryFn: ({ signal }) => fetchReadings(meterId, from ?? "", to ?? undefined, MAX_POINTS, signal),
    select: readingsToPoints,
    enabled: from !== null,
    placeholderData: keepPreviousData,
  });
}

export interface MeterSeries {
  points: SeriesPoint[];
  /** What most of the series is: readings, or hourly or daily aggregates. */
  granularity: Granularity;
  /** What the zoomed part shows, when it is finer than the rest. */
  detail: Granularity | null;
  /** The x axis: from the range's start; to now for aggregates, to the newest reading for a live feed. */
  window: TimeWindow;
  live: boolean;
  lastReading: string | null;
  isPending: boolean;
  isFetching: boolean;
  error: unknown;
}

/**
 * The series for a range that ends `now` (when it was picked), zoomed to `zoom` or not:
 * ranges up to two days are the live feed of readings; longer ones Analytics' hourly or
 * daily aggregates, with finer data spliced in where the chart is zoomed.
 */
export function useMeterSeries(meterId: string, range: RangeKey, now: number, zoom: TimeWindow | null): MeterSeries {
  const span = RANGES[range].ms;
  const window = useMemo(() => ({ start: now - span, end: now }), [now, span]);
  const granularity = granularityFor(span);
  const raw = granularity === "raw";

  const aggregates = useAggregates(meterId, raw ? null : window, granularity === "day" ? "day" : "hour", true);
  // A long range still follows the newest readings, from the start of its last hour or day.
  const lastBucket = aggregates.data?.at(-1)?.t;
  const tailFrom = raw
    ? new Date(window.start).toISOString()
    : aggregates.isSuccess && !aggregates.isPlaceholderData
      ? new Date(Math.min(lastBucket ?? now - HOUR_MS, now - HOUR_MS)).toISOString()
      : null;
  const feed = useLiveReadings(meterId, tailFrom);

  const zoomed = zoom ? granularityFor(zoom.end - zoom.start) : granularity;
  const detail = zoom && isFiner(zoomed, granularity) ? zoomed : null;
  const hourlyDetail = useAggregates(meterId, detail === "hour" ? zoom : null, "hour", false);
  const rawDetail = useRawWindow(meterId, detail === "raw" ? zoom : null);

  let points: SeriesPoint[];
  if (raw) {
    points = feed.data ? readingsToPoints(feed.data) : [];
  } else {
    points = aggregates.data ?? [];
    if (detail === "hour" && zoom && hourlyDetail.data) {
      points = spliceDetail(points, hourlyDetail.data, aggregateQuery(zoom).covers);
    } else if (detail === "raw" && zoom && rawDetail.data) {
      points = spliceDetail(points, rawDetail.data, zoom);
    }
  }

  const base = raw ? feed : aggregates;
  return {
    points,
    granularity,
    detail,
    window,
    live: raw,
    lastReading: feed.data ? lastReadingTime(feed.data) : null,
    isPending: base.isPending,
    isFetching: hourlyDetail.isFetching || rawDetail.isFetching,
    error: base.error ?? feed.error ?? hourlyDetail.error ?? rawDetail.error,
  };
}

export function useAnomalies(meterId: string, enabled: boolean) {
  return useQuery({
    queryKey: ["meters", "meter", meterId, "anomalies"],
    queryFn: () => unwrap(api.GET("/api/v1/analytics/anomalies", { params: { query: { meter_id: meterId } } })),
    enabled,
    refetchInterval: 30_000,
  });
}

export function useAcknowledge(meterId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (anomalyId: string) =>
      unwrap(
        api.POST("/api/v1/analytics/anomalies/{anomaly_id}/acknowledge", {
          params: { path: { anomaly_id: anomalyId } },
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: ["meters", "meter", meterId, "anomalies"] }),
  });
}
