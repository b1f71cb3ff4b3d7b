import { describe, expect, it } from "vitest";
import { may } from "../../auth/roles";
import { badDenominatorProblem, denominators, earlyYearProblem, putDenominator, viewerDenominatorProblem } from "./fixtures";
import {
  DENOMINATOR_WRITE_SCOPE,
  denominatorBody,
  denominatorRows,
  emptyDenominatorForm,
  FIRST_YEAR,
  formatDenominator,
  METRICS,
  storedDenominator,
  unitLabel,
} from "./denominators";

describe("the metrics", () => {
  it("are exactly those the API accepts, in its order (its 422 lists them)", () => {
    const listed = METRICS.map((m) => `'${m.metric}'`);
    expect(badDenominatorProblem.detail?.match(/'[a-z_0-9]+'/g)).toEqual(listed);
  });
  it("may be set by editors and up: the scope the viewer's 403 names", () => {
    expect(viewerDenominatorProblem.required).toBe(DENOMINATOR_WRITE_SCOPE);
    expect(may("viewer", DENOMINATOR_WRITE_SCOPE)).toBe(false);
    expect(may("editor", DENOMINATOR_WRITE_SCOPE)).toBe(true);
    expect(may("owner", DENOMINATOR_WRITE_SCOPE)).toBe(true);
  });
});

describe("denominatorRows", () => {
  it("lists the captured answer newest year first, metrics in their order, units in words", () => {
    expect(denominatorRows(denominators).map((r) => [r.year, r.metricLabel, r.value, r.unit])).toEqual([
      [2026, "Employees", 42, "FTE"],
      [2025, "Employees", 41, "FTE"],
      [2025, "Floor area", 1250.5, "m²"],
      [2025, "Revenue", 3200000, "currency units"],
      [2024, "Employees", 40, "FTE"],
    ]);
    expect(new Set(denominatorRows(denominators).map((r) => r.key)).size).toBe(denominators.length);
  });
  it("shows values as stored, grouped in the reader's locale", () => {
    expect(formatDenominator(1250.5, "en-GB")).toBe("1,250.5");
    expect(formatDenominator(3200000, "de-DE")).toBe("3.200.000");
    expect(formatDenominator(41, "en-GB")).toBe("41");
  });
});

describe("storedDenominator", () => {
  it("finds the figure a PUT would replace, and none for a year without one", () => {
    expect(storedDenominator(denominators, "employees", "2025")?.value).toBe(41);
    expect(storedDenominator(denominators, "floor_area_m2", "2026")).toBeUndefined();
    expect(storedDenominator(denominators, "employees", "")).toBeUndefined();
  });
});

describe("denominatorBody", () => {
  it("builds the body of the captured PUT, whose answer adds the unit", () => {
    const checked = denominatorBody({ metric: "floor_area_m2", year: "2025", value: "1250.5" });
    expect(checked).toEqual({ ok: true, value: { year: 2025, metric: "floor_area_m2", value: 1250.5 } });
    if (checked.ok) expect(putDenominator).toEqual({ ...checked.value, unit: "m2" });
    expect(unitLabel(putDenominator.unit)).toBe("m²");
  });
  it("starts on employees this year, with no value", () => {
    expect(emptyDenominatorForm(2026)).toEqual({ metric: "employees", year: "2026", value: "" });
    expect(denominatorBody(emptyDenominatorForm(2026)).ok).toBe(false);
  });
  it("refuses what the API refuses: a year before 1900, a value of 0 or less", () => {
    expect(earlyYearProblem.detail).toContain(String(FIRST_YEAR));
    expect(denominatorBody({ metric: "employees", year: "1800", value: "3" })).toEqual({
      ok: false,
      error: "The year is a whole number from 1900 to 2200.",
    });
    expect(denominatorBody({ metric: "employees", year: "2025.5", value: "3" }).ok).toBe(false);
    expect(denominatorBody({ metric: "employees", year: "2201", value: "3" }).ok).toBe(false);
    for (const value of ["0", "-1", "", "forty", "Infinity"]) {
      expect(denominatorBody({ metric: "employees", year: "2025", value }).ok).toBe(false);
    }
    expect(denominatorBody({ metric: "revenue", year: "2025", value: "0" })).toEqual({
      ok: false,
      error: "Enter the revenue for 2025 as a number more than 0 (currency units).",
    });
  });
});
