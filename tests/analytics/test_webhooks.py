"""Webhooks delivered to a real HTTP receiver: signed, retried, then marked failed."""

from __future__ import annotations

import hashlib
import hmac
import time
from typing import Any

import httpx
import pytest
from analytics_api import API, as_member
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from backends import serving, wait_for
from ecotrack.analytics import webhooks
from ecotrack.core.config import Settings
from ecotrack.core.events import Event
from ecotrack.platform import Platform


def _receiver(status: int, received: list[dict[str, Any]]) -> Starlette:
    async def hook(request: Request) -> Response:
        received.append({"headers": dict(request.headers), "body": await request.body()})
        return Response(status_code=status)

    return Starlette(routes=[Route("/hook", hook, methods=["POST"])])


def _verified(secret: str, headers: dict[str, str], body: bytes) -> bool:
    parts = dict(part.split("=", 1) for part in headers["ecotrack-signature"].split(","))
    expected = hmac.new(secret.encode(), f"{parts['t']}.".encode() + body, hashlib.sha256)
    fresh = abs(time.time() - int(parts["t"])) < 300
    return fresh and hmac.compare_digest(parts["v1"], expected.hexdigest())


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(webhooks, "MAX_ATTEMPTS", 3)
    monkeypatch.setattr(webhooks, "BACKOFF_S", 0.05)
    monkeypatch.setattr(webhooks, "POLL_S", 0.05)


async def _register(analytics: httpx.AsyncClient, headers: dict[str, str], url: str) -> Any:
    created = await analytics.post(
        f"{API}/webhooks", json={"url": url, "event_types": ["period.closed"]}, headers=headers
    )
    assert created.status_code == 201, created.text
    return created.json()


def _closed(org: str) -> Event:
    return Event.new(
        "period.closed",
        source="carbon",
        tenant=org,
        data={"organization_id": org, "period": "2024", "closed_by": "user-1"},
    )


async def test_a_delivery_is_signed_and_a_failing_receiver_is_retried_then_failed(
    platform: Platform, analytics: httpx.AsyncClient, settings: Settings
) -> None:
    org = "org-hooks"
    headers = as_member(settings, org)
    good: list[dict[str, Any]] = []
    bad: list[dict[str, Any]] = []
    async with serving(_receiver(204, good)) as good_url, serving(_receiver(500, bad)) as bad_url:
        ok = await _register(analytics, headers, f"{good_url}/hook")
        failing = await _register(analytics, headers, f"{bad_url}/hook")
        assert len(ok["secret"]) == 64
        listed = (await analytics.get(f"{API}/webhooks", headers=headers)).json()
        assert all("secret" not in hook for hook in listed)

        event = _closed(org)
        await platform.backends.transport.publish([event, _closed("org-elsewhere")])

        async def log_of(hook: Any, status: str) -> Any:
            answer = await analytics.get(f"{API}/webhooks/{hook['id']}/deliveries", headers=headers)
            rows = answer.json()
            return rows if rows and rows[0]["status"] == status else None

        (delivered,) = await wait_for(lambda: log_of(ok, "delivered"))
        (failed,) = await wait_for(lambda: log_of(failing, "failed"))

    assert delivered["attempts"] == 1
    (request,) = good
    assert request["headers"]["ecotrack-event-type"] == "period.closed"
    assert _verified(ok["secret"], request["headers"], request["body"])
    assert not _verified(failing["secret"], request["headers"], request["body"])
    assert Event.from_json(request["body"]).id == event.id

    assert (failed["attempts"], failed["last_status_code"]) == (3, 500)
    assert failed["last_error"] == "HTTP 500"
    assert len(bad) == 3

    other = as_member(settings, "org-other")
    assert (await analytics.get(f"{API}/webhooks/{ok['id']}", headers=other)).status_code == 404
    assert (
        await analytics.delete(f"{API}/webhooks/{ok['id']}", headers=headers)
    ).status_code == 204
