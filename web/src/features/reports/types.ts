/**
 * The GHG inventory as GET /analytics/reports/inventory?format=json answers it
 * (src/ecotrack/analytics/reports.py inventory(); schema.ts has it as unknown).
 */

/** reports._scope_totals: kg CO2e. */
export interface ScopeTotals {
  scope1_kg: number;
  scope2_location_based_kg: number;
  scope2_market_based_kg: number;
  scope3_kg: number;
  total_location_based_kg: number;
  total_market_based_kg: number;
}

export interface FactorSource {
  dataset: string;
  version: string;
  /** As text: the report counts sources by their fields' text. */
  year: string;
  citation: string;
  licence: string;
  activities: number;
}

export interface InventoryReport {
  standard: string;
  organization_id: string;
  reporting_year: number;
  period: { from: string; to: string };
  organisational_boundary: {
    consolidation_approach: string;
    /** Every facility ever with data; null for activities without a facility. */
    facilities: (string | null)[];
  };
  totals: ScopeTotals;
  /** CO2, CH4, N2O and "other" (CO2e not attributed to a gas), scope 2 location-based. */
  by_gas_kg: Record<string, number>;
  /** Keyed "6. Business travel". */
  scope3_by_category_kg: Record<string, number>;
  base_year: { year: number; totals: ScopeTotals } | null;
  methodology: string;
  gwp: string[];
  factor_sources: FactorSource[];
  exclusions: string[];
  data_quality_notes: string[];
}

/** GET /analytics/emissions?group_by=year: which years hold data. */
export interface YearsAnswer {
  from: string;
  to: string;
  group_by: string[];
  scope2_method: string;
  total_co2e_kg: number;
  rows: Record<string, unknown>[];
}
