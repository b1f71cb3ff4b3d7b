"""Every published row is in the library: counted per shipped file against the file itself.

The counts come from reading each CSV here with the csv module, not from the loader: a row
the loader skipped, or one it doubled, makes a count differ.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterator
from importlib.resources import files

import pytest

from ecotrack.carbon.factors import (
    DATA_VERSIONS,
    LOADERS,
    DataError,
    Factor,
    desnz,
    load_factor_library,
    supply_chain,
    tabular,
)


def rows(name: str) -> list[dict[str, str]]:
    text = (files("ecotrack.carbon.data") / name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("year", range(2019, 2026))
def test_every_desnz_row_is_a_factor_value_or_a_reference(year: int) -> None:
    library = load_factor_library()
    published = rows(f"desnz_{year}.csv")
    edition = f"desnz-{year}"
    factors = [f for f in library if f.edition == edition]
    # each factor holds its CO2e row (where published) and its per-gas rows
    held = sum((f.co2e is not None) + len(f.gases) for f in factors)
    references = Counter(r.kind for r in library.references if r.edition == edition)
    outside = sum(1 for r in published if r["scope"] == "Outside of Scopes")
    assert references["outside_of_scopes"] == outside
    assert held + references["outside_of_scopes"] + references["energy_conversion"] == len(
        published
    )
    co2e_rows = sum(
        1 for r in published if r["ghg_unit"] == "kg CO2e" and r["scope"] != "Outside of Scopes"
    )
    assert sum(f.co2e is not None for f in factors) == co2e_rows


def test_published_counts_per_file() -> None:
    """The sizes the source files publish (see ../shared/data/emission-factors/README.md)."""
    library = load_factor_library()
    editions = Counter(f.edition for f in library)
    assert len(rows("owid_electricity_carbon_intensity_2000_2025.csv")) == 6002
    assert editions["owid-2026"] == 6002
    assert len(rows("epa_supply_chain_v1_3_naics_co2e_usd2022.csv")) == 1016
    assert editions["epa-supply-chain-1.3"] == 3 * 1016  # with, without and only margins
    # by gas: 18 gases x 1,016 codes; each row is held by the three factors of its code, one
    # value (column) each, so each margin variant holds every row once
    by_gas = rows(supply_chain.BY_GAS_FILE)
    assert len(by_gas) == 18 * 1016 == 18_288
    supply = [f for f in library if f.edition == supply_chain.EDITION]
    for margins in supply_chain.MARGINS:
        held = [f for f in supply if f.options["margins"] == margins]
        assert sum(len(f.gases) for f in held) == len(by_gas)
    loss = [r for r in library.references if r.kind == "loss_rate"]
    assert len(loss) == len(rows("epa_hub2025_egrid2023_grid_gross_loss.csv")) == 27
    assert [len(rows(f"desnz_{year}.csv")) for year in range(2019, 2026)] == [
        6163,
        6587,
        6731,
        6895,
        6916,
        7029,
        7029,
    ]
    assert 27_000 <= len(library) <= 31_000


def test_every_shipped_file_has_a_loader_or_a_reader() -> None:
    shipped = {
        name.name for name in files("ecotrack.carbon.data").iterdir() if name.name.endswith(".csv")
    }
    loaded = {name for name, _ in LOADERS}
    # read by the supply chain loader with its CO2e file: the gases of the same factors
    companions = {supply_chain.BY_GAS_FILE}
    # tables read by the GWP module, the country codes, and the price index for spend
    read_elsewhere = {
        "gwp100_ar4_ar5_ar6.csv",
        "epa_hub2025_gwp_blends_ar5.csv",
        "epa_hub2025_gwp_ar5_species.csv",
        "iso3166_owid_alpha3_to_alpha2.csv",
        "bls_cpi_u_annual_average.csv",
    }
    assert shipped == loaded | companions | read_elsewhere
    # every manifest shipped is discovered, and names a shipped file that LOADERS loads
    manifests = {
        name.name
        for name in files("ecotrack.carbon.data").iterdir()
        if name.name.endswith(tabular.MANIFEST_SUFFIX)
    }
    assert manifests == {dataset.name for dataset in tabular.manifests()}
    assert {dataset.manifest.file for dataset in tabular.manifests()} <= shipped & loaded


def test_every_edition_is_in_a_data_version() -> None:
    editions = {f.edition for f in load_factor_library()}
    assert editions == set().union(*DATA_VERSIONS.values())
    # a manifest's editions are all loaded, and only in the data versions it names
    for dataset in tabular.manifests():
        declared = set(dataset.manifest.editions)
        assert declared <= editions
        for version, held in DATA_VERSIONS.items():
            expected = version in dataset.manifest.data_versions
            assert (declared <= held) is expected, (dataset.name, version)
            assert expected or not declared & held


Rows = Iterator[tuple[int, dict[str, str]]]


def _with_bad_value(real: Rows) -> Rows:
    for line, row in real:
        yield line, (row | {"value": "0.2x"} if line == 40 else row)


def test_a_row_that_does_not_parse_stops_the_load_with_its_file_and_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = desnz.read_rows
    monkeypatch.setattr(desnz, "read_rows", lambda name: _with_bad_value(real(name)))
    with pytest.raises(DataError, match=r"desnz_2024\.csv:40: column 'value' is not a number"):
        desnz.load("desnz_2024.csv")


def test_an_unknown_unit_stops_the_load(monkeypatch: pytest.MonkeyPatch) -> None:
    real = desnz.read_rows

    def odd_unit(name: str) -> Rows:
        for line, row in real(name):
            yield line, (row | {"uom": "furlongs"} if line == 2 else row)

    monkeypatch.setattr(desnz, "read_rows", odd_unit)
    with pytest.raises(DataError, match=r"desnz_2024\.csv:2: unknown unit 'furlongs'"):
        desnz.load("desnz_2024.csv")


def test_every_shipped_factor_passes_validation() -> None:
    """The DESNZ loader builds its factors without validation (for load time): check them all."""
    for factor in load_factor_library():
        assert Factor.model_validate(factor.model_dump()) == factor
