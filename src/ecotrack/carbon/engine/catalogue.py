"""The activity catalogue: every activity the engine estimates, by id, from the family modules."""

from __future__ import annotations

from typing import Final

from ecotrack.carbon.engine import (
    commuting,
    electricity,
    freight,
    fuels,
    gases,
    leased,
    materials,
    spend,
    travel,
    waste,
)
from ecotrack.carbon.engine.specs import ActivitySpec

SCOPE3_CATEGORIES: Final = {
    1: "Purchased goods and services",
    2: "Capital goods",
    3: "Fuel- and energy-related activities (not included in scope 1 or scope 2)",
    4: "Upstream transportation and distribution",
    5: "Waste generated in operations",
    6: "Business travel",
    7: "Employee commuting",
    8: "Upstream leased assets",
    9: "Downstream transportation and distribution",
    10: "Processing of sold products",
    11: "Use of sold products",
    12: "End-of-life treatment of sold products",
    13: "Downstream leased assets",
    14: "Franchises",
    15: "Investments",
}
"""The GHG Protocol Corporate Value Chain (Scope 3) Standard's categories, by number."""

ACTIVITIES: Final[dict[str, ActivitySpec]] = {
    spec.id: spec
    for spec in (
        *fuels.SPECS,
        *electricity.SPECS,
        *travel.SPECS,
        *gases.SPECS,
        *waste.SPECS,
        *freight.SPECS,
        *materials.SPECS,
        *commuting.SPECS,
        *leased.SPECS,
        *spend.SPECS,
    )
}
