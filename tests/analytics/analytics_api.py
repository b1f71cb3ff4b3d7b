"""Carbon's events as the contract defines them, and waiting for Analytics to apply them."""

from __future__ import annotations

import itertools
import uuid
from datetime import date
from typing import Any

import sqlalchemy as sa

from backends import wait_for
from ecotrack.analytics import projection
from ecotrack.analytics.models import messaging
from ecotrack.core.config import Settings
from ecotrack.core.events import Event
from ecotrack.core.security import Identity, Role, sign_identity
from ecotrack.platform import Platform

API = "/api/v1/analytics"
_sequence = itertools.count(1)


def as_member(settings: Settings, organization_id: str, role: Role = Role.ADMIN) -> dict[str, str]:
    """The headers the gateway would send for a member of ``organization_id``."""
    identity = Identity(subject="user-1", kind="user", organization_id=organization_id, role=role)
    return sign_identity(identity, settings.secret_key.get_secret_value())


def activity(
    organization_id: str,
    *,
    co2e_kg: float,
    start: date,
    end: date | None = None,
    scope: int = 1,
    category: int | None = None,
    facility_id: str | None = "site-1",
    activity_id: str | None = None,
    version: int = 1,
    market_based_kg: float | None = None,
    kind: str = "activity.recorded",
    citation: str = "DESNZ (2024) Greenhouse gas reporting: conversion factors 2024",
) -> Event:
    """An activity event as Carbon publishes it, with CO2, CH4 and N2O shares."""
    data: dict[str, Any] = {
        "activity_id": activity_id or f"act-{next(_sequence)}-{uuid.uuid4().hex[:6]}",
        "version": version,
        "supersedes": version - 1 or None,
        "organization_id": organization_id,
        "facility_id": facility_id,
        "activity": "electricity.grid" if scope == 2 else "fuel.natural_gas",
        "quantity": co2e_kg * 5,
        "unit": "kWh",
        "period_start": start.isoformat(),
        "period_end": (end or start).isoformat(),
        "scope": scope,
        "category": category,
        "co2e_kg": co2e_kg,
        "location_based_kg": co2e_kg if scope == 2 else None,
        "market_based_kg": (market_based_kg if market_based_kg is not None else co2e_kg)
        if scope == 2
        else None,
        "gases": {
            "CO2": {"mass_kg": co2e_kg * 0.98, "co2e_kg": co2e_kg * 0.98},
            "CH4": {"mass_kg": None, "co2e_kg": co2e_kg * 0.015},
            "N2O": {"mass_kg": None, "co2e_kg": co2e_kg * 0.005},
        },
        "gwp": "AR5",
        "factor": {
            "id": "desnz-2024:fuel.natural_gas:GB:gross:kWh",
            "value": 0.2,
            "unit": "kWh",
            "dataset": "desnz",
            "version": "2024 v1.1",
            "year": 2024,
            "region": "GB",
            "citation": citation,
            "licence": "OGL-3.0",
        },
        "source": "manual",
        "recorded_by": "user-1",
        "recorded_at": "2026-01-01T00:00:00Z",
    }
    return Event.new(kind, source="carbon", tenant=organization_id, data=data)


def deleted(previous: Event) -> Event:
    data = previous.data
    return Event.new(
        "activity.deleted",
        source="carbon",
        tenant=previous.tenant,
        data={
            "activity_id": data["activity_id"],
            "version": data["version"] + 1,
            "supersedes": data["version"],
            "organization_id": data["organization_id"],
            "recorded_by": "user-1",
            "recorded_at": "2026-01-02T00:00:00Z",
        },
    )


def reading_batch(organization_id: str, meter_id: str, hours: list[tuple[str, float]]) -> Event:
    return Event.new(
        "reading.batch_ingested",
        source="carbon",
        tenant=organization_id,
        data={
            "batch_id": uuid.uuid4().hex,
            "organization_id": organization_id,
            "meter_id": meter_id,
            "facility_id": "site-1",
            "kind": "electricity",
            "unit": "kWh",
            "hours": [
                {"hour": hour, "count": 4, "sum": value, "min": value / 4, "max": value / 4}
                for hour, value in hours
            ],
        },
    )


async def applied(platform: Platform, events: list[Event], group: str = projection.GROUP) -> None:
    """Wait until Analytics' consumer ``group`` has applied every one of ``events``."""
    runtime = platform.runtimes["analytics"]
    processed = messaging.processed_events
    ids = {str(event.id) for event in events}

    async def done() -> bool:
        async with runtime.database.session() as session:
            count = await session.scalar(
                sa.select(sa.func.count()).where(
                    processed.c.consumer_group == group, processed.c.event_id.in_(ids)
                )
            )
        return count == len(ids)

    await wait_for(done, within=60)


async def publish(platform: Platform, events: list[Event]) -> None:
    await platform.backends.transport.publish(events)
    await applied(platform, events)
