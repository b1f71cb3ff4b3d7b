"""Waste generated in operations: the mass of waste by material and treatment (scope 3.5)."""

from __future__ import annotations

from typing import Final

from ecotrack.carbon.engine.specs import ActivitySpec, OptionSpec

SPECS: Final[tuple[ActivitySpec, ...]] = (
    ActivitySpec(
        "waste.disposal",
        "Waste sent for treatment; the quantity is the mass of waste",
        ("mass",),
        3,
        5,
        options=(
            OptionSpec("material", "material as named by the dataset"),
            OptionSpec("treatment", "landfill, combustion, recycling, composting, ..."),
        ),
    ),
)
