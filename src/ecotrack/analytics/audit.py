"""What Analytics tells the audit log: webhooks created or deleted, reports exported.

Each function writes its event to the outbox in the caller's unit of work: a webhook's
with the change itself; an export's (a read) in the request's own short transaction,
which commits as the export is served (docs/events.md).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Literal
from urllib.parse import urlsplit

from sqlalchemy.ext.asyncio import AsyncSession

from ecotrack.analytics import events
from ecotrack.analytics.models import WebhookEndpoint
from ecotrack.core.events import Event
from ecotrack.core.events.envelope import Actor
from ecotrack.core.events.outbox import Outbox


async def webhook_changed(
    session: AsyncSession, outbox: Outbox, event_type: str, endpoint: WebhookEndpoint, by: Actor
) -> None:
    await outbox.add(
        session,
        Event.new(
            event_type,
            source=events.SOURCE,
            tenant=endpoint.organization_id,
            actor=by,
            data=events.WebhookChanged(
                webhook_id=endpoint.id,
                organization_id=endpoint.organization_id,
                host=urlsplit(endpoint.url).hostname or "",
                event_types=list(endpoint.event_types),
                changed_by=by.id,
            ),
        ),
    )


async def report_exported(
    session: AsyncSession,
    outbox: Outbox,
    organization_id: str,
    by: Actor,
    *,
    report: Literal["inventory", "calculations"],
    format: Literal["csv", "pdf"],
    year: int,
    base_year: int | None = None,
) -> None:
    await outbox.add(
        session,
        Event.new(
            events.REPORT_EXPORTED,
            source=events.SOURCE,
            tenant=organization_id,
            actor=by,
            data=events.ReportExported(
                export_id=str(uuid.uuid4()),
                organization_id=organization_id,
                report=report,
                format=format,
                year=year,
                base_year=base_year,
                exported_by=by.id,
                exported_at=datetime.now(UTC),
            ),
        ),
    )
