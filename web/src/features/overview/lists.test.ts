import { describe, expect, it } from "vitest";
import * as answers from "./fixtures";
import {
  categoryName,
  coverageGrid,
  explorerCategoryHref,
  facilityNames,
  NO_FACILITY,
  openAnomalies,
  topCategories,
  topFacilities,
} from "./lists";

const names = facilityNames(answers.facilities);

describe("coverageGrid", () => {
  it("has a row per facility and a cell per month, named facilities first", () => {
    const grid = coverageGrid(answers.coverage, names);
    expect(grid.map((row) => row.name)).toEqual(["Austin warehouse", "London office", NO_FACILITY]);
    for (const row of grid) {
      expect(row.cells).toHaveLength(12);
      expect(row.cells.filter((cell) => cell.hasData)).toHaveLength(row.monthsWithData);
      expect(row.cells.slice(10).map((cell) => cell.hasData)).toEqual([false, false]);
    }
  });

  it("is empty for a new organisation", () => {
    expect(coverageGrid(answers.emptyCoverage, names)).toEqual([]);
  });
});

describe("top lists", () => {
  it("names facilities, with shares of the period's total and no link for 'no facility'", () => {
    const rows = topFacilities(answers.topFacility, names);
    expect(rows.map((row) => [row.name, row.co2eKg, row.href])).toEqual([
      ["Austin warehouse", 123414.308567, "/facilities"],
      ["London office", 34171.52895, "/facilities"],
      [NO_FACILITY, 5548.2159, null],
    ]);
    expect(rows.reduce((sum, row) => sum + (row.share ?? 0), 0)).toBeCloseTo(1, 9);
  });

  it("names scope 3 categories and links each to the explorer", () => {
    const rows = topCategories(answers.topCategory);
    expect(rows).toEqual([
      {
        key: "6",
        name: "6. Business travel",
        co2eKg: 1782.7263,
        share: 1,
        href: "/explorer?group=category&from=2026-01-01&to=2026-12-02&scope=3&category=6",
      },
    ]);
    expect(categoryName(null)).toBe("No category (scopes 1 and 2)");
    expect(categoryName(42)).toBe("Category 42");
    expect(explorerCategoryHref(null, "2026-01-01", "2026-12-02")).toBe(
      "/explorer?group=category&from=2026-01-01&to=2026-12-02&scope=3",
    );
  });
});

describe("openAnomalies", () => {
  it("names the meter and keeps its unit", () => {
    expect(openAnomalies(answers.anomalies, answers.meters)).toEqual([
      {
        id: "b00969fa-2154-5939-b282-6e6b5cad22eb",
        meterId: "83a50806-a7da-4757-ad16-5c325db44a06",
        meterName: "Main water",
        unit: "m3",
        hour: "2026-10-28T03:00:00Z",
        value: 3,
        expected: 0.15,
        score: 380,
      },
    ]);
  });

  it("still lists anomalies before the meters have loaded, and drops acknowledged ones", () => {
    expect(openAnomalies(answers.anomalies, undefined)[0]?.meterName).toBe("Meter 83a50806");
    const acknowledged = answers.anomalies.map((row) => ({ ...row, acknowledged_at: "2026-12-02T06:00:00Z" }));
    expect(openAnomalies(acknowledged, answers.meters)).toEqual([]);
  });
});
