"""Grid electricity (scope 2, dual reporting), its T&D losses (scope 3), purchased heat and
steam, and what an electricity factor is: a grid average, supplier-specific or a residual mix.

The market-based figure that uses the last two is :mod:`ecotrack.carbon.engine.market`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from ecotrack.carbon.engine.specs import ActivitySpec, OptionSpec
from ecotrack.carbon.factors import ElectricityBasis, Factor

SPECS: Final[tuple[ActivitySpec, ...]] = (
    ActivitySpec(
        "electricity.grid",
        "Electricity taken from the grid (scope 2, dual reporting)",
        ("energy",),
        2,
        options=(
            OptionSpec(
                "contract_factor_kg_per_kwh",
                "market-based: the organisation's contractual kg CO2e/kWh",
                "number",
                selector=False,
            ),
        ),
    ),
    ActivitySpec(
        "electricity.td_losses",
        "Transmission and distribution losses of grid electricity (the quantity is the "
        "electricity used): UK by the DESNZ T&D factors; US eGRID subregions and the US "
        "average by the eGRID grid gross loss rate at the eGRID output emission rate (a US "
        "state: its own output rate, with the US average loss rate)",
        ("energy",),
        3,
        3,
    ),
    ActivitySpec(
        "electricity.well_to_tank",
        "Well-to-tank (upstream) emissions of UK grid electricity: extracting, refining and "
        "transporting the fuels generating it; the quantity is the electricity used",
        ("energy",),
        3,
        3,
        options=(
            OptionSpec(
                "stage",
                "generation (of the electricity used) or td_losses (of the electricity lost in "
                "transmission and distribution); the whole upstream is both",
                default="generation",
            ),
        ),
    ),
    ActivitySpec(
        "heat.steam",
        "Purchased heat and steam",
        ("energy",),
        2,
        options=(OptionSpec("supply", "district or onsite (UK data)", default="district"),),
    ),
)
_ELECTRICITY: Final = "electricity.grid"
_GRID: Final = next(spec for spec in SPECS if spec.id == _ELECTRICITY)
_TD_LOSSES: Final = "electricity.td_losses"
_MARKET_ONLY: Final[Mapping[ElectricityBasis, str]] = {
    "supplier_specific": "supplier-specific",
    "residual_mix": "residual-mix",
}
"""Private electricity bases that count only in the market-based figure, in the order of
the Scope 2 Guidance's hierarchy, with how the result names them."""


def _electricity_basis(factor: Factor) -> ElectricityBasis:
    """What an electricity factor is; published ones are grid averages.

    A private one always says so when stored through the API (which requires it), and the
    migration took the ones stored before as grid averages; one handed to the engine
    directly without a basis is taken as a grid average likewise.
    """
    return factor.electricity_basis or "grid_average"
