"""100-year global warming potentials: IPCC AR4, AR5 and AR6, plus AR5 refrigerant blends.

Coverage, stated once so callers do not have to guess:

* Single species (CO2, CH4, N2O, HFCs, PFCs, SF6, NF3, HCFCs, CFCs, HFEs, ...) come from the
  CC0 ``globalwarmingpotentials`` table (metrics AR4GWP100, AR5GWP100, AR6GWP100). AR4 lists
  fewer species than AR5/AR6; a species missing from a set is an error, never a substitute.
  AR6 methane is the single value in that table: fossil and non-fossil methane are not split.
* Refrigerant blends (R-404A, R-410A, ...) come from EPA Hub 2025 Table 12 and exist for AR5
  only. Those values count the HFC/PFC constituents only (HCFCs in a blend add nothing), as
  EPA publishes them. We do not compute blends for AR4 or AR6 from their composition.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Final

from ecotrack.carbon.data import read_csv
from ecotrack.core.errors import UnprocessableContent

GWP_SETS: Final = ("AR4", "AR5", "AR6")
_METRICS: Final = {"AR4GWP100": "AR4", "AR5GWP100": "AR5", "AR6GWP100": "AR6"}
SPECIES_FILE: Final = "gwp100_ar4_ar5_ar6.csv"
BLENDS_FILE: Final = "epa_hub2025_gwp_blends_ar5.csv"
# the CC0 table writes "HFC134a"; people write "HFC-134a", so we add the hyphen for display
_PREFIXED = re.compile(r"^(HFC|HCFC|CFC|HFE|HCFE|Halon)(\d.*)$")


@dataclass(frozen=True, slots=True)
class Gwp:
    gas: str
    gwp_set: str
    value: float
    source: str


@dataclass(frozen=True, slots=True)
class GasInfo:
    name: str
    is_blend: bool
    gwp_sets: tuple[str, ...]
    composition: str | None = None


def normalise_key(name: str) -> str:
    """Case-, space- and hyphen-insensitive key: 'R-410A', 'r410a' and 'R 410A' all match."""
    return re.sub(r"[\s\-_]", "", name).upper()


def display_name(species: str) -> str:
    match = _PREFIXED.match(species)
    return f"{match.group(1)}-{match.group(2)}" if match else species


@cache
def _tables() -> tuple[dict[str, dict[str, float]], dict[str, GasInfo], dict[str, str]]:
    """(values by gas then set, info by gas, gas by lookup key), loaded once."""
    # CO2 is the reference gas: GWP 1 by definition in every set (the CC0 table omits it)
    values: dict[str, dict[str, float]] = {"CO2": dict.fromkeys(GWP_SETS, 1.0)}
    composition: dict[str, str] = {}
    for row in read_csv(SPECIES_FILE):
        gas = display_name(row["species"])
        values.setdefault(gas, {})[_METRICS[row["metric"]]] = float(row["value"])
    for row in read_csv(BLENDS_FILE):
        values[row["name"]] = {"AR5": float(row["gwp_100yr"])}
        composition[row["name"]] = row["blend_composition"]
    info = {
        gas: GasInfo(
            name=gas,
            is_blend=gas in composition,
            gwp_sets=tuple(s for s in GWP_SETS if s in by_set),
            composition=composition.get(gas),
        )
        for gas, by_set in values.items()
    }
    keys = {normalise_key(gas): gas for gas in values}
    return values, info, keys


def gases() -> list[GasInfo]:
    return list(_tables()[1].values())


def canonical_gas(name: str) -> str | None:
    """The table's name for ``name`` (``R-134a`` also finds HFC-134a), or None."""
    keys = _tables()[2]
    key = normalise_key(name)
    if key in keys:
        return keys[key]
    # ASHRAE numbers of single-component refrigerants: R-134a is HFC-134a, R-22 is HCFC-22
    if key.startswith("R"):
        for prefix in ("HFC", "HCFC", "CFC"):
            if prefix + key[1:] in keys:
                return keys[prefix + key[1:]]
    return None


@cache
def gwp(gas: str, gwp_set: str) -> Gwp:
    """The GWP100 of ``gas`` in ``gwp_set``; a 422 naming what exists when it does not."""
    if gwp_set not in GWP_SETS:
        raise UnprocessableContent(
            f"GWP set {gwp_set!r} is not supported", accepted_values=list(GWP_SETS)
        )
    values, info, _ = _tables()
    name = canonical_gas(gas)
    if name is None:
        raise UnprocessableContent(
            f"gas {gas!r} has no published GWP", accepted_values=sorted(values)
        )
    by_set = values[name]
    if gwp_set not in by_set:
        reason = (
            "blend GWPs are shipped for AR5 only (EPA Hub 2025 Table 12)"
            if info[name].is_blend
            else f"{gwp_set} does not list {name}"
        )
        raise UnprocessableContent(
            f"no {gwp_set} GWP for {name}: {reason}", accepted_values=list(info[name].gwp_sets)
        )
    if info[name].is_blend:
        source = "EPA GHG Emission Factors Hub 2025, Table 12 (AR5, HFC/PFC constituents only)"
    elif name == "CO2":
        source = "reference gas, GWP 1 by definition"
    else:
        source = f"IPCC {gwp_set} GWP100 via globalwarmingpotentials 0.13.2 (CC0)"
    return Gwp(gas=name, gwp_set=gwp_set, value=by_set[gwp_set], source=source)
