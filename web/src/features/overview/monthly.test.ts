import { describe, expect, it } from "vitest";
import * as answers from "./fixtures";
import { monthlyByScope } from "./monthly";

describe("monthlyByScope", () => {
  it("has twelve months with every scope, summing to the API's total", () => {
    const series = monthlyByScope(answers.monthly2026, 2026);
    expect(series.months.map((row) => row.month)).toEqual([
      "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06",
      "2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12",
    ]);
    expect(series.months[0]?.scopes).toEqual({ 1: 2192.38016, 2: 12647.420746, 3: 0 });
    expect(series.months[2]?.scopes[3]).toBe(594.2421);
    // The demo's data ends in October.
    expect(series.months.map((row) => row.hasData)).toEqual([...Array(10).fill(true), false, false]);
    const sum = series.months.reduce((total, row) => total + row.total, 0);
    expect(sum).toBeCloseTo(answers.monthly2026.total_co2e_kg, 6);
    expect(series.totalKg).toBe(163134.053417);
    expect(series.hasData).toBe(true);
  });

  it("shapes the year-to-date call (to 2 December) like the whole year when nothing is dated later", () => {
    const toDate = monthlyByScope(answers.ytdMonthly, 2026);
    expect(toDate.totalKg).toBe(answers.ytd.total_co2e_kg);
    expect(toDate.months).toEqual(monthlyByScope(answers.monthly2026, 2026).months);
  });

  it("has empty months for a new organisation", () => {
    const series = monthlyByScope(answers.emptyYtdMonthly, 2026);
    expect(series.hasData).toBe(false);
    expect(series.months.every((row) => row.total === 0 && !row.hasData)).toBe(true);
  });

  it("keeps a full past year", () => {
    const series = monthlyByScope(answers.monthly2025, 2025);
    expect(series.months.every((row) => row.hasData)).toBe(true);
    expect(series.months.reduce((total, row) => total + row.total, 0)).toBeCloseTo(answers.monthly2025.total_co2e_kg, 6);
  });
});
