/** Real answers captured from `ecotrack up` (the seeded demo organisation), for the shaping tests. */
import type { ActivityInfo, Factor, SearchPage } from "./types";

/** GET /api/v1/carbon/factors?text=natural+gas&region=GB&year=2024&limit=5 (signed in: the demo organisation's private factor is in it) */
export const searchGas: SearchPage = {
  "items": [
    {
      "id": "desnz-2024:fuel.natural_gas:GB:t",
      "dataset": "desnz",
      "dataset_version": "2024 v1.1",
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
      "label": "Fuels / Gaseous fuels / Natural gas (per tonnes)",
      "source_url": "https://www.gov.uk/government/publications/greenhouse-gas-reporting-conversion-factors-2024",
      "licence": "OGL-3.0 (attribution required)",
      "citation": "DESNZ and Defra, UK Government GHG Conversion Factors for Company Reporting 2024 (flat file v1.1); contains public sector information licensed under OGL v3.0",
      "private": false
    },
    {
      "id": "desnz-2024:fuel.natural_gas:GB:m3",
      "dataset": "desnz",
      "dataset_version": "2024 v1.1",
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
      "label": "Fuels / Gaseous fuels / Natural gas (per cubic metres)",
      "source_url": "https://www.gov.uk/government/publications/greenhouse-gas-reporting-conversion-factors-2024",
      "licence": "OGL-3.0 (attribution required)",
      "citation": "DESNZ and Defra, UK Government GHG Conversion Factors for Company Reporting 2024 (flat file v1.1); contains public sector information licensed under OGL v3.0",
      "private": false
    },
    {
      "id": "desnz-2024:fuel.natural_gas:GB:net:kWh",
      "dataset": "desnz",
      "dataset_version": "2024 v1.1",
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
      "label": "Fuels / Gaseous fuels / Natural gas (per kWh (Net CV))",
      "source_url": "https://www.gov.uk/government/publications/greenhouse-gas-reporting-conversion-factors-2024",
      "licence": "OGL-3.0 (attribution required)",
      "citation": "DESNZ and Defra, UK Government GHG Conversion Factors for Company Reporting 2024 (flat file v1.1); contains public sector information licensed under OGL v3.0",
      "private": false
    },
    {
      "id": "desnz-2024:fuel.natural_gas:GB:gross:kWh",
      "dataset": "desnz",
      "dataset_version": "2024 v1.1",
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
      "label": "Fuels / Gaseous fuels / Natural gas (per kWh (Gross CV))",
      "source_url": "https://www.gov.uk/government/publications/greenhouse-gas-reporting-conversion-factors-2024",
      "licence": "OGL-3.0 (attribution required)",
      "citation": "DESNZ and Defra, UK Government GHG Conversion Factors for Company Reporting 2024 (flat file v1.1); contains public sector information licensed under OGL v3.0",
      "private": false
    },
    {
      "id": "private-1eb739c2ae46ca91-2024:fuel.natural_gas:GB:gross:kWh",
      "dataset": "acme-gas",
      "dataset_version": "",
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
      "label": "Acme biomethane blend",
      "source_url": "https://example.com/acme-2024.pdf",
      "licence": "proprietary",
      "citation": "Acme Gas supplier statement 2024, biomethane blend",
      "private": true
    }
  ],
  "total": 5,
  "limit": 5,
  "offset": 0,
  "facets": {
    "activity": [
      {
        "value": "fuel.natural_gas",
        "count": 5
      }
    ],
    "region": [
      {
        "value": "GB",
        "count": 5
      }
    ],
    "year": [
      {
        "value": "2019",
        "count": 4
      },
      {
        "value": "2020",
        "count": 4
      },
      {
        "value": "2021",
        "count": 4
      },
      {
        "value": "2024",
        "count": 5
      }
    ],
    "dataset": [
      {
        "value": "acme-gas",
        "count": 1
      },
      {
        "value": "desnz",
        "count": 4
      }
    ],
    "unit_type": [
      {
        "value": "energy",
        "count": 3
      },
      {
        "value": "mass",
        "count": 1
      },
      {
        "value": "volume",
        "count": 1
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
      "label": "eGRID total output emission rate: NPCC New England (lb/MWh)",
      "source_url": "https://www.epa.gov/climateleadership/ghg-emission-factors-hub ; underlying: https://www.epa.gov/system/files/documents/2025-01/egrid2023_summary_tables.xlsx",
      "licence": "US Government work - public domain (17 U.S.C. 105)",
      "citation": "U.S. EPA, Emission Factors for Greenhouse Gas Inventories (GHG Emission Factors Hub), last modified January 15, 2025, Table 6 Electricity; source EPA eGRID2023, January 2025, Summary Tables - Table 1 Subregion Output Emission Rates",
      "private": false
    },
    {
      "id": "egrid-2023:electricity.grid:US-NWPP:MWh",
      "dataset": "egrid",
      "dataset_version": "eGRID2023 (data year 2023), EPA Hub 2025 (last modified 2025-01-15)",
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
      "label": "eGRID total output emission rate: WECC Northwest (lb/MWh)",
      "source_url": "https://www.epa.gov/climateleadership/ghg-emission-factors-hub ; underlying: https://www.epa.gov/system/files/documents/2025-01/egrid2023_summary_tables.xlsx",
      "licence": "US Government work - public domain (17 U.S.C. 105)",
      "citation": "U.S. EPA, Emission Factors for Greenhouse Gas Inventories (GHG Emission Factors Hub), last modified January 15, 2025, Table 6 Electricity; source EPA eGRID2023, January 2025, Summary Tables - Table 1 Subregion Output Emission Rates",
      "private": false
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
        "value": "egrid",
        "count": 79
      },
      {
        "value": "owid",
        "count": 78
      }
    ],
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
    "unit_type": []
  }
};

/** GET /api/v1/carbon/factors/desnz-2024:fuel.natural_gas:GB:gross:kWh */
export const desnzGas: Factor = {
  "id": "desnz-2024:fuel.natural_gas:GB:gross:kWh",
  "dataset": "desnz",
  "dataset_version": "2024 v1.1",
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
  "label": "Fuels / Gaseous fuels / Natural gas (per kWh (Gross CV))",
  "source_url": "https://www.gov.uk/government/publications/greenhouse-gas-reporting-conversion-factors-2024",
  "licence": "OGL-3.0 (attribution required)",
  "citation": "DESNZ and Defra, UK Government GHG Conversion Factors for Company Reporting 2024 (flat file v1.1); contains public sector information licensed under OGL v3.0",
  "private": false
};

/** GET /api/v1/carbon/factors/egrid-2023:electricity.grid:US-ERCT:MWh */
export const egridErcot: Factor = {
  "id": "egrid-2023:electricity.grid:US-ERCT:MWh",
  "dataset": "egrid",
  "dataset_version": "eGRID2023 (data year 2023), EPA Hub 2025 (last modified 2025-01-15)",
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
  "label": "eGRID total output emission rate: ERCOT All (lb/MWh)",
  "source_url": "https://www.epa.gov/climateleadership/ghg-emission-factors-hub ; underlying: https://www.epa.gov/system/files/documents/2025-01/egrid2023_summary_tables.xlsx",
  "licence": "US Government work - public domain (17 U.S.C. 105)",
  "citation": "U.S. EPA, Emission Factors for Greenhouse Gas Inventories (GHG Emission Factors Hub), last modified January 15, 2025, Table 6 Electricity; source EPA eGRID2023, January 2025, Summary Tables - Table 1 Subregion Output Emission Rates",
  "private": false
};

/** GET /api/v1/carbon/factors/owid-2022:electricity.grid:AW:kWh */
export const owidAruba: Factor = {
  "id": "owid-2022:electricity.grid:AW:kWh",
  "dataset": "owid",
  "dataset_version": "carbon_intensity_elec (CodeCarbon 3.3.2 extract)",
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
  "label": "OWID carbon intensity of electricity: Aruba (generation (lifecycle, Ember methodology), location-based annual average)",
  "source_url": "https://github.com/owid/energy-data ; https://ourworldindata.org/grapher/carbon-intensity-electricity",
  "licence": "OWID: CC BY 4.0; underlying Ember data CC BY 4.0; Energy Institute data subject to EI terms (attribution). codecarbon packaging: MIT",
  "citation": "Hannah Ritchie, Pablo Rosado and Max Roser - 'Energy', Our World in Data; data adapted from Ember and Energy Institute (carbon_intensity_elec, 2022); via CodeCarbon 3.3.2 global_energy_mix.json",
  "private": false
};

/** GET /api/v1/carbon/factors/direct-mass:gas.release:*:CO2:kg */
export const directCo2: Factor = {
  "id": "direct-mass:gas.release:*:CO2:kg",
  "dataset": "direct-mass",
  "dataset_version": "n/a",
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
  "label": "CO2: mass released, CO2e by GWP (AR4, AR5, AR6)",
  "source_url": "https://github.com/openclimatedata/globalwarmingpotentials",
  "licence": "CC0-1.0",
  "citation": "Gieseke, R., globalwarmingpotentials v0.13.2 (CC0), metrics AR4GWP100, AR5GWP100, AR6GWP100",
  "private": false
};

/** GET /api/v1/carbon/factors/private-1eb739c2ae46ca91-2024:fuel.natural_gas:GB:gross:kWh (the demo organisation's, signed in) */
export const privateGas: Factor = {
  "id": "private-1eb739c2ae46ca91-2024:fuel.natural_gas:GB:gross:kWh",
  "dataset": "acme-gas",
  "dataset_version": "",
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
  "label": "Acme biomethane blend",
  "source_url": "https://example.com/acme-2024.pdf",
  "licence": "proprietary",
  "citation": "Acme Gas supplier statement 2024, biomethane blend",
  "private": true
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
          "landfill",
          "re_use",
          "recycling",
          "recycling_closed_loop",
          "recycling_open_loop"
        ]
      }
    ]
  }
];
