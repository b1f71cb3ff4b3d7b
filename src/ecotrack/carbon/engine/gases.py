"""Refrigerant leaks and direct releases of a greenhouse gas: the mass of the gas times its GWP,
wherever it happened."""

from __future__ import annotations

from typing import Final

from ecotrack.carbon import gwp
from ecotrack.carbon.engine.specs import ActivitySpec, OptionSpec


def _canonical_gas(name: str) -> str:
    return gwp.canonical_gas(name) or name


_GAS = OptionSpec("gas", "gas name, e.g. CH4, HFC-134a, R-410A", normalise=_canonical_gas)


SPECS: Final[tuple[ActivitySpec, ...]] = (
    ActivitySpec(
        "refrigerant.leak",
        "Refrigerant lost from equipment; the quantity is the mass leaked",
        ("mass",),
        1,
        options=(_GAS,),
    ),
    ActivitySpec(
        "gas.release",
        "Direct release of a greenhouse gas; the quantity is its mass",
        ("mass",),
        1,
        options=(_GAS,),
    ),
)
_DIRECT_MASS: Final = frozenset({"gas.release", "refrigerant.leak"})
