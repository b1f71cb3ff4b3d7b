// Real answers from a demo platform (`ecotrack up`, seeded ledger), captured with curl.
import type { components } from "../../api/schema";
import type { EmissionsAnswer } from "./types";

type FacilityRecord = components["schemas"]["FacilityRecord"];
type RecordPage = components["schemas"]["Page_ActivityRecord_"];

/** GET /analytics/emissions?from=2025-01-01&to=2025-12-31&group_by=scope */
export const byScope2025: EmissionsAnswer = {
  "from": "2025-01-01",
  "to": "2025-12-31",
  "group_by": [
    "scope"
  ],
  "scope2_method": "location",
  "total_co2e_kg": 204348.301344,
  "rows": [
    {
      "scope": 1,
      "co2e_kg": 17267.295
    },
    {
      "scope": 2,
      "co2e_kg": 184578.934344
    },
    {
      "scope": 3,
      "co2e_kg": 2502.072
    }
  ]
};

/** GET /analytics/emissions?from=2025-01-01&to=2025-06-30&group_by=month,scope */
export const byMonthScopeH1: EmissionsAnswer = {
  "from": "2025-01-01",
  "to": "2025-06-30",
  "group_by": [
    "month",
    "scope"
  ],
  "scope2_method": "location",
  "total_co2e_kg": 100974.531254,
  "rows": [
    {
      "month": "2025-01",
      "scope": 1,
      "co2e_kg": 2307.71625
    },
    {
      "month": "2025-01",
      "scope": 2,
      "co2e_kg": 13313.183444
    },
    {
      "month": "2025-02",
      "scope": 1,
      "co2e_kg": 2191.39185
    },
    {
      "month": "2025-02",
      "scope": 2,
      "co2e_kg": 13590.18767
    },
    {
      "month": "2025-03",
      "scope": 1,
      "co2e_kg": 1873.32875
    },
    {
      "month": "2025-03",
      "scope": 2,
      "co2e_kg": 14347.380653
    },
    {
      "month": "2025-03",
      "scope": 3,
      "co2e_kg": 625.518
    },
    {
      "month": "2025-04",
      "scope": 1,
      "co2e_kg": 1438.94125
    },
    {
      "month": "2025-04",
      "scope": 2,
      "co2e_kg": 15381.577862
    },
    {
      "month": "2025-05",
      "scope": 1,
      "co2e_kg": 1004.55375
    },
    {
      "month": "2025-05",
      "scope": 2,
      "co2e_kg": 16415.775071
    },
    {
      "month": "2025-06",
      "scope": 1,
      "co2e_kg": 686.49065
    },
    {
      "month": "2025-06",
      "scope": 2,
      "co2e_kg": 17172.968054
    },
    {
      "month": "2025-06",
      "scope": 3,
      "co2e_kg": 625.518
    }
  ]
};

/** GET /analytics/emissions?from=2025-01-01&to=2025-12-31&group_by=facility,scope */
export const byFacilityScope2025: EmissionsAnswer = {
  "from": "2025-01-01",
  "to": "2025-12-31",
  "group_by": [
    "facility",
    "scope"
  ],
  "scope2_method": "location",
  "total_co2e_kg": 204348.301344,
  "rows": [
    {
      "facility": null,
      "scope": 1,
      "co2e_kg": 4756.935
    },
    {
      "facility": null,
      "scope": 3,
      "co2e_kg": 2502.072
    },
    {
      "facility": "3f6830d8-0196-4f14-bd35-a11450e8accb",
      "scope": 1,
      "co2e_kg": 12510.36
    },
    {
      "facility": "3f6830d8-0196-4f14-bd35-a11450e8accb",
      "scope": 2,
      "co2e_kg": 33045.18
    },
    {
      "facility": "57673add-3068-4f1e-a21b-614b2e7862a1",
      "scope": 2,
      "co2e_kg": 151533.754344
    }
  ]
};

/** GET /analytics/emissions?from=2025-01-01&to=2025-12-31&group_by=category */
export const byCategory2025: EmissionsAnswer = {
  "from": "2025-01-01",
  "to": "2025-12-31",
  "group_by": [
    "category"
  ],
  "scope2_method": "location",
  "total_co2e_kg": 204348.301344,
  "rows": [
    {
      "category": null,
      "co2e_kg": 201846.229344
    },
    {
      "category": 6,
      "co2e_kg": 2502.072
    }
  ]
};

/** GET /analytics/emissions?from=2025-01-01&to=2025-12-31&group_by=gas */
export const byGas2025: EmissionsAnswer = {
  "from": "2025-01-01",
  "to": "2025-12-31",
  "group_by": [
    "gas"
  ],
  "scope2_method": "location",
  "total_co2e_kg": 204348.301344,
  "rows": [
    {
      "gas": "CH4",
      "co2e_kg": 168.435
    },
    {
      "gas": "CO2",
      "co2e_kg": 52396.338
    },
    {
      "gas": "N2O",
      "co2e_kg": 249.774
    },
    {
      "gas": "other",
      "co2e_kg": 151533.754344
    }
  ]
};

/** GET /analytics/emissions?from=2024-01-01&to=2026-12-31&group_by=year&scope2_method=market */
export const byYearMarket: EmissionsAnswer = {
  "from": "2024-01-01",
  "to": "2026-12-31",
  "group_by": [
    "year"
  ],
  "scope2_method": "market",
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

/** GET /analytics/emissions?from=2027-01-01&to=2027-12-31&group_by=scope (no data yet) */
export const byScope2027: EmissionsAnswer = {
  "from": "2027-01-01",
  "to": "2027-12-31",
  "group_by": [
    "scope"
  ],
  "scope2_method": "location",
  "total_co2e_kg": 0.0,
  "rows": []
};

/** GET /carbon/facilities */
export const facilities: FacilityRecord[] = [
  {
    "name": "London office",
    "address": "",
    "region": "GB",
    "floor_area_m2": 1200.0,
    "type": "office",
    "unit_id": null,
    "id": "3f6830d8-0196-4f14-bd35-a11450e8accb",
    "created_at": "2026-12-02T05:09:38.116117Z"
  },
  {
    "name": "Austin warehouse",
    "address": "",
    "region": "US-TX",
    "floor_area_m2": 5000.0,
    "type": "warehouse",
    "unit_id": null,
    "id": "57673add-3068-4f1e-a21b-614b2e7862a1",
    "created_at": "2026-12-02T05:09:38.147795Z"
  }
];

/** GET /carbon/activities/records?from=2025-03-01&to=2025-03-31&limit=200 */
export const recordsMarch2025: RecordPage = {
  "items": [
    {
      "id": "466ae082-ade3-4903-89d5-bc0a48449c99",
      "version": 1,
      "supersedes": null,
      "change": "recorded",
      "deleted": false,
      "organization_id": "9466368f-e23c-474e-8cf7-29abd1b47e6f",
      "facility_id": null,
      "meter_id": null,
      "activity": "vehicle.car",
      "quantity": 2375.0,
      "unit": "km",
      "region": "GB",
      "year": 2025,
      "period_start": "2025-03-01",
      "period_end": "2025-03-31",
      "scope": 1,
      "category": null,
      "co2e_kg": 396.41125,
      "location_based_kg": null,
      "market_based_kg": null,
      "gases": {
        "CO2": {
          "mass_kg": null,
          "co2e_kg": 393.6325
        },
        "CH4": {
          "mass_kg": null,
          "co2e_kg": 0.45125000000000004
        },
        "N2O": {
          "mass_kg": null,
          "co2e_kg": 2.3275
        }
      },
      "gwp": "AR5",
      "factor": {
        "id": "desnz-2024:vehicle.car:GB:unknown:company_vehicle:average:km",
        "value": 0.16691,
        "unit": "km",
        "dataset": "desnz",
        "version": "2024 v1.1",
        "year": 2024,
        "region": "GB",
        "citation": "DESNZ and Defra, UK Government GHG Conversion Factors for Company Reporting 2024 (flat file v1.1); contains public sector information licensed under OGL v3.0",
        "licence": "OGL-3.0 (attribution required)"
      },
      "inputs": {
        "activity": "vehicle.car",
        "quantity": 2375.0,
        "unit": "km",
        "region": "GB",
        "year": 2025,
        "gwp": "AR5",
        "method": "location",
        "options": {},
        "factor_id": null,
        "allow_later_year": false,
        "period_start": "2025-03-01",
        "period_end": "2025-03-31",
        "facility_id": null
      },
      "source": "manual",
      "recorded_by": "81f7af4d-e5da-460d-a222-852d24d299e3",
      "recorded_at": "2026-12-02T05:09:40.583081Z",
      "calculation": {
        "activity": "vehicle.car",
        "quantity": 2375.0,
        "unit": "km",
        "region": "GB",
        "year": 2025,
        "co2e_kg": 396.41125,
        "gases": [
          {
            "gas": "CO2",
            "mass_kg": null,
            "co2e_kg": 393.6325,
            "gwp": null
          },
          {
            "gas": "CH4",
            "mass_kg": null,
            "co2e_kg": 0.45125000000000004,
            "gwp": null
          },
          {
            "gas": "N2O",
            "mass_kg": null,
            "co2e_kg": 2.3275,
            "gwp": null
          }
        ],
        "scope": 1,
        "scope3_category": null,
        "factor": {
          "id": "desnz-2024:vehicle.car:GB:unknown:company_vehicle:average:km",
          "value": 0.16691,
          "unit": "km",
          "dataset": "desnz",
          "dataset_version": "2024 v1.1",
          "year": 2024,
          "region": "GB",
          "citation": "DESNZ and Defra, UK Government GHG Conversion Factors for Company Reporting 2024 (flat file v1.1); contains public sector information licensed under OGL v3.0",
          "licence": "OGL-3.0 (attribution required)",
          "source_url": "https://www.gov.uk/government/publications/greenhouse-gas-reporting-conversion-factors-2024",
          "gwp_basis": "AR5",
          "private": false
        },
        "gwp_requested": "AR5",
        "gwp_applied": "AR5",
        "method": "location",
        "scope2": null,
        "selection": "GB activities use the UK Government (DESNZ) factors; editions with this factor: 2019, 2020, 2021, 2024; chose 2024, the latest not after the activity year 2025",
        "data_version": "2026.11",
        "notices": [],
        "steps": [
          "Activity vehicle.car: Car travel; the quantity is the distance the vehicle travelled, whoever was in it; scope 1",
          "Factor selection: GB activities use the UK Government (DESNZ) factors; editions with this factor: 2019, 2020, 2021, 2024; chose 2024, the latest not after the activity year 2025",
          "Factor desnz-2024:vehicle.car:GB:unknown:company_vehicle:average:km: Passenger vehicles / Cars (by size) / Average car / Unknown (per km) \u2014 DESNZ and Defra, UK Government GHG Conversion Factors for Company Reporting 2024 (flat file v1.1); contains public sector information licensed under OGL v3.0",
          "CO2e = 2375 km \u00d7 0.16691 kg CO2e per km = 396.41125 kg CO2e (published CO2e; GWP basis AR5)",
          "CO2 share: 2375 km \u00d7 0.16574 kg CO2e per km = 393.6325 kg CO2e (published as CO2e)",
          "CH4 share: 2375 km \u00d7 0.00019 kg CO2e per km = 0.45125 kg CO2e (published as CO2e)",
          "N2O share: 2375 km \u00d7 0.00098 kg CO2e per km = 2.3275 kg CO2e (published as CO2e)",
          "Result: 396.41125 kg CO2e (location)"
        ]
      }
    },
    {
      "id": "93dc8d50-957b-4c49-8d7d-b1af5da1809b",
      "version": 1,
      "supersedes": null,
      "change": "recorded",
      "deleted": false,
      "organization_id": "9466368f-e23c-474e-8cf7-29abd1b47e6f",
      "facility_id": "3f6830d8-0196-4f14-bd35-a11450e8accb",
      "meter_id": null,
      "activity": "fuel.natural_gas",
      "quantity": 8075.0,
      "unit": "kWh",
      "region": "GB",
      "year": 2025,
      "period_start": "2025-03-01",
      "period_end": "2025-03-31",
      "scope": 1,
      "category": null,
      "co2e_kg": 1476.9175,
      "location_based_kg": null,
      "market_based_kg": null,
      "gases": {
        "CO2": {
          "mass_kg": null,
          "co2e_kg": 1473.92975
        },
        "CH4": {
          "mass_kg": null,
          "co2e_kg": 2.2609999999999997
        },
        "N2O": {
          "mass_kg": null,
          "co2e_kg": 0.72675
        }
      },
      "gwp": "AR5",
      "factor": {
        "id": "desnz-2024:fuel.natural_gas:GB:gross:kWh",
        "value": 0.1829,
        "unit": "kWh",
        "dataset": "desnz",
        "version": "2024 v1.1",
        "year": 2024,
        "region": "GB",
        "citation": "DESNZ and Defra, UK Government GHG Conversion Factors for Company Reporting 2024 (flat file v1.1); contains public sector information licensed under OGL v3.0",
        "licence": "OGL-3.0 (attribution required)"
      },
      "inputs": {
        "activity": "fuel.natural_gas",
        "quantity": 8075.0,
        "unit": "kWh",
        "region": "GB",
        "year": 2025,
        "gwp": "AR5",
        "method": "location",
        "options": {},
        "factor_id": null,
        "allow_later_year": false,
        "period_start": "2025-03-01",
        "period_end": "2025-03-31",
        "facility_id": "3f6830d8-0196-4f14-bd35-a11450e8accb"
      },
      "source": "manual",
      "recorded_by": "81f7af4d-e5da-460d-a222-852d24d299e3",
      "recorded_at": "2026-12-02T05:09:40.562969Z",
      "calculation": {
        "activity": "fuel.natural_gas",
        "quantity": 8075.0,
        "unit": "kWh",
        "region": "GB",
        "year": 2025,
        "co2e_kg": 1476.9175,
        "gases": [
          {
            "gas": "CO2",
            "mass_kg": null,
            "co2e_kg": 1473.92975,
            "gwp": null
          },
          {
            "gas": "CH4",
            "mass_kg": null,
            "co2e_kg": 2.2609999999999997,
            "gwp": null
          },
          {
            "gas": "N2O",
            "mass_kg": null,
            "co2e_kg": 0.72675,
            "gwp": null
          }
        ],
        "scope": 1,
        "scope3_category": null,
        "factor": {
          "id": "desnz-2024:fuel.natural_gas:GB:gross:kWh",
          "value": 0.1829,
          "unit": "kWh",
          "dataset": "desnz",
          "dataset_version": "2024 v1.1",
          "year": 2024,
          "region": "GB",
          "citation": "DESNZ and Defra, UK Government GHG Conversion Factors for Company Reporting 2024 (flat file v1.1); contains public sector information licensed under OGL v3.0",
          "licence": "OGL-3.0 (attribution required)",
          "source_url": "https://www.gov.uk/government/publications/greenhouse-gas-reporting-conversion-factors-2024",
          "gwp_basis": "AR5",
          "private": false
        },
        "gwp_requested": "AR5",
        "gwp_applied": "AR5",
        "method": "location",
        "scope2": null,
        "selection": "GB activities use the UK Government (DESNZ) factors; editions with this factor: 2019, 2020, 2021, 2024; chose 2024, the latest not after the activity year 2025",
        "data_version": "2026.11",
        "notices": [],
        "steps": [
          "Activity fuel.natural_gas: Stationary combustion of natural gas; scope 1",
          "Factor selection: GB activities use the UK Government (DESNZ) factors; editions with this factor: 2019, 2020, 2021, 2024; chose 2024, the latest not after the activity year 2025",
          "Factor desnz-2024:fuel.natural_gas:GB:gross:kWh: Fuels / Gaseous fuels / Natural gas (per kWh (Gross CV)) \u2014 DESNZ and Defra, UK Government GHG Conversion Factors for Company Reporting 2024 (flat file v1.1); contains public sector information licensed under OGL v3.0",
          "CO2e = 8075 kWh \u00d7 0.1829 kg CO2e per kWh = 1476.9175 kg CO2e (published CO2e; GWP basis AR5)",
          "CO2 share: 8075 kWh \u00d7 0.18253 kg CO2e per kWh = 1473.92975 kg CO2e (published as CO2e)",
          "CH4 share: 8075 kWh \u00d7 0.00028 kg CO2e per kWh = 2.261 kg CO2e (published as CO2e)",
          "N2O share: 8075 kWh \u00d7 9e-05 kg CO2e per kWh = 0.72675 kg CO2e (published as CO2e)",
          "Result: 1476.9175 kg CO2e (location)"
        ]
      }
    },
    {
      "id": "b16a6c8e-7435-44db-8c36-3dcbadf7b05c",
      "version": 1,
      "supersedes": null,
      "change": "recorded",
      "deleted": false,
      "organization_id": "9466368f-e23c-474e-8cf7-29abd1b47e6f",
      "facility_id": "3f6830d8-0196-4f14-bd35-a11450e8accb",
      "meter_id": null,
      "activity": "electricity.grid",
      "quantity": 14725.0,
      "unit": "kWh",
      "region": "GB",
      "year": 2025,
      "period_start": "2025-03-01",
      "period_end": "2025-03-31",
      "scope": 2,
      "category": null,
      "co2e_kg": 3048.81125,
      "location_based_kg": 3048.81125,
      "market_based_kg": 3048.81125,
      "gases": {
        "CO2": {
          "mass_kg": null,
          "co2e_kg": 3017.59425
        },
        "CH4": {
          "mass_kg": null,
          "co2e_kg": 13.2525
        },
        "N2O": {
          "mass_kg": null,
          "co2e_kg": 17.964499999999997
        }
      },
      "gwp": "AR5",
      "factor": {
        "id": "desnz-2024:electricity.grid:GB:kWh",
        "value": 0.20705,
        "unit": "kWh",
        "dataset": "desnz",
        "version": "2024 v1.1",
        "year": 2024,
        "region": "GB",
        "citation": "DESNZ and Defra, UK Government GHG Conversion Factors for Company Reporting 2024 (flat file v1.1); contains public sector information licensed under OGL v3.0",
        "licence": "OGL-3.0 (attribution required)"
      },
      "inputs": {
        "activity": "electricity.grid",
        "quantity": 14725.0,
        "unit": "kWh",
        "region": "GB",
        "year": 2025,
        "gwp": "AR5",
        "method": "location",
        "options": {},
        "factor_id": null,
        "allow_later_year": false,
        "period_start": "2025-03-01",
        "period_end": "2025-03-31",
        "facility_id": "3f6830d8-0196-4f14-bd35-a11450e8accb"
      },
      "source": "manual",
      "recorded_by": "81f7af4d-e5da-460d-a222-852d24d299e3",
      "recorded_at": "2026-12-02T05:09:40.550003Z",
      "calculation": {
        "activity": "electricity.grid",
        "quantity": 14725.0,
        "unit": "kWh",
        "region": "GB",
        "year": 2025,
        "co2e_kg": 3048.81125,
        "gases": [
          {
            "gas": "CO2",
            "mass_kg": null,
            "co2e_kg": 3017.59425,
            "gwp": null
          },
          {
            "gas": "CH4",
            "mass_kg": null,
            "co2e_kg": 13.2525,
            "gwp": null
          },
          {
            "gas": "N2O",
            "mass_kg": null,
            "co2e_kg": 17.964499999999997,
            "gwp": null
          }
        ],
        "scope": 2,
        "scope3_category": null,
        "factor": {
          "id": "desnz-2024:electricity.grid:GB:kWh",
          "value": 0.20705,
          "unit": "kWh",
          "dataset": "desnz",
          "dataset_version": "2024 v1.1",
          "year": 2024,
          "region": "GB",
          "citation": "DESNZ and Defra, UK Government GHG Conversion Factors for Company Reporting 2024 (flat file v1.1); contains public sector information licensed under OGL v3.0",
          "licence": "OGL-3.0 (attribution required)",
          "source_url": "https://www.gov.uk/government/publications/greenhouse-gas-reporting-conversion-factors-2024",
          "gwp_basis": "AR5",
          "private": false
        },
        "gwp_requested": "AR5",
        "gwp_applied": "AR5",
        "method": "location",
        "scope2": {
          "location_based_kg": 3048.81125,
          "market_based_kg": 3048.81125,
          "market_basis": "location-based fallback: no contractual instrument applies and no residual-mix factors are shipped"
        },
        "selection": "GB grid electricity uses the UK Government (DESNZ) factors; editions with this factor: 2019, 2020, 2021, 2024; chose 2024, the latest not after the activity year 2025",
        "data_version": "2026.11",
        "notices": [
          "market-based figure: location-based fallback: no contractual instrument applies and no residual-mix factors are shipped"
        ],
        "steps": [
          "Activity electricity.grid: Electricity taken from the grid (scope 2, dual reporting); scope 2",
          "Factor selection: GB grid electricity uses the UK Government (DESNZ) factors; editions with this factor: 2019, 2020, 2021, 2024; chose 2024, the latest not after the activity year 2025",
          "Factor desnz-2024:electricity.grid:GB:kWh: UK electricity / Electricity generated / Electricity: UK / kWh (per kWh) \u2014 DESNZ and Defra, UK Government GHG Conversion Factors for Company Reporting 2024 (flat file v1.1); contains public sector information licensed under OGL v3.0",
          "CO2e = 14725 kWh \u00d7 0.20705 kg CO2e per kWh = 3048.81125 kg CO2e (published CO2e; GWP basis AR5)",
          "CO2 share: 14725 kWh \u00d7 0.20493 kg CO2e per kWh = 3017.59425 kg CO2e (published as CO2e)",
          "CH4 share: 14725 kWh \u00d7 0.0009 kg CO2e per kWh = 13.2525 kg CO2e (published as CO2e)",
          "N2O share: 14725 kWh \u00d7 0.00122 kg CO2e per kWh = 17.9645 kg CO2e (published as CO2e)",
          "Scope 2: location-based 3048.81125 kg; market-based 3048.81125 kg (location-based fallback: no contractual instrument applies and no residual-mix factors are shipped)",
          "Result: 3048.81125 kg CO2e (location)"
        ]
      }
    },
    {
      "id": "df38e990-f85d-4db8-94dd-241ae4263661",
      "version": 1,
      "supersedes": null,
      "change": "recorded",
      "deleted": false,
      "organization_id": "9466368f-e23c-474e-8cf7-29abd1b47e6f",
      "facility_id": "57673add-3068-4f1e-a21b-614b2e7862a1",
      "meter_id": null,
      "activity": "electricity.grid",
      "quantity": 32300.0,
      "unit": "kWh",
      "region": "US-TX",
      "year": 2025,
      "period_start": "2025-03-01",
      "period_end": "2025-03-31",
      "scope": 2,
      "category": null,
      "co2e_kg": 11298.56940282663,
      "location_based_kg": 11298.56940282663,
      "market_based_kg": 11298.56940282663,
      "gases": {},
      "gwp": "AR5",
      "factor": {
        "id": "egrid-2023:electricity.grid:US-TX:MWh",
        "value": 349.80091030423006,
        "unit": "MWh",
        "dataset": "egrid",
        "version": "eGRID2023 (STC2ERTA (state annual CO2e total output emission rate))",
        "year": 2023,
        "region": "US-TX",
        "citation": "U.S. EPA, Emissions & Generation Resource Integrated Database (eGRID2023), state annual CO2e total output emission rate (STC2ERTA); via CodeCarbon 3.3.2",
        "licence": "US Government work - public domain (eGRID); codecarbon packaging MIT"
      },
      "inputs": {
        "activity": "electricity.grid",
        "quantity": 32300.0,
        "unit": "kWh",
        "region": "US-TX",
        "year": 2025,
        "gwp": "AR5",
        "method": "location",
        "options": {},
        "factor_id": null,
        "allow_later_year": false,
        "period_start": "2025-03-01",
        "period_end": "2025-03-31",
        "facility_id": "57673add-3068-4f1e-a21b-614b2e7862a1"
      },
      "source": "manual",
      "recorded_by": "81f7af4d-e5da-460d-a222-852d24d299e3",
      "recorded_at": "2026-12-02T05:09:40.575233Z",
      "calculation": {
        "activity": "electricity.grid",
        "quantity": 32300.0,
        "unit": "kWh",
        "region": "US-TX",
        "year": 2025,
        "co2e_kg": 11298.56940282663,
        "gases": [],
        "scope": 2,
        "scope3_category": null,
        "factor": {
          "id": "egrid-2023:electricity.grid:US-TX:MWh",
          "value": 349.80091030423006,
          "unit": "MWh",
          "dataset": "egrid",
          "dataset_version": "eGRID2023 (STC2ERTA (state annual CO2e total output emission rate))",
          "year": 2023,
          "region": "US-TX",
          "citation": "U.S. EPA, Emissions & Generation Resource Integrated Database (eGRID2023), state annual CO2e total output emission rate (STC2ERTA); via CodeCarbon 3.3.2",
          "licence": "US Government work - public domain (eGRID); codecarbon packaging MIT",
          "source_url": "https://www.epa.gov/egrid/download-data",
          "gwp_basis": null,
          "private": false
        },
        "gwp_requested": "AR5",
        "gwp_applied": null,
        "method": "location",
        "scope2": {
          "location_based_kg": 11298.56940282663,
          "market_based_kg": 11298.56940282663,
          "market_basis": "location-based fallback: no contractual instrument applies and no residual-mix factors are shipped"
        },
        "selection": "US grid electricity uses EPA eGRID (national, state or eGRID subregion); editions with this factor: 2023; chose 2023, the latest not after the activity year 2025",
        "data_version": "2026.11",
        "notices": [
          "the factor is published as CO2e on an unstated GWP basis; the requested AR5 could not be applied",
          "market-based figure: location-based fallback: no contractual instrument applies and no residual-mix factors are shipped"
        ],
        "steps": [
          "Activity electricity.grid: Electricity taken from the grid (scope 2, dual reporting); scope 2",
          "Factor selection: US grid electricity uses EPA eGRID (national, state or eGRID subregion); editions with this factor: 2023; chose 2023, the latest not after the activity year 2025",
          "Factor egrid-2023:electricity.grid:US-TX:MWh: eGRID state CO2e total output emission rate: texas (lb CO2e/MWh) \u2014 U.S. EPA, Emissions & Generation Resource Integrated Database (eGRID2023), state annual CO2e total output emission rate (STC2ERTA); via CodeCarbon 3.3.2",
          "Quantity: 32300 kWh \u00d7 0.001 MWh/kWh = 32.3 MWh",
          "CO2e = 32.3 MWh \u00d7 771.179 lb CO2e per MWh = 11298.5694 kg CO2e (published CO2e; GWP basis not stated by the source)",
          "Scope 2: location-based 11298.5694 kg; market-based 11298.5694 kg (location-based fallback: no contractual instrument applies and no residual-mix factors are shipped)",
          "Result: 11298.5694 kg CO2e (location)"
        ]
      }
    },
    {
      "id": "ea84de92-378c-4f41-9d6f-2deca78e4f78",
      "version": 1,
      "supersedes": null,
      "change": "recorded",
      "deleted": false,
      "organization_id": "9466368f-e23c-474e-8cf7-29abd1b47e6f",
      "facility_id": null,
      "meter_id": null,
      "activity": "travel.flight",
      "quantity": 5700.0,
      "unit": "km",
      "region": "GB",
      "year": 2025,
      "period_start": "2025-03-01",
      "period_end": "2025-03-31",
      "scope": 3,
      "category": 6,
      "co2e_kg": 625.518,
      "location_based_kg": null,
      "market_based_kg": null,
      "gases": {
        "CO2": {
          "mass_kg": null,
          "co2e_kg": 620.217
        },
        "CH4": {
          "mass_kg": null,
          "co2e_kg": 0.057
        },
        "N2O": {
          "mass_kg": null,
          "co2e_kg": 5.244
        }
      },
      "gwp": "AR5",
      "factor": {
        "id": "desnz-2024:travel.flight:GB:average:short:false:passenger_km",
        "value": 0.10974,
        "unit": "passenger_km",
        "dataset": "desnz",
        "version": "2024 v1.1",
        "year": 2024,
        "region": "GB",
        "citation": "DESNZ and Defra, UK Government GHG Conversion Factors for Company Reporting 2024 (flat file v1.1); contains public sector information licensed under OGL v3.0",
        "licence": "OGL-3.0 (attribution required)"
      },
      "inputs": {
        "activity": "travel.flight",
        "quantity": 5700.0,
        "unit": "km",
        "region": "GB",
        "year": 2025,
        "gwp": "AR5",
        "method": "location",
        "options": {
          "haul": "short"
        },
        "factor_id": null,
        "allow_later_year": false,
        "period_start": "2025-03-01",
        "period_end": "2025-03-31",
        "facility_id": null
      },
      "source": "manual",
      "recorded_by": "81f7af4d-e5da-460d-a222-852d24d299e3",
      "recorded_at": "2026-12-02T05:09:40.594677Z",
      "calculation": {
        "activity": "travel.flight",
        "quantity": 5700.0,
        "unit": "km",
        "region": "GB",
        "year": 2025,
        "co2e_kg": 625.518,
        "gases": [
          {
            "gas": "CO2",
            "mass_kg": null,
            "co2e_kg": 620.217,
            "gwp": null
          },
          {
            "gas": "CH4",
            "mass_kg": null,
            "co2e_kg": 0.057,
            "gwp": null
          },
          {
            "gas": "N2O",
            "mass_kg": null,
            "co2e_kg": 5.244,
            "gwp": null
          }
        ],
        "scope": 3,
        "scope3_category": {
          "number": 6,
          "name": "Business travel"
        },
        "factor": {
          "id": "desnz-2024:travel.flight:GB:average:short:false:passenger_km",
          "value": 0.10974,
          "unit": "passenger_km",
          "dataset": "desnz",
          "dataset_version": "2024 v1.1",
          "year": 2024,
          "region": "GB",
          "citation": "DESNZ and Defra, UK Government GHG Conversion Factors for Company Reporting 2024 (flat file v1.1); contains public sector information licensed under OGL v3.0",
          "licence": "OGL-3.0 (attribution required)",
          "source_url": "https://www.gov.uk/government/publications/greenhouse-gas-reporting-conversion-factors-2024",
          "gwp_basis": "AR5",
          "private": false
        },
        "gwp_requested": "AR5",
        "gwp_applied": "AR5",
        "method": "location",
        "scope2": null,
        "selection": "GB activities use the UK Government (DESNZ) factors; editions with this factor: 2019, 2020, 2021, 2024; chose 2024, the latest not after the activity year 2025",
        "data_version": "2026.11",
        "notices": [],
        "steps": [
          "Activity travel.flight: Air travel; the quantity is the distance each passenger flew; scope 3, category 6 Business travel",
          "Factor selection: GB activities use the UK Government (DESNZ) factors; editions with this factor: 2019, 2020, 2021, 2024; chose 2024, the latest not after the activity year 2025",
          "Factor desnz-2024:travel.flight:GB:average:short:false:passenger_km: Business travel- air / Flights / Short-haul, to/from UK / Average passenger / Without RF (per passenger.km) \u2014 DESNZ and Defra, UK Government GHG Conversion Factors for Company Reporting 2024 (flat file v1.1); contains public sector information licensed under OGL v3.0",
          "CO2e = 5700 passenger_km \u00d7 0.10974 kg CO2e per passenger_km = 625.518 kg CO2e (published CO2e; GWP basis AR5)",
          "CO2 share: 5700 passenger_km \u00d7 0.10881 kg CO2e per passenger_km = 620.217 kg CO2e (published as CO2e)",
          "CH4 share: 5700 passenger_km \u00d7 1e-05 kg CO2e per passenger_km = 0.057 kg CO2e (published as CO2e)",
          "N2O share: 5700 passenger_km \u00d7 0.00092 kg CO2e per passenger_km = 5.244 kg CO2e (published as CO2e)",
          "Result: 625.518 kg CO2e (location)"
        ]
      }
    }
  ],
  "total": 5,
  "limit": 200,
  "offset": 0
};

