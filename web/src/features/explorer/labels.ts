/** Words for the API's keys: scopes, scope 3 categories, facilities, gases, months. */
import { formatMonth } from "../../lib/format";
import type { Dimension, FacilityRecord, KeyValue, Scope2Method } from "./types";
import { SCOPE3_CATEGORIES } from "../../lib/ghg";

export const DIMENSION_LABELS: Readonly<Record<Dimension, string>> = {
  scope: "Scope",
  category: "Scope 3 category",
  facility: "Facility",
  gas: "Gas",
  month: "Month",
  year: "Year",
};

export const GAS_LABELS: Readonly<Record<string, string>> = {
  CO2: "CO₂",
  CH4: "CH₄",
  N2O: "N₂O",
  other: "Other (not split by gas)",
};

export type FacilityNames = ReadonlyMap<string, string>;

export function facilityNames(facilities: readonly FacilityRecord[] | undefined): FacilityNames {
  return new Map((facilities ?? []).map((facility) => [facility.id, facility.name]));
}

export function facilityLabel(id: string | null | undefined, names: FacilityNames): string {
  if (!id) return "No facility";
  return names.get(id) ?? `Facility ${id.slice(0, 8)}`;
}

export function categoryLabel(category: number | null | undefined): string {
  if (!category) return "No scope 3 category";
  const name = SCOPE3_CATEGORIES[category];
  return name ? `${category}. ${name}` : `Category ${category}`;
}

export function scopeLabel(scope: number, method?: Scope2Method): string {
  return scope === 2 && method ? `Scope 2 (${method}-based)` : `Scope ${scope}`;
}

/** How a group's value for `dimension` reads. */
export function valueLabel(
  dimension: Dimension,
  value: KeyValue | undefined,
  names: FacilityNames,
  method?: Scope2Method,
): string {
  switch (dimension) {
    case "scope":
      return typeof value === "number" ? scopeLabel(value, method) : "Unknown scope";
    case "category":
      return categoryLabel(typeof value === "number" ? value : null);
    case "facility":
      return facilityLabel(typeof value === "string" ? value : null, names);
    case "gas":
      return typeof value === "string" ? (GAS_LABELS[value] ?? value) : "Unknown gas";
    case "month":
      return typeof value === "string" ? formatMonth(value) : "–";
    case "year":
      return value === null || value === undefined ? "–" : String(value);
  }
}
