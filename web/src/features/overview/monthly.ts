/** Monthly emissions by scope, from `GET /emissions?group_by=scope,month` over a whole year. */
import { SCOPES } from "./kpis";
import type { EmissionsAnswer, Scope, ScopeMonthRow } from "./types";

export interface MonthRow {
  /** "YYYY-MM" */
  month: string;
  /** kg CO2e per scope; 0 where the API has no row. */
  scopes: Record<Scope, number>;
  total: number;
  hasData: boolean;
}

export interface MonthlySeries {
  year: number;
  months: MonthRow[];
  totalKg: number;
  hasData: boolean;
}

/** Twelve months of the year, each with every scope, whether or not the API had a row for it. */
export function monthlyByScope(answer: EmissionsAnswer<ScopeMonthRow>, year: number): MonthlySeries {
  const months: MonthRow[] = Array.from({ length: 12 }, (_, index) => ({
    month: `${year}-${String(index + 1).padStart(2, "0")}`,
    scopes: { 1: 0, 2: 0, 3: 0 },
    total: 0,
    hasData: false,
  }));
  const byMonth = new Map(months.map((row) => [row.month, row]));
  for (const row of answer.rows) {
    const month = byMonth.get(row.month);
    if (!month || !SCOPES.includes(row.scope)) continue;
    month.scopes[row.scope] += row.co2e_kg;
    month.total += row.co2e_kg;
    month.hasData = true;
  }
  return { year, months, totalKg: answer.total_co2e_kg, hasData: answer.rows.length > 0 };
}
