/**
 * From a group of the explorer to the ledger rows behind it: Carbon's
 * GET /activities/records takes one facility, one scope and a window on each
 * activity's first day (carbon/api.py list_records, FiltersDep). What it can't filter
 * but every record carries (several scopes or facilities, "no facility", a scope 3
 * category) is checked here over every matching record; what no record can answer
 * (how much of it was one gas) is said, not guessed.
 */
import { categoryLabel, facilityLabel, GAS_LABELS, scopeLabel, type FacilityNames } from "./labels";
import { DIMENSIONS, type ActivityRecord, type Dimension, type ExplorerState, type GroupKey, type KeyValue } from "./types";

const NONE = "none";

/** A group's key as text, for the URL: "scope:2,month:2025-03" ("none" for no value). */
export function drillKey(key: GroupKey): string {
  return DIMENSIONS.filter((dimension) => dimension in key)
    .map((dimension) => `${dimension}:${key[dimension] === null || key[dimension] === undefined ? NONE : String(key[dimension])}`)
    .join(",");
}

/** The key a drill text names, or null when it is not one (a hand-edited URL). */
export function parseDrillKey(text: string | null): GroupKey | null {
  if (!text) return null;
  const key: GroupKey = {};
  for (const part of text.split(",")) {
    const at = part.indexOf(":");
    const dimension = part.slice(0, at) as Dimension;
    const raw = part.slice(at + 1);
    if (at < 1 || !DIMENSIONS.includes(dimension) || dimension in key || !raw) return null;
    let value: KeyValue = raw === NONE ? null : raw;
    if (dimension === "scope" || dimension === "category" || dimension === "year") {
      if (raw === NONE) value = null;
      else {
        const number = Number(raw);
        if (!Number.isInteger(number)) return null;
        value = number;
      }
    }
    if (dimension === "month" && !/^\d{4}-\d{2}$/.test(raw)) return null;
    if ((dimension === "scope" || dimension === "month" || dimension === "year" || dimension === "gas") && value === null) return null;
    key[dimension] = value;
  }
  return Object.keys(key).length ? key : null;
}

/** GET /carbon/activities/records's filters (besides limit and offset). */
export interface CarbonQuery {
  from: string;
  to: string;
  facility_id?: string;
  scope?: number;
}

/** Conditions checked on each record, when Carbon's filters can't say them. */
export interface LocalConditions {
  scopes?: number[];
  facilities?: (string | null)[];
  categories?: (number | null)[];
}

export interface Drill {
  /** The days whose emissions the group holds. */
  window: { from: string; to: string };
  query: CarbonQuery;
  /** Null: Carbon's filters say it all (server paging); else every page is read and checked. */
  local: LocalConditions | null;
  /** Conditions no record answers (a gas): the list leaves them out, and says so. */
  unsupported: string[];
  /** False when the conditions contradict each other: no activity can match. */
  possible: boolean;
}

function lastDay(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, "0")}`;
}

function intersect<T>(pinned: T | undefined, allowed: readonly T[]): T[] | null {
  if (pinned !== undefined) return allowed.length === 0 || allowed.includes(pinned) ? [pinned] : [];
  return allowed.length ? [...allowed] : null;
}

/** What to ask Carbon, and what to check here, for the activities behind a group. */
export function drillFor(state: ExplorerState, key: GroupKey): Drill {
  let { from, to } = state;
  if (typeof key.month === "string") {
    const [year, month] = key.month.split("-").map(Number) as [number, number];
    from = from > `${key.month}-01` ? from : `${key.month}-01`;
    const end = lastDay(year, month);
    to = to < end ? to : end;
  }
  if (typeof key.year === "number") {
    from = from > `${key.year}-01-01` ? from : `${key.year}-01-01`;
    to = to < `${key.year}-12-31` ? to : `${key.year}-12-31`;
  }
  const pinnedScope = typeof key.scope === "number" ? key.scope : undefined;
  const pinnedFacility = "facility" in key ? (key.facility === undefined ? null : (key.facility as string | null)) : undefined;
  const pinnedCategory = "category" in key ? (key.category === undefined ? null : (key.category as number | null)) : undefined;

  let scopes = intersect(pinnedScope, state.scopes.length === 3 ? [] : state.scopes);
  const facilities = intersect<string | null>(pinnedFacility, state.facilities);
  const categories = intersect<number | null>(pinnedCategory, state.categories);
  // Only scope 3 activities have a category: a category narrows the scope to 3.
  if (categories && categories.every((category) => category !== null)) {
    scopes = scopes === null ? [3] : scopes.filter((scope) => scope === 3);
  }

  const query: CarbonQuery = { from, to };
  const local: LocalConditions = {};
  if (scopes?.length === 1) query.scope = scopes[0];
  else if (scopes) local.scopes = scopes;
  const [onlyFacility] = facilities ?? [];
  if (facilities?.length === 1 && typeof onlyFacility === "string") query.facility_id = onlyFacility;
  else if (facilities) local.facilities = facilities;
  if (categories) local.categories = categories;

  const gases = intersect(typeof key.gas === "string" ? key.gas : undefined, state.gases.length === 4 ? [] : state.gases);
  const unsupported: string[] = [];
  if (gases && !state.anyGas) unsupported.push(`gas ${gases.map((gas) => GAS_LABELS[gas] ?? gas).join(" or ")}`);

  const possible = from <= to && [scopes, facilities, categories, gases].every((set) => set === null || set.length > 0);
  return { window: { from, to }, query, local: Object.keys(local).length ? local : null, unsupported, possible };
}

/** Whether a record meets the conditions Carbon could not check. */
export function matches(record: ActivityRecord, local: LocalConditions): boolean {
  if (local.scopes && !local.scopes.includes(record.scope)) return false;
  if (local.facilities && !local.facilities.includes(record.facility_id ?? null)) return false;
  if (local.categories && !local.categories.includes(record.category ?? null)) return false;
  return true;
}

/** The figure a record adds to the explorer's totals: scope 2 by the chosen method. */
export function recordFigure(record: ActivityRecord, method: ExplorerState["method"]): number {
  if (record.scope !== 2) return record.co2e_kg;
  const figure = method === "market" ? record.market_based_kg : record.location_based_kg;
  return figure ?? record.co2e_kg;
}

function days(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The share of a record's days inside the window (Analytics spreads it evenly over them). */
export function shareInWindow(record: Pick<ActivityRecord, "period_start" | "period_end">, window: Drill["window"]): number {
  const start = record.period_start > window.from ? record.period_start : window.from;
  const end = record.period_end < window.to ? record.period_end : window.to;
  if (end < start) return 0;
  return days(start, end) / days(record.period_start, record.period_end);
}

/** "1–31 Mar 2025" rather than two whole dates: narrow tables stay readable. */
export function formatPeriod(start: string, end: string, locale?: string): string {
  const at = (day: string) => new Date(`${day.slice(0, 10)}T00:00:00Z`);
  const format = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  if (Number.isNaN(at(start).getTime()) || Number.isNaN(at(end).getTime())) return `${start} – ${end}`;
  return start === end ? format.format(at(start)) : format.formatRange(at(start), at(end));
}

export interface DrillRow {
  id: string;
  activity: string;
  quantity: number;
  unit: string;
  periodStart: string;
  periodEnd: string;
  facility: string;
  scope: string;
  category: string | null;
  co2eKg: number;
  /** Share of its days inside the window; below 1 when it runs past the window's end. */
  share: number;
}

export function drillRows(records: readonly ActivityRecord[], drill: Drill, method: ExplorerState["method"], names: FacilityNames): DrillRow[] {
  return records.map((record) => ({
    id: record.id,
    activity: record.activity,
    quantity: record.quantity,
    unit: record.unit,
    periodStart: record.period_start,
    periodEnd: record.period_end,
    facility: facilityLabel(record.facility_id, names),
    scope: scopeLabel(record.scope, method),
    category: record.category ? categoryLabel(record.category) : null,
    co2eKg: recordFigure(record, method),
    share: shareInWindow(record, drill.window),
  }));
}
