import { describe, expect, it } from "vitest";
import { drillFor, drillKey, drillRows, formatPeriod, matches, parseDrillKey, recordFigure, shareInWindow } from "./drilldown";
import { facilities, recordsMarch2025 } from "./fixtures";
import { facilityNames } from "./labels";
import { readState } from "./params";

const today = new Date(2026, 11, 2);
const LONDON = "3f6830d8-0196-4f14-bd35-a11450e8accb";
const AUSTIN = "57673add-3068-4f1e-a21b-614b2e7862a1";
const march = recordsMarch2025.items;
const state = (search: string) => readState(new URLSearchParams(search), today);
const year2025 = "from=2025-01-01&to=2025-12-31";

describe("drill keys", () => {
  it("round-trip, with 'none' for no facility or category", () => {
    const key = { month: "2025-03", facility: null, scope: 2 };
    expect(drillKey(key)).toBe("scope:2,facility:none,month:2025-03");
    expect(parseDrillKey(drillKey(key))).toEqual({ scope: 2, facility: null, month: "2025-03" });
    expect(parseDrillKey("category:6,year:2025")).toEqual({ category: 6, year: 2025 });
    expect(parseDrillKey("gas:CO2")).toEqual({ gas: "CO2" });
  });

  it("refuse what isn't a group", () => {
    for (const text of ["", "colour:red", "scope:two", "scope:none", "month:March", "scope:1,scope:2", "scope"]) {
      expect(parseDrillKey(text)).toBeNull();
    }
  });
});

describe("what to ask Carbon", () => {
  it("pins a month and a scope with Carbon's own filters", () => {
    const drill = drillFor(state(year2025), { month: "2025-03", scope: 2 });
    expect(drill).toEqual({
      window: { from: "2025-03-01", to: "2025-03-31" },
      query: { from: "2025-03-01", to: "2025-03-31", scope: 2 },
      local: null,
      unsupported: [],
      possible: true,
    });
  });

  it("keeps the window's own edges inside a month", () => {
    const drill = drillFor(state("from=2025-03-10&to=2025-03-20&group=scope"), { scope: 1 });
    expect(drill.query).toEqual({ from: "2025-03-10", to: "2025-03-20", scope: 1 });
  });

  it("narrows a year to the explorer's window", () => {
    const drill = drillFor(state("from=2024-07-01&to=2026-06-30&group=year"), { year: 2024 });
    expect(drill.window).toEqual({ from: "2024-07-01", to: "2024-12-31" });
  });

  it("passes one facility to Carbon, and checks 'no facility' itself", () => {
    expect(drillFor(state(year2025), { facility: LONDON }).query.facility_id).toBe(LONDON);
    const none = drillFor(state(year2025), { facility: null, scope: 1 });
    expect(none.query).toEqual({ from: "2025-01-01", to: "2025-12-31", scope: 1 });
    expect(none.local).toEqual({ facilities: [null] });
    expect(march.filter((record) => matches(record, none.local ?? {})).map((record) => record.activity)).toEqual([
      "vehicle.car",
      "travel.flight",
    ]);
  });

  it("checks a scope 3 category itself, asking Carbon for scope 3 only", () => {
    const drill = drillFor(state(`${year2025}&group=category`), { category: 6 });
    expect(drill.query.scope).toBe(3);
    expect(drill.local).toEqual({ categories: [6] });
    expect(march.filter((record) => matches(record, drill.local ?? {})).map((record) => record.activity)).toEqual([
      "travel.flight",
    ]);
    const uncategorised = drillFor(state(`${year2025}&group=category`), { category: null });
    expect(uncategorised.query.scope).toBeUndefined();
    expect(march.filter((record) => matches(record, uncategorised.local ?? {}))).toHaveLength(4);
  });

  it("checks several scopes or facilities from the filters itself", () => {
    const drill = drillFor(state(`${year2025}&group=month&split=none&scope=1&scope=2&facility=${LONDON}`), {
      month: "2025-03",
    });
    expect(drill.query).toEqual({ from: "2025-03-01", to: "2025-03-31", facility_id: LONDON });
    expect(drill.local).toEqual({ scopes: [1, 2] });
    expect(march.filter((record) => matches(record, drill.local ?? {}) && record.facility_id === LONDON).map((r) => r.activity)).toEqual([
      "fuel.natural_gas",
      "electricity.grid",
    ]);
  });

  it("says a gas can't be listed, unless the person asks for the activities regardless", () => {
    const drill = drillFor(state(`${year2025}&group=gas`), { gas: "CH4" });
    expect(drill.unsupported).toEqual(["gas CH₄"]);
    expect(drillFor(state(`${year2025}&group=scope&gas=CO2&gas=N2O`), { scope: 1 }).unsupported).toEqual([
      "gas CO₂ or N₂O",
    ]);
    expect(drillFor(state(`${year2025}&group=gas&anygas=1`), { gas: "CH4" }).unsupported).toEqual([]);
  });

  it("knows when the filters rule a group out", () => {
    expect(drillFor(state(`${year2025}&scope=1`), { scope: 2 }).possible).toBe(false);
    expect(drillFor(state(`${year2025}&scope=1`), { category: 6 }).possible).toBe(false);
    expect(drillFor(state(`${year2025}&facility=${AUSTIN}`), { facility: LONDON }).possible).toBe(false);
  });
});

describe("the rows", () => {
  const names = facilityNames(facilities);

  it("count scope 2 by the chosen method, and each record's days in the window", () => {
    const grid = march.find((record) => record.facility_id === AUSTIN);
    if (!grid) throw new Error("no Austin electricity in March 2025");
    expect(recordFigure(grid, "location")).toBe(grid.location_based_kg);
    expect(recordFigure(grid, "market")).toBe(grid.market_based_kg);
    expect(shareInWindow(grid, { from: "2025-03-01", to: "2025-03-31" })).toBe(1);
    expect(shareInWindow(grid, { from: "2025-03-01", to: "2025-03-15" })).toBeCloseTo(15 / 31, 12);
    expect(shareInWindow(grid, { from: "2025-04-01", to: "2025-04-30" })).toBe(0);
  });

  it("read in words", () => {
    const drill = drillFor(state(year2025), { month: "2025-03" });
    const rows = drillRows(march, drill, "location", names);
    expect(rows.map((row) => [row.activity, row.facility, row.scope, row.category])).toEqual([
      ["vehicle.car", "No facility", "Scope 1", null],
      ["fuel.natural_gas", "London office", "Scope 1", null],
      ["electricity.grid", "London office", "Scope 2 (location-based)", null],
      ["electricity.grid", "Austin warehouse", "Scope 2 (location-based)", null],
      ["travel.flight", "No facility", "Scope 3", "6. Business travel"],
    ]);
    expect(rows[0]).toMatchObject({ quantity: 2375, unit: "km", co2eKg: 396.41125, share: 1 });
  });
});

describe("periods", () => {
  it("read as one range", () => {
    const [car] = march;
    if (!car) throw new Error("no record");
    // ICU versions differ in the spaces around the dash (none, thin or plain).
    const plain = (text: string) => text.replace(/\s/g, " ");
    expect(plain(formatPeriod(car.period_start, car.period_end, "en-GB"))).toMatch(/^1 ?– ?31 Mar 2025$/);
    expect(formatPeriod("2025-03-01", "2025-03-01", "en-GB")).toBe("1 Mar 2025");
    expect(plain(formatPeriod("2024-12-15", "2025-01-14", "en-GB"))).toMatch(/^15 Dec 2024 ?– ?14 Jan 2025$/);
  });
});
