"""Emission factors: the model, a loader per published dataset, and the searchable library.

Adding a tabular dataset is data, not code: a file in ``ecotrack/carbon/data`` with its
``sources.json`` entry and a ``*.dataset.json`` manifest (:mod:`.tabular`), which is discovered
and joins :data:`LOADERS` and the data versions it names. A dataset whose rows need code of
their own has a loader here and a line in :data:`LOADERS`; :data:`DATA_VERSIONS` names which
editions each version of the library chooses from.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from functools import cache
from typing import Final

from ecotrack.carbon.factors import (
    desnz,
    direct_mass,
    egrid,
    epa_hub,
    owid,
    supply_chain,
    tabular,
)
from ecotrack.carbon.factors.library import (
    FACET_NAMES,
    FacetCount,
    FactorLibrary,
    ReferencePage,
    SearchPage,
)
from ecotrack.carbon.factors.model import (
    ANY_REGION,
    ELECTRICITY_BASES,
    ElectricityBasis,
    Factor,
    GasValue,
    ReferenceKind,
    ReferenceValue,
    make_id,
    slug,
)
from ecotrack.carbon.factors.sources import DataError

__all__ = [
    "ANY_REGION",
    "DATA_VERSIONS",
    "ELECTRICITY_BASES",
    "FACET_NAMES",
    "LATEST_DATA_VERSION",
    "LOADERS",
    "DataError",
    "ElectricityBasis",
    "FacetCount",
    "Factor",
    "FactorLibrary",
    "GasValue",
    "ReferenceKind",
    "ReferencePage",
    "ReferenceValue",
    "SearchPage",
    "load_factor_library",
    "make_id",
    "slug",
]

Loaded = tuple[Sequence[Factor], Sequence[ReferenceValue]]


def _factors(load: Callable[[str], list[Factor]]) -> Callable[[str], Loaded]:
    return lambda file: (load(file), ())


def _references(load: Callable[[str], list[ReferenceValue]]) -> Callable[[str], Loaded]:
    return lambda file: ((), load(file))


LOADERS: Final[tuple[tuple[str, Callable[[str], Loaded]], ...]] = (
    *((f"desnz_{year}.csv", desnz.load) for year in range(2019, 2026)),
    ("epa_hub2025_stationary_combustion.csv", _factors(epa_hub.load_stationary)),
    ("epa_hub2025_business_travel.csv", _factors(epa_hub.load_travel)),
    ("epa_hub2025_waste.csv", _factors(epa_hub.load_waste)),
    ("epa_hub2025_egrid2023_grid_gross_loss.csv", _references(epa_hub.load_grid_gross_loss)),
    ("epa_egrid2023_subregion_output_rates.csv", _factors(egrid.load_subregions)),
    ("egrid2023_state_co2e_output_rates.csv", _factors(egrid.load_states)),
    ("owid_electricity_carbon_intensity.csv", _factors(owid.load_latest_year)),
    ("owid_electricity_carbon_intensity_2000_2025.csv", _factors(owid.load_series)),
    ("epa_supply_chain_v1_3_naics_co2e_usd2022.csv", _factors(supply_chain.load)),
    # the datasets declared by a manifest (data/*.dataset.json)
    *((dataset.manifest.file, dataset.load) for dataset in tabular.manifests()),
)

_COMMON: Final = ("epa-hub-2025", "egrid-2023", direct_mass.DATASET)
DATA_VERSIONS: Final[dict[str, frozenset[str]]] = {
    # the library before every published row became a factor: four DESNZ editions and the
    # older OWID vintage
    "2026.11": frozenset(
        {*(f"desnz-{year}" for year in (2019, 2020, 2021, 2024)), owid.LATEST_YEAR_EDITION}
        | set(_COMMON)
    ),
    "2026.12": frozenset(
        {*(f"desnz-{year}" for year in range(2019, 2026)), owid.SERIES_EDITION}
        | {supply_chain.EDITION, *_COMMON}
        | tabular.editions_for("2026.12")
    ),
}
"""Each version of the library by name: the editions estimates choose factors from. A result
names its version, and a request that pins one gets the same factors however the library
grows; a factor pinned by id must belong to the version too."""
LATEST_DATA_VERSION: Final = "2026.12"


@cache
def load_factor_library() -> FactorLibrary:
    """Every shipped factor and reference value, loaded once per process.

    The load makes a few hundred thousand objects that live as long as the process: the
    cyclic garbage collector is paused meanwhile (it would walk them again and again, a
    third of the load time) and the survivors are moved out of its generations after.
    """
    factors: list[Factor] = []
    references: list[ReferenceValue] = []
    collecting = gc.isenabled()
    gc.disable()
    try:
        for file, load in LOADERS:
            found, referenced = load(file)
            factors += found
            references += referenced
        library = FactorLibrary([*factors, *direct_mass.factors()], references)
    finally:
        if collecting:
            gc.enable()
    gc.freeze()
    return library
