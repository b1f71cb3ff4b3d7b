"""The deletion saga's shared protocol: Users coordinates, every data-holding service erases.

Users publishes ``deletion.requested`` (again, with a higher ``attempt``, while a step
stays unconfirmed). Each participant erases or anonymises what it holds about the
subject, idempotently, and in the same transaction publishes ``deletion.confirmed``.
The deletion is complete only when every participant has confirmed.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Literal

import sqlalchemy as sa
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from ecotrack.core.events import Event
from ecotrack.core.events.outbox import Outbox
from ecotrack.core.runtime import EventSubscription

FAMILY = "deletion"
DELETION_REQUESTED = "deletion.requested"
DELETION_CONFIRMED = "deletion.confirmed"

SubjectKind = Literal["organization", "user"]


class DeletionRequested(BaseModel):
    saga_id: str
    subject_kind: SubjectKind
    subject_id: str
    attempt: int = 1


class DeletionConfirmed(BaseModel):
    saga_id: str
    service: str
    subject_kind: SubjectKind
    subject_id: str


Eraser = Callable[[AsyncSession, DeletionRequested], Awaitable[None]]


def tenant_rows_eraser(metadata: sa.MetaData, column: str = "organization_id") -> Eraser:
    """Erase an organisation's rows from every table of ``metadata`` that has ``column``.

    For services whose data about an organisation is all keyed by it, and that hold
    nothing about a person beyond ids in such rows.
    """

    async def erase(session: AsyncSession, request: DeletionRequested) -> None:
        if request.subject_kind != "organization":
            return
        for table in reversed(metadata.sorted_tables):
            if column in table.c:
                await session.execute(sa.delete(table).where(table.c[column] == request.subject_id))

    return erase


def deletion_participant(service: str, outbox_table: sa.Table, erase: Eraser) -> EventSubscription:
    """The consumer group through which ``service`` takes part in deletions."""
    outbox = Outbox(outbox_table)

    async def handle(session: AsyncSession, event: Event) -> None:
        if event.type != DELETION_REQUESTED:
            return
        request = DeletionRequested.model_validate(event.data)
        await erase(session, request)
        confirmation = DeletionConfirmed(
            saga_id=request.saga_id,
            service=service,
            subject_kind=request.subject_kind,
            subject_id=request.subject_id,
        )
        await outbox.add(
            session,
            Event.new(DELETION_CONFIRMED, source=service, tenant=event.tenant, data=confirmation),
        )

    return EventSubscription(group=f"{service}.deletion", families=(FAMILY,), handler=handle)
