"""Spend-based estimates (spend.naics): US EPA Supply Chain GHG Emission Factors v1.3, with the
spend moved to the factors' 2022 US dollars by the BLS CPI-U annual average.

Every expectation is arithmetic on shipped rows, named where used:
- epa_supply_chain_v1_3_naics_co2e_usd2022.csv, kg CO2e per 2022 USD (purchaser price):
  327310 Cement Manufacturing: without margins 3.846, margins 0.078, with margins 3.924;
  333120 Construction Machinery Manufacturing: with margins 0.228.
- bls_cpi_u_annual_average.csv, CUUR0000SA0 annual averages (M13):
  2019 255.657, 2022 292.655, 2023 304.702, 2024 313.689, 2025 321.943 (11 months, noted).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from carbon_api import API, Sign

from ecotrack.carbon.engine import estimate, estimate_batch, list_activities
from ecotrack.carbon.factors import DataError, load_factor_library, prices
from ecotrack.carbon.schemas import EstimateRequest, EstimateResult
from ecotrack.core.errors import Problem

CEMENT = 3.924  # 327310 sef_with_margins
CEMENT_WITHOUT = 3.846  # 327310 sef_without_margins
CEMENT_MARGINS = 0.078  # 327310 mef_margins
MACHINERY = 0.228  # 333120 sef_with_margins
CPI = {2019: 255.657, 2022: 292.655, 2023: 304.702, 2024: 313.689, 2025: 321.943}
CEMENT_ID = "epa-supply-chain-2022:spend.naics:US:with_margins:327310:USD"

SPEND: dict[str, Any] = {
    "activity": "spend.naics",
    "quantity": 10_000,
    "unit": "USD",
    "region": "US",
    "year": 2022,
    "options": {"naics": "327310"},
}


def close(expected: float) -> Any:
    return pytest.approx(expected, rel=1e-12)


def spend(**changes: Any) -> EstimateResult:
    options = SPEND["options"] | changes.pop("options", {})
    return estimate(
        EstimateRequest(**(SPEND | changes | {"options": options})), load_factor_library()
    )


def refused(**changes: Any) -> Problem:
    with pytest.raises(Problem) as caught:
        spend(**changes)
    assert caught.value.status == 422
    return caught.value


def has(notices: list[str], text: str) -> bool:
    return any(text in notice for notice in notices)


# --- the price index --------------------------------------------------------------------------


def test_the_cpi_u_loader_reads_every_annual_average_as_published() -> None:
    index = prices.cpi_u()
    assert index.years() == list(range(1913, 2026))  # 113 rows, 1913-2025; no 2026 row
    assert {year: index.values[year] for year in CPI} == CPI
    assert index.printed[1913] == "9.9"
    assert "Oct 2025" in index.notes[2025]
    assert set(index.notes) == {2025}
    assert "CUUR0000SA0" in index.citation
    assert prices.cpi_u() is index  # read once


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"value": "n/a"}, "not a number"),
        ({"value": "-1"}, "not a positive index"),
        ({"period": "M12"}, "annual average"),
        ({"series_id": "CUUR0000SA0L1E"}, "expected series"),
        ({"year": "20x4"}, "not a year"),
    ],
)
def test_a_bad_cpi_row_is_an_error_naming_file_and_line(
    monkeypatch: pytest.MonkeyPatch, change: dict[str, str], message: str
) -> None:
    good = {
        "series_id": "CUUR0000SA0",
        "series_title": "All items",
        "year": "2022",
        "period": "M13 (annual average)",
        "value": "292.655",
        "note": "",
    }

    def rows(file: str) -> Iterator[tuple[int, dict[str, str]]]:
        yield 2, good
        yield 3, good | {"year": "2023"} | change

    monkeypatch.setattr(prices, "read_rows", rows)
    with pytest.raises(DataError) as caught:
        prices.load_cpi_u()
    assert (caught.value.file, caught.value.line) == (prices.CPI_U_FILE, 3)
    assert message in str(caught.value)


def test_a_repeated_cpi_year_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    row = {"series_id": "CUUR0000SA0", "year": "2022", "period": "M13 (annual average)"}
    monkeypatch.setattr(
        prices,
        "read_rows",
        lambda file: iter([(2, row | {"value": "1"}), (3, row | {"value": "2"})]),
    )
    with pytest.raises(DataError, match="appears twice"):
        prices.load_cpi_u()


# --- worked examples --------------------------------------------------------------------------


def test_cement_in_2022_dollars_is_spend_times_the_factor() -> None:
    result = spend()
    assert result.co2e_kg == close(10_000 * CEMENT)  # 39,240 kg
    assert result.factor.id == CEMENT_ID
    assert (result.factor.value, result.factor.unit, result.factor.year) == (CEMENT, "USD", 2022)
    assert result.factor.gwp_basis == "AR5"
    assert (result.scope, result.scope3_category and result.scope3_category.number) == (3, 1)
    assert any("no price adjustment" in step for step in result.steps)
    assert has(result.notices, "screening estimate")
    assert not has(result.notices, "CPI-U")  # nothing was moved between years


def test_spend_in_2019_dollars_is_moved_up_by_the_cpi() -> None:
    # 10,000 USD of 2019 × 292.655 / 255.657 = 11,447.17 USD of 2022 (more dollars)
    result = spend(year=2024, options={"price_year": 2019})
    assert result.co2e_kg == close(10_000 * CPI[2022] / CPI[2019] * CEMENT)
    assert any("CPI-U 2022 292.655 / CPI-U 2019 255.657" in step for step in result.steps)
    assert has(result.notices, "approximation of the commodity-specific price indexes")


def test_spend_in_2024_dollars_is_moved_down_by_the_cpi() -> None:
    # 10,000 USD of 2024 × 292.655 / 313.689 = 9,329.46 USD of 2022; price_year = the year
    result = spend(year=2024)
    assert result.co2e_kg == close(10_000 * CPI[2022] / CPI[2024] * CEMENT)
    assert result.co2e_kg == pytest.approx(36_608.8, abs=0.1)
    explicit = spend(year=2024, options={"price_year": 2024})
    assert explicit.co2e_kg == result.co2e_kg


def test_an_activity_year_before_the_factor_edition_needs_allow_later_year() -> None:
    # v1.3 is the 2022 edition; a 2019 activity takes it only when the request allows it
    p = refused(year=2019)
    assert p.extensions["available_years"] == [2022]
    result = spend(year=2019, allow_later_year=True)
    assert result.co2e_kg == close(10_000 * CPI[2022] / CPI[2019] * CEMENT)
    assert has(result.notices, "request allowed a later year")


def test_the_2025_average_carries_its_note() -> None:
    result = spend(year=2025)
    assert result.co2e_kg == close(10_000 * CPI[2022] / CPI[2025] * CEMENT)
    assert has(result.notices, "CPI-U 2025: Oct 2025 index not published")


def test_euro_spend_is_converted_to_dollars_before_the_cpi() -> None:
    # 10,000 EUR × 1.0824 USD/EUR = 10,824 USD of 2024; × 292.655 / 313.689 = 10,098.21 USD of
    # 2022 (1.0824 is the test's own rate, cited as its source)
    result = spend(
        year=2024,
        options={
            "currency": "EUR",
            "exchange_rate": 1.0824,
            "exchange_rate_source": "test rate",
        },
    )
    assert result.co2e_kg == close(10_000 * 1.0824 * CPI[2022] / CPI[2024] * CEMENT)
    currency = next(i for i, s in enumerate(result.steps) if s.startswith("Currency:"))
    price = next(i for i, s in enumerate(result.steps) if s.startswith("Price year:"))
    assert currency < price  # converted first: the CPI-U applies to US dollars only
    assert "10000 EUR × 1.0824 USD/EUR = 10824 USD of 2024" in result.steps[currency]
    assert has(result.notices, "source: test rate")


def test_capital_goods_are_category_2() -> None:
    # construction machinery, 250,000 USD of 2023: × 292.655 / 304.702 × 0.228
    result = spend(quantity=250_000, year=2023, options={"naics": "333120", "category": "2"})
    assert result.co2e_kg == close(250_000 * CPI[2022] / CPI[2023] * MACHINERY)
    assert result.scope3_category is not None
    assert (result.scope, result.scope3_category.number) == (3, 2)
    assert result.scope3_category.name == "Capital goods"
    assert any("category 2 Capital goods" in step for step in result.steps)


def test_investments_are_category_15_and_flagged_as_screening() -> None:
    result = spend(quantity=1_000_000, options={"category": "15"})
    assert result.co2e_kg == close(1_000_000 * CEMENT)
    assert result.scope3_category is not None
    assert result.scope3_category.number == 15
    assert has(result.notices, "category 15 investments")
    assert has(result.notices, "screening estimate")
    assert not has(spend().notices, "category 15")


@pytest.mark.parametrize(
    ("margins", "value"), [("without_margins", CEMENT_WITHOUT), ("margins_only", CEMENT_MARGINS)]
)
def test_partial_margin_factors_warn_of_double_counting(margins: str, value: float) -> None:
    result = spend(options={"margins": margins})
    assert result.co2e_kg == close(10_000 * value)
    assert has(result.notices, "counts the margins twice")
    assert not has(spend().notices, "counts the margins twice")


def test_a_region_outside_the_us_uses_the_us_factors_and_says_so() -> None:
    result = spend(region="GB")
    assert result.co2e_kg == close(10_000 * CEMENT)
    assert has(result.notices, "factor region US differs from activity region GB")


def test_a_pinned_spend_factor_alone_is_converted_the_same_way() -> None:
    request = EstimateRequest(
        factor_id=CEMENT_ID, quantity=10_000, unit="USD", year=2024, options={"price_year": 2019}
    )
    pinned = estimate(request, load_factor_library())
    assert (pinned.activity, pinned.region) == ("spend.naics", "US")
    assert pinned.co2e_kg == close(10_000 * CPI[2022] / CPI[2019] * CEMENT)
    assert pinned.co2e_kg == spend(year=2024, options={"price_year": 2019}).co2e_kg
    assert has(pinned.notices, "screening estimate")


def test_the_catalogue_lists_spend_with_its_options() -> None:
    info = next(a for a in list_activities() if a.id == "spend.naics")
    assert info.accepted_units == ["USD"]
    options = {o.name: o for o in info.options}
    assert options["naics"].default is None
    assert options["naics"].values is not None
    assert "327310" in options["naics"].values
    assert options["margins"].default == "with_margins"
    assert options["category"].values == ["1", "15", "2"]
    assert options["currency"].default == "USD"
    assert options["currency"].values is None  # free text


# --- refusals ---------------------------------------------------------------------------------


def test_naics_is_required_and_must_be_a_shipped_code() -> None:
    p = refused(options={"naics": "999999"})
    assert "327310" in p.extensions["accepted_values"]
    missing = EstimateRequest(**(SPEND | {"options": {}}))
    with pytest.raises(Problem) as caught:
        estimate(missing, load_factor_library())
    assert "required" in caught.value.detail
    assert "327310" in caught.value.extensions["accepted_values"]


@pytest.mark.parametrize("price_year", [2026, 1912, 2019.5])
def test_a_price_year_without_a_cpi_average_lists_the_years(price_year: float) -> None:
    p = refused(options={"price_year": price_year})
    years = p.extensions.get("available_years") or p.extensions["accepted_values"]
    assert years[0] == 1913
    assert years[-1] == 2025


def test_an_activity_year_without_a_cpi_average_needs_a_price_year() -> None:
    p = refused(year=2026)
    assert "no CPI-U annual average for 2026" in p.detail
    assert spend(year=2026, options={"price_year": 2025}).co2e_kg == close(
        10_000 * CPI[2022] / CPI[2025] * CEMENT
    )


@pytest.mark.parametrize(
    "options",
    [
        {"currency": "EUR"},
        {"currency": "EUR", "exchange_rate": 1.08},
        {"currency": "EUR", "exchange_rate_source": "ECB"},
        {"currency": "EUR", "exchange_rate": 0, "exchange_rate_source": "ECB"},
        {"currency": "euro", "exchange_rate": 1.08, "exchange_rate_source": "ECB"},
        {"exchange_rate": 1.0, "exchange_rate_source": "ECB"},  # USD takes no rate
        {"currency": "EUR", "exchange_rate": 1.08, "exchange_rate_source": " "},
    ],
)
def test_non_usd_spend_needs_a_rate_and_its_source(options: dict[str, Any]) -> None:
    refused(options=options)


def test_a_unit_other_than_money_is_refused() -> None:
    p = refused(unit="kg")
    assert p.extensions["accepted_units"] == ["USD"]


def test_category_must_be_1_2_or_15() -> None:
    p = refused(options={"category": "3"})
    assert p.extensions["accepted_values"] == ["1", "15", "2"]


# --- batches and HTTP -------------------------------------------------------------------------

ITEMS: list[dict[str, Any]] = [
    SPEND,
    SPEND | {"year": 2024, "options": {"naics": "327310", "price_year": 2019}},
    SPEND
    | {
        "year": 2024,
        "options": {
            "naics": "327310",
            "currency": "EUR",
            "exchange_rate": 1.0824,
            "exchange_rate_source": "test rate",
        },
    },
    SPEND | {"options": {"naics": "333120", "category": "2"}},
    SPEND | {"options": {"naics": "327310", "category": "15", "margins": "margins_only"}},
    SPEND | {"options": {"naics": "327310", "price_year": 2026}},  # a 422 in the batch too
]


def test_batch_equals_singles_for_spend_items() -> None:
    library = load_factor_library()
    answers = estimate_batch(ITEMS, library)
    assert [a.result is not None for a in answers] == [True] * 5 + [False]
    for item, answer in zip(ITEMS, answers, strict=True):
        if answer.result is None:
            with pytest.raises(Problem) as caught:
                estimate(EstimateRequest.model_validate(item), library)
            assert answer.problem == caught.value.to_dict()
        else:
            assert answer.result == estimate(EstimateRequest.model_validate(item), library)


async def test_spend_over_http(carbon: httpx.AsyncClient, sign: Sign) -> None:
    body = SPEND | {"year": 2024, "options": {"naics": "327310", "price_year": 2019}}
    response = await carbon.post(f"{API}/estimates", json=body, headers=sign())
    assert response.status_code == 200, response.text
    result = response.json()
    # 10,000 USD of 2019 × 292.655 / 255.657 × 3.924 kg/USD of 2022
    assert result["co2e_kg"] == pytest.approx(10_000 * CPI[2022] / CPI[2019] * CEMENT, abs=1e-6)
    assert result["scope3_category"] == {"number": 1, "name": "Purchased goods and services"}
    assert result["factor"]["id"] == CEMENT_ID
    assert any("screening estimate" in n for n in result["notices"])

    batch = await carbon.post(f"{API}/estimates/batch", json={"items": ITEMS}, headers=sign())
    assert batch.status_code == 200
    assert (batch.json()["succeeded"], batch.json()["failed"]) == (5, 1)
    for item, answer in zip(ITEMS[:5], batch.json()["items"][:5], strict=True):
        single = await carbon.post(f"{API}/estimates", json=item, headers=sign())
        assert answer["result"] == single.json()


@pytest.mark.parametrize(
    ("changes", "member"),
    [
        ({"options": {"naics": "999999"}}, "accepted_values"),
        ({"options": {"naics": "327310", "price_year": 2026}}, "available_years"),
        ({"options": {"naics": "327310", "currency": "EUR"}}, "required_options"),
        ({"unit": "kWh"}, "accepted_units"),
    ],
)
async def test_spend_refusals_over_http(
    carbon: httpx.AsyncClient, sign: Sign, changes: dict[str, Any], member: str
) -> None:
    response = await carbon.post(f"{API}/estimates", json=SPEND | changes, headers=sign())
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert member in response.json()
