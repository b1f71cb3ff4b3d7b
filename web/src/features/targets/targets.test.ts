import { describe, expect, it } from "vitest";
import {
  denominators,
  from2020,
  perEmployee,
  perEmployeeProblem,
  perEmployeeProgress,
  sbti,
  sbtiForecast,
  sbtiProgress,
  steep,
  steepForecast,
  steepProgress,
  yearScopeRows,
} from "./fixtures";
import {
  achievedSince,
  describeKind,
  describeScopes,
  emptyTargetForm,
  forecastSentence,
  pathChartOption,
  pathRows,
  pathValue,
  readiness,
  requiredReduction,
  scopeList,
  targetBody,
  totalsByYear,
  verdict,
  type TargetForm,
} from "./targets";

describe("words for a target", () => {
  it("lists scopes the way people say them", () => {
    expect(scopeList([1])).toBe("Scope 1");
    expect(scopeList([2, 1])).toBe("Scopes 1 and 2");
    expect(scopeList([1, 2, 3])).toBe("Scopes 1, 2 and 3");
  });
  it("names the scope 2 figure only when scope 2 counts", () => {
    expect(describeScopes(sbti)).toBe("Scopes 1 and 2 (scope 2 location-based)");
    expect(describeScopes(from2020)).toBe("Scope 3");
    expect(describeKind(sbti)).toBe("Absolute");
    expect(describeKind(perEmployee)).toBe("Intensity per employee");
  });
});

describe("targetBody", () => {
  const form: TargetForm = {
    name: " SBTi near-term ",
    kind: "absolute",
    metric: "employees",
    scopes: [2, 1],
    scope2Method: "location",
    baseYear: "2024",
    targetYear: "2030",
    reductionPct: "42",
  };

  it("builds the body the API took for the captured target", () => {
    const checked = targetBody(form);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const { id: _id, created_at: _created, ...asStored } = sbti;
    expect(checked.value).toEqual(asStored);
  });
  it("sends a metric only for an intensity target", () => {
    const checked = targetBody({ ...form, name: "Per employee", kind: "intensity", reductionPct: "30" });
    expect(checked.ok && checked.value.metric).toBe("employees");
    const { id: _id, created_at: _created, ...asStored } = perEmployee;
    expect(checked.ok && checked.value).toEqual(asStored);
  });
  it("says what to fix, by the API's own rules", () => {
    expect(targetBody({ ...form, name: "  " })).toEqual({ ok: false, error: "Give the target a name." });
    expect(targetBody({ ...form, scopes: [] }).ok).toBe(false);
    expect(targetBody({ ...form, targetYear: "2024" })).toEqual({
      ok: false,
      error: "The target year must come after the base year.",
    });
    expect(targetBody({ ...form, reductionPct: "0" }).ok).toBe(false);
    expect(targetBody({ ...form, reductionPct: "100.5" }).ok).toBe(false);
    expect(targetBody({ ...form, reductionPct: "" }).ok).toBe(false);
    expect(targetBody({ ...form, baseYear: "2024.5" }).ok).toBe(false);
  });
  it("starts from the first year with data", () => {
    expect(emptyTargetForm([2024, 2025], 2026)).toMatchObject({ baseYear: "2024", targetYear: "2030" });
    expect(emptyTargetForm([], 2026).baseYear).toBe("2025");
  });
});

describe("readiness", () => {
  it("adds up the target's scopes per year as progress does", () => {
    const totals = totalsByYear(yearScopeRows, [1, 2]);
    expect([...totals.keys()]).toEqual([2024, 2025, 2026]);
    expect(totals.get(2024)).toBeCloseTo(sbtiProgress.base_value, 6);
    expect(totals.get(2026)).toBeCloseTo(sbtiProgress.latest_value, 6);
    expect(totalsByYear(yearScopeRows, [1, 2, 3]).get(2025)).toBeCloseTo(steepProgress.years[1]?.actual ?? 0, 6);
  });
  it("asks progress only when the base year has data", () => {
    expect(readiness(sbti, yearScopeRows, [])).toEqual({ ready: true, yearsWithData: [2024, 2025, 2026] });
    const missing = readiness(from2020, yearScopeRows, []);
    expect(missing.ready).toBe(false);
    expect(!missing.ready && missing.reason).toContain("for the base year 2020");
    expect(!missing.ready && missing.reason).toContain("years with data: 2024, 2025, 2026");
  });
  it("wants a denominator for an intensity target's base year, as the API's 422 says", () => {
    const without = readiness(perEmployee, yearScopeRows, []);
    expect(without.ready).toBe(false);
    expect(without.yearsWithData).toEqual(perEmployeeProblem.years_with_data);
    expect(!without.ready && without.reason).toContain("employees (fte) figure for the base year 2024");
    expect(readiness(perEmployee, yearScopeRows, denominators)).toEqual({
      ready: true,
      yearsWithData: [2024, 2025, 2026],
    });
  });
});

describe("verdict and required reduction", () => {
  it("says on track in words", () => {
    const said = verdict(sbti, sbtiProgress);
    expect(said).toMatchObject({ onTrack: true, badge: "On track" });
    expect(said.sentence).toBe(
      "On track: in 2026 the total was 161.4 t CO₂e, at or below the target path's 182.7 t CO₂e for that year (24.1% below 2024).",
    );
  });
  it("says how far the total has come since the base year, either way", () => {
    expect(achievedSince(sbti, sbtiProgress)).toBe("24.1% below 2024");
    expect(achievedSince(sbti, { ...sbtiProgress, reduction_achieved_pct: -3.25 })).toBe("3.3% above 2024");
  });
  it("says off track in words", () => {
    const said = verdict(steep, steepProgress);
    expect(said).toMatchObject({ onTrack: false, badge: "Off track" });
    expect(said.sentence).toContain("above the target path's 107.6 t CO₂e");
  });
  it("gives the linear and compound reductions as the API answers them", () => {
    expect(requiredReduction(sbti, sbtiProgress)).toEqual({
      linear: "9.53 t CO₂e",
      compound: "6.5%",
      note: null,
    });
  });
  it("explains a null reduction: the target year has come", () => {
    const required = requiredReduction(steep, steepProgress);
    expect(required.linear).toBe("–");
    expect(required.note).toContain("The target year 2026 has come");
  });
  it("explains a negative reduction: already below the goal", () => {
    const required = requiredReduction(perEmployee, perEmployeeProgress);
    expect(required.linear).toBe("None needed");
    expect(required.note).toContain("could rise by up to 245.6 kg CO₂e per employee (3.6%) a year");
  });
  it("says whether the trend meets the target", () => {
    expect(forecastSentence(sbti, sbtiProgress)).toBe(
      "The linear trend reaches 64.1 t CO₂e in 2030 (95% interval -512.2 t CO₂e to 640.4 t CO₂e), which meets the target of 123.2 t CO₂e.",
    );
    expect(forecastSentence(steep, steepProgress)).toContain("which misses the target");
  });
});

describe("pathRows", () => {
  it("extends the API's target path by the same straight line", () => {
    for (const row of sbtiProgress.years) {
      expect(pathValue(sbti, sbtiProgress, row.year)).toBeCloseTo(row.target_path, 5);
    }
    expect(pathValue(sbti, sbtiProgress, 2030)).toBeCloseTo(sbtiProgress.target_value, 5);
  });
  it("runs from the base year to the target year with actuals, path and forecast", () => {
    const rows = pathRows(sbti, sbtiProgress, sbtiForecast);
    expect(rows.map((r) => r.year)).toEqual([2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    expect(rows[0]).toEqual({
      year: 2024,
      actual: 212469.715099,
      targetPath: 212469.715099,
      forecast: null,
      lower: null,
      upper: null,
    });
    expect(rows[3]).toEqual({
      year: 2027,
      actual: null,
      targetPath: 167851.074928,
      forecast: 140770.702538,
      lower: -142130.903668,
      upper: 423672.308744,
    });
    expect(rows[6]?.targetPath).toBeCloseTo(sbtiProgress.target_value, 5);
    expect(rows[6]?.forecast).toBe(sbtiProgress.forecast?.value);
  });
  it("uses progress's forecast when the target year has no future point", () => {
    const rows = pathRows(steep, steepProgress, steepForecast);
    expect(rows.map((r) => r.year)).toEqual([2024, 2025, 2026]);
    expect(rows[2]).toMatchObject({ actual: 163134.053417, forecast: 168210.565779, upper: 382143.495923 });
  });
  it("keeps an intensity target in its own measure", () => {
    const rows = pathRows(perEmployee, perEmployeeProgress, sbtiForecast);
    expect(rows).toHaveLength(7);
    expect(rows.filter((r) => r.forecast !== null).map((r) => [r.year, r.forecast])).toEqual([[2030, -1672.792527]]);
  });
});

describe("pathChartOption", () => {
  it("draws tonnes, the forecast from the latest actual, and the interval from zero", () => {
    const option = pathChartOption(sbti, pathRows(sbti, sbtiProgress, sbtiForecast)) as {
      xAxis: { data: string[] };
      yAxis: { name: string };
      series: { name: string; data: (number | null)[] }[];
    };
    expect(option.xAxis.data).toEqual(["2024", "2025", "2026", "2027", "2028", "2029", "2030"]);
    expect(option.yAxis.name).toBe("t CO₂e");
    const [actual, path, forecast, lower, band] = option.series;
    expect(actual?.data.slice(0, 4)).toEqual([212.469715, 201.846229, 161.351327, null]);
    expect(path?.data[6]).toBeCloseTo(123.232435, 5);
    expect(forecast?.data).toEqual([null, null, 161.351327, 140.770703, 115.211509, 89.652315, 64.093121]);
    expect(lower?.data.slice(3)).toEqual([0, 0, 0, 0]);
    expect(band?.data[3]).toBeCloseTo(423.672309, 5);
  });
  it("labels an intensity axis with its denominator", () => {
    const option = pathChartOption(perEmployee, pathRows(perEmployee, perEmployeeProgress, null)) as {
      yAxis: { name: string };
    };
    expect(option.yAxis.name).toBe("kg CO₂e per employee");
  });
});
