import { describe, expect, it } from "vitest";
import { categoryNames } from "./catalogue";
import {
  factorFacts,
  factorHref,
  factorSourceUrl,
  factorValueLabel,
  gasRows,
  inputFacts,
  optionsLabel,
  resultFigures,
  unchangeableReason,
} from "./detail";
import { CATALOGUE, ESTIMATE_ELECTRICITY_MARKET, FACILITIES, RECORD_CREATED, RECORDS_PAGE, VERSIONS } from "./fixtures";

describe("the stored version", () => {
  it("lists its inputs", () => {
    const facts = Object.fromEntries(inputFacts(RECORD_CREATED, FACILITIES, CATALOGUE, "en-GB").map((f) => [f.term, f.value]));
    expect(facts).toMatchObject({
      Activity: "fuel.natural_gas (Stationary combustion of natural gas)",
      Quantity: "1,200 kWh",
      Period: "1 Apr 2025 – 30 Apr 2025",
      Year: "2025",
      Facility: "London office",
      Region: "GB",
      Options: "Calorific basis: net",
      "GWP set requested": "AR5",
      Method: "location-based",
      Source: "Entered by a person",
    });
    expect(facts["Pinned factor"]).toBeUndefined();
  });

  it("shows its results and gases", () => {
    expect(resultFigures(RECORD_CREATED, categoryNames(CATALOGUE), "en-GB")).toEqual([
      { label: "Emissions", value: "243.2 kg CO₂e", note: undefined },
      { label: "Scope", value: "Scope 1" },
      { label: "Version", value: "1", note: "the first" },
    ]);
    expect(gasRows(RECORD_CREATED, "en-GB")).toEqual([
      { gas: "CO2", mass: "Published as CO₂e only", co2e: "242.7 kg CO₂e" },
      { gas: "CH4", mass: "Published as CO₂e only", co2e: "0.37 kg CO₂e" },
      { gas: "N2O", mass: "Published as CO₂e only", co2e: "0.12 kg CO₂e" },
    ]);
  });

  it("shows both scope 2 figures of grid electricity", () => {
    const electricity = RECORDS_PAGE.items.find((record) => record.activity === "electricity.grid")!;
    const labels = resultFigures(electricity, new Map(), "en-GB").map((figure) => figure.label);
    expect(labels).toEqual(["Emissions", "Scope", "Version", "Location-based", "Market-based"]);
  });

  it("says why a tombstone cannot change", () => {
    expect(unchangeableReason(VERSIONS[2]!)).toMatch(/deleted/);
    expect(unchangeableReason(RECORD_CREATED)).toBeNull();
    expect(resultFigures(VERSIONS[2]!, new Map(), "en-GB")[2]).toEqual({ label: "Version", value: "3", note: "supersedes version 2" });
  });
});

describe("the factor and the calculation", () => {
  it("shows the factor as published, unrounded, with the GWP set the stored calculation applied", () => {
    expect(factorValueLabel(0.1829, "kWh", "en-GB")).toBe("0.1829 kg CO₂e per kWh");
    const facts = Object.fromEntries(factorFacts(RECORD_CREATED, "en-GB").map((f) => [f.term, f.value]));
    expect(facts).toMatchObject({
      Value: "0.20264 kg CO₂e per kWh",
      Dataset: "desnz, 2024 v1.1",
      Year: "2024",
      Licence: "OGL-3.0 (attribution required)",
      "GWP set applied": "AR5",
    });
    expect(factorSourceUrl(RECORD_CREATED)).toBe(
      "https://www.gov.uk/government/publications/greenhouse-gas-reporting-conversion-factors-2024",
    );
  });

  it("says when the source states no GWP basis", () => {
    const austin = RECORDS_PAGE.items[1]!;
    expect(austin.calculation.gwp_applied).toBeNull();
    const facts = Object.fromEntries(factorFacts(austin, "en-GB").map((f) => [f.term, f.value]));
    expect(facts["GWP set applied"]).toBe("Not stated by the source");
    expect(factorSourceUrl(austin)).toBe("https://www.epa.gov/egrid/download-data");
  });

  it("keeps each version's own calculation, the tombstone's included", () => {
    const [first, corrected, deleted] = VERSIONS;
    expect(first!.calculation.steps.at(-1)).toBe("Result: 243.168 kg CO2e (location)");
    expect(corrected!.calculation.co2e_kg).toBe(corrected!.co2e_kg);
    expect(corrected!.calculation.steps.at(-1)).toBe("Result: 202.64 kg CO2e (location)");
    expect(deleted!.calculation.factor.id).toBe(deleted!.factor.id);
  });

  it("links library factors to their page, not a contractual rate", () => {
    expect(factorHref(RECORD_CREATED.factor)).toBe("/factors/desnz-2024%3Afuel.natural_gas%3AGB%3Anet%3AkWh");
    expect(factorHref(ESTIMATE_ELECTRICITY_MARKET.factor)).toBeNull();
  });

  it("says which options were given", () => {
    expect(optionsLabel({})).toBe("Defaults");
    expect(optionsLabel({ haul: "short", radiative_forcing: true, passengers: 2 })).toBe(
      "Haul: short; Include radiative forcing: yes; Passengers: 2",
    );
  });
});
