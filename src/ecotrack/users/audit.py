"""The organisation's one audit trail: what it holds, how it fills, how it is read.

Membership changes are written by Users with the change (``service.audit``). What the
other services audit arrives by event, each carrying its actor on the envelope
(docs/events.md): API keys created or revoked (Auth); private factors and instruments
added or deleted, periods closed, recalculations applied (Carbon); webhooks created or
deleted and reports exported (Analytics). :func:`apply_audited_event` turns each such
event into one entry, in the consumer's transaction, so an event is applied once.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
import structlog
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from ecotrack.core import tabular
from ecotrack.core.database import Database
from ecotrack.core.events import Event
from ecotrack.users.models import AuditEntry, Organization
from ecotrack.users.pagination import decode_cursor, page_of
from ecotrack.users.schemas import AuditAction, AuditEntryOut, Page

log = structlog.get_logger(__name__)

GROUP = "users.audit"
FAMILIES = ("api_key", "factor", "instrument", "period", "recalculation", "webhook", "report")
DETAIL_LENGTH = 300
EXPORT_BATCH = 1000


def _words(*parts: object) -> str:
    return " ".join(str(part) for part in parts if part not in (None, ""))


def _api_key(data: dict[str, Any]) -> str:
    scopes = ", ".join(data.get("scopes") or [])
    return _words(data.get("name"), f"({scopes})" if scopes else None)


def _factor(data: dict[str, Any]) -> str:
    where = ", ".join(str(data[key]) for key in ("activity", "region", "year") if data.get(key))
    if data.get("co2e_kg_per_unit") is None:
        return where
    return f"{where}: {data['co2e_kg_per_unit']} kg CO2e per {data.get('unit', 'unit')}"


def _instrument(data: dict[str, Any]) -> str:
    applies = ", ".join(str(data[key]) for key in ("region", "year") if data.get(key))
    rate = data.get("factor_kg_per_kwh")
    return _words(
        data.get("kind"),
        f"at {rate} kg CO2e/kWh" if rate is not None else None,
        f"({applies})" if applies else None,
    )


def _period(data: dict[str, Any]) -> str:
    return _words(data.get("name"), f"({data.get('start')} to {data.get('end')})")


def _recalculation(data: dict[str, Any]) -> str:
    asked = "every current activity" if data.get("requested") is None else data["requested"]
    return (
        f"{data.get('recalculated', 0)} new versions, {data.get('skipped', 0)} skipped "
        f"(asked: {asked})"
    )


def _webhook(data: dict[str, Any]) -> str:
    return _words(data.get("host"), f"({', '.join(data.get('event_types') or [])})")


def _report(data: dict[str, Any]) -> str:
    base = f", base year {data['base_year']}" if data.get("base_year") else ""
    return f"{data.get('report')} {data.get('year')}{base} as {data.get('format')}"


@dataclass(frozen=True)
class _Audited:
    """How one event type becomes an entry."""

    action: AuditAction
    object_type: str
    object_key: str  # the data field holding the object's id
    # data fields naming the actor, for events published before the envelope had one
    by_keys: tuple[str, ...]
    describe: Callable[[dict[str, Any]], str]


AUDITED: dict[str, _Audited] = {
    "api_key.created": _Audited("api_key.created", "api_key", "api_key_id", ("actor",), _api_key),
    "api_key.revoked": _Audited("api_key.revoked", "api_key", "api_key_id", ("actor",), _api_key),
    "factor.private_created": _Audited(
        "private_factor.created", "private_factor", "factor_id", ("created_by",), _factor
    ),
    "factor.private_deleted": _Audited(
        "private_factor.deleted", "private_factor", "factor_id", ("deleted_by",), _factor
    ),
    "instrument.created": _Audited(
        "instrument.created", "instrument", "instrument_id", ("created_by",), _instrument
    ),
    "instrument.deleted": _Audited(
        "instrument.deleted", "instrument", "instrument_id", ("deleted_by",), _instrument
    ),
    "period.closed": _Audited("period.closed", "period", "period_id", ("closed_by",), _period),
    "recalculation.applied": _Audited(
        "recalculation.applied",
        "recalculation",
        "recalculation_id",
        ("recalculated_by",),
        _recalculation,
    ),
    "webhook.created": _Audited(
        "webhook.created", "webhook", "webhook_id", ("changed_by",), _webhook
    ),
    "webhook.deleted": _Audited(
        "webhook.deleted", "webhook", "webhook_id", ("changed_by",), _webhook
    ),
    "report.exported": _Audited(
        "report.exported", "report", "export_id", ("exported_by",), _report
    ),
}


async def apply_audited_event(session: AsyncSession, event: Event) -> None:
    """Consumer of the audited families: one entry per event, for a live organisation."""
    audited = AUDITED.get(event.type)
    if audited is None or event.tenant is None:
        return
    organization = await session.get(Organization, event.tenant)
    if organization is None or organization.deleted_at is not None:
        return  # nobody can read it, and an erased organisation must stay erased
    data = event.data
    actor = event.actor
    actor_id = actor.id if actor else next((data[k] for k in audited.by_keys if data.get(k)), None)
    if actor_id is None:
        log.warning("audit.no_actor", event_id=str(event.id), event_type=event.type)
        return
    event_id = str(event.id)
    if await session.scalar(sa.select(AuditEntry.seq).where(AuditEntry.event_id == event_id)):
        return
    object_id = data.get(audited.object_key)
    session.add(
        AuditEntry(
            organization_id=event.tenant,
            at=event.time,
            actor_id=str(actor_id),
            actor_kind=actor.kind if actor else None,
            action=audited.action,
            object_type=audited.object_type,
            object_id=None if object_id is None else str(object_id),
            detail=audited.describe(data)[:DETAIL_LENGTH] or None,
            client_address=actor.address if actor else None,
            event_id=event_id,
        )
    )


# Reading -------------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditFilters:
    """Which entries to show: any of ``actions``, by ``actor``, in ``[start, end)``."""

    actions: Sequence[AuditAction] | None = None
    actor: str | None = None
    start: datetime | None = None
    end: datetime | None = None

    def apply(self, query: sa.Select[Any]) -> sa.Select[Any]:
        if self.actions:
            query = query.where(AuditEntry.action.in_(sorted(set(self.actions))))
        if self.actor is not None:
            query = query.where(AuditEntry.actor_id == self.actor)
        if self.start is not None:
            query = query.where(AuditEntry.at >= utc(self.start))
        if self.end is not None:
            query = query.where(AuditEntry.at < utc(self.end))
        return query


def utc(moment: datetime) -> datetime:
    """A time without an offset is UTC, like every time this API answers."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _query(organization_id: str, filters: AuditFilters) -> sa.Select[Any]:
    query = sa.select(AuditEntry).where(AuditEntry.organization_id == organization_id)
    return filters.apply(query).order_by(AuditEntry.seq.desc())


def entry_out(entry: AuditEntry) -> AuditEntryOut:
    return AuditEntryOut.model_validate(
        {
            "id": entry.seq,
            "at": entry.at,
            "actor_id": entry.actor_id,
            "actor_kind": entry.actor_kind,
            "action": entry.action,
            "object_type": entry.object_type,
            "object_id": entry.object_id,
            "subject_id": entry.subject_id,
            "role": entry.role,
            "previous_role": entry.previous_role,
            "detail": entry.detail,
            "client_address": entry.client_address,
        }
    )


class _AuditKey(BaseModel):
    seq: int


async def audit_log(
    session: AsyncSession,
    organization_id: str,
    filters: AuditFilters,
    *,
    limit: int,
    cursor: str | None,
) -> Page[AuditEntryOut]:
    """The organisation's audit entries that match, newest first, a page at a time."""
    after = decode_cursor(cursor, _AuditKey)
    query = _query(organization_id, filters).limit(limit + 1)
    if after is not None:
        query = query.where(AuditEntry.seq < after.seq)
    rows = (await session.scalars(query)).all()
    shown, next_cursor = page_of(rows, limit, lambda entry: _AuditKey(seq=entry.seq))
    return Page[AuditEntryOut](items=[entry_out(e) for e in shown], next_cursor=next_cursor)


# Export --------------------------------------------------------------------------------

CSV_COLUMNS = (
    "id",
    "at",
    "actor_kind",
    "actor_id",
    "action",
    "object_type",
    "object_id",
    "subject_id",
    "role",
    "previous_role",
    "detail",
    "client_address",
)


def _csv_lines(rows: Sequence[Sequence[object]]) -> bytes:
    # every cell through core.tabular: one that a spreadsheet would run is quoted
    return tabular.csv_text(rows, lineterminator="\r\n").encode()


async def export_csv(
    database: Database, organization_id: str, filters: AuditFilters
) -> AsyncIterator[bytes]:
    """Every matching entry, newest first, as CSV, read and sent a batch at a time."""
    yield _csv_lines([CSV_COLUMNS])
    after: int | None = None
    while True:
        query = _query(organization_id, filters).limit(EXPORT_BATCH)
        if after is not None:
            query = query.where(AuditEntry.seq < after)
        async with database.session() as session:
            rows = (await session.scalars(query)).all()
        if not rows:
            return
        yield _csv_lines(
            [
                [
                    entry.seq,
                    entry.at.isoformat().replace("+00:00", "Z"),
                    *(getattr(entry, column) for column in CSV_COLUMNS[2:]),
                ]
                for entry in rows
            ]
        )
        if len(rows) < EXPORT_BATCH:
            return
        after = rows[-1].seq
