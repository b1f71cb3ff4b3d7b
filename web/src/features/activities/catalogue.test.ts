import { describe, expect, it } from "vitest";
import {
  badNumber,
  categoryNames,
  findActivity,
  initialOptions,
  optionFields,
  optionLabel,
  optionValue,
  scopeLabel,
} from "./catalogue";
import { CATALOGUE } from "./fixtures";

const field = (activity: string, name: string) => {
  const found = optionFields(findActivity(CATALOGUE, activity)).find((f) => f.name === name);
  if (!found) throw new Error(`${activity} has no option ${name}`);
  return found;
};

describe("optionFields", () => {
  it("renders a choice with a default as a select starting at the default", () => {
    const calorific = field("fuel.natural_gas", "calorific_basis");
    expect(calorific).toMatchObject({
      kind: "select",
      values: ["gross", "net"],
      initial: "gross",
      required: false,
      label: "Calorific basis",
    });
  });

  it("renders every kind of option a flight has", () => {
    const fields = optionFields(findActivity(CATALOGUE, "travel.flight"));
    expect(fields.map((f) => [f.name, f.kind, f.required])).toEqual([
      ["haul", "select", true],
      ["cabin_class", "select", false],
      ["radiative_forcing", "checkbox", false],
      ["passengers", "number", false],
      ["purpose", "select", false],
    ]);
    expect(field("travel.flight", "haul").initial).toBe("");
    expect(field("travel.flight", "radiative_forcing")).toMatchObject({ initial: false, label: "Include radiative forcing" });
    expect(field("travel.flight", "passengers")).toMatchObject({ initial: "1", integer: true });
  });

  it("renders a free number without a default as an optional number", () => {
    const contract = field("electricity.grid", "contract_factor_kg_per_kwh");
    expect(contract).toMatchObject({ kind: "number", initial: "", required: false, integer: false });
    // No label that a search for "To" or "Unit" would also find.
    expect(contract.label).not.toMatch(/to|unit/i);
  });

  it("gives no options to an activity without any, or an unknown one", () => {
    expect(optionFields(findActivity(CATALOGUE, "electricity.td_losses"))).toEqual([]);
    expect(optionFields(findActivity(CATALOGUE, "nonsense"))).toEqual([]);
  });

  it("starts each option at its default", () => {
    expect(initialOptions(findActivity(CATALOGUE, "fuel.diesel"))).toEqual({
      calorific_basis: "gross",
      biofuel_blend: "average",
    });
  });
});

describe("optionValue", () => {
  it("leaves defaults and empty values to the API", () => {
    expect(optionValue(field("fuel.natural_gas", "calorific_basis"), "gross")).toBeUndefined();
    expect(optionValue(field("travel.flight", "passengers"), "1")).toBeUndefined();
    expect(optionValue(field("travel.flight", "radiative_forcing"), false)).toBeUndefined();
    expect(optionValue(field("electricity.grid", "contract_factor_kg_per_kwh"), "")).toBeUndefined();
  });

  it("sends what differs, typed as the API takes it", () => {
    expect(optionValue(field("fuel.natural_gas", "calorific_basis"), "net")).toBe("net");
    expect(optionValue(field("travel.flight", "passengers"), "2")).toBe(2);
    expect(optionValue(field("travel.flight", "radiative_forcing"), true)).toBe(true);
    expect(optionValue(field("electricity.grid", "contract_factor_kg_per_kwh"), "0.02")).toBe(0.02);
  });

  it("flags numbers the API would refuse", () => {
    const passengers = field("travel.flight", "passengers");
    expect(badNumber(passengers, "1.5")).toBe(true);
    expect(badNumber(passengers, "-1")).toBe(true);
    expect(badNumber(passengers, "3")).toBe(false);
    expect(badNumber(field("electricity.grid", "contract_factor_kg_per_kwh"), "0.02")).toBe(false);
  });
});

describe("labels", () => {
  it("humanises option names", () => {
    expect(optionLabel("cabin_class")).toBe("Cabin class");
    expect(optionLabel("type")).toBe("Type");
  });

  it("names scopes and scope 3 categories", () => {
    const categories = categoryNames(CATALOGUE);
    expect(categories.get(6)).toBe("Business travel");
    expect(scopeLabel(1, null)).toBe("Scope 1");
    expect(scopeLabel(3, 6)).toBe("Scope 3, category 6");
    expect(scopeLabel(3, findActivity(CATALOGUE, "waste.disposal")?.scope3_category)).toBe(
      "Scope 3, category 5 (Waste generated in operations)",
    );
  });
});
