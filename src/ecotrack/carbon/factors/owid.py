"""Our World in Data, carbon intensity of electricity (lifecycle, g CO2e/kWh), two vintages.

``owid-2026`` is the 2000-2025 series (OWID's grapher export of 2026); ``owid-2024`` the
older latest-year-per-country file carried by CodeCarbon 3.3.2. Ember revised its data
between them (Germany 2023: 362.92 against 380.95), so they are separate editions and never
mixed: the data version decides which one estimates use.
"""

from __future__ import annotations

from functools import cache
from typing import Final

from ecotrack.carbon.data import read_csv, read_rows
from ecotrack.carbon.factors.model import Factor, GasValue, slug
from ecotrack.carbon.factors.sources import DataError, factor, number, provenance

DATASET: Final = "owid"
SERIES_EDITION: Final = "owid-2026"
LATEST_YEAR_EDITION: Final = "owid-2024"
# OWID's own code for Kosovo; XK is the code the EU and the IMF use for it
_OWID_COUNTRIES: Final = {"OWID_KOS": "XK"}


@cache
def alpha2() -> dict[str, str]:
    """OWID's ISO 3166-1 alpha-3 codes -> alpha-2, written from the OWID file's country list."""
    return {row["iso3"]: row["alpha2"] for row in read_csv("iso3166_owid_alpha3_to_alpha2.csv")}


def load_latest_year(file: str) -> list[Factor]:
    codes = alpha2()
    factors = []
    for line, row in read_rows(file):
        if row["iso3"] not in codes:
            raise DataError(file, line, f"no ISO alpha-2 code for {row['iso3']!r}")
        factors.append(
            factor(
                DATASET,
                int(row["year"]),
                "carbon_intensity_elec (CodeCarbon 3.3.2 extract)",
                "electricity.grid",
                codes[row["iso3"]],
                {},
                "kWh",
                f"OWID carbon intensity of electricity: {row['country']} ({row['basis']})",
                provenance(file, row),
                co2e=GasValue(value=number(file, line, row, "carbon_intensity"), unit="g"),
                edition=LATEST_YEAR_EDITION,
                source_ref=f"carbon_intensity_elec: {row['iso3']} {row['year']}",
                scope=2,
            )
        )
    return factors


def _region(code: str, entity: str) -> str:
    """ISO alpha-2 for countries; OWID's code for its aggregates; EMBER:<name> for Ember's."""
    if not code:
        return "EMBER:" + slug(entity.removesuffix(" (Ember)")).upper()
    if code in _OWID_COUNTRIES:
        return _OWID_COUNTRIES[code]
    if code.startswith("OWID_"):
        return code
    return alpha2()[code]


def load_series(file: str) -> list[Factor]:
    codes = alpha2()
    source = provenance(file)
    factors = []
    for line, row in read_rows(file):
        code = row["iso_code"]
        if code and not code.startswith("OWID_") and code not in codes:
            raise DataError(file, line, f"no ISO alpha-2 code for {code!r}")
        year = int(row["year"])
        factors.append(
            factor(
                DATASET,
                year,
                "carbon_intensity_elec, 2000-2025 series (OWID grapher export, 2026)",
                "electricity.grid",
                _region(code, row["country"]),
                {},
                "kWh",
                f"OWID carbon intensity of electricity: {row['country']}, {year} ({row['basis']})",
                source,
                co2e=GasValue(value=number(file, line, row, "carbon_intensity_elec"), unit="g"),
                edition=SERIES_EDITION,
                source_ref=f"carbon_intensity_elec: {row['country']} {year}",
                scope=2,
                id_prefix="owid-series",
            )
        )
    return factors
