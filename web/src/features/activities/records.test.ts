import { describe, expect, it } from "vitest";
import { CATALOGUE, FACILITIES, RECORDS_PAGE, RECORDS_SCOPE2_PAGE, VERSIONS } from "./fixtures";
import {
  facilityLabel,
  facilityNames,
  filtersFromSearch,
  hasFilters,
  pagerOf,
  recordRows,
  recordsQuery,
  searchFromFilters,
  versionRows,
  withFilter,
} from "./records";

describe("filters in the URL", () => {
  it("reads the filters, leaving out what the API would refuse", () => {
    const filters = filtersFromSearch(new URLSearchParams("scope=4&from=2024-01-01&to=soon&source=fax&page=0&activity=fuel.natural_gas"));
    expect(filters).toEqual({
      facility: "",
      activity: "fuel.natural_gas",
      scope: "",
      source: "",
      from: "2024-01-01",
      to: "",
      page: 1,
    });
  });

  it("writes them back, and a changed filter goes back to page 1", () => {
    const filters = filtersFromSearch(new URLSearchParams("scope=2&from=2024-01-01&to=2024-12-31&page=3"));
    expect(searchFromFilters(filters).toString()).toBe("scope=2&from=2024-01-01&to=2024-12-31&page=3");
    const changed = withFilter(filters, "facility", FACILITIES[1]!.id);
    expect(changed.page).toBe(1);
    expect(searchFromFilters(changed).get("page")).toBeNull();
    expect(hasFilters(filtersFromSearch(new URLSearchParams("page=2")))).toBe(false);
  });

  it("makes the query RECORDS_SCOPE2_PAGE was answered for", () => {
    const filters = filtersFromSearch(new URLSearchParams("scope=2&from=2024-01-01&to=2024-12-31"));
    expect(recordsQuery(filters)).toEqual({ scope: 2, from: "2024-01-01", to: "2024-12-31", limit: 50, offset: 0 });
    expect(recordsQuery({ ...filters, page: 3 }, false)).toEqual({ scope: 2, from: "2024-01-01", to: "2024-12-31" });
    expect(RECORDS_SCOPE2_PAGE.items.every((record) => record.scope === 2 && record.period_start >= "2024-01-01")).toBe(true);
  });
});

describe("pagerOf", () => {
  it("says where a page is", () => {
    expect(pagerOf(RECORDS_PAGE)).toMatchObject({ first: 1, last: 3, total: 147, pages: 49, page: 1, hasPrevious: false, hasNext: true });
    expect(pagerOf(RECORDS_PAGE).label).toBe("Activities 1–3 of 147");
    expect(pagerOf({ items: [], total: 0, limit: 50, offset: 0 })).toMatchObject({ label: "No activities", hasNext: false });
  });
});

describe("recordRows", () => {
  it("draws each record with its facility's name, units and magnitudes", () => {
    const rows = recordRows(RECORDS_PAGE.items, FACILITIES, CATALOGUE, "en-GB");
    expect(rows[0]).toEqual({
      id: "34202607-a4b5-4f56-b96d-eef23aebc0e8",
      href: "/activities/34202607-a4b5-4f56-b96d-eef23aebc0e8",
      period: "1 Jan 2024 – 31 Jan 2024",
      facility: "London office",
      activity: "electricity.grid",
      activityDescription: "Electricity taken from the grid (scope 2, dual reporting)",
      quantity: "17,000 kWh",
      co2e: "3.52 t CO₂e",
      scope: "Scope 2",
      version: "1",
    });
    expect(rows[1]).toMatchObject({ facility: "Austin warehouse", quantity: "30,000 kWh", co2e: "10.5 t CO₂e", scope: "Scope 2" });
    expect(rows[2]).toMatchObject({ facility: "London office", activity: "fuel.natural_gas", co2e: "2.01 t CO₂e", scope: "Scope 1" });
    expect(facilityLabel(null, facilityNames(FACILITIES))).toBe("No facility");
  });
});

describe("versionRows", () => {
  it("lists the history newest first, the tombstone marked", () => {
    const rows = versionRows(VERSIONS, "en-GB");
    expect(rows.map((row) => [row.version, row.change, row.quantity, row.deleted])).toEqual([
      ["3", "Deleted", "1,000 kWh", true],
      ["2", "Corrected", "1,000 kWh", false],
      ["1", "Recorded", "1,200 kWh", false],
    ]);
    expect(rows[0]!.co2e).toBe("202.6 kg CO₂e (no longer counted)");
    expect(rows[2]!.factorId).toBe("desnz-2024:fuel.natural_gas:GB:net:kWh");
  });
});
