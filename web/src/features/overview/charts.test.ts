import { describe, expect, it } from "vitest";
import { absoluteChart, annualTotals } from "./annual";
import { annualOption, monthlyOption, scopeLabel } from "./charts";
import * as answers from "./fixtures";
import { monthlyByScope } from "./monthly";

interface Series {
  name: string;
  data: (number | null | { value: number | null })[];
}

function seriesOf(option: Record<string, unknown>): Series[] {
  return option.series as Series[];
}

describe("monthlyOption", () => {
  it("stacks a series per scope in tonnes, blank where a month has no data", () => {
    const option = monthlyOption(monthlyByScope(answers.monthly2026, 2026), "market", false, "en-GB") as Record<string, unknown>;
    const series = seriesOf(option);
    expect(series.map((row) => row.name)).toEqual(["Scope 1", "Scope 2 (market-based)", "Scope 3"]);
    expect(series[0]?.data[0]).toBeCloseTo(2.19238016, 9);
    expect(series[0]?.data[11]).toBeNull();
    const tonnes = series.flatMap((row) => row.data).reduce<number>((sum, value) => sum + (typeof value === "number" ? value : 0), 0);
    expect(tonnes * 1000).toBeCloseTo(answers.monthly2026.total_co2e_kg, 5);
    expect(scopeLabel(2, "location")).toBe("Scope 2 (location-based)");
  });
});

describe("annualOption", () => {
  it("draws the interval band from zero where the lower bound is negative", () => {
    const chart = absoluteChart(annualTotals(answers.scopeYear, null), answers.forecast, 2026, null, null);
    const series = seriesOf(annualOption(chart, "t CO₂e", String) as Record<string, unknown>);
    const lower = series.find((row) => row.name === "Interval lower bound");
    const band = series.find((row) => row.name === "95 % interval");
    expect(lower?.data.slice(3)).toEqual([0, 0, 0, 0]);
    expect(band?.data[6]).toBeCloseTo(651.923891011, 9);
    const partial = series.find((row) => row.name === "Actual")?.data[2] as { value: number; itemStyle: unknown };
    expect(partial.value).toBeCloseTo(163.134053417, 9);
    expect(partial.itemStyle).toEqual({ opacity: 0.6 });
  });
});

describe("annual legend", () => {
  it("names only the series that are drawn", () => {
    const oneYear = absoluteChart(annualTotals(answers.scopeYear, null), null, 2026, null, null);
    const legend = (annualOption(oneYear, "t CO₂e", String) as { legend: { data: string[] } }).legend;
    expect(legend.data).toEqual(["Actual"]);
    const withForecast = absoluteChart(annualTotals(answers.scopeYear, null), answers.forecast, 2026, null, null);
    expect((annualOption(withForecast, "t CO₂e", String) as { legend: { data: string[] } }).legend.data).toEqual([
      "Actual",
      "Forecast",
      "95 % interval",
    ]);
  });
});
