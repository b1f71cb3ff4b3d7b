// Real answers from a demo platform (`ecotrack up`, seeded ledger), captured with curl.
import type { InventoryReport, YearsAnswer } from "./types";

/** GET /analytics/reports/inventory?year=2025 */
export const inventory2025: InventoryReport = {
  "standard": "GHG Protocol Corporate Accounting and Reporting Standard (revised edition)",
  "organization_id": "9466368f-e23c-474e-8cf7-29abd1b47e6f",
  "reporting_year": 2025,
  "period": {
    "from": "2025-01-01",
    "to": "2025-12-31"
  },
  "organisational_boundary": {
    "consolidation_approach": "operational control",
    "facilities": [
      null,
      "3f6830d8-0196-4f14-bd35-a11450e8accb",
      "57673add-3068-4f1e-a21b-614b2e7862a1"
    ]
  },
  "totals": {
    "scope1_kg": 17267.295,
    "scope2_location_based_kg": 184578.934344,
    "scope2_market_based_kg": 184578.934344,
    "scope3_kg": 2502.072,
    "total_location_based_kg": 204348.301344,
    "total_market_based_kg": 204348.301344
  },
  "by_gas_kg": {
    "CH4": 168.435,
    "CO2": 52396.338,
    "N2O": 249.774,
    "other": 151533.754344
  },
  "scope3_by_category_kg": {
    "6. Business travel": 2502.072
  },
  "base_year": null,
  "methodology": "Emissions are calculated activity by activity as quantity x emission factor, with greenhouse gases converted to CO2e by the GWP set named on each activity. Scope 2 is reported both location-based (grid-average factors) and market-based (contractual instruments, else the residual or grid factor), as the GHG Protocol Scope 2 Guidance requires. An activity covering several days is spread evenly over them, so a year holds the share of each activity that falls in it.",
  "gwp": [
    "AR5"
  ],
  "factor_sources": [
    {
      "dataset": "desnz",
      "version": "2024 v1.1",
      "year": "2024",
      "citation": "DESNZ and Defra, UK Government GHG Conversion Factors for Company Reporting 2024 (flat file v1.1); contains public sector information licensed under OGL v3.0",
      "licence": "OGL-3.0 (attribution required)",
      "activities": 40
    },
    {
      "dataset": "egrid",
      "version": "eGRID2023 (STC2ERTA (state annual CO2e total output emission rate))",
      "year": "2023",
      "citation": "U.S. EPA, Emissions & Generation Resource Integrated Database (eGRID2023), state annual CO2e total output emission rate (STC2ERTA); via CodeCarbon 3.3.2",
      "licence": "US Government work - public domain (eGRID); codecarbon packaging MIT",
      "activities": 12
    }
  ],
  "exclusions": [
    "Scope 3 category 1. Purchased goods and services: not reported, no activity recorded",
    "Scope 3 category 2. Capital goods: not reported, no activity recorded",
    "Scope 3 category 3. Fuel- and energy-related activities: not reported, no activity recorded",
    "Scope 3 category 4. Upstream transportation and distribution: not reported, no activity recorded",
    "Scope 3 category 5. Waste generated in operations: not reported, no activity recorded",
    "Scope 3 category 7. Employee commuting: not reported, no activity recorded",
    "Scope 3 category 8. Upstream leased assets: not reported, no activity recorded",
    "Scope 3 category 9. Downstream transportation and distribution: not reported, no activity recorded",
    "Scope 3 category 10. Processing of sold products: not reported, no activity recorded",
    "Scope 3 category 11. Use of sold products: not reported, no activity recorded",
    "Scope 3 category 12. End-of-life treatment of sold products: not reported, no activity recorded",
    "Scope 3 category 13. Downstream leased assets: not reported, no activity recorded",
    "Scope 3 category 14. Franchises: not reported, no activity recorded",
    "Scope 3 category 15. Investments: not reported, no activity recorded"
  ],
  "data_quality_notes": [
    "52 activities, by source: manual 52",
    "120 gas figures are published as CO2e only (no mass in the source)"
  ]
};

/** GET /analytics/reports/inventory?year=2025&base_year=2024 */
export const inventory2025Base2024: InventoryReport = {
  "standard": "GHG Protocol Corporate Accounting and Reporting Standard (revised edition)",
  "organization_id": "9466368f-e23c-474e-8cf7-29abd1b47e6f",
  "reporting_year": 2025,
  "period": {
    "from": "2025-01-01",
    "to": "2025-12-31"
  },
  "organisational_boundary": {
    "consolidation_approach": "operational control",
    "facilities": [
      null,
      "3f6830d8-0196-4f14-bd35-a11450e8accb",
      "57673add-3068-4f1e-a21b-614b2e7862a1"
    ]
  },
  "totals": {
    "scope1_kg": 17267.295,
    "scope2_location_based_kg": 184578.934344,
    "scope2_market_based_kg": 184578.934344,
    "scope3_kg": 2502.072,
    "total_location_based_kg": 204348.301344,
    "total_market_based_kg": 204348.301344
  },
  "by_gas_kg": {
    "CH4": 168.435,
    "CO2": 52396.338,
    "N2O": 249.774,
    "other": 151533.754344
  },
  "scope3_by_category_kg": {
    "6. Business travel": 2502.072
  },
  "base_year": {
    "year": 2024,
    "totals": {
      "scope1_kg": 18176.1,
      "scope2_location_based_kg": 194293.615099,
      "scope2_market_based_kg": 194293.615099,
      "scope3_kg": 2633.76,
      "total_location_based_kg": 215103.475099,
      "total_market_based_kg": 215103.475099
    }
  },
  "methodology": "Emissions are calculated activity by activity as quantity x emission factor, with greenhouse gases converted to CO2e by the GWP set named on each activity. Scope 2 is reported both location-based (grid-average factors) and market-based (contractual instruments, else the residual or grid factor), as the GHG Protocol Scope 2 Guidance requires. An activity covering several days is spread evenly over them, so a year holds the share of each activity that falls in it.",
  "gwp": [
    "AR5"
  ],
  "factor_sources": [
    {
      "dataset": "desnz",
      "version": "2024 v1.1",
      "year": "2024",
      "citation": "DESNZ and Defra, UK Government GHG Conversion Factors for Company Reporting 2024 (flat file v1.1); contains public sector information licensed under OGL v3.0",
      "licence": "OGL-3.0 (attribution required)",
      "activities": 40
    },
    {
      "dataset": "egrid",
      "version": "eGRID2023 (STC2ERTA (state annual CO2e total output emission rate))",
      "year": "2023",
      "citation": "U.S. EPA, Emissions & Generation Resource Integrated Database (eGRID2023), state annual CO2e total output emission rate (STC2ERTA); via CodeCarbon 3.3.2",
      "licence": "US Government work - public domain (eGRID); codecarbon packaging MIT",
      "activities": 12
    }
  ],
  "exclusions": [
    "Scope 3 category 1. Purchased goods and services: not reported, no activity recorded",
    "Scope 3 category 2. Capital goods: not reported, no activity recorded",
    "Scope 3 category 3. Fuel- and energy-related activities: not reported, no activity recorded",
    "Scope 3 category 4. Upstream transportation and distribution: not reported, no activity recorded",
    "Scope 3 category 5. Waste generated in operations: not reported, no activity recorded",
    "Scope 3 category 7. Employee commuting: not reported, no activity recorded",
    "Scope 3 category 8. Upstream leased assets: not reported, no activity recorded",
    "Scope 3 category 9. Downstream transportation and distribution: not reported, no activity recorded",
    "Scope 3 category 10. Processing of sold products: not reported, no activity recorded",
    "Scope 3 category 11. Use of sold products: not reported, no activity recorded",
    "Scope 3 category 12. End-of-life treatment of sold products: not reported, no activity recorded",
    "Scope 3 category 13. Downstream leased assets: not reported, no activity recorded",
    "Scope 3 category 14. Franchises: not reported, no activity recorded",
    "Scope 3 category 15. Investments: not reported, no activity recorded"
  ],
  "data_quality_notes": [
    "52 activities, by source: manual 52",
    "120 gas figures are published as CO2e only (no mass in the source)"
  ]
};

/** GET /analytics/reports/inventory?year=2027 (a year with no data) */
export const inventory2027: InventoryReport = {
  "standard": "GHG Protocol Corporate Accounting and Reporting Standard (revised edition)",
  "organization_id": "9466368f-e23c-474e-8cf7-29abd1b47e6f",
  "reporting_year": 2027,
  "period": {
    "from": "2027-01-01",
    "to": "2027-12-31"
  },
  "organisational_boundary": {
    "consolidation_approach": "operational control",
    "facilities": [
      null,
      "3f6830d8-0196-4f14-bd35-a11450e8accb",
      "57673add-3068-4f1e-a21b-614b2e7862a1"
    ]
  },
  "totals": {
    "scope1_kg": 0.0,
    "scope2_location_based_kg": 0.0,
    "scope2_market_based_kg": 0.0,
    "scope3_kg": 0.0,
    "total_location_based_kg": 0.0,
    "total_market_based_kg": 0.0
  },
  "by_gas_kg": {},
  "scope3_by_category_kg": {},
  "base_year": null,
  "methodology": "Emissions are calculated activity by activity as quantity x emission factor, with greenhouse gases converted to CO2e by the GWP set named on each activity. Scope 2 is reported both location-based (grid-average factors) and market-based (contractual instruments, else the residual or grid factor), as the GHG Protocol Scope 2 Guidance requires. An activity covering several days is spread evenly over them, so a year holds the share of each activity that falls in it.",
  "gwp": [],
  "factor_sources": [],
  "exclusions": [
    "Scope 3 category 1. Purchased goods and services: not reported, no activity recorded",
    "Scope 3 category 2. Capital goods: not reported, no activity recorded",
    "Scope 3 category 3. Fuel- and energy-related activities: not reported, no activity recorded",
    "Scope 3 category 4. Upstream transportation and distribution: not reported, no activity recorded",
    "Scope 3 category 5. Waste generated in operations: not reported, no activity recorded",
    "Scope 3 category 6. Business travel: not reported, no activity recorded",
    "Scope 3 category 7. Employee commuting: not reported, no activity recorded",
    "Scope 3 category 8. Upstream leased assets: not reported, no activity recorded",
    "Scope 3 category 9. Downstream transportation and distribution: not reported, no activity recorded",
    "Scope 3 category 10. Processing of sold products: not reported, no activity recorded",
    "Scope 3 category 11. Use of sold products: not reported, no activity recorded",
    "Scope 3 category 12. End-of-life treatment of sold products: not reported, no activity recorded",
    "Scope 3 category 13. Downstream leased assets: not reported, no activity recorded",
    "Scope 3 category 14. Franchises: not reported, no activity recorded",
    "Scope 3 category 15. Investments: not reported, no activity recorded"
  ],
  "data_quality_notes": [
    "0 activities, by source: ",
    "facility (none): no data for 2027-01, 2027-02, 2027-03, 2027-04, 2027-05, 2027-06, 2027-07, 2027-08, 2027-09, 2027-10, 2027-11, 2027-12",
    "facility 3f6830d8-0196-4f14-bd35-a11450e8accb: no data for 2027-01, 2027-02, 2027-03, 2027-04, 2027-05, 2027-06, 2027-07, 2027-08, 2027-09, 2027-10, 2027-11, 2027-12",
    "facility 57673add-3068-4f1e-a21b-614b2e7862a1: no data for 2027-01, 2027-02, 2027-03, 2027-04, 2027-05, 2027-06, 2027-07, 2027-08, 2027-09, 2027-10, 2027-11, 2027-12",
    "no data at all for 2027-01, 2027-02, 2027-03, 2027-04, 2027-05, 2027-06, 2027-07, 2027-08, 2027-09, 2027-10, 2027-11, 2027-12"
  ]
};

/** GET /analytics/emissions?from=1900-01-01&to=2031-12-31&group_by=year */
export const years: YearsAnswer = {
  "from": "1900-01-01",
  "to": "2031-12-31",
  "group_by": [
    "year"
  ],
  "scope2_method": "location",
  "total_co2e_kg": 582585.82986,
  "rows": [
    {
      "year": 2024,
      "co2e_kg": 215103.475099
    },
    {
      "year": 2025,
      "co2e_kg": 204348.301344
    },
    {
      "year": 2026,
      "co2e_kg": 163134.053417
    }
  ]
};

