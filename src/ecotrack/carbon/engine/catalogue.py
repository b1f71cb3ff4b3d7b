"""The activity catalogue: every activity the engine estimates, by id, from the family modules."""

from __future__ import annotations

from typing import Final

from ecotrack.carbon.engine import electricity, fuels, gases, travel, waste
from ecotrack.carbon.engine.specs import ActivitySpec

SCOPE3_CATEGORIES: Final = {
    3: "Fuel- and energy-related activities (not included in scope 1 or scope 2)",
    5: "Waste generated in operations",
    6: "Business travel",
    7: "Employee commuting",
}

ACTIVITIES: Final[dict[str, ActivitySpec]] = {
    spec.id: spec
    for spec in (
        *fuels.SPECS,
        *electricity.SPECS,
        *travel.SPECS,
        *gases.SPECS,
        *waste.SPECS,
    )
}
