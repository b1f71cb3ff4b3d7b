"""HTTP basics every service shares: health, readiness, problems, request ids, metrics."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
import structlog
import structlog.testing
from fastapi import FastAPI, Request, status
from prometheus_client import REGISTRY
from pydantic import BaseModel, Field

from backends import free_port
from ecotrack.auth.models import Account
from ecotrack.core.config import Settings
from ecotrack.core.errors import Conflict
from ecotrack.core.http import ReaderDep, SessionDep, install_http_basics
from ecotrack.platform import Platform

SERVICES = ["auth", "users", "carbon", "analytics"]


async def test_gateway_and_every_service_are_alive_and_ready(
    client: httpx.AsyncClient, platform: Platform
) -> None:
    health = await client.get("/healthz")
    assert health.status_code == 200
    assert health.json() == {"status": "ok", "service": "gateway"}

    ready = await client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["checks"] == {"cache": "ok"}
    status = await client.get("/status")
    assert status.json() == {"services": dict.fromkeys(SERVICES, "ok")}

    for name, app in platform.apps.items():
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://svc"
        ) as direct:
            body = (await direct.get("/readyz")).json()
            assert body["checks"] == {"database": "ok", "events": "ok", "cache": "ok"}, name


async def test_readiness_names_the_backend_that_is_down(settings: Settings) -> None:
    broken = settings.model_copy(update={"redis_url": "redis://127.0.0.1:1/0"})
    platform = Platform(broken)
    await platform.migrate()
    app = platform.apps["carbon"]
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://s") as c:
        response = await c.get("/readyz")
    await platform.stop()
    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["cache"].startswith("unreachable")
    assert "cache" in body["detail"]


async def test_the_gateway_stays_ready_when_one_service_is_not(
    client: httpx.AsyncClient, platform: Platform
) -> None:
    # Carbon's pods are gone: nothing listens where the gateway would reach them.
    platform.upstreams.clients["carbon"] = httpx.AsyncClient(
        base_url=f"http://127.0.0.1:{free_port()}"
    )
    assert (await client.get("/readyz")).status_code == 200
    services = (await client.get("/status")).json()["services"]
    assert services["carbon"] == "unreachable: ConnectError"
    assert services["auth"] == "ok"
    assert (await client.get("/api/v1/carbon/activities")).status_code == 503


async def test_unknown_routes_answer_with_problem_documents(client: httpx.AsyncClient) -> None:
    missing = await client.get("/api/v1/carbon/no-such-route")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"
    assert missing.json()["status"] == 404

    no_service = await client.get("/api/v1/nowhere/x")
    assert no_service.status_code == 404
    assert no_service.json()["services"] == sorted(SERVICES)


class Reading(BaseModel):
    value: float = Field(ge=0)


@pytest.fixture
def problem_app() -> FastAPI:
    app = FastAPI()
    install_http_basics(app, "probe", _always_ready)

    @app.post("/readings")
    async def create(reading: Reading) -> Reading:
        return reading

    @app.post("/conflict")
    async def conflict() -> None:
        raise Conflict("already there", existing_id="42")

    @app.post("/upload")
    async def upload(request: Request) -> dict[str, int]:
        return {"bytes": len(await request.body())}

    @app.get("/boom")
    async def boom() -> None:
        raise ZeroDivisionError("a bug")

    return app


async def _always_ready() -> dict[str, str]:
    return {"nothing": "ok"}


async def test_every_error_is_an_rfc9457_problem(problem_app: FastAPI) -> None:
    transport = httpx.ASGITransport(app=problem_app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://p") as c:
        invalid = await c.post("/readings", json={"value": -1})
        malformed = await c.post(
            "/readings", content=b"{not json", headers={"content-type": "application/json"}
        )
        conflict = await c.post("/conflict")
        crash = await c.get("/boom")

    assert invalid.status_code == 422
    body = invalid.json()
    assert body["type"].endswith("/validation-error")
    assert body["errors"][0]["location"] == ["body", "value"]
    assert "greater than or equal to 0" in body["detail"]

    assert malformed.status_code == 422
    assert malformed.headers["content-type"] == "application/problem+json"

    assert conflict.status_code == 409
    assert conflict.json() == {
        "type": "https://ecotrack.dev/problems/conflict",
        "title": "Conflict",
        "status": 409,
        "detail": "already there",
        "instance": "/conflict",
        "existing_id": "42",
    }

    assert crash.status_code == 500
    assert crash.headers["content-type"] == "application/problem+json"
    assert "a bug" not in crash.text, "internals stay in the logs"


async def test_a_client_that_hangs_up_mid_body_is_a_4xx_not_a_500(problem_app: FastAPI) -> None:
    # As when a simulator's upload is cut off by Ctrl-C: the body never completes.
    messages = iter(
        [
            {"type": "http.request", "body": b"half of it", "more_body": True},
            {"type": "http.disconnect"},
        ]
    )
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return next(messages)

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/upload",
        "raw_path": b"/upload",
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"p"), (b"content-length", b"100")],
        "client": ("127.0.0.1", 1234),
        "server": ("p", 80),
    }
    with structlog.testing.capture_logs() as logs:
        await problem_app(scope, receive, send)

    start = next(m for m in sent if m["type"] == "http.response.start")
    assert start["status"] == 400
    assert [entry["event"] for entry in logs if entry["log_level"] == "error"] == []
    assert "http.client_disconnected" in [entry["event"] for entry in logs]


async def test_request_ids_are_kept_or_made_and_reach_the_service(
    client: httpx.AsyncClient,
) -> None:
    given = await client.get("/api/v1/users/nothing", headers={"X-Request-ID": "abc-123"})
    assert given.headers["x-request-id"] == "abc-123"
    made = await client.get("/healthz")
    assert len(made.headers["x-request-id"]) == 32


async def test_metrics_are_exposed_for_prometheus(client: httpx.AsyncClient) -> None:
    await client.get("/healthz")
    metrics = await client.get("/metrics")
    assert metrics.status_code == 200
    assert metrics.headers["content-type"].startswith("text/plain")
    assert 'ecotrack_http_probe_requests_total{path="/healthz",service="gateway",status="200"}' in (
        metrics.text
    )
    assert "ecotrack_outbox_published_total" in metrics.text


async def test_http_series_are_labelled_by_route_template_never_by_raw_path(
    platform: Platform,
) -> None:
    meter = str(uuid.uuid4())
    app = platform.apps["carbon"]
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://c") as c:
        await c.get(f"/api/v1/carbon/meters/{meter}")
        await c.request("BREW", f"/api/v1/carbon/meters/{meter}")
        await c.get(f"/no/such/{meter}")
        await c.get("/readyz")

    def requests(**labels: str) -> float:
        return REGISTRY.get_sample_value("ecotrack_http_requests_total", labels) or 0

    carbon = {"service": "carbon"}
    template = {**carbon, "route": "/api/v1/carbon/meters/{meter_id}"}
    assert requests(**template, method="GET", status="401") >= 1
    assert requests(**template, method="OTHER", status="405") >= 1
    assert requests(**carbon, route="(unmatched)", method="GET", status="404") >= 1
    assert requests(**carbon, route="/readyz", method="GET", status="200") == 0, "probes apart"
    series = [
        sample.labels
        for family in REGISTRY.collect()
        if family.name.startswith("ecotrack_http_")
        for sample in family.samples
    ]
    assert not [labels for labels in series if meter in str(labels)], "a raw id in a label"
    assert {"status_class": "4xx"}.items() <= next(
        labels
        for labels in series
        if labels.get("route") == template["route"] and "status_class" in labels
    ).items()
    assert REGISTRY.get_sample_value("ecotrack_http_requests_in_flight", carbon) == 0


async def test_a_write_is_committed_before_its_success_is_answered(platform: Platform) -> None:
    """A duplicate that only the database catches, at commit, must not answer 201."""
    app = platform.apps["auth"]

    @app.post("/probe/accounts", status_code=status.HTTP_201_CREATED)
    async def add(session: SessionDep) -> dict[str, str]:
        session.add(Account(email="same@example.com", name="x", password_hash="x"))
        return {"status": "created"}

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://a") as c:
        first = await c.post("/probe/accounts")
        with structlog.testing.capture_logs() as logs:
            second = await c.post("/probe/accounts")
    assert first.status_code == 201
    assert second.status_code == 409
    assert second.headers["content-type"] == "application/problem+json"
    # Which constraint, never the value that broke it (PostgreSQL's detail quotes it).
    conflict = next(entry for entry in logs if entry["event"] == "http.integrity_error")
    assert "email" in conflict["constraint"]
    assert "same@example.com" not in str(logs)


async def test_a_read_on_a_connection_the_server_dropped_answers_503_then_recovers(
    platform: Platform, backend_kind: str
) -> None:
    if backend_kind != "real":
        pytest.skip("an embedded SQLite file has no server to drop a connection")
    app = platform.apps["analytics"]

    @app.get("/probe/backend")
    async def which(reader: ReaderDep) -> dict[str, int]:
        return {"pid": (await reader.execute(sa.text("SELECT pg_backend_pid()"))).scalar_one()}

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://a") as c:
        first = await c.get("/probe/backend")
        pid = first.json()["pid"]
        async with platform.runtimes["analytics"].database.session() as session:
            await session.execute(sa.text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        lost = await c.get("/probe/backend")
        again = await c.get("/probe/backend")
    assert lost.status_code == 503
    assert lost.headers["retry-after"] == "1"
    assert lost.headers["content-type"] == "application/problem+json"
    assert again.status_code == 200
    assert again.json()["pid"] != pid
