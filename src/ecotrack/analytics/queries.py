"""Questions answered from the emission aggregates: totals, series, changes, coverage."""

from __future__ import annotations

import calendar
import functools
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from ecotrack.analytics import amounts
from ecotrack.analytics.models import emissions_daily, emissions_monthly, emissions_overview
from ecotrack.core.errors import UnprocessableContent

Dimension = Literal["scope", "category", "facility", "gas", "month", "year"]
DIMENSIONS: tuple[Dimension, ...] = ("scope", "category", "facility", "gas", "month", "year")
TIME_DIMENSIONS = {"month", "year"}
Scope2Method = Literal["location", "market"]
_COLUMN = {"scope": "scope", "category": "category", "facility": "facility_id", "gas": "gas"}
_OVERVIEW_DIMENSIONS = {"scope", *TIME_DIMENSIONS}

Reader = AsyncSession | AsyncConnection
"""Queries only read: a unit of work's session or a plain read connection both do."""


@dataclass(frozen=True)
class Filters:
    """What a query keeps: its dates (inclusive), and optionally facilities, scopes, ..."""

    start: date
    end: date
    scope2_method: Scope2Method = "location"
    facilities: tuple[str, ...] = ()
    scopes: tuple[int, ...] = ()
    categories: tuple[int, ...] = ()
    gases: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise UnprocessableContent("'to' is before 'from'", start=str(self.start))


@dataclass
class Totals:
    """Exact amounts in picograms CO2e (amounts.py): the total, and each group's."""

    total_pg: int = 0
    rows: dict[tuple[Any, ...], int] = field(default_factory=dict)


def kg(pg: int) -> float:
    """An exact amount as the kg an answer shows: rounded to the milligram, no binary noise.

    Sums are taken exactly, of each activity's unrounded figure, so a total is rounded
    once, here.
    """
    return amounts.kg(pg)


def parse_group_by(text: str | None) -> tuple[Dimension, ...]:
    if not text:
        return ()
    names = tuple(part.strip() for part in text.split(",") if part.strip())
    unknown = [name for name in names if name not in DIMENSIONS]
    if unknown or len(set(names)) != len(names):
        raise UnprocessableContent(
            f"group_by takes distinct names among {', '.join(DIMENSIONS)}; got {text!r}",
            accepted=list(DIMENSIONS),
        )
    return names  # type: ignore[return-value]


def _whole_months(start: date, end: date) -> bool:
    return start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1]


def _time_key(dimension: str, when: date) -> Any:
    return f"{when:%Y-%m}" if dimension == "month" else when.year


def _public_key(dimension: str, value: Any) -> Any:
    # The aggregates key "no facility" as '' and "no category" as 0 (primary keys).
    return (value or None) if dimension in {"facility", "category"} else value


def _aggregate_for(filters: Filters, group_by: tuple[Dimension, ...]) -> sa.Table:
    """The smallest aggregate that holds the answer; they all hold the same sums.

    Whole-month windows by scope and time only (what dashboards ask) read the overview;
    other whole-month windows the monthly aggregate; any other window the daily one.
    """
    if not _whole_months(filters.start, filters.end):
        return emissions_daily
    if set(group_by) <= _OVERVIEW_DIMENSIONS and not (
        filters.facilities or filters.categories or filters.gases
    ):
        return emissions_overview
    return emissions_monthly


_FILTER_COLUMNS = (
    ("facilities", "facility_id"),
    ("scopes", "scope"),
    ("categories", "category"),
    ("gases", "gas"),
)


@functools.cache
def _statement(
    table: sa.Table, plain: tuple[str, ...], timed: bool, filtered: frozenset[str]
) -> sa.Select[Any]:
    """One statement per query shape, with the values bound at execution.

    Built once, its SQL is compiled once too: on a read of a few dozen rows, building
    and compiling a fresh statement costs as much as the database's work.
    """
    when = table.c.day if table is emissions_daily else table.c.month
    columns = [table.c[_COLUMN[dimension]] for dimension in plain]
    if timed:
        columns.append(when)
    conditions = [
        table.c.organization_id == sa.bindparam("organization_id"),
        when >= sa.bindparam("low"),
        when <= sa.bindparam("high"),
        table.c.method.in_(sa.bindparam("methods", expanding=True)),
    ]
    conditions += [
        table.c[column].in_(sa.bindparam(field, expanding=True))
        for field, column in _FILTER_COLUMNS
        if field in filtered
    ]
    query = sa.select(
        *columns,
        sa.func.sum(table.c.co2e_mg).label("mg"),
        sa.func.sum(table.c.co2e_rest_pg).label("rest_pg"),
    ).where(*conditions)
    return query.group_by(*columns) if columns else query


async def emissions(
    reader: Reader, organization_id: str, filters: Filters, group_by: tuple[Dimension, ...]
) -> Totals:
    """Exact totals in pg CO2e for each combination of ``group_by``, and overall."""
    table = _aggregate_for(filters, group_by)
    plain = tuple(dimension for dimension in group_by if dimension not in TIME_DIMENSIONS)
    timed = len(plain) < len(group_by)
    values = {field: getattr(filters, field) for field, _ in _FILTER_COLUMNS}
    parameters = {
        "organization_id": organization_id,
        "low": filters.start if table is emissions_daily else filters.start.replace(day=1),
        "high": filters.end,
        "methods": ["", filters.scope2_method],
        **{field: list(chosen) for field, chosen in values.items() if chosen},
    }
    filtered = frozenset(field for field, chosen in values.items() if chosen)
    query = _statement(table, plain, timed, filtered)
    result = Totals()
    grouped: dict[tuple[Any, ...], int] = defaultdict(int)
    for row in (await reader.execute(query, parameters)).all():
        pg = amounts.joined(row.mg or 0, row.rest_pg or 0)
        found = dict(zip(plain, row[: len(plain)], strict=True))
        key = tuple(
            _time_key(dimension, row[len(plain)])
            if dimension in TIME_DIMENSIONS
            else _public_key(dimension, found[dimension])
            for dimension in group_by
        )
        grouped[key] += pg
        result.total_pg += pg
    # A correction can take a group back to zero; it then has no data, as if never seen.
    # So has a group that rounds to zero milligrams: its answer would show 0.
    result.rows = {
        key: pg
        for key, pg in sorted(grouped.items(), key=lambda item: sort_key(item[0]))
        if amounts.rounded_mg(pg) or not group_by
    }
    return result


def sort_key(key: tuple[Any, ...]) -> tuple[Any, ...]:
    # None (no facility, no category) sorts first, and never beside a value of another type.
    return tuple((value is not None, value if value is not None else 0) for value in key)


def rows_as_dicts(group_by: tuple[str, ...], totals: Totals) -> list[dict[str, Any]]:
    return [
        {**dict(zip(group_by, key, strict=True)), "co2e_kg": kg(pg)}
        for key, pg in totals.rows.items()
    ]


async def annual_totals(
    session: AsyncSession,
    organization_id: str,
    scopes: tuple[int, ...],
    scope2_method: Scope2Method,
    first_year: int | None = None,
    last_year: int | None = None,
) -> dict[int, int]:
    """Exact pg CO2e per calendar year that has data, for the given scopes."""
    filters = Filters(
        start=date(first_year or 1900, 1, 1),
        end=date(last_year or 2999, 12, 31),
        scope2_method=scope2_method,
        scopes=scopes,
    )
    totals = await emissions(session, organization_id, filters, ("year",))
    return {int(key[0]): pg for key, pg in totals.rows.items()}


def months_between(start: date, end: date) -> list[str]:
    months = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


async def coverage(
    session: AsyncSession, organization_id: str, start: date, end: date
) -> dict[str, Any]:
    """Which facilities and months have emissions data in the window, and which not.

    The facilities are every facility the organisation has ever had data for. A row is
    data when its amount rounded to the milligram, ``co2e_mg`` (amounts.py), is not zero.
    """
    table = emissions_monthly
    known = (
        await session.scalars(
            sa.select(table.c.facility_id)
            .where(table.c.organization_id == organization_id, table.c.co2e_mg != 0)
            .distinct()
        )
    ).all()
    present = (
        await session.execute(
            sa.select(table.c.facility_id, table.c.month)
            .where(
                table.c.organization_id == organization_id,
                table.c.month >= start.replace(day=1),
                table.c.month <= end,
                table.c.co2e_mg != 0,
            )
            .distinct()
        )
    ).all()
    months = months_between(start, end)
    seen: dict[str, set[str]] = defaultdict(set)
    for row in present:
        seen[row.facility_id].add(f"{row.month:%Y-%m}")
    any_data = set().union(*seen.values()) if seen else set()
    return {
        "months": months,
        "months_without_any_data": [month for month in months if month not in any_data],
        "facilities": [
            {
                "facility_id": facility or None,
                "months_with_data": sum(1 for month in months if month in seen[facility]),
                "months_without_data": [month for month in months if month not in seen[facility]],
            }
            for facility in sorted(known)
        ],
    }
