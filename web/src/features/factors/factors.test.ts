import { describe, expect, it } from "vitest";
import {
  apiQuery,
  facetGroups,
  factorNotes,
  factorValueText,
  gasRows,
  groupOptions,
  pageCount,
  pageSummary,
  parseSearch,
  scopeText,
  searchParams,
  sourceLinks,
  withFilter,
} from "./factors";
import { catalogue, desnzGas, directCo2, egridErcot, owidAruba, privateGas, searchEgrid, searchGas, searchNone } from "./fixtures";
import { regionLabel } from "./regions";

describe("the search in the URL", () => {
  it("reads text, filters and page, dropping what the API would refuse", () => {
    const search = parseSearch(
      new URLSearchParams("text=natural+gas&region=GB&year=2024&unit_type=furlongs&dataset=&page=2&colour=red"),
    );
    expect(search).toEqual({ text: "natural gas", filters: { region: "GB", year: "2024" }, page: 2 });
    expect(parseSearch(new URLSearchParams("year=twenty&page=-1")).filters).toEqual({});
    expect(parseSearch(new URLSearchParams("page=1.5")).page).toBe(1);
  });

  it("writes it back without empty parts, and asks the API for the page", () => {
    const search = parseSearch(new URLSearchParams("text=natural+gas&region=GB&year=2024&page=2"));
    expect(searchParams(search).toString()).toBe("text=natural+gas&region=GB&year=2024&page=2");
    expect(apiQuery(search)).toEqual({ text: "natural gas", region: "GB", year: 2024, limit: 25, offset: 25 });
    expect(apiQuery(parseSearch(new URLSearchParams()))).toEqual({ limit: 25, offset: 0 });
  });

  it("goes back to the first page when a filter changes", () => {
    const search = parseSearch(new URLSearchParams("region=GB&page=3"));
    expect(withFilter(search, "dataset", "desnz")).toEqual({ text: "", filters: { region: "GB", dataset: "desnz" }, page: 1 });
    expect(withFilter(search, "region", null).filters).toEqual({});
  });
});

describe("facetGroups", () => {
  const search = parseSearch(new URLSearchParams("text=natural+gas&region=GB&year=2024"));

  it("draws each facet Carbon answers, with the values that still give results", () => {
    const groups = facetGroups(searchGas.facets, search, catalogue);
    expect(groups.map((group) => group.name)).toEqual(["dataset", "activity", "region", "year", "unit_type"]);
    const year = groups.find((group) => group.name === "year")!;
    expect(year.selected).toBe("2024");
    expect(year.options.map((option) => [option.value, option.count])).toEqual([
      ["2024", 5],
      ["2021", 4],
      ["2020", 4],
      ["2019", 4],
    ]);
    const dataset = groups.find((group) => group.name === "dataset")!;
    expect(dataset.options.map((option) => option.label)).toEqual(["acme-gas", "UK DESNZ/Defra conversion factors"]);
    const activity = groups.find((group) => group.name === "activity")!;
    expect(activity.options).toEqual([
      { value: "fuel.natural_gas", label: "fuel.natural_gas — Stationary combustion of natural gas", count: 5, group: "Scope 1" },
    ]);
    const units = groups.find((group) => group.name === "unit_type")!;
    expect(units.options.map((option) => option.value)).toEqual(["energy", "mass", "volume"]);
  });

  it("keeps a chosen value that no longer gives results, at zero", () => {
    const none = parseSearch(new URLSearchParams("text=zzzz&dataset=owid"));
    const [dataset] = facetGroups(searchNone.facets, none, catalogue);
    expect(dataset?.options).toEqual([{ value: "owid", label: "Our World in Data", count: 0 }]);
  });

  it("lists a dataset's regions under its other filters", () => {
    const egrid = parseSearch(new URLSearchParams("dataset=egrid&year=2023"));
    const groups = facetGroups(searchEgrid.facets, egrid, catalogue);
    expect(groups.find((group) => group.name === "region")?.options).toHaveLength(79);
    expect(groups.find((group) => group.name === "dataset")?.options.map((option) => option.value)).toEqual([
      "egrid",
      "owid",
    ]);
  });

  it("groups activity options by scope", () => {
    const options = [
      { value: "a", label: "a", count: 1, group: "Scope 1" },
      { value: "b", label: "b", count: 1, group: "Scope 1" },
      { value: "c", label: "c", count: 1, group: "Scope 2" },
    ];
    expect(groupOptions(options).map((group) => [group.group, group.options.length])).toEqual([
      ["Scope 1", 2],
      ["Scope 2", 1],
    ]);
  });
});

describe("a factor", () => {
  it("says its value per unit: CO₂e where published, else the gas masses", () => {
    expect(factorValueText(desnzGas, "en-GB")).toBe("0.1829 kg CO₂e per kWh");
    expect(factorValueText(owidAruba, "en-GB")).toBe("561.224 g CO₂e per kWh");
    expect(factorValueText(egridErcot, "en-GB")).toBe("738.038 lb CO₂, 0.043 lb CH₄, 0.006 lb N₂O per MWh");
  });

  it("lists its values per gas with their basis", () => {
    expect(gasRows(desnzGas, "en-GB")).toEqual([
      { gas: "CO₂", value: "0.18253", unit: "kg per kWh", basis: "The gas’s share, as CO₂e (AR5)" },
      { gas: "CH₄", value: "0.00028", unit: "kg per kWh", basis: "The gas’s share, as CO₂e (AR5)" },
      { gas: "N₂O", value: "0.00009", unit: "kg per kWh", basis: "The gas’s share, as CO₂e (AR5)" },
    ]);
    expect(gasRows(egridErcot, "en-GB")[0]).toEqual({ gas: "CO₂", value: "738.038", unit: "lb per MWh", basis: "Mass of the gas" });
    expect(gasRows(owidAruba)).toEqual([]);
    expect(gasRows(privateGas)).toEqual([]);
  });

  it("links each web address of its source, and nothing else", () => {
    expect(sourceLinks(egridErcot.source_url)).toEqual([
      {
        href: "https://www.epa.gov/climateleadership/ghg-emission-factors-hub",
        label: "https://www.epa.gov/climateleadership/ghg-emission-factors-hub",
      },
      {
        href: "https://www.epa.gov/system/files/documents/2025-01/egrid2023_summary_tables.xlsx",
        label: "Underlying: https://www.epa.gov/system/files/documents/2025-01/egrid2023_summary_tables.xlsx",
      },
    ]);
    expect(sourceLinks(owidAruba.source_url).map((link) => link.href)).toEqual([
      "https://github.com/owid/energy-data",
      "https://ourworldindata.org/grapher/carbon-intensity-electricity",
    ]);
    expect(sourceLinks(privateGas.source_url)).toEqual([
      { href: "https://example.com/acme-2024.pdf", label: "https://example.com/acme-2024.pdf" },
    ]);
    expect(sourceLinks("javascript:alert(1)")).toEqual([]);
    expect(sourceLinks("")).toEqual([]);
  });

  it("explains in notes how its numbers are meant", () => {
    expect(factorNotes(egridErcot)[0]).toMatch(/mass of each gas/);
    expect(factorNotes(desnzGas)).toEqual([
      expect.stringMatching(/share of the total as CO₂e/),
      expect.stringMatching(/AR5 GWP set/),
    ]);
    expect(factorNotes(owidAruba)).toEqual([
      "Published as CO₂e only, with no split by gas.",
      "The source does not state the GWP set behind its CO₂e.",
    ]);
    expect(factorNotes(privateGas)[0]).toMatch(/^Your organisation’s private factor/);
    expect(factorNotes(directCo2)).toContain("Applies in any region.");
    expect(factorNotes(directCo2)).toContain("Not tied to a year: it is GWP arithmetic on a mass of gas.");
  });

  it("names its scope and region", () => {
    expect(scopeText("fuel.natural_gas", catalogue)).toBe("Scope 1");
    expect(scopeText("travel.flight", catalogue)).toBe("Scope 3, category 6 (Business travel)");
    expect(scopeText("unknown", catalogue)).toBeNull();
    expect(regionLabel("*")).toBe("Any region (*)");
    expect(regionLabel("US-ERCT")).toBe("US-ERCT — US eGRID subregion ERCT");
  });
});

describe("paging", () => {
  it("says which factors are shown", () => {
    expect(pageSummary(searchEgrid.total, 2, "en-GB")).toBe("Factors 26–50 of 79");
    expect(pageSummary(1865, 75, "en-GB")).toBe("Factors 1,851–1,865 of 1,865");
    expect(pageSummary(searchNone.total, 1)).toBe("No factors");
    expect(pageCount(searchEgrid.total)).toBe(4);
    expect(pageCount(0)).toBe(1);
  });
});
