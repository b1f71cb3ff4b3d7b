"""The one rounding rule for kg: to the milligram, half to even, at the serialisation boundary."""

from __future__ import annotations

import json
import random

from pydantic import BaseModel

from ecotrack.analytics import projection, queries
from ecotrack.core.numbers import EXACT, Kg, kg_of, milligrams, round_kg


class _Figures(BaseModel):
    co2e_kg: Kg
    mass_kg: Kg | None = None


def test_noise_is_rounded_away_to_the_milligram() -> None:
    assert 1000 * 0.00028 == 0.27999999999999997
    assert round_kg(1000 * 0.00028) == 0.28
    assert round_kg(0.1 + 0.2) == 0.3
    assert round_kg(0.0000004) == 0.0
    assert repr(round_kg(-0.0000004)) == "0.0"  # no "-0.0"
    assert round_kg(float("inf")) == float("inf")


def test_a_sum_is_rounded_once_not_summed_from_rounded_parts() -> None:
    parts = [0.1000004] * 3
    assert round_kg(sum(parts)) == 0.300001
    assert sum(round_kg(part) for part in parts) == 0.30000000000000004  # the wrong way


def test_ties_go_to_the_even_milligram_on_the_scaled_float() -> None:
    # kg × 10⁶ is 2.5, 3.5, 4.5 exactly as floats: Python's round takes the even neighbour
    assert [milligrams(kg) for kg in (0.0000025, 0.0000035, 0.0000045)] == [2, 4, 4]
    assert round_kg(0.0000025) == 0.000002
    # Analytics rounds its exact sums (picograms) by the very same rule, once per answer
    assert projection.milligrams is milligrams  # (for versions applied before its 0005)
    assert queries.kg(2_500_000_000) == queries.kg(1_500_000_001) == kg_of(2) == 0.000002


def test_milligrams_as_kg_print_with_at_most_six_decimals() -> None:
    rng = random.Random(13)
    for _ in range(20_000):
        mg = rng.randrange(-(10**15), 10**15 + 1)  # up to 1e9 kg: 15 significant digits
        text = repr(kg_of(mg))
        assert len(text.partition(".")[2]) <= 6, (mg, text)
        assert milligrams(kg_of(mg)) == mg


def test_kg_fields_round_in_json_only_and_not_with_the_exact_context() -> None:
    figures = _Figures(co2e_kg=1200 * 0.1829, mass_kg=0.025 * 0.45359237)
    assert figures.co2e_kg == 219.48000000000002  # Python code sums the unrounded value
    assert figures.model_dump() == {"co2e_kg": 1200 * 0.1829, "mass_kg": 0.025 * 0.45359237}
    assert figures.model_dump(mode="json") == {"co2e_kg": 219.48, "mass_kg": 0.01134}
    assert json.loads(figures.model_dump_json()) == {"co2e_kg": 219.48, "mass_kg": 0.01134}
    assert figures.model_dump(mode="json", context=EXACT) == figures.model_dump()
    assert _Figures(co2e_kg=0.0).model_dump(mode="json") == {"co2e_kg": 0.0, "mass_kg": None}
