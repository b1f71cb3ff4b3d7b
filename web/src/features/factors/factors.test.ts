import { describe, expect, it } from "vitest";
import {
  apiQuery,
  categoryLabel,
  editionDataset,
  facetGroups,
  factorNotes,
  factorValueText,
  gasRows,
  groupOptions,
  outsideOfScopesText,
  pageCount,
  pageSummary,
  parseSearch,
  scopeText,
  searchParams,
  sourceLinks,
  withFilter,
  type FacetName,
} from "./factors";
import {
  catalogue,
  desnzDiesel,
  desnzFlight,
  desnzGas,
  directCo2,
  egridErcot,
  owidAruba,
  privateGas,
  searchBusinessTravel,
  searchEgrid,
  searchGas,
  searchNone,
} from "./fixtures";
import { regionLabel } from "./regions";
import type { SearchPage } from "./types";

describe("the search in the URL", () => {
  it("reads text, filters and page, dropping what the API would refuse", () => {
    const search = parseSearch(
      new URLSearchParams("text=natural+gas&region=GB&year=2024&unit_type=furlongs&dataset=&page=2&colour=red"),
    );
    expect(search).toEqual({ text: "natural gas", filters: { region: "GB", year: "2024" }, page: 2 });
    expect(parseSearch(new URLSearchParams("year=twenty&page=-1")).filters).toEqual({});
    expect(parseSearch(new URLSearchParams("page=1.5")).page).toBe(1);
  });

  it("reads edition, scope and scope 3 category (`category`, as the API names it), dropping refused values", () => {
    expect(parseSearch(new URLSearchParams("edition=desnz-2024&scope=3&category=6")).filters).toEqual({
      edition: "desnz-2024",
      scope: "3",
      scope3_category: "6",
    });
    const refused = ["scope=4", "scope=0", "scope=three", "category=16", "category=0", "category=06", "category=6.0"];
    for (const bad of refused) {
      expect(parseSearch(new URLSearchParams(bad)).filters, bad).toEqual({});
    }
    expect(parseSearch(new URLSearchParams("scope3_category=6")).filters).toEqual({});
  });

  it("writes them back and asks the API for them, numbers as numbers", () => {
    const search = parseSearch(new URLSearchParams("category=6&scope=3&edition=desnz-2024&region=GB"));
    expect(searchParams(search).toString()).toBe("edition=desnz-2024&scope=3&category=6&region=GB");
    expect(apiQuery(search)).toEqual({
      edition: "desnz-2024",
      scope: 3,
      category: 6,
      region: "GB",
      limit: 25,
      offset: 0,
    });
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

  it("drops the scope 3 category when the scope changes from 3, and keeps it otherwise", () => {
    const search = parseSearch(new URLSearchParams("scope=3&category=6&region=GB&page=2"));
    expect(withFilter(search, "scope", "1").filters).toEqual({ scope: "1", region: "GB" });
    expect(withFilter(search, "scope", null).filters).toEqual({ region: "GB" });
    expect(withFilter(search, "scope", "3").filters).toEqual({ scope: "3", scope3_category: "6", region: "GB" });
    expect(withFilter(search, "region", "US").filters).toEqual({ scope: "3", scope3_category: "6", region: "US" });
    expect(withFilter(search, "scope3_category", "4")).toEqual({
      text: "",
      filters: { scope: "3", scope3_category: "4", region: "GB" },
      page: 1,
    });
  });
});

describe("facetGroups", () => {
  const search = parseSearch(new URLSearchParams("text=natural+gas&region=GB&year=2024"));
  /** The filter `name` drawn for the search in `query`, or undefined when it is not drawn. */
  const facet = (facets: SearchPage["facets"], query: string, name: FacetName) =>
    facetGroups(facets, parseSearch(new URLSearchParams(query)), catalogue).find((group) => group.name === name);

  it("draws each facet Carbon answers, with the values that still give results", () => {
    const groups = facetGroups(searchGas.facets, search, catalogue);
    expect(groups.map((group) => group.name)).toEqual([
      "dataset",
      "edition",
      "scope",
      "activity",
      "region",
      "year",
      "unit_type",
    ]);
    const year = groups.find((group) => group.name === "year")!;
    expect(year.selected).toBe("2024");
    expect(year.options.map((option) => [option.value, option.count])).toEqual([
      ["2025", 16],
      ["2024", 17],
      ["2023", 16],
      ["2022", 16],
      ["2021", 16],
      ["2020", 16],
      ["2019", 16],
    ]);
    const dataset = groups.find((group) => group.name === "dataset")!;
    expect(dataset.options.map((option) => option.label)).toEqual(["acme-gas", "UK DESNZ/Defra conversion factors"]);
    const activity = groups.find((group) => group.name === "activity")!;
    expect(activity.options[0]).toEqual({
      value: "fuel.natural_gas",
      label: "fuel.natural_gas — Stationary combustion of natural gas",
      count: 5,
      group: "Scope 1",
    });
    // by the catalogue's scope; an activity the catalogue lacks last, by its id
    expect(activity.options.map((option) => [option.value, option.count, option.group])).toEqual([
      ["fuel.natural_gas", 5, "Scope 1"],
      ["fuel.well_to_tank", 8, "Scope 3"],
      ["desnz.fuels", 4, undefined],
    ]);
    const units = groups.find((group) => group.name === "unit_type")!;
    expect(units.options.map((option) => option.value)).toEqual(["energy", "mass", "volume"]);
  });

  it("names scopes and lists editions under their dataset, newest first", () => {
    expect(facet(searchGas.facets, "text=natural+gas&region=GB&year=2024", "scope")).toEqual({
      name: "scope",
      label: "Scope",
      any: "Any scope",
      selected: "",
      options: [
        { value: "1", label: "Scope 1", count: 8 },
        { value: "3", label: "Scope 3", count: 8 },
      ],
    });
    const edition = facet(searchEgrid.facets, "edition=desnz-2024", "edition")!;
    expect(edition.selected).toBe("desnz-2024");
    const listed = groupOptions(edition.options).map(({ group, options }) => [group, options.map((o) => [o.value, o.count])]);
    expect(listed).toEqual([
      ["UK DESNZ/Defra conversion factors", [["desnz-2024", 0]]],
      ["US EPA eGRID", [["egrid-2023", 79]]],
    ]);
    const editions = ["owid-2024", "desnz-2019", "epa-supply-chain-1.3", "owid-2026", "desnz-2025", "direct-mass"];
    const options = facet({ edition: editions.map((value) => ({ value, count: 1 })) }, "", "edition")!.options;
    expect(options.map((option) => [option.group, option.value])).toEqual([
      ["UK DESNZ/Defra conversion factors", "desnz-2025"],
      ["UK DESNZ/Defra conversion factors", "desnz-2019"],
      ["Direct mass × GWP", "direct-mass"],
      ["US EPA Supply Chain GHG Emission Factors", "epa-supply-chain-1.3"],
      ["Our World in Data", "owid-2026"],
      ["Our World in Data", "owid-2024"],
    ]);
    expect(editionDataset("epa-supply-chain-1.3")).toBe("epa-supply-chain");
    expect(editionDataset("eccc-nir-2022")).toBe("eccc-nir");
    expect(editionDataset("direct-mass")).toBe("direct-mass");
  });

  it("draws the scope 3 category once scope 3 is chosen, by number and name", () => {
    const { facets } = searchBusinessTravel;
    expect(facet(facets, "region=GB", "scope3_category")).toBeUndefined();
    expect(facet(facets, "scope=1", "scope3_category")).toBeUndefined();
    expect(facet(facets, "scope=3", "scope3_category")).toBeDefined();
    // chosen without scope 3 (from a link), it stays in sight to be seen and cleared
    expect(facet(facets, "category=6", "scope3_category")?.selected).toBe("6");

    const category = facet(facets, "region=GB&year=2024&scope=3&category=6", "scope3_category")!;
    expect(category.label).toBe("Scope 3 category");
    expect(category.any).toBe("Any scope 3 category");
    expect(category.selected).toBe("6");
    expect(category.options.map((option) => [option.label, option.count])).toEqual([
      ["1. Purchased goods and services", 72],
      ["3. Fuel- and energy-related activities", 726],
      ["4. Upstream transportation and distribution", 289],
      ["5. Waste generated in operations", 136],
      ["6. Business travel", 238],
      ["7. Employee commuting", 3],
      ["8. Upstream leased assets", 238],
    ]);
    expect(categoryLabel(15)).toBe("15. Investments");
    expect(categoryLabel(16)).toBe("Category 16");
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
      "desnz",
      "egrid",
      "nga",
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
    expect(factorNotes(desnzDiesel)).toContainEqual(expect.stringMatching(/^The source also reports biogenic CO₂ “outside/));
    expect(factorNotes(desnzGas).some((note) => note.includes("outside of scopes"))).toBe(false);
  });

  it("says what it reports outside of the scopes", () => {
    expect(outsideOfScopesText(desnzDiesel, "en-GB")).toBe("0.16 kg of biogenic CO₂ per L");
    expect(outsideOfScopesText(desnzGas)).toBeNull();
  });

  it("names its scope, its own or else its activity's, and region", () => {
    expect(scopeText(desnzGas, catalogue)).toBe("Scope 1");
    expect(scopeText(desnzFlight, catalogue)).toBe("Scope 3, category 6 (Business travel)");
    expect(scopeText(desnzFlight, [])).toBe("Scope 3, category 6 (Business travel)");
    // a private factor has no scope of its own: its activity's
    expect(privateGas.scope).toBeNull();
    expect(scopeText(privateGas, catalogue)).toBe("Scope 1");
    expect(scopeText({ activity: "travel.flight" }, catalogue)).toBe("Scope 3, category 6 (Business travel)");
    expect(scopeText({ activity: "unknown" }, catalogue)).toBeNull();
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
