import { describe, expect, it } from "vitest";
import { liveFirst, waterAnomalies, waterDaily } from "./fixtures";
import { formatReading, meterChartOption } from "./meterChart";
import { aggregatesToPoints, anomalyMarks, readingsToPoints } from "./readings";

interface LineSeries {
  type: string;
  data: [number, number][];
  sampling: string;
  progressive: number;
  markPoint: { data: { coord: [number, number]; name: string }[] };
}

describe("meterChartOption", () => {
  it("draws a sampled line with a slider and an inside zoom, and pins the anomalies", () => {
    const points = aggregatesToPoints(waterDaily.rows, "day");
    const window = { start: Date.parse("2026-09-01T00:00:00Z"), end: Date.parse("2026-12-02T05:10:00Z") };
    const option = meterChartOption(points, anomalyMarks(waterAnomalies, points), { unit: "m3", window, live: false });
    const [series] = option.series as LineSeries[];
    expect(series?.type).toBe("line");
    expect(series?.sampling).toBe("lttb");
    expect(series?.progressive).toBeGreaterThan(0);
    expect(series?.data).toHaveLength(56);
    const leakDay = waterDaily.rows.find((row) => row.period === "2026-10-28T00:00:00Z")!;
    expect(series?.markPoint.data).toEqual([
      expect.objectContaining({
        name: "Anomaly",
        coord: [Date.parse("2026-10-28T00:00:00Z"), leakDay.sum / leakDay.count],
      }),
    ]);
    expect((option.dataZoom as { type: string }[]).map((zoom) => zoom.type)).toEqual(["slider", "inside"]);
    expect(option.xAxis).toMatchObject({ type: "time", min: window.start, max: window.end });
  });

  it("lets a live feed's axis grow with its readings", () => {
    const points = readingsToPoints(liveFirst);
    const option = meterChartOption(points, [], { unit: "kWh", window: { start: points[0]!.t, end: points[0]!.t }, live: true });
    expect(option.xAxis).toMatchObject({ max: "dataMax" });
  });
});

describe("formatReading", () => {
  it("keeps four significant figures of a small reading", () => {
    expect(formatReading(liveFirst[0]!.value, "kWh", "en-GB")).toBe("0.08196 kWh");
    expect(formatReading(0, "m3", "en-GB")).toBe("0 m3");
    expect(formatReading(16.9, "m3", "en-GB")).toBe("16.9 m3");
    expect(formatReading(null, "m3")).toBe("–");
  });
});
