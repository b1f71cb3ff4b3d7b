/** The overview's lists: coverage grid rows, top facilities and categories, open anomalies. */
import type { Anomaly, CategoryRow, CoverageAnswer, EmissionsAnswer, Facility, FacilityRow, Meter } from "./types";
import { SCOPE3_CATEGORIES } from "../../lib/ghg";

/** What the API keys as "no facility": activities recorded without one (travel, say). */
export const NO_FACILITY = "No facility (e.g. travel)";

export function facilityName(id: string | null, facilities: Map<string, string>): string {
  if (id === null) return NO_FACILITY;
  return facilities.get(id) ?? "A removed facility";
}

export function facilityNames(facilities: Facility[] | undefined): Map<string, string> {
  return new Map((facilities ?? []).map((facility) => [facility.id, facility.name]));
}

export interface CoverageCell {
  month: string;
  hasData: boolean;
}

export interface CoverageGridRow {
  facilityId: string | null;
  name: string;
  cells: CoverageCell[];
  monthsWithData: number;
}

/** One row per facility the organisation has ever had data for, one cell per month of the window. */
export function coverageGrid(answer: CoverageAnswer, facilities: Map<string, string>): CoverageGridRow[] {
  const rows = answer.facilities.map((facility) => {
    const missing = new Set(facility.months_without_data);
    return {
      facilityId: facility.facility_id,
      name: facilityName(facility.facility_id, facilities),
      cells: answer.months.map((month) => ({ month, hasData: !missing.has(month) })),
      monthsWithData: facility.months_with_data,
    };
  });
  // Named facilities alphabetically, "no facility" last.
  return rows.sort((a, b) =>
    a.facilityId === null ? 1 : b.facilityId === null ? -1 : a.name.localeCompare(b.name),
  );
}

export interface TopRow {
  key: string;
  name: string;
  co2eKg: number;
  /** Share of the whole period's total (0..1). */
  share: number | null;
  /** Where to read more; null for "no facility". */
  href: string | null;
}

export function topFacilities(answer: EmissionsAnswer<FacilityRow>, facilities: Map<string, string>): TopRow[] {
  const total = answer.total_co2e_kg;
  return answer.rows.map((row) => ({
    key: row.facility ?? "none",
    name: facilityName(row.facility, facilities),
    co2eKg: row.co2e_kg,
    share: total ? row.co2e_kg / total : null,
    href: row.facility === null ? null : "/facilities",
  }));
}

export function categoryName(category: number | null): string {
  if (category === null) return "No category (scopes 1 and 2)";
  const name = SCOPE3_CATEGORIES[category];
  return name ? `${category}. ${name}` : `Category ${category}`;
}

/** The explorer, grouped by category, on the same window, filtered to scope 3 and this category. */
export function explorerCategoryHref(category: number | null, from: string, to: string): string {
  const query = new URLSearchParams({ group: "category", from, to, scope: "3" });
  if (category !== null) query.set("category", String(category));
  return `/explorer?${query.toString()}`;
}

/** Top scope 3 categories (`/emissions/top?by=category&scope=3`); shares are of scope 3. */
export function topCategories(answer: EmissionsAnswer<CategoryRow>): TopRow[] {
  const total = answer.total_co2e_kg;
  return answer.rows.map((row) => ({
    key: String(row.category ?? "none"),
    name: categoryName(row.category),
    co2eKg: row.co2e_kg,
    share: total ? row.co2e_kg / total : null,
    href: explorerCategoryHref(row.category, answer.from, answer.to),
  }));
}

export interface AnomalyRow {
  id: string;
  meterId: string;
  meterName: string;
  unit: string | null;
  hour: string;
  value: number;
  expected: number;
  score: number;
}

/** Open anomalies, newest first, with their meters' names where known. */
export function openAnomalies(anomalies: Anomaly[], meters: Meter[] | undefined): AnomalyRow[] {
  const byId = new Map((meters ?? []).map((meter) => [meter.id, meter]));
  return anomalies
    .filter((anomaly) => anomaly.acknowledged_at === null)
    .map((anomaly) => {
      const meter = byId.get(anomaly.meter_id);
      return {
        id: anomaly.id,
        meterId: anomaly.meter_id,
        meterName: meter?.name ?? `Meter ${anomaly.meter_id.slice(0, 8)}`,
        unit: meter?.unit ?? null,
        hour: anomaly.hour,
        value: anomaly.value,
        expected: anomaly.expected,
        score: anomaly.score,
      };
    })
    .sort((a, b) => b.hour.localeCompare(a.hour));
}
