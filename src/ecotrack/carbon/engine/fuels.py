"""Stationary combustion of fuels: by energy, volume or mass, on a gross or net calorific value."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, Literal

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
# fuel burnt by others: sold products processed (10) or used (11), or burnt by franchises (14)
_BURNT_BY_OTHERS: Final[Mapping[str, tuple[Literal[1, 2, 3], int | None]]] = {
    "10": (3, 10),
    "11": (3, 11),
    "14": (3, 14),
}
_CATEGORY = OptionSpec(
    "category",
    "own (the organisation's own combustion, scope 1; the default); 10 processing of sold "
    "products, 11 use of sold products (fuel sold and burnt by its users) or 14 franchises: "
    "the fuel is burnt by others, scope 3",
    default="own",
    selector=False,
    values=("own", *_BURNT_BY_OTHERS),
)
_NOTES: Final = {
    category: (
        f"category={category}: the fuel is burnt by others ({name}), so its combustion is "
        f"scope 3 category {category} of this organisation, not scope 1"
    )
    for category, name in (
        ("10", "processing of sold products"),
        ("11", "use of sold products"),
        ("14", "a franchise"),
    )
}


def _fuel(activity: str, name: str, *extra: OptionSpec) -> ActivitySpec:
    return ActivitySpec(
        activity,
        f"Stationary combustion of {name}",
        _FUEL_UNITS,
        1,
        options=(_CV, *extra, _CATEGORY),
        global_default=True,
        purposes=_BURNT_BY_OTHERS,
        purpose_option="category",
        purpose_notes=_NOTES,
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
        options=(_CV, OptionSpec("fuel_type", "kind of coal", default="industrial"), _CATEGORY),
        global_default=True,
        purposes=_BURNT_BY_OTHERS,
        purpose_option="category",
        purpose_notes=_NOTES,
    ),
    ActivitySpec(
        "fuel.well_to_tank",
        "Well-to-tank (upstream) emissions of a fuel the organisation burns: extracting, "
        "refining and transporting it; the quantity is the fuel burnt",
        _FUEL_UNITS,
        3,
        3,
        options=(
            OptionSpec(
                "fuel",
                "natural_gas, diesel, petrol, propane, lpg, fuel_oil, coal (as fuel.*), or "
                "another fuel as DESNZ names it, slugged (butane, cng, lng, burning_oil, ...)",
            ),
            _CV,
            _BLEND,
            OptionSpec("fuel_type", "kind of coal (fuel=coal)", default="industrial"),
        ),
    ),
)
