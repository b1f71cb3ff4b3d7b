"""Leased assets: vehicles and electricity of assets leased in (scope 3 category 8, upstream)
or leased out (category 13, downstream) and not in the organisation's scope 1 and 2, from
DESNZ's "Managed assets" factors."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, Literal

from ecotrack.carbon.engine.freight import ROAD_FUEL, ROAD_LADEN
from ecotrack.carbon.engine.specs import ActivitySpec, OptionSpec

LEASED_CATEGORIES: Final[Mapping[str, tuple[Literal[1, 2, 3], int | None]]] = {
    "8": (3, 8),
    "13": (3, 13),
}
_CATEGORY = OptionSpec(
    "category",
    "scope 3 category: 8 upstream leased assets (leased in) or 13 downstream leased assets "
    "(leased out to others)",
    default="8",
    selector=False,
    values=tuple(LEASED_CATEGORIES),
)

SPECS: Final[tuple[ActivitySpec, ...]] = (
    ActivitySpec(
        "leased.vehicle",
        "A leased vehicle outside the organisation's scope 1; the quantity is the distance it "
        "travelled",
        ("distance",),
        3,
        8,
        options=(
            OptionSpec("vehicle", "car, van, hgv, hgv_refrigerated or motorbike"),
            OptionSpec(
                "size",
                "car: small, medium, large, average or a market segment (mini, supermini, "
                "lower_medium, upper_medium, executive, luxury, sports, dual_purpose_4x4, mpv); "
                "van and HGV as for freight.road; motorbike: small, medium, large, average",
                default="average",
            ),
            ROAD_FUEL,
            ROAD_LADEN,
            _CATEGORY,
        ),
        purposes=LEASED_CATEGORIES,
        purpose_option="category",
    ),
    ActivitySpec(
        "leased.electricity",
        "Electricity used by a leased asset outside the organisation's scope 2 (UK grid "
        "generation)",
        ("energy",),
        3,
        8,
        options=(_CATEGORY,),
        purposes=LEASED_CATEGORIES,
        purpose_option="category",
    ),
)
