import { describe, expect, it } from "vitest";
import { defaultUnit, groupMeters, kindLabel, regionChoices, rollUpText, unitChoices } from "./facilities";
import { catalogue, facilities, meters, regionFacet } from "./fixtures";

describe("groupMeters", () => {
  it("puts each meter under its facility, by name", () => {
    const groups = groupMeters(facilities, meters);
    expect(groups.map((group) => group.facility.name)).toEqual(["London office", "Austin warehouse"]);
    expect(groups[0]?.meters.map((meter) => meter.name)).toEqual([
      "London office — live electricity",
      "London office — live gas",
      "Main water",
    ]);
    expect(groups[1]?.meters.map((meter) => meter.name)).toEqual(["Austin warehouse — live electricity"]);
  });

  it("lists a facility without meters, and nothing without facilities", () => {
    expect(groupMeters(facilities, [])).toEqual([
      { facility: facilities[0], meters: [] },
      { facility: facilities[1], meters: [] },
    ]);
    expect(groupMeters([], meters)).toEqual([]);
  });
});

describe("form choices", () => {
  it("offers the regions Carbon has factors for, without the any-region marker", () => {
    const choices = regionChoices(regionFacet);
    expect(choices.map((choice) => choice.value)).toEqual(["AE", "GB", "US", "US-ERCT", "US-TX"]);
    expect(choices.find((choice) => choice.value === "US-TX")?.label).toBe("US-TX — United States, state TX");
    expect(choices.find((choice) => choice.value === "US-ERCT")?.label).toBe("US-ERCT — US eGRID subregion ERCT");
    expect(choices.find((choice) => choice.value === "GB")?.label).toMatch(/^GB — /);
  });

  it("offers the units of the kind's activity", () => {
    expect(unitChoices("electricity", catalogue)).toContain("kWh");
    expect(unitChoices("electricity", catalogue)).not.toContain("m3");
    expect(unitChoices("natural_gas", catalogue)).toContain("m3");
    expect(unitChoices("water", catalogue)).toEqual([]);
    expect(defaultUnit("electricity", catalogue)).toBe("kWh");
    expect(defaultUnit("water", catalogue)).toBe("m3");
  });

  it("says what a meter's readings become", () => {
    expect(rollUpText("electricity.grid", catalogue)).toBe(
      "electricity.grid (Electricity taken from the grid (scope 2, dual reporting); scope 2), one activity per day",
    );
    expect(rollUpText(null, catalogue)).toMatch(/^None/);
    expect(kindLabel("natural_gas")).toBe("Natural gas");
  });
});
