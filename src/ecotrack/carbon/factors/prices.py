"""US BLS CPI-U (all items, U.S. city average, not seasonally adjusted, series CUUR0000SA0)
annual averages: the price index that moves US-dollar spend between dollar years.

Only the annual average (BLS period M13) is shipped, one row per year from 1913; a year
BLS has not averaged yet (the current one) has no row, and a spend from it cannot be
moved. Values are kept as BLS prints them (one decimal before 2007, three after).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Final

from ecotrack.carbon.data import read_rows
from ecotrack.carbon.factors.sources import DataError, number, provenance

CPI_U_FILE: Final = "bls_cpi_u_annual_average.csv"
SERIES: Final = "CUUR0000SA0"
ANNUAL_AVERAGE: Final = "M13 (annual average)"


@dataclass(frozen=True, slots=True)
class PriceIndex:
    """One index by year: the value, as BLS prints it, and any note on the year's row."""

    series: str
    title: str
    values: Mapping[int, float]
    printed: Mapping[int, str]
    notes: Mapping[int, str]
    citation: str
    licence: str
    source_url: str

    def years(self) -> list[int]:
        return sorted(self.values)


def load_cpi_u(file: str = CPI_U_FILE) -> PriceIndex:
    """The CPI-U annual averages of ``file``; a row that is not one is a :class:`DataError`."""
    source = provenance(file)
    values: dict[int, float] = {}
    printed: dict[int, str] = {}
    notes: dict[int, str] = {}
    title = ""
    for line, row in read_rows(file):
        if row.get("series_id") != SERIES:
            raise DataError(file, line, f"expected series {SERIES}, not {row.get('series_id')!r}")
        if row.get("period") != ANNUAL_AVERAGE:
            raise DataError(
                file,
                line,
                f"expected the annual average ({ANNUAL_AVERAGE}), not {row.get('period')!r}",
            )
        text = row.get("year") or ""
        if not (text.isascii() and text.isdigit() and len(text) == 4):
            raise DataError(file, line, f"column 'year' is not a year: {text!r}")
        year = int(text)
        if year in values:
            raise DataError(file, line, f"year {year} appears twice")
        value = number(file, line, row, "value")
        if value <= 0:
            raise DataError(file, line, f"column 'value' is not a positive index: {value!r}")
        values[year] = value
        printed[year] = row["value"]
        if row.get("note"):
            notes[year] = row["note"]
        title = row.get("series_title") or title
    if not values:
        raise DataError(file, 1, "no annual averages")
    return PriceIndex(
        series=SERIES,
        title=title,
        values=values,
        printed=printed,
        notes=notes,
        citation=source["citation"],
        licence=source["licence"],
        source_url=source["source_url"],
    )


@cache
def cpi_u() -> PriceIndex:
    """The shipped CPI-U annual averages, read once per process."""
    return load_cpi_u()
