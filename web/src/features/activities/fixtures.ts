/**
 * Answers captured from the real API (ecotrack up, the demo organisation), for the tests.
 * Nothing here is invented: each constant is one answer, as the API sent it.
 */
import type { Problem } from "../../api/problem";
import type {
  ActivityInfo,
  ActivityRecord,
  EstimateResult,
  FacilityRecord,
  ImportReport,
  PeriodRecord,
  RecordsPage,
  Totals,
} from "./types";

/** GET /api/v1/carbon/activities (the whole catalogue). */
export const CATALOGUE: ActivityInfo[] = [
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

/** GET /api/v1/carbon/facilities for the demo organisation. */
export const FACILITIES: FacilityRecord[] = [
  {
    "name": "London office",
    "address": "",
    "region": "GB",
    "floor_area_m2": 1200.0,
    "type": "office",
    "unit_id": null,
    "id": "7bd1d420-5689-453b-9fbb-48e91fd7e860",
    "created_at": "2026-12-02T05:51:51.170193Z"
  },
  {
    "name": "Austin warehouse",
    "address": "",
    "region": "US-TX",
    "floor_area_m2": 5000.0,
    "type": "warehouse",
    "unit_id": null,
    "id": "376676c2-6302-4826-bd34-fda1710c8764",
    "created_at": "2026-12-02T05:51:51.175304Z"
  }
];

/** GET /api/v1/carbon/periods after FY2023 was closed. */
export const PERIODS: PeriodRecord[] = [
  {
    "name": "FY2023",
    "start": "2023-01-01",
    "end": "2023-12-31",
    "id": "7a04a62e-2531-4324-82bd-087f3f4fd14e",
    "created_at": "2026-12-02T05:11:16.960684Z",
    "closed_at": "2026-12-02T05:11:17.284855Z",
    "closed_by": "8beda4f9-5dff-4d97-8dff-9ae46c44fa01"
  }
];

/** GET /api/v1/carbon/activities/records?limit=3. */
export const RECORDS_PAGE: RecordsPage = {
  "items": [
    {
      "id": "34202607-a4b5-4f56-b96d-eef23aebc0e8",
      "version": 1,
      "supersedes": null,
      "change": "recorded",
      "deleted": false,
      "organization_id": "2a865bf0-18bf-425f-92da-89bd3cbb00d0",
      "facility_id": "7bd1d420-5689-453b-9fbb-48e91fd7e860",
      "meter_id": null,
      "activity": "electricity.grid",
      "quantity": 17000.0,
      "unit": "kWh",
      "region": "GB",
      "year": 2024,
      "period_start": "2024-01-01",
      "period_end": "2024-01-31",
      "scope": 2,
      "category": null,
      "co2e_kg": 3519.8500000000004,
      "location_based_kg": 3519.8500000000004,
      "market_based_kg": 3519.8500000000004,
      "gases": {
        "CO2": {
          "mass_kg": null,
          "co2e_kg": 3483.81
        },
        "CH4": {
          "mass_kg": null,
          "co2e_kg": 15.299999999999999
        },
        "N2O": {
          "mass_kg": null,
          "co2e_kg": 20.74
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
        "quantity": 17000.0,
        "unit": "kWh",
        "region": "GB",
        "year": 2024,
        "gwp": "AR5",
        "method": "location",
        "options": {},
        "factor_id": null,
        "allow_later_year": false,
        "period_start": "2024-01-01",
        "period_end": "2024-01-31",
        "facility_id": "7bd1d420-5689-453b-9fbb-48e91fd7e860"
      },
      "calculation": {
        "activity": "electricity.grid",
        "quantity": 17000.0,
        "unit": "kWh",
        "region": "GB",
        "year": 2024,
        "co2e_kg": 3519.8500000000004,
        "gases": [
          {
            "gas": "CO2",
            "mass_kg": null,
            "co2e_kg": 3483.81,
            "gwp": null
          },
          {
            "gas": "CH4",
            "mass_kg": null,
            "co2e_kg": 15.299999999999999,
            "gwp": null
          },
          {
            "gas": "N2O",
            "mass_kg": null,
            "co2e_kg": 20.74,
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
          "location_based_kg": 3519.8500000000004,
          "market_based_kg": 3519.8500000000004,
          "market_basis": "location-based fallback: no contractual instrument applies and no residual-mix factors are shipped"
        },
        "selection": "GB grid electricity uses the UK Government (DESNZ) factors; editions with this factor: 2019, 2020, 2021, 2024; chose 2024, the latest not after the activity year 2024",
        "data_version": "2026.11",
        "notices": [
          "market-based figure: location-based fallback: no contractual instrument applies and no residual-mix factors are shipped"
        ],
        "steps": [
          "Activity electricity.grid: Electricity taken from the grid (scope 2, dual reporting); scope 2",
          "Factor selection: GB grid electricity uses the UK Government (DESNZ) factors; editions with this factor: 2019, 2020, 2021, 2024; chose 2024, the latest not after the activity year 2024",
          "Factor desnz-2024:electricity.grid:GB:kWh: UK electricity / Electricity generated / Electricity: UK / kWh (per kWh) — DESNZ and Defra, UK Government GHG Conversion Factors for Company Reporting 2024 (flat file v1.1); contains public sector information licensed under OGL v3.0",
          "CO2e = 17000 kWh × 0.20705 kg CO2e per kWh = 3519.85 kg CO2e (published CO2e; GWP basis AR5)",
          "CO2 share: 17000 kWh × 0.20493 kg CO2e per kWh = 3483.81 kg CO2e (published as CO2e)",
          "CH4 share: 17000 kWh × 0.0009 kg CO2e per kWh = 15.3 kg CO2e (published as CO2e)",
          "N2O share: 17000 kWh × 0.00122 kg CO2e per kWh = 20.74 kg CO2e (published as CO2e)",
          "Scope 2: location-based 3519.85 kg; market-based 3519.85 kg (location-based fallback: no contractual instrument applies and no residual-mix factors are shipped)",
          "Result: 3519.85 kg CO2e (location)"
        ]
      },
      "source": "manual",
      "recorded_by": "e07e7807-9acb-4b64-9256-501eb362c232",
      "recorded_at": "2026-12-02T05:51:51.186047Z"
    },
    {
      "id": "7b11a89f-e979-4c32-bbdc-de55f6287f33",
      "version": 1,
      "supersedes": null,
      "change": "recorded",
      "deleted": false,
      "organization_id": "2a865bf0-18bf-425f-92da-89bd3cbb00d0",
      "facility_id": "376676c2-6302-4826-bd34-fda1710c8764",
      "meter_id": null,
      "activity": "electricity.grid",
      "quantity": 30000.0,
      "unit": "kWh",
      "region": "US-TX",
      "year": 2024,
      "period_start": "2024-01-01",
      "period_end": "2024-01-31",
      "scope": 2,
      "category": null,
      "co2e_kg": 10494.027309126901,
      "location_based_kg": 10494.027309126901,
      "market_based_kg": 10494.027309126901,
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
        "quantity": 30000.0,
        "unit": "kWh",
        "region": "US-TX",
        "year": 2024,
        "gwp": "AR5",
        "method": "location",
        "options": {},
        "factor_id": null,
        "allow_later_year": false,
        "period_start": "2024-01-01",
        "period_end": "2024-01-31",
        "facility_id": "376676c2-6302-4826-bd34-fda1710c8764"
      },
      "calculation": {
        "activity": "electricity.grid",
        "quantity": 30000.0,
        "unit": "kWh",
        "region": "US-TX",
        "year": 2024,
        "co2e_kg": 10494.027309126901,
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
          "location_based_kg": 10494.027309126901,
          "market_based_kg": 10494.027309126901,
          "market_basis": "location-based fallback: no contractual instrument applies and no residual-mix factors are shipped"
        },
        "selection": "US grid electricity uses EPA eGRID (national, state or eGRID subregion); editions with this factor: 2023; chose 2023, the latest not after the activity year 2024",
        "data_version": "2026.11",
        "notices": [
          "the factor is published as CO2e on an unstated GWP basis; the requested AR5 could not be applied",
          "market-based figure: location-based fallback: no contractual instrument applies and no residual-mix factors are shipped"
        ],
        "steps": [
          "Activity electricity.grid: Electricity taken from the grid (scope 2, dual reporting); scope 2",
          "Factor selection: US grid electricity uses EPA eGRID (national, state or eGRID subregion); editions with this factor: 2023; chose 2023, the latest not after the activity year 2024",
          "Factor egrid-2023:electricity.grid:US-TX:MWh: eGRID state CO2e total output emission rate: texas (lb CO2e/MWh) — U.S. EPA, Emissions & Generation Resource Integrated Database (eGRID2023), state annual CO2e total output emission rate (STC2ERTA); via CodeCarbon 3.3.2",
          "Quantity: 30000 kWh × 0.001 MWh/kWh = 30 MWh",
          "CO2e = 30 MWh × 771.179 lb CO2e per MWh = 10494.02731 kg CO2e (published CO2e; GWP basis not stated by the source)",
          "Scope 2: location-based 10494.02731 kg; market-based 10494.02731 kg (location-based fallback: no contractual instrument applies and no residual-mix factors are shipped)",
          "Result: 10494.02731 kg CO2e (location)"
        ]
      },
      "source": "manual",
      "recorded_by": "e07e7807-9acb-4b64-9256-501eb362c232",
      "recorded_at": "2026-12-02T05:51:51.208036Z"
    },
    {
      "id": "82de4a1e-4ab2-45b3-9807-7a302713a055",
      "version": 1,
      "supersedes": null,
      "change": "recorded",
      "deleted": false,
      "organization_id": "2a865bf0-18bf-425f-92da-89bd3cbb00d0",
      "facility_id": "7bd1d420-5689-453b-9fbb-48e91fd7e860",
      "meter_id": null,
      "activity": "fuel.natural_gas",
      "quantity": 11000.0,
      "unit": "kWh",
      "region": "GB",
      "year": 2024,
      "period_start": "2024-01-01",
      "period_end": "2024-01-31",
      "scope": 1,
      "category": null,
      "co2e_kg": 2011.9,
      "location_based_kg": null,
      "market_based_kg": null,
      "gases": {
        "CO2": {
          "mass_kg": null,
          "co2e_kg": 2007.83
        },
        "CH4": {
          "mass_kg": null,
          "co2e_kg": 3.0799999999999996
        },
        "N2O": {
          "mass_kg": null,
          "co2e_kg": 0.9900000000000001
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
        "quantity": 11000.0,
        "unit": "kWh",
        "region": "GB",
        "year": 2024,
        "gwp": "AR5",
        "method": "location",
        "options": {},
        "factor_id": null,
        "allow_later_year": false,
        "period_start": "2024-01-01",
        "period_end": "2024-01-31",
        "facility_id": "7bd1d420-5689-453b-9fbb-48e91fd7e860"
      },
      "calculation": {
        "activity": "fuel.natural_gas",
        "quantity": 11000.0,
        "unit": "kWh",
        "region": "GB",
        "year": 2024,
        "co2e_kg": 2011.9,
        "gases": [
          {
            "gas": "CO2",
            "mass_kg": null,
            "co2e_kg": 2007.83,
            "gwp": null
          },
          {
            "gas": "CH4",
            "mass_kg": null,
            "co2e_kg": 3.0799999999999996,
            "gwp": null
          },
          {
            "gas": "N2O",
            "mass_kg": null,
            "co2e_kg": 0.9900000000000001,
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
        "selection": "GB activities use the UK Government (DESNZ) factors; editions with this factor: 2019, 2020, 2021, 2024; chose 2024, the latest not after the activity year 2024",
        "data_version": "2026.11",
        "notices": [],
        "steps": [
          "Activity fuel.natural_gas: Stationary combustion of natural gas; scope 1",
          "Factor selection: GB activities use the UK Government (DESNZ) factors; editions with this factor: 2019, 2020, 2021, 2024; chose 2024, the latest not after the activity year 2024",
          "Factor desnz-2024:fuel.natural_gas:GB:gross:kWh: Fuels / Gaseous fuels / Natural gas (per kWh (Gross CV)) — DESNZ and Defra, UK Government GHG Conversion Factors for Company Reporting 2024 (flat file v1.1); contains public sector information licensed under OGL v3.0",
          "CO2e = 11000 kWh × 0.1829 kg CO2e per kWh = 2011.9 kg CO2e (published CO2e; GWP basis AR5)",
          "CO2 share: 11000 kWh × 0.18253 kg CO2e per kWh = 2007.83 kg CO2e (published as CO2e)",
          "CH4 share: 11000 kWh × 0.00028 kg CO2e per kWh = 3.08 kg CO2e (published as CO2e)",
          "N2O share: 11000 kWh × 9e-05 kg CO2e per kWh = 0.99 kg CO2e (published as CO2e)",
          "Result: 2011.9 kg CO2e (location)"
        ]
      },
      "source": "manual",
      "recorded_by": "e07e7807-9acb-4b64-9256-501eb362c232",
      "recorded_at": "2026-12-02T05:51:51.200228Z"
    }
  ],
  "total": 147,
  "limit": 3,
  "offset": 0
};

/** GET /api/v1/carbon/activities/records?limit=2&offset=0&scope=2&from=2024-01-01&to=2024-12-31. */
export const RECORDS_SCOPE2_PAGE: RecordsPage = {
  "items": [
    {
      "id": "34202607-a4b5-4f56-b96d-eef23aebc0e8",
      "version": 1,
      "supersedes": null,
      "change": "recorded",
      "deleted": false,
      "organization_id": "2a865bf0-18bf-425f-92da-89bd3cbb00d0",
      "facility_id": "7bd1d420-5689-453b-9fbb-48e91fd7e860",
      "meter_id": null,
      "activity": "electricity.grid",
      "quantity": 17000.0,
      "unit": "kWh",
      "region": "GB",
      "year": 2024,
      "period_start": "2024-01-01",
      "period_end": "2024-01-31",
      "scope": 2,
      "category": null,
      "co2e_kg": 3519.8500000000004,
      "location_based_kg": 3519.8500000000004,
      "market_based_kg": 3519.8500000000004,
      "gases": {
        "CO2": {
          "mass_kg": null,
          "co2e_kg": 3483.81
        },
        "CH4": {
          "mass_kg": null,
          "co2e_kg": 15.299999999999999
        },
        "N2O": {
          "mass_kg": null,
          "co2e_kg": 20.74
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
        "quantity": 17000.0,
        "unit": "kWh",
        "region": "GB",
        "year": 2024,
        "gwp": "AR5",
        "method": "location",
        "options": {},
        "factor_id": null,
        "allow_later_year": false,
        "period_start": "2024-01-01",
        "period_end": "2024-01-31",
        "facility_id": "7bd1d420-5689-453b-9fbb-48e91fd7e860"
      },
      "calculation": {
        "activity": "electricity.grid",
        "quantity": 17000.0,
        "unit": "kWh",
        "region": "GB",
        "year": 2024,
        "co2e_kg": 3519.8500000000004,
        "gases": [
          {
            "gas": "CO2",
            "mass_kg": null,
            "co2e_kg": 3483.81,
            "gwp": null
          },
          {
            "gas": "CH4",
            "mass_kg": null,
            "co2e_kg": 15.299999999999999,
            "gwp": null
          },
          {
            "gas": "N2O",
            "mass_kg": null,
            "co2e_kg": 20.74,
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
          "location_based_kg": 3519.8500000000004,
          "market_based_kg": 3519.8500000000004,
          "market_basis": "location-based fallback: no contractual instrument applies and no residual-mix factors are shipped"
        },
        "selection": "GB grid electricity uses the UK Government (DESNZ) factors; editions with this factor: 2019, 2020, 2021, 2024; chose 2024, the latest not after the activity year 2024",
        "data_version": "2026.11",
        "notices": [
          "market-based figure: location-based fallback: no contractual instrument applies and no residual-mix factors are shipped"
        ],
        "steps": [
          "Activity electricity.grid: Electricity taken from the grid (scope 2, dual reporting); scope 2",
          "Factor selection: GB grid electricity uses the UK Government (DESNZ) factors; editions with this factor: 2019, 2020, 2021, 2024; chose 2024, the latest not after the activity year 2024",
          "Factor desnz-2024:electricity.grid:GB:kWh: UK electricity / Electricity generated / Electricity: UK / kWh (per kWh) — DESNZ and Defra, UK Government GHG Conversion Factors for Company Reporting 2024 (flat file v1.1); contains public sector information licensed under OGL v3.0",
          "CO2e = 17000 kWh × 0.20705 kg CO2e per kWh = 3519.85 kg CO2e (published CO2e; GWP basis AR5)",
          "CO2 share: 17000 kWh × 0.20493 kg CO2e per kWh = 3483.81 kg CO2e (published as CO2e)",
          "CH4 share: 17000 kWh × 0.0009 kg CO2e per kWh = 15.3 kg CO2e (published as CO2e)",
          "N2O share: 17000 kWh × 0.00122 kg CO2e per kWh = 20.74 kg CO2e (published as CO2e)",
          "Scope 2: location-based 3519.85 kg; market-based 3519.85 kg (location-based fallback: no contractual instrument applies and no residual-mix factors are shipped)",
          "Result: 3519.85 kg CO2e (location)"
        ]
      },
      "source": "manual",
      "recorded_by": "e07e7807-9acb-4b64-9256-501eb362c232",
      "recorded_at": "2026-12-02T05:51:51.186047Z"
    },
    {
      "id": "7b11a89f-e979-4c32-bbdc-de55f6287f33",
      "version": 1,
      "supersedes": null,
      "change": "recorded",
      "deleted": false,
      "organization_id": "2a865bf0-18bf-425f-92da-89bd3cbb00d0",
      "facility_id": "376676c2-6302-4826-bd34-fda1710c8764",
      "meter_id": null,
      "activity": "electricity.grid",
      "quantity": 30000.0,
      "unit": "kWh",
      "region": "US-TX",
      "year": 2024,
      "period_start": "2024-01-01",
      "period_end": "2024-01-31",
      "scope": 2,
      "category": null,
      "co2e_kg": 10494.027309126901,
      "location_based_kg": 10494.027309126901,
      "market_based_kg": 10494.027309126901,
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
        "quantity": 30000.0,
        "unit": "kWh",
        "region": "US-TX",
        "year": 2024,
        "gwp": "AR5",
        "method": "location",
        "options": {},
        "factor_id": null,
        "allow_later_year": false,
        "period_start": "2024-01-01",
        "period_end": "2024-01-31",
        "facility_id": "376676c2-6302-4826-bd34-fda1710c8764"
      },
      "calculation": {
        "activity": "electricity.grid",
        "quantity": 30000.0,
        "unit": "kWh",
        "region": "US-TX",
        "year": 2024,
        "co2e_kg": 10494.027309126901,
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
          "location_based_kg": 10494.027309126901,
          "market_based_kg": 10494.027309126901,
          "market_basis": "location-based fallback: no contractual instrument applies and no residual-mix factors are shipped"
        },
        "selection": "US grid electricity uses EPA eGRID (national, state or eGRID subregion); editions with this factor: 2023; chose 2023, the latest not after the activity year 2024",
        "data_version": "2026.11",
        "notices": [
          "the factor is published as CO2e on an unstated GWP basis; the requested AR5 could not be applied",
          "market-based figure: location-based fallback: no contractual instrument applies and no residual-mix factors are shipped"
        ],
        "steps": [
          "Activity electricity.grid: Electricity taken from the grid (scope 2, dual reporting); scope 2",
          "Factor selection: US grid electricity uses EPA eGRID (national, state or eGRID subregion); editions with this factor: 2023; chose 2023, the latest not after the activity year 2024",
          "Factor egrid-2023:electricity.grid:US-TX:MWh: eGRID state CO2e total output emission rate: texas (lb CO2e/MWh) — U.S. EPA, Emissions & Generation Resource Integrated Database (eGRID2023), state annual CO2e total output emission rate (STC2ERTA); via CodeCarbon 3.3.2",
          "Quantity: 30000 kWh × 0.001 MWh/kWh = 30 MWh",
          "CO2e = 30 MWh × 771.179 lb CO2e per MWh = 10494.02731 kg CO2e (published CO2e; GWP basis not stated by the source)",
          "Scope 2: location-based 10494.02731 kg; market-based 10494.02731 kg (location-based fallback: no contractual instrument applies and no residual-mix factors are shipped)",
          "Result: 10494.02731 kg CO2e (location)"
        ]
      },
      "source": "manual",
      "recorded_by": "e07e7807-9acb-4b64-9256-501eb362c232",
      "recorded_at": "2026-12-02T05:51:51.208036Z"
    }
  ],
  "total": 24,
  "limit": 2,
  "offset": 0
};

/** GET /api/v1/carbon/activities/totals (no filters). */
export const TOTALS: Totals = {
  "co2e_kg": 582905.3098596878,
  "activities": 149,
  "group_by": null,
  "groups": []
};

/** POST /api/v1/carbon/activities: natural gas, net CV, at the London office (with its stored calculation). */
export const RECORD_CREATED: ActivityRecord = {
  "id": "b09c2638-ec47-4c1c-b566-8619cf5c9186",
  "version": 1,
  "supersedes": null,
  "change": "recorded",
  "deleted": false,
  "organization_id": "2a865bf0-18bf-425f-92da-89bd3cbb00d0",
  "facility_id": "7bd1d420-5689-453b-9fbb-48e91fd7e860",
  "meter_id": null,
  "activity": "fuel.natural_gas",
  "quantity": 1200.0,
  "unit": "kWh",
  "region": "GB",
  "year": 2025,
  "period_start": "2025-04-01",
  "period_end": "2025-04-30",
  "scope": 1,
  "category": null,
  "co2e_kg": 243.16799999999998,
  "location_based_kg": null,
  "market_based_kg": null,
  "gases": {
    "CO2": {
      "mass_kg": null,
      "co2e_kg": 242.676
    },
    "CH4": {
      "mass_kg": null,
      "co2e_kg": 0.372
    },
    "N2O": {
      "mass_kg": null,
      "co2e_kg": 0.12000000000000001
    }
  },
  "gwp": "AR5",
  "factor": {
    "id": "desnz-2024:fuel.natural_gas:GB:net:kWh",
    "value": 0.20264,
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
    "quantity": 1200.0,
    "unit": "kWh",
    "region": "GB",
    "year": 2025,
    "gwp": "AR5",
    "method": "location",
    "options": {
      "calorific_basis": "net"
    },
    "factor_id": null,
    "allow_later_year": false,
    "period_start": "2025-04-01",
    "period_end": "2025-04-30",
    "facility_id": "7bd1d420-5689-453b-9fbb-48e91fd7e860"
  },
  "calculation": {
    "activity": "fuel.natural_gas",
    "quantity": 1200.0,
    "unit": "kWh",
    "region": "GB",
    "year": 2025,
    "co2e_kg": 243.16799999999998,
    "gases": [
      {
        "gas": "CO2",
        "mass_kg": null,
        "co2e_kg": 242.676,
        "gwp": null
      },
      {
        "gas": "CH4",
        "mass_kg": null,
        "co2e_kg": 0.372,
        "gwp": null
      },
      {
        "gas": "N2O",
        "mass_kg": null,
        "co2e_kg": 0.12000000000000001,
        "gwp": null
      }
    ],
    "scope": 1,
    "scope3_category": null,
    "factor": {
      "id": "desnz-2024:fuel.natural_gas:GB:net:kWh",
      "value": 0.20264,
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
      "Factor desnz-2024:fuel.natural_gas:GB:net:kWh: Fuels / Gaseous fuels / Natural gas (per kWh (Net CV)) — DESNZ and Defra, UK Government GHG Conversion Factors for Company Reporting 2024 (flat file v1.1); contains public sector information licensed under OGL v3.0",
      "CO2e = 1200 kWh × 0.20264 kg CO2e per kWh = 243.168 kg CO2e (published CO2e; GWP basis AR5)",
      "CO2 share: 1200 kWh × 0.20223 kg CO2e per kWh = 242.676 kg CO2e (published as CO2e)",
      "CH4 share: 1200 kWh × 0.00031 kg CO2e per kWh = 0.372 kg CO2e (published as CO2e)",
      "N2O share: 1200 kWh × 0.0001 kg CO2e per kWh = 0.12 kg CO2e (published as CO2e)",
      "Result: 243.168 kg CO2e (location)"
    ]
  },
  "source": "manual",
  "recorded_by": "e07e7807-9acb-4b64-9256-501eb362c232",
  "recorded_at": "2026-12-02T05:52:37.923613Z"
};

/** GET /api/v1/carbon/activities/{id}/versions after a correction (1,000 kWh) and a delete. */
export const VERSIONS: ActivityRecord[] = [
  {
    "id": "b09c2638-ec47-4c1c-b566-8619cf5c9186",
    "version": 1,
    "supersedes": null,
    "change": "recorded",
    "deleted": false,
    "organization_id": "2a865bf0-18bf-425f-92da-89bd3cbb00d0",
    "facility_id": "7bd1d420-5689-453b-9fbb-48e91fd7e860",
    "meter_id": null,
    "activity": "fuel.natural_gas",
    "quantity": 1200.0,
    "unit": "kWh",
    "region": "GB",
    "year": 2025,
    "period_start": "2025-04-01",
    "period_end": "2025-04-30",
    "scope": 1,
    "category": null,
    "co2e_kg": 243.16799999999998,
    "location_based_kg": null,
    "market_based_kg": null,
    "gases": {
      "CO2": {
        "mass_kg": null,
        "co2e_kg": 242.676
      },
      "CH4": {
        "mass_kg": null,
        "co2e_kg": 0.372
      },
      "N2O": {
        "mass_kg": null,
        "co2e_kg": 0.12000000000000001
      }
    },
    "gwp": "AR5",
    "factor": {
      "id": "desnz-2024:fuel.natural_gas:GB:net:kWh",
      "value": 0.20264,
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
      "quantity": 1200.0,
      "unit": "kWh",
      "region": "GB",
      "year": 2025,
      "gwp": "AR5",
      "method": "location",
      "options": {
        "calorific_basis": "net"
      },
      "factor_id": null,
      "allow_later_year": false,
      "period_start": "2025-04-01",
      "period_end": "2025-04-30",
      "facility_id": "7bd1d420-5689-453b-9fbb-48e91fd7e860"
    },
    "calculation": {
      "activity": "fuel.natural_gas",
      "quantity": 1200.0,
      "unit": "kWh",
      "region": "GB",
      "year": 2025,
      "co2e_kg": 243.16799999999998,
      "gases": [
        {
          "gas": "CO2",
          "mass_kg": null,
          "co2e_kg": 242.676,
          "gwp": null
        },
        {
          "gas": "CH4",
          "mass_kg": null,
          "co2e_kg": 0.372,
          "gwp": null
        },
        {
          "gas": "N2O",
          "mass_kg": null,
          "co2e_kg": 0.12000000000000001,
          "gwp": null
        }
      ],
      "scope": 1,
      "scope3_category": null,
      "factor": {
        "id": "desnz-2024:fuel.natural_gas:GB:net:kWh",
        "value": 0.20264,
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
        "Factor desnz-2024:fuel.natural_gas:GB:net:kWh: Fuels / Gaseous fuels / Natural gas (per kWh (Net CV)) — DESNZ and Defra, UK Government GHG Conversion Factors for Company Reporting 2024 (flat file v1.1); contains public sector information licensed under OGL v3.0",
        "CO2e = 1200 kWh × 0.20264 kg CO2e per kWh = 243.168 kg CO2e (published CO2e; GWP basis AR5)",
        "CO2 share: 1200 kWh × 0.20223 kg CO2e per kWh = 242.676 kg CO2e (published as CO2e)",
        "CH4 share: 1200 kWh × 0.00031 kg CO2e per kWh = 0.372 kg CO2e (published as CO2e)",
        "N2O share: 1200 kWh × 0.0001 kg CO2e per kWh = 0.12 kg CO2e (published as CO2e)",
        "Result: 243.168 kg CO2e (location)"
      ]
    },
    "source": "manual",
    "recorded_by": "e07e7807-9acb-4b64-9256-501eb362c232",
    "recorded_at": "2026-12-02T05:52:37.923613Z"
  },
  {
    "id": "b09c2638-ec47-4c1c-b566-8619cf5c9186",
    "version": 2,
    "supersedes": 1,
    "change": "corrected",
    "deleted": false,
    "organization_id": "2a865bf0-18bf-425f-92da-89bd3cbb00d0",
    "facility_id": "7bd1d420-5689-453b-9fbb-48e91fd7e860",
    "meter_id": null,
    "activity": "fuel.natural_gas",
    "quantity": 1000.0,
    "unit": "kWh",
    "region": "GB",
    "year": 2025,
    "period_start": "2025-04-01",
    "period_end": "2025-04-30",
    "scope": 1,
    "category": null,
    "co2e_kg": 202.64,
    "location_based_kg": null,
    "market_based_kg": null,
    "gases": {
      "CO2": {
        "mass_kg": null,
        "co2e_kg": 202.23
      },
      "CH4": {
        "mass_kg": null,
        "co2e_kg": 0.31
      },
      "N2O": {
        "mass_kg": null,
        "co2e_kg": 0.1
      }
    },
    "gwp": "AR5",
    "factor": {
      "id": "desnz-2024:fuel.natural_gas:GB:net:kWh",
      "value": 0.20264,
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
      "quantity": 1000.0,
      "unit": "kWh",
      "region": "GB",
      "year": 2025,
      "gwp": "AR5",
      "method": "location",
      "options": {
        "calorific_basis": "net"
      },
      "factor_id": null,
      "allow_later_year": false,
      "period_start": "2025-04-01",
      "period_end": "2025-04-30",
      "facility_id": "7bd1d420-5689-453b-9fbb-48e91fd7e860"
    },
    "calculation": {
      "activity": "fuel.natural_gas",
      "quantity": 1000.0,
      "unit": "kWh",
      "region": "GB",
      "year": 2025,
      "co2e_kg": 202.64,
      "gases": [
        {
          "gas": "CO2",
          "mass_kg": null,
          "co2e_kg": 202.23,
          "gwp": null
        },
        {
          "gas": "CH4",
          "mass_kg": null,
          "co2e_kg": 0.31,
          "gwp": null
        },
        {
          "gas": "N2O",
          "mass_kg": null,
          "co2e_kg": 0.1,
          "gwp": null
        }
      ],
      "scope": 1,
      "scope3_category": null,
      "factor": {
        "id": "desnz-2024:fuel.natural_gas:GB:net:kWh",
        "value": 0.20264,
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
        "Factor desnz-2024:fuel.natural_gas:GB:net:kWh: Fuels / Gaseous fuels / Natural gas (per kWh (Net CV)) — DESNZ and Defra, UK Government GHG Conversion Factors for Company Reporting 2024 (flat file v1.1); contains public sector information licensed under OGL v3.0",
        "CO2e = 1000 kWh × 0.20264 kg CO2e per kWh = 202.64 kg CO2e (published CO2e; GWP basis AR5)",
        "CO2 share: 1000 kWh × 0.20223 kg CO2e per kWh = 202.23 kg CO2e (published as CO2e)",
        "CH4 share: 1000 kWh × 0.00031 kg CO2e per kWh = 0.31 kg CO2e (published as CO2e)",
        "N2O share: 1000 kWh × 0.0001 kg CO2e per kWh = 0.1 kg CO2e (published as CO2e)",
        "Result: 202.64 kg CO2e (location)"
      ]
    },
    "source": "manual",
    "recorded_by": "e07e7807-9acb-4b64-9256-501eb362c232",
    "recorded_at": "2026-12-02T05:52:37.957856Z"
  },
  {
    "id": "b09c2638-ec47-4c1c-b566-8619cf5c9186",
    "version": 3,
    "supersedes": 2,
    "change": "deleted",
    "deleted": true,
    "organization_id": "2a865bf0-18bf-425f-92da-89bd3cbb00d0",
    "facility_id": "7bd1d420-5689-453b-9fbb-48e91fd7e860",
    "meter_id": null,
    "activity": "fuel.natural_gas",
    "quantity": 1000.0,
    "unit": "kWh",
    "region": "GB",
    "year": 2025,
    "period_start": "2025-04-01",
    "period_end": "2025-04-30",
    "scope": 1,
    "category": null,
    "co2e_kg": 202.64,
    "location_based_kg": null,
    "market_based_kg": null,
    "gases": {
      "CO2": {
        "mass_kg": null,
        "co2e_kg": 202.23
      },
      "CH4": {
        "mass_kg": null,
        "co2e_kg": 0.31
      },
      "N2O": {
        "mass_kg": null,
        "co2e_kg": 0.1
      }
    },
    "gwp": "AR5",
    "factor": {
      "id": "desnz-2024:fuel.natural_gas:GB:net:kWh",
      "value": 0.20264,
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
      "quantity": 1000.0,
      "unit": "kWh",
      "region": "GB",
      "year": 2025,
      "gwp": "AR5",
      "method": "location",
      "options": {
        "calorific_basis": "net"
      },
      "factor_id": null,
      "allow_later_year": false,
      "period_start": "2025-04-01",
      "period_end": "2025-04-30",
      "facility_id": "7bd1d420-5689-453b-9fbb-48e91fd7e860"
    },
    "calculation": {
      "activity": "fuel.natural_gas",
      "quantity": 1000.0,
      "unit": "kWh",
      "region": "GB",
      "year": 2025,
      "co2e_kg": 202.64,
      "gases": [
        {
          "gas": "CO2",
          "mass_kg": null,
          "co2e_kg": 202.23,
          "gwp": null
        },
        {
          "gas": "CH4",
          "mass_kg": null,
          "co2e_kg": 0.31,
          "gwp": null
        },
        {
          "gas": "N2O",
          "mass_kg": null,
          "co2e_kg": 0.1,
          "gwp": null
        }
      ],
      "scope": 1,
      "scope3_category": null,
      "factor": {
        "id": "desnz-2024:fuel.natural_gas:GB:net:kWh",
        "value": 0.20264,
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
        "Factor desnz-2024:fuel.natural_gas:GB:net:kWh: Fuels / Gaseous fuels / Natural gas (per kWh (Net CV)) — DESNZ and Defra, UK Government GHG Conversion Factors for Company Reporting 2024 (flat file v1.1); contains public sector information licensed under OGL v3.0",
        "CO2e = 1000 kWh × 0.20264 kg CO2e per kWh = 202.64 kg CO2e (published CO2e; GWP basis AR5)",
        "CO2 share: 1000 kWh × 0.20223 kg CO2e per kWh = 202.23 kg CO2e (published as CO2e)",
        "CH4 share: 1000 kWh × 0.00031 kg CO2e per kWh = 0.31 kg CO2e (published as CO2e)",
        "N2O share: 1000 kWh × 0.0001 kg CO2e per kWh = 0.1 kg CO2e (published as CO2e)",
        "Result: 202.64 kg CO2e (location)"
      ]
    },
    "source": "manual",
    "recorded_by": "e07e7807-9acb-4b64-9256-501eb362c232",
    "recorded_at": "2026-12-02T05:52:37.993244Z"
  }
];

/** POST /api/v1/carbon/estimates {fuel.natural_gas, 1200 kWh, GB, 2024}. */
export const ESTIMATE_GAS: EstimateResult = {
  "activity": "fuel.natural_gas",
  "quantity": 1200.0,
  "unit": "kWh",
  "region": "GB",
  "year": 2024,
  "co2e_kg": 219.48000000000002,
  "gases": [
    {
      "gas": "CO2",
      "mass_kg": null,
      "co2e_kg": 219.036,
      "gwp": null
    },
    {
      "gas": "CH4",
      "mass_kg": null,
      "co2e_kg": 0.33599999999999997,
      "gwp": null
    },
    {
      "gas": "N2O",
      "mass_kg": null,
      "co2e_kg": 0.10800000000000001,
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
  "selection": "GB activities use the UK Government (DESNZ) factors; editions with this factor: 2019, 2020, 2021, 2024; chose 2024, the latest not after the activity year 2024",
  "data_version": "2026.11",
  "notices": [],
  "steps": [
    "Activity fuel.natural_gas: Stationary combustion of natural gas; scope 1",
    "Factor selection: GB activities use the UK Government (DESNZ) factors; editions with this factor: 2019, 2020, 2021, 2024; chose 2024, the latest not after the activity year 2024",
    "Factor desnz-2024:fuel.natural_gas:GB:gross:kWh: Fuels / Gaseous fuels / Natural gas (per kWh (Gross CV)) — DESNZ and Defra, UK Government GHG Conversion Factors for Company Reporting 2024 (flat file v1.1); contains public sector information licensed under OGL v3.0",
    "CO2e = 1200 kWh × 0.1829 kg CO2e per kWh = 219.48 kg CO2e (published CO2e; GWP basis AR5)",
    "CO2 share: 1200 kWh × 0.18253 kg CO2e per kWh = 219.036 kg CO2e (published as CO2e)",
    "CH4 share: 1200 kWh × 0.00028 kg CO2e per kWh = 0.336 kg CO2e (published as CO2e)",
    "N2O share: 1200 kWh × 9e-05 kg CO2e per kWh = 0.108 kg CO2e (published as CO2e)",
    "Result: 219.48 kg CO2e (location)"
  ]
};

/** POST /api/v1/carbon/estimates {electricity.grid, 5000 kWh, GB, 2024, market, contract factor 0.02}. */
export const ESTIMATE_ELECTRICITY_MARKET: EstimateResult = {
  "activity": "electricity.grid",
  "quantity": 5000.0,
  "unit": "kWh",
  "region": "GB",
  "year": 2024,
  "co2e_kg": 100.0,
  "gases": [],
  "scope": 2,
  "scope3_category": null,
  "factor": {
    "id": "contract",
    "value": 0.02,
    "unit": "kWh",
    "dataset": "contractual-instrument",
    "dataset_version": "supplied by the organisation",
    "year": 2024,
    "region": "GB",
    "citation": "request option",
    "licence": "n/a",
    "source_url": "",
    "gwp_basis": null,
    "private": false
  },
  "gwp_requested": "AR5",
  "gwp_applied": null,
  "method": "market",
  "scope2": {
    "location_based_kg": 1035.25,
    "market_based_kg": 100.0,
    "market_basis": "contract factor given in options"
  },
  "selection": "GB grid electricity uses the UK Government (DESNZ) factors; editions with this factor: 2019, 2020, 2021, 2024; chose 2024, the latest not after the activity year 2024",
  "data_version": "2026.11",
  "notices": [],
  "steps": [
    "Activity electricity.grid: Electricity taken from the grid (scope 2, dual reporting); scope 2",
    "Factor selection: GB grid electricity uses the UK Government (DESNZ) factors; editions with this factor: 2019, 2020, 2021, 2024; chose 2024, the latest not after the activity year 2024",
    "Factor desnz-2024:electricity.grid:GB:kWh: UK electricity / Electricity generated / Electricity: UK / kWh (per kWh) — DESNZ and Defra, UK Government GHG Conversion Factors for Company Reporting 2024 (flat file v1.1); contains public sector information licensed under OGL v3.0",
    "CO2e = 5000 kWh × 0.20705 kg CO2e per kWh = 1035.25 kg CO2e (published CO2e; GWP basis AR5)",
    "CO2 share: 5000 kWh × 0.20493 kg CO2e per kWh = 1024.65 kg CO2e (published as CO2e)",
    "CH4 share: 5000 kWh × 0.0009 kg CO2e per kWh = 4.5 kg CO2e (published as CO2e)",
    "N2O share: 5000 kWh × 0.00122 kg CO2e per kWh = 6.1 kg CO2e (published as CO2e)",
    "Scope 2: location-based 1035.25 kg; market-based 100 kg (contract factor given in options)",
    "Result: 100 kg CO2e (market)"
  ]
};

/** POST /api/v1/carbon/estimates {travel.flight, 800 km, GB, 2024, haul short, radiative forcing, 2 passengers}. */
export const ESTIMATE_FLIGHT: EstimateResult = {
  "activity": "travel.flight",
  "quantity": 800.0,
  "unit": "km",
  "region": "GB",
  "year": 2024,
  "co2e_kg": 297.472,
  "gases": [
    {
      "gas": "CO2",
      "mass_kg": null,
      "co2e_kg": 295.984,
      "gwp": null
    },
    {
      "gas": "CH4",
      "mass_kg": null,
      "co2e_kg": 0.016,
      "gwp": null
    },
    {
      "gas": "N2O",
      "mass_kg": null,
      "co2e_kg": 1.472,
      "gwp": null
    }
  ],
  "scope": 3,
  "scope3_category": {
    "number": 6,
    "name": "Business travel"
  },
  "factor": {
    "id": "desnz-2024:travel.flight:GB:average:short:true:passenger_km",
    "value": 0.18592,
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
  "selection": "GB activities use the UK Government (DESNZ) factors; editions with this factor: 2019, 2020, 2021, 2024; chose 2024, the latest not after the activity year 2024",
  "data_version": "2026.11",
  "notices": [],
  "steps": [
    "Activity travel.flight: Air travel; the quantity is the distance each passenger flew; scope 3, category 6 Business travel",
    "Factor selection: GB activities use the UK Government (DESNZ) factors; editions with this factor: 2019, 2020, 2021, 2024; chose 2024, the latest not after the activity year 2024",
    "Factor desnz-2024:travel.flight:GB:average:short:true:passenger_km: Business travel- air / Flights / Short-haul, to/from UK / Average passenger / With RF (per passenger.km) — DESNZ and Defra, UK Government GHG Conversion Factors for Company Reporting 2024 (flat file v1.1); contains public sector information licensed under OGL v3.0",
    "2 passengers each travelled 800 km",
    "Quantity: 800 km × 2 passengers = 1600 passenger_km",
    "CO2e = 1600 passenger_km × 0.18592 kg CO2e per passenger_km = 297.472 kg CO2e (published CO2e; GWP basis AR5)",
    "CO2 share: 1600 passenger_km × 0.18499 kg CO2e per passenger_km = 295.984 kg CO2e (published as CO2e)",
    "CH4 share: 1600 passenger_km × 1e-05 kg CO2e per passenger_km = 0.016 kg CO2e (published as CO2e)",
    "N2O share: 1600 passenger_km × 0.00092 kg CO2e per passenger_km = 1.472 kg CO2e (published as CO2e)",
    "Result: 297.472 kg CO2e (location)"
  ]
};

/** 422 from POST /api/v1/carbon/estimates with unit furlong. */
export const PROBLEM_BAD_UNIT: Problem = {
  "type": "https://ecotrack.dev/problems/unprocessable-content",
  "title": "Unprocessable Entity",
  "status": 422,
  "detail": "unit 'furlong' is not accepted for fuel.natural_gas",
  "instance": "/api/v1/carbon/estimates",
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
  ]
};

/** 422 from POST /api/v1/carbon/estimates for a flight without haul. */
export const PROBLEM_HAUL_REQUIRED: Problem = {
  "type": "https://ecotrack.dev/problems/unprocessable-content",
  "title": "Unprocessable Entity",
  "status": 422,
  "detail": "option 'haul' is required for the desnz factors for travel.flight in GB",
  "instance": "/api/v1/carbon/estimates",
  "accepted_values": [
    "domestic",
    "international",
    "long",
    "short"
  ]
};

/** 409 from POST /api/v1/carbon/activities into the closed FY2023. */
export const PROBLEM_CLOSED_PERIOD: Problem = {
  "type": "https://ecotrack.dev/problems/conflict",
  "title": "Conflict",
  "status": 409,
  "detail": "period 'FY2023' (2023-01-01 to 2023-12-31) is closed; activities covering 2023-04-01 to 2023-04-30 cannot change",
  "instance": "/api/v1/carbon/activities",
  "period_id": "7a04a62e-2531-4324-82bd-087f3f4fd14e"
};

/** 201 from POST /api/v1/carbon/activities/import?mode=valid_rows (4 rows, 2 bad). */
export const IMPORT_VALID_ROWS: ImportReport = {
  "mode": "valid_rows",
  "rows": 4,
  "imported": 2,
  "failed": 2,
  "error_count": 2,
  "activity_ids": [
    "2c9aede5-c623-4494-b8df-b3bd47f1ed79",
    "f2c703b9-dac6-48ed-a5d2-ea4cecfbaacb"
  ],
  "errors": [
    {
      "row": 3,
      "column": "unit",
      "detail": "unit 'furlong' is not accepted for fuel.natural_gas",
      "accepted": [
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
      ]
    },
    {
      "row": 5,
      "column": "options",
      "detail": "quantity must be a finite number of zero or more, not -4.0",
      "accepted": "finite numbers >= 0"
    }
  ]
};

/** 422 from POST /api/v1/carbon/activities/import?mode=all_or_nothing (the same file). */
export const PROBLEM_IMPORT_ALL_OR_NOTHING: Problem = {
  "type": "https://ecotrack.dev/problems/unprocessable-content",
  "title": "Unprocessable Entity",
  "status": 422,
  "detail": "2 of 4 rows have errors; nothing was imported",
  "instance": "/api/v1/carbon/activities/import",
  "mode": "all_or_nothing",
  "rows": 4,
  "imported": 0,
  "failed": 2,
  "errors": [
    {
      "row": 3,
      "column": "unit",
      "detail": "unit 'furlong' is not accepted for fuel.natural_gas",
      "accepted": [
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
      ]
    },
    {
      "row": 5,
      "column": "options",
      "detail": "quantity must be a finite number of zero or more, not -4.0",
      "accepted": "finite numbers >= 0"
    }
  ]
};

/** 422 from POST /api/v1/carbon/activities/import with wrong columns. */
export const PROBLEM_IMPORT_COLUMNS: Problem = {
  "type": "https://ecotrack.dev/problems/unprocessable-content",
  "title": "Unprocessable Entity",
  "status": 422,
  "detail": "the columns do not match the template: missing: quantity, unit, region, year, period_start, period_end; unknown: qty",
  "instance": "/api/v1/carbon/activities/import",
  "missing_columns": [
    "quantity",
    "unit",
    "region",
    "year",
    "period_start",
    "period_end"
  ],
  "unknown_columns": [
    "qty"
  ],
  "expected_columns": [
    "activity",
    "quantity",
    "unit",
    "region",
    "year",
    "period_start",
    "period_end",
    "facility_id",
    "gwp",
    "method",
    "options",
    "factor_id"
  ]
};

/** 415 from POST /api/v1/carbon/activities/import with a PDF. */
export const PROBLEM_IMPORT_MEDIA_TYPE: Problem = {
  "type": "https://ecotrack.dev/problems/unsupported-media-type",
  "title": "Unsupported Media Type",
  "status": 415,
  "detail": "send the file as text/csv or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, not application/pdf",
  "instance": "/api/v1/carbon/activities/import",
  "accepted_types": [
    "text/csv",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
  ]
};
