/**
 * One activity's page: its inputs, results, factor and calculation, all shaped from the
 * stored version (GET /activities/{id}). The version carries the engine's answer as it was
 * recorded (`calculation`: the factor with its source, the GWP set applied, why that factor
 * was chosen, notices and steps), so an auditor sees what was recorded, never today's
 * recalculation.
 */
import { formatCo2e, formatDateTime, formatQuantity } from "../../lib/format";
import { optionLabel, scopeLabel } from "./catalogue";
import { facilityLabel, facilityNames, periodLabel, SOURCE_LABELS } from "./records";
import type { ActivityInfo, ActivityRecord, FacilityRecord } from "./types";

// engine/market.py's dataset name for a market-based rate from the request or an instrument.
const CONTRACTUAL = "contractual-instrument";

export interface Fact {
  term: string;
  value: string;
}

/** "0.1829 kg CO₂e per kWh", the factor as published (not rounded). */
export function factorValueLabel(value: number, unit: string, locale?: string): string {
  const number = new Intl.NumberFormat(locale, { maximumSignificantDigits: 10 }).format(value);
  return `${number} kg CO₂e per ${unit}`;
}

function optionText(value: unknown): string {
  if (value === true) return "yes";
  if (value === false) return "no";
  return String(value);
}

/** "Calorific basis: net; Passengers: 2", or "Defaults" when none were given. */
export function optionsLabel(options: unknown): string {
  if (!options || typeof options !== "object") return "Defaults";
  const entries = Object.entries(options as Record<string, unknown>);
  if (entries.length === 0) return "Defaults";
  return entries.map(([name, value]) => `${optionLabel(name)}: ${optionText(value)}`).join("; ");
}

export function activityTitle(record: ActivityRecord, locale?: string): string {
  return `${record.activity}, ${periodLabel(record.period_start, record.period_end, locale)}`;
}

export function inputFacts(
  record: ActivityRecord,
  facilities: FacilityRecord[] | undefined,
  catalogue: ActivityInfo[] | undefined,
  locale?: string,
): Fact[] {
  const inputs = record.inputs;
  const description = catalogue?.find((activity) => activity.id === record.activity)?.description;
  const facts: Fact[] = [
    { term: "Activity", value: description ? `${record.activity} (${description})` : record.activity },
    { term: "Quantity", value: formatQuantity(record.quantity, record.unit, locale) },
    { term: "Period", value: periodLabel(record.period_start, record.period_end, locale) },
    { term: "Year", value: String(record.year) },
    { term: "Facility", value: facilityLabel(record.facility_id, facilityNames(facilities)) },
    { term: "Region", value: record.region },
    { term: "Options", value: optionsLabel(inputs.options) },
    { term: "GWP set requested", value: record.gwp },
    { term: "Method", value: typeof inputs.method === "string" ? `${inputs.method}-based` : "location-based" },
  ];
  if (typeof inputs.factor_id === "string") facts.push({ term: "Pinned factor", value: inputs.factor_id });
  if (inputs.allow_later_year === true) facts.push({ term: "Later editions", value: "allowed when none predates the year" });
  facts.push(
    { term: "Source", value: SOURCE_LABELS[record.source] },
    { term: "Recorded", value: formatDateTime(record.recorded_at, locale) },
  );
  return facts;
}

export interface ResultFigure {
  label: string;
  value: string;
  note?: string;
}

export function resultFigures(record: ActivityRecord, categories: Map<number, string>, locale?: string): ResultFigure[] {
  const name = record.category === null ? undefined : categories.get(record.category);
  const category = record.category !== null && name ? { number: record.category, name } : record.category;
  const figures: ResultFigure[] = [
    {
      label: "Emissions",
      value: formatCo2e(record.co2e_kg, locale),
      note: record.deleted ? "Deleted: no longer counted" : undefined,
    },
    { label: "Scope", value: scopeLabel(record.scope, category) },
    { label: "Version", value: String(record.version), note: record.supersedes ? `supersedes version ${record.supersedes}` : "the first" },
  ];
  if (record.location_based_kg !== null) figures.push({ label: "Location-based", value: formatCo2e(record.location_based_kg, locale) });
  if (record.market_based_kg !== null) figures.push({ label: "Market-based", value: formatCo2e(record.market_based_kg, locale) });
  return figures;
}

export interface GasRow {
  gas: string;
  mass: string;
  co2e: string;
}

export function gasRows(record: ActivityRecord, locale?: string): GasRow[] {
  return Object.entries(record.gases).map(([gas, figures]) => ({
    gas,
    mass: figures.mass_kg === null ? "Published as CO₂e only" : formatQuantity(figures.mass_kg, "kg", locale),
    co2e: formatCo2e(figures.co2e_kg, locale),
  }));
}

export function factorFacts(record: ActivityRecord, locale?: string): Fact[] {
  const factor = record.factor;
  return [
    { term: "Value", value: factorValueLabel(factor.value, factor.unit, locale) },
    { term: "Dataset", value: factor.version ? `${factor.dataset}, ${factor.version}` : factor.dataset },
    { term: "Year", value: factor.year === null ? "Not stated" : String(factor.year) },
    { term: "Region", value: factor.region },
    { term: "Citation", value: factor.citation },
    { term: "Licence", value: factor.licence },
    { term: "GWP set applied", value: record.calculation.gwp_applied ?? "Not stated by the source" },
  ];
}

/** The factor's source address as stored with the version; only a web address is linked. */
export function factorSourceUrl(record: ActivityRecord): string | null {
  const url = record.calculation.factor.source_url;
  return /^https?:\/\//.test(url) ? url : null;
}

/** Where the factor's own page is; none for a contractual rate (an option or an instrument), which is no library factor. */
export function factorHref(factor: { id: string; dataset: string }): string | null {
  if (factor.dataset === CONTRACTUAL) return null;
  return `/factors/${encodeURIComponent(factor.id)}`;
}

/** Why an activity cannot be changed here, or null when an editor may correct or delete it. */
export function unchangeableReason(record: ActivityRecord): string | null {
  if (record.deleted) return "This activity is deleted: its history stays, and it no longer counts.";
  if (record.meter_id) return "This activity is rolled up from a meter's readings: it changes when the meter's readings do.";
  return null;
}
