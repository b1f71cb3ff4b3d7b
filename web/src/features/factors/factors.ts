/**
 * The factor library shaped for its pages: the search in the URL and as the API takes it,
 * the facets as filters, and a factor's values, sources and notes. Pure functions.
 */
import type { operations } from "../../api/schema";
import { SCOPE3_CATEGORIES } from "../../lib/ghg";
import { ANY_REGION, regionLabel } from "./regions";
import type { ActivityInfo, FacetCount, Factor, GasValue } from "./types";

export type SearchQuery = NonNullable<operations["search_factors_api_v1_carbon_factors_get"]["parameters"]["query"]>;
export type UnitType = NonNullable<SearchQuery["unit_type"]>;

export const PAGE_SIZE = 25;
export const FACET_NAMES = [
  "dataset",
  "edition",
  "scope",
  "scope3_category",
  "activity",
  "region",
  "year",
  "unit_type",
] as const;
export type FacetName = (typeof FACET_NAMES)[number];

const UNIT_TYPES: Record<UnitType, string> = {
  energy: "Energy (kWh, MJ, therm…)",
  volume: "Volume (litres, m³…)",
  mass: "Mass (kg, tonnes…)",
  distance: "Distance (km, miles)",
  passenger_distance: "Passenger distance (passenger-km)",
  freight_distance: "Freight distance (tonne-km)",
  room_nights: "Hotel room-nights",
  working_hours: "FTE working hours",
  money: "Money spent (USD)",
};

const DATASETS: Record<string, string> = {
  desnz: "UK DESNZ/Defra conversion factors",
  egrid: "US EPA eGRID",
  "epa-hub": "US EPA GHG Emission Factors Hub",
  "epa-supply-chain": "US EPA Supply Chain GHG Emission Factors",
  owid: "Our World in Data",
  nga: "Australian National Greenhouse Accounts Factors",
  "eccc-nir": "Canada National Inventory Report (ECCC)",
  "direct-mass": "Direct mass × GWP",
};

export function datasetLabel(dataset: string): string {
  return DATASETS[dataset] ?? dataset;
}

/** The dataset of an edition: `desnz-2024` → `desnz`, `epa-supply-chain-1.3` → `epa-supply-chain`. */
export function editionDataset(edition: string): string {
  return /^(.+?)-\d[\w.]*$/.exec(edition)?.[1] ?? edition;
}

/** "6. Business travel", as the rest of the app names scope 3 categories. */
export function categoryLabel(category: number): string {
  const name = SCOPE3_CATEGORIES[category];
  return name ? `${category}. ${name}` : `Category ${category}`;
}

/** "Scope 3, category 6 (Business travel)". */
function scopeWords(scope: number, category: number | null | undefined, name?: string): string {
  if (!category) return `Scope ${scope}`;
  const known = name ?? SCOPE3_CATEGORIES[category];
  return `Scope ${scope}, category ${category}${known ? ` (${known})` : ""}`;
}

function isUnitType(value: string): value is UnitType {
  return Object.hasOwn(UNIT_TYPES, value);
}

/** A whole number from `min` to `max` written plainly ("6", not "06" or "6.0"), else null. */
function wholeNumber(value: string, min: number, max: number): number | null {
  const number = Number(value);
  return /^[1-9]\d*$/.test(value) && number >= min && number <= max ? number : null;
}

function catalogueScope(activity: string, catalogue: ActivityInfo[]): string | undefined {
  const info = catalogue.find((entry) => entry.id === activity);
  return info ? `Scope ${info.scope}` : undefined;
}

/** How one facet of the library is filtered on, shown and passed on. */
interface FacetSpec {
  label: string;
  any: string;
  /** Its name in the URL and in the API's query, where that is not the facet's name. */
  param?: keyof SearchQuery;
  /** The API's query for a value of it, or null for a value the API would refuse. */
  query: (value: string) => Partial<SearchQuery> | null;
  optionLabel?: (value: string, catalogue: ActivityInfo[]) => string;
  /** The group an option is listed under. */
  group?: (value: string, catalogue: ActivityInfo[]) => string | undefined;
  order?: (a: FacetOption, b: FacetOption) => number;
  /**
   * A refinement of another filter's value: drawn only while that value is chosen (or while
   * it has a value itself, to be seen and cleared), and cleared when the other filter changes.
   */
  within?: { facet: FacetName; value: string };
}

/**
 * The facets, in the order they are drawn. Years and editions newest first, activities by scope,
 * regions with `*` (any region) first; the others as Carbon orders them.
 */
const FACETS: Record<FacetName, FacetSpec> = {
  dataset: {
    label: "Dataset",
    any: "Any dataset",
    query: (dataset) => ({ dataset }),
    optionLabel: datasetLabel,
  },
  edition: {
    label: "Edition",
    any: "Any edition",
    query: (edition) => ({ edition }),
    group: (edition) => datasetLabel(editionDataset(edition)),
    order: (a, b) =>
      editionDataset(a.value).localeCompare(editionDataset(b.value)) ||
      b.value.localeCompare(a.value, undefined, { numeric: true }),
  },
  scope: {
    label: "Scope",
    any: "Any scope",
    query: (value) => {
      const scope = wholeNumber(value, 1, 3);
      return scope === null ? null : { scope };
    },
    optionLabel: (scope) => `Scope ${scope}`,
  },
  scope3_category: {
    label: "Scope 3 category",
    any: "Any scope 3 category",
    param: "category",
    query: (value) => {
      const category = wholeNumber(value, 1, 15);
      return category === null ? null : { category };
    },
    optionLabel: (category) => categoryLabel(Number(category)),
    within: { facet: "scope", value: "3" },
  },
  activity: {
    label: "Activity",
    any: "Any activity",
    query: (activity) => ({ activity }),
    optionLabel: (activity, catalogue) => {
      const info = catalogue.find((entry) => entry.id === activity);
      return info ? `${activity} — ${info.description}` : activity;
    },
    group: catalogueScope,
    order: (a, b) => (a.group ?? "Scope 9").localeCompare(b.group ?? "Scope 9") || a.value.localeCompare(b.value),
  },
  region: {
    label: "Region",
    any: "Any region",
    query: (region) => ({ region }),
    optionLabel: regionLabel,
    order: (a, b) => Number(b.value === ANY_REGION) - Number(a.value === ANY_REGION),
  },
  year: {
    label: "Year",
    any: "Any year",
    query: (year) => (/^\d{4}$/.test(year) ? { year: Number(year) } : null),
    order: (a, b) => b.value.localeCompare(a.value),
  },
  unit_type: {
    label: "Unit type",
    any: "Any unit type",
    query: (value) => (isUnitType(value) ? { unit_type: value } : null),
    optionLabel: (value) => (isUnitType(value) ? UNIT_TYPES[value] : value),
  },
};

/** A facet's name in the URL and in the API's query (`category` for `scope3_category`). */
export function facetParam(name: FacetName): string {
  return FACETS[name].param ?? name;
}

export interface FactorSearch {
  text: string;
  filters: Partial<Record<FacetName, string>>;
  /** 1-based. */
  page: number;
}

/** The search the URL holds; values the API would refuse (a year that is not a number…) are dropped. */
export function parseSearch(params: URLSearchParams): FactorSearch {
  const filters: FactorSearch["filters"] = {};
  for (const name of FACET_NAMES) {
    const value = params.get(facetParam(name))?.trim();
    if (!value || FACETS[name].query(value) === null) continue;
    filters[name] = value;
  }
  const page = Number(params.get("page"));
  return {
    text: (params.get("text") ?? "").slice(0, 200),
    filters,
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** The URL's search params for a search (empty parts left out). */
export function searchParams(search: FactorSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.text.trim()) params.set("text", search.text.trim());
  for (const name of FACET_NAMES) {
    const value = search.filters[name];
    if (value) params.set(facetParam(name), value);
  }
  if (search.page > 1) params.set("page", String(search.page));
  return params;
}

/**
 * The search with one filter set (or cleared), back on the first page; a filter that refines
 * another's value (a scope 3 category) goes when that one changes to something else.
 */
export function withFilter(search: FactorSearch, name: FacetName, value: string | null): FactorSearch {
  const filters = { ...search.filters };
  if (value) filters[name] = value;
  else delete filters[name];
  for (const other of FACET_NAMES) {
    const within = FACETS[other].within;
    if (within && within.facet === name && value !== within.value) delete filters[other];
  }
  return { ...search, filters, page: 1 };
}

/** What `GET /api/v1/carbon/factors` takes for a search. */
export function apiQuery(search: FactorSearch): SearchQuery {
  let query: SearchQuery = search.text.trim() ? { text: search.text.trim() } : {};
  for (const name of FACET_NAMES) {
    const value = search.filters[name];
    const part = value ? FACETS[name].query(value) : null;
    if (part) query = { ...query, ...part };
  }
  return { ...query, limit: PAGE_SIZE, offset: (search.page - 1) * PAGE_SIZE };
}

export interface FacetOption {
  value: string;
  label: string;
  count: number;
  /** The group to list it under: an activity's scope, an edition's dataset. */
  group?: string;
}

export interface FacetGroup {
  name: FacetName;
  label: string;
  any: string;
  selected: string;
  options: FacetOption[];
}

/**
 * The filters to draw: for each facet the values that still give results when only that
 * filter changes (as Carbon answers them), with counts; the chosen value is always among
 * them. A refinement (the scope 3 category) is drawn only once what it refines is chosen.
 */
export function facetGroups(
  facets: Record<string, FacetCount[]>,
  search: FactorSearch,
  catalogue: ActivityInfo[] = [],
): FacetGroup[] {
  return FACET_NAMES.flatMap((name) => {
    const spec = FACETS[name];
    const selected = search.filters[name] ?? "";
    if (spec.within && !selected && search.filters[spec.within.facet] !== spec.within.value) return [];
    const counts = [...(facets[name] ?? [])];
    if (selected && !counts.some((facet) => facet.value === selected)) counts.push({ value: selected, count: 0 });
    const options: FacetOption[] = counts.map((facet) => ({
      value: facet.value,
      label: spec.optionLabel?.(facet.value, catalogue) ?? facet.value,
      count: facet.count,
      ...(spec.group ? { group: spec.group(facet.value, catalogue) } : {}),
    }));
    if (spec.order) options.sort(spec.order);
    return [{ name, label: spec.label, any: spec.any, selected, options }];
  });
}

/** Options split into labelled groups (activities by scope), in order; one unnamed group otherwise. */
export function groupOptions(options: FacetOption[]): { group: string | undefined; options: FacetOption[] }[] {
  const groups: { group: string | undefined; options: FacetOption[] }[] = [];
  for (const option of options) {
    const last = groups.at(-1);
    if (last && last.group === option.group) last.options.push(option);
    else groups.push({ group: option.group, options: [option] });
  }
  return groups;
}

const GAS_ORDER = ["CO2", "CH4", "N2O"];
const SUBSCRIPTS: Record<string, string> = { CO2: "CO₂", CH4: "CH₄", N2O: "N₂O" };

export function gasName(gas: string): string {
  return SUBSCRIPTS[gas] ?? gas;
}

export function formatNumber(value: number, locale?: string): string {
  return new Intl.NumberFormat(locale, { maximumSignificantDigits: 6 }).format(value);
}

/** "0.1829 kg CO₂e per kWh", or the published masses of each gas when there is no CO₂e. */
export function factorValueText(factor: Factor, locale?: string): string {
  if (factor.co2e) return `${formatNumber(factor.co2e.value, locale)} ${factor.co2e.unit} CO₂e per ${factor.unit}`;
  const gases = sortedGases(factor);
  if (gases.length === 0) return "–";
  const masses = gases.map(([gas, value]) => `${formatNumber(value.value, locale)} ${value.unit} ${gasName(gas)}`);
  return `${masses.join(", ")} per ${factor.unit}`;
}

/** The factor's gases, CO₂, CH₄, N₂O first, then any others by name. */
function sortedGases(factor: Factor): [string, GasValue][] {
  const rank = (gas: string) => {
    const index = GAS_ORDER.indexOf(gas);
    return index === -1 ? GAS_ORDER.length : index;
  };
  return Object.entries(factor.gases ?? {}).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

export interface GasRow {
  gas: string;
  value: string;
  unit: string;
  basis: string;
}

/** The published value for each gas: CO₂, CH₄, N₂O first, then any others. */
export function gasRows(factor: Factor, locale?: string): GasRow[] {
  const basis =
    factor.gas_basis === "mass"
      ? "Mass of the gas"
      : factor.gas_basis === "co2e"
        ? `The gas’s share, as CO₂e${factor.gwp_basis ? ` (${factor.gwp_basis})` : ""}`
        : "–";
  return sortedGases(factor).map(([gas, value]) => ({
    gas: gasName(gas),
    value: formatNumber(value.value, locale),
    unit: `${value.unit} per ${factor.unit}`,
    basis,
  }));
}

export interface SourceLink {
  href: string;
  label: string;
}

/**
 * The web addresses in a factor's `source_url` ("https://… ; underlying: https://…"), with
 * what precedes each as its label. Only http(s) addresses become links.
 */
export function sourceLinks(sourceUrl: string): SourceLink[] {
  const links: SourceLink[] = [];
  for (const part of sourceUrl.split(/\s;\s|;\s/)) {
    const match = /https?:\/\/\S+/i.exec(part);
    if (!match) continue;
    let href: string;
    try {
      const url = new URL(match[0]);
      if (url.protocol !== "https:" && url.protocol !== "http:") continue;
      href = url.href;
    } catch {
      continue;
    }
    const before = part.slice(0, match.index).trim().replace(/:$/, "");
    links.push({ href, label: before ? `${before[0]?.toUpperCase()}${before.slice(1)}: ${match[0]}` : match[0] });
  }
  return links;
}

/** Plain-words notes on how a factor's numbers are meant and used. */
export function factorNotes(factor: Factor): string[] {
  const notes: string[] = [];
  const hasGases = Object.keys(factor.gases ?? {}).length > 0;
  if (factor.private) {
    notes.push(
      "Your organisation’s private factor: estimates prefer it where it matches the activity, region, options and year. It is never edited: to change it, delete it and add another, so its id always means one number.",
    );
  }
  if (factor.gas_basis === "mass" && !factor.co2e) {
    notes.push(
      "The source publishes the mass of each gas. The CO₂e follows from the GWP set an estimate asks for (AR4, AR5 or AR6; AR5 by default): each gas’s mass times its GWP, summed.",
    );
  }
  if (factor.gas_basis === "co2e" && hasGases) {
    notes.push(
      "The per-gas values are each gas’s share of the total as CO₂e, as the source publishes them, not masses of gas; they add up to the total within the tables’ rounding.",
    );
  }
  if (factor.co2e && !hasGases) notes.push("Published as CO₂e only, with no split by gas.");
  if (factor.co2e) {
    notes.push(
      factor.gwp_basis
        ? `The CO₂e already contains the ${factor.gwp_basis} GWP set, so the GWP an estimate asks for is not applied to it.`
        : "The source does not state the GWP set behind its CO₂e.",
    );
  }
  if (factor.outside_of_scopes) {
    notes.push(
      "The source also reports biogenic CO₂ “outside of scopes” (from the biomass or biofuel burned): estimates report it beside the scope totals, never inside them.",
    );
  }
  if (factor.year === null) notes.push("Not tied to a year: it is GWP arithmetic on a mass of gas.");
  if (factor.region === ANY_REGION) notes.push("Applies in any region.");
  return notes;
}

/**
 * The factor's scope in words: its own where Carbon gives it (an activity's factors can differ:
 * a car's are scope 1 or 3), else its activity's from the catalogue.
 */
export function scopeText(
  factor: Pick<Factor, "activity" | "scope" | "scope3_category">,
  catalogue: ActivityInfo[],
): string | null {
  if (factor.scope) return scopeWords(factor.scope, factor.scope3_category);
  const info = catalogue.find((entry) => entry.id === factor.activity);
  if (!info) return null;
  return scopeWords(info.scope, info.scope3_category?.number, info.scope3_category?.name);
}

/** "0.16 kg of biogenic CO₂ per L", the CO₂ the source reports outside of the scopes; null if none. */
export function outsideOfScopesText(factor: Factor, locale?: string): string | null {
  const value = factor.outside_of_scopes;
  if (!value) return null;
  return `${formatNumber(value.value, locale)} ${value.unit} of biogenic CO₂ per ${factor.unit}`;
}

/** "Factors 26–50 of 1,865". */
export function pageSummary(total: number, page: number, locale?: string): string {
  if (total === 0) return "No factors";
  const first = (page - 1) * PAGE_SIZE + 1;
  const last = Math.min(total, page * PAGE_SIZE);
  const format = (value: number) => new Intl.NumberFormat(locale).format(value);
  return `Factors ${format(first)}–${format(last)} of ${format(total)}`;
}

export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}
