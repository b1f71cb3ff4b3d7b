"""Carbon Tracking's domain logic: an organisation's private factors and instruments.

Every function joins the caller's unit of work and filters on the organisation, so one
organisation never sees or changes another's rows; a change and its events commit together.
"""

from __future__ import annotations

import secrets
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Final, TypeVar, cast

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from ecotrack.carbon import engine, events
from ecotrack.carbon.factors import FactorLibrary, GasValue, load_factor_library
from ecotrack.carbon.models import (
    ActivityVersionRow,
    Base,
    FacilityRow,
    InstrumentRow,
    MeterRow,
    PeriodRow,
    PrivateFactorRow,
    ReadingRow,
    UnitRow,
)
from ecotrack.carbon.schemas import (
    ContractualInstrument,
    InstrumentCreate,
    InstrumentRecord,
    Page,
    PrivateFactor,
    PrivateFactorCreate,
)
from ecotrack.core.database import Database
from ecotrack.core.deletion import DeletionRequested, tenant_rows_eraser
from ecotrack.core.errors import NotFound, UnprocessableContent
from ecotrack.core.events import Event
from ecotrack.core.events.envelope import Actor
from ecotrack.core.events.outbox import Outbox
from ecotrack.core.security import Identity

# Where a person's id is kept; the deletion saga clears each of them.
PERSONAL_COLUMNS: Final = (
    PrivateFactorRow.__table__.c.created_by,
    InstrumentRow.__table__.c.created_by,
    UnitRow.__table__.c.created_by,
    FacilityRow.__table__.c.created_by,
    MeterRow.__table__.c.created_by,
    PeriodRow.__table__.c.closed_by,
    ActivityVersionRow.__table__.c.recorded_by,
)
# Every table with an organization_id column: erasing an organisation clears them all.
_erase_organization = tenant_rows_eraser(Base.metadata)
TenantRow = TypeVar("TenantRow", PrivateFactorRow, InstrumentRow)
Item = TypeVar("Item")


@dataclass(frozen=True)
class Context:
    """What an estimate or a search runs against for one caller."""

    library: FactorLibrary
    instruments: Sequence[ContractualInstrument] = ()


class _LibraryCache:
    """The public library plus one organisation's private factors, built once per factor set.

    Private factors are never updated, so the set of their ids names the library exactly:
    a created or deleted factor changes the key, and every replica agrees without messages.
    Keeping the library keeps the engine's resolution memo on it warm between requests.
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self._libraries: OrderedDict[tuple[str, ...], FactorLibrary] = OrderedDict()

    def get(self, key: tuple[str, ...]) -> FactorLibrary | None:
        library = self._libraries.get(key)
        if library is not None:
            self._libraries.move_to_end(key)
        return library

    def put(self, key: tuple[str, ...], library: FactorLibrary) -> None:
        self._libraries[key] = library
        while len(self._libraries) > self.size:
            self._libraries.popitem(last=False)


_libraries = _LibraryCache(size=256)


def _private_data_owner(identity: Identity | None) -> str | None:
    """The organisation whose factors and instruments apply to the caller, if any.

    Private data apply only to callers who may read them: every member of the organisation,
    and API keys that hold ``factors:read``.
    """
    if identity is None or identity.organization_id is None:
        return None
    return identity.organization_id if identity.may("factors:read") else None


async def context_for(database: Database, identity: Identity | None) -> Context:
    """The library and instruments for a caller, read in a short transaction of its own.

    Estimates and searches write nothing, so they take no request-long unit of work: a
    batch's computation then holds no connection, and wakes no outbox relay.
    """
    organization_id = _private_data_owner(identity)
    if organization_id is None:
        return Context(load_factor_library())
    async with database.session() as session:
        return await context_in(session, organization_id)


async def context_in(session: AsyncSession, organization_id: str) -> Context:
    """The library and instruments of an organisation, read in the caller's unit of work."""
    return Context(
        await _library(session, organization_id), await _instruments(session, organization_id)
    )


async def _library(session: AsyncSession, organization_id: str) -> FactorLibrary:
    ids = await session.scalars(
        sa.select(PrivateFactorRow.id)
        .where(PrivateFactorRow.organization_id == organization_id)
        .order_by(PrivateFactorRow.id)
    )
    key = tuple(ids)
    if not key:
        return load_factor_library()
    library = _libraries.get(key)
    if library is None:
        rows = await session.scalars(
            sa.select(PrivateFactorRow).where(PrivateFactorRow.id.in_(key))
        )
        library = load_factor_library().with_private(_private_factor(row) for row in rows)
        _libraries.put(key, library)
    return library


async def _instruments(session: AsyncSession, organization_id: str) -> list[ContractualInstrument]:
    # The engine takes the first instrument that applies, so the most specific come first
    # (region and year, then region, then year, then neither), and among equals the oldest.
    rows = await session.scalars(
        sa.select(InstrumentRow)
        .where(InstrumentRow.organization_id == organization_id)
        .order_by(
            InstrumentRow.region.is_(None),
            InstrumentRow.year.is_(None),
            InstrumentRow.created_at,
            InstrumentRow.id,
        )
    )
    return [_instrument(row) for row in rows]


# --- private factors -----------------------------------------------------------------------


def _private_factor(row: PrivateFactorRow) -> PrivateFactor:
    return PrivateFactor(
        id=row.id,
        dataset=row.dataset,
        dataset_version=row.dataset_version,
        year=row.year,
        region=row.region,
        activity=row.activity,
        options=row.options,
        unit=row.unit,
        co2e=GasValue(value=row.co2e_kg_per_unit, unit="kg"),
        gwp_basis=row.gwp_basis,
        label=row.label,
        source_url=row.source_url,
        licence=row.licence,
        citation=row.citation,
        private=True,
        electricity_basis=row.electricity_basis,
        created_at=row.created_at,
    )


async def create_private_factor(
    session: AsyncSession,
    outbox: Outbox,
    organization_id: str,
    actor: Identity,
    draft: PrivateFactorCreate,
    *,
    by: Actor,
) -> PrivateFactor:
    # the random edition keeps ids unique across organisations; the rest reads like public ids
    factor = engine.private_factor(load_factor_library(), f"private-{secrets.token_hex(8)}", draft)
    assert factor.co2e is not None  # private factors are published as CO2e
    row = PrivateFactorRow(
        id=factor.id,
        organization_id=organization_id,
        activity=factor.activity,
        region=factor.region,
        year=draft.year,
        unit=factor.unit,
        options=factor.options,
        co2e_kg_per_unit=factor.co2e.value,
        gwp_basis=factor.gwp_basis,
        electricity_basis=factor.electricity_basis,
        dataset=factor.dataset,
        dataset_version=factor.dataset_version,
        label=factor.label,
        citation=factor.citation,
        source_url=factor.source_url,
        licence=factor.licence,
        created_by=actor.subject,
    )
    session.add(row)
    await session.flush()
    await outbox.add(
        session,
        Event.new(
            events.FACTOR_PRIVATE_CREATED,
            source=events.SOURCE,
            tenant=organization_id,
            actor=by,
            data=events.PrivateFactorCreated(
                factor_id=row.id,
                activity=row.activity,
                region=row.region,
                year=row.year,
                unit=row.unit,
                co2e_kg_per_unit=row.co2e_kg_per_unit,
                electricity_basis=row.electricity_basis,
                created_by=actor.subject,
            ),
        ),
    )
    return _private_factor(row)


async def list_private_factors(
    session: AsyncSession, organization_id: str, *, limit: int, offset: int
) -> Page[PrivateFactor]:
    return await _page(
        session, PrivateFactorRow, organization_id, _private_factor, limit=limit, offset=offset
    )


Row = TypeVar("Row")


async def owned(
    session: AsyncSession, model: type[Row], organization_id: str, object_id: str, noun: str
) -> Row:
    """The organisation's object, or 404.

    Another organisation's object answers exactly as a missing one, so ids leak nothing.
    """
    row: Any = await session.get(model, object_id)
    if row is None or row.organization_id != organization_id:
        raise NotFound(f"your organisation has no {noun} {object_id!r}")
    return cast(Row, row)


async def referenced(
    session: AsyncSession, model: type[Row], organization_id: str, object_id: str, field: str
) -> Row:
    """An object a request body names; one the organisation does not have is bad input."""
    row: Any = await session.get(model, object_id)
    if row is None or row.organization_id != organization_id:
        raise UnprocessableContent(f"{field} {object_id!r} is not one of your organisation's")
    return cast(Row, row)


async def _private_row(
    session: AsyncSession, organization_id: str, factor_id: str
) -> PrivateFactorRow:
    return await owned(session, PrivateFactorRow, organization_id, factor_id, "private factor")


async def get_private_factor(
    session: AsyncSession, organization_id: str, factor_id: str
) -> PrivateFactor:
    return _private_factor(await _private_row(session, organization_id, factor_id))


async def delete_private_factor(
    session: AsyncSession,
    outbox: Outbox,
    organization_id: str,
    actor: Identity,
    factor_id: str,
    *,
    by: Actor,
) -> None:
    row = await _private_row(session, organization_id, factor_id)
    await session.delete(row)
    await outbox.add(
        session,
        Event.new(
            events.FACTOR_PRIVATE_DELETED,
            source=events.SOURCE,
            tenant=organization_id,
            actor=by,
            data=events.PrivateFactorDeleted(
                factor_id=factor_id,
                deleted_by=actor.subject,
                activity=row.activity,
                region=row.region,
                year=row.year,
            ),
        ),
    )


# --- contractual instruments ---------------------------------------------------------------


def _instrument(row: InstrumentRow) -> InstrumentRecord:
    return InstrumentRecord(
        id=row.id,
        kind=row.kind,
        factor_kg_per_kwh=row.factor_kg_per_kwh,
        region=row.region,
        year=row.year,
        description=row.description,
        created_at=row.created_at,
    )


async def create_instrument(
    session: AsyncSession,
    outbox: Outbox,
    organization_id: str,
    actor: Identity,
    draft: InstrumentCreate,
    *,
    by: Actor,
) -> InstrumentRecord:
    if draft.region is not None:
        engine.check_region(load_factor_library(), draft.region)
    row = InstrumentRow(
        organization_id=organization_id,
        kind=draft.kind,
        factor_kg_per_kwh=draft.factor_kg_per_kwh,
        region=draft.region,
        year=draft.year,
        description=draft.description,
        created_by=actor.subject,
    )
    session.add(row)
    await session.flush()
    await outbox.add(
        session,
        Event.new(
            events.INSTRUMENT_CREATED,
            source=events.SOURCE,
            tenant=organization_id,
            actor=by,
            data=events.InstrumentCreated(
                instrument_id=row.id,
                organization_id=organization_id,
                kind=row.kind,
                factor_kg_per_kwh=row.factor_kg_per_kwh,
                region=row.region,
                year=row.year,
                created_by=actor.subject,
            ),
        ),
    )
    return _instrument(row)


async def list_instruments(
    session: AsyncSession, organization_id: str, *, limit: int, offset: int
) -> Page[InstrumentRecord]:
    return await _page(
        session, InstrumentRow, organization_id, _instrument, limit=limit, offset=offset
    )


async def _instrument_row(
    session: AsyncSession, organization_id: str, instrument_id: str
) -> InstrumentRow:
    return await owned(session, InstrumentRow, organization_id, instrument_id, "instrument")


async def get_instrument(
    session: AsyncSession, organization_id: str, instrument_id: str
) -> InstrumentRecord:
    return _instrument(await _instrument_row(session, organization_id, instrument_id))


async def delete_instrument(
    session: AsyncSession,
    outbox: Outbox,
    organization_id: str,
    instrument_id: str,
    *,
    by: Actor,
) -> None:
    row = await _instrument_row(session, organization_id, instrument_id)
    await session.delete(row)
    await outbox.add(
        session,
        Event.new(
            events.INSTRUMENT_DELETED,
            source=events.SOURCE,
            tenant=organization_id,
            actor=by,
            data=events.InstrumentDeleted(
                instrument_id=instrument_id,
                organization_id=organization_id,
                kind=row.kind,
                deleted_by=by.id,
            ),
        ),
    )


# --- shared --------------------------------------------------------------------------------


async def _page(
    session: AsyncSession,
    model: type[TenantRow],
    organization_id: str,
    view: Callable[[TenantRow], Item],
    *,
    limit: int,
    offset: int,
) -> Page[Item]:
    mine = model.organization_id == organization_id
    total = await session.scalar(sa.select(sa.func.count()).select_from(model).where(mine))
    rows = await session.scalars(
        sa.select(model)
        .where(mine)
        .order_by(model.created_at, model.id)
        .limit(limit)
        .offset(offset)
    )
    return Page(items=[view(row) for row in rows], total=total or 0, limit=limit, offset=offset)


async def erase(session: AsyncSession, request: DeletionRequested) -> None:
    """The deletion saga's step for Carbon: idempotent, in the consumer's transaction.

    An organisation loses every row it holds here, ledger and readings included; a person
    stays only as "someone" on the rows they made, which belong to their organisation.
    """
    if request.subject_kind == "organization":
        # readings carry no organisation (they are kept narrow): they go by their meters
        meters = sa.select(MeterRow.id).where(MeterRow.organization_id == request.subject_id)
        await session.execute(sa.delete(ReadingRow).where(ReadingRow.meter_id.in_(meters)))
        await _erase_organization(session, request)
        return
    for column in PERSONAL_COLUMNS:
        await session.execute(
            sa.update(column.table).where(column == request.subject_id).values({column.key: None})
        )
