"""One trivial factor per gas: 1 kg released is 1 kg of that gas; the GWP does the work."""

from __future__ import annotations

from typing import Final

from ecotrack.carbon import gwp
from ecotrack.carbon.factors.model import ANY_REGION, Factor, GasValue
from ecotrack.carbon.factors.sources import factor, provenance

DATASET: Final = "direct-mass"
_ACTIVITIES: Final = ("gas.release", "refrigerant.leak")
_NOT_REFRIGERANTS: Final = frozenset({"CO2", "CH4", "N2O"})


def factors() -> list[Factor]:
    made = []
    for activity in _ACTIVITIES:
        for info in gwp.gases():
            if activity == "refrigerant.leak" and info.name in _NOT_REFRIGERANTS:
                continue
            source = gwp.BLENDS_FILE if info.is_blend else gwp.SPECIES_FILE
            made.append(
                factor(
                    DATASET,
                    None,
                    "n/a",
                    activity,
                    ANY_REGION,
                    {"gas": info.name},
                    "kg",
                    f"{info.name}: mass released, CO2e by GWP ({', '.join(info.gwp_sets)})",
                    provenance(source),
                    gas_basis="mass",
                    gases={info.name: GasValue(value=1.0, unit="kg")},
                    edition=DATASET,
                    source_ref=f"GWP of {info.name}",
                    scope=1,
                )
            )
    return made
