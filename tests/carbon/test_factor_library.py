"""The factor library: stable ids, search with facets, private factors, unit definitions."""

from __future__ import annotations

import pytest
from carbon_api import acme_grid_factor

from ecotrack.carbon import units
from ecotrack.carbon.factors import Factor, GasValue, load_factor_library


def test_ids_are_stable_and_readable() -> None:
    library = load_factor_library()
    factor = library.get("desnz-2024:fuel.natural_gas:GB:gross:kWh")
    assert (factor.dataset, factor.dataset_version, factor.year) == ("desnz", "2024 v1.1", 2024)
    assert factor.co2e == GasValue(value=0.1829, unit="kg")
    assert factor.gas_basis == "co2e"
    assert "OGL" in factor.licence


def test_egrid_values_stay_in_published_units() -> None:
    factor = load_factor_library().get("egrid-2023:electricity.grid:US-ERCT:MWh")
    assert factor.gases["CO2"] == GasValue(value=738.038, unit="lb")
    assert factor.gas_basis == "mass"


def test_search_pages_and_facets_under_other_filters() -> None:
    library = load_factor_library()
    page = library.search(text="natural gas", activity="fuel.natural_gas", region="GB", limit=2)
    assert page.total == 28  # 7 DESNZ editions x (gross kWh, net kWh, m3, tonnes)
    assert len(page.items) == 2
    regions = {f.value: f.count for f in page.facets["region"]}
    assert regions == {"GB": 28, "US": 2}  # US still reachable if the region filter changes
    assert {f.value for f in page.facets["unit_type"]} == {"energy", "volume", "mass"}


def test_search_by_dataset_year_and_unit_type() -> None:
    page = load_factor_library().search(
        dataset="owid", edition="owid-2024", unit_type="energy", year=2009
    )
    assert [f.region for f in page.items] == ["EH"]  # Western Sahara, the one 2009 row


def test_private_factors_are_searchable() -> None:
    own = acme_grid_factor(0.1, label="Acme supplier mix")
    library = load_factor_library().with_private([own])
    assert library.get(own.id).private
    assert library.search(dataset="acme").total == 1
    assert len(library) == len(load_factor_library()) + 1


def test_factor_needs_values() -> None:
    with pytest.raises(ValueError, match="neither"):
        Factor(
            id="x",
            dataset="x",
            dataset_version="x",
            year=2024,
            region="GB",
            activity="fuel.natural_gas",
            unit="kWh",
            label="x",
            source_url="",
            licence="",
            citation="",
        )


def test_therm_is_the_it_btu_therm() -> None:
    assert units.conversion_factor("therm", "kWh") == pytest.approx(29.3071070172, rel=1e-11)
    assert units.conversion_factor("MMBtu", "therm") == pytest.approx(10, rel=1e-12)
    assert units.conversion_factor("t", "kg") == 1000
    assert units.conversion_factor("short_ton", "kg") == pytest.approx(907.18474)
