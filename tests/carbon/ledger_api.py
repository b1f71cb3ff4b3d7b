"""Helpers for the ledger tests: bodies, and the events Carbon wrote to its outbox."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from carbon_api import API

from ecotrack.carbon.models import messaging
from ecotrack.platform import Platform

GAS_KWH_GB_2024 = 0.1829  # DESNZ 2024 natural gas, gross CV, kg CO2e/kWh
GRID_GB_2024 = 0.20705  # DESNZ 2024 UK electricity, kg CO2e/kWh


def gas(quantity: float = 1200, **extra: Any) -> dict[str, Any]:
    """Natural gas burnt in GB in January 2024."""
    return {
        "activity": "fuel.natural_gas",
        "quantity": quantity,
        "unit": "kWh",
        "region": "GB",
        "year": 2024,
        "period_start": "2024-01-01",
        "period_end": "2024-01-31",
        **extra,
    }


def close(expected: float) -> Any:
    return pytest.approx(expected, rel=1e-9)


async def created(carbon: httpx.AsyncClient, path: str, body: Any, headers: Any) -> Any:
    answer = await carbon.post(f"{API}/{path}", json=body, headers=headers)
    assert answer.status_code == 201, answer.text
    return answer.json()


async def outbox(platform: Platform, prefix: str = "") -> list[tuple[str, dict[str, Any]]]:
    """(type, data) of every event Carbon has written, oldest first."""
    table = messaging.outbox
    async with platform.runtimes["carbon"].database.session() as session:
        rows = await session.execute(
            sa.select(table.c.event_type, table.c.payload)
            .where(table.c.event_type.startswith(prefix))
            .order_by(table.c.seq)
        )
        return [(kind, json.loads(payload)["data"]) for kind, payload in rows]
