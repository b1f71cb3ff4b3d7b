/** The explorer's state in the URL's search params, so a deep link shows the same view. */
import {
  DIMENSIONS,
  PLAIN_DIMENSIONS,
  type ChartKind,
  type Dimension,
  type ExplorerState,
  type PlainDimension,
  type Scope2Method,
} from "./types";

export const GASES = ["CO2", "CH4", "N2O", "other"] as const;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface DateRange {
  from: string;
  to: string;
}

export type QuickPick = "this-year" | "last-year" | "last-12-months";

export const QUICK_PICKS: { id: QuickPick; label: string }[] = [
  { id: "this-year", label: "This year" },
  { id: "last-year", label: "Last year" },
  { id: "last-12-months", label: "Last 12 months" },
];

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function day(year: number, month: number, date: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(date).padStart(2, "0")}`;
}

/**
 * A quick pick's dates, in the reader's calendar. "Last 12 months" is the twelve whole
 * months before the current one (the current month is still filling up); whole months
 * also read the API's faster aggregates.
 */
export function quickRange(pick: QuickPick, today: Date = new Date()): DateRange {
  const year = today.getFullYear();
  const month = today.getMonth() + 1;
  if (pick === "this-year") return { from: day(year, 1, 1), to: day(year, 12, 31) };
  if (pick === "last-year") return { from: day(year - 1, 1, 1), to: day(year - 1, 12, 31) };
  const endYear = month === 1 ? year - 1 : year;
  const endMonth = month === 1 ? 12 : month - 1;
  const startYear = endMonth === 12 ? endYear : endYear - 1;
  const startMonth = endMonth === 12 ? 1 : endMonth + 1;
  return { from: day(startYear, startMonth, 1), to: day(endYear, endMonth, lastDayOfMonth(endYear, endMonth)) };
}

/** Which quick pick a range is, if any (to mark its button pressed). */
export function quickPickOf(range: DateRange, today: Date = new Date()): QuickPick | null {
  return QUICK_PICKS.find(({ id }) => {
    const candidate = quickRange(id, today);
    return candidate.from === range.from && candidate.to === range.to;
  })?.id ?? null;
}

export function isIsoDay(text: string | null): text is string {
  if (!text || !ISO_DAY.test(text)) return false;
  const [y, m, d] = text.split("-").map(Number) as [number, number, number];
  return m >= 1 && m <= 12 && d >= 1 && d <= lastDayOfMonth(y, m);
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

function integers(values: string[], low: number, high: number): number[] {
  const numbers = values.map(Number).filter((n) => Number.isInteger(n) && n >= low && n <= high);
  return [...new Set(numbers)].sort((a, b) => a - b);
}

export const DEFAULT_GROUP: Dimension = "month";
export const DEFAULT_SPLIT: PlainDimension = "scope";

/** The state a URL's search params describe; anything missing or malformed takes its default. */
export function readState(params: URLSearchParams, today: Date = new Date()): ExplorerState {
  const fallback = quickRange("this-year", today);
  const from = params.get("from");
  const to = params.get("to");
  const group = oneOf(params.get("group"), DIMENSIONS, DEFAULT_GROUP);
  const splitText = params.get("split");
  const split: PlainDimension | null =
    splitText === "none"
      ? null
      : splitText === null
        ? group === DEFAULT_GROUP
          ? DEFAULT_SPLIT
          : null
        : PLAIN_DIMENSIONS.includes(splitText as PlainDimension) && splitText !== group
          ? (splitText as PlainDimension)
          : null;
  const page = Number(params.get("page"));
  return {
    from: isIsoDay(from) ? from : fallback.from,
    to: isIsoDay(to) ? to : fallback.to,
    group,
    split,
    method: oneOf<Scope2Method>(params.get("method"), ["location", "market"], "location"),
    chart: oneOf<ChartKind>(params.get("chart"), ["bar", "line"], "bar"),
    scopes: integers(params.getAll("scope"), 1, 3),
    facilities: [...new Set(params.getAll("facility").filter(Boolean))],
    categories: integers(params.getAll("category"), 1, 15),
    gases: GASES.filter((gas) => params.getAll("gas").includes(gas)),
    drill: params.get("drill") || null,
    page: Number.isInteger(page) && page > 1 ? page : 1,
    anyGas: params.get("anygas") === "1",
  };
}

/** The search params for a state, leaving out what equals the default (short links). */
export function writeState(state: ExplorerState, today: Date = new Date()): URLSearchParams {
  const params = new URLSearchParams();
  const fallback = quickRange("this-year", today);
  if (state.from !== fallback.from || state.to !== fallback.to) {
    params.set("from", state.from);
    params.set("to", state.to);
  }
  if (state.group !== DEFAULT_GROUP) params.set("group", state.group);
  const defaultSplit = state.group === DEFAULT_GROUP ? DEFAULT_SPLIT : null;
  if (state.split !== defaultSplit) params.set("split", state.split ?? "none");
  if (state.method !== "location") params.set("method", state.method);
  if (state.chart !== "bar") params.set("chart", state.chart);
  for (const scope of state.scopes) params.append("scope", String(scope));
  for (const facility of state.facilities) params.append("facility", facility);
  for (const category of state.categories) params.append("category", String(category));
  for (const gas of state.gases) params.append("gas", gas);
  if (state.drill) params.set("drill", state.drill);
  if (state.drill && state.page > 1) params.set("page", String(state.page));
  if (state.drill && state.anyGas) params.set("anygas", "1");
  return params;
}

/**
 * A change to the view: anything that changes the figures closes the drill-down (its
 * group may no longer exist); opening another drill-down starts at its first page.
 */
export function nextState(state: ExplorerState, change: Partial<ExplorerState>): ExplorerState {
  const next = { ...state, ...change };
  const keepsDrill = Object.keys(change).every((name) => ["drill", "page", "anyGas", "chart"].includes(name));
  if (!keepsDrill) return { ...next, drill: null, page: 1, anyGas: false };
  if ("drill" in change && change.drill !== state.drill) return { ...next, page: change.page ?? 1, anyGas: change.anyGas ?? false };
  return next;
}

/** The API's query for a state (GET /analytics/emissions). */
export function emissionsQuery(state: ExplorerState) {
  return {
    from: state.from,
    to: state.to,
    group_by: [state.group, state.split].filter(Boolean).join(","),
    scope2_method: state.method,
    ...(state.scopes.length ? { scope: state.scopes } : {}),
    ...(state.facilities.length ? { facility_id: state.facilities } : {}),
    ...(state.categories.length ? { category: state.categories } : {}),
    ...(state.gases.length ? { gas: state.gases } : {}),
  };
}

/** Why the dates can't be asked about, or null when they can. */
export function rangeProblem(from: string, to: string): string | null {
  if (!isIsoDay(from) || !isIsoDay(to)) return "Enter both dates.";
  if (to < from) return "The end date is before the start date.";
  return null;
}
