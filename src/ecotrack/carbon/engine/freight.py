"""Freight: goods moved by road, rail, sea and air, by the mass carried times the distance
(tonne-km) or, for road vehicles, by the distance the vehicle travelled; upstream transport and
distribution (scope 3 category 4) or downstream (category 9) by the category option."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, Literal

from ecotrack.carbon.engine.specs import ActivitySpec, OptionSpec

FREIGHT_CATEGORIES: Final[Mapping[str, tuple[Literal[1, 2, 3], int | None]]] = {
    "4": (3, 4),
    "9": (3, 9),
}
_CATEGORY = OptionSpec(
    "category",
    "scope 3 category: 4 upstream transportation and distribution (goods bought, or transport "
    "the organisation pays for) or 9 downstream (goods sold, transport paid for by others)",
    default="4",
    selector=False,
    values=tuple(FREIGHT_CATEGORIES),
)
# road vehicles, as DESNZ names them (freight here, leased assets in leased.py)
ROAD_VEHICLE = OptionSpec("vehicle", "van, hgv or hgv_refrigerated (all diesel HGVs)")
ROAD_SIZE = OptionSpec(
    "size",
    "van: class_i, class_ii, class_iii, average; HGV: rigid_3_5_to_7_5t, rigid_7_5_to_17t, "
    "rigid_over_17t, rigid_average, articulated_3_5_to_33t, articulated_over_33t, "
    "articulated_average, average (all HGVs)",
    default="average",
)
ROAD_FUEL = OptionSpec(
    "fuel",
    "van or car fuel or powertrain (diesel, petrol, battery_electric, ...)",
    default="unknown",
)
ROAD_LADEN = OptionSpec("laden", "HGV load: 0, 50 or 100 (% laden) or average", default="average")
# DESNZ publishes these for shipping and flights anywhere, not for the UK only
_WORLDWIDE: Final = frozenset({"freight.sea", "freight.air"})

SPECS: Final[tuple[ActivitySpec, ...]] = (
    ActivitySpec(
        "freight.road",
        "Road freight by van or HGV; the quantity is tonne-km carried, or the distance the "
        "vehicle travelled (km, mile)",
        ("freight_distance", "distance"),
        3,
        4,
        options=(ROAD_VEHICLE, ROAD_SIZE, ROAD_FUEL, ROAD_LADEN, _CATEGORY),
        purposes=FREIGHT_CATEGORIES,
        purpose_option="category",
    ),
    ActivitySpec(
        "freight.rail",
        "Rail freight (freight train); the quantity is tonne-km carried",
        ("freight_distance",),
        3,
        4,
        options=(_CATEGORY,),
        purposes=FREIGHT_CATEGORIES,
        purpose_option="category",
    ),
    ActivitySpec(
        "freight.sea",
        "Sea freight by cargo ship or tanker; the quantity is tonne-km carried",
        ("freight_distance",),
        3,
        4,
        options=(
            OptionSpec(
                "ship",
                "bulk_carrier, container_ship, general_cargo, refrigerated_cargo, ro_ro_ferry, "
                "large_ropax_ferry, vehicle_transport, crude_tanker, products_tanker, "
                "chemical_tanker, lng_tanker, lpg_tanker",
            ),
            OptionSpec(
                "size",
                "size band as DESNZ names it (e.g. 0_999_teu), or average",
                default="average",
            ),
            _CATEGORY,
        ),
        global_default=True,
        purposes=FREIGHT_CATEGORIES,
        purpose_option="category",
    ),
    ActivitySpec(
        "freight.air",
        "Air freight; the quantity is tonne-km carried",
        ("freight_distance",),
        3,
        4,
        options=(
            OptionSpec("haul", "domestic, short, long (to/from the UK) or international (non-UK)"),
            OptionSpec("radiative_forcing", "include the non-CO2 uplift", "bool", default=False),
            _CATEGORY,
        ),
        global_default=True,
        purposes=FREIGHT_CATEGORIES,
        purpose_option="category",
    ),
)
