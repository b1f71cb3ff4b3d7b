/**
 * Real answers captured from `ecotrack up` (the seeded demo organisation), for the shaping tests.
 * To record them again: run `ecotrack up`, sign in as demo@example.com, add the private factor
 * (POST /api/v1/carbon/private-factors: fuel.natural_gas, GB, 2024, kWh, calorific_basis gross,
 * 0.15 kg CO2e, AR5, dataset acme-gas, the label, citation and source_url below) and save each
 * request below as `json.dumps(answer, indent=2, ensure_ascii=False)`.
 */
import type { ActivityInfo, Factor, SearchPage } from "./types";

/** GET /api/v1/carbon/factors?text=natural+gas&region=GB&year=2024&limit=5 (signed in: the demo organisation's private factor is in it) */
export const searchGas: SearchPage = {
  "items": [
    {
      "id": "private-759c9551076da264-2024:fuel.natural_gas:GB:gross:kWh",
      "dataset": "acme-gas",
      "dataset_version": "",
      "edition": null,
      "year": 2024,
      "region": "GB",
      "activity": "fuel.natural_gas",
      "options": {
        "calorific_basis": "gross"
      },
      "unit": "kWh",
      "gas_basis": null,
      "gases": {},
      "co2e": {
        "value": 0.15,
        "unit": "kg"
      },
      "gwp_basis": "AR5",
      "source_ref": null,
      "scope": null,
      "scope3_category": null,
      "outside_of_scopes": null,
      "label": "Acme biomethane blend",
      "source_url": "https://example.com/acme-2024.pdf",
      "licence": "proprietary",
      "citation": "Acme Gas supplier statement 2024, biomethane blend",
      "private": true,
      "electricity_basis": null
    },
    {
      "id": "desnz-2024:fuel.natural_gas:GB:t",
      "dataset": "desnz",
      "dataset_version": "2024 v1.1",
      "edition": "desnz-2024",
      "year": 2024,
      "region": "GB",
      "activity": "fuel.natural_gas",
      "options": {},
      "unit": "t",
      "gas_basis": "co2e",
      "gases": {
        "CO2": {
          "value": 2563.12,
          "unit": "kg"
        },
        "CH4": {
          "value": 3.8528,
          "unit": "kg"
        },
        "N2O": {
          "value": 1.19161,
          "unit": "kg"
        }
      },
      "co2e": {
        "value": 2568.16441,
        "unit": "kg"
      },
      "gwp_basis": "AR5",
      "source_ref": "1_100_1004_15_1",
      "scope": 1,
      "scope3_category": null,
      "outside_of_scopes": null,
      "label": "Fuels / Gaseous fuels / Natural gas (per tonnes)",
      "source_url": "https://www.gov.uk/government/publications/greenhouse-gas-reporting-conversion-factors-2024",
      "licence": "OGL-3.0 (attribution required)",
      "citation": "DESNZ and Defra, UK Government GHG Conversion Factors for Company Reporting 2024 (flat file v1.1); contains public sector information licensed under OGL v3.0",
      "private": false,
      "electricity_basis": null
    },
    {
      "id": "desnz-2024:fuel.natural_gas:GB:m3",
      "dataset": "desnz",
      "dataset_version": "2024 v1.1",
      "edition": "desnz-2024",
      "year": 2024,
      "region": "GB",
      "activity": "fuel.natural_gas",
      "options": {},
      "unit": "m3",
      "gas_basis": "co2e",
      "gases": {
        "CO2": {
          "value": 2.0414,
          "unit": "kg"
        },
        "CH4": {
          "value": 0.00307,
          "unit": "kg"
        },
        "N2O": {
          "value": 0.00095,
          "unit": "kg"
        }
      },
      "co2e": {
        "value": 2.04542,
        "unit": "kg"
      },
      "gwp_basis": "AR5",
      "source_ref": "1_100_1004_1_1",
      "scope": 1,
      "scope3_category": null,
      "outside_of_scopes": null,
      "label": "Fuels / Gaseous fuels / Natural gas (per cubic metres)",
      "source_url": "https://www.gov.uk/government/publications/greenhouse-gas-reporting-conversion-factors-2024",
      "licence": "OGL-3.0 (attribution required)",
      "citation": "DESNZ and Defra, UK Government GHG Conversion Factors for Company Reporting 2024 (flat file v1.1); contains public sector information licensed under OGL v3.0",
      "private": false,
      "electricity_basis": null
    },
    {
      "id": "desnz-2024:fuel.natural_gas:GB:net:kWh",
      "dataset": "desnz",
      "dataset_version": "2024 v1.1",
      "edition": "desnz-2024",
      "year": 2024,
      "region": "GB",
      "activity": "fuel.natural_gas",
      "options": {
        "calorific_basis": "net"
      },
      "unit": "kWh",
      "gas_basis": "co2e",
      "gases": {
        "CO2": {
          "value": 0.20223,
          "unit": "kg"
        },
        "CH4": {
          "value": 0.00031,
          "unit": "kg"
        },
        "N2O": {
          "value": 0.0001,
          "unit": "kg"
        }
      },
      "co2e": {
        "value": 0.20264,
        "unit": "kg"
      },
      "gwp_basis": "AR5",
      "source_ref": "1_100_1004_7_1",
      "scope": 1,
      "scope3_category": null,
      "outside_of_scopes": null,
      "label": "Fuels / Gaseous fuels / Natural gas (per kWh (Net CV))",
      "source_url": "https://www.gov.uk/government/publications/greenhouse-gas-reporting-conversion-factors-2024",
      "licence": "OGL-3.0 (attribution required)",
      "citation": "DESNZ and Defra, UK Government GHG Conversion Factors for Company Reporting 2024 (flat file v1.1); contains public sector information licensed under OGL v3.0",
      "private": false,
      "electricity_basis": null
    },
    {
      "id": "desnz-2024:fuel.natural_gas:GB:gross:kWh",
      "dataset": "desnz",
      "dataset_version": "2024 v1.1",
      "edition": "desnz-2024",
      "year": 2024,
      "region": "GB",
      "activity": "fuel.natural_gas",
      "options": {
        "calorific_basis": "gross"
      },
      "unit": "kWh",
      "gas_basis": "co2e",
      "gases": {
        "CO2": {
          "value": 0.18253,
          "unit": "kg"
        },
        "CH4": {
          "value": 0.00028,
          "unit": "kg"
        },
        "N2O": {
          "value": 9e-05,
          "unit": "kg"
        }
      },
      "co2e": {
        "value": 0.1829,
        "unit": "kg"
      },
      "gwp_basis": "AR5",
      "source_ref": "1_100_1004_6_1",
      "scope": 1,
      "scope3_category": null,
      "outside_of_scopes": null,
      "label": "Fuels / Gaseous fuels / Natural gas (per kWh (Gross CV))",
      "source_url": "https://www.gov.uk/government/publications/greenhouse-gas-reporting-conversion-factors-2024",
      "licence": "OGL-3.0 (attribution required)",
      "citation": "DESNZ and Defra, UK Government GHG Conversion Factors for Company Reporting 2024 (flat file v1.1); contains public sector information licensed under OGL v3.0",
      "private": false,
      "electricity_basis": null
    }
  ],
  "total": 17,
  "limit": 5,
  "offset": 0,
  "facets": {
    "activity": [
      {
        "value": "desnz.fuels",
        "count": 4
      },
      {
        "value": "fuel.natural_gas",
        "count": 5
      },
      {
        "value": "fuel.well_to_tank",
        "count": 8
      }
    ],
    "region": [
      {
        "value": "GB",
        "count": 17
      }
    ],
    "year": [
      {
        "value": "2019",
        "count": 16
      },
      {
        "value": "2020",
        "count": 16
      },
      {
        "value": "2021",
        "count": 16
      },
      {
        "value": "2022",
        "count": 16
      },
      {
        "value": "2023",
        "count": 16
      },
      {
        "value": "2024",
        "count": 17
      },
      {
        "value": "2025",
        "count": 16
      }
    ],
    "dataset": [
      {
        "value": "acme-gas",
        "count": 1
      },
      {
        "value": "desnz",
        "count": 16
      }
    ],
    "edition": [
      {
        "value": "desnz-2024",
        "count": 16
      }
    ],
    "scope": [
      {
        "value": "1",
        "count": 8
      },
      {
        "value": "3",
        "count": 8
      }
    ],
    "scope3_category": [
      {
        "value": "3",
        "count": 8
      }
    ],
    "unit_type": [
      {
        "value": "energy",
        "count": 9
      },
      {
        "value": "mass",
        "count": 4
      },
      {
        "value": "volume",
        "count": 4
      }
    ]
  }
};

/** GET /api/v1/carbon/factors?dataset=egrid&year=2023&limit=2&offset=10 */
export const searchEgrid: SearchPage = {
  "items": [
    {
      "id": "egrid-2023:electricity.grid:US-NEWE:MWh",
      "dataset": "egrid",
      "dataset_version": "eGRID2023 (data year 2023), EPA Hub 2025 (last modified 2025-01-15)",
      "edition": "egrid-2023",
      "year": 2023,
      "region": "US-NEWE",
      "activity": "electricity.grid",
      "options": {},
      "unit": "MWh",
      "gas_basis": "mass",
      "gases": {
        "CO2": {
          "value": 537.243,
          "unit": "lb"
        },
        "CH4": {
          "value": 0.063,
          "unit": "lb"
        },
        "N2O": {
          "value": 0.008,
          "unit": "lb"
        }
      },
      "co2e": null,
      "gwp_basis": null,
      "source_ref": "EPA Hub Table 6: NEWE, total output emission rates",
      "scope": 2,
      "scope3_category": null,
      "outside_of_scopes": null,
      "label": "eGRID total output emission rate: NPCC New England (lb/MWh)",
      "source_url": "https://www.epa.gov/climateleadership/ghg-emission-factors-hub ; underlying: https://www.epa.gov/system/files/documents/2025-01/egrid2023_summary_tables.xlsx",
      "licence": "US Government work - public domain (17 U.S.C. 105)",
      "citation": "U.S. EPA, Emission Factors for Greenhouse Gas Inventories (GHG Emission Factors Hub), last modified January 15, 2025, Table 6 Electricity; source EPA eGRID2023, January 2025, Summary Tables - Table 1 Subregion Output Emission Rates",
      "private": false,
      "electricity_basis": null
    },
    {
      "id": "egrid-2023:electricity.grid:US-NWPP:MWh",
      "dataset": "egrid",
      "dataset_version": "eGRID2023 (data year 2023), EPA Hub 2025 (last modified 2025-01-15)",
      "edition": "egrid-2023",
      "year": 2023,
      "region": "US-NWPP",
      "activity": "electricity.grid",
      "options": {},
      "unit": "MWh",
      "gas_basis": "mass",
      "gases": {
        "CO2": {
          "value": 631.705,
          "unit": "lb"
        },
        "CH4": {
          "value": 0.054,
          "unit": "lb"
        },
        "N2O": {
          "value": 0.008,
          "unit": "lb"
        }
      },
      "co2e": null,
      "gwp_basis": null,
      "source_ref": "EPA Hub Table 6: NWPP, total output emission rates",
      "scope": 2,
      "scope3_category": null,
      "outside_of_scopes": null,
      "label": "eGRID total output emission rate: WECC Northwest (lb/MWh)",
      "source_url": "https://www.epa.gov/climateleadership/ghg-emission-factors-hub ; underlying: https://www.epa.gov/system/files/documents/2025-01/egrid2023_summary_tables.xlsx",
      "licence": "US Government work - public domain (17 U.S.C. 105)",
      "citation": "U.S. EPA, Emission Factors for Greenhouse Gas Inventories (GHG Emission Factors Hub), last modified January 15, 2025, Table 6 Electricity; source EPA eGRID2023, January 2025, Summary Tables - Table 1 Subregion Output Emission Rates",
      "private": false,
      "electricity_basis": null
    }
  ],
  "total": 79,
  "limit": 2,
  "offset": 10,
  "facets": {
    "activity": [
      {
        "value": "electricity.grid",
        "count": 79
      }
    ],
    "region": [
      {
        "value": "US",
        "count": 1
      },
      {
        "value": "US-AK",
        "count": 1
      },
      {
        "value": "US-AKGD",
        "count": 1
      },
      {
        "value": "US-AKMS",
        "count": 1
      },
      {
        "value": "US-AL",
        "count": 1
      },
      {
        "value": "US-AR",
        "count": 1
      },
      {
        "value": "US-AZ",
        "count": 1
      },
      {
        "value": "US-AZNM",
        "count": 1
      },
      {
        "value": "US-CA",
        "count": 1
      },
      {
        "value": "US-CAMX",
        "count": 1
      },
      {
        "value": "US-CO",
        "count": 1
      },
      {
        "value": "US-CT",
        "count": 1
      },
      {
        "value": "US-DC",
        "count": 1
      },
      {
        "value": "US-DE",
        "count": 1
      },
      {
        "value": "US-ERCT",
        "count": 1
      },
      {
        "value": "US-FL",
        "count": 1
      },
      {
        "value": "US-FRCC",
        "count": 1
      },
      {
        "value": "US-GA",
        "count": 1
      },
      {
        "value": "US-HI",
        "count": 1
      },
      {
        "value": "US-HIMS",
        "count": 1
      },
      {
        "value": "US-HIOA",
        "count": 1
      },
      {
        "value": "US-IA",
        "count": 1
      },
      {
        "value": "US-ID",
        "count": 1
      },
      {
        "value": "US-IL",
        "count": 1
      },
      {
        "value": "US-IN",
        "count": 1
      },
      {
        "value": "US-KS",
        "count": 1
      },
      {
        "value": "US-KY",
        "count": 1
      },
      {
        "value": "US-LA",
        "count": 1
      },
      {
        "value": "US-MA",
        "count": 1
      },
      {
        "value": "US-MD",
        "count": 1
      },
      {
        "value": "US-ME",
        "count": 1
      },
      {
        "value": "US-MI",
        "count": 1
      },
      {
        "value": "US-MN",
        "count": 1
      },
      {
        "value": "US-MO",
        "count": 1
      },
      {
        "value": "US-MROE",
        "count": 1
      },
      {
        "value": "US-MROW",
        "count": 1
      },
      {
        "value": "US-MS",
        "count": 1
      },
      {
        "value": "US-MT",
        "count": 1
      },
      {
        "value": "US-NC",
        "count": 1
      },
      {
        "value": "US-ND",
        "count": 1
      },
      {
        "value": "US-NE",
        "count": 1
      },
      {
        "value": "US-NEWE",
        "count": 1
      },
      {
        "value": "US-NH",
        "count": 1
      },
      {
        "value": "US-NJ",
        "count": 1
      },
      {
        "value": "US-NM",
        "count": 1
      },
      {
        "value": "US-NV",
        "count": 1
      },
      {
        "value": "US-NWPP",
        "count": 1
      },
      {
        "value": "US-NY",
        "count": 1
      },
      {
        "value": "US-NYCW",
        "count": 1
      },
      {
        "value": "US-NYLI",
        "count": 1
      },
      {
        "value": "US-NYUP",
        "count": 1
      },
      {
        "value": "US-OH",
        "count": 1
      },
      {
        "value": "US-OK",
        "count": 1
      },
      {
        "value": "US-OR",
        "count": 1
      },
      {
        "value": "US-PA",
        "count": 1
      },
      {
        "value": "US-PRMS",
        "count": 1
      },
      {
        "value": "US-RFCE",
        "count": 1
      },
      {
        "value": "US-RFCM",
        "count": 1
      },
      {
        "value": "US-RFCW",
        "count": 1
      },
      {
        "value": "US-RI",
        "count": 1
      },
      {
        "value": "US-RMPA",
        "count": 1
      },
      {
        "value": "US-SC",
        "count": 1
      },
      {
        "value": "US-SD",
        "count": 1
      },
      {
        "value": "US-SPNO",
        "count": 1
      },
      {
        "value": "US-SPSO",
        "count": 1
      },
      {
        "value": "US-SRMV",
        "count": 1
      },
      {
        "value": "US-SRMW",
        "count": 1
      },
      {
        "value": "US-SRSO",
        "count": 1
      },
      {
        "value": "US-SRTV",
        "count": 1
      },
      {
        "value": "US-SRVC",
        "count": 1
      },
      {
        "value": "US-TN",
        "count": 1
      },
      {
        "value": "US-TX",
        "count": 1
      },
      {
        "value": "US-UT",
        "count": 1
      },
      {
        "value": "US-VA",
        "count": 1
      },
      {
        "value": "US-VT",
        "count": 1
      },
      {
        "value": "US-WA",
        "count": 1
      },
      {
        "value": "US-WI",
        "count": 1
      },
      {
        "value": "US-WV",
        "count": 1
      },
      {
        "value": "US-WY",
        "count": 1
      }
    ],
    "year": [
      {
        "value": "2023",
        "count": 79
      }
    ],
    "dataset": [
      {
        "value": "desnz",
        "count": 2587
      },
      {
        "value": "egrid",
        "count": 79
      },
      {
        "value": "nga",
        "count": 10
      },
      {
        "value": "owid",
        "count": 313
      }
    ],
    "edition": [
      {
        "value": "egrid-2023",
        "count": 79
      }
    ],
    "scope": [
      {
        "value": "2",
        "count": 79
      }
    ],
    "scope3_category": [],
    "unit_type": [
      {
        "value": "energy",
        "count": 79
      }
    ]
  }
};

/** GET /api/v1/carbon/factors?text=zzzz */
export const searchNone: SearchPage = {
  "items": [],
  "total": 0,
  "limit": 50,
  "offset": 0,
  "facets": {
    "activity": [],
    "region": [],
    "year": [],
    "dataset": [],
    "edition": [],
    "scope": [],
    "scope3_category": [],
    "unit_type": []
  }
};

/** GET /api/v1/carbon/factors?region=GB&year=2024&scope=3&category=6&limit=2 */
export const searchBusinessTravel: SearchPage = {
  "items": [
    {
      "id": "desnz-2024:travel.flight:GB:average:domestic:true:passenger_km",
      "dataset": "desnz",
      "dataset_version": "2024 v1.1",
      "edition": "desnz-2024",
      "year": 2024,
      "region": "GB",
      "activity": "travel.flight",
      "options": {
        "haul": "domestic",
        "cabin_class": "average",
        "radiative_forcing": "true"
      },
      "unit": "passenger_km",
      "gas_basis": "co2e",
      "gases": {
        "CO2": {
          "value": 0.27101,
          "unit": "kg"
        },
        "CH4": {
          "value": 0.00022,
          "unit": "kg"
        },
        "N2O": {
          "value": 0.00134,
          "unit": "kg"
        }
      },
      "co2e": {
        "value": 0.27257,
        "unit": "kg"
      },
      "gwp_basis": "AR5",
      "source_ref": "21_316_3160_11_1",
      "scope": 3,
      "scope3_category": 6,
      "outside_of_scopes": null,
      "label": "Business travel- air / Flights / Domestic, to/from UK / Average passenger / With RF (per passenger.km)",
      "source_url": "https://www.gov.uk/government/publications/greenhouse-gas-reporting-conversion-factors-2024",
      "licence": "OGL-3.0 (attribution required)",
      "citation": "DESNZ and Defra, UK Government GHG Conversion Factors for Company Reporting 2024 (flat file v1.1); contains public sector information licensed under OGL v3.0",
      "private": false,
      "electricity_basis": null
    },
    {
      "id": "desnz-2024:travel.flight:GB:average:domestic:false:passenger_km",
      "dataset": "desnz",
      "dataset_version": "2024 v1.1",
      "edition": "desnz-2024",
      "year": 2024,
      "region": "GB",
      "activity": "travel.flight",
      "options": {
        "haul": "domestic",
        "cabin_class": "average",
        "radiative_forcing": "false"
      },
      "unit": "passenger_km",
      "gas_basis": "co2e",
      "gases": {
        "CO2": {
          "value": 0.15942,
          "unit": "kg"
        },
        "CH4": {
          "value": 0.00022,
          "unit": "kg"
        },
        "N2O": {
          "value": 0.00134,
          "unit": "kg"
        }
      },
      "co2e": {
        "value": 0.16098,
        "unit": "kg"
      },
      "gwp_basis": "AR5",
      "source_ref": "21_316_3161_11_1",
      "scope": 3,
      "scope3_category": 6,
      "outside_of_scopes": null,
      "label": "Business travel- air / Flights / Domestic, to/from UK / Average passenger / Without RF (per passenger.km)",
      "source_url": "https://www.gov.uk/government/publications/greenhouse-gas-reporting-conversion-factors-2024",
      "licence": "OGL-3.0 (attribution required)",
      "citation": "DESNZ and Defra, UK Government GHG Conversion Factors for Company Reporting 2024 (flat file v1.1); contains public sector information licensed under OGL v3.0",
      "private": false,
      "electricity_basis": null
    }
  ],
  "total": 238,
  "limit": 2,
  "offset": 0,
  "facets": {
    "activity": [
      {
        "value": "desnz.business_travel_land",
        "count": 126
      },
      {
        "value": "travel.bus",
        "count": 4
      },
      {
        "value": "travel.ferry",
        "count": 3
      },
      {
        "value": "travel.flight",
        "count": 28
      },
      {
        "value": "travel.hotel",
        "count": 39
      },
      {
        "value": "travel.rail",
        "count": 4
      },
      {
        "value": "travel.taxi",
        "count": 4
      },
      {
        "value": "vehicle.car",
        "count": 30
      }
    ],
    "region": [
      {
        "value": "GB",
        "count": 238
      }
    ],
    "year": [
      {
        "value": "2019",
        "count": 243
      },
      {
        "value": "2020",
        "count": 246
      },
      {
        "value": "2021",
        "count": 250
      },
      {
        "value": "2022",
        "count": 238
      },
      {
        "value": "2023",
        "count": 238
      },
      {
        "value": "2024",
        "count": 238
      },
      {
        "value": "2025",
        "count": 238
      }
    ],
    "dataset": [
      {
        "value": "desnz",
        "count": 238
      }
    ],
    "edition": [
      {
        "value": "desnz-2024",
        "count": 238
      }
    ],
    "scope": [
      {
        "value": "3",
        "count": 238
      }
    ],
    "scope3_category": [
      {
        "value": "1",
        "count": 72
      },
      {
        "value": "3",
        "count": 726
      },
      {
        "value": "4",
        "count": 289
      },
      {
        "value": "5",
        "count": 136
      },
      {
        "value": "6",
        "count": 238
      },
      {
        "value": "7",
        "count": 3
      },
      {
        "value": "8",
        "count": 238
      }
    ],
    "unit_type": [
      {
        "value": "distance",
        "count": 158
      },
      {
        "value": "passenger_distance",
        "count": 41
      },
      {
        "value": "room_nights",
        "count": 39
      }
    ]
  }
};

/** GET /api/v1/carbon/factors/desnz-2024:fuel.natural_gas:GB:gross:kWh */
export const desnzGas: Factor = {
  "id": "desnz-2024:fuel.natural_gas:GB:gross:kWh",
  "dataset": "desnz",
  "dataset_version": "2024 v1.1",
  "edition": "desnz-2024",
  "year": 2024,
  "region": "GB",
  "activity": "fuel.natural_gas",
  "options": {
    "calorific_basis": "gross"
  },
  "unit": "kWh",
  "gas_basis": "co2e",
  "gases": {
    "CO2": {
      "value": 0.18253,
      "unit": "kg"
    },
    "CH4": {
      "value": 0.00028,
      "unit": "kg"
    },
    "N2O": {
      "value": 9e-05,
      "unit": "kg"
    }
  },
  "co2e": {
    "value": 0.1829,
    "unit": "kg"
  },
  "gwp_basis": "AR5",
  "source_ref": "1_100_1004_6_1",
  "scope": 1,
  "scope3_category": null,
  "outside_of_scopes": null,
  "label": "Fuels / Gaseous fuels / Natural gas (per kWh (Gross CV))",
  "source_url": "https://www.gov.uk/government/publications/greenhouse-gas-reporting-conversion-factors-2024",
  "licence": "OGL-3.0 (attribution required)",
  "citation": "DESNZ and Defra, UK Government GHG Conversion Factors for Company Reporting 2024 (flat file v1.1); contains public sector information licensed under OGL v3.0",
  "private": false,
  "electricity_basis": null
};

/** GET /api/v1/carbon/factors/desnz-2024:fuel.diesel:GB:average:L */
export const desnzDiesel: Factor = {
  "id": "desnz-2024:fuel.diesel:GB:average:L",
  "dataset": "desnz",
  "dataset_version": "2024 v1.1",
  "edition": "desnz-2024",
  "year": 2024,
  "region": "GB",
  "activity": "fuel.diesel",
  "options": {
    "biofuel_blend": "average"
  },
  "unit": "L",
  "gas_basis": "co2e",
  "gases": {
    "CO2": {
      "value": 2.4796,
      "unit": "kg"
    },
    "CH4": {
      "value": 0.00029,
      "unit": "kg"
    },
    "N2O": {
      "value": 0.0329,
      "unit": "kg"
    }
  },
  "co2e": {
    "value": 2.51279,
    "unit": "kg"
  },
  "gwp_basis": "AR5",
  "source_ref": "1_101_1011_8_1",
  "scope": 1,
  "scope3_category": null,
  "outside_of_scopes": {
    "value": 0.16,
    "unit": "kg"
  },
  "label": "Fuels / Liquid fuels / Diesel (average biofuel blend) (per litres)",
  "source_url": "https://www.gov.uk/government/publications/greenhouse-gas-reporting-conversion-factors-2024",
  "licence": "OGL-3.0 (attribution required)",
  "citation": "DESNZ and Defra, UK Government GHG Conversion Factors for Company Reporting 2024 (flat file v1.1); contains public sector information licensed under OGL v3.0",
  "private": false,
  "electricity_basis": null
};

/** GET /api/v1/carbon/factors/desnz-2024:travel.flight:GB:average:domestic:true:passenger_km */
export const desnzFlight: Factor = {
  "id": "desnz-2024:travel.flight:GB:average:domestic:true:passenger_km",
  "dataset": "desnz",
  "dataset_version": "2024 v1.1",
  "edition": "desnz-2024",
  "year": 2024,
  "region": "GB",
  "activity": "travel.flight",
  "options": {
    "haul": "domestic",
    "cabin_class": "average",
    "radiative_forcing": "true"
  },
  "unit": "passenger_km",
  "gas_basis": "co2e",
  "gases": {
    "CO2": {
      "value": 0.27101,
      "unit": "kg"
    },
    "CH4": {
      "value": 0.00022,
      "unit": "kg"
    },
    "N2O": {
      "value": 0.00134,
      "unit": "kg"
    }
  },
  "co2e": {
    "value": 0.27257,
    "unit": "kg"
  },
  "gwp_basis": "AR5",
  "source_ref": "21_316_3160_11_1",
  "scope": 3,
  "scope3_category": 6,
  "outside_of_scopes": null,
  "label": "Business travel- air / Flights / Domestic, to/from UK / Average passenger / With RF (per passenger.km)",
  "source_url": "https://www.gov.uk/government/publications/greenhouse-gas-reporting-conversion-factors-2024",
  "licence": "OGL-3.0 (attribution required)",
  "citation": "DESNZ and Defra, UK Government GHG Conversion Factors for Company Reporting 2024 (flat file v1.1); contains public sector information licensed under OGL v3.0",
  "private": false,
  "electricity_basis": null
};

/** GET /api/v1/carbon/factors/egrid-2023:electricity.grid:US-ERCT:MWh */
export const egridErcot: Factor = {
  "id": "egrid-2023:electricity.grid:US-ERCT:MWh",
  "dataset": "egrid",
  "dataset_version": "eGRID2023 (data year 2023), EPA Hub 2025 (last modified 2025-01-15)",
  "edition": "egrid-2023",
  "year": 2023,
  "region": "US-ERCT",
  "activity": "electricity.grid",
  "options": {},
  "unit": "MWh",
  "gas_basis": "mass",
  "gases": {
    "CO2": {
      "value": 738.038,
      "unit": "lb"
    },
    "CH4": {
      "value": 0.043,
      "unit": "lb"
    },
    "N2O": {
      "value": 0.006,
      "unit": "lb"
    }
  },
  "co2e": null,
  "gwp_basis": null,
  "source_ref": "EPA Hub Table 6: ERCT, total output emission rates",
  "scope": 2,
  "scope3_category": null,
  "outside_of_scopes": null,
  "label": "eGRID total output emission rate: ERCOT All (lb/MWh)",
  "source_url": "https://www.epa.gov/climateleadership/ghg-emission-factors-hub ; underlying: https://www.epa.gov/system/files/documents/2025-01/egrid2023_summary_tables.xlsx",
  "licence": "US Government work - public domain (17 U.S.C. 105)",
  "citation": "U.S. EPA, Emission Factors for Greenhouse Gas Inventories (GHG Emission Factors Hub), last modified January 15, 2025, Table 6 Electricity; source EPA eGRID2023, January 2025, Summary Tables - Table 1 Subregion Output Emission Rates",
  "private": false,
  "electricity_basis": null
};

/** GET /api/v1/carbon/factors/owid-2022:electricity.grid:AW:kWh */
export const owidAruba: Factor = {
  "id": "owid-2022:electricity.grid:AW:kWh",
  "dataset": "owid",
  "dataset_version": "carbon_intensity_elec (CodeCarbon 3.3.2 extract)",
  "edition": "owid-2024",
  "year": 2022,
  "region": "AW",
  "activity": "electricity.grid",
  "options": {},
  "unit": "kWh",
  "gas_basis": null,
  "gases": {},
  "co2e": {
    "value": 561.224,
    "unit": "g"
  },
  "gwp_basis": null,
  "source_ref": "carbon_intensity_elec: ABW 2022",
  "scope": 2,
  "scope3_category": null,
  "outside_of_scopes": null,
  "label": "OWID carbon intensity of electricity: Aruba (generation (lifecycle, Ember methodology), location-based annual average)",
  "source_url": "https://github.com/owid/energy-data ; https://ourworldindata.org/grapher/carbon-intensity-electricity",
  "licence": "OWID: CC BY 4.0; underlying Ember data CC BY 4.0; Energy Institute data subject to EI terms (attribution). codecarbon packaging: MIT",
  "citation": "Hannah Ritchie, Pablo Rosado and Max Roser - 'Energy', Our World in Data; data adapted from Ember and Energy Institute (carbon_intensity_elec, 2022); via CodeCarbon 3.3.2 global_energy_mix.json",
  "private": false,
  "electricity_basis": null
};

/** GET /api/v1/carbon/factors/direct-mass:gas.release:*:CO2:kg */
export const directCo2: Factor = {
  "id": "direct-mass:gas.release:*:CO2:kg",
  "dataset": "direct-mass",
  "dataset_version": "n/a",
  "edition": "direct-mass",
  "year": null,
  "region": "*",
  "activity": "gas.release",
  "options": {
    "gas": "CO2"
  },
  "unit": "kg",
  "gas_basis": "mass",
  "gases": {
    "CO2": {
      "value": 1.0,
      "unit": "kg"
    }
  },
  "co2e": null,
  "gwp_basis": null,
  "source_ref": "GWP of CO2",
  "scope": 1,
  "scope3_category": null,
  "outside_of_scopes": null,
  "label": "CO2: mass released, CO2e by GWP (AR4, AR5, AR6)",
  "source_url": "https://github.com/openclimatedata/globalwarmingpotentials",
  "licence": "CC0-1.0",
  "citation": "Gieseke, R., globalwarmingpotentials v0.13.2 (CC0), metrics AR4GWP100, AR5GWP100, AR6GWP100",
  "private": false,
  "electricity_basis": null
};

/** GET /api/v1/carbon/factors/private-759c9551076da264-2024:fuel.natural_gas:GB:gross:kWh (the demo organisation's, signed in) */
export const privateGas: Factor = {
  "id": "private-759c9551076da264-2024:fuel.natural_gas:GB:gross:kWh",
  "dataset": "acme-gas",
  "dataset_version": "",
  "edition": null,
  "year": 2024,
  "region": "GB",
  "activity": "fuel.natural_gas",
  "options": {
    "calorific_basis": "gross"
  },
  "unit": "kWh",
  "gas_basis": null,
  "gases": {},
  "co2e": {
    "value": 0.15,
    "unit": "kg"
  },
  "gwp_basis": "AR5",
  "source_ref": null,
  "scope": null,
  "scope3_category": null,
  "outside_of_scopes": null,
  "label": "Acme biomethane blend",
  "source_url": "https://example.com/acme-2024.pdf",
  "licence": "proprietary",
  "citation": "Acme Gas supplier statement 2024, biomethane blend",
  "private": true,
  "electricity_basis": null
};

/** GET /api/v1/carbon/activities */
export const catalogue: ActivityInfo[] = [
  {
    "id": "fuel.natural_gas",
    "description": "Stationary combustion of natural gas",
    "scope": 1,
    "scope3_category": null,
    "accepted_units": [
      "kWh",
      "Wh",
      "MWh",
      "GWh",
      "MJ",
      "GJ",
      "TJ",
      "therm",
      "therms",
      "MMBtu",
      "mmBtu",
      "L",
      "l",
      "litre",
      "litres",
      "liter",
      "liters",
      "m3",
      "m^3",
      "gallon",
      "gallons",
      "US_gallon",
      "imperial_gallon",
      "UK_gallon",
      "scf",
      "ft3",
      "ML",
      "million_litres",
      "g",
      "kg",
      "t",
      "tonne",
      "tonnes",
      "short_ton",
      "lb"
    ],
    "options": [
      {
        "name": "calorific_basis",
        "description": "gross (HHV) or net (LHV) calorific value of energy quantities",
        "default": "gross",
        "values": [
          "gross",
          "net"
        ]
      },
      {
        "name": "category",
        "description": "own (the organisation's own combustion, scope 1; the default); 10 processing of sold products, 11 use of sold products (fuel sold and burnt by its users) or 14 franchises: the fuel is burnt by others, scope 3",
        "default": "own",
        "values": [
          "10",
          "11",
          "14",
          "own"
        ]
      }
    ]
  },
  {
    "id": "fuel.diesel",
    "description": "Stationary combustion of diesel (gas oil No. 2 in the US data)",
    "scope": 1,
    "scope3_category": null,
    "accepted_units": [
      "kWh",
      "Wh",
      "MWh",
      "GWh",
      "MJ",
      "GJ",
      "TJ",
      "therm",
      "therms",
      "MMBtu",
      "mmBtu",
      "L",
      "l",
      "litre",
      "litres",
      "liter",
      "liters",
      "m3",
      "m^3",
      "gallon",
      "gallons",
      "US_gallon",
      "imperial_gallon",
      "UK_gallon",
      "scf",
      "ft3",
      "ML",
      "million_litres",
      "g",
      "kg",
      "t",
      "tonne",
      "tonnes",
      "short_ton",
      "lb"
    ],
    "options": [
      {
        "name": "calorific_basis",
        "description": "gross (HHV) or net (LHV) calorific value of energy quantities",
        "default": "gross",
        "values": [
          "gross",
          "net"
        ]
      },
      {
        "name": "biofuel_blend",
        "description": "average (UK forecourt biofuel blend) or none (100% mineral)",
        "default": "average",
        "values": [
          "average",
          "none"
        ]
      },
      {
        "name": "category",
        "description": "own (the organisation's own combustion, scope 1; the default); 10 processing of sold products, 11 use of sold products (fuel sold and burnt by its users) or 14 franchises: the fuel is burnt by others, scope 3",
        "default": "own",
        "values": [
          "10",
          "11",
          "14",
          "own"
        ]
      }
    ]
  },
  {
    "id": "fuel.petrol",
    "description": "Stationary combustion of petrol / motor gasoline",
    "scope": 1,
    "scope3_category": null,
    "accepted_units": [
      "kWh",
      "Wh",
      "MWh",
      "GWh",
      "MJ",
      "GJ",
      "TJ",
      "therm",
      "therms",
      "MMBtu",
      "mmBtu",
      "L",
      "l",
      "litre",
      "litres",
      "liter",
      "liters",
      "m3",
      "m^3",
      "gallon",
      "gallons",
      "US_gallon",
      "imperial_gallon",
      "UK_gallon",
      "scf",
      "ft3",
      "ML",
      "million_litres",
      "g",
      "kg",
      "t",
      "tonne",
      "tonnes",
      "short_ton",
      "lb"
    ],
    "options": [
      {
        "name": "calorific_basis",
        "description": "gross (HHV) or net (LHV) calorific value of energy quantities",
        "default": "gross",
        "values": [
          "gross",
          "net"
        ]
      },
      {
        "name": "biofuel_blend",
        "description": "average (UK forecourt biofuel blend) or none (100% mineral)",
        "default": "average",
        "values": [
          "average",
          "none"
        ]
      },
      {
        "name": "category",
        "description": "own (the organisation's own combustion, scope 1; the default); 10 processing of sold products, 11 use of sold products (fuel sold and burnt by its users) or 14 franchises: the fuel is burnt by others, scope 3",
        "default": "own",
        "values": [
          "10",
          "11",
          "14",
          "own"
        ]
      }
    ]
  },
  {
    "id": "fuel.propane",
    "description": "Stationary combustion of propane",
    "scope": 1,
    "scope3_category": null,
    "accepted_units": [
      "kWh",
      "Wh",
      "MWh",
      "GWh",
      "MJ",
      "GJ",
      "TJ",
      "therm",
      "therms",
      "MMBtu",
      "mmBtu",
      "L",
      "l",
      "litre",
      "litres",
      "liter",
      "liters",
      "m3",
      "m^3",
      "gallon",
      "gallons",
      "US_gallon",
      "imperial_gallon",
      "UK_gallon",
      "scf",
      "ft3",
      "ML",
      "million_litres",
      "g",
      "kg",
      "t",
      "tonne",
      "tonnes",
      "short_ton",
      "lb"
    ],
    "options": [
      {
        "name": "calorific_basis",
        "description": "gross (HHV) or net (LHV) calorific value of energy quantities",
        "default": "gross",
        "values": [
          "gross",
          "net"
        ]
      },
      {
        "name": "category",
        "description": "own (the organisation's own combustion, scope 1; the default); 10 processing of sold products, 11 use of sold products (fuel sold and burnt by its users) or 14 franchises: the fuel is burnt by others, scope 3",
        "default": "own",
        "values": [
          "10",
          "11",
          "14",
          "own"
        ]
      }
    ]
  },
  {
    "id": "fuel.lpg",
    "description": "Stationary combustion of LPG",
    "scope": 1,
    "scope3_category": null,
    "accepted_units": [
      "kWh",
      "Wh",
      "MWh",
      "GWh",
      "MJ",
      "GJ",
      "TJ",
      "therm",
      "therms",
      "MMBtu",
      "mmBtu",
      "L",
      "l",
      "litre",
      "litres",
      "liter",
      "liters",
      "m3",
      "m^3",
      "gallon",
      "gallons",
      "US_gallon",
      "imperial_gallon",
      "UK_gallon",
      "scf",
      "ft3",
      "ML",
      "million_litres",
      "g",
      "kg",
      "t",
      "tonne",
      "tonnes",
      "short_ton",
      "lb"
    ],
    "options": [
      {
        "name": "calorific_basis",
        "description": "gross (HHV) or net (LHV) calorific value of energy quantities",
        "default": "gross",
        "values": [
          "gross",
          "net"
        ]
      },
      {
        "name": "category",
        "description": "own (the organisation's own combustion, scope 1; the default); 10 processing of sold products, 11 use of sold products (fuel sold and burnt by its users) or 14 franchises: the fuel is burnt by others, scope 3",
        "default": "own",
        "values": [
          "10",
          "11",
          "14",
          "own"
        ]
      }
    ]
  },
  {
    "id": "fuel.fuel_oil",
    "description": "Stationary combustion of fuel oil (residual fuel oil No. 6 in the US data)",
    "scope": 1,
    "scope3_category": null,
    "accepted_units": [
      "kWh",
      "Wh",
      "MWh",
      "GWh",
      "MJ",
      "GJ",
      "TJ",
      "therm",
      "therms",
      "MMBtu",
      "mmBtu",
      "L",
      "l",
      "litre",
      "litres",
      "liter",
      "liters",
      "m3",
      "m^3",
      "gallon",
      "gallons",
      "US_gallon",
      "imperial_gallon",
      "UK_gallon",
      "scf",
      "ft3",
      "ML",
      "million_litres",
      "g",
      "kg",
      "t",
      "tonne",
      "tonnes",
      "short_ton",
      "lb"
    ],
    "options": [
      {
        "name": "calorific_basis",
        "description": "gross (HHV) or net (LHV) calorific value of energy quantities",
        "default": "gross",
        "values": [
          "gross",
          "net"
        ]
      },
      {
        "name": "category",
        "description": "own (the organisation's own combustion, scope 1; the default); 10 processing of sold products, 11 use of sold products (fuel sold and burnt by its users) or 14 franchises: the fuel is burnt by others, scope 3",
        "default": "own",
        "values": [
          "10",
          "11",
          "14",
          "own"
        ]
      }
    ]
  },
  {
    "id": "fuel.coal",
    "description": "Stationary combustion of coal",
    "scope": 1,
    "scope3_category": null,
    "accepted_units": [
      "kWh",
      "Wh",
      "MWh",
      "GWh",
      "MJ",
      "GJ",
      "TJ",
      "therm",
      "therms",
      "MMBtu",
      "mmBtu",
      "g",
      "kg",
      "t",
      "tonne",
      "tonnes",
      "short_ton",
      "lb"
    ],
    "options": [
      {
        "name": "calorific_basis",
        "description": "gross (HHV) or net (LHV) calorific value of energy quantities",
        "default": "gross",
        "values": [
          "gross",
          "net"
        ]
      },
      {
        "name": "fuel_type",
        "description": "kind of coal",
        "default": "industrial",
        "values": [
          "anthracite",
          "bituminous",
          "coke",
          "coking",
          "commercial",
          "domestic",
          "electricity_generation",
          "industrial",
          "lignite",
          "sub_bituminous"
        ]
      },
      {
        "name": "category",
        "description": "own (the organisation's own combustion, scope 1; the default); 10 processing of sold products, 11 use of sold products (fuel sold and burnt by its users) or 14 franchises: the fuel is burnt by others, scope 3",
        "default": "own",
        "values": [
          "10",
          "11",
          "14",
          "own"
        ]
      }
    ]
  },
  {
    "id": "fuel.well_to_tank",
    "description": "Well-to-tank (upstream) emissions of a fuel the organisation burns: extracting, refining and transporting it; the quantity is the fuel burnt",
    "scope": 3,
    "scope3_category": {
      "number": 3,
      "name": "Fuel- and energy-related activities (not included in scope 1 or scope 2)"
    },
    "accepted_units": [
      "kWh",
      "Wh",
      "MWh",
      "GWh",
      "MJ",
      "GJ",
      "TJ",
      "therm",
      "therms",
      "MMBtu",
      "mmBtu",
      "L",
      "l",
      "litre",
      "litres",
      "liter",
      "liters",
      "m3",
      "m^3",
      "gallon",
      "gallons",
      "US_gallon",
      "imperial_gallon",
      "UK_gallon",
      "scf",
      "ft3",
      "ML",
      "million_litres",
      "g",
      "kg",
      "t",
      "tonne",
      "tonnes",
      "short_ton",
      "lb"
    ],
    "options": [
      {
        "name": "fuel",
        "description": "natural_gas, diesel, petrol, propane, lpg, fuel_oil, coal (as fuel.*), or another fuel as DESNZ names it, slugged (butane, cng, lng, burning_oil, ...)",
        "default": null,
        "values": [
          "aviation_spirit",
          "aviation_turbine_fuel",
          "burning_oil",
          "butane",
          "cng",
          "coal",
          "coal_electricity_generation_home_produced_coal_only",
          "coking_coal",
          "diesel",
          "fuel_oil",
          "gas_oil",
          "lng",
          "lpg",
          "lubricants",
          "marine_fuel_oil",
          "marine_gas_oil",
          "naphtha",
          "natural_gas",
          "natural_gas_100_mineral_blend",
          "other_petroleum_gas",
          "petrol",
          "petroleum_coke",
          "processed_fuel_oils_distillate_oil",
          "processed_fuel_oils_residual_oil",
          "propane",
          "refinery_miscellaneous",
          "waste_oils"
        ]
      },
      {
        "name": "calorific_basis",
        "description": "gross (HHV) or net (LHV) calorific value of energy quantities",
        "default": "gross",
        "values": [
          "gross",
          "net"
        ]
      },
      {
        "name": "biofuel_blend",
        "description": "average (UK forecourt biofuel blend) or none (100% mineral)",
        "default": "average",
        "values": [
          "average",
          "none"
        ]
      },
      {
        "name": "fuel_type",
        "description": "kind of coal (fuel=coal)",
        "default": "industrial",
        "values": [
          "coking",
          "domestic",
          "electricity_generation",
          "industrial"
        ]
      }
    ]
  },
  {
    "id": "electricity.grid",
    "description": "Electricity taken from the grid (scope 2, dual reporting)",
    "scope": 2,
    "scope3_category": null,
    "accepted_units": [
      "kWh",
      "Wh",
      "MWh",
      "GWh",
      "MJ",
      "GJ",
      "TJ",
      "therm",
      "therms",
      "MMBtu",
      "mmBtu"
    ],
    "options": [
      {
        "name": "contract_factor_kg_per_kwh",
        "description": "market-based: the organisation's contractual kg CO2e/kWh",
        "default": null,
        "values": null
      }
    ]
  },
  {
    "id": "electricity.td_losses",
    "description": "Transmission and distribution losses of grid electricity",
    "scope": 3,
    "scope3_category": {
      "number": 3,
      "name": "Fuel- and energy-related activities (not included in scope 1 or scope 2)"
    },
    "accepted_units": [
      "kWh",
      "Wh",
      "MWh",
      "GWh",
      "MJ",
      "GJ",
      "TJ",
      "therm",
      "therms",
      "MMBtu",
      "mmBtu"
    ],
    "options": []
  },
  {
    "id": "electricity.well_to_tank",
    "description": "Well-to-tank (upstream) emissions of UK grid electricity: extracting, refining and transporting the fuels generating it; the quantity is the electricity used",
    "scope": 3,
    "scope3_category": {
      "number": 3,
      "name": "Fuel- and energy-related activities (not included in scope 1 or scope 2)"
    },
    "accepted_units": [
      "kWh",
      "Wh",
      "MWh",
      "GWh",
      "MJ",
      "GJ",
      "TJ",
      "therm",
      "therms",
      "MMBtu",
      "mmBtu"
    ],
    "options": [
      {
        "name": "stage",
        "description": "generation (of the electricity used) or td_losses (of the electricity lost in transmission and distribution); the whole upstream is both",
        "default": "generation",
        "values": [
          "generation",
          "td_losses"
        ]
      }
    ]
  },
  {
    "id": "heat.steam",
    "description": "Purchased heat and steam",
    "scope": 2,
    "scope3_category": null,
    "accepted_units": [
      "kWh",
      "Wh",
      "MWh",
      "GWh",
      "MJ",
      "GJ",
      "TJ",
      "therm",
      "therms",
      "MMBtu",
      "mmBtu"
    ],
    "options": [
      {
        "name": "supply",
        "description": "district or onsite (UK data)",
        "default": "district",
        "values": [
          "district",
          "onsite"
        ]
      }
    ]
  },
  {
    "id": "vehicle.car",
    "description": "Car travel; the quantity is the distance the vehicle travelled, whoever was in it",
    "scope": 1,
    "scope3_category": null,
    "accepted_units": [
      "m",
      "km",
      "vehicle_km",
      "mile",
      "miles",
      "vehicle_mile"
    ],
    "options": [
      {
        "name": "size",
        "description": "small, medium, large, average (US: average, light_truck)",
        "default": "average",
        "values": [
          "average",
          "large",
          "light_truck",
          "medium",
          "small"
        ]
      },
      {
        "name": "fuel",
        "description": "fuel or powertrain (UK data)",
        "default": "unknown",
        "values": [
          "battery_electric",
          "cng",
          "diesel",
          "hybrid",
          "lpg",
          "petrol",
          "plug_in_hybrid",
          "unknown"
        ]
      },
      {
        "name": "purpose",
        "description": "company_vehicle (scope 1), business_travel (3.6) or commuting (3.7)",
        "default": "company_vehicle",
        "values": [
          "business_travel",
          "commuting",
          "company_vehicle"
        ]
      }
    ]
  },
  {
    "id": "travel.flight",
    "description": "Air travel; the quantity is the distance each passenger flew",
    "scope": 3,
    "scope3_category": {
      "number": 6,
      "name": "Business travel"
    },
    "accepted_units": [
      "m",
      "km",
      "vehicle_km",
      "mile",
      "miles",
      "vehicle_mile",
      "passenger_km",
      "pkm",
      "passenger_mile"
    ],
    "options": [
      {
        "name": "haul",
        "description": "UK: domestic, short, long, international; US: short, medium, long (the two datasets define the bands differently)",
        "default": null,
        "values": [
          "domestic",
          "international",
          "long",
          "medium",
          "short"
        ]
      },
      {
        "name": "cabin_class",
        "description": "average, economy, premium_economy, business, first",
        "default": "average",
        "values": [
          "average",
          "business",
          "economy",
          "first",
          "premium_economy"
        ]
      },
      {
        "name": "radiative_forcing",
        "description": "include the non-CO2 uplift (UK data only)",
        "default": false,
        "values": [
          "true",
          "false"
        ]
      },
      {
        "name": "passengers",
        "description": "travellers who each covered the distance",
        "default": 1,
        "values": null
      },
      {
        "name": "purpose",
        "description": "business_travel (scope 3 category 6) or commuting (category 7)",
        "default": "business_travel",
        "values": [
          "business_travel",
          "commuting"
        ]
      }
    ]
  },
  {
    "id": "travel.rail",
    "description": "Rail travel; the quantity is the distance each passenger travelled",
    "scope": 3,
    "scope3_category": {
      "number": 6,
      "name": "Business travel"
    },
    "accepted_units": [
      "m",
      "km",
      "vehicle_km",
      "mile",
      "miles",
      "vehicle_mile",
      "passenger_km",
      "pkm",
      "passenger_mile"
    ],
    "options": [
      {
        "name": "type",
        "description": "kind of rail service",
        "default": "national_rail",
        "values": [
          "commuter_rail",
          "intercity_northeast_corridor",
          "intercity_other_routes",
          "international_rail",
          "light_rail_tram",
          "london_underground",
          "national_rail",
          "transit_rail"
        ]
      },
      {
        "name": "passengers",
        "description": "travellers who each covered the distance",
        "default": 1,
        "values": null
      },
      {
        "name": "purpose",
        "description": "business_travel (scope 3 category 6) or commuting (category 7)",
        "default": "business_travel",
        "values": [
          "business_travel",
          "commuting"
        ]
      }
    ]
  },
  {
    "id": "travel.bus",
    "description": "Bus travel; the quantity is the distance each passenger travelled",
    "scope": 3,
    "scope3_category": {
      "number": 6,
      "name": "Business travel"
    },
    "accepted_units": [
      "m",
      "km",
      "vehicle_km",
      "mile",
      "miles",
      "vehicle_mile",
      "passenger_km",
      "pkm",
      "passenger_mile"
    ],
    "options": [
      {
        "name": "type",
        "description": "kind of bus service",
        "default": "local_average",
        "values": [
          "average",
          "coach",
          "local_average",
          "local_london",
          "local_not_london"
        ]
      },
      {
        "name": "passengers",
        "description": "travellers who each covered the distance",
        "default": 1,
        "values": null
      },
      {
        "name": "purpose",
        "description": "business_travel (scope 3 category 6) or commuting (category 7)",
        "default": "business_travel",
        "values": [
          "business_travel",
          "commuting"
        ]
      }
    ]
  },
  {
    "id": "travel.taxi",
    "description": "Taxi travel; the quantity is the distance the taxi travelled (km, mile), or the distance each passenger travelled (passenger_km)",
    "scope": 3,
    "scope3_category": {
      "number": 6,
      "name": "Business travel"
    },
    "accepted_units": [
      "m",
      "km",
      "vehicle_km",
      "mile",
      "miles",
      "vehicle_mile",
      "passenger_km",
      "pkm",
      "passenger_mile"
    ],
    "options": [
      {
        "name": "type",
        "description": "regular_taxi or black_cab",
        "default": "regular_taxi",
        "values": [
          "black_cab",
          "regular_taxi"
        ]
      },
      {
        "name": "purpose",
        "description": "business_travel (scope 3 category 6) or commuting (category 7)",
        "default": "business_travel",
        "values": [
          "business_travel",
          "commuting"
        ]
      }
    ]
  },
  {
    "id": "travel.ferry",
    "description": "Ferry travel; the quantity is the distance each passenger travelled",
    "scope": 3,
    "scope3_category": {
      "number": 6,
      "name": "Business travel"
    },
    "accepted_units": [
      "m",
      "km",
      "vehicle_km",
      "mile",
      "miles",
      "vehicle_mile",
      "passenger_km",
      "pkm",
      "passenger_mile"
    ],
    "options": [
      {
        "name": "type",
        "description": "foot_passenger, car_passenger or average (all passengers)",
        "default": "average",
        "values": [
          "average",
          "car_passenger",
          "foot_passenger"
        ]
      },
      {
        "name": "passengers",
        "description": "travellers who each covered the distance",
        "default": 1,
        "values": null
      },
      {
        "name": "purpose",
        "description": "business_travel (scope 3 category 6) or commuting (category 7)",
        "default": "business_travel",
        "values": [
          "business_travel",
          "commuting"
        ]
      }
    ]
  },
  {
    "id": "travel.hotel",
    "description": "Hotel stays; the quantity is room-nights, in the country the country option names",
    "scope": 3,
    "scope3_category": {
      "number": 6,
      "name": "Business travel"
    },
    "accepted_units": [
      "room_night",
      "room_nights"
    ],
    "options": [
      {
        "name": "country",
        "description": "country of the hotel as DESNZ names it, slugged (uk, uk_london, france, united_states, ...)",
        "default": null,
        "values": [
          "argentina",
          "australia",
          "austria",
          "belgium",
          "brazil",
          "canada",
          "caribbean_region",
          "chile",
          "china",
          "china_hong_kong",
          "colombia",
          "costa_rica",
          "czech_republic",
          "egypt",
          "fiji",
          "finland",
          "france",
          "french_polynesia",
          "germany",
          "greece",
          "hong_kong_china",
          "india",
          "indonesia",
          "ireland",
          "israel",
          "italy",
          "japan",
          "jordan",
          "korea",
          "macau_china",
          "malaysia",
          "maldives",
          "mexico",
          "netherlands",
          "new_zealand",
          "oman",
          "panama",
          "peru",
          "philippines",
          "poland",
          "portugal",
          "qatar",
          "romania",
          "russian_federation",
          "saudi_arabia",
          "singapore",
          "slovak_republic",
          "south_africa",
          "south_korea",
          "spain",
          "switzerland",
          "taiwan",
          "taiwan_china",
          "thailand",
          "turkey",
          "uk",
          "uk_london",
          "united_arab_emirates",
          "united_states",
          "vietnam"
        ]
      }
    ]
  },
  {
    "id": "refrigerant.leak",
    "description": "Refrigerant lost from equipment; the quantity is the mass leaked",
    "scope": 1,
    "scope3_category": null,
    "accepted_units": [
      "g",
      "kg",
      "t",
      "tonne",
      "tonnes",
      "short_ton",
      "lb"
    ],
    "options": [
      {
        "name": "gas",
        "description": "gas name, e.g. CH4, HFC-134a, R-410A",
        "default": null,
        "values": [
          "C10F18",
          "C2F6",
          "C3F8",
          "C4F10",
          "C5F12",
          "C6F14",
          "C7F16",
          "C8F18",
          "CCl4",
          "CF4",
          "CFC-11",
          "CFC-113",
          "CFC-114",
          "CFC-115",
          "CFC-12",
          "CFC-13",
          "CH2Cl2",
          "CH3Br",
          "CH3CCl3",
          "CH3Cl",
          "CHCl3",
          "HCFC-123",
          "HCFC-124",
          "HCFC-141b",
          "HCFC-142b",
          "HCFC-21",
          "HCFC-22",
          "HCFC-225ca",
          "HCFC-225cb",
          "HCFE-235da2",
          "HFC-125",
          "HFC-134",
          "HFC-134a",
          "HFC-143",
          "HFC-143a",
          "HFC-152",
          "HFC-152a",
          "HFC-161",
          "HFC-227ea",
          "HFC-23",
          "HFC-236cb",
          "HFC-236ea",
          "HFC-236fa",
          "HFC-245ca",
          "HFC-245fa",
          "HFC-32",
          "HFC-365mfc",
          "HFC-41",
          "HFC-4310mee",
          "HFE-125",
          "HFE-134",
          "HFE-143a",
          "HFE-227ea",
          "HFE-236ca12",
          "HFE-236ea2",
          "HFE-236fa",
          "HFE-245cb2",
          "HFE-245fa1",
          "HFE-245fa2",
          "HFE-263fb2",
          "HFE-329mcc2",
          "HFE-338mcf2",
          "HFE-338pcc13",
          "HFE-347mcc3",
          "HFE-347mcf2",
          "HFE-347pcf2",
          "HFE-356mec3",
          "HFE-356pcc3",
          "HFE-356pcf2",
          "HFE-356pcf3",
          "HFE-365mcf3",
          "HFE-374pc2",
          "HFE-4310pccc124",
          "HFE-569sf2",
          "Halon-1201",
          "Halon-1202",
          "Halon-1211",
          "Halon-1301",
          "Halon-2402",
          "NF3",
          "PFPMIE",
          "R-401A",
          "R-401B",
          "R-401C",
          "R-402A",
          "R-402B",
          "R-403B",
          "R-404A",
          "R-406A",
          "R-407A",
          "R-407B",
          "R-407C",
          "R-407D",
          "R-408A",
          "R-409A",
          "R-410A",
          "R-410B",
          "R-411A",
          "R-411B",
          "R-414A",
          "R-414B",
          "R-417A",
          "R-422A",
          "R-422D",
          "R-424A",
          "R-426A",
          "R-428A",
          "R-434A",
          "R-507A",
          "R-508A",
          "R-508B",
          "SF5CF3",
          "SF6",
          "SO2F2",
          "cC3F6",
          "cC4F8"
        ]
      }
    ]
  },
  {
    "id": "gas.release",
    "description": "Direct release of a greenhouse gas; the quantity is its mass",
    "scope": 1,
    "scope3_category": null,
    "accepted_units": [
      "g",
      "kg",
      "t",
      "tonne",
      "tonnes",
      "short_ton",
      "lb"
    ],
    "options": [
      {
        "name": "gas",
        "description": "gas name, e.g. CH4, HFC-134a, R-410A",
        "default": null,
        "values": [
          "C10F18",
          "C2F6",
          "C3F8",
          "C4F10",
          "C5F12",
          "C6F14",
          "C7F16",
          "C8F18",
          "CCl4",
          "CF4",
          "CFC-11",
          "CFC-113",
          "CFC-114",
          "CFC-115",
          "CFC-12",
          "CFC-13",
          "CH2Cl2",
          "CH3Br",
          "CH3CCl3",
          "CH3Cl",
          "CH4",
          "CHCl3",
          "CO2",
          "HCFC-123",
          "HCFC-124",
          "HCFC-141b",
          "HCFC-142b",
          "HCFC-21",
          "HCFC-22",
          "HCFC-225ca",
          "HCFC-225cb",
          "HCFE-235da2",
          "HFC-125",
          "HFC-134",
          "HFC-134a",
          "HFC-143",
          "HFC-143a",
          "HFC-152",
          "HFC-152a",
          "HFC-161",
          "HFC-227ea",
          "HFC-23",
          "HFC-236cb",
          "HFC-236ea",
          "HFC-236fa",
          "HFC-245ca",
          "HFC-245fa",
          "HFC-32",
          "HFC-365mfc",
          "HFC-41",
          "HFC-4310mee",
          "HFE-125",
          "HFE-134",
          "HFE-143a",
          "HFE-227ea",
          "HFE-236ca12",
          "HFE-236ea2",
          "HFE-236fa",
          "HFE-245cb2",
          "HFE-245fa1",
          "HFE-245fa2",
          "HFE-263fb2",
          "HFE-329mcc2",
          "HFE-338mcf2",
          "HFE-338pcc13",
          "HFE-347mcc3",
          "HFE-347mcf2",
          "HFE-347pcf2",
          "HFE-356mec3",
          "HFE-356pcc3",
          "HFE-356pcf2",
          "HFE-356pcf3",
          "HFE-365mcf3",
          "HFE-374pc2",
          "HFE-4310pccc124",
          "HFE-569sf2",
          "Halon-1201",
          "Halon-1202",
          "Halon-1211",
          "Halon-1301",
          "Halon-2402",
          "N2O",
          "NF3",
          "PFPMIE",
          "R-401A",
          "R-401B",
          "R-401C",
          "R-402A",
          "R-402B",
          "R-403B",
          "R-404A",
          "R-406A",
          "R-407A",
          "R-407B",
          "R-407C",
          "R-407D",
          "R-408A",
          "R-409A",
          "R-410A",
          "R-410B",
          "R-411A",
          "R-411B",
          "R-414A",
          "R-414B",
          "R-417A",
          "R-422A",
          "R-422D",
          "R-424A",
          "R-426A",
          "R-428A",
          "R-434A",
          "R-507A",
          "R-508A",
          "R-508B",
          "SF5CF3",
          "SF6",
          "SO2F2",
          "cC3F6",
          "cC4F8"
        ]
      }
    ]
  },
  {
    "id": "waste.disposal",
    "description": "Waste sent for treatment; the quantity is the mass of waste",
    "scope": 3,
    "scope3_category": {
      "number": 5,
      "name": "Waste generated in operations"
    },
    "accepted_units": [
      "g",
      "kg",
      "t",
      "tonne",
      "tonnes",
      "short_ton",
      "lb"
    ],
    "options": [
      {
        "name": "material",
        "description": "material as named by the dataset",
        "default": null,
        "values": [
          "aggregates",
          "aluminum_cans",
          "aluminum_ingot",
          "asbestos",
          "asphalt",
          "asphalt_concrete",
          "asphalt_shingles",
          "average_construction",
          "batteries",
          "beef",
          "books",
          "branches",
          "bread",
          "bricks",
          "carpet",
          "clay_bricks",
          "clothing",
          "commercial_and_industrial_waste",
          "concrete",
          "copper_wire",
          "corrugated_containers",
          "crt_displays",
          "dairy_products",
          "desktop_cpus",
          "dimensional_lumber",
          "drywall",
          "electronic_peripherals",
          "fiberglass_insulation",
          "flat_panel_displays",
          "fly_ash",
          "food_waste",
          "food_waste_meat_only",
          "food_waste_non_meat",
          "fruits_and_vegetables",
          "glass",
          "grains",
          "grass",
          "hard_copy_devices",
          "hdpe",
          "household_residual_waste",
          "insulation",
          "ldpe",
          "leaves",
          "lldpe",
          "magazines_third_class_mail",
          "medium_density_fiberboard",
          "metal_aluminium_cans_and_foil_excl_forming",
          "metal_mixed_cans",
          "metal_scrap_metal",
          "metal_steel_cans",
          "metals",
          "mineral_oil",
          "mixed_electronics",
          "mixed_metals",
          "mixed_msw",
          "mixed_organics",
          "mixed_paper_general",
          "mixed_paper_primarily_from_offices",
          "mixed_paper_primarily_residential",
          "mixed_plastics",
          "mixed_recyclables",
          "municipal_waste",
          "newspaper",
          "office_paper",
          "organic_food_and_drink_waste",
          "organic_garden_waste",
          "organic_mixed_food_and_garden_waste",
          "paper_and_board_board",
          "paper_and_board_mixed",
          "paper_and_board_paper",
          "pet",
          "phonebooks",
          "pla",
          "plasterboard",
          "plastics_average_plastic_film",
          "plastics_average_plastic_rigid",
          "plastics_average_plastics",
          "plastics_hdpe_incl_forming",
          "plastics_ldpe_and_lldpe_incl_forming",
          "plastics_pet_incl_forming",
          "plastics_pp_incl_forming",
          "plastics_ps_incl_forming",
          "plastics_pvc_incl_forming",
          "portable_electronic_devices",
          "poultry",
          "pp",
          "ps",
          "pvc",
          "soils",
          "steel_cans",
          "structural_steel",
          "textbooks",
          "tires",
          "tyres",
          "vinyl_flooring",
          "weee_fridges_and_freezers",
          "weee_large",
          "weee_mixed",
          "weee_small",
          "wood",
          "wood_flooring",
          "yard_trimmings"
        ]
      },
      {
        "name": "treatment",
        "description": "landfill, combustion, recycling, composting, ...",
        "default": null,
        "values": [
          "anaerobic_digestion",
          "anaerobic_digestion_dry",
          "anaerobic_digestion_wet",
          "combustion",
          "composting",
          "incineration_with_energy_recovery",
          "landfill",
          "re_use",
          "recycling",
          "recycling_closed_loop",
          "recycling_open_loop"
        ]
      },
      {
        "name": "category",
        "description": "scope 3 category: 5 waste generated in operations or 12 end-of-life treatment of sold products (the waste the products become)",
        "default": "5",
        "values": [
          "12",
          "5"
        ]
      }
    ]
  },
  {
    "id": "freight.road",
    "description": "Road freight by van or HGV; the quantity is tonne-km carried, or the distance the vehicle travelled (km, mile)",
    "scope": 3,
    "scope3_category": {
      "number": 4,
      "name": "Upstream transportation and distribution"
    },
    "accepted_units": [
      "tonne_km",
      "tkm",
      "tonne_mile",
      "short_ton_mile",
      "m",
      "km",
      "vehicle_km",
      "mile",
      "miles",
      "vehicle_mile"
    ],
    "options": [
      {
        "name": "vehicle",
        "description": "van, hgv or hgv_refrigerated (all diesel HGVs)",
        "default": null,
        "values": [
          "hgv",
          "hgv_refrigerated",
          "van"
        ]
      },
      {
        "name": "size",
        "description": "van: class_i, class_ii, class_iii, average; HGV: rigid_3_5_to_7_5t, rigid_7_5_to_17t, rigid_over_17t, rigid_average, articulated_3_5_to_33t, articulated_over_33t, articulated_average, average (all HGVs)",
        "default": "average",
        "values": [
          "articulated_3_5_to_33t",
          "articulated_average",
          "articulated_over_33t",
          "average",
          "class_i",
          "class_ii",
          "class_iii",
          "rigid_3_5_to_7_5t",
          "rigid_7_5_to_17t",
          "rigid_average",
          "rigid_over_17t"
        ]
      },
      {
        "name": "fuel",
        "description": "van or car fuel or powertrain (diesel, petrol, battery_electric, ...)",
        "default": "unknown",
        "values": [
          "battery_electric",
          "cng",
          "diesel",
          "lpg",
          "petrol",
          "plug_in_hybrid",
          "unknown"
        ]
      },
      {
        "name": "laden",
        "description": "HGV load: 0, 50 or 100 (% laden) or average",
        "default": "average",
        "values": [
          "0",
          "100",
          "50",
          "average"
        ]
      },
      {
        "name": "category",
        "description": "scope 3 category: 4 upstream transportation and distribution (goods bought, or transport the organisation pays for) or 9 downstream (goods sold, transport paid for by others)",
        "default": "4",
        "values": [
          "4",
          "9"
        ]
      }
    ]
  },
  {
    "id": "freight.rail",
    "description": "Rail freight (freight train); the quantity is tonne-km carried",
    "scope": 3,
    "scope3_category": {
      "number": 4,
      "name": "Upstream transportation and distribution"
    },
    "accepted_units": [
      "tonne_km",
      "tkm",
      "tonne_mile",
      "short_ton_mile"
    ],
    "options": [
      {
        "name": "category",
        "description": "scope 3 category: 4 upstream transportation and distribution (goods bought, or transport the organisation pays for) or 9 downstream (goods sold, transport paid for by others)",
        "default": "4",
        "values": [
          "4",
          "9"
        ]
      }
    ]
  },
  {
    "id": "freight.sea",
    "description": "Sea freight by cargo ship or tanker; the quantity is tonne-km carried",
    "scope": 3,
    "scope3_category": {
      "number": 4,
      "name": "Upstream transportation and distribution"
    },
    "accepted_units": [
      "tonne_km",
      "tkm",
      "tonne_mile",
      "short_ton_mile"
    ],
    "options": [
      {
        "name": "ship",
        "description": "bulk_carrier, container_ship, general_cargo, refrigerated_cargo, ro_ro_ferry, large_ropax_ferry, vehicle_transport, crude_tanker, products_tanker, chemical_tanker, lng_tanker, lpg_tanker",
        "default": null,
        "values": [
          "bulk_carrier",
          "chemical_tanker",
          "container_ship",
          "crude_tanker",
          "general_cargo",
          "large_ropax_ferry",
          "lng_tanker",
          "lpg_tanker",
          "products_tanker",
          "refrigerated_cargo",
          "roro_ferry",
          "vehicle_transport"
        ]
      },
      {
        "name": "size",
        "description": "size band as DESNZ names it (e.g. 0_999_teu), or average",
        "default": "average",
        "values": [
          "0_1999_lm",
          "0_199_999_m3",
          "0_3999_ceu",
          "0_4999_dwt",
          "0_4999_dwt_100_teu",
          "0_49_999_m3",
          "0_9999_dwt",
          "0_999_teu",
          "1000_1999_teu",
          "100_000_199_999_dwt",
          "10_000_19_999_dwt",
          "10_000_34_999_dwt",
          "10_000_59_999_dwt",
          "10_000_dwt",
          "10_000_dwt_100_teu",
          "120_000_199_999_dwt",
          "2000_2999_teu",
          "2000_lm",
          "200_000_dwt",
          "200_000_m3",
          "20_000_59_999_dwt",
          "20_000_dwt",
          "3000_4999_teu",
          "35_000_59_999_dwt",
          "4000_ceu",
          "5000_7999_teu",
          "5000_9999_dwt",
          "5000_9999_dwt_100_teu",
          "50_000_m3",
          "60_000_79_999_dwt",
          "60_000_99_999_dwt",
          "60_000_dwt",
          "8000_teu",
          "80_000_119_999_dwt",
          "all_dwt",
          "average"
        ]
      },
      {
        "name": "category",
        "description": "scope 3 category: 4 upstream transportation and distribution (goods bought, or transport the organisation pays for) or 9 downstream (goods sold, transport paid for by others)",
        "default": "4",
        "values": [
          "4",
          "9"
        ]
      }
    ]
  },
  {
    "id": "freight.air",
    "description": "Air freight; the quantity is tonne-km carried",
    "scope": 3,
    "scope3_category": {
      "number": 4,
      "name": "Upstream transportation and distribution"
    },
    "accepted_units": [
      "tonne_km",
      "tkm",
      "tonne_mile",
      "short_ton_mile"
    ],
    "options": [
      {
        "name": "haul",
        "description": "domestic, short, long (to/from the UK) or international (non-UK)",
        "default": null,
        "values": [
          "domestic",
          "international",
          "long",
          "short"
        ]
      },
      {
        "name": "radiative_forcing",
        "description": "include the non-CO2 uplift",
        "default": false,
        "values": [
          "true",
          "false"
        ]
      },
      {
        "name": "category",
        "description": "scope 3 category: 4 upstream transportation and distribution (goods bought, or transport the organisation pays for) or 9 downstream (goods sold, transport paid for by others)",
        "default": "4",
        "values": [
          "4",
          "9"
        ]
      }
    ]
  },
  {
    "id": "material.use",
    "description": "Materials bought, cradle to gate; the quantity is the mass of material",
    "scope": 3,
    "scope3_category": {
      "number": 1,
      "name": "Purchased goods and services"
    },
    "accepted_units": [
      "g",
      "kg",
      "t",
      "tonne",
      "tonnes",
      "short_ton",
      "lb"
    ],
    "options": [
      {
        "name": "material",
        "description": "material as named by the dataset (e.g. concrete, glass)",
        "default": null,
        "values": [
          "aggregates",
          "asbestos",
          "asphalt",
          "average_construction",
          "batteries",
          "batteries_alkaline",
          "batteries_li_ion",
          "batteries_nimh",
          "books",
          "bricks",
          "clothing",
          "compost_derived_from_food_and_garden_waste",
          "compost_derived_from_garden_waste",
          "concrete",
          "electrical_items_fridges_and_freezers",
          "electrical_items_it",
          "electrical_items_large",
          "electrical_items_small",
          "food_and_drink",
          "glass",
          "insulation",
          "metal_aluminium_cans_and_foil_excl_forming",
          "metal_mixed_cans",
          "metal_scrap_metal",
          "metal_steel_cans",
          "metals",
          "mineral_oil",
          "paper_and_board_board",
          "paper_and_board_mixed",
          "paper_and_board_paper",
          "plasterboard",
          "plastics_average_plastic_film",
          "plastics_average_plastic_rigid",
          "plastics_average_plastics",
          "plastics_hdpe_incl_forming",
          "plastics_ldpe_and_lldpe_incl_forming",
          "plastics_pet_incl_forming",
          "plastics_pp_incl_forming",
          "plastics_ps_incl_forming",
          "plastics_pvc_incl_forming",
          "soils",
          "tyres",
          "weee_fridges_and_freezers",
          "weee_large",
          "weee_mixed",
          "weee_small",
          "wood"
        ]
      },
      {
        "name": "source",
        "description": "primary (primary material production), re_used, closed_loop or open_loop (recycled content)",
        "default": "primary",
        "values": [
          "closed_loop",
          "open_loop",
          "primary",
          "re_used"
        ]
      }
    ]
  },
  {
    "id": "water.supply",
    "description": "Mains water supplied; the quantity is its volume",
    "scope": 3,
    "scope3_category": {
      "number": 1,
      "name": "Purchased goods and services"
    },
    "accepted_units": [
      "L",
      "l",
      "litre",
      "litres",
      "liter",
      "liters",
      "m3",
      "m^3",
      "gallon",
      "gallons",
      "US_gallon",
      "imperial_gallon",
      "UK_gallon",
      "scf",
      "ft3",
      "ML",
      "million_litres"
    ],
    "options": []
  },
  {
    "id": "water.treatment",
    "description": "Waste water sent for treatment; the quantity is its volume",
    "scope": 3,
    "scope3_category": {
      "number": 5,
      "name": "Waste generated in operations"
    },
    "accepted_units": [
      "L",
      "l",
      "litre",
      "litres",
      "liter",
      "liters",
      "m3",
      "m^3",
      "gallon",
      "gallons",
      "US_gallon",
      "imperial_gallon",
      "UK_gallon",
      "scf",
      "ft3",
      "ML",
      "million_litres"
    ],
    "options": []
  },
  {
    "id": "commuting.homeworking",
    "description": "Working from home; the quantity is the FTE working hours worked at home",
    "scope": 3,
    "scope3_category": {
      "number": 7,
      "name": "Employee commuting"
    },
    "accepted_units": [
      "fte_hour",
      "fte_hours"
    ],
    "options": [
      {
        "name": "component",
        "description": "office_equipment, heating or both (office equipment and heating)",
        "default": "both",
        "values": [
          "both",
          "heating",
          "office_equipment"
        ]
      }
    ]
  },
  {
    "id": "leased.vehicle",
    "description": "A leased vehicle outside the organisation's scope 1; the quantity is the distance it travelled",
    "scope": 3,
    "scope3_category": {
      "number": 8,
      "name": "Upstream leased assets"
    },
    "accepted_units": [
      "m",
      "km",
      "vehicle_km",
      "mile",
      "miles",
      "vehicle_mile"
    ],
    "options": [
      {
        "name": "vehicle",
        "description": "car, van, hgv, hgv_refrigerated or motorbike",
        "default": null,
        "values": [
          "car",
          "hgv",
          "hgv_refrigerated",
          "motorbike",
          "van"
        ]
      },
      {
        "name": "size",
        "description": "car: small, medium, large, average or a market segment (mini, supermini, lower_medium, upper_medium, executive, luxury, sports, dual_purpose_4x4, mpv); van and HGV as for freight.road; motorbike: small, medium, large, average",
        "default": "average",
        "values": [
          "articulated_3_5_to_33t",
          "articulated_average",
          "articulated_over_33t",
          "average",
          "class_i",
          "class_ii",
          "class_iii",
          "dual_purpose_4x4",
          "executive",
          "large",
          "lower_medium",
          "luxury",
          "medium",
          "mini",
          "mpv",
          "rigid_3_5_to_7_5t",
          "rigid_7_5_to_17t",
          "rigid_average",
          "rigid_over_17t",
          "small",
          "sports",
          "supermini",
          "upper_medium"
        ]
      },
      {
        "name": "fuel",
        "description": "van or car fuel or powertrain (diesel, petrol, battery_electric, ...)",
        "default": "unknown",
        "values": [
          "battery_electric",
          "cng",
          "diesel",
          "hybrid",
          "lpg",
          "petrol",
          "plug_in_hybrid",
          "unknown"
        ]
      },
      {
        "name": "laden",
        "description": "HGV load: 0, 50 or 100 (% laden) or average",
        "default": "average",
        "values": [
          "0",
          "100",
          "50",
          "average"
        ]
      },
      {
        "name": "category",
        "description": "scope 3 category: 8 upstream leased assets (leased in) or 13 downstream leased assets (leased out to others)",
        "default": "8",
        "values": [
          "13",
          "8"
        ]
      }
    ]
  },
  {
    "id": "leased.electricity",
    "description": "Electricity used by a leased asset outside the organisation's scope 2 (UK grid generation)",
    "scope": 3,
    "scope3_category": {
      "number": 8,
      "name": "Upstream leased assets"
    },
    "accepted_units": [
      "kWh",
      "Wh",
      "MWh",
      "GWh",
      "MJ",
      "GJ",
      "TJ",
      "therm",
      "therms",
      "MMBtu",
      "mmBtu"
    ],
    "options": [
      {
        "name": "category",
        "description": "scope 3 category: 8 upstream leased assets (leased in) or 13 downstream leased assets (leased out to others)",
        "default": "8",
        "values": [
          "13",
          "8"
        ]
      }
    ]
  },
  {
    "id": "spend.naics",
    "description": "Spend on goods and services by NAICS-6 code (US EPA Supply Chain GHG Emission Factors v1.3, kg CO2e per 2022 USD at purchaser price); the quantity is the amount spent, in unit USD, of the currency option's currency; a spend-based screening estimate",
    "scope": 3,
    "scope3_category": {
      "number": 1,
      "name": "Purchased goods and services"
    },
    "accepted_units": [
      "USD"
    ],
    "options": [
      {
        "name": "naics",
        "description": "2017 NAICS-6 code of what was bought (327310: cement)",
        "default": null,
        "values": [
          "111110",
          "111120",
          "111130",
          "111140",
          "111150",
          "111160",
          "111191",
          "111199",
          "111211",
          "111219",
          "111310",
          "111320",
          "111331",
          "111332",
          "111333",
          "111334",
          "111335",
          "111336",
          "111339",
          "111411",
          "111419",
          "111421",
          "111422",
          "111910",
          "111920",
          "111930",
          "111940",
          "111991",
          "111992",
          "111998",
          "112111",
          "112112",
          "112120",
          "112130",
          "112210",
          "112310",
          "112320",
          "112330",
          "112340",
          "112390",
          "112410",
          "112420",
          "112511",
          "112512",
          "112519",
          "112910",
          "112920",
          "112930",
          "112990",
          "113110",
          "113210",
          "113310",
          "114111",
          "114112",
          "114119",
          "114210",
          "115111",
          "115112",
          "115113",
          "115114",
          "115115",
          "115116",
          "115210",
          "115310",
          "211120",
          "211130",
          "212111",
          "212112",
          "212113",
          "212210",
          "212221",
          "212222",
          "212230",
          "212291",
          "212299",
          "212311",
          "212312",
          "212313",
          "212319",
          "212321",
          "212322",
          "212324",
          "212325",
          "212391",
          "212392",
          "212393",
          "212399",
          "213111",
          "213112",
          "213113",
          "213114",
          "213115",
          "221210",
          "221310",
          "221320",
          "221330",
          "236115",
          "236116",
          "236117",
          "236118",
          "236210",
          "236220",
          "237110",
          "237120",
          "237130",
          "237210",
          "237310",
          "237990",
          "238110",
          "238120",
          "238130",
          "238140",
          "238150",
          "238160",
          "238170",
          "238190",
          "238210",
          "238220",
          "238290",
          "238310",
          "238320",
          "238330",
          "238340",
          "238350",
          "238390",
          "238910",
          "238990",
          "311111",
          "311119",
          "311211",
          "311212",
          "311213",
          "311221",
          "311224",
          "311225",
          "311230",
          "311313",
          "311314",
          "311340",
          "311351",
          "311352",
          "311411",
          "311412",
          "311421",
          "311422",
          "311423",
          "311511",
          "311512",
          "311513",
          "311514",
          "311520",
          "311611",
          "311612",
          "311613",
          "311615",
          "311710",
          "311811",
          "311812",
          "311813",
          "311821",
          "311824",
          "311830",
          "311911",
          "311919",
          "311920",
          "311930",
          "311941",
          "311942",
          "311991",
          "311999",
          "312111",
          "312112",
          "312113",
          "312120",
          "312130",
          "312140",
          "312230",
          "313110",
          "313210",
          "313220",
          "313230",
          "313240",
          "313310",
          "313320",
          "314110",
          "314120",
          "314910",
          "314994",
          "314999",
          "315110",
          "315190",
          "315210",
          "315220",
          "315240",
          "315280",
          "315990",
          "316110",
          "316210",
          "316992",
          "316998",
          "321113",
          "321114",
          "321211",
          "321212",
          "321213",
          "321214",
          "321219",
          "321911",
          "321912",
          "321918",
          "321920",
          "321991",
          "321992",
          "321999",
          "322110",
          "322121",
          "322122",
          "322130",
          "322211",
          "322212",
          "322219",
          "322220",
          "322230",
          "322291",
          "322299",
          "323111",
          "323113",
          "323117",
          "323120",
          "324110",
          "324121",
          "324122",
          "324191",
          "324199",
          "325110",
          "325120",
          "325130",
          "325180",
          "325193",
          "325194",
          "325199",
          "325211",
          "325212",
          "325220",
          "325311",
          "325312",
          "325314",
          "325320",
          "325411",
          "325412",
          "325413",
          "325414",
          "325510",
          "325520",
          "325611",
          "325612",
          "325613",
          "325620",
          "325910",
          "325920",
          "325991",
          "325992",
          "325998",
          "326111",
          "326112",
          "326113",
          "326121",
          "326122",
          "326130",
          "326140",
          "326150",
          "326160",
          "326191",
          "326199",
          "326211",
          "326212",
          "326220",
          "326291",
          "326299",
          "327110",
          "327120",
          "327211",
          "327212",
          "327213",
          "327215",
          "327310",
          "327320",
          "327331",
          "327332",
          "327390",
          "327410",
          "327420",
          "327910",
          "327991",
          "327992",
          "327993",
          "327999",
          "331110",
          "331210",
          "331221",
          "331222",
          "331313",
          "331315",
          "331318",
          "331410",
          "331420",
          "331491",
          "331492",
          "331511",
          "331512",
          "331513",
          "331523",
          "331524",
          "331529",
          "332111",
          "332112",
          "332114",
          "332117",
          "332119",
          "332215",
          "332216",
          "332311",
          "332312",
          "332313",
          "332321",
          "332322",
          "332323",
          "332410",
          "332420",
          "332431",
          "332439",
          "332510",
          "332613",
          "332618",
          "332710",
          "332721",
          "332722",
          "332811",
          "332812",
          "332813",
          "332911",
          "332912",
          "332913",
          "332919",
          "332991",
          "332992",
          "332993",
          "332994",
          "332996",
          "332999",
          "333111",
          "333112",
          "333120",
          "333131",
          "333132",
          "333241",
          "333242",
          "333243",
          "333244",
          "333249",
          "333314",
          "333316",
          "333318",
          "333413",
          "333414",
          "333415",
          "333511",
          "333514",
          "333515",
          "333517",
          "333519",
          "333611",
          "333612",
          "333613",
          "333618",
          "333912",
          "333914",
          "333921",
          "333922",
          "333923",
          "333924",
          "333991",
          "333992",
          "333993",
          "333994",
          "333995",
          "333996",
          "333997",
          "333999",
          "334111",
          "334112",
          "334118",
          "334210",
          "334220",
          "334290",
          "334310",
          "334412",
          "334413",
          "334416",
          "334417",
          "334418",
          "334419",
          "334510",
          "334511",
          "334512",
          "334513",
          "334514",
          "334515",
          "334516",
          "334517",
          "334519",
          "334613",
          "334614",
          "335110",
          "335121",
          "335122",
          "335129",
          "335210",
          "335220",
          "335311",
          "335312",
          "335313",
          "335314",
          "335911",
          "335912",
          "335921",
          "335929",
          "335931",
          "335932",
          "335991",
          "335999",
          "336111",
          "336112",
          "336120",
          "336211",
          "336212",
          "336213",
          "336214",
          "336310",
          "336320",
          "336330",
          "336340",
          "336350",
          "336360",
          "336370",
          "336390",
          "336411",
          "336412",
          "336413",
          "336414",
          "336415",
          "336419",
          "336510",
          "336611",
          "336612",
          "336991",
          "336992",
          "336999",
          "337110",
          "337121",
          "337122",
          "337124",
          "337125",
          "337127",
          "337211",
          "337212",
          "337214",
          "337215",
          "337910",
          "337920",
          "339112",
          "339113",
          "339114",
          "339115",
          "339116",
          "339910",
          "339920",
          "339930",
          "339940",
          "339950",
          "339991",
          "339992",
          "339993",
          "339994",
          "339995",
          "339999",
          "423110",
          "423120",
          "423130",
          "423140",
          "423210",
          "423220",
          "423310",
          "423320",
          "423330",
          "423390",
          "423410",
          "423420",
          "423430",
          "423440",
          "423450",
          "423460",
          "423490",
          "423510",
          "423520",
          "423610",
          "423620",
          "423690",
          "423710",
          "423720",
          "423730",
          "423740",
          "423810",
          "423820",
          "423830",
          "423840",
          "423850",
          "423860",
          "423910",
          "423920",
          "423930",
          "423940",
          "423990",
          "424110",
          "424120",
          "424130",
          "424210",
          "424310",
          "424320",
          "424330",
          "424340",
          "424410",
          "424420",
          "424430",
          "424440",
          "424450",
          "424460",
          "424470",
          "424480",
          "424490",
          "424510",
          "424520",
          "424590",
          "424610",
          "424690",
          "424710",
          "424720",
          "424810",
          "424820",
          "424910",
          "424920",
          "424930",
          "424940",
          "424950",
          "424990",
          "425110",
          "425120",
          "441110",
          "441120",
          "441210",
          "441222",
          "441228",
          "441310",
          "441320",
          "442110",
          "442210",
          "442291",
          "442299",
          "443141",
          "443142",
          "444110",
          "444120",
          "444130",
          "444190",
          "444210",
          "444220",
          "445110",
          "445120",
          "445210",
          "445220",
          "445230",
          "445291",
          "445292",
          "445299",
          "445310",
          "446110",
          "446120",
          "446130",
          "446191",
          "446199",
          "447110",
          "447190",
          "448110",
          "448120",
          "448130",
          "448140",
          "448150",
          "448190",
          "448210",
          "448310",
          "448320",
          "451110",
          "451120",
          "451130",
          "451140",
          "451211",
          "451212",
          "452210",
          "452311",
          "452319",
          "453110",
          "453210",
          "453220",
          "453310",
          "453910",
          "453920",
          "453930",
          "453991",
          "453998",
          "454110",
          "454210",
          "454310",
          "454390",
          "481111",
          "481112",
          "481211",
          "481212",
          "481219",
          "482111",
          "482112",
          "483111",
          "483112",
          "483113",
          "483114",
          "483211",
          "483212",
          "484110",
          "484121",
          "484122",
          "484210",
          "484220",
          "484230",
          "485111",
          "485112",
          "485113",
          "485119",
          "485210",
          "485310",
          "485320",
          "485410",
          "485510",
          "485991",
          "485999",
          "486110",
          "486210",
          "486910",
          "486990",
          "487110",
          "487210",
          "487990",
          "488111",
          "488119",
          "488190",
          "488210",
          "488310",
          "488320",
          "488330",
          "488390",
          "488410",
          "488490",
          "488510",
          "488991",
          "488999",
          "491110",
          "492110",
          "492210",
          "493110",
          "493120",
          "493130",
          "493190",
          "511110",
          "511120",
          "511130",
          "511140",
          "511191",
          "511199",
          "511210",
          "512110",
          "512120",
          "512131",
          "512132",
          "512191",
          "512199",
          "512230",
          "512240",
          "512250",
          "512290",
          "515111",
          "515112",
          "515120",
          "515210",
          "517311",
          "517312",
          "517410",
          "517911",
          "517919",
          "518210",
          "519110",
          "519120",
          "519130",
          "519190",
          "521110",
          "522110",
          "522120",
          "522130",
          "522190",
          "522210",
          "522220",
          "522291",
          "522292",
          "522293",
          "522294",
          "522298",
          "522310",
          "522320",
          "522390",
          "523110",
          "523120",
          "523130",
          "523140",
          "523210",
          "523910",
          "523920",
          "523930",
          "523991",
          "523999",
          "524113",
          "524114",
          "524126",
          "524127",
          "524128",
          "524130",
          "524210",
          "524291",
          "524292",
          "524298",
          "525110",
          "525120",
          "525190",
          "525910",
          "525920",
          "525990",
          "531110",
          "531120",
          "531130",
          "531190",
          "531210",
          "531311",
          "531312",
          "531320",
          "531390",
          "532111",
          "532112",
          "532120",
          "532210",
          "532281",
          "532282",
          "532283",
          "532284",
          "532289",
          "532310",
          "532411",
          "532412",
          "532420",
          "532490",
          "533110",
          "541110",
          "541120",
          "541191",
          "541199",
          "541211",
          "541213",
          "541214",
          "541219",
          "541310",
          "541320",
          "541330",
          "541340",
          "541350",
          "541360",
          "541370",
          "541380",
          "541410",
          "541420",
          "541430",
          "541490",
          "541511",
          "541512",
          "541513",
          "541519",
          "541611",
          "541612",
          "541613",
          "541614",
          "541618",
          "541620",
          "541690",
          "541713",
          "541714",
          "541715",
          "541720",
          "541810",
          "541820",
          "541830",
          "541840",
          "541850",
          "541860",
          "541870",
          "541890",
          "541910",
          "541921",
          "541922",
          "541930",
          "541940",
          "541990",
          "551111",
          "551112",
          "551114",
          "561110",
          "561210",
          "561311",
          "561312",
          "561320",
          "561330",
          "561410",
          "561421",
          "561422",
          "561431",
          "561439",
          "561440",
          "561450",
          "561491",
          "561492",
          "561499",
          "561510",
          "561520",
          "561591",
          "561599",
          "561611",
          "561612",
          "561613",
          "561621",
          "561622",
          "561710",
          "561720",
          "561730",
          "561740",
          "561790",
          "561910",
          "561920",
          "561990",
          "562111",
          "562112",
          "562119",
          "562211",
          "562212",
          "562213",
          "562219",
          "562910",
          "562920",
          "562991",
          "562998",
          "611110",
          "611210",
          "611310",
          "611410",
          "611420",
          "611430",
          "611511",
          "611512",
          "611513",
          "611519",
          "611610",
          "611620",
          "611630",
          "611691",
          "611692",
          "611699",
          "611710",
          "621111",
          "621112",
          "621210",
          "621310",
          "621320",
          "621330",
          "621340",
          "621391",
          "621399",
          "621410",
          "621420",
          "621491",
          "621492",
          "621493",
          "621498",
          "621511",
          "621512",
          "621610",
          "621910",
          "621991",
          "621999",
          "622110",
          "622210",
          "622310",
          "623110",
          "623210",
          "623220",
          "623311",
          "623312",
          "623990",
          "624110",
          "624120",
          "624190",
          "624210",
          "624221",
          "624229",
          "624230",
          "624310",
          "624410",
          "711110",
          "711120",
          "711130",
          "711190",
          "711211",
          "711212",
          "711219",
          "711310",
          "711320",
          "711410",
          "711510",
          "712110",
          "712120",
          "712130",
          "712190",
          "713110",
          "713120",
          "713210",
          "713290",
          "713910",
          "713920",
          "713930",
          "713940",
          "713950",
          "713990",
          "721110",
          "721120",
          "721191",
          "721199",
          "721211",
          "721214",
          "721310",
          "722310",
          "722320",
          "722330",
          "722410",
          "722511",
          "722513",
          "722514",
          "722515",
          "811111",
          "811112",
          "811113",
          "811118",
          "811121",
          "811122",
          "811191",
          "811192",
          "811198",
          "811211",
          "811212",
          "811213",
          "811219",
          "811310",
          "811411",
          "811412",
          "811420",
          "811430",
          "811490",
          "812111",
          "812112",
          "812113",
          "812191",
          "812199",
          "812210",
          "812220",
          "812310",
          "812320",
          "812331",
          "812332",
          "812910",
          "812921",
          "812922",
          "812930",
          "812990",
          "813110",
          "813211",
          "813212",
          "813219",
          "813311",
          "813312",
          "813319",
          "813410",
          "813910",
          "813920",
          "813930",
          "813940",
          "813990"
        ]
      },
      {
        "name": "margins",
        "description": "with_margins (to the point of sale: ordinary purchases), without_margins (to the factory gate) or margins_only (transport, wholesale and retail margins)",
        "default": "with_margins",
        "values": [
          "margins_only",
          "with_margins",
          "without_margins"
        ]
      },
      {
        "name": "price_year",
        "description": "dollar year of the spend, default the activity year; moved to the factor's dollar year with the BLS CPI-U annual average",
        "default": null,
        "values": null
      },
      {
        "name": "category",
        "description": "scope 3 category: 1 purchased goods and services, 2 capital goods, 15 investments (a screening method)",
        "default": "1",
        "values": [
          "1",
          "15",
          "2"
        ]
      },
      {
        "name": "currency",
        "description": "ISO 4217 code of the amount spent; other than USD needs exchange_rate and exchange_rate_source",
        "default": "USD",
        "values": null
      },
      {
        "name": "exchange_rate",
        "description": "US dollars per unit of the currency, for the price year",
        "default": null,
        "values": null
      },
      {
        "name": "exchange_rate_source",
        "description": "where the exchange rate comes from (cited in the result)",
        "default": null,
        "values": null
      }
    ]
  }
];
