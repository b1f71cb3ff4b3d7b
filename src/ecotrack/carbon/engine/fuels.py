"""Stationary combustion of fuels: by energy, volume or mass, on a gross or net calorific value."""

from __future__ import annotations

from typing import Final

from ecotrack.carbon.engine.specs import ActivitySpec, OptionSpec

_CV = OptionSpec(
    "calorific_basis",
    "gross (HHV) or net (LHV) calorific value of energy quantities",
    "choice",
    "gross",
)
_BLEND = OptionSpec(
    "biofuel_blend",
    "average (UK forecourt biofuel blend) or none (100% mineral)",
    "choice",
    "average",
)
_FUEL_UNITS: Final = ("energy", "volume", "mass")


def _fuel(activity: str, name: str, *extra: OptionSpec) -> ActivitySpec:
    return ActivitySpec(
        activity,
        f"Stationary combustion of {name}",
        _FUEL_UNITS,
        1,
        options=(_CV, *extra),
        global_default=True,
    )


SPECS: Final[tuple[ActivitySpec, ...]] = (
    _fuel("fuel.natural_gas", "natural gas"),
    _fuel("fuel.diesel", "diesel (gas oil No. 2 in the US data)", _BLEND),
    _fuel("fuel.petrol", "petrol / motor gasoline", _BLEND),
    _fuel("fuel.propane", "propane"),
    _fuel("fuel.lpg", "LPG"),
    _fuel("fuel.fuel_oil", "fuel oil (residual fuel oil No. 6 in the US data)"),
    ActivitySpec(
        "fuel.coal",
        "Stationary combustion of coal",
        ("energy", "mass"),
        1,
        options=(_CV, OptionSpec("fuel_type", "kind of coal", default="industrial")),
        global_default=True,
    ),
)
