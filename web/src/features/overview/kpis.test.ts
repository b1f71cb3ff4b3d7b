import { describe, expect, it } from "vitest";
import * as answers from "./fixtures";
import { changeKpi, coverageKpi, intensityChoice, intensityKpi, totalKpi } from "./kpis";

describe("totalKpi", () => {
  it("is the API's total, with each scope's share of it", () => {
    const kpi = totalKpi(answers.ytd);
    expect(kpi.totalKg).toBe(163134.053417);
    expect(kpi.from).toBe("2026-01-01");
    expect(kpi.to).toBe("2026-12-02");
    expect(kpi.scopes.map((row) => row.co2eKg)).toEqual([12542.129, 148809.198117, 1782.7263]);
    expect(kpi.scopes.reduce((sum, row) => sum + row.co2eKg, 0)).toBeCloseTo(kpi.totalKg, 6);
    expect(kpi.scopes[1]?.share).toBeCloseTo(148809.198117 / 163134.053417, 9);
    expect(kpi.hasData).toBe(true);
  });

  it("gives the same total and split from the overview's scope × month call", () => {
    const fromMonths = totalKpi(answers.ytdMonthly);
    const fromScopes = totalKpi(answers.ytd);
    expect(fromMonths.totalKg).toBe(fromScopes.totalKg);
    fromMonths.scopes.forEach((row, index) => expect(row.co2eKg).toBeCloseTo(fromScopes.scopes[index]?.co2eKg ?? NaN, 6));
  });

  it("has every scope at zero, and no shares, for a new organisation", () => {
    const kpi = totalKpi(answers.emptyYtdMonthly);
    expect(totalKpi(answers.emptyYtd)).toEqual(kpi);
    expect(kpi.totalKg).toBe(0);
    expect(kpi.scopes).toEqual([
      { scope: 1, co2eKg: 0, share: null },
      { scope: 2, co2eKg: 0, share: null },
      { scope: 3, co2eKg: 0, share: null },
    ]);
    expect(kpi.hasData).toBe(false);
  });
});

describe("changeKpi", () => {
  it("turns the API's percentage into a fraction and keeps the earlier window", () => {
    expect(changeKpi(answers.change)).toEqual({
      fraction: -0.136856,
      changeKg: -25865.672839,
      previousKg: 188999.726256,
      previousFrom: "2025-01-01",
      previousTo: "2025-12-02",
    });
  });

  it("has no change without earlier data", () => {
    expect(changeKpi(answers.emptyChange).fraction).toBeNull();
  });
});

describe("coverageKpi", () => {
  it("counts facility-months with data over all of them", () => {
    // Three rows (two facilities and "no facility"), ten of twelve months each.
    expect(coverageKpi(answers.coverage)).toEqual({ fraction: 30 / 36, withData: 30, cells: 36, facilities: 3, months: 12 });
    expect(coverageKpi(answers.coverage2025).fraction).toBe(1);
  });

  it("has no fraction when no facility has data", () => {
    expect(coverageKpi(answers.emptyCoverage)).toEqual({ fraction: null, withData: 0, cells: 0, facilities: 0, months: 12 });
  });
});

describe("intensity", () => {
  it("picks the metric with a denominator for the year", () => {
    expect(intensityChoice(answers.denominators, 2026)).toEqual({ kind: "metric", metric: "employees" });
    expect(intensityChoice(answers.denominators, 2023)).toEqual({ kind: "none-for-year", years: [2024, 2025, 2026] });
    expect(intensityChoice([], 2026)).toEqual({ kind: "no-denominators" });
  });

  it("reads the year's intensity and its change on the year before", () => {
    const kpi = intensityKpi(answers.intensity, 2026);
    expect(kpi.intensity).toBe(3884.144128976);
    expect(kpi.denominator).toBe(42);
    expect(kpi.co2eKg).toBe(163134.053417);
    expect(kpi.previous).toEqual({ year: 2025, intensity: 4984.104910829 });
    expect(kpi.change).toBeCloseTo(3884.144128976 / 4984.104910829 - 1, 12);
  });
});
