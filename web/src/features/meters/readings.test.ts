import { describe, expect, it } from "vitest";
import {
  aggregateQuery,
  aggregatesToPoints,
  anomalyMarks,
  DAY_MS,
  granularityFor,
  HOUR_MS,
  isFiner,
  lastReadingTime,
  mergeReadings,
  newestFirstPage,
  normaliseZoom,
  parseRange,
  RANGES,
  readingsToPoints,
  spliceDetail,
} from "./readings";
import { liveFirst, liveHourly, livePoll, waterAnomalies, waterDaily, waterHourlyOct28, waterRawLeak } from "./fixtures";

describe("mergeReadings", () => {
  it("appends a poll's new readings once, though `from` gives back the last one seen", () => {
    const merged = mergeReadings(liveFirst, livePoll);
    expect(livePoll[0]).toEqual(liveFirst.at(-1));
    expect(merged).toHaveLength(liveFirst.length + 1);
    expect(merged.at(-1)).toEqual({ ts: "2026-12-02T05:14:10Z", value: 0.082056 });
    expect(new Set(merged.map((reading) => reading.ts)).size).toBe(merged.length);
  });

  it("answers the same array when a poll brings nothing new, so nothing redraws", () => {
    expect(mergeReadings(liveFirst, [liveFirst.at(-1)!])).toBe(liveFirst);
    expect(mergeReadings(liveFirst, [])).toBe(liveFirst);
  });

  it("takes the first answer whole", () => {
    expect(mergeReadings([], liveFirst)).toEqual(liveFirst);
  });

  it("is idempotent: merging the same poll twice changes nothing", () => {
    const once = mergeReadings(liveFirst, livePoll);
    expect(mergeReadings(once, livePoll)).toBe(once);
  });

  it("puts a late reading from before the newest one in its place", () => {
    const withoutOne = liveFirst.filter((_, index) => index !== 5);
    const merged = mergeReadings(withoutOne, [liveFirst[5]!, ...livePoll]);
    expect(merged.map((reading) => reading.ts)).toEqual(mergeReadings(liveFirst, livePoll).map((reading) => reading.ts));
  });

  it("keeps only the newest `max` readings", () => {
    const merged = mergeReadings(liveFirst, livePoll, 10);
    expect(merged).toHaveLength(10);
    expect(merged.at(-1)?.ts).toBe("2026-12-02T05:14:10Z");
  });
});

describe("granularity", () => {
  it("draws readings up to two days, hourly aggregates up to a month, daily beyond", () => {
    expect(granularityFor(RANGES.hour.ms)).toBe("raw");
    expect(granularityFor(RANGES.day.ms)).toBe("raw");
    expect(granularityFor(2 * DAY_MS)).toBe("raw");
    expect(granularityFor(2 * DAY_MS + 1)).toBe("hour");
    expect(granularityFor(RANGES.week.ms)).toBe("hour");
    expect(granularityFor(RANGES.quarter.ms)).toBe("day");
    expect(isFiner("raw", "hour")).toBe(true);
    expect(isFiner("day", "hour")).toBe(false);
  });

  it("reads the range from the URL, with a default", () => {
    expect(parseRange("week")).toBe("week");
    expect(parseRange(null)).toBe("day");
    expect(parseRange("constructor")).toBe("day");
  });

  it("asks Analytics for whole UTC days", () => {
    const start = Date.parse("2026-10-27T18:30:00Z");
    const end = Date.parse("2026-10-29T00:00:00Z");
    expect(aggregateQuery({ start, end })).toEqual({
      from: "2026-10-27",
      to: "2026-10-28",
      covers: { start: Date.parse("2026-10-27T00:00:00Z"), end: Date.parse("2026-10-29T00:00:00Z") },
    });
  });
});

describe("points", () => {
  it("plots readings as they are", () => {
    const points = readingsToPoints(waterRawLeak);
    expect(points[3]).toEqual({ t: Date.parse("2026-10-28T03:00:00Z"), value: 3, granularity: "raw" });
  });

  it("plots an aggregate as its mean reading, on the scale of the readings", () => {
    const [first] = aggregatesToPoints(liveHourly.rows, "hour");
    expect(first?.t).toBe(Date.parse("2026-12-02T04:00:00Z"));
    expect(first?.value).toBeCloseTo(14.059683 / 281, 9);
    expect(first).toMatchObject({ count: 281, min: 0.030505, max: 0.089464, granularity: "hour" });
    const day = aggregatesToPoints(waterDaily.rows, "day");
    expect(day).toHaveLength(56);
    // 24 hourly readings a day: a working day's mean reading and a weekend's
    expect(day[0]?.value).toBeCloseTo(14.1 / 24, 9);
    expect(day.find((point) => point.t === Date.parse("2026-10-03T00:00:00Z"))?.value).toBeCloseTo(0.15, 9);
  });

  it("splices hourly detail into the daily overview where the chart is zoomed", () => {
    const daily = aggregatesToPoints(waterDaily.rows, "day");
    const hourly = aggregatesToPoints(waterHourlyOct28.rows, "hour");
    const covers = { start: Date.parse("2026-10-28T00:00:00Z"), end: Date.parse("2026-10-29T00:00:00Z") };
    const spliced = spliceDetail(daily, hourly, covers);
    expect(spliced).toHaveLength(daily.length - 1 + 24);
    expect(spliced.filter((point) => point.granularity === "hour")).toHaveLength(24);
    const times = spliced.map((point) => point.t);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(spliced.some((point) => point.granularity === "day" && point.t === covers.start)).toBe(false);
  });

  it("pages the table newest first", () => {
    const points = readingsToPoints(liveFirst);
    expect(newestFirstPage(points, 0, 5).map((point) => point.t)).toEqual(
      points.slice(-5).reverse().map((point) => point.t),
    );
    expect(newestFirstPage(points, 4, 5)).toHaveLength(3);
    expect(newestFirstPage(points, 5, 5)).toEqual([]);
    expect(lastReadingTime(liveFirst)).toBe("2026-12-02T05:14:00Z");
    expect(lastReadingTime([])).toBeNull();
  });
});

describe("anomalyMarks", () => {
  const [leak] = waterAnomalies;

  it("marks the leak on its reading", () => {
    const marks = anomalyMarks(waterAnomalies, readingsToPoints(waterRawLeak));
    expect(marks).toEqual([
      { id: leak!.id, coord: [Date.parse("2026-10-28T03:00:00Z"), 3], value: 3, expected: 0.15, acknowledged: false },
    ]);
  });

  it("marks it on its hour, and on its day when the series is daily", () => {
    const hourly = anomalyMarks(waterAnomalies, aggregatesToPoints(waterHourlyOct28.rows, "hour"));
    expect(hourly[0]?.coord).toEqual([Date.parse("2026-10-28T03:00:00Z"), 3]);
    const daily = anomalyMarks(waterAnomalies, aggregatesToPoints(waterDaily.rows, "day"));
    const day = waterDaily.rows.find((row) => row.period === "2026-10-28T00:00:00Z")!;
    expect(daily[0]?.coord).toEqual([Date.parse("2026-10-28T00:00:00Z"), day.sum / day.count]);
  });

  it("leaves out an anomaly the series does not reach", () => {
    expect(anomalyMarks(waterAnomalies, readingsToPoints(liveFirst))).toEqual([]);
    expect(anomalyMarks(waterAnomalies, [])).toEqual([]);
  });
});

describe("normaliseZoom", () => {
  const range = { start: Date.parse("2026-09-01T00:00:00Z"), end: Date.parse("2026-12-02T00:00:00Z") };

  it("is null when the whole range shows", () => {
    expect(normaliseZoom(null, range)).toBeNull();
    expect(normaliseZoom({ start: range.start - HOUR_MS, end: range.end + HOUR_MS }, range)).toBeNull();
  });

  it("keeps a zoom inside the range", () => {
    const zoom = { start: Date.parse("2026-10-27T00:00:00Z"), end: Date.parse("2026-10-29T00:00:00Z") };
    expect(normaliseZoom(zoom, range)).toEqual(zoom);
    expect(normaliseZoom({ start: range.start - DAY_MS, end: zoom.end }, range)).toEqual({ start: range.start, end: zoom.end });
  });
});
