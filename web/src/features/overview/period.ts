/** The window the overview's figures cover, and the page's choices (year, scope 2 method). */
import type { Scope2Method } from "./types";

export interface Period {
  year: number;
  /** First day, inclusive (YYYY-MM-DD), as the analytics API takes it. */
  from: string;
  /** Last day, inclusive: today in the current year, 31 December in past years. */
  to: string;
  /** Whether the window runs to today (the year is not over). */
  toDate: boolean;
}

/** The period of `year` as seen on `today` (YYYY-MM-DD, the reader's calendar). */
export function periodOf(year: number, today: string): Period {
  const currentYear = Number(today.slice(0, 4));
  const toDate = year === currentYear;
  return { year, from: `${year}-01-01`, to: toDate ? today : `${year}-12-31`, toDate };
}

function utc(isoDate: string): Date {
  const [y, m, d] = isoDate.split("-").map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

/** "1 Jan – 2 Dec 2026" (en-GB), "Jan 1 – Dec 2, 2026" (en-US): the reader's locale. */
export function formatRange(from: string, to: string, locale?: string): string {
  const format = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  return format.formatRange(utc(from), utc(to));
}

/** Years the picker offers: every year with data, and the current one, newest first. */
export function yearOptions(yearsWithData: number[], currentYear: number): number[] {
  return [...new Set([...yearsWithData, currentYear])].filter((year) => year <= currentYear).sort((a, b) => b - a);
}

/** The year in the address (?year=2025), if it is a sensible one; else the current year. */
export function parseYear(text: string | null, currentYear: number): number {
  const year = Number(text);
  return Number.isInteger(year) && year >= 1900 && year <= currentYear ? year : currentYear;
}

export function parseMethod(text: string | null): Scope2Method {
  return text === "market" ? "market" : "location";
}

export const METHOD_LABEL: Record<Scope2Method, string> = {
  location: "location-based",
  market: "market-based",
};
