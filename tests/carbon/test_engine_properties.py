"""Properties that hold for any quantity, unit and dataset."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ecotrack.carbon import units
from ecotrack.carbon.engine import estimate, estimate_batch
from ecotrack.carbon.factors import load_factor_library
from ecotrack.carbon.schemas import EstimateRequest

# Up to 10,000 of any unit: within what one record may hold (1e12 kg CO2e, and 1e12 of the
# unit type's base unit) for every activity, 10,000 t of SF6 (GWP 25,200) included.
quantities = st.floats(min_value=0, max_value=1e4, allow_nan=False, allow_infinity=False)

# (request without quantity/unit, units the same activity can be given in)
CASES: list[tuple[dict[str, Any], tuple[str, ...]]] = [
    (
        {"activity": "fuel.natural_gas", "region": "GB", "year": 2024},
        ("kWh", "MWh", "GJ", "therm", "MMBtu"),
    ),
    (
        {"activity": "fuel.natural_gas", "region": "US", "year": 2025},
        ("MMBtu", "therm", "kWh", "GJ"),
    ),
    (
        {"activity": "fuel.diesel", "region": "GB", "year": 2024},
        ("L", "m3", "gallon", "imperial_gallon"),
    ),
    (
        {
            "activity": "fuel.coal",
            "region": "US",
            "year": 2025,
            "options": {"fuel_type": "lignite"},
        },
        ("short_ton", "t", "kg", "lb"),
    ),
    ({"activity": "electricity.grid", "region": "US-RFCW", "year": 2024}, ("kWh", "MWh", "GJ")),
    ({"activity": "vehicle.car", "region": "GB", "year": 2021}, ("km", "mile", "m")),
    (
        {"activity": "travel.flight", "region": "US", "year": 2025, "options": {"haul": "long"}},
        ("mile", "km"),
    ),
    ({"activity": "travel.rail", "region": "GB", "year": 2024}, ("passenger_km", "passenger_mile")),
    (
        {
            "activity": "gas.release",
            "region": "GB",
            "year": 2024,
            "gwp": "AR6",
            "options": {"gas": "SF6"},
        },
        ("kg", "t", "lb", "g"),
    ),
]
case_and_units = st.sampled_from(CASES).flatmap(
    lambda case: st.tuples(st.just(case[0]), st.sampled_from(case[1]), st.sampled_from(case[1]))
)


@settings(max_examples=200, deadline=None)
@given(case_and_units, quantities)
def test_unit_conversion_never_changes_the_result(
    case: tuple[dict[str, Any], str, str], quantity: float
) -> None:
    base, unit, other = case
    library = load_factor_library()
    first = estimate(EstimateRequest(**base, quantity=quantity, unit=unit), library)
    converted = quantity * units.conversion_factor(unit, other)
    second = estimate(EstimateRequest(**base, quantity=converted, unit=other), library)
    assert second.co2e_kg == pytest.approx(first.co2e_kg, rel=1e-9, abs=1e-9)
    assert second.factor.id == first.factor.id


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(CASES), quantities, st.sampled_from(["AR4", "AR5", "AR6"]))
def test_gas_contributions_sum_to_the_total(
    case: tuple[dict[str, Any], tuple[str, ...]], quantity: float, gwp_set: str
) -> None:
    base, unit_choices = case
    request = EstimateRequest(**{"gwp": gwp_set, **base}, quantity=quantity, unit=unit_choices[0])
    result = estimate(request, load_factor_library())
    if not result.gases:
        return  # published as CO2e only (e.g. OWID, eGRID state rates): nothing to split
    parts = sum(g.co2e_kg for g in result.gases)
    # computed from masses: exact; published DESNZ shares: within the tables' 5-digit rounding
    tolerance = 1e-9 if result.gases[0].mass_kg is not None else 1e-4
    assert parts == pytest.approx(result.co2e_kg, rel=tolerance, abs=1e-9)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(CASES), quantities), min_size=1, max_size=20))
def test_batch_answers_like_single_calls(
    items: list[tuple[tuple[dict[str, Any], tuple[str, ...]], float]],
) -> None:
    library = load_factor_library()
    requests = [
        EstimateRequest(**base, quantity=quantity, unit=unit_choices[0])
        for (base, unit_choices), quantity in items
    ]
    answers = estimate_batch(requests, library)
    assert [a.result for a in answers] == [estimate(r, library) for r in requests]


def test_batch_of_ten_thousand_accepted() -> None:
    request = EstimateRequest(
        activity="electricity.grid", quantity=1, unit="kWh", region="GB", year=2024
    )
    answers = estimate_batch([request] * 10_000, load_factor_library())
    assert len(answers) == 10_000
    assert all(a.problem is None for a in answers)
