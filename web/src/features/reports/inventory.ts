/** The GHG inventory answer shaped for the reports page: rows, labels, years, download paths. */
import type { InventoryReport, ScopeTotals, YearsAnswer } from "./types";

const INVENTORY = "/api/v1/analytics/reports/inventory";
const CALCULATIONS = "/api/v1/analytics/reports/calculations";

export type ReportFormat = "json" | "csv" | "pdf";

/** The years that hold any emissions, oldest first. */
export function yearsWithData(answer: YearsAnswer | undefined): number[] {
  const years = (answer?.rows ?? [])
    .filter((row) => typeof row.year === "number" && typeof row.co2e_kg === "number" && row.co2e_kg !== 0)
    .map((row) => row.year as number);
  return [...new Set(years)].sort((a, b) => a - b);
}

/** Last year when it has data (the usual one to report), else the latest year with data, else this year. */
export function defaultYear(years: readonly number[], today: Date = new Date()): number {
  const thisYear = today.getFullYear();
  if (years.includes(thisYear - 1)) return thisYear - 1;
  const past = years.filter((year) => year <= thisYear);
  return past.at(-1) ?? years.at(-1) ?? thisYear;
}

/** The years to offer: those with data, this year and the one chosen, newest first. */
export function yearOptions(years: readonly number[], chosen: number | null, today: Date = new Date()): number[] {
  const all = new Set([...years, today.getFullYear()]);
  if (chosen !== null) all.add(chosen);
  return [...all].sort((a, b) => b - a);
}

/** A year from the URL, if it is one the API takes (1900 to 2200). */
export function yearParam(text: string | null): number | null {
  if (!text || !/^\d{4}$/.test(text)) return null;
  const year = Number(text);
  return year >= 1900 && year <= 2200 ? year : null;
}

export function hasData(report: InventoryReport): boolean {
  const { totals } = report;
  return (
    report.factor_sources.length > 0 ||
    Object.keys(report.by_gas_kg).length > 0 ||
    Object.values(totals).some((value) => value !== 0)
  );
}

export interface ScopeRow {
  id: keyof ScopeTotals;
  label: string;
  kg: number;
  /** The base year's figure, when the report has a base year. */
  baseKg: number | null;
  /** Change from the base year, as a fraction; null without one or from zero. */
  change: number | null;
  total: boolean;
}

const SCOPE_ROWS: { id: keyof ScopeTotals; label: string; total?: boolean }[] = [
  { id: "scope1_kg", label: "Scope 1" },
  { id: "scope2_location_based_kg", label: "Scope 2 (location-based)" },
  { id: "scope2_market_based_kg", label: "Scope 2 (market-based)" },
  { id: "scope3_kg", label: "Scope 3" },
  { id: "total_location_based_kg", label: "Total (scope 2 location-based)", total: true },
  { id: "total_market_based_kg", label: "Total (scope 2 market-based)", total: true },
];

export function scopeRows(report: InventoryReport): ScopeRow[] {
  return SCOPE_ROWS.map(({ id, label, total }) => {
    const kg = report.totals[id];
    const baseKg = report.base_year ? report.base_year.totals[id] : null;
    return {
      id,
      label,
      kg,
      baseKg,
      change: baseKg ? (kg - baseKg) / baseKg : null,
      total: total ?? false,
    };
  });
}

const GAS_LABELS: Record<string, string> = {
  CO2: "CO₂",
  CH4: "CH₄",
  N2O: "N₂O",
  other: "Other (not split by gas)",
};

export interface ShareRow {
  id: string;
  label: string;
  kg: number;
  /** Of the whole the table splits (all emissions, or scope 3). */
  share: number | null;
}

/** By gas, largest first, as shares of the location-based total (how the report splits them). */
export function gasRows(report: InventoryReport): ShareRow[] {
  const whole = report.totals.total_location_based_kg;
  return Object.entries(report.by_gas_kg)
    .map(([gas, kg]) => ({ id: gas, label: GAS_LABELS[gas] ?? gas, kg, share: whole ? kg / whole : null }))
    .sort((a, b) => b.kg - a.kg);
}

/** Scope 3 by category, in category order, as shares of scope 3. */
export function categoryRows(report: InventoryReport): ShareRow[] {
  const whole = report.totals.scope3_kg;
  return Object.entries(report.scope3_by_category_kg).map(([label, kg]) => ({
    id: label,
    label,
    kg,
    share: whole ? kg / whole : null,
  }));
}

export type FacilityNames = ReadonlyMap<string, string>;

export function facilityLabel(id: string | null, names: FacilityNames): string {
  if (!id) return "Activities without a facility";
  return names.get(id) ?? `Facility ${id}`;
}

/** The boundary's facilities in words, named ones first. */
export function boundaryFacilities(report: InventoryReport, names: FacilityNames): string[] {
  const facilities = report.organisational_boundary.facilities;
  return [...facilities.filter((id) => id !== null).map((id) => facilityLabel(id, names)).sort(), ...(facilities.includes(null) ? [facilityLabel(null, names)] : [])];
}

/** A data-quality note with facility ids replaced by their names. */
export function readableNote(note: string, names: FacilityNames): string {
  let text = note.replace(/^facility \(none\):/, "activities without a facility:");
  for (const [id, name] of names) text = text.replaceAll(`facility ${id}`, name);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function query(values: Record<string, string | number | null>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value !== null) params.set(name, String(value));
  return params.toString();
}

export function inventoryPath(year: number, format: ReportFormat, baseYear: number | null): string {
  return `${INVENTORY}?${query({ year, format, base_year: baseYear })}`;
}

export function calculationsPath(year: number): string {
  return `${CALCULATIONS}?${query({ year })}`;
}

/** The name a file is saved under when the answer doesn't name it (the JSON one). */
export function fileName(year: number, format: ReportFormat | "calculations"): string {
  return format === "calculations" ? `calculations-${year}.csv` : `ghg-inventory-${year}.${format}`;
}
