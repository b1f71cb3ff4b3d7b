"""Datasets loaded from a manifest (data/*.dataset.json): NGA 2025 and 2022-2024 (Australia) and
ECCC NIR 2022 Annex 13 (Canada).

Counts come from reading each CSV with the csv module, not from the loader; expectations are
arithmetic on the published rows (as copied into src/ecotrack/carbon/data).
"""

from __future__ import annotations

import csv
import io
from importlib.resources import files
from typing import Any

import pytest

from ecotrack.carbon.engine import estimate
from ecotrack.carbon.factors import DATA_VERSIONS, LOADERS, DataError, load_factor_library, tabular
from ecotrack.carbon.schemas import EstimateRequest, EstimateResult
from ecotrack.core.errors import UnprocessableContent

NGA_2025 = "nga_2025_electricity.dataset.json"
NGA_SERIES = "nga_2022_2025_electricity_location_based.dataset.json"
ECCC = "eccc_nir2022_annex13_electricity_generation_intensity.dataset.json"


def rows(name: str) -> list[dict[str, str]]:
    text = (files("ecotrack.carbon.data") / name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def run(**fields: Any) -> EstimateResult:
    return estimate(EstimateRequest(**fields), load_factor_library())


def test_the_three_manifests_are_discovered_and_loaded() -> None:
    names = {d.name for d in tabular.manifests()}
    assert {NGA_2025, NGA_SERIES, ECCC} <= names
    loaded = {file for file, _ in LOADERS}
    assert {d.manifest.file for d in tabular.manifests()} <= loaded


@pytest.mark.parametrize(
    ("manifest", "selected", "factors"),
    [
        # Table 1 scope 2 per state or grid and national; NSW;ACT is one row, two factors
        (NGA_2025, 9, 10),
        # 2022-2024 Table 1 scope 2 in kWh, 9 rows each
        (NGA_SERIES, 27, 30),
        # consumption intensity, 14 areas x 18 years, less the 20 '**' cells
        (ECCC, 14 * 18 - 20, 14 * 18 - 20),
    ],
)
def test_every_row_is_selected_or_skipped_by_a_declared_rule(
    manifest: str, selected: int, factors: int
) -> None:
    reading = tabular.reading(manifest)
    published = rows(next(d for d in tabular.manifests() if d.name == manifest).manifest.file)
    assert reading.rows == len(published)
    assert reading.selected + sum(reading.skipped.values()) == len(published)
    assert (reading.selected, len(reading.factors)) == (selected, factors)
    editions = {f.edition for f in reading.factors}
    assert editions <= set(DATA_VERSIONS["2026.12"])
    assert not editions & set(DATA_VERSIONS["2026.11"])


def test_skip_counts_match_the_published_rows() -> None:
    nga = rows("nga_2025_electricity.csv")
    skipped = tabular.reading(NGA_2025).skipped
    assert sum(skipped.values()) == sum(
        1 for r in nga if not (r["table"] == "Table 1" and r["scope"] == "2")
    )
    eccc = rows("eccc_nir2022_annex13_electricity_generation_intensity.csv")
    consumption = [r for r in eccc if r["section"] == "Consumption Intensity"]
    assert len(consumption) == 252
    starred = [r for r in consumption if r["value_as_published"] == "**"]
    assert {r["pt_code"] for r in starred} == {"PE", "NU"}
    assert sum(n for reason, n in tabular.reading(ECCC).skipped.items() if "**" in reason) == 20


def test_the_2025_rows_of_the_series_equal_the_edition_file() -> None:
    edition = {
        (r["region_codes"], r["scope"]): r["value"]
        for r in rows("nga_2025_electricity.csv")
        if r["table"] == "Table 1"
    }
    series = {
        (r["region_codes"], r["scope"]): r["value"]
        for r in rows("nga_2022_2025_electricity_location_based.csv")
        if r["nga_edition"] == "2025"
    }
    assert series == edition


# --- worked examples: Australia, NGA 2025 ----------------------------------------------------


def test_au_vic_2025_location_based() -> None:
    r = run(activity="electricity.grid", quantity=1000, unit="kWh", region="AU-VIC", year=2025)
    assert r.co2e_kg == pytest.approx(1000 * 0.78)  # NGA 2025 Table 1, Victoria, scope 2
    assert r.factor.id == "nga-2025:electricity.grid:AU-VIC:kWh"
    assert r.factor.gwp_basis == "AR5"
    assert "National Greenhouse Accounts" in r.selection
    assert "Accounts Factors 2025, licensed under CC BY 4.0" in r.factor.citation


def test_nsw_and_act_share_one_published_row() -> None:
    nsw = run(activity="electricity.grid", quantity=500, unit="kWh", region="AU-NSW", year=2025)
    act = run(activity="electricity.grid", quantity=500, unit="kWh", region="AU-ACT", year=2025)
    assert nsw.co2e_kg == act.co2e_kg == pytest.approx(500 * 0.64)
    library = load_factor_library()
    refs = {library.get(r.factor.id).source_ref for r in (nsw, act)}
    assert refs == {"NGA 2025 Table 1: NSW;ACT, scope 2, location-based"}


def test_au_national_and_wa_swis_in_mwh() -> None:
    au = run(activity="electricity.grid", quantity=2, unit="MWh", region="AU", year=2025)
    assert au.co2e_kg == pytest.approx(2000 * 0.62)  # Table 1, National
    assert au.factor.dataset == "nga"
    swis = run(
        activity="electricity.grid", quantity=1000, unit="kWh", region="AU-WA-SWIS", year=2025
    )
    assert swis.co2e_kg == pytest.approx(1000 * 0.5)


# --- worked examples: Australia, NGA 2022-2024 -----------------------------------------------


def test_au_vic_2023_uses_the_2023_edition() -> None:
    r = run(activity="electricity.grid", quantity=1000, unit="kWh", region="AU-VIC", year=2023)
    assert r.co2e_kg == pytest.approx(1000 * 0.79)  # NGA 2023 Table 1, Victoria
    assert load_factor_library().get(r.factor.id).edition == "nga-2023"
    assert "chose 2023" in r.selection


def test_au_qld_2022_and_tas_2024() -> None:
    qld = run(activity="electricity.grid", quantity=1000, unit="kWh", region="AU-QLD", year=2022)
    assert qld.co2e_kg == pytest.approx(1000 * 0.73)  # NGA 2022 Table 1, Queensland
    tas = run(activity="electricity.grid", quantity=1000, unit="kWh", region="AU-TAS", year=2024)
    assert tas.co2e_kg == pytest.approx(1000 * 0.15)  # NGA 2024 Table 1, Tasmania


def test_au_national_2024() -> None:
    r = run(activity="electricity.grid", quantity=1000, unit="kWh", region="AU", year=2024)
    assert r.co2e_kg == pytest.approx(1000 * 0.63)  # NGA 2024 Table 1, National
    assert r.factor.id == "nga-2024:electricity.grid:AU:kWh"


# --- worked examples: Canada, NIR 2022 Annex 13 ----------------------------------------------


def test_ca_ab_2019_consumption_intensity_in_grams() -> None:
    r = run(activity="electricity.grid", quantity=1000, unit="kWh", region="CA-AB", year=2019)
    assert r.co2e_kg == pytest.approx(1000 * 680 / 1000)  # A13-10 Alberta 2019, 680 g/kWh
    assert r.factor.id == "eccc-nir2022-2019:electricity.grid:CA-AB:kWh"
    assert r.factor.gwp_basis is None
    assert "Open Government Licence – Canada" in r.factor.citation
    assert "National Inventory Report" in r.selection


def test_ca_national_2020_is_preliminary_in_the_label() -> None:
    r = run(activity="electricity.grid", quantity=1000, unit="kWh", region="CA", year=2024)
    assert r.factor.year == 2020
    assert r.co2e_kg == pytest.approx(110)  # A13-1 Canada 2020 (preliminary), 110 g/kWh
    assert "2020, preliminary" in load_factor_library().get(r.factor.id).label


def test_ca_ab_2020_and_nu_2019() -> None:
    ab = run(activity="electricity.grid", quantity=1000, unit="kWh", region="CA-AB", year=2020)
    assert ab.co2e_kg == pytest.approx(640)  # A13-10 Alberta 2020, 640 g/kWh
    nu = run(activity="electricity.grid", quantity=1000, unit="kWh", region="CA-NU", year=2019)
    assert nu.co2e_kg == pytest.approx(870)  # A13-14 Nunavut 2019, 870 g/kWh


def test_prince_edward_island_has_no_factor() -> None:
    with pytest.raises(UnprocessableContent):
        run(activity="electricity.grid", quantity=1000, unit="kWh", region="CA-PE", year=2019)


# --- routing and versions --------------------------------------------------------------------


def test_data_version_2026_11_keeps_owid_for_australia() -> None:
    r = run(
        activity="electricity.grid",
        quantity=1000,
        unit="kWh",
        region="AU",
        year=2025,
        data_version="2026.11",
    )
    assert r.factor.dataset == "owid"
    assert "Our World in Data" in r.selection


def test_countries_without_an_inventory_dataset_keep_owid() -> None:
    r = run(activity="electricity.grid", quantity=1000, unit="kWh", region="FR", year=2024)
    assert r.factor.dataset == "owid"


@pytest.mark.parametrize(
    ("factor_id", "kg"),
    [
        ("nga-2025:electricity.grid:AU-SA:kWh", 0.22),
        ("nga-2022:electricity.grid:AU-NT-DKIS:kWh", 0.54),
        ("eccc-nir2022-2005:electricity.grid:CA-ON:kWh", 0.25),
    ],
)
def test_estimates_by_factor_id_alone(factor_id: str, kg: float) -> None:
    r = estimate(
        EstimateRequest(factor_id=factor_id, quantity=1000, unit="kWh", year=2025),
        load_factor_library(),
    )
    assert r.factor.id == factor_id
    assert r.co2e_kg == pytest.approx(1000 * kg)


# --- strict reading --------------------------------------------------------------------------


def _manifest(name: str) -> tabular.Manifest:
    return next(d for d in tabular.manifests() if d.name == name).manifest


def test_a_bad_value_cell_stops_the_load_with_file_and_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = tabular.read_rows

    def bad(name: str) -> Any:
        for line, row in real(name):
            yield line, (row | {"value": "0.7x"} if line == 4 else row)

    monkeypatch.setattr(tabular, "read_rows", bad)
    with pytest.raises(DataError, match=r"nga_2025_electricity\.csv:4: column 'value' is not"):
        tabular.read(_manifest(NGA_2025))


def test_an_undeclared_marker_stops_the_load(monkeypatch: pytest.MonkeyPatch) -> None:
    real = tabular.read_rows

    def starred(name: str) -> Any:
        for line, row in real(name):
            yield line, (row | {"value": "C"} if line == 2 else row)

    monkeypatch.setattr(tabular, "read_rows", starred)
    with pytest.raises(DataError, match=r"nga_2025_electricity\.csv:2: "):
        tabular.read(_manifest(NGA_2025))


def test_a_row_no_rule_covers_stops_the_load() -> None:
    narrow = _manifest(NGA_2025).model_copy(update={"skip": []})
    with pytest.raises(DataError, match=r"nga_2025_electricity\.csv:3: the row matches neither"):
        tabular.read(narrow)


def test_an_unknown_region_code_stops_the_load(monkeypatch: pytest.MonkeyPatch) -> None:
    real = tabular.read_rows

    def odd(name: str) -> Any:
        for line, row in real(name):
            yield line, (row | {"pt_code": "XX"} if line == 10 else row)

    monkeypatch.setattr(tabular, "read_rows", odd)
    manifest = _manifest(ECCC).model_copy(update={"skip": []})
    manifest = manifest.model_copy(update={"select": {"table": ["Table A13-1"]}})
    with pytest.raises(DataError, match=r"eccc_nir2022_annex13.*\.csv:10: unknown pt_code 'XX'"):
        tabular.read(manifest)


def test_an_invalid_manifest_names_its_file() -> None:
    with pytest.raises(DataError, match=r"broken\.dataset\.json:1: not a valid dataset manifest"):
        tabular.parse("broken.dataset.json", '{"file": "x.csv", "surprise": 1}')
