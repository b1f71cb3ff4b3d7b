"""Events Analytics publishes for the audit log (families ``webhook`` and ``report``).

Each is written through Analytics' outbox with the envelope's ``actor`` (who, from which
address), in the transaction of the change, or, for an export (a read), of the request
that serves it. The fields are the contract in docs/events.md. ``anomaly.detected`` and
``target.off_track`` are written where they are detected (projection.py, targets.py).
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel

SOURCE = "analytics"
WEBHOOK_CREATED = "webhook.created"
WEBHOOK_DELETED = "webhook.deleted"
REPORT_EXPORTED = "report.exported"


class WebhookChanged(BaseModel):
    """Data of ``webhook.created`` and ``webhook.deleted``.

    Only the target's host: a webhook URL's path or query often is a secret of its own.
    """

    webhook_id: str
    organization_id: str
    host: str
    event_types: list[str]
    changed_by: str


class ReportExported(BaseModel):
    export_id: str
    organization_id: str
    report: Literal["inventory", "calculations"]
    format: Literal["csv", "pdf"]
    year: int
    base_year: int | None
    exported_by: str
    exported_at: datetime
