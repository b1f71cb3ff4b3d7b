"""Waste by material and treatment: generated in operations (scope 3.5) or the end-of-life
treatment of products sold (3.12)."""

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
            OptionSpec(
                "category",
                "scope 3 category: 5 waste generated in operations or 12 end-of-life "
                "treatment of sold products (the waste the products become)",
                default="5",
                selector=False,
                values=("5", "12"),
            ),
        ),
        purposes={"5": (3, 5), "12": (3, 12)},
        purpose_option="category",
    ),
)
