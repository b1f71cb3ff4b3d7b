"""Purchased materials and water (scope 3 category 1) and water treatment (category 5), by
mass or volume, average-data factors from DESNZ."""

from __future__ import annotations

from typing import Final

from ecotrack.carbon.engine.specs import ActivitySpec, OptionSpec

SPECS: Final[tuple[ActivitySpec, ...]] = (
    ActivitySpec(
        "material.use",
        "Materials bought, cradle to gate; the quantity is the mass of material",
        ("mass",),
        3,
        1,
        options=(
            OptionSpec("material", "material as named by the dataset (e.g. concrete, glass)"),
            OptionSpec(
                "source",
                "primary (primary material production), re_used, closed_loop or open_loop "
                "(recycled content)",
                default="primary",
            ),
        ),
    ),
    ActivitySpec(
        "water.supply",
        "Mains water supplied; the quantity is its volume",
        ("volume",),
        3,
        1,
    ),
    ActivitySpec(
        "water.treatment",
        "Waste water sent for treatment; the quantity is its volume",
        ("volume",),
        3,
        5,
    ),
)
