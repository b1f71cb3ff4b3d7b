import { describe, expect, it } from "vitest";
import {
  absoluteChart,
  annualTotals,
  forecastToYear,
  intensityChart,
  targetPathValue,
  yearsWithData,
} from "./annual";
import * as answers from "./fixtures";
import type { Target } from "./types";

const absolute = answers.targets.find((target) => target.kind === "absolute") as Target;
const intensity = answers.targets.find((target) => target.kind === "intensity") as Target;

describe("annualTotals", () => {
  it("adds the scopes up to what the forecast's history says", () => {
    const all = annualTotals(answers.scopeYear, null);
    for (const [year, kg] of Object.entries(answers.forecast.history)) expect(all.get(Number(year))).toBeCloseTo(kg, 6);
    expect([...all.keys()]).toEqual([2024, 2025, 2026]);
  });

  it("keeps only the asked scopes (location-based here; the market history matches as the demo has no instruments)", () => {
    const s12 = annualTotals(answers.scopeYear, [1, 2]);
    for (const [year, kg] of Object.entries(answers.forecastScopes12Market.history)) {
      expect(s12.get(Number(year))).toBeCloseTo(kg, 6);
    }
  });

  it("lists the years with data", () => {
    expect(yearsWithData(answers.scopeYear)).toEqual([2024, 2025, 2026]);
    expect(yearsWithData(answers.emptyScopeYear)).toEqual([]);
    expect(annualTotals(answers.emptyScopeYear, null).size).toBe(0);
  });
});

describe("targetPathValue", () => {
  it("is the API's path for the years it answers", () => {
    for (const row of answers.progress.years) {
      expect(targetPathValue(absolute, answers.progress, row.year)).toBeCloseTo(row.target_path, 5);
    }
    for (const row of answers.progressIntensity.years) {
      expect(targetPathValue(intensity, answers.progressIntensity, row.year)).toBeCloseTo(row.target_path, 5);
    }
  });

  it("ends at the target value in the target year", () => {
    expect(targetPathValue(absolute, answers.progress, 2030)).toBeCloseTo(answers.progress.target_value, 6);
  });
});

describe("absoluteChart", () => {
  it("has bars to 2026 (to date), the path to 2030 and the forecast after the last actual", () => {
    const chart = absoluteChart(annualTotals(answers.scopeYear, absolute.scopes), answers.forecast, 2026, absolute, answers.progress);
    expect(chart.unit).toBe("absolute");
    expect(chart.confidence).toBe(0.95);
    expect(chart.rows.map((row) => row.year)).toEqual([2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    expect(chart.rows.map((row) => row.actual !== null)).toEqual([true, true, true, false, false, false, false]);
    expect(chart.rows.find((row) => row.partial)?.year).toBe(2026);
    expect(chart.rows[0]?.targetPath).toBeCloseTo(answers.progress.base_value, 6);
    expect(chart.rows[6]?.targetPath).toBeCloseTo(answers.progress.target_value, 6);
    expect(chart.rows[6]).toMatchObject({ forecast: 64271.722415, lower: -523380.446181, upper: 651923.891011 });
    expect(chart.rows[2]?.forecast).toBeNull();
  });

  it("draws actual totals and the forecast without a target", () => {
    const chart = absoluteChart(annualTotals(answers.scopeYear, null), answers.forecast, 2026, null, null);
    expect(chart.rows.every((row) => row.targetPath === null)).toBe(true);
    expect(chart.rows.map((row) => row.year)).toEqual([2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    expect(forecastToYear(null, 2026)).toBe(2030);
    expect(forecastToYear(absolute, 2026)).toBe(2030);
  });

  it("is empty for a new organisation", () => {
    expect(absoluteChart(annualTotals(answers.emptyScopeYear, null), null, 2026, null, null).rows).toEqual([]);
  });
});

describe("intensityChart", () => {
  it("is in kg CO2e per unit, with the progress's forecast for the target year", () => {
    const chart = intensityChart(intensity, answers.progressIntensity, 2026);
    expect(chart.unit).toBe("intensity");
    expect(chart.rows.map((row) => row.year)).toEqual([2024, 2025, 2026, 2027, 2028]);
    expect(chart.rows[0]?.actual).toBe(5311.742877475);
    expect(chart.rows[4]).toMatchObject({ forecast: 2487.106383, lower: -6191.581744, upper: 11165.79451, actual: null });
  });
});
