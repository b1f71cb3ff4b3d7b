"""US EPA GHG Emission Factors Hub 2025: combustion (Tables 1 and 7), business travel and
commuting (Table 10), waste (Table 9, WARM) and the eGRID grid gross loss (Table 6)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from ecotrack.carbon.data import read_rows
from ecotrack.carbon.factors.model import Factor, GasValue, ReferenceValue, slug
from ecotrack.carbon.factors.sources import factor, lookup, number, provenance

DATASET: Final = "epa-hub"
YEAR: Final = 2025  # the Hub's edition; its combustion factors carry no data year
EDITION: Final = f"{DATASET}-{YEAR}"

_FUELS: Final[dict[str, tuple[str, dict[str, str]]]] = {
    "Natural Gas": ("fuel.natural_gas", {}),
    "Distillate Fuel Oil No. 2": ("fuel.diesel", {}),
    "Motor Gasoline": ("fuel.petrol", {}),
    "Propane": ("fuel.propane", {}),
    "Liquefied Petroleum Gases (LPG)": ("fuel.lpg", {}),
    "Residual Fuel Oil No. 6": ("fuel.fuel_oil", {}),
    "Anthracite": ("fuel.coal", {"fuel_type": "anthracite"}),
    "Bituminous": ("fuel.coal", {"fuel_type": "bituminous"}),
    "Sub-bituminous": ("fuel.coal", {"fuel_type": "sub_bituminous"}),
    "Lignite": ("fuel.coal", {"fuel_type": "lignite"}),
    "Mixed (Commercial Sector)": ("fuel.coal", {"fuel_type": "commercial"}),
    "Mixed (Electric Power Sector)": ("fuel.coal", {"fuel_type": "electricity_generation"}),
    "Mixed (Industrial Coking)": ("fuel.coal", {"fuel_type": "coking"}),
    "Mixed (Industrial Sector)": ("fuel.coal", {"fuel_type": "industrial"}),
    "Coal Coke": ("fuel.coal", {"fuel_type": "coke"}),
    "Steam and Heat": ("heat.steam", {}),
}
_PHYSICAL_UNITS: Final = {"scf": "scf", "gallon": "gallon", "short ton": "short_ton"}
_TRAVEL: Final[dict[str, tuple[str, dict[str, str], str]]] = {
    "Passenger Car": ("vehicle.car", {"size": "average"}, "mile"),
    "Light-Duty Truck": ("vehicle.car", {"size": "light_truck"}, "mile"),
    "Intercity Rail - Northeast Corridor": (
        "travel.rail",
        {"type": "intercity_northeast_corridor"},
        "passenger_mile",
    ),
    "Intercity Rail - Other Routes": (
        "travel.rail",
        {"type": "intercity_other_routes"},
        "passenger_mile",
    ),
    "Intercity Rail - National Average": (
        "travel.rail",
        {"type": "national_rail"},
        "passenger_mile",
    ),
    "Commuter Rail": ("travel.rail", {"type": "commuter_rail"}, "passenger_mile"),
    "Transit Rail (i.e. Subway, Tram)": ("travel.rail", {"type": "transit_rail"}, "passenger_mile"),
    "Bus": ("travel.bus", {"type": "average"}, "passenger_mile"),
    "Air Travel - Short Haul (< 300 miles)": (
        "travel.flight",
        {"haul": "short", "cabin_class": "average", "radiative_forcing": "false"},
        "passenger_mile",
    ),
    "Air Travel - Medium Haul (>= 300 miles, < 2300 miles)": (
        "travel.flight",
        {"haul": "medium", "cabin_class": "average", "radiative_forcing": "false"},
        "passenger_mile",
    ),
    "Air Travel - Long Haul (>= 2300 miles)": (
        "travel.flight",
        {"haul": "long", "cabin_class": "average", "radiative_forcing": "false"},
        "passenger_mile",
    ),
}
_TREATMENT: Final = {
    "Recycled": "recycling",
    "Landfilled": "landfill",
    "Combusted": "combustion",
    "Composted": "composting",
    "Anaerobically Digested (Dry Digestate with Curing)": "anaerobic_digestion_dry",
    "Anaerobically Digested (Wet Digestate with Curing)": "anaerobic_digestion_wet",
}


def _gases(
    file: str, line: int, row: Mapping[str, str], co2: str, ch4: str, n2o: str
) -> dict[str, GasValue]:
    return {
        "CO2": GasValue(value=number(file, line, row, co2), unit="kg"),
        "CH4": GasValue(value=number(file, line, row, ch4), unit="g"),
        "N2O": GasValue(value=number(file, line, row, n2o), unit="g"),
    }


def load_stationary(file: str) -> list[Factor]:
    factors = []
    for line, row in read_rows(file):
        activity, options = lookup(file, line, _FUELS, row["fuel_type"], "fuel_type")
        common = (DATASET, YEAR, row["edition"], activity, "US")
        source = provenance(file, row)
        label = f"{row['table']}: {row['fuel_type']}"
        meta: dict[str, Any] = {"edition": EDITION, "scope": 1 if activity != "heat.steam" else 2}
        # EPA heat contents are higher heating values, so per-mmBtu factors are gross-CV
        factors.append(
            factor(
                *common,
                options | {"calorific_basis": "gross"},
                "MMBtu",
                f"{label} (per mmBtu, HHV)",
                source,
                gas_basis="mass",
                gases=_gases(
                    file, line, row, "co2_kg_per_mmbtu", "ch4_g_per_mmbtu", "n2o_g_per_mmbtu"
                ),
                source_ref=f"{label}, per mmBtu",
                **meta,
            )
        )
        if row["physical_unit"]:
            unit = lookup(file, line, _PHYSICAL_UNITS, row["physical_unit"], "physical_unit")
            factors.append(
                factor(
                    *common,
                    options,
                    unit,
                    f"{label} (per {row['physical_unit']})",
                    source,
                    gas_basis="mass",
                    gases=_gases(
                        file,
                        line,
                        row,
                        "co2_kg_per_physical_unit",
                        "ch4_g_per_physical_unit",
                        "n2o_g_per_physical_unit",
                    ),
                    source_ref=f"{label}, per {row['physical_unit']}",
                    **meta,
                )
            )
    return factors


def load_travel(file: str) -> list[Factor]:
    factors = []
    for line, row in read_rows(file):
        activity, options, unit = lookup(file, line, _TRAVEL, row["vehicle_type"], "vehicle")
        factors.append(
            factor(
                DATASET,
                YEAR,
                row["edition"],
                activity,
                "US",
                options,
                unit,
                f"{row['table']}: {row['vehicle_type']} (per {row['activity_unit']})",
                provenance(file, row),
                gas_basis="mass",
                gases=_gases(file, line, row, "co2_factor", "ch4_factor", "n2o_factor"),
                edition=EDITION,
                source_ref=f"{row['table']}: {row['vehicle_type']}",
                scope=3,
                scope3_category=6,
            )
        )
    return factors


def load_waste(file: str) -> list[Factor]:
    factors = []
    for line, row in read_rows(file):
        treatment = lookup(file, line, _TREATMENT, row["disposal_method"], "disposal_method")
        label = f"{row['table']}: {row['material']}, {row['disposal_method']}"
        factors.append(
            factor(
                DATASET,
                YEAR,
                row["edition"],
                "waste.disposal",
                "US",
                {"material": slug(row["material"]), "treatment": treatment},
                "short_ton",
                f"{label} ({row['value_unit']})",
                provenance(file, row),
                co2e=GasValue(value=number(file, line, row, "value"), unit="t"),
                gwp_basis=row["gwp_basis"].split()[0],
                edition=EDITION,
                source_ref=label,
                scope=3,
                scope3_category=5,
            )
        )
    return factors


def load_grid_gross_loss(file: str) -> list[ReferenceValue]:
    """eGRID2023 T&D loss rates (fractions) by subregion: scope 3 category 3 data, not factors."""
    source = provenance(file)
    references = []
    for line, row in read_rows(file):
        code = row["egrid_subregion"]
        region = "US" if code == "US Average" else f"US-{code}"
        references.append(
            ReferenceValue(
                id=f"{EDITION}:loss_rate:grid_gross_loss:{region}",
                kind="loss_rate",
                dataset=DATASET,
                edition=EDITION,
                year=2023,
                region=region,
                source_ref=f"Table 6: {code}, Grid Gross Loss (%)",
                label=f"eGRID2023 grid gross loss: {row['egrid_subregion_name']} "
                f"({row['interconnect']} interconnect)",
                value=number(file, line, row, "grid_gross_loss"),
                unit="fraction",
                per_unit=None,
                **source,
            )
        )
    return references
