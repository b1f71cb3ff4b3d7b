"""US T&D losses (scope 3 category 3, activity C): eGRID grid gross loss at the eGRID rate.

Every expectation is arithmetic on the shipped rows (src/ecotrack/carbon/data):
epa_hub2025_egrid2023_grid_gross_loss.csv (EPA Hub 2025 Table 6, "Grid Gross Loss (%)",
stored as a fraction), epa_egrid2023_subregion_output_rates.csv (EPA Hub 2025 Table 6,
eGRID2023 total output emission rates, lb per MWh) and egrid2023_state_co2e_output_rates.csv
(eGRID2023 STC2ERTA, lb CO2e per MWh). The loss rate L is a fraction of the electricity put
on the grid, so the electricity lost per MWh used is L / (1 - L) (docs/methodology.md).
1 lb = 0.45359237 kg; AR5 GWP100 CH4 28, N2O 265; AR6 CH4 27.9, N2O 273.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from carbon_api import API, ORG_A, Sign
from ledger_api import created

from ecotrack.carbon.engine import estimate, list_activities
from ecotrack.carbon.factors import Factor, GasValue, load_factor_library
from ecotrack.carbon.schemas import EstimateRequest, EstimateResult
from ecotrack.core.errors import Problem
from ecotrack.core.numbers import round_kg

LB_KG = 0.45359237
TD_LOSSES = "electricity.td_losses"


def run(**fields: Any) -> EstimateResult:
    body = {"activity": TD_LOSSES, "unit": "kWh", "year": 2024, **fields}
    return estimate(EstimateRequest(**body), load_factor_library())


def problem(**fields: Any) -> Problem:
    with pytest.raises(Problem) as caught:
        run(**fields)
    return caught.value


def test_camx_worked_example() -> None:
    r = run(quantity=1000, region="US-CAMX")
    # CAMX: grid gross loss 0.041; total output 436.655 lb CO2, 0.025 lb CH4, 0.003 lb N2O
    # per MWh. Lost: 1 MWh × 0.041 / 0.959 = 0.04275286757 MWh;
    # 0.04275286757 × (436.655 + 0.025 × 28 + 0.003 × 265) × 0.45359237 = 8.496769 kg
    assert round_kg(r.co2e_kg) == 8.496769
    masses = {g.gas: round_kg(g.mass_kg or 0) for g in r.gases}
    # 0.04275286757 × 436.655 × 0.45359237; × 0.025 × ...; × 0.003 × ...
    assert masses == {"CO2": 8.467777, "CH4": 0.000485, "N2O": 0.000058}
    assert r.scope == 3
    assert r.scope3_category is not None
    assert r.scope3_category.number == 3
    assert r.scope2 is None  # one figure: no location/market dual reporting
    assert r.factor.id == "egrid-2023:electricity.grid:US-CAMX:MWh"
    assert r.gwp_applied == "AR5"
    assert r.notices == []
    steps = "\n".join(r.steps)
    assert "Loss rate epa-hub-2025:loss_rate:grid_gross_loss:US-CAMX" in steps
    assert "Table 6: CAMX, Grid Gross Loss (%): 0.041 (fraction)" in steps
    assert "L / (1 − L) = 0.041 / 0.959 = 0.04275286757 MWh" in steps
    assert "1 MWh × 0.04275286757 = 0.04275286757 MWh" in steps
    assert "egrid-2023:electricity.grid:US-CAMX:MWh (edition egrid-2023" in steps
    assert "0.04275286757 MWh × 436.655 lb per MWh" in steps
    assert r.steps[-1] == "Result: 8.496768898 kg CO2e (location)"


def test_camx_applies_the_requested_gwp_per_gas() -> None:
    r = run(quantity=1, unit="MWh", region="US-CAMX", gwp="AR6")
    # 0.04275286757 × (436.655 + 0.025 × 27.9 + 0.003 × 273) × 0.45359237 = 8.497186 kg
    assert round_kg(r.co2e_kg) == 8.497186
    assert r.gwp_applied == "AR6"


def test_erct_worked_example() -> None:
    r = run(quantity=2500, region="US-ERCT")
    # ERCT: grid gross loss 0.042; 738.038 lb CO2, 0.043 lb CH4, 0.006 lb N2O per MWh.
    # Lost: 2.5 MWh × 0.042 / 0.958 = 0.1096033403 MWh;
    # 0.1096033403 × (738.038 + 0.043 × 28 + 0.006 × 265) × 0.45359237 = 36.83064 kg
    assert round_kg(r.co2e_kg) == 36.83064
    assert "L / (1 − L) = 0.042 / 0.958 = 0.04384133612 MWh" in "\n".join(r.steps)


def test_us_average_worked_example() -> None:
    r = run(quantity=1000, region="US")
    # US Average: grid gross loss 0.042; 771.523 lb CO2, 0.057 lb CH4, 0.008 lb N2O per MWh.
    # 1 MWh × 0.042 / 0.958 × (771.523 + 0.057 × 28 + 0.008 × 265) × 0.45359237 = 15.416477 kg
    assert round_kg(r.co2e_kg) == 15.416477
    assert r.factor.id == "egrid-2023:electricity.grid:US:MWh"
    assert "Loss rate epa-hub-2025:loss_rate:grid_gross_loss:US:" in "\n".join(r.steps)


def test_hawaii_oahu_uses_its_own_interconnect_rate() -> None:
    r = run(quantity=1000, region="US-HIOA")
    # HIOA: grid gross loss 0.044 (Hawaii); 1489.362 lb CO2, 0.134 lb CH4, 0.021 lb N2O per MWh.
    # 1 MWh × 0.044 / 0.956 × (1489.362 + 0.134 × 28 + 0.021 × 265) × 0.45359237 = 31.287376 kg
    assert round_kg(r.co2e_kg) == 31.287376


def test_the_loss_is_per_unit_used_not_per_unit_put_on_the_grid() -> None:
    # L / (1 - L), not L: the simple quantity × L × factor would be (1 - L) of this figure
    td = run(quantity=1000, region="US")
    grid = estimate(
        EstimateRequest(
            activity="electricity.grid", quantity=1000, unit="kWh", region="US", year=2024
        ),
        load_factor_library(),
    )
    assert td.co2e_kg == pytest.approx(grid.co2e_kg * 0.042 / (1 - 0.042), rel=1e-12)
    assert td.co2e_kg * (1 - 0.042) == pytest.approx(grid.co2e_kg * 0.042, rel=1e-12)


def test_a_state_uses_its_output_rate_with_the_us_average_loss_rate() -> None:
    r = run(quantity=1000, region="US-TX")
    # eGRID2023 Texas STC2ERTA 771.179 lb CO2e per MWh; US Average grid gross loss 0.042
    # (eGRID publishes none by state): 1 × 0.042 / 0.958 × 771.179 × 0.45359237 = 15.335739 kg
    assert round_kg(r.co2e_kg) == 15.335739
    assert r.factor.id == "egrid-2023:electricity.grid:US-TX:MWh"
    assert any("US average loss rate 0.042" in n and "US-TX" in n for n in r.notices)
    assert "Loss rate epa-hub-2025:loss_rate:grid_gross_loss:US:" in "\n".join(r.steps)


def test_puerto_rico_has_no_published_loss_rate() -> None:
    p = problem(quantity=1000, region="US-PRMS")
    assert p.status == 422
    assert "US-PRMS" in p.detail
    assert "grid gross loss" in p.detail
    accepted = p.extensions["accepted_regions"]
    assert len(accepted) == 27  # the 26 subregions with a rate and the US average
    assert {"US", "US-CAMX", "US-ERCT", "US-HIOA"} <= set(accepted)
    assert "US-PRMS" not in accepted


def test_the_egrid_year_rule_applies_as_for_grid_electricity() -> None:
    p = problem(quantity=1000, region="US-CAMX", year=2022)
    assert p.extensions["available_years"] == [2023]  # never silently a later year
    later = run(quantity=1000, region="US-CAMX", year=2022, allow_later_year=True)
    assert round_kg(later.co2e_kg) == 8.496769
    assert any("2023 edition is used" in n for n in later.notices)


def test_the_older_data_version_holds_both_rows() -> None:
    r = run(quantity=1000, region="US-CAMX", data_version="2026.11")
    assert round_kg(r.co2e_kg) == 8.496769


def test_the_market_method_is_refused() -> None:
    p = problem(quantity=1000, region="US-CAMX", method="market")
    assert p.extensions["accepted_values"] == ["location"]


def test_an_organisations_own_td_losses_factor_is_preferred() -> None:
    own = {
        "id": "acme:electricity.td_losses:US-CAMX:kWh",
        "dataset": "acme",
        "dataset_version": "2024",
        "year": 2024,
        "region": "US-CAMX",
        "activity": TD_LOSSES,
        "unit": "kWh",
        "co2e": GasValue(value=0.01, unit="kg"),
        "label": "Acme T&D losses",
        "source_url": "",
        "licence": "proprietary",
        "citation": "Acme 2024",
    }
    r = estimate(
        EstimateRequest(activity=TD_LOSSES, quantity=1000, unit="kWh", region="US-CAMX", year=2024),
        load_factor_library(),
        private_factors=[Factor.model_validate(own)],
    )
    assert r.co2e_kg == pytest.approx(10.0)  # per kWh used, as the organisation gives it
    assert not any(step.startswith("Loss rate") for step in r.steps)


def test_uk_td_losses_unchanged() -> None:
    r = run(quantity=1000, region="GB")
    assert r.co2e_kg == pytest.approx(1000 * 0.0183, rel=1e-12)  # DESNZ 2024 T&D UK
    assert r.factor.id == "desnz-2024:electricity.td_losses:GB:kWh"
    assert r.selection.startswith("GB activities use the UK Government (DESNZ) factors")
    assert r.notices == []
    assert r.scope2 is None
    assert r.steps[1:] == [  # after the activity's description, as before US losses existed
        "Factor selection: GB activities use the UK Government (DESNZ) factors; editions with "
        "this factor: 2019, 2020, 2021, 2022, 2023, 2024, 2025; chose 2024, the latest not "
        "after the activity year 2024",
        "Factor desnz-2024:electricity.td_losses:GB:kWh: Transmission and distribution / T&D- "
        "UK electricity / Electricity: UK / kWh (per kWh) — DESNZ and Defra, UK Government GHG "
        "Conversion Factors for Company Reporting 2024 (flat file v1.1); contains public sector "
        "information licensed under OGL v3.0",
        "CO2e = 1000 kWh × 0.0183 kg CO2e per kWh = 18.3 kg CO2e (published CO2e; GWP basis AR5)",
        "CO2 share: 1000 kWh × 0.01811 kg CO2e per kWh = 18.11 kg CO2e (published as CO2e)",
        "CH4 share: 1000 kWh × 8e-05 kg CO2e per kWh = 0.08 kg CO2e (published as CO2e)",
        "N2O share: 1000 kWh × 0.00011 kg CO2e per kWh = 0.11 kg CO2e (published as CO2e)",
        "Result: 18.3 kg CO2e (location)",
    ]


def test_the_catalogue_says_uk_and_us() -> None:
    info = next(a for a in list_activities() if a.id == TD_LOSSES)
    assert "DESNZ" in info.description
    assert "eGRID" in info.description
    assert "grid gross loss" in info.description
    assert info.scope3_category is not None
    assert info.scope3_category.number == 3


async def test_recorded_us_td_losses_count_in_scope_3_category_3(
    carbon: httpx.AsyncClient, sign: Sign
) -> None:
    editor = sign(ORG_A)
    used = {"quantity": 1000, "unit": "kWh", "region": "US-CAMX", "year": 2024}
    estimated = await carbon.post(
        f"{API}/estimates", json={"activity": TD_LOSSES, **used}, headers=editor
    )
    used |= {"period_start": "2024-03-01", "period_end": "2024-03-31"}
    assert estimated.status_code == 200, estimated.text
    assert estimated.json()["co2e_kg"] == 8.496769  # the answer, rounded to the milligram
    await created(carbon, "activities", {"activity": "electricity.grid", **used}, editor)
    td = await created(carbon, "activities", {"activity": TD_LOSSES, **used}, editor)
    assert td["scope"] == 3
    assert td["category"] == 3
    assert td["co2e_kg"] == 8.496769
    assert td["location_based_kg"] is None
    assert td["market_based_kg"] is None
    by_scope = await carbon.get(f"{API}/activities/totals?group_by=scope", headers=editor)
    groups = {g["key"]: g["co2e_kg"] for g in by_scope.json()["groups"]}
    # scope 2: 1 MWh × (436.655 + 0.025 × 28 + 0.003 × 265) × 0.45359237 = 198.741497 kg
    assert groups == {"2": 198.741497, "3": 8.496769}
    scope3 = await carbon.get(f"{API}/activities/records?scope=3", headers=editor)
    assert [(r["activity"], r["category"]) for r in scope3.json()["items"]] == [(TD_LOSSES, 3)]
