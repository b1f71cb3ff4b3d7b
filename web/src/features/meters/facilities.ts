/** Facilities with their meters, and the choices the add-facility and add-meter forms offer. */
import { ANY_REGION, regionLabel } from "../factors/regions";
import type { ActivityInfo, Facility, FacilityType, Meter, MeterKind } from "./types";

export interface FacilityWithMeters {
  facility: Facility;
  meters: Meter[];
}

/** Each facility (in the order Carbon lists them) with its meters, by name. */
export function groupMeters(facilities: Facility[], meters: Meter[]): FacilityWithMeters[] {
  const byFacility = new Map<string, Meter[]>();
  for (const meter of meters) {
    const list = byFacility.get(meter.facility_id) ?? [];
    list.push(meter);
    byFacility.set(meter.facility_id, list);
  }
  return facilities.map((facility) => ({
    facility,
    meters: [...(byFacility.get(facility.id) ?? [])].sort((a, b) => a.name.localeCompare(b.name)),
  }));
}

export interface Choice {
  value: string;
  label: string;
}

/**
 * The regions a facility or meter may be in: those Carbon has factors for (what its
 * `check_region` accepts), read from the factor search's region facet, without `*`.
 */
export function regionChoices(regionFacet: { value: string; count: number }[]): Choice[] {
  return regionFacet
    .filter((facet) => facet.value !== ANY_REGION)
    .map((facet) => ({ value: facet.value, label: regionLabel(facet.value) }));
}

export const FACILITY_TYPES: { value: FacilityType; label: string }[] = [
  { value: "office", label: "Office" },
  { value: "warehouse", label: "Warehouse" },
  { value: "factory", label: "Factory" },
  { value: "retail", label: "Retail" },
  { value: "data_centre", label: "Data centre" },
  { value: "site", label: "Site" },
  { value: "other", label: "Other" },
];

export const METER_KINDS: { value: MeterKind; label: string }[] = [
  { value: "electricity", label: "Electricity" },
  { value: "natural_gas", label: "Natural gas" },
  { value: "heat", label: "Heat and steam" },
  { value: "water", label: "Water" },
  { value: "waste", label: "Waste" },
  { value: "other", label: "Other" },
];

export function kindLabel(kind: string): string {
  return METER_KINDS.find((choice) => choice.value === kind)?.label ?? kind;
}

export function facilityTypeLabel(type: string): string {
  return FACILITY_TYPES.find((choice) => choice.value === type)?.label ?? type;
}

/** The activity a meter of each kind rolls up into when none is given (Carbon's KIND_ACTIVITIES). */
export const KIND_ACTIVITIES: Partial<Record<MeterKind, string>> = {
  electricity: "electricity.grid",
  natural_gas: "fuel.natural_gas",
  heat: "heat.steam",
};

/** Units a meter of this kind may read in: its activity's accepted units; any unit without one. */
export function unitChoices(kind: MeterKind, catalogue: ActivityInfo[]): string[] {
  const activity = KIND_ACTIVITIES[kind];
  if (!activity) return [];
  return catalogue.find((info) => info.id === activity)?.accepted_units ?? [];
}

/** The unit the form starts with for a kind. */
export function defaultUnit(kind: MeterKind, catalogue: ActivityInfo[]): string {
  if (kind === "water") return "m3";
  if (kind === "waste") return "kg";
  return unitChoices(kind, catalogue)[0] ?? "";
}

/** What a meter's readings become, in words. */
export function rollUpText(activity: string | null, catalogue: ActivityInfo[]): string {
  if (!activity) return "None: its readings are stored and analysed but roll up no emissions";
  const info = catalogue.find((entry) => entry.id === activity);
  if (!info) return activity;
  return `${activity} (${info.description}; scope ${info.scope}), one activity per day`;
}
