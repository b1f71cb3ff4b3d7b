"""Scope 3 by category: friendly catalogue activities for every category, with worked examples.

Every expectation is a published value copied from the shipped DESNZ flat files
(src/ecotrack/carbon/data/desnz_<year>.csv, kg CO2e per unit) times the quantity, with the row
in a comment. Exact conversions: 1 mile = 1.609344 km, 1 m3 = 1000 L.
"""

from __future__ import annotations

from typing import Any

import pytest

from ecotrack.carbon.engine import ACTIVITIES, estimate, list_activities
from ecotrack.carbon.factors import load_factor_library
from ecotrack.carbon.schemas import EstimateRequest, EstimateResult
from ecotrack.core.errors import UnprocessableContent

MILE_KM = 1.609344


def run(**fields: Any) -> EstimateResult:
    fields.setdefault("region", "GB")
    fields.setdefault("year", 2024)
    return estimate(EstimateRequest(**fields), load_factor_library())


def close(expected: float) -> Any:
    return pytest.approx(expected, rel=1e-9)


def category(result: EstimateResult) -> tuple[int, int | None]:
    number = result.scope3_category.number if result.scope3_category else None
    return result.scope, number


# --- 1 purchased goods and services ------------------------------------------------------------


def test_material_use_concrete_primary_by_default() -> None:
    r = run(activity="material.use", quantity=2, unit="t", options={"material": "concrete"})
    # 2 t × 118.75127 kg/t, DESNZ 2024 Material use > Construction > Concrete, primary production
    assert r.co2e_kg == close(2 * 118.75127)
    assert r.factor.id == "desnz-2024:material.use:GB:concrete:primary:t"
    assert category(r) == (3, 1)


def test_material_use_re_used_aggregates_and_closed_loop_pet_in_kg() -> None:
    aggregates = run(
        activity="material.use",
        quantity=10,
        unit="t",
        options={"material": "aggregates", "source": "re_used"},
    )
    pet = run(
        activity="material.use",
        quantity=500,
        unit="kg",
        options={"material": "plastics_pet_incl_forming", "source": "closed_loop"},
    )
    assert aggregates.co2e_kg == close(10 * 2.21)  # 10 t × 2.21, Aggregates, Re-used (2024)
    # 0.5 t × 2204.91851, Plastic > Plastics: PET (incl. forming), Closed-loop source (2024)
    assert pet.co2e_kg == close(0.5 * 2204.91851)
    assert category(pet) == (3, 1)


def test_water_supply_by_volume_2024_and_2019() -> None:
    litres = run(activity="water.supply", quantity=2000, unit="L")
    old = run(activity="water.supply", quantity=10, unit="m3", year=2019)
    assert litres.co2e_kg == close(2 * 0.15311)  # 2000 L = 2 m3 × 0.15311, Water supply 2024
    assert old.co2e_kg == close(10 * 0.344)  # 10 m3 × 0.344, Water supply 2019
    assert category(litres) == (3, 1)


# --- 3 fuel- and energy-related activities -----------------------------------------------------


def test_well_to_tank_of_natural_gas_gross_kwh() -> None:
    r = run(
        activity="fuel.well_to_tank", quantity=1000, unit="kWh", options={"fuel": "natural_gas"}
    )
    # 1000 kWh × 0.03021, DESNZ 2024 WTT- fuels > Gaseous fuels > Natural gas, kWh (Gross CV)
    assert r.co2e_kg == close(1000 * 0.03021)
    assert r.factor.id == "desnz-2024:fuel.well_to_tank:GB:gross:natural_gas:kWh"
    assert category(r) == (3, 3)


def test_well_to_tank_of_diesel_blends_and_butane() -> None:
    blend = run(activity="fuel.well_to_tank", quantity=100, unit="L", options={"fuel": "diesel"})
    mineral = run(
        activity="fuel.well_to_tank",
        quantity=100,
        unit="L",
        options={"fuel": "diesel", "biofuel_blend": "none"},
    )
    butane = run(activity="fuel.well_to_tank", quantity=2, unit="t", options={"fuel": "butane"})
    assert blend.co2e_kg == close(100 * 0.61101)  # WTT Diesel (average biofuel blend), litres
    assert mineral.co2e_kg == close(100 * 0.62409)  # WTT Diesel (100% mineral diesel), litres
    assert butane.co2e_kg == close(2 * 344.30947)  # WTT Gaseous fuels > Butane, tonnes (2024)


def test_well_to_tank_of_uk_electricity_generation_and_td() -> None:
    generation = run(activity="electricity.well_to_tank", quantity=1000, unit="kWh")
    td = run(
        activity="electricity.well_to_tank",
        quantity=1000,
        unit="kWh",
        year=2021,
        options={"stage": "td_losses"},
    )
    # 1000 kWh × 0.0459, DESNZ 2024 WTT- UK electricity (generation)
    assert generation.co2e_kg == close(1000 * 0.0459)
    # 1000 kWh × 0.00489, DESNZ 2021 WTT- UK & overseas elec > WTT- UK electricity (T&D)
    assert td.co2e_kg == close(1000 * 0.00489)
    assert td.factor.year == 2021
    assert category(td) == (3, 3)


def test_a_well_to_tank_fuel_must_be_named() -> None:
    with pytest.raises(UnprocessableContent) as caught:
        run(activity="fuel.well_to_tank", quantity=1, unit="L")
    assert "diesel" in caught.value.extensions["accepted_values"]


# --- 4 upstream and 9 downstream transportation and distribution ------------------------------


def test_road_freight_articulated_hgv_tonne_km_upstream_by_default() -> None:
    r = run(
        activity="freight.road",
        quantity=1000,
        unit="tonne_km",
        options={"vehicle": "hgv", "size": "articulated_over_33t"},
    )
    # 1000 tonne-km × 0.07447, DESNZ 2024 HGV (all diesel) > Articulated (>33t), Average laden
    assert r.co2e_kg == close(1000 * 0.07447)
    assert r.factor.id == "desnz-2024:freight.road:GB:average:articulated_over_33t:hgv:tonne_km"
    assert category(r) == (3, 4)


def test_road_freight_refrigerated_rigid_vehicle_miles_and_electric_van() -> None:
    laden = run(
        activity="freight.road",
        quantity=100,
        unit="mile",
        options={"vehicle": "hgv_refrigerated", "size": "rigid_7_5_to_17t", "laden": "100"},
    )
    van = run(
        activity="freight.road",
        quantity=500,
        unit="tonne_km",
        options={"vehicle": "van", "size": "class_iii", "fuel": "battery_electric"},
    )
    # 100 mile × 1.609344 km × 0.83128, HGV refrigerated > Rigid (>7.5-17t), 100% Laden, km
    assert laden.co2e_kg == close(100 * MILE_KM * 0.83128)
    # 500 tonne-km × 0.23666, Vans > Class III (1.74 to 3.5 tonnes), Battery Electric, tonne.km
    assert van.co2e_kg == close(500 * 0.23666)


def test_rail_sea_and_air_freight() -> None:
    rail = run(activity="freight.rail", quantity=1000, unit="tonne_km")
    ship = run(
        activity="freight.sea", quantity=1000, unit="tonne_km", options={"ship": "container_ship"}
    )
    tanker = run(
        activity="freight.sea",
        quantity=1000,
        unit="tonne_km",
        options={"ship": "crude_tanker", "size": "200_000_dwt"},
    )
    air = run(
        activity="freight.air",
        quantity=1000,
        unit="tonne_km",
        options={"haul": "long", "radiative_forcing": True},
    )
    assert rail.co2e_kg == close(1000 * 0.02779)  # Rail > Freight train, tonne.km (2024)
    assert ship.co2e_kg == close(1000 * 0.01612)  # Cargo ship > Container ship > Average
    assert tanker.co2e_kg == close(1000 * 0.00293)  # Sea tanker > Crude tanker > 200,000+ dwt
    assert air.co2e_kg == close(1000 * 1.09904)  # Freight flights > Long-haul, With RF


def test_sea_freight_uses_desnz_for_any_region() -> None:
    r = run(
        activity="freight.sea",
        quantity=1000,
        unit="tonne_km",
        region="US",
        options={"ship": "container_ship"},
    )
    assert r.co2e_kg == close(1000 * 0.01612)  # Container ship > Average (2024)
    assert r.factor.region == "GB"


def test_downstream_freight_by_category_option() -> None:
    van = run(
        activity="freight.road",
        quantity=100,
        unit="km",
        options={"vehicle": "van", "category": "9"},
    )
    hgv = run(
        activity="freight.road",
        quantity=1000,
        unit="tonne_km",
        options={"vehicle": "hgv", "category": "9"},
    )
    air = run(
        activity="freight.air",
        quantity=100,
        unit="tonne_km",
        options={"haul": "domestic", "category": "9"},
    )
    assert van.co2e_kg == close(100 * 0.24934)  # Vans > Average (up to 3.5 t), Unknown, km
    assert hgv.co2e_kg == close(1000 * 0.09752)  # HGV (all diesel) > All HGVs, Average laden
    assert air.co2e_kg == close(100 * 2.76015)  # Freight flights > Domestic, Without RF
    assert {category(r) for r in (van, hgv, air)} == {(3, 9)}
    assert "category 9 Downstream transportation and distribution" in van.steps[0]


# --- 5 waste generated in operations -----------------------------------------------------------


def test_water_treatment() -> None:
    r = run(activity="water.treatment", quantity=20, unit="m3")
    old = run(activity="water.treatment", quantity=20, unit="m3", year=2021)
    assert r.co2e_kg == close(20 * 0.18574)  # 20 m3 × 0.18574, Water treatment (2024)
    assert old.co2e_kg == close(20 * 0.272)  # 20 m3 × 0.272, Water treatment (2021)
    assert category(r) == (3, 5)


def test_waste_disposal_is_category_5_by_default() -> None:
    r = run(
        activity="waste.disposal",
        quantity=3,
        unit="t",
        options={"material": "household_residual_waste", "treatment": "landfill"},
    )
    # 3 t × 497.04416, Waste disposal > Refuse > Household residual waste, Landfill (2024)
    assert r.co2e_kg == close(3 * 497.04416)
    assert category(r) == (3, 5)


# --- 6 business travel -------------------------------------------------------------------------


def test_hotel_stay_by_country_whatever_the_region() -> None:
    france = run(
        activity="travel.hotel",
        quantity=3,
        unit="room_night",
        region="FR",
        options={"country": "france"},
    )
    london = run(
        activity="travel.hotel", quantity=2, unit="room_night", options={"country": "uk_london"}
    )
    us = run(
        activity="travel.hotel",
        quantity=1,
        unit="room_night",
        region="US",
        options={"country": "united_states"},
    )
    assert france.co2e_kg == close(3 * 6.7)  # Hotel stay > France, 6.7 kg per room (2024)
    assert london.co2e_kg == close(2 * 11.5)  # Hotel stay > UK (London)
    assert us.co2e_kg == close(1 * 16.1)  # Hotel stay > United States
    assert france.factor.id == "desnz-2024:travel.hotel:GB:france:room_night"
    assert category(france) == (3, 6)


def test_hotel_stay_needs_the_country() -> None:
    with pytest.raises(UnprocessableContent) as caught:
        run(activity="travel.hotel", quantity=1, unit="room_night")
    assert {"uk", "france"} <= set(caught.value.extensions["accepted_values"])


def test_taxi_by_vehicle_or_passenger_distance_and_ferry_per_passenger() -> None:
    taxi = run(activity="travel.taxi", quantity=10, unit="km")
    cab = run(
        activity="travel.taxi", quantity=10, unit="passenger_km", options={"type": "black_cab"}
    )
    ferry = run(activity="travel.ferry", quantity=10, unit="km", options={"passengers": 2})
    assert taxi.co2e_kg == close(10 * 0.20805)  # Taxis > Regular taxi, km (2024)
    assert cab.co2e_kg == close(10 * 0.20402)  # Taxis > Black cab, passenger.km
    assert ferry.co2e_kg == close(2 * 10 * 0.1127)  # Ferry > Average (all passenger), pkm
    assert {category(r) for r in (taxi, cab, ferry)} == {(3, 6)}


# --- 7 employee commuting ----------------------------------------------------------------------


def test_homeworking_per_fte_hour() -> None:
    both = run(activity="commuting.homeworking", quantity=100, unit="fte_hour")
    heating = run(
        activity="commuting.homeworking",
        quantity=100,
        unit="fte_hour",
        options={"component": "heating"},
    )
    older = run(activity="commuting.homeworking", quantity=100, unit="fte_hour", year=2022)
    # 100 FTE hours × 0.33378, Homeworking (office equipment + heating), 2024
    assert both.co2e_kg == close(100 * 0.33378)
    assert heating.co2e_kg == close(100 * 0.30234)  # Homeworking > Heating (2024)
    assert older.co2e_kg == close(100 * 0.34075331486473)  # the 2022 edition, the first
    assert category(both) == (3, 7)


def test_homeworking_before_the_first_edition_is_a_422() -> None:
    with pytest.raises(UnprocessableContent) as caught:
        run(activity="commuting.homeworking", quantity=1, unit="fte_hour", year=2021)
    assert 2022 in caught.value.extensions["available_years"]


# --- 8 upstream and 13 downstream leased assets -----------------------------------------------


def test_leased_car_van_and_hgv() -> None:
    car = run(activity="leased.vehicle", quantity=100, unit="km", options={"vehicle": "car"})
    ev = run(
        activity="leased.vehicle",
        quantity=100,
        unit="km",
        options={"vehicle": "car", "size": "executive", "fuel": "battery_electric"},
    )
    van = run(
        activity="leased.vehicle",
        quantity=100,
        unit="km",
        options={"vehicle": "van", "size": "class_ii", "fuel": "diesel"},
    )
    assert car.co2e_kg == close(100 * 0.16691)  # Managed cars (by size) > Average car, Unknown
    # Managed cars (by market segment) > Executive, Battery Electric Vehicle, km (2024)
    assert ev.co2e_kg == close(100 * 0.04271)
    assert van.co2e_kg == close(100 * 0.18832)  # Managed vans > Class II, Diesel, km
    assert {category(r) for r in (car, ev, van)} == {(3, 8)}


def test_leased_out_assets_are_category_13() -> None:
    hgv = run(
        activity="leased.vehicle",
        quantity=100,
        unit="km",
        options={"vehicle": "hgv", "category": "13"},
    )
    power = run(
        activity="leased.electricity", quantity=1000, unit="kWh", options={"category": "13"}
    )
    power_in = run(activity="leased.electricity", quantity=1000, unit="kWh")
    assert hgv.co2e_kg == close(100 * 0.87296)  # Managed HGV (all diesel) > All HGVs, Average
    # 1000 kWh × 0.20705, Managed assets- electricity > Electricity generated (2024)
    assert power.co2e_kg == close(1000 * 0.20705)
    assert (category(hgv), category(power), category(power_in)) == ((3, 13), (3, 13), (3, 8))


# --- 10, 11, 14: fuel burnt by others; 12 end-of-life of sold products ------------------------


@pytest.mark.parametrize("number", [10, 11, 14])
def test_fuel_burnt_by_others_is_scope_3(number: int) -> None:
    r = run(
        activity="fuel.natural_gas",
        quantity=1000,
        unit="kWh",
        options={"category": str(number)},
    )
    # 1000 kWh × 0.1829, DESNZ 2024 Fuels > Natural gas, kWh (Gross CV): the same factor
    assert r.co2e_kg == close(1000 * 0.1829)
    assert category(r) == (3, number)
    assert any("burnt by others" in notice for notice in r.notices)
    assert "burnt by others" in r.steps[1]


def test_fuel_category_examples_diesel_coal_lpg() -> None:
    diesel = run(activity="fuel.diesel", quantity=100, unit="L", options={"category": "11"})
    coal = run(activity="fuel.coal", quantity=2, unit="t", options={"category": "10"})
    lpg = run(activity="fuel.lpg", quantity=100, unit="L", options={"category": "14"})
    own = run(activity="fuel.lpg", quantity=100, unit="L")
    assert diesel.co2e_kg == close(100 * 2.51279)  # Diesel (average biofuel blend), litres
    assert coal.co2e_kg == close(2 * 2399.43994)  # Coal (industrial), tonnes
    assert lpg.co2e_kg == close(100 * 1.55713)  # LPG, litres
    assert (category(diesel), category(coal), category(lpg)) == ((3, 11), (3, 10), (3, 14))
    assert category(own) == (1, None)
    assert not any("burnt by others" in notice for notice in own.notices)


def test_end_of_life_of_sold_products_is_category_12() -> None:
    glass = run(
        activity="waste.disposal",
        quantity=2,
        unit="t",
        options={"material": "glass", "treatment": "landfill", "category": "12"},
    )
    paper = run(
        activity="waste.disposal",
        quantity=1000,
        unit="kg",
        options={
            "material": "paper_and_board_mixed",
            "treatment": "recycling_closed_loop",
            "category": "12",
        },
    )
    refuse = run(
        activity="waste.disposal",
        quantity=1,
        unit="t",
        options={
            "material": "household_residual_waste",
            "treatment": "landfill",
            "category": "12",
        },
    )
    assert glass.co2e_kg == close(2 * 8.88386)  # Waste disposal > Other > Glass, Landfill
    assert paper.co2e_kg == close(1 * 6.41061)  # Paper and board: mixed, Closed-loop
    assert refuse.co2e_kg == close(497.04416)  # Refuse > Household residual waste, Landfill
    assert {category(r) for r in (glass, paper, refuse)} == {(3, 12)}


def test_a_category_may_be_given_as_a_whole_number() -> None:
    as_text = run(activity="fuel.natural_gas", quantity=1, unit="kWh", options={"category": "11"})
    as_number = run(activity="fuel.natural_gas", quantity=1, unit="kWh", options={"category": 11})
    assert category(as_number) == category(as_text) == (3, 11)
    assert as_number.co2e_kg == as_text.co2e_kg


def test_a_category_an_activity_does_not_take_is_a_422() -> None:
    with pytest.raises(UnprocessableContent) as caught:
        run(activity="fuel.natural_gas", quantity=1, unit="kWh", options={"category": "4"})
    assert caught.value.extensions["accepted_values"] == ["10", "11", "14", "own"]


# --- wrong unit kinds --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("activity", "options", "unit", "accepted"),
    [
        ("freight.rail", {}, "km", "tonne_km"),
        ("freight.road", {"vehicle": "hgv"}, "kWh", "tonne_km"),
        ("travel.hotel", {"country": "uk"}, "km", "room_night"),
        ("commuting.homeworking", {}, "kWh", "fte_hour"),
        ("material.use", {"material": "concrete"}, "m3", "t"),
        ("water.supply", {}, "kg", "m3"),
        ("leased.electricity", {}, "L", "kWh"),
    ],
)
def test_a_wrong_unit_kind_is_a_422_naming_the_units(
    activity: str, options: dict[str, str], unit: str, accepted: str
) -> None:
    with pytest.raises(UnprocessableContent) as caught:
        run(activity=activity, quantity=1, unit=unit, options=options)
    assert caught.value.status == 422
    assert accepted in caught.value.extensions["accepted_units"]
    assert unit not in caught.value.extensions["accepted_units"]


def test_vehicle_km_for_a_tonne_km_only_road_factor_is_a_422() -> None:
    # DESNZ publishes no tonne-km for an empty (0% laden) HGV: vehicle km only
    with pytest.raises(UnprocessableContent) as caught:
        run(
            activity="freight.road",
            quantity=1,
            unit="tonne_km",
            options={"vehicle": "hgv", "laden": "0"},
        )
    assert "laden" in caught.value.detail


# --- every category reachable ------------------------------------------------------------------


def _category_values(activity: str) -> list[str]:
    info = next(a for a in list_activities() if a.id == activity)
    option = next((o for o in info.options if o.name == "category"), None)
    return list(option.values or []) if option is not None else []


def test_every_category_is_reachable_from_the_catalogue() -> None:
    """Each of the 15 categories is some catalogue activity's default or a category value."""
    reached: dict[int, list[str]] = {}
    for info in list_activities():
        if info.scope3_category is not None:
            reached.setdefault(info.scope3_category.number, []).append(info.id)
        for value in _category_values(info.id):
            spec = ACTIVITIES[info.id]
            if value == "own":  # the fuels' default: the organisation's own combustion
                assert spec.scope == 1
                continue
            scope, number = spec.purposes[value]
            assert scope == 3
            assert number is not None
            reached.setdefault(number, []).append(f"{info.id} category={value}")
    assert sorted(reached) == list(range(1, 16)), reached


@pytest.mark.parametrize(
    ("number", "request_fields"),
    [
        (1, {"activity": "material.use", "unit": "t", "options": {"material": "glass"}}),
        (3, {"activity": "electricity.td_losses", "unit": "kWh"}),
        (4, {"activity": "freight.rail", "unit": "tonne_km"}),
        (5, {"activity": "water.treatment", "unit": "m3"}),
        (6, {"activity": "travel.taxi", "unit": "km"}),
        (7, {"activity": "commuting.homeworking", "unit": "fte_hour"}),
        (8, {"activity": "leased.electricity", "unit": "kWh"}),
        (9, {"activity": "freight.rail", "unit": "tonne_km", "options": {"category": "9"}}),
        (10, {"activity": "fuel.propane", "unit": "L", "options": {"category": "10"}}),
        (11, {"activity": "fuel.petrol", "unit": "L", "options": {"category": "11"}}),
        (
            12,
            {
                "activity": "waste.disposal",
                "unit": "t",
                "options": {"material": "glass", "treatment": "landfill", "category": "12"},
            },
        ),
        (13, {"activity": "leased.electricity", "unit": "kWh", "options": {"category": "13"}}),
        (14, {"activity": "fuel.fuel_oil", "unit": "L", "options": {"category": "14"}}),
    ],
)
def test_each_category_estimates_from_a_friendly_activity(
    number: int, request_fields: dict[str, Any]
) -> None:
    r = run(quantity=1, **request_fields)
    assert category(r) == (3, number)
    assert r.co2e_kg > 0
    assert r.factor.dataset == "desnz"
