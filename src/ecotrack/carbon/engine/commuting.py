"""Employee commuting beyond travel: working from home, per FTE working hour (scope 3
category 7)."""

from __future__ import annotations

from typing import Final

from ecotrack.carbon.engine.specs import ActivitySpec, OptionSpec

SPECS: Final[tuple[ActivitySpec, ...]] = (
    ActivitySpec(
        "commuting.homeworking",
        "Working from home; the quantity is the FTE working hours worked at home",
        ("working_hours",),
        3,
        7,
        options=(
            OptionSpec(
                "component",
                "office_equipment, heating or both (office equipment and heating)",
                default="both",
            ),
        ),
    ),
)
