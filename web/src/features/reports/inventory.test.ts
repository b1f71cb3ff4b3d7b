import { describe, expect, it } from "vitest";
import { inventory2025, inventory2025Base2024, inventory2027, years } from "./fixtures";
import {
  boundaryFacilities,
  calculationsPath,
  categoryRows,
  defaultYear,
  fileName,
  gasRows,
  hasData,
  inventoryPath,
  readableNote,
  scopeRows,
  yearOptions,
  yearParam,
  yearsWithData,
} from "./inventory";

const today = new Date(2026, 11, 2);
const LONDON = "3f6830d8-0196-4f14-bd35-a11450e8accb";
const AUSTIN = "57673add-3068-4f1e-a21b-614b2e7862a1";
const names = new Map([
  [LONDON, "London office"],
  [AUSTIN, "Austin warehouse"],
]);

describe("years", () => {
  it("lists the years with data and picks last year by default", () => {
    expect(yearsWithData(years)).toEqual([2024, 2025, 2026]);
    expect(defaultYear(yearsWithData(years), today)).toBe(2025);
    expect(defaultYear([2019, 2020], today)).toBe(2020);
    expect(defaultYear([], today)).toBe(2026);
  });

  it("offers this year and the chosen one too, newest first", () => {
    expect(yearOptions([2024, 2025, 2026], 2027, today)).toEqual([2027, 2026, 2025, 2024]);
    expect(yearOptions([2024], null, today)).toEqual([2026, 2024]);
  });

  it("reads a year from the URL only if the API takes it", () => {
    expect(yearParam("2025")).toBe(2025);
    for (const text of [null, "", "25", "2025a", "1899", "2201"]) expect(yearParam(text)).toBeNull();
  });
});

describe("the inventory", () => {
  it("knows a year without data", () => {
    expect(hasData(inventory2025)).toBe(true);
    expect(hasData(inventory2027)).toBe(false);
  });

  it("lists scopes with both scope 2 methods and totals", () => {
    const rows = scopeRows(inventory2025);
    expect(rows.map((row) => [row.label, row.kg])).toEqual([
      ["Scope 1", 17267.295],
      ["Scope 2 (location-based)", 184578.934344],
      ["Scope 2 (market-based)", 184578.934344],
      ["Scope 3", 2502.072],
      ["Total (scope 2 location-based)", 204348.301344],
      ["Total (scope 2 market-based)", 204348.301344],
    ]);
    expect(rows.every((row) => row.baseKg === null && row.change === null)).toBe(true);
  });

  it("compares with the base year when there is one", () => {
    const [scope1] = scopeRows(inventory2025Base2024);
    const base = inventory2025Base2024.base_year?.totals.scope1_kg ?? 0;
    expect(scope1?.baseKg).toBe(base);
    expect(scope1?.change).toBeCloseTo((17267.295 - base) / base, 12);
  });

  it("splits by gas, largest first, and scope 3 by category", () => {
    expect(gasRows(inventory2025).map((row) => [row.label, row.kg])).toEqual([
      ["Other (not split by gas)", 151533.754344],
      ["CO₂", 52396.338],
      ["N₂O", 249.774],
      ["CH₄", 168.435],
    ]);
    expect(gasRows(inventory2025).reduce((sum, row) => sum + (row.share ?? 0), 0)).toBeCloseTo(1, 9);
    expect(categoryRows(inventory2025)).toEqual([{ id: "6. Business travel", label: "6. Business travel", kg: 2502.072, share: 1 }]);
    expect(gasRows(inventory2027)).toEqual([]);
  });

  it("names the boundary's facilities and the notes' facilities", () => {
    expect(boundaryFacilities(inventory2025, names)).toEqual([
      "Austin warehouse",
      "London office",
      "Activities without a facility",
    ]);
    const notes = inventory2027.data_quality_notes.map((note) => readableNote(note, names));
    expect(notes[0]).toBe("0 activities, by source: ");
    expect(notes[1]).toMatch(/^Activities without a facility: no data for 2027-01/);
    expect(notes[2]).toMatch(/^London office: no data for 2027-01/);
    expect(notes[3]).toMatch(/^Austin warehouse: no data for/);
  });
});

describe("downloads", () => {
  it("ask for each format, with the base year when one is chosen", () => {
    expect(inventoryPath(2025, "pdf", null)).toBe("/api/v1/analytics/reports/inventory?year=2025&format=pdf");
    expect(inventoryPath(2025, "csv", 2024)).toBe(
      "/api/v1/analytics/reports/inventory?year=2025&format=csv&base_year=2024",
    );
    expect(calculationsPath(2025)).toBe("/api/v1/analytics/reports/calculations?year=2025");
    expect(fileName(2025, "json")).toBe("ghg-inventory-2025.json");
    expect(fileName(2025, "calculations")).toBe("calculations-2025.csv");
  });
});
