"""Bad input answers with a 4xx problem that says what is accepted."""

from __future__ import annotations

import math
from typing import Any

import pytest

from ecotrack.carbon import engine
from ecotrack.carbon.engine import MAX_BATCH_ITEMS, estimate, estimate_batch
from ecotrack.carbon.factors import Factor, GasValue, load_factor_library
from ecotrack.carbon.schemas import EstimateRequest
from ecotrack.core.errors import NotFound, PayloadTooLarge, Problem, UnprocessableContent

GOOD: dict[str, Any] = {
    "activity": "fuel.natural_gas",
    "quantity": 1000,
    "unit": "kWh",
    "region": "GB",
    "year": 2024,
}


def problem(**changes: Any) -> Problem:
    with pytest.raises(Problem) as caught:
        estimate(EstimateRequest(**(GOOD | changes)), load_factor_library())
    return caught.value


def test_unknown_activity_lists_activities() -> None:
    p = problem(activity="fuel.unobtainium")
    assert p.status == 422
    assert "fuel.natural_gas" in p.extensions["accepted_activities"]


def test_unknown_unit_lists_units() -> None:
    p = problem(unit="furlong")
    assert p.status == 422
    assert "kWh" in p.extensions["accepted_units"]


def test_incompatible_unit_names_the_activity_units() -> None:
    p = problem(activity="electricity.grid", unit="kg")
    assert isinstance(p, UnprocessableContent)
    assert "electricity.grid" in p.detail
    assert p.extensions["accepted_units"][0] == "kWh"
    assert "kg" not in p.extensions["accepted_units"]


def test_unit_without_a_factor_in_the_region_names_the_region_units() -> None:
    p = problem(unit="kg", region="US", year=2025)  # EPA natural gas: mmBtu and scf only
    assert "scf" in p.extensions["accepted_units"]
    assert "kg" not in p.extensions["accepted_units"]


def test_ambiguous_ton_is_refused() -> None:
    p = problem(activity="fuel.coal", unit="ton")
    assert {"t", "short_ton"} <= set(p.extensions["accepted_units"])


def test_unknown_option_lists_options() -> None:
    p = problem(options={"colour": "blue"})
    assert p.extensions["accepted_options"] == ["calorific_basis", "category"]


def test_unknown_option_value_lists_values() -> None:
    p = problem(options={"calorific_basis": "lukewarm"})
    assert p.extensions["accepted_values"] == ["gross", "net"]


def test_option_value_without_factor_in_region() -> None:
    p = problem(region="US", year=2025, unit="MMBtu", options={"calorific_basis": "net"})
    assert p.extensions["accepted_values"] == ["gross"]  # EPA heat contents are HHV


def test_required_option_missing() -> None:
    p = problem(activity="travel.flight", unit="km")
    assert set(p.extensions["accepted_values"]) == {"domestic", "short", "long", "international"}


def test_radiative_forcing_not_published_for_us() -> None:
    p = problem(
        activity="travel.flight",
        unit="mile",
        region="US",
        year=2025,
        options={"haul": "long", "radiative_forcing": True},
    )
    assert p.extensions["accepted_values"] == ["false"]


def test_bool_option_must_be_bool() -> None:
    p = problem(
        activity="travel.flight", unit="km", options={"haul": "long", "radiative_forcing": "yes"}
    )
    assert p.extensions["accepted_values"] == [True, False]


@pytest.mark.parametrize("passengers", [0, -1, 1.5, True])
def test_passengers_must_be_whole_and_positive(passengers: object) -> None:
    p = problem(activity="travel.rail", unit="km", options={"passengers": passengers})
    assert p.extensions["accepted_values"] == "integers from 1 to 1000000000"


def test_passengers_conflict_with_passenger_distance_unit() -> None:
    p = problem(activity="travel.rail", unit="passenger_km", options={"passengers": 2})
    assert "km" in p.extensions["accepted_units"]


def test_unknown_region_lists_regions() -> None:
    p = problem(region="UK")
    accepted = p.extensions["accepted_regions"]
    assert {"GB", "US", "US-TX", "US-CAMX", "DE"} <= set(accepted)


def test_region_without_data_for_activity() -> None:
    p = problem(activity="electricity.td_losses", region="DE")
    accepted = p.extensions["accepted_regions"]
    # DESNZ for GB; eGRID grid gross loss for the US, its subregions and (US average) states
    assert {"GB", "US", "US-CAMX", "US-TX"} <= set(accepted)
    assert not {"DE", "US-PRMS"} & set(accepted)


@pytest.mark.parametrize("quantity", [-1.0, math.nan, math.inf, -math.inf])
def test_negative_or_non_finite_quantity(quantity: float) -> None:
    p = problem(quantity=quantity)
    assert p.status == 422
    assert p.extensions["accepted_values"] == "finite numbers >= 0"


def test_unknown_gwp_set() -> None:
    p = problem(gwp="AR7")
    assert p.extensions["accepted_values"] == ["AR4", "AR5", "AR6"]


def test_gas_missing_from_a_set_names_the_sets_it_has() -> None:
    # AR4 lists fewer gases: HFC-41 has AR5 and AR6 values only
    p = problem(activity="refrigerant.leak", unit="kg", gwp="AR4", options={"gas": "HFC-41"})
    assert p.extensions["accepted_values"] == ["AR5", "AR6"]


def test_unknown_gas() -> None:
    p = problem(activity="gas.release", unit="kg", options={"gas": "unobtainium"})
    assert "CH4" in p.extensions["accepted_values"]


def test_market_method_is_electricity_only() -> None:
    p = problem(method="market")
    assert p.extensions["accepted_values"] == ["location"]


def test_unknown_method_for_electricity() -> None:
    p = problem(activity="electricity.grid", method="residual")
    assert p.extensions["accepted_values"] == ["location", "market"]


@pytest.mark.parametrize("value", [-0.1, math.nan, "0.2", 2e6])
def test_contract_factor_must_be_finite_non_negative(value: object) -> None:
    p = problem(activity="electricity.grid", options={"contract_factor_kg_per_kwh": value})
    assert p.extensions["accepted_values"] == "finite numbers from 0 to 1e+06"


def test_only_later_data_fails_unless_allowed() -> None:
    p = problem(region="US", year=2024, unit="MMBtu")
    assert p.extensions["available_years"] == [2025]
    allowed = estimate(
        EstimateRequest(
            **(GOOD | {"region": "US", "year": 2024, "unit": "MMBtu", "allow_later_year": True})
        ),
        load_factor_library(),
    )
    assert allowed.factor.year == 2025
    assert any("later year" in n for n in allowed.notices)


def test_propane_before_its_first_uk_edition() -> None:
    p = problem(activity="fuel.propane", year=2020)  # DESNZ propane rows start in 2021
    assert p.extensions["available_years"] == [2021, 2022, 2023, 2024, 2025]


def test_unknown_factor_id_is_not_found() -> None:
    with pytest.raises(NotFound):
        load_factor_library().get("desnz-1999:fuel.natural_gas:GB:gross:kWh")


def test_pinned_factor_for_another_activity() -> None:
    p = problem(factor_id="desnz-2024:electricity.grid:GB:kWh")
    assert p.status == 422


def test_private_factor_ids_must_not_clash() -> None:
    clash = load_factor_library().get("desnz-2024:fuel.natural_gas:GB:gross:kWh")
    with pytest.raises(UnprocessableContent) as caught:
        load_factor_library().with_private([clash])
    assert caught.value.extensions["conflicting_ids"] == [clash.id]


def test_batch_over_the_limit_is_413() -> None:
    with pytest.raises(PayloadTooLarge) as caught:
        estimate_batch([GOOD] * (MAX_BATCH_ITEMS + 1), load_factor_library())
    assert caught.value.extensions["max_items"] == MAX_BATCH_ITEMS


def test_batch_items_fail_alone() -> None:
    items = [GOOD, GOOD | {"unit": "furlong"}, {"activity": "fuel.diesel"}, GOOD]
    answers = estimate_batch(items, load_factor_library())
    assert [a.index for a in answers] == [0, 1, 2, 3]
    assert answers[0].result is not None
    assert answers[3].result is not None
    assert answers[1].problem is not None
    assert "kWh" in answers[1].problem["accepted_units"]
    assert answers[2].problem is not None
    assert answers[2].problem["status"] == 422
    assert {e["location"][0] for e in answers[2].problem["errors"]} >= {"quantity", "unit"}


def test_private_factor_is_preferred_and_recorded() -> None:
    supplier = Factor(
        id="acme:fuel.natural_gas:GB:kWh",
        dataset="acme-supplier",
        dataset_version="2024",
        year=2024,
        region="GB",
        activity="fuel.natural_gas",
        options={},
        unit="kWh",
        co2e=GasValue(value=0.15, unit="kg"),
        gwp_basis="AR5",
        label="Acme biomethane blend",
        source_url="",
        licence="proprietary",
        citation="Acme supplier statement 2024",
    )
    result = estimate(EstimateRequest(**GOOD), load_factor_library(), private_factors=[supplier])
    assert result.co2e_kg == pytest.approx(150)
    assert result.factor.private
    assert "private" in result.selection


def test_catalogue_lists_every_required_activity() -> None:
    ids = {a.id for a in engine.list_activities()}
    assert ids >= {
        "fuel.natural_gas",
        "fuel.diesel",
        "fuel.petrol",
        "fuel.propane",
        "fuel.lpg",
        "fuel.fuel_oil",
        "fuel.coal",
        "electricity.grid",
        "electricity.td_losses",
        "heat.steam",
        "vehicle.car",
        "travel.flight",
        "travel.rail",
        "travel.bus",
        "refrigerant.leak",
        "gas.release",
        "waste.disposal",
    }
