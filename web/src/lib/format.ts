/** Numbers with units and sensible magnitudes; dates in the browser's locale. */

const KG_PER_TONNE = 1000;

function number(value: number, digits: number, locale?: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);
}

/** kg, t or kt CO2e, whichever reads best, with three significant figures or so. */
export function formatCo2e(kg: number | null | undefined, locale?: string): string {
  if (kg === null || kg === undefined || !Number.isFinite(kg)) return "–";
  const magnitude = Math.abs(kg);
  if (magnitude < KG_PER_TONNE) return `${number(kg, magnitude < 10 ? 2 : 1, locale)} kg CO₂e`;
  const tonnes = kg / KG_PER_TONNE;
  if (Math.abs(tonnes) < KG_PER_TONNE) return `${number(tonnes, Math.abs(tonnes) < 10 ? 2 : 1, locale)} t CO₂e`;
  return `${number(tonnes / KG_PER_TONNE, 2, locale)} kt CO₂e`;
}

/** Tonnes for chart axes, where one unit is shown once in the axis name. */
export function tonnes(kg: number): number {
  return kg / KG_PER_TONNE;
}

export function formatQuantity(value: number | null | undefined, unit: string, locale?: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  return `${number(value, Math.abs(value) < 10 ? 3 : 1, locale)} ${unit}`;
}

export function formatPercent(fraction: number | null | undefined, locale?: string): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return "–";
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(fraction);
}

/** A signed change, e.g. "−4.2 %", for KPI deltas. */
export function formatChange(fraction: number | null | undefined, locale?: string): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return "–";
  return new Intl.NumberFormat(locale, {
    style: "percent",
    maximumFractionDigits: 1,
    signDisplay: "exceptZero",
  }).format(fraction);
}

/** A calendar date (YYYY-MM-DD from the API) in the reader's locale, never shifted by time zone. */
export function formatDate(isoDate: string | null | undefined, locale?: string): string {
  if (!isoDate) return "–";
  const [y, m, d] = isoDate.slice(0, 10).split("-").map(Number);
  if (!y || !m || !d) return isoDate;
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

export function formatDateTime(iso: string | null | undefined, locale?: string): string {
  if (!iso) return "–";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(date);
}

/** "Jan 2025" from "2025-01" or "2025-01-01". */
export function formatMonth(isoMonth: string, locale?: string): string {
  const [y, m] = isoMonth.split("-").map(Number);
  if (!y || !m) return isoMonth;
  return new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  );
}

/** Today's date as the API takes it (YYYY-MM-DD), in the reader's calendar. */
export function isoDay(date: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
