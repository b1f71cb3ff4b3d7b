/**
 * The activities list: its filters kept in the URL's search params, the query they make
 * for GET /api/v1/carbon/activities/records, and the rows the table draws.
 */
import { formatCo2e, formatDate, formatDateTime, formatQuantity } from "../../lib/format";
import { scopeLabel } from "./catalogue";
import type { ActivityInfo, ActivityRecord, FacilityRecord, RecordSource, RecordsPage } from "./types";

export const PAGE_SIZE = 50;
export const SOURCES: readonly RecordSource[] = ["manual", "api", "csv", "meter"];
export const SOURCE_LABELS: Record<RecordSource, string> = {
  manual: "Entered by a person",
  api: "Sent with an API key",
  csv: "Imported from a file",
  meter: "Rolled up from a meter",
};

export interface RecordFilters {
  facility: string;
  activity: string;
  scope: string;
  source: string;
  from: string;
  to: string;
  /** 1-based. */
  page: number;
}

const KEYS = ["facility", "activity", "scope", "source", "from", "to"] as const;
export type FilterKey = (typeof KEYS)[number];
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The filters in the URL, anything the API would refuse left out. */
export function filtersFromSearch(search: URLSearchParams): RecordFilters {
  const text = (key: string) => search.get(key)?.trim() ?? "";
  const scope = text("scope");
  const source = text("source");
  const page = Number(text("page"));
  return {
    facility: text("facility"),
    activity: text("activity"),
    scope: ["1", "2", "3"].includes(scope) ? scope : "",
    source: (SOURCES as readonly string[]).includes(source) ? source : "",
    from: ISO_DAY.test(text("from")) ? text("from") : "",
    to: ISO_DAY.test(text("to")) ? text("to") : "",
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** Search params for the filters; empty filters and the first page leave no trace. */
export function searchFromFilters(filters: RecordFilters): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of KEYS) if (filters[key]) search.set(key, filters[key]);
  if (filters.page > 1) search.set("page", String(filters.page));
  return search;
}

/** One filter changed: back to the first page. */
export function withFilter(filters: RecordFilters, key: FilterKey, value: string): RecordFilters {
  return { ...filters, [key]: value, page: 1 };
}

export function hasFilters(filters: RecordFilters): boolean {
  return KEYS.some((key) => filters[key] !== "");
}

export interface RecordsQuery {
  from?: string;
  to?: string;
  activity?: string;
  facility_id?: string;
  scope?: number;
  source?: RecordSource;
  limit?: number;
  offset?: number;
}

/** The query of /activities/records (and, without paging, of /activities/totals). */
export function recordsQuery(filters: RecordFilters, paged = true): RecordsQuery {
  const query: RecordsQuery = {};
  if (filters.from) query.from = filters.from;
  if (filters.to) query.to = filters.to;
  if (filters.activity) query.activity = filters.activity;
  if (filters.facility) query.facility_id = filters.facility;
  if (filters.scope) query.scope = Number(filters.scope);
  if (filters.source) query.source = filters.source as RecordSource;
  if (paged) {
    query.limit = PAGE_SIZE;
    query.offset = (filters.page - 1) * PAGE_SIZE;
  }
  return query;
}

export interface Pager {
  first: number;
  last: number;
  total: number;
  page: number;
  pages: number;
  hasPrevious: boolean;
  hasNext: boolean;
  /** "Activities 1–50 of 149" */
  label: string;
}

export function pagerOf(page: Pick<RecordsPage, "total" | "limit" | "offset" | "items">): Pager {
  const first = page.items.length ? page.offset + 1 : 0;
  const last = page.offset + page.items.length;
  const pages = Math.max(1, Math.ceil(page.total / page.limit));
  const current = Math.floor(page.offset / page.limit) + 1;
  return {
    first,
    last,
    total: page.total,
    page: current,
    pages,
    hasPrevious: page.offset > 0,
    hasNext: last < page.total,
    label: page.total ? `Activities ${first}–${last} of ${page.total}` : "No activities",
  };
}

/** "1 Jan 2024 – 31 Jan 2024", or one date for a one-day activity. */
export function periodLabel(start: string, end: string, locale?: string): string {
  return start === end ? formatDate(start, locale) : `${formatDate(start, locale)} – ${formatDate(end, locale)}`;
}

export function facilityNames(facilities: FacilityRecord[] | undefined): Map<string, string> {
  return new Map((facilities ?? []).map((facility) => [facility.id, facility.name]));
}

export function facilityLabel(id: string | null, names: Map<string, string>): string {
  if (id === null) return "No facility";
  return names.get(id) ?? `Facility ${id.slice(0, 8)}`;
}

export interface RecordRow {
  id: string;
  href: string;
  period: string;
  facility: string;
  activity: string;
  activityDescription: string;
  quantity: string;
  co2e: string;
  scope: string;
  version: string;
}

export function recordRows(
  records: ActivityRecord[],
  facilities: FacilityRecord[] | undefined,
  catalogue: ActivityInfo[] | undefined,
  locale?: string,
): RecordRow[] {
  const names = facilityNames(facilities);
  const descriptions = new Map((catalogue ?? []).map((activity) => [activity.id, activity.description]));
  return records.map((record) => ({
    id: record.id,
    href: `/activities/${encodeURIComponent(record.id)}`,
    period: periodLabel(record.period_start, record.period_end, locale),
    facility: facilityLabel(record.facility_id, names),
    activity: record.activity,
    activityDescription: descriptions.get(record.activity) ?? "",
    quantity: formatQuantity(record.quantity, record.unit, locale),
    co2e: formatCo2e(record.co2e_kg, locale),
    scope: scopeLabel(record.scope, record.category),
    version: String(record.version),
  }));
}

const CHANGES: Record<ActivityRecord["change"], string> = {
  recorded: "Recorded",
  corrected: "Corrected",
  deleted: "Deleted",
  recalculated: "Recalculated",
};

export interface VersionRow {
  key: string;
  version: string;
  change: string;
  recordedAt: string;
  source: string;
  period: string;
  quantity: string;
  co2e: string;
  factorId: string;
  deleted: boolean;
}

/** The version history, newest first. */
export function versionRows(versions: ActivityRecord[], locale?: string): VersionRow[] {
  return [...versions]
    .sort((a, b) => b.version - a.version)
    .map((version) => ({
      key: `${version.id}:${version.version}`,
      version: String(version.version),
      change: CHANGES[version.change],
      recordedAt: formatDateTime(version.recorded_at, locale),
      source: SOURCE_LABELS[version.source],
      period: periodLabel(version.period_start, version.period_end, locale),
      quantity: formatQuantity(version.quantity, version.unit, locale),
      co2e: version.deleted ? `${formatCo2e(version.co2e_kg, locale)} (no longer counted)` : formatCo2e(version.co2e_kg, locale),
      factorId: version.factor.id,
      deleted: version.deleted,
    }));
}
