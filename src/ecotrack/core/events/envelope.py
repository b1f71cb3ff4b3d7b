"""The one event envelope every service publishes, shaped after CloudEvents 1.0.

``tenant`` orders a tenant's events (it is the Kafka key); ``traceparent`` carries the
W3C trace context across the bus so a consumer's span joins the writer's trace; ``actor``
says who made the change an audited event records, and from which address.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Literal
from uuid import UUID, uuid4

from opentelemetry.propagate import inject
from pydantic import BaseModel, ConfigDict, Field


class Actor(BaseModel):
    """Who made an audited change: a person or an API key, and the client's address.

    Service-agnostic on purpose: the gateway-verified identity's subject and kind, and the
    address the gateway saw (``core.http.client_address``); ``None`` when not known.
    """

    model_config = ConfigDict(frozen=True)

    id: str = Field(description="The person's or the API key's id")
    kind: Literal["user", "api_key"]
    address: str | None = Field(default=None, description="The client's address")


class Event(BaseModel):
    model_config = ConfigDict(frozen=True)

    specversion: Literal["1.0"] = "1.0"
    id: UUID = Field(default_factory=uuid4)
    type: str = Field(pattern=r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")
    version: int = Field(default=1, ge=1, description="Version of the payload's schema.")
    source: str
    tenant: str | None = None
    time: datetime = Field(default_factory=lambda: datetime.now(UTC))
    traceparent: str | None = None
    actor: Actor | None = Field(
        default=None, description="Who made the change, on events the audit log records"
    )
    data: dict[str, Any] = Field(default_factory=dict)

    @property
    def family(self) -> str:
        """The event family (``activity`` for ``activity.recorded``): one topic each."""
        return self.type.split(".", 1)[0]

    @classmethod
    def new(
        cls,
        type: str,
        *,
        source: str,
        tenant: str | None,
        data: BaseModel | dict[str, Any],
        version: int = 1,
        actor: Actor | None = None,
    ) -> Event:
        """An event stamped with the caller's current trace context (and ``actor``, if any)."""
        carrier: dict[str, str] = {}
        inject(carrier)
        payload = data.model_dump(mode="json") if isinstance(data, BaseModel) else data
        return cls(
            type=type,
            version=version,
            source=source,
            tenant=tenant,
            traceparent=carrier.get("traceparent"),
            actor=actor,
            data=payload,
        )

    def to_json(self) -> bytes:
        return self.model_dump_json().encode()

    @classmethod
    def from_json(cls, raw: bytes | str) -> Event:
        return cls.model_validate_json(raw)
