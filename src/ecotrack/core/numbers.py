"""Kilograms as the platform shows them: rounded to the milligram, once, on the way out.

A figure such as ``1000 × 0.00028`` is ``0.27999999999999997`` in binary floating point.
Inside the platform every figure stays as computed, so that a sum is taken of the
unrounded parts; an answer or an export shows it rounded to the milligram (kg to six
decimal places), so that no binary noise leaves the system and a total is rounded once,
from the unrounded sum, rather than summed from rounded parts.

One rule everywhere, the one Analytics' read models have always used to keep whole
milligrams: kg × 10⁶, as a binary float, rounded to a whole number with Python's
:func:`round`, which takes a tie to the even neighbour (round half to even). The kilograms
shown are those milligrams / 10⁶, a division that is correctly rounded, so the shortest
decimal that reads back as the float (what JSON and CSV write) is the milligram figure
itself, with at most six decimals, for any amount up to 1e9 kg (a million tonnes: fifteen
significant digits, which a 64-bit float always holds); beyond that the float holds fewer
decimals and shows what it can.

:data:`Kg` is a float field that serialises so in JSON (API answers and the files built
from them); Python code reading the model gets the unrounded value. A caller that stores a
model as JSON for later calculation passes ``context=EXACT`` to keep the unrounded figures.
"""

from __future__ import annotations

import math
from typing import Annotated, Any, Final

from pydantic import PlainSerializer, SerializationInfo

MG_PER_KG: Final = 1_000_000
KG_DECIMALS: Final = 6
EXACT: Final[dict[str, Any]] = {"kg": "exact"}
"""Serialisation context that writes :data:`Kg` fields unrounded (for storage, not answers)."""


def milligrams(kg: float) -> int:
    """``kg`` in whole milligrams: kg × 10⁶ rounded half to even."""
    return round(kg * MG_PER_KG)


def kg_of(mg: int) -> float:
    """Whole milligrams as kg, exact to the milligram (no binary noise when printed)."""
    return mg / MG_PER_KG


def round_kg(kg: float) -> float:
    """``kg`` rounded to the milligram (six decimal places); NaN and infinities unchanged."""
    if not math.isfinite(kg):
        return kg
    return kg_of(milligrams(kg))


def _serialise(kg: float, info: SerializationInfo) -> float:
    context = info.context
    if isinstance(context, dict) and context.get("kg") == EXACT["kg"]:
        return kg
    return round_kg(kg)


Kg = Annotated[float, PlainSerializer(_serialise, return_type=float, when_used="json")]
"""A kg figure: unrounded in Python, rounded to the milligram in JSON (unless ``EXACT``)."""
