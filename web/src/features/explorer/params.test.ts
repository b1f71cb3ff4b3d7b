import { describe, expect, it } from "vitest";
import { emissionsQuery, nextState, quickPickOf, quickRange, rangeProblem, readState, writeState } from "./params";

const today = new Date(2026, 11, 2); // 2 December 2026, the demo platform's clock

describe("quick picks", () => {
  it("gives whole calendar years and the twelve whole months before this one", () => {
    expect(quickRange("this-year", today)).toEqual({ from: "2026-01-01", to: "2026-12-31" });
    expect(quickRange("last-year", today)).toEqual({ from: "2025-01-01", to: "2025-12-31" });
    expect(quickRange("last-12-months", today)).toEqual({ from: "2025-12-01", to: "2026-11-30" });
  });

  it("crosses the year in January and knows February's length", () => {
    expect(quickRange("last-12-months", new Date(2026, 0, 15))).toEqual({ from: "2025-01-01", to: "2025-12-31" });
    expect(quickRange("last-12-months", new Date(2024, 2, 1))).toEqual({ from: "2023-03-01", to: "2024-02-29" });
  });

  it("recognises a range as a quick pick", () => {
    expect(quickPickOf({ from: "2025-12-01", to: "2026-11-30" }, today)).toBe("last-12-months");
    expect(quickPickOf({ from: "2025-03-10", to: "2025-03-20" }, today)).toBeNull();
  });
});

describe("the URL", () => {
  it("defaults to this year by month and scope, location-based", () => {
    const state = readState(new URLSearchParams(""), today);
    expect(state).toMatchObject({
      from: "2026-01-01",
      to: "2026-12-31",
      group: "month",
      split: "scope",
      method: "location",
      chart: "bar",
      scopes: [],
      drill: null,
      page: 1,
    });
    expect(writeState(state, today).toString()).toBe("");
  });

  it("round-trips every choice", () => {
    const params = new URLSearchParams(
      "from=2025-01-01&to=2025-06-30&group=facility&split=gas&method=market&scope=1&scope=2" +
        "&facility=3f6830d8-0196-4f14-bd35-a11450e8accb&category=6&gas=CO2&drill=facility%3Anone&page=2&anygas=1",
    );
    const state = readState(params, today);
    expect(state).toMatchObject({
      group: "facility",
      split: "gas",
      method: "market",
      scopes: [1, 2],
      facilities: ["3f6830d8-0196-4f14-bd35-a11450e8accb"],
      categories: [6],
      gases: ["CO2"],
      drill: "facility:none",
      page: 2,
      anyGas: true,
    });
    expect(readState(writeState(state, today), today)).toEqual(state);
  });

  it("ignores what a hand-edited link gets wrong", () => {
    const state = readState(
      new URLSearchParams("from=2025-02-30&to=yesterday&group=colour&split=group&scope=4&scope=x&gas=SF6&page=-3"),
      today,
    );
    expect(state).toMatchObject({ from: "2026-01-01", to: "2026-12-31", group: "month", split: null, scopes: [], gases: [], page: 1 });
  });

  it("keeps 'split by nothing' apart from the default split", () => {
    const state = readState(new URLSearchParams("split=none"), today);
    expect(state.split).toBeNull();
    expect(writeState(state, today).toString()).toBe("split=none");
    expect(readState(new URLSearchParams("group=facility"), today).split).toBeNull();
  });
});

describe("changes", () => {
  const state = readState(new URLSearchParams("drill=scope%3A2%2Cmonth%3A2026-03&page=3"), today);

  it("close the drill-down when the figures change", () => {
    expect(nextState(state, { method: "market" })).toMatchObject({ drill: null, page: 1 });
    expect(nextState(state, { scopes: [1] })).toMatchObject({ drill: null, page: 1 });
  });

  it("keep it when paging or switching the chart", () => {
    expect(nextState(state, { page: 4 })).toMatchObject({ drill: "scope:2,month:2026-03", page: 4 });
    expect(nextState(state, { chart: "line" })).toMatchObject({ drill: "scope:2,month:2026-03", page: 3 });
  });

  it("start another drill-down on its first page", () => {
    expect(nextState(state, { drill: "scope:1,month:2026-03" })).toMatchObject({ page: 1, anyGas: false });
  });
});

describe("the API's query", () => {
  it("names the groups and only the filters chosen", () => {
    const state = readState(new URLSearchParams("from=2025-01-01&to=2025-12-31&group=facility&split=scope&scope=1&scope=3&gas=CO2"), today);
    expect(emissionsQuery(state)).toEqual({
      from: "2025-01-01",
      to: "2025-12-31",
      group_by: "facility,scope",
      scope2_method: "location",
      scope: [1, 3],
      gas: ["CO2"],
    });
  });

  it("refuses a window that ends before it starts", () => {
    expect(rangeProblem("2025-12-31", "2025-01-01")).toMatch(/before/);
    expect(rangeProblem("", "2025-01-01")).toMatch(/both/);
    expect(rangeProblem("2025-01-01", "2025-01-01")).toBeNull();
  });
});
