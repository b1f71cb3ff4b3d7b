"""100-year global warming potentials: IPCC AR4, AR5 and AR6, for single gases and blends.

Coverage, stated once so callers do not have to guess:

* Single species (CO2, CH4, N2O, HFCs, PFCs, SF6, NF3, HCFCs, CFCs, HFEs, ...) come from the
  CC0 ``globalwarmingpotentials`` table (metrics AR4GWP100, AR5GWP100, AR6GWP100). AR4 lists
  fewer species than AR5/AR6; a species missing from a set is an error, never a substitute.
  AR6 methane is the single value in that table: fossil and non-fossil methane are not split.
* Refrigerant blends (R-404A, R-410A, ...) are the blends of EPA Hub 2025 Table 12. Their GWP in
  each set is computed from the composition that table publishes: the sum over constituents
  of mass fraction × the constituent's GWP100 in that set, from the same CC0 table. Like EPA's
  Table 12, only HFC and PFC constituents count. HCFCs, hydrocarbons and other constituents
  add nothing, even where they have a GWP (HCFC-22 does). So R-408A (47% HCFC-22, 7% HFC-125,
  46% HFC-143a) counts its HFC-125 and HFC-143a only. PFCs are named as EPA writes them
  (PFC-116, PFC-218); EPA's Table 11 gives their formulas (C2F6, C3F8), the CC0 table's names.
  If a counted constituent has no value in a set, the blend has none in that set either.
* Computed AR5 values agree with EPA's published Table 12 column to EPA's whole-number rounding
  (R-410A: 1923.5, published 1924) for every blend but R-424A. EPA publishes 3104 for it, but
  its composition (50.5% HFC-125, 47% HFC-134a and hydrocarbons) gives 2211.85. We use the
  computed value and keep the published one in the source text (see docs/methodology.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from typing import Final

from ecotrack.carbon.data import read_csv
from ecotrack.core.errors import UnprocessableContent

GWP_SETS: Final = ("AR4", "AR5", "AR6")
_METRICS: Final = {"AR4GWP100": "AR4", "AR5GWP100": "AR5", "AR6GWP100": "AR6"}
SPECIES_FILE: Final = "gwp100_ar4_ar5_ar6.csv"
BLENDS_FILE: Final = "epa_hub2025_gwp_blends_ar5.csv"
# EPA Hub 2025 Table 11: EPA's names of single gases with their formulas (PFC-116 is C2F6)
EPA_SPECIES_FILE: Final = "epa_hub2025_gwp_ar5_species.csv"
# the CC0 table writes "HFC134a"; people write "HFC-134a", so we add the hyphen for display
_PREFIXED = re.compile(r"^(HFC|HCFC|CFC|HFE|HCFE|Halon)(\d.*)$")
# one constituent of a Table 12 composition: "53% HCFC-22", "87.5% HCFC-22"
_CONSTITUENT = re.compile(r"^(\d+(?:\.\d+)?)%\s+(\S.*)$")
# the constituents EPA's Table 12 counts
_COUNTED = re.compile(r"^(HFC|PFC)-")
_SPECIES_SOURCE: Final = "IPCC {} GWP100 via globalwarmingpotentials 0.13.2 (CC0)"
_BLEND_SOURCE: Final = "EPA GHG Emission Factors Hub 2025, Table 12"


@dataclass(frozen=True, slots=True)
class Gwp:
    gas: str
    gwp_set: str
    value: float
    source: str
    # a computed blend: its arithmetic, e.g. "R-410A AR6 GWP = 50% × 771 (HFC-32) + ... = 2255.5"
    derivation: str | None = None


@dataclass(frozen=True, slots=True)
class GasInfo:
    name: str
    is_blend: bool
    gwp_sets: tuple[str, ...]
    composition: str | None = None


@dataclass(frozen=True, slots=True)
class Constituent:
    """One constituent of a blend, as its composition writes it."""

    percent: Decimal  # mass per cent, as published
    name: str  # as published: "HFC-32", "PFC-116", "HCFC-22", "propane"
    species: str | None  # the gas whose GWP counts ("HFC-32", "C2F6"); None if not counted


@dataclass(frozen=True, slots=True)
class Blend:
    name: str
    composition: str  # as published
    constituents: tuple[Constituent, ...]
    published_ar5: Decimal  # EPA's Table 12 value (AR5, whole numbers)


@dataclass(frozen=True, slots=True)
class _Tables:
    values: dict[str, dict[str, float]]  # single species: GWP by set
    blends: dict[str, Blend]
    info: dict[str, GasInfo]
    keys: dict[str, str]  # lookup key -> gas


def normalise_key(name: str) -> str:
    """Case-, space- and hyphen-insensitive key: 'R-410A', 'r410a' and 'R 410A' all match."""
    return re.sub(r"[\s\-_]", "", name).upper()


def display_name(species: str) -> str:
    match = _PREFIXED.match(species)
    return f"{match.group(1)}-{match.group(2)}" if match else species


def _fmt(value: float) -> str:
    return f"{value:.10g}"


def parse_composition(text: str) -> tuple[tuple[Decimal, str], ...]:
    """(mass per cent, constituent) pairs of a Table 12 composition; they must sum to 100."""
    parts = []
    for piece in text.split(","):
        match = _CONSTITUENT.match(piece.strip())
        if match is None:
            raise ValueError(f"cannot read constituent {piece.strip()!r} of {text!r}")
        parts.append((Decimal(match.group(1)), match.group(2).strip()))
    total = sum((percent for percent, _ in parts), Decimal(0))
    if total != 100:
        raise ValueError(f"composition {text!r} sums to {total}%, not 100%")
    return tuple(parts)


def _species_values() -> dict[str, dict[str, float]]:
    # CO2 is the reference gas: GWP 1 by definition in every set (the CC0 table omits it)
    values: dict[str, dict[str, float]] = {"CO2": dict.fromkeys(GWP_SETS, 1.0)}
    for row in read_csv(SPECIES_FILE):
        gas = display_name(row["species"])
        values.setdefault(gas, {})[_METRICS[row["metric"]]] = float(row["value"])
    return values


@cache
def _epa_formulas() -> dict[str, str]:
    """EPA's names to formulas (Table 11), both as lookup keys: PFC116 -> C2F6."""
    return {
        normalise_key(row["name"]): normalise_key(row["chemical_formula"])
        for row in read_csv(EPA_SPECIES_FILE)
    }


def _counted_species(name: str, values: dict[str, dict[str, float]]) -> str | None:
    """The gas whose GWP a counted constituent takes: HFC-32 is HFC-32, PFC-116 is C2F6."""
    if not _COUNTED.match(name):
        return None
    by_key = {normalise_key(gas): gas for gas in values}
    key = normalise_key(name)
    if key in by_key:
        return by_key[key]
    formula = _epa_formulas().get(key)
    if formula in by_key:
        return by_key[formula]
    # a counted constituent the species table lacks: kept by name, so it has no value in any
    # set and a request names it as missing
    return name


def blend_from(
    name: str,
    composition: str,
    published_ar5: str,
    values: dict[str, dict[str, float]] | None = None,
) -> Blend:
    """A blend from its Table 12 row; ``values`` are the species GWPs (the shipped ones)."""
    values = _tables().values if values is None else values
    constituents = tuple(
        Constituent(percent, constituent, _counted_species(constituent, values))
        for percent, constituent in parse_composition(composition)
    )
    return Blend(name, composition, constituents, Decimal(published_ar5))


def blend_sets(blend: Blend, values: dict[str, dict[str, float]] | None = None) -> tuple[str, ...]:
    """The sets in which every counted constituent has a value."""
    values = _tables().values if values is None else values
    return tuple(
        s
        for s in GWP_SETS
        if all(s in values.get(c.species, {}) for c in blend.constituents if c.species)
    )


@cache
def _tables() -> _Tables:
    """Species values, blends, info by gas and gas by lookup key, loaded once."""
    values = _species_values()
    blends = {
        row["name"]: blend_from(row["name"], row["blend_composition"], row["gwp_100yr"], values)
        for row in read_csv(BLENDS_FILE)
    }
    info = {
        gas: GasInfo(name=gas, is_blend=False, gwp_sets=tuple(s for s in GWP_SETS if s in by_set))
        for gas, by_set in values.items()
    }
    for name, blend in blends.items():
        info[name] = GasInfo(
            name=name,
            is_blend=True,
            gwp_sets=blend_sets(blend, values),
            composition=blend.composition,
        )
    keys = {normalise_key(gas): gas for gas in info}
    return _Tables(values, blends, info, keys)


def gases() -> list[GasInfo]:
    return list(_tables().info.values())


def blends() -> list[Blend]:
    """The blends of EPA Hub 2025 Table 12, with their parsed compositions."""
    return list(_tables().blends.values())


def canonical_gas(name: str) -> str | None:
    """The table's name for ``name`` (``R-134a`` also finds HFC-134a), or None."""
    keys = _tables().keys
    key = normalise_key(name)
    if key in keys:
        return keys[key]
    # ASHRAE numbers of single-component refrigerants: R-134a is HFC-134a, R-22 is HCFC-22
    if key.startswith("R"):
        for prefix in ("HFC", "HCFC", "CFC"):
            if prefix + key[1:] in keys:
                return keys[prefix + key[1:]]
    return None


def blend_gwp(blend: Blend, gwp_set: str, values: dict[str, dict[str, float]] | None = None) -> Gwp:
    """Sum of mass fraction × GWP100 over the blend's HFC and PFC constituents in ``gwp_set``."""
    values = _tables().values if values is None else values
    counted = [c for c in blend.constituents if c.species is not None]
    missing = [c.name for c in counted if gwp_set not in values.get(c.species or "", {})]
    if missing:
        sets = blend_sets(blend, values)
        raise UnprocessableContent(
            f"no {gwp_set} GWP for {blend.name}: {gwp_set} has no value for its constituent"
            f"{'s' if len(missing) > 1 else ''} {', '.join(missing)}; "
            f"{blend.name} has {', '.join(sets) if sets else 'no GWP set'}",
            accepted_values=list(sets),
            missing_constituents=missing,
        )
    total = Decimal(0)
    terms = []
    for c in counted:
        potential = values[c.species or ""][gwp_set]
        # exact decimal arithmetic on the published numbers: 23% × 677 is 155.71, no float noise
        total += c.percent / 100 * Decimal(repr(potential))
        terms.append(f"{c.percent}% × {_fmt(potential)} ({c.name})")
    value = float(total)
    derivation = f"{blend.name} {gwp_set} GWP = " + (
        f"{' + '.join(terms)} = {_fmt(value)}" if terms else "0 (no HFC or PFC constituent)"
    )
    notes = []
    uncounted = [f"{c.percent}% {c.name}" for c in blend.constituents if c.species is None]
    if uncounted:
        notes.append(f"not counted: {', '.join(uncounted)}")
    notes.append(
        f"composition from {_BLEND_SOURCE}, which counts HFC and PFC constituents only; "
        f"constituent GWPs {_SPECIES_SOURCE.format(gwp_set)}"
    )
    if gwp_set == "AR5":
        published = blend.published_ar5
        if total.quantize(Decimal(1), rounding=ROUND_HALF_UP) == published:
            notes.append(f"EPA publishes {published}, this value to a whole number")
        else:
            notes.append(
                f"EPA publishes {published}, which this composition does not give "
                "(see docs/methodology.md)"
            )
    return Gwp(
        gas=blend.name,
        gwp_set=gwp_set,
        value=value,
        source=f"{derivation}; {'; '.join(notes)}",
        derivation=derivation,
    )


@cache
def gwp(gas: str, gwp_set: str) -> Gwp:
    """The GWP100 of ``gas`` in ``gwp_set``; a 422 naming what exists when it does not."""
    if gwp_set not in GWP_SETS:
        raise UnprocessableContent(
            f"GWP set {gwp_set!r} is not supported", accepted_values=list(GWP_SETS)
        )
    tables = _tables()
    name = canonical_gas(gas)
    if name is None:
        raise UnprocessableContent(
            f"gas {gas!r} has no published GWP", accepted_values=sorted(tables.info)
        )
    if name in tables.blends:
        return blend_gwp(tables.blends[name], gwp_set, tables.values)
    by_set = tables.values[name]
    if gwp_set not in by_set:
        raise UnprocessableContent(
            f"no {gwp_set} GWP for {name}: {gwp_set} does not list {name}",
            accepted_values=list(tables.info[name].gwp_sets),
        )
    source = (
        "reference gas, GWP 1 by definition" if name == "CO2" else _SPECIES_SOURCE.format(gwp_set)
    )
    return Gwp(gas=name, gwp_set=gwp_set, value=by_set[gwp_set], source=source)
