import { describe, expect, it } from "vitest";
import { toCsv } from "../../lib/csv";
import {
  byCategory2025,
  byFacilityScope2025,
  byGas2025,
  byMonthScopeH1,
  byScope2025,
  byScope2027,
  byYearMarket,
  facilities,
} from "./fixtures";
import { facilityNames } from "./labels";
import { axisUnit, chartData, chartOption, clickedKey, csvTable, periodsBetween, tableRows } from "./series";

const names = facilityNames(facilities);
const LONDON = "3f6830d8-0196-4f14-bd35-a11450e8accb";
const AUSTIN = "57673add-3068-4f1e-a21b-614b2e7862a1";

describe("table rows", () => {
  it("puts the largest scope first, with its share of the total", () => {
    const rows = tableRows(byScope2025, names, "location");
    expect(rows.map((row) => row.labels.scope)).toEqual(["Scope 2 (location-based)", "Scope 1", "Scope 3"]);
    expect(rows[0]).toMatchObject({ id: "scope:2", key: { scope: 2 }, co2eKg: 184578.934344 });
    expect(rows[0]?.share).toBeCloseTo(184578.934344 / 204348.301344, 9);
    expect(rows.reduce((sum, row) => sum + (row.share ?? 0), 0)).toBeCloseTo(1, 9);
  });

  it("names facilities, and 'no facility' for organisation-level activities", () => {
    const rows = tableRows(byFacilityScope2025, names, "location");
    // Austin (151.5 t) before London (45.6 t) before no facility (7.3 t); scopes in order within.
    expect(rows.map((row) => [row.labels.facility, row.labels.scope])).toEqual([
      ["Austin warehouse", "Scope 2 (location-based)"],
      ["London office", "Scope 1"],
      ["London office", "Scope 2 (location-based)"],
      ["No facility", "Scope 1"],
      ["No facility", "Scope 3"],
    ]);
    expect(rows[0]?.key).toEqual({ facility: AUSTIN, scope: 2 });
    expect(rows[3]?.id).toBe("scope:1,facility:none");
  });

  it("names scope 3 categories and gases", () => {
    expect(tableRows(byCategory2025, names, "location").map((row) => row.labels.category)).toEqual([
      "No scope 3 category",
      "6. Business travel",
    ]);
    expect(tableRows(byGas2025, names, "location").map((row) => row.labels.gas)).toEqual([
      "Other (not split by gas)",
      "CO₂",
      "N₂O",
      "CH₄",
    ]);
  });

  it("keeps years in order and says which scope 2 method counts", () => {
    const rows = tableRows(byYearMarket, names, "market");
    expect(rows.map((row) => row.labels.year)).toEqual(["2024", "2025", "2026"]);
    expect(tableRows(byScope2025, names, "market")[0]?.labels.scope).toBe("Scope 2 (market-based)");
  });

  it("is empty for a window without data", () => {
    expect(tableRows(byScope2027, names, "location")).toEqual([]);
    expect(tableRows(byScope2027, names, "location").length).toBe(0);
  });
});

describe("chart data", () => {
  it("fills every month of the window and stacks one series per scope", () => {
    const data = chartData(byMonthScopeH1, names, "location");
    expect(data?.horizontal).toBe(false);
    expect(data?.categories.map((category) => category.key)).toEqual([
      "2025-01",
      "2025-02",
      "2025-03",
      "2025-04",
      "2025-05",
      "2025-06",
    ]);
    expect(data?.series.map((series) => series.name)).toEqual(["Scope 1", "Scope 2 (location-based)", "Scope 3"]);
    expect(data?.series[2]?.values).toEqual([0, 0, 625.518, 0, 0, 625.518]);
    expect(data?.series[1]?.values[0]).toBe(13313.183444);
  });

  it("draws tonnes, stacked, and maps a click back to its group", () => {
    const data = chartData(byMonthScopeH1, names, "location");
    if (!data) throw new Error("no chart data");
    expect(axisUnit(data)).toEqual({ name: "t CO₂e", divisor: 1000 });
    const option = chartOption(data, "bar") as { series: { type: string; stack?: string; data: number[] }[] };
    expect(option.series[2]).toMatchObject({ type: "bar", stack: "total" });
    expect(option.series[2]?.data[2]).toBeCloseTo(0.625518, 9);
    const lines = chartOption(data, "line") as { series: { type: string; stack?: string }[] };
    expect(lines.series[0]).toMatchObject({ type: "line", stack: undefined });
    expect(clickedKey(data, { dataIndex: 2, seriesName: "Scope 3" })).toEqual({ month: "2025-03", scope: 3 });
    expect(clickedKey(data, { dataIndex: 9, seriesName: "Scope 3" })).toBeNull();
  });

  it("draws other groups as horizontal bars, largest first", () => {
    const data = chartData(byFacilityScope2025, names, "location");
    expect(data?.horizontal).toBe(true);
    expect(data?.categories.map((category) => category.label)).toEqual(["Austin warehouse", "London office", "No facility"]);
    expect(data?.series.map((series) => [series.name, series.values])).toEqual([
      ["Scope 1", [0, 12510.36, 4756.935]],
      ["Scope 2 (location-based)", [151533.754344, 33045.18, 0]],
      ["Scope 3", [0, 0, 2502.072]],
    ]);
    if (data) expect(clickedKey(data, { dataIndex: 2, seriesName: "Scope 1" })).toEqual({ facility: null, scope: 1 });
    const single = chartData(byScope2025, names, "location");
    expect(single?.series).toHaveLength(1);
    if (single) expect(clickedKey(single, { dataIndex: 0, seriesName: "CO₂e" })).toEqual({ scope: 2 });
  });

  it("lists years and months between two days", () => {
    expect(periodsBetween("year", "2024-01-01", "2026-12-31")).toEqual([2024, 2025, 2026]);
    expect(periodsBetween("month", "2025-11-15", "2026-02-01")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
  });
});

describe("CSV", () => {
  it("holds what the table shows, with facility ids beside their names", () => {
    const rows = tableRows(byFacilityScope2025, names, "location");
    const { header, rows: cells } = csvTable(rows, ["facility", "scope"]);
    expect(header).toEqual(["Facility", "Facility ID", "Scope", "CO2e (kg)", "Share of total"]);
    expect(cells[0]).toEqual(["Austin warehouse", AUSTIN, "Scope 2 (location-based)", 151533.754344, 0.741546]);
    expect(cells[1]?.slice(0, 3)).toEqual(["London office", LONDON, "Scope 1"]);
    expect(cells[3]?.slice(0, 2)).toEqual(["No facility", ""]);
    const text = toCsv(header, cells);
    expect(text.split("\r\n")[1]).toBe(`Austin warehouse,${AUSTIN},Scope 2 (location-based),151533.754344,0.741546`);
  });

  it("keeps the month's ISO form beside its words", () => {
    const { header, rows } = csvTable(tableRows(byMonthScopeH1, names, "location"), ["month", "scope"]);
    expect(header.slice(0, 3)).toEqual(["Month", "Month (YYYY-MM)", "Scope"]);
    expect(rows[0]?.[1]).toBe("2025-01");
  });
});
