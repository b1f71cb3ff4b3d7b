"""UK Government GHG Conversion Factors (BEIS/DESNZ and Defra), every row of the flat files.

A factor is one CO2e row with the per-gas rows of the same category path, unit and column
folded into it (they are CO2e contributions in every edition, whatever their label says).
Rows of the catalogue's activities (fuels, grid electricity, cars, flights, ...) get the
activity's id and options, as they always had; every other row gets an id from its category
path. "Outside of scopes" rows (biogenic CO2) and "SECR kWh" rows (energy per unit, not
emissions) are reference values, and an outside-of-scopes value also rides on the scope 1
factor of the same fuel and unit so results can show it beside their totals.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final

from ecotrack.carbon import gwp
from ecotrack.carbon.data import read_rows
from ecotrack.carbon.factors.model import (
    Factor,
    GasValue,
    ReferenceKind,
    ReferenceValue,
    Scope,
    make_id,
    slug,
)
from ecotrack.carbon.factors.sources import DataError, lookup, number, provenance

DATASET: Final = "desnz"
REGION: Final = "GB"

# the catalogue's activities: source names -> our activity ids and option values
_FUELS: Final[dict[str, tuple[str, dict[str, str]]]] = {
    "Natural gas": ("fuel.natural_gas", {}),
    "Diesel (average biofuel blend)": ("fuel.diesel", {"biofuel_blend": "average"}),
    "Diesel (100% mineral diesel)": ("fuel.diesel", {"biofuel_blend": "none"}),
    "Petrol (average biofuel blend)": ("fuel.petrol", {"biofuel_blend": "average"}),
    "Petrol (100% mineral petrol)": ("fuel.petrol", {"biofuel_blend": "none"}),
    "Propane": ("fuel.propane", {}),
    "LPG": ("fuel.lpg", {}),
    "Fuel oil": ("fuel.fuel_oil", {}),
    "Coal (industrial)": ("fuel.coal", {"fuel_type": "industrial"}),
    "Coal (domestic)": ("fuel.coal", {"fuel_type": "domestic"}),
    "Coal (electricity generation)": ("fuel.coal", {"fuel_type": "electricity_generation"}),
    "Coking coal": ("fuel.coal", {"fuel_type": "coking"}),
}
_FUEL_UNITS: Final[dict[str, tuple[str, dict[str, str]]]] = {
    "kWh (Gross CV)": ("kWh", {"calorific_basis": "gross"}),
    "kWh (Net CV)": ("kWh", {"calorific_basis": "net"}),
    "litres": ("L", {}),
    "cubic metres": ("m3", {}),
    "tonnes": ("t", {}),
}
_CAR_FUELS: Final = {
    "Plug-in Hybrid Electric Vehicle": "plug_in_hybrid",
    "Battery Electric Vehicle": "battery_electric",
}
_CAR_PURPOSES: Final = {
    "Passenger vehicles": "company_vehicle",
    "Business travel- land": "business_travel",
}
_HAUL: Final = {
    "Domestic, to/from UK": "domestic",
    "Short-haul, to/from UK": "short",
    "Long-haul, to/from UK": "long",
    "International, to/from non-UK": "international",
}
_CABIN: Final = {
    "Average passenger": "average",
    "Economy class": "economy",
    "Premium economy class": "premium_economy",
    "Business class": "business",
    "First class": "first",
}
_RAIL_BUS: Final = {
    "National rail": "national_rail",
    "International rail": "international_rail",
    "Light rail and tram": "light_rail_tram",
    "London Underground": "london_underground",
    "Local bus (not London)": "local_not_london",
    "Local London bus": "local_london",
    "Average local bus": "local_average",
    "Coach": "coach",
}
_TREATMENT: Final = {
    "Closed-loop": "recycling_closed_loop",
    "Open-loop": "recycling_open_loop",
    "Re-use": "re_use",
}
# road vehicles (freight, leased assets): DESNZ's level 2 -> vehicle, level 3 -> size
_ROAD_VEHICLES: Final = {
    "Vans": "van",
    "HGV (all diesel)": "hgv",
    "HGV refrigerated (all diesel)": "hgv_refrigerated",
}
_LEASED_VEHICLES: Final = {
    "Managed cars (by size)": "car",
    "Managed cars (by market segment)": "car",
    "Managed vans": "van",
    "Managed HGV (all diesel)": "hgv",
    "Managed HGV refrigerated (all diesel)": "hgv_refrigerated",
    "Managed motorbikes": "motorbike",
}
_ROAD_SIZES: Final = {
    "Average (up to 3.5 tonnes)": "average",
    "Class I (up to 1.305 tonnes)": "class_i",
    "Class II (1.305 to 1.74 tonnes)": "class_ii",
    "Class III (1.74 to 3.5 tonnes)": "class_iii",
    "All HGVs": "average",
    "All rigids": "rigid_average",
    "All artics": "articulated_average",
    "Rigid (>3.5 - 7.5 tonnes)": "rigid_3_5_to_7_5t",
    "Rigid (>7.5 tonnes-17 tonnes)": "rigid_7_5_to_17t",
    "Rigid (>17 tonnes)": "rigid_over_17t",
    "Articulated (>3.5 - 33t)": "articulated_3_5_to_33t",
    "Articulated (>33t)": "articulated_over_33t",
}
_LADEN: Final = {
    "0% Laden": "0",
    "50% Laden": "50",
    "100% Laden": "100",
    "Average laden": "average",
}
_FERRY: Final = {
    "Foot passenger": "foot_passenger",
    "Car passenger": "car_passenger",
    "Average (all passenger)": "average",
}
_HOMEWORKING: Final = {
    "Office Equipment": "office_equipment",
    "Heating": "heating",
    "Homeworking (office equipment + heating)": "both",
}
_MATERIAL_SOURCE: Final = {
    "Primary material production": "primary",
    "Re-used": "re_used",
    "Closed-loop source": "closed_loop",
    "Open-loop source": "open_loop",
}
_WTT_ELECTRICITY: Final = {
    "WTT- UK electricity (generation)": "generation",
    "WTT- UK electricity (T&D)": "td_losses",
}
# the flat files' units of activity -> accepted unit spellings
_UNITS: Final = {
    "GJ": "GJ",
    "Room per night": "room_night",
    "cubic metres": "m3",
    "kWh": "kWh",
    "kWh (Gross CV)": "kWh",
    "kWh (Net CV)": "kWh",
    "kg": "kg",
    "km": "km",
    "litres": "L",
    "Litres": "L",
    "miles": "mile",
    "million litres": "million_litres",
    "passenger.km": "passenger_km",
    "per FTE Working Hour": "fte_hour",
    "tonne.km": "tonne_km",
    "tonnes": "t",
}
_GAS_ORDER: Final = ("CO2", "CH4", "N2O")
# per-gas rows: 2019-2021 say "kg CH4", 2022 "kg CO2e of CH4", 2023 on "... per unit"; all CO2e
_GHG: Final = {
    "kg CO2e": "CO2e",
    "kg CO2": "CO2",
    "kg CH4": "CH4",
    "kg N2O": "N2O",
    **{f"kg CO2e of {gas}{tail}": gas for gas in _GAS_ORDER for tail in ("", " per unit")},
}
_SCOPES: Final[dict[str, Scope | None]] = {
    "Scope 1": 1,
    "Scope 2": 2,
    "Scope 3": 3,
    "Outside of Scopes": None,
}
# scope 3 rows by level 1 -> GHG Protocol category. Well-to-tank of the company's own fuels,
# heat and electricity (and of its vehicles' fuel) is category 3; of business travel, 6.
_CATEGORIES: Final = {
    "Business travel- air": 6,
    "Business travel- land": 6,
    "Business travel- sea": 6,
    "Hotel stay": 6,
    "WTT- business travel- air": 6,
    "WTT- business travel (air)": 6,
    "WTT- business travel- sea": 6,
    "WTT- business travel (sea)": 6,
    "Freighting goods": 4,
    "Homeworking": 7,
    "Managed assets- electricity": 8,
    "Managed assets- vehicles": 8,
    "Material use": 1,
    "Water supply": 1,
    "Waste disposal": 5,
    "Water treatment": 5,
}
# SECR kWh rows: energy per unit for Streamlined Energy and Carbon Reporting, not emissions
# (2020 and 2021 label one of them "`" instead of "kWh")
_ENERGY_CONVERSIONS: Final = ("SECR kWh", "Passenger and delivery vehicles- kWh factors")
_CATEGORY_3: Final = ("WTT-", "Transmission and distribution", "UK electricity T&D for EVs")


@dataclass
class _Group:
    """The rows of one factor: its CO2e row and the per-gas rows beside it."""

    row: dict[str, str]
    line: int
    values: dict[str, float] = field(default_factory=dict)


def _category(file: str, line: int, scope: Scope | None, level_1: str) -> int | None:
    if scope != 3:
        return None
    if level_1.startswith(_CATEGORY_3):
        return 3
    return lookup(file, line, _CATEGORIES, level_1, "scope 3 level 1")


def catalogue_key(row: Mapping[str, str]) -> tuple[str, dict[str, str], str] | None:
    """(activity, options, unit) of a row the activity catalogue uses, else None."""
    l1, l2, l3, l4, column, uom = (
        row["level_1"],
        row["level_2"],
        row["level_3"],
        row["level_4"],
        row["column_text"],
        row["uom"],
    )
    if l1 == "Fuels" and l3 in _FUELS and uom in _FUEL_UNITS:
        activity, fuel_options = _FUELS[l3]
        unit, unit_options = _FUEL_UNITS[uom]
        return activity, fuel_options | unit_options, unit
    if l1 == "UK electricity":
        return "electricity.grid", {}, "kWh"
    if l2 == "T&D- UK electricity":
        return "electricity.td_losses", {}, "kWh"
    if l1 == "Heat and steam":
        return "heat.steam", {"supply": l3.split()[0].lower()}, "kWh"
    if l2 == "Cars (by size)" and l1 in _CAR_PURPOSES and uom == "km":
        options = {
            "size": l3.split()[0].lower(),
            "fuel": _CAR_FUELS.get(column, slug(column)),
            "purpose": _CAR_PURPOSES[l1],
        }
        return "vehicle.car", options, "km"
    if l2 == "Flights" and uom == "passenger.km":
        options = {
            "haul": _HAUL[l3],
            "cabin_class": _CABIN[l4],
            "radiative_forcing": "true" if column == "With RF" else "false",
        }
        return "travel.flight", options, "passenger_km"
    if l1 == "Business travel- land" and l2 in ("Rail", "Bus") and uom == "passenger.km":
        return f"travel.{l2.lower()}", {"type": _RAIL_BUS[l3]}, "passenger_km"
    if l1 == "Waste disposal" and uom == "tonnes":
        treatment = _TREATMENT.get(column, slug(column))
        return "waste.disposal", {"material": slug(l3), "treatment": treatment}, "t"
    return _scope3_key(l1, l2, l3.strip(), l4, column, uom)


def _road_options(vehicle: str, size: str, column: str) -> dict[str, str]:
    """A road vehicle's options: vans by fuel, HGVs by how laden, cars by fuel."""
    options = {"vehicle": vehicle, "size": size}
    if vehicle.startswith("hgv"):
        options["laden"] = _LADEN[column]
    elif column:
        options["fuel"] = _CAR_FUELS.get(column, slug(column))
    return options


def _freight_key(
    l2: str, l3: str, l4: str, column: str, unit: str
) -> tuple[str, dict[str, str], str] | None:
    if l2 in _ROAD_VEHICLES:
        return "freight.road", _road_options(_ROAD_VEHICLES[l2], _ROAD_SIZES[l3], column), unit
    if l2 == "Rail":
        return "freight.rail", {}, unit
    if l2 in ("Cargo ship", "Sea tanker"):
        return "freight.sea", {"ship": slug(l3), "size": slug(l4) or "average"}, unit
    if l2 == "Freight flights":
        rf = "true" if column == "With RF" else "false"
        return "freight.air", {"haul": _HAUL[l3], "radiative_forcing": rf}, unit
    return None


def _scope3_key(
    l1: str, l2: str, l3: str, l4: str, column: str, uom: str
) -> tuple[str, dict[str, str], str] | None:
    """(activity, options, unit) of the scope 3 rows the catalogue has activities for."""
    unit = _UNITS.get(uom, "")
    if uom in ("miles", "million litres"):
        return None  # one factor a unit type (km for road vehicles, as vehicle.car; m3 water)
    if l1 == "Freighting goods":
        return _freight_key(l2, l3, l4, column, unit)
    # 2019-2021 give a few gas rows of leased cars a level 4 of "0": they stay apart
    if l1 == "Managed assets- vehicles" and l2 in _LEASED_VEHICLES and not l4:
        vehicle = _LEASED_VEHICLES[l2]
        size = l3.split(maxsplit=1)[0].lower() if l2 == "Managed cars (by size)" else slug(l3)
        return "leased.vehicle", _road_options(vehicle, _ROAD_SIZES.get(l3, size), column), unit
    if l1 == "Managed assets- electricity":
        return "leased.electricity", {}, unit
    if l1 == "Hotel stay":
        return "travel.hotel", {"country": slug(l3)}, unit
    if l1 == "Business travel- land" and l2 == "Taxis":
        return "travel.taxi", {"type": slug(l3)}, unit
    if l1 == "Business travel- sea" and l2 == "Ferry":
        return "travel.ferry", {"type": _FERRY[l3]}, unit
    if l1 == "Homeworking":
        return "commuting.homeworking", {"component": _HOMEWORKING[l2]}, unit
    if l1 == "Material use":
        options = {"material": slug(l3), "source": _MATERIAL_SOURCE[column]}
        return "material.use", options, unit
    if l1 in ("Water supply", "Water treatment"):
        return f"water.{l1.removeprefix('Water ')}", {}, unit
    if l1 == "WTT- fuels" and uom in _FUEL_UNITS:
        activity, fuel_options = _FUELS.get(l3, (f"fuel.{slug(l3)}", {}))
        unit, unit_options = _FUEL_UNITS[uom]
        options = {"fuel": activity.removeprefix("fuel."), **fuel_options, **unit_options}
        return "fuel.well_to_tank", options, unit
    if l2 in _WTT_ELECTRICITY:
        return "electricity.well_to_tank", {"stage": _WTT_ELECTRICITY[l2]}, unit
    return None


def _path(row: Mapping[str, str]) -> list[str]:
    return [row[c] for c in ("level_1", "level_2", "level_3", "level_4", "column_text") if row[c]]


def _source_ref(row: Mapping[str, str]) -> str:
    """DESNZ's own ID where the edition has them (2023 on), else the row's category path."""
    return row["desnz_id"] or " > ".join(_path(row)) + f" [{row['uom']}]"


def _gwp_basis(file: str, rows: Sequence[tuple[int, Mapping[str, str]]]) -> str:
    """Which GWP set the edition used, read from its own methane and nitrous oxide rows."""
    published = {
        row["level_3"]: float(row["value"])
        for _, row in rows
        if row["level_1"] == "Refrigerant & other" and row["ghg_unit"] == "kg CO2e"
    }
    for gwp_set in gwp.GWP_SETS:
        if gwp.gwp("CH4", gwp_set).value == published.get("Methane") and gwp.gwp(
            "N2O", gwp_set
        ).value == published.get("Nitrous oxide"):
            return gwp_set
    raise DataError(file, 1, "methane/N2O GWPs match no known GWP set")


def load(file: str) -> tuple[list[Factor], list[ReferenceValue]]:
    rows: list[tuple[int, dict[str, str]]] = list(read_rows(file))
    basis = _gwp_basis(file, rows)
    year = int(rows[0][1]["factor_year"])
    edition = f"{DATASET}-{year}"
    version = f"{year} v{rows[0][1]['version']}"
    source = provenance(file)
    groups: dict[tuple[str, ...], _Group] = {}
    references: list[ReferenceValue] = []
    biogenic: list[tuple[int, dict[str, str], float]] = []
    for line, row in rows:
        value = number(file, line, row, "value")
        if row["factor_year"] != str(year):
            raise DataError(file, line, f"factor_year {row['factor_year']} in the {year} file")
        ghg = row["ghg_unit"]
        if row["scope"] == "Outside of Scopes":
            biogenic.append((line, row, value))
            continue
        if ghg.startswith("kWh") or row["level_1"].startswith(_ENERGY_CONVERSIONS):
            references.append(_reference(file, line, row, value, "energy_conversion", edition))
            continue
        gas = lookup(file, line, _GHG, ghg, "ghg_unit")
        key = tuple(row[c] for c in ("scope", "level_1", "level_2", "level_3", "level_4"))
        key += (row["column_text"], row["uom"])
        group = groups.get(key)
        if group is None:
            group = groups[key] = _Group(row, line)
        if gas == "CO2e":
            group.row, group.line = row, line  # the CO2e row names the factor
        if gas in group.values:
            raise DataError(file, line, f"a second {gas} value for {' > '.join(_path(row))}")
        group.values[gas] = value
    factors = {
        key: _factor(file, group, year, edition, version, basis, source)
        for key, group in groups.items()
    }
    for line, row, value in biogenic:
        reference = _reference(file, line, row, value, "outside_of_scopes", edition)
        references.append(reference)
        _attach_biogenic(factors, row, value)
    return list(factors.values()), references


def _factor(
    file: str,
    group: _Group,
    year: int,
    edition: str,
    version: str,
    basis: str,
    source: Mapping[str, str],
) -> Factor:
    row, line, values = group.row, group.line, group.values
    scope = lookup(file, line, _SCOPES, row["scope"], "scope")
    unit = lookup(file, line, _UNITS, row["uom"], "unit")
    known = catalogue_key(row)
    if known is not None:
        activity, options, unit = known
        factor_id = make_id(DATASET, year, activity, REGION, options, unit)
    else:
        activity, options = f"{DATASET}.{slug(row['level_1'])}", {}
        # the published unit of activity, not ours: kWh (Gross CV) and kWh (Net CV) differ
        factor_id = f"{edition}:{'.'.join(slug(p) or '_' for p in _path(row))}:{slug(row['uom'])}"
    per_gas: dict[str, GasValue] = {
        gas: GasValue.model_construct(value=values[gas], unit="kg")
        for gas in _GAS_ORDER
        if gas in values
    }
    total = values.get("CO2e")
    # built without validation: a sixth of the library's load time, for rows whose every
    # field the loader has already checked; tests validate every shipped factor instead
    return Factor.model_construct(
        id=factor_id,
        dataset=DATASET,
        dataset_version=version,
        edition=edition,
        year=year,
        region=REGION,
        activity=activity,
        options=options,
        unit=unit,
        gas_basis="co2e" if per_gas else None,
        gases=per_gas,
        co2e=None if total is None else GasValue.model_construct(value=total, unit="kg"),
        gwp_basis=basis,
        source_ref=_source_ref(row),
        scope=scope,
        scope3_category=_category(file, line, scope, row["level_1"]),
        label=" / ".join(_path(row)) + f" (per {row['uom']})",
        source_url=source["source_url"],
        licence=source["licence"],
        citation=source["citation"],
    )


def _reference(
    file: str, line: int, row: Mapping[str, str], value: float, kind: ReferenceKind, edition: str
) -> ReferenceValue:
    source = provenance(file)
    unit = "kg CO2 (biogenic)" if kind == "outside_of_scopes" else row["ghg_unit"]
    if kind == "energy_conversion" and not unit.startswith("kWh"):
        unit = "kWh"  # the one row labelled "`" in 2020 and 2021
    return ReferenceValue(
        id=f"{edition}:{kind}:{'.'.join(slug(p) or '_' for p in _path(row))}:{slug(row['uom'])}",
        kind=kind,
        dataset=DATASET,
        edition=edition,
        year=int(row["factor_year"]),
        region=REGION,
        source_ref=_source_ref(row),
        label=" / ".join(_path(row)) + f" (per {row['uom']})",
        value=value,
        unit=unit,
        per_unit=lookup(file, line, _UNITS, row["uom"], "unit"),
        **source,
    )


def _attach_biogenic(
    factors: dict[tuple[str, ...], Factor], row: Mapping[str, str], value: float
) -> None:
    """Put a biogenic CO2 value on the one scope 1 factor of the same fuel and unit, if any."""
    same = [
        key
        for key in factors
        if key[0] == "Scope 1"
        and key[1] in ("Fuels", "Bioenergy")
        and key[3:5] == (row["level_3"], row["level_4"])
        and key[6] == row["uom"]
    ]
    if len(same) == 1:
        factor = factors[same[0]]
        biogenic = GasValue(value=value, unit="kg")
        factors[same[0]] = factor.model_copy(update={"outside_of_scopes": biogenic})
