"""Emission factors: the model, the loaders for the shipped datasets, and the searchable library.

Every factor keeps its values exactly as published, in the published units (lb/MWh stays
lb/MWh), and records what its per-gas numbers mean: ``gas_basis="mass"`` for masses of each
gas (EPA Hub, eGRID) or ``"co2e"`` for each gas's CO2e contribution (DESNZ, whose per-gas
rows are CO2e even where 2019-2021 label them "kg CH4"). Ids are built from the dataset,
edition, activity, region, options and unit, so they read well and never change between loads.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cache
from typing import Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ecotrack.carbon import gwp, units
from ecotrack.carbon.data import read_csv, read_text
from ecotrack.core.errors import NotFound, UnprocessableContent

ANY_REGION: Final = "*"
FACET_NAMES: Final = ("activity", "region", "year", "dataset", "unit_type")
ElectricityBasis = Literal["grid_average", "supplier_specific", "residual_mix"]
ELECTRICITY_BASES: Final[tuple[ElectricityBasis, ...]] = (
    "grid_average",
    "supplier_specific",
    "residual_mix",
)
"""What a private ``electricity.grid`` factor is, in the GHG Protocol Scope 2 Guidance's
terms: a grid average (location-based, and the market-based last resort), a supplier's or
utility's emission rate, or a residual mix (both market-based only)."""


class GasValue(BaseModel):
    """A published number: ``value`` in ``unit`` (a mass unit) per one unit of activity."""

    model_config = ConfigDict(frozen=True)

    value: float
    unit: str


class Factor(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    dataset: str
    dataset_version: str
    year: int | None = Field(description="Year the values describe; None for pure GWP maths")
    region: str = Field(description="ISO 3166 code, 'US-' + eGRID subregion, or '*' for any")
    activity: str
    options: dict[str, str] = Field(default_factory=dict)
    unit: str = Field(description="Denominator unit, an accepted spelling in units.ALIASES")
    gas_basis: Literal["mass", "co2e"] | None = None
    gases: dict[str, GasValue] = Field(default_factory=dict)
    co2e: GasValue | None = None
    gwp_basis: str | None = Field(
        default=None, description="GWP set already applied in CO2e values; None if not stated"
    )
    label: str
    source_url: str
    licence: str
    citation: str
    private: bool = False
    electricity_basis: ElectricityBasis | None = Field(
        default=None,
        description="Private electricity.grid factors only: grid_average, supplier_specific or "
        "residual_mix (docs/methodology.md, scope 2); null for published factors, whose grid "
        "factors are all grid averages, and for other activities",
    )

    @model_validator(mode="after")
    def _has_values(self) -> Factor:
        if not self.gases and self.co2e is None:
            raise ValueError(f"factor {self.id} has neither per-gas values nor a CO2e value")
        if self.gases and self.gas_basis is None:
            raise ValueError(f"factor {self.id} has per-gas values but no gas_basis")
        units.unit_type(self.unit)  # raises for a unit the engine could not convert to
        if self.electricity_basis is not None and self.activity != "electricity.grid":
            raise ValueError(f"factor {self.id} has an electricity_basis but is {self.activity}")
        return self

    @property
    def unit_type(self) -> str:
        return units.unit_type(self.unit)


def make_id(
    dataset: str,
    year: int | None,
    activity: str,
    region: str,
    options: Mapping[str, str],
    unit: str,
) -> str:
    edition = dataset if year is None else f"{dataset}-{year}"
    parts = [edition, activity, region, *(options[key] for key in sorted(options)), unit]
    return ":".join(parts)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


class FacetCount(BaseModel):
    value: str
    count: int


class SearchPage(BaseModel):
    items: list[Factor]
    total: int
    limit: int
    offset: int
    facets: dict[str, list[FacetCount]]


class FactorLibrary:
    """An immutable set of factors, indexed by id and by activity."""

    def __init__(self, factors: Iterable[Factor]) -> None:
        self._by_id: dict[str, Factor] = {}
        self._by_activity: dict[str, list[Factor]] = {}
        for factor in factors:
            if factor.id in self._by_id:
                raise ValueError(f"duplicate factor id {factor.id}")
            self._by_id[factor.id] = factor
            self._by_activity.setdefault(factor.activity, []).append(factor)
        self._text: dict[str, str] = {}
        # derived data that callers (the engine) cache per library; dies with the library
        self.memo: dict[str, Any] = {}

    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self) -> Iterator[Factor]:
        return iter(self._by_id.values())

    def get(self, factor_id: str) -> Factor:
        try:
            return self._by_id[factor_id]
        except KeyError:
            raise NotFound(
                f"no emission factor with id {factor_id!r}",
                hint="search the library to find factor ids",
            ) from None

    def for_activity(self, activity: str) -> Sequence[Factor]:
        return self._by_activity.get(activity, ())

    def with_private(self, factors: Iterable[Factor]) -> FactorLibrary:
        """A new library with the caller's own factors added (marked private).

        Private factors work wherever public ones do: pinned by id, found by search, and
        preferred by the engine over the public dataset when they match a request.
        """
        extra = [factor.model_copy(update={"private": True}) for factor in factors]
        clashes = sorted(f.id for f in extra if f.id in self._by_id)
        if clashes:
            raise UnprocessableContent(
                "private factor ids must not reuse public ids", conflicting_ids=clashes
            )
        return FactorLibrary([*self._by_id.values(), *extra])

    def search(
        self,
        *,
        text: str | None = None,
        activity: str | None = None,
        region: str | None = None,
        year: int | None = None,
        dataset: str | None = None,
        unit_type: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> SearchPage:
        """Filter, page, and count the facet values still reachable under the other filters."""
        wanted: dict[str, str | None] = {
            "activity": activity,
            "region": region,
            "year": None if year is None else str(year),
            "dataset": dataset,
            "unit_type": unit_type,
        }
        tokens = (text or "").lower().split()
        pool = [f for f in self._by_id.values() if all(t in self._haystack(f) for t in tokens)]
        facet_values = [{name: _facet(f, name) for name in FACET_NAMES} for f in pool]

        def keep(values: dict[str, str], skip: str | None = None) -> bool:
            return all(
                want is None or values[name] == want
                for name, want in wanted.items()
                if name != skip
            )

        matches = [f for f, values in zip(pool, facet_values, strict=True) if keep(values)]
        facets = {
            name: [
                FacetCount(value=value, count=count)
                for value, count in sorted(
                    Counter(
                        values[name] for values in facet_values if keep(values, skip=name)
                    ).items()
                )
                if value
            ]
            for name in FACET_NAMES
        }
        return SearchPage(
            items=matches[offset : offset + limit],
            total=len(matches),
            limit=limit,
            offset=offset,
            facets=facets,
        )

    def _haystack(self, factor: Factor) -> str:
        if factor.id not in self._text:
            fields = [factor.id, factor.label, factor.dataset, *factor.options.values()]
            self._text[factor.id] = " ".join(fields).lower()
        return self._text[factor.id]


def _facet(factor: Factor, name: str) -> str:
    if name == "year":
        return "" if factor.year is None else str(factor.year)
    if name == "unit_type":
        return factor.unit_type
    value: str = getattr(factor, name)
    return value


# --- loading -----------------------------------------------------------------------------


@cache
def _sources() -> dict[str, dict[str, str]]:
    loaded: dict[str, dict[str, str]] = json.loads(read_text("sources.json"))
    return loaded


def _provenance(name: str, row: Mapping[str, str] | None = None) -> dict[str, str]:
    meta = _sources()[name]
    citation = (row or {}).get("citation") or meta["citation"]
    return {"source_url": meta["source_url"], "licence": meta["license"], "citation": citation}


def _factor(
    dataset: str,
    year: int | None,
    version: str,
    activity: str,
    region: str,
    options: Mapping[str, str],
    unit: str,
    label: str,
    provenance: Mapping[str, str],
    **values: Any,
) -> Factor:
    return Factor(
        id=make_id(dataset, year, activity, region, options, unit),
        dataset=dataset,
        dataset_version=version,
        year=year,
        region=region,
        activity=activity,
        options=dict(options),
        unit=unit,
        label=label,
        **provenance,
        **values,
    )


# DESNZ: the source rows' names -> our activity ids and option values
_DESNZ_FUELS: Final[dict[str, tuple[str, dict[str, str]]]] = {
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
_DESNZ_FUEL_UNITS: Final[dict[str, tuple[str, dict[str, str]]]] = {
    "kWh (Gross CV)": ("kWh", {"calorific_basis": "gross"}),
    "kWh (Net CV)": ("kWh", {"calorific_basis": "net"}),
    "litres": ("L", {}),
    "cubic metres": ("m3", {}),
    "tonnes": ("t", {}),
}
_DESNZ_CAR_FUELS: Final = {
    "Plug-in Hybrid Electric Vehicle": "plug_in_hybrid",
    "Battery Electric Vehicle": "battery_electric",
}
_DESNZ_HAUL: Final = {
    "Domestic, to/from UK": "domestic",
    "Short-haul, to/from UK": "short",
    "Long-haul, to/from UK": "long",
    "International, to/from non-UK": "international",
}
_DESNZ_CABIN: Final = {
    "Average passenger": "average",
    "Economy class": "economy",
    "Premium economy class": "premium_economy",
    "Business class": "business",
    "First class": "first",
}
_DESNZ_RAIL_BUS: Final = {
    "National rail": "national_rail",
    "International rail": "international_rail",
    "Light rail and tram": "light_rail_tram",
    "London Underground": "london_underground",
    "Local bus (not London)": "local_not_london",
    "Local London bus": "local_london",
    "Average local bus": "local_average",
    "Coach": "coach",
}
_DESNZ_TREATMENT: Final = {
    "Closed-loop": "recycling_closed_loop",
    "Open-loop": "recycling_open_loop",
    "Re-use": "re_use",
}
_GAS_ORDER: Final = ("CO2", "CH4", "N2O")
# DESNZ per-gas rows: 2019-2021 say "kg CH4", 2024 "kg CO2e of CH4 per unit"; both are CO2e
_DESNZ_GHG: Final = {
    "kg CO2": "CO2",
    "kg CH4": "CH4",
    "kg N2O": "N2O",
    "kg CO2e of CO2 per unit": "CO2",
    "kg CO2e of CH4 per unit": "CH4",
    "kg CO2e of N2O per unit": "N2O",
}


def _desnz_key(row: Mapping[str, str]) -> tuple[str, dict[str, str], str] | None:
    """(activity, options, unit) for a DESNZ row, or None for rows we do not model."""
    l1, l2, l3, l4, column = (
        row["level_1"],
        row["level_2"],
        row["level_3"],
        row["level_4"],
        row["column_text"],
    )
    if l1 == "Fuels":
        activity, fuel_options = _DESNZ_FUELS[l3]
        unit, unit_options = _DESNZ_FUEL_UNITS[row["uom"]]
        return activity, fuel_options | unit_options, unit
    if l1 == "UK electricity":
        return "electricity.grid", {}, "kWh"
    if l2 == "T&D- UK electricity":
        return "electricity.td_losses", {}, "kWh"
    if l1 == "Heat and steam":
        return "heat.steam", {"supply": l3.split()[0].lower()}, "kWh"
    if l2 == "Cars (by size)":
        purpose = "company_vehicle" if l1 == "Passenger vehicles" else "business_travel"
        options = {
            "size": l3.split()[0].lower(),
            "fuel": _DESNZ_CAR_FUELS.get(column, slug(column)),
            "purpose": purpose,
        }
        return "vehicle.car", options, "km"
    if l2 == "Flights":
        options = {
            "haul": _DESNZ_HAUL[l3],
            "cabin_class": _DESNZ_CABIN[l4],
            "radiative_forcing": "true" if column == "With RF" else "false",
        }
        return "travel.flight", options, "passenger_km"
    if l2 in ("Rail", "Bus"):
        return f"travel.{l2.lower()}", {"type": _DESNZ_RAIL_BUS[l3]}, "passenger_km"
    if l1 == "Waste disposal":
        treatment = _DESNZ_TREATMENT.get(column, slug(column))
        return "waste.disposal", {"material": slug(l3), "treatment": treatment}, "t"
    return None


def _desnz_gwp_basis(rows: Sequence[Mapping[str, str]], name: str) -> str:
    """Which GWP set the edition used, read from its own methane and nitrous oxide rows."""
    published = {
        row["level_3"]: float(row["value"])
        for row in rows
        if row["level_1"] == "Refrigerant & other"
    }
    for gwp_set in gwp.GWP_SETS:
        if (
            gwp.gwp("CH4", gwp_set).value == published["Methane"]
            and gwp.gwp("N2O", gwp_set).value == published["Nitrous oxide"]
        ):
            return gwp_set
    raise ValueError(f"{name}: methane/N2O GWPs match no known GWP set")


def _load_desnz(name: str) -> list[Factor]:
    rows = read_csv(name)
    basis = _desnz_gwp_basis(rows, name)
    grouped: dict[tuple[str, str, tuple[tuple[str, str], ...], str], dict[str, float]] = {}
    labels: dict[tuple[str, str, tuple[tuple[str, str], ...], str], str] = {}
    for row in rows:
        found = _desnz_key(row)
        if found is None:
            continue
        activity, options, unit = found
        key = (activity, row["factor_year"], tuple(sorted(options.items())), unit)
        gas = "CO2e" if row["ghg_unit"] == "kg CO2e" else _DESNZ_GHG[row["ghg_unit"]]
        values = grouped.setdefault(key, {})
        if gas in values:
            raise ValueError(f"{name}: two {gas} values for {key}")
        values[gas] = float(row["value"])
        path = [row[c] for c in ("level_1", "level_2", "level_3", "level_4", "column_text")]
        labels[key] = " / ".join(p for p in path if p) + f" (per {row['uom']})"
    version = f"{rows[0]['factor_year']} v{rows[0]['version']}"
    provenance = _provenance(name)
    factors = []
    for (activity, year, option_items, unit), values in grouped.items():
        per_gas = {
            gas: GasValue(value=values[gas], unit="kg") for gas in _GAS_ORDER if gas in values
        }
        factors.append(
            _factor(
                "desnz",
                int(year),
                version,
                activity,
                "GB",
                dict(option_items),
                unit,
                labels[(activity, year, option_items, unit)],
                provenance,
                gas_basis="co2e" if per_gas else None,
                gases=per_gas,
                co2e=GasValue(value=values["CO2e"], unit="kg"),
                gwp_basis=basis,
            )
        )
    return factors


_EPA_FUELS: Final[dict[str, tuple[str, dict[str, str]]]] = {
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
_EPA_PHYSICAL_UNITS: Final = {"scf": "scf", "gallon": "gallon", "short ton": "short_ton"}
_EPA_TRAVEL: Final[dict[str, tuple[str, dict[str, str], str]]] = {
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
_EPA_TREATMENT: Final = {
    "Recycled": "recycling",
    "Landfilled": "landfill",
    "Combusted": "combustion",
    "Composted": "composting",
    "Anaerobically Digested (Dry Digestate with Curing)": "anaerobic_digestion_dry",
    "Anaerobically Digested (Wet Digestate with Curing)": "anaerobic_digestion_wet",
}
_EPA_YEAR: Final = 2025  # EPA Hub 2025 edition; its combustion factors carry no data year


def _epa_gases(co2_kg: str, ch4_g: str, n2o_g: str) -> dict[str, GasValue]:
    return {
        "CO2": GasValue(value=float(co2_kg), unit="kg"),
        "CH4": GasValue(value=float(ch4_g), unit="g"),
        "N2O": GasValue(value=float(n2o_g), unit="g"),
    }


def _load_epa_stationary(name: str) -> list[Factor]:
    factors = []
    for row in read_csv(name):
        activity, options = _EPA_FUELS[row["fuel_type"]]
        common = ("epa-hub", _EPA_YEAR, row["edition"], activity, "US")
        provenance = _provenance(name, row)
        label = f"{row['table']}: {row['fuel_type']}"
        # EPA heat contents are higher heating values, so per-mmBtu factors are gross-CV
        factors.append(
            _factor(
                *common,
                options | {"calorific_basis": "gross"},
                "MMBtu",
                f"{label} (per mmBtu, HHV)",
                provenance,
                gas_basis="mass",
                gases=_epa_gases(
                    row["co2_kg_per_mmbtu"], row["ch4_g_per_mmbtu"], row["n2o_g_per_mmbtu"]
                ),
            )
        )
        if row["physical_unit"]:
            factors.append(
                _factor(
                    *common,
                    options,
                    _EPA_PHYSICAL_UNITS[row["physical_unit"]],
                    f"{label} (per {row['physical_unit']})",
                    provenance,
                    gas_basis="mass",
                    gases=_epa_gases(
                        row["co2_kg_per_physical_unit"],
                        row["ch4_g_per_physical_unit"],
                        row["n2o_g_per_physical_unit"],
                    ),
                )
            )
    return factors


def _load_epa_travel(name: str) -> list[Factor]:
    factors = []
    for row in read_csv(name):
        activity, options, unit = _EPA_TRAVEL[row["vehicle_type"]]
        factors.append(
            _factor(
                "epa-hub",
                _EPA_YEAR,
                row["edition"],
                activity,
                "US",
                options,
                unit,
                f"{row['table']}: {row['vehicle_type']} (per {row['activity_unit']})",
                _provenance(name, row),
                gas_basis="mass",
                gases=_epa_gases(row["co2_factor"], row["ch4_factor"], row["n2o_factor"]),
            )
        )
    return factors


def _load_epa_waste(name: str) -> list[Factor]:
    return [
        _factor(
            "epa-hub",
            _EPA_YEAR,
            row["edition"],
            "waste.disposal",
            "US",
            {
                "material": slug(row["material"]),
                "treatment": _EPA_TREATMENT[row["disposal_method"]],
            },
            "short_ton",
            f"{row['table']}: {row['material']}, {row['disposal_method']} ({row['value_unit']})",
            _provenance(name, row),
            co2e=GasValue(value=float(row["value"]), unit="t"),
            gwp_basis=row["gwp_basis"].split()[0],
        )
        for row in read_csv(name)
    ]


def _load_egrid_subregions(name: str) -> list[Factor]:
    factors = []
    for row in read_csv(name):
        code = row["egrid_subregion"]
        factors.append(
            _factor(
                "egrid",
                int(row["egrid_edition"].split()[-1].rstrip(")")),
                f"{row['egrid_edition']}, EPA Hub {row['edition']}",
                "electricity.grid",
                "US" if code == "US Average" else f"US-{code}",
                {},
                "MWh",
                f"eGRID total output emission rate: {row['egrid_subregion_name']} (lb/MWh)",
                _provenance(name),
                gas_basis="mass",
                gases={
                    gas: GasValue(
                        value=float(row[f"total_output_{gas.lower()}_lb_per_mwh"]), unit="lb"
                    )
                    for gas in ("CO2", "CH4", "N2O")
                },
            )
        )
    return factors


def _load_egrid_states(name: str) -> list[Factor]:
    return [
        _factor(
            "egrid",
            int(row["data_year"]),
            f"eGRID{row['data_year']} ({row['egrid_field']})",
            "electricity.grid",
            f"US-{row['state_code']}",
            {},
            "MWh",
            f"eGRID state CO2e total output emission rate: {row['state']} ({row['unit']})",
            _provenance(name),
            co2e=GasValue(value=float(row["co2e_rate"]), unit="lb"),
        )
        for row in read_csv(name)
    ]


def owid_alpha2() -> dict[str, str]:
    """OWID's ISO 3166-1 alpha-3 codes -> alpha-2, written from the OWID file's country list."""
    return {row["iso3"]: row["alpha2"] for row in read_csv("iso3166_owid_alpha3_to_alpha2.csv")}


def _load_owid(name: str) -> list[Factor]:
    alpha2 = owid_alpha2()
    return [
        _factor(
            "owid",
            int(row["year"]),
            "carbon_intensity_elec (CodeCarbon 3.3.2 extract)",
            "electricity.grid",
            alpha2[row["iso3"]],
            {},
            "kWh",
            f"OWID carbon intensity of electricity: {row['country']} ({row['basis']})",
            _provenance(name, row),
            co2e=GasValue(value=float(row["carbon_intensity"]), unit="g"),
        )
        for row in read_csv(name)
    ]


_DIRECT_ACTIVITIES: Final = ("gas.release", "refrigerant.leak")
_NOT_REFRIGERANTS: Final = frozenset({"CO2", "CH4", "N2O"})


def _direct_mass_factors() -> list[Factor]:
    """One trivial factor per gas: 1 kg released is 1 kg of that gas; the GWP does the work."""
    factors = []
    for activity in _DIRECT_ACTIVITIES:
        for info in gwp.gases():
            if activity == "refrigerant.leak" and info.name in _NOT_REFRIGERANTS:
                continue
            source = gwp.BLENDS_FILE if info.is_blend else gwp.SPECIES_FILE
            factors.append(
                _factor(
                    "direct-mass",
                    None,
                    "n/a",
                    activity,
                    ANY_REGION,
                    {"gas": info.name},
                    "kg",
                    f"{info.name}: mass released, CO2e by GWP ({', '.join(info.gwp_sets)})",
                    _provenance(source),
                    gas_basis="mass",
                    gases={info.name: GasValue(value=1.0, unit="kg")},
                )
            )
    return factors


_LOADERS: Final[tuple[tuple[str, Callable[[str], list[Factor]]], ...]] = (
    ("desnz_2019.csv", _load_desnz),
    ("desnz_2020.csv", _load_desnz),
    ("desnz_2021.csv", _load_desnz),
    ("desnz_2024.csv", _load_desnz),
    ("epa_hub2025_stationary_combustion.csv", _load_epa_stationary),
    ("epa_hub2025_business_travel.csv", _load_epa_travel),
    ("epa_hub2025_waste.csv", _load_epa_waste),
    ("epa_egrid2023_subregion_output_rates.csv", _load_egrid_subregions),
    ("egrid2023_state_co2e_output_rates.csv", _load_egrid_states),
    ("owid_electricity_carbon_intensity.csv", _load_owid),
)


@cache
def load_factor_library() -> FactorLibrary:
    """Every shipped factor, loaded once per process."""
    factors = [factor for name, load in _LOADERS for factor in load(name)]
    return FactorLibrary([*factors, *_direct_mass_factors()])
