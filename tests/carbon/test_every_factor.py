"""Every factor is usable: a factor id alone, its own unit or any unit that converts to it.

Expectations are the published values themselves: each factor's result must be its value
(converted to kg) times the quantity, per gas where the source publishes gases, with the
requested GWP set where the gases are masses (a published CO2e on the requested set, EPA
Supply Chain's AR5, stays the total).
"""

from __future__ import annotations

import random
from typing import Any

import pytest

from ecotrack.carbon import gwp, units
from ecotrack.carbon.engine import estimate, estimate_batch
from ecotrack.carbon.factors import ANY_REGION, Factor, load_factor_library
from ecotrack.carbon.schemas import EstimateRequest
from ecotrack.core.errors import Problem, UnprocessableContent

QUANTITY = 7.25


def _request(factor: Factor, **extra: Any) -> EstimateRequest:
    fields: dict[str, Any] = {
        "factor_id": factor.id,
        "quantity": QUANTITY,
        "unit": factor.unit,
        "year": factor.year or 2024,
    }
    if factor.region == ANY_REGION:
        fields["region"] = "GB"
    return EstimateRequest(**(fields | extra))


def _expected(factor: Factor, gwp_set: str) -> float:
    def kg(value: float, unit: str) -> float:
        return value * units.conversion_factor(unit, "kg")

    if factor.gas_basis == "mass":
        if factor.co2e is not None and factor.gwp_basis == gwp_set:
            # the published CO2e on the requested set (EPA Supply Chain: AR5) is the total
            return QUANTITY * kg(factor.co2e.value, factor.co2e.unit)
        # masses times the set's GWPs; a gas published as CO2e only counts as published
        return QUANTITY * sum(
            g.value if g.published_as_co2e else kg(g.value, g.unit) * gwp.gwp(gas, gwp_set).value
            for gas, g in factor.gases.items()
        )
    if factor.co2e is not None:
        return QUANTITY * kg(factor.co2e.value, factor.co2e.unit)
    # a few DESNZ 2019-2021 rows publish the per-gas CO2e shares without their sum
    return QUANTITY * sum(kg(g.value, g.unit) for g in factor.gases.values())


def _usable(factor: Factor) -> bool:
    # supplier-specific and residual-mix electricity are market-based only; published ones are
    # all grid averages, so every published factor is usable
    return not factor.private


@pytest.mark.parametrize("gwp_set", ["AR5", "AR6"])
def test_every_shipped_factor_estimates_value_times_quantity(gwp_set: str) -> None:
    library = load_factor_library()
    sets = {info.name: info.gwp_sets for info in gwp.gases()}
    checked = 0
    for factor in library:
        if factor.gas_basis == "mass" and any(
            gwp_set not in sets[gas] for gas, g in factor.gases.items() if not g.published_as_co2e
        ):
            continue  # a gas without a value in this set is a 422 of its own (test_gwp_blends)
        result = estimate(_request(factor, gwp=gwp_set), library)
        assert result.factor.id == factor.id
        assert result.activity == factor.activity
        assert result.co2e_kg == pytest.approx(_expected(factor, gwp_set), rel=1e-9, abs=1e-12)
        published = set(factor.gases)
        assert {g.gas for g in result.gases} == published
        checked += 1
    assert checked > 27_000


def test_a_factor_id_alone_takes_the_factors_activity_region_and_scope() -> None:
    library = load_factor_library()
    hotel = library.get("desnz-2024:travel.hotel:GB:uk:room_night")
    result = estimate(
        EstimateRequest(factor_id=hotel.id, quantity=3, unit="room_nights", year=2024), library
    )
    assert result.co2e_kg == pytest.approx(3 * 10.4)  # DESNZ 2024 Hotel stay, UK, 10.4 kg/room
    assert (result.activity, result.region, result.scope) == ("travel.hotel", "GB", 3)
    assert result.scope3_category is not None
    assert result.scope3_category.number == 6


@pytest.mark.parametrize(
    ("factor_id", "unit", "accepted"),
    [
        # money per distance: a spend factor given kilometres
        ("epa-supply-chain-2022:spend.naics:US:with_margins:327310:USD", "km", "USD"),
        ("desnz-2024:travel.hotel:GB:uk:room_night", "km", "room_night"),
        ("desnz-2024:freight.road:GB:average:articulated_over_33t:hgv:tonne_km", "kWh", "tonne_km"),
        ("desnz-2024:commuting.homeworking:GB:both:fte_hour", "kWh", "fte_hour"),
        # a passenger-km factor outside the travel catalogue takes no vehicle-km
        (
            "desnz-2024:wtt_business_travel_sea.wtt_ferry.foot_passenger:passenger_km",
            "km",
            "passenger_km",
        ),
    ],
)
def test_unit_kinds_a_factor_cannot_take_are_422s_naming_what_it_accepts(
    factor_id: str, unit: str, accepted: str
) -> None:
    with pytest.raises(UnprocessableContent) as caught:
        estimate(
            EstimateRequest(factor_id=factor_id, quantity=1, unit=unit, year=2024),
            load_factor_library(),
        )
    problem = caught.value
    assert accepted in problem.extensions["accepted_units"]
    assert unit not in problem.extensions["accepted_units"]
    assert "which takes" in problem.detail


def test_units_that_convert_give_the_same_answer() -> None:
    library = load_factor_library()
    freight = "desnz-2024:freight.road:GB:average:articulated_over_33t:hgv:tonne_km"
    in_tkm = estimate(
        EstimateRequest(factor_id=freight, quantity=1000, unit="tonne_km", year=2024), library
    )
    in_tmile = estimate(
        EstimateRequest(factor_id=freight, quantity=1000 / 1.609344, unit="tonne_mile", year=2024),
        library,
    )
    assert in_tkm.co2e_kg == pytest.approx(1000 * 0.07447)  # DESNZ 2024, articulated >33t
    assert in_tmile.co2e_kg == pytest.approx(in_tkm.co2e_kg)


def test_batch_equals_singles_over_a_sample_of_the_library() -> None:
    library = load_factor_library()
    sample = random.Random(13).sample(list(library), 400)
    requests = [_request(factor) for factor in sample]
    batch = estimate_batch(requests, library)
    for request, answer in zip(requests, batch, strict=True):
        if answer.problem is None:
            assert answer.result == estimate(request, library)
        else:  # a gas without an AR5 value: the same problem as alone
            with pytest.raises(Problem) as alone:
                estimate(request, library)
            assert answer.problem == alone.value.to_dict()


def test_a_pinned_factor_outside_the_pinned_data_version_is_a_422() -> None:
    with pytest.raises(UnprocessableContent) as caught:
        estimate(
            EstimateRequest(
                factor_id="desnz-2025:fuel.natural_gas:GB:gross:kWh",
                quantity=1,
                unit="kWh",
                year=2025,
                data_version="2026.11",
            ),
            load_factor_library(),
        )
    assert caught.value.extensions["accepted_values"] == ["2026.12"]


def test_an_unknown_data_version_is_a_422_listing_the_versions() -> None:
    with pytest.raises(UnprocessableContent) as caught:
        estimate(
            EstimateRequest(
                activity="fuel.natural_gas",
                quantity=1,
                unit="kWh",
                region="GB",
                year=2024,
                data_version="1999.1",
            ),
            load_factor_library(),
        )
    assert caught.value.extensions["accepted_values"] == ["2026.11", "2026.12"]


def test_a_request_without_activity_or_factor_is_refused() -> None:
    with pytest.raises(ValueError, match="give an activity, or a factor_id"):
        EstimateRequest(quantity=1, unit="kWh", region="GB", year=2024)


def test_biogenic_co2_is_reported_beside_the_result_never_inside() -> None:
    result = estimate(
        EstimateRequest(activity="fuel.diesel", quantity=100, unit="L", region="GB", year=2024),
        load_factor_library(),
    )
    # DESNZ 2024: Diesel (average biofuel blend), litres: 2.51279 kg CO2e (scope 1); Outside
    # of scopes, Forecourt fuels containing biofuel, the same diesel: 0.16 kg CO2 per litre
    assert result.co2e_kg == pytest.approx(100 * 2.51279)
    assert result.outside_of_scopes is not None
    assert result.outside_of_scopes.biogenic_co2_kg == pytest.approx(100 * 0.16)
