"""Exact CO2e amounts: what the aggregates add up, and the one rounding on the way out.

An amount is a whole number of picograms (10⁻¹⁵ kg), a Python ``int``: each activity's
unrounded kg converts to it exactly up to that grain (a 64-bit float's own grain is as
fine from 8 kg up), and integer addition is exact, associative and commutative, so totals
are the unrounded sum whatever order versions arrive, are replaced or are replayed in,
and a total that comes back to zero is exactly zero. Answers round it to the milligram
once, half to even, as ``core/numbers.py`` rounds every kg.

Stored, an amount is two 64-bit integers (``co2e_mg``, ``co2e_rest_pg``): picograms alone
would overflow them (a record may come to 1e12 kg, 1e27 pg), as would micrograms summed
(1e21). ``co2e_mg`` is the amount rounded to the milligram, half to even, and
``co2e_rest_pg`` what remains, at most half a milligram either way (:func:`split`); the
pair of a given amount is always the same, and ``co2e_mg`` alone is the milligram figure
an answer shows for that row.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Final

from ecotrack.core.numbers import kg_of

PG_PER_MG: Final = 10**9
PG_PER_KG: Final = 10**15
HALF_MG_PG: Final = PG_PER_MG // 2


def picograms(kg: float) -> int:
    """``kg`` in whole picograms, converted from the float's exact value (half to even)."""
    return round(Fraction(kg) * PG_PER_KG)


def rounded_mg(pg: int) -> int:
    """``pg`` rounded to whole milligrams, half to even."""
    mg, rest = divmod(pg, PG_PER_MG)
    if 2 * rest > PG_PER_MG or (2 * rest == PG_PER_MG and mg % 2):
        mg += 1
    return mg


def split(pg: int) -> tuple[int, int]:
    """(mg, rest_pg) as stored: the milligrams :func:`rounded_mg` gives, and the rest."""
    mg = rounded_mg(pg)
    return mg, pg - mg * PG_PER_MG


def joined(mg: int, rest_pg: int) -> int:
    """The amount in picograms of stored (or summed) ``co2e_mg`` and ``co2e_rest_pg``."""
    return int(mg) * PG_PER_MG + int(rest_pg)


def kg(pg: int) -> float:
    """The kg an answer shows: rounded to the milligram once, with no binary noise."""
    return kg_of(rounded_mg(pg))


def exact_kg(pg: int) -> float:
    """The unrounded kg, as near as a float holds it, for ratios (intensity)."""
    return pg / PG_PER_KG
