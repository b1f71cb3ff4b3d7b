"""Units people write on activity data, parsed and converted with one pint registry.

Only the spellings in :data:`ALIASES` are accepted: pint alone would take ``ton`` (a short
ton), ``therm`` (the ISO Btu therm) and thousands of units nobody reports fuel in, so we map
each accepted spelling to a pint expression we have checked. Conversions are cached per
(unit, target) pair because pint is slow next to the arithmetic it guards.
"""

from __future__ import annotations

from functools import cache
from typing import Final

import pint

from ecotrack.core.errors import UnprocessableContent

# pint's default "therm" is 1e5 ISO Btu (29.307111 kWh); the industry therm is 1e5 IT Btu
# (29.3071070172 kWh), and EPA's mmBtu is the IT Btu too. "passenger" is a base dimension of
# its own so passenger-distances never silently convert to plain distances.
_DEFINITIONS: Final = (
    "therm = 1e5 * Btu_it",
    "MMBtu = 1e6 * Btu_it = mmBtu",
    "standard_cubic_foot = foot ** 3 = scf",
    "passenger = [passenger]",
    "passenger_km = passenger * kilometer = pkm",
    "passenger_mile = passenger * mile",
    "room_night = [room_night]",
    "fte_hour = [fte_hour]",
    "tonne_km = metric_ton * kilometer",
    "tonne_mile = metric_ton * mile",
    "short_ton_mile = short_ton * mile",
    "USD = [currency]",
)

# accepted spelling -> pint expression; the first spelling of each expression is canonical
ALIASES: Final[dict[str, str]] = {
    "kWh": "kilowatt_hour",
    "Wh": "watt_hour",
    "MWh": "megawatt_hour",
    "GWh": "gigawatt_hour",
    "MJ": "megajoule",
    "GJ": "gigajoule",
    "TJ": "terajoule",
    "therm": "therm",
    "therms": "therm",
    "MMBtu": "MMBtu",
    "mmBtu": "MMBtu",
    "L": "liter",
    "l": "liter",
    "litre": "liter",
    "litres": "liter",
    "liter": "liter",
    "liters": "liter",
    "m3": "meter ** 3",
    "m^3": "meter ** 3",
    "gallon": "gallon",
    "gallons": "gallon",
    "US_gallon": "gallon",
    "imperial_gallon": "imperial_gallon",
    "UK_gallon": "imperial_gallon",
    "scf": "scf",
    "ft3": "foot ** 3",
    "g": "gram",
    "kg": "kilogram",
    "t": "metric_ton",
    "tonne": "metric_ton",
    "tonnes": "metric_ton",
    "short_ton": "short_ton",
    "lb": "pound",
    "m": "meter",
    "km": "kilometer",
    "vehicle_km": "kilometer",
    "mile": "mile",
    "miles": "mile",
    "vehicle_mile": "mile",
    "passenger_km": "passenger_km",
    "pkm": "passenger_km",
    "passenger_mile": "passenger_mile",
    "ML": "megaliter",
    "million_litres": "megaliter",
    "tonne_km": "tonne_km",
    "tkm": "tonne_km",
    "tonne_mile": "tonne_mile",
    "short_ton_mile": "short_ton_mile",
    "room_night": "room_night",
    "room_nights": "room_night",
    "fte_hour": "fte_hour",
    "fte_hours": "fte_hour",
    "USD": "USD",
}

# unit type -> pint dimensionality, named for people rather than for pint
UNIT_TYPES: Final[dict[str, str]] = {
    "energy": "[mass] * [length] ** 2 / [time] ** 2",
    "volume": "[length] ** 3",
    "mass": "[mass]",
    "distance": "[length]",
    "passenger_distance": "[passenger] * [length]",
    "freight_distance": "[mass] * [length]",
    "room_nights": "[room_night]",
    "working_hours": "[fte_hour]",
    "money": "[currency]",
}


# The most one activity record may hold, in the base unit of its unit type. No real record
# comes near: 1e12 kWh is a thousand TWh (a large country's yearly electricity), 1e12 m3 a
# quarter of the world's yearly gas, 1e12 kg a gigatonne, 1e12 km (or passenger-km) a
# hundred times all the flights of a year. Past it, a number is a mistake or an attack
# (1e308 kWh once made every total overflow to null).
MAX_QUANTITY: Final = 1e12
BASE_UNITS: Final[dict[str, str]] = {
    "energy": "kWh",
    "volume": "m3",
    "mass": "kg",
    "distance": "km",
    "passenger_distance": "passenger_km",
    "freight_distance": "tonne_km",
    "room_nights": "room_night",
    "working_hours": "fte_hour",
    "money": "USD",
}


@cache
def registry() -> pint.UnitRegistry[float]:
    ureg: pint.UnitRegistry[float] = pint.UnitRegistry()
    for definition in _DEFINITIONS:
        ureg.define(definition)
    return ureg


@cache
def _dimensionality_names() -> dict[object, str]:
    ureg = registry()
    return {ureg.get_dimensionality(dim): name for name, dim in UNIT_TYPES.items()}


@cache
def unit_type(unit: str) -> str:
    """The unit type ("energy", "volume", ...) of an accepted unit spelling."""
    expression = _expression(unit)
    dimensionality = registry().Unit(expression).dimensionality
    return _dimensionality_names()[dimensionality]


@cache
def units_of_type(kind: str) -> tuple[str, ...]:
    """Every accepted spelling of the given unit type, in declaration order."""
    return tuple(alias for alias in ALIASES if unit_type(alias) == kind)


def accepted_units(kinds: tuple[str, ...] | list[str]) -> list[str]:
    return [alias for kind in kinds for alias in units_of_type(kind)]


@cache
def conversion_factor(unit: str, target: str) -> float:
    """How many ``target`` are in one ``unit``; both must be accepted spellings."""
    ureg = registry()
    return float(ureg.Quantity(1.0, _expression(unit)).to(_expression(target)).magnitude)


_DESCRIPTIONS: Final = {
    "energy": "energy",
    "volume": "volume",
    "mass": "mass",
    "distance": "distance (a vehicle's, or each traveller's with passengers)",
    "passenger_distance": "passenger distance (passenger-km)",
    "freight_distance": "freight distance (tonne-km)",
    "room_nights": "hotel room-nights",
    "working_hours": "FTE working hours",
    "money": "money spent (USD)",
}


def describe(kind: str) -> str:
    """A unit type as people say it: "freight distance (tonne-km)"."""
    return _DESCRIPTIONS[kind]


def check_unit(unit: str, kinds: tuple[str, ...] | list[str], *, subject: str) -> str:
    """Return the unit type of ``unit`` if it is one of ``kinds``; else a 422 naming them."""
    if unit not in ALIASES or unit_type(unit) not in kinds:
        given = f" ({describe(unit_type(unit))})" if unit in ALIASES else ""
        takes = " or ".join(describe(kind) for kind in kinds)
        raise UnprocessableContent(
            f"unit {unit!r}{given} is not accepted for {subject}, which takes {takes}",
            accepted_units=accepted_units(kinds),
        )
    return unit_type(unit)


def _expression(unit: str) -> str:
    try:
        return ALIASES[unit]
    except KeyError:
        raise UnprocessableContent(
            f"unit {unit!r} is not a recognised unit", accepted_units=list(ALIASES)
        ) from None


def max_quantity(unit: str) -> float:
    """The most one record may hold in ``unit`` (an accepted spelling): 1e12 base units."""
    return MAX_QUANTITY / conversion_factor(unit, BASE_UNITS[unit_type(unit)])


def check_quantity(quantity: float, unit: str) -> None:
    """A 422 saying the limit unless ``quantity`` of ``unit`` is within :data:`MAX_QUANTITY`."""
    limit = max_quantity(unit)
    if not quantity <= limit:  # NaN is refused too
        kind = unit_type(unit)
        base = BASE_UNITS[kind]
        same = "" if unit == base else f", that is {MAX_QUANTITY:g} {base}"
        raise UnprocessableContent(
            f"quantity {quantity:g} {unit} is over the limit for one record: at most "
            f"{limit:.6g} {unit}{same} (the limit of every {kind} unit)",
            max_quantity=float(f"{limit:.6g}"),
            max_quantity_unit=unit,
            max_quantity_base={"value": MAX_QUANTITY, "unit": base},
        )
