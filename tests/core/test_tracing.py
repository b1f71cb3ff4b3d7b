"""Traces cross the event bus: a consumer's span continues the writer's trace."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import httpx
import pytest
from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from backends import wait_for
from ecotrack.platform import Platform


@pytest.fixture
def exporter() -> Iterator[InMemorySpanExporter]:
    """The spans the process finishes from now on, kept in memory."""
    provider = trace.get_tracer_provider()
    assert isinstance(provider, TracerProvider)
    kept = InMemorySpanExporter()
    provider.add_span_processor(SimpleSpanProcessor(kept))
    yield kept
    kept.shutdown()


async def test_the_consumer_span_joins_the_trace_of_the_request_that_wrote_the_event(
    client: httpx.AsyncClient, exporter: InMemorySpanExporter
) -> None:
    signup = await client.post(
        "/api/v1/auth/signup",
        json={"email": "traced@example.com", "password": "correct horse battery", "name": "T"},
    )
    assert signup.status_code == 202

    async def consumer_span() -> list:  # type: ignore[type-arg]
        spans = exporter.get_finished_spans()
        return [s for s in spans if s.name == "consume account.registered"]

    (consumer,) = await wait_for(consumer_span, within=60)
    request_spans = [  # Auth's, inside the gateway's under ``ecotrack up``
        s
        for s in exporter.get_finished_spans()
        if s.attributes and s.attributes.get("http.route") == "/api/v1/auth/signup"
    ]
    assert request_spans, [s.name for s in exporter.get_finished_spans()]
    assert consumer.context.trace_id == request_spans[0].context.trace_id
    assert consumer.attributes["messaging.consumer.group.name"] == "users.accounts"


async def test_server_spans_are_named_by_route_template_never_by_raw_path(
    client: httpx.AsyncClient, platform: Platform, exporter: InMemorySpanExporter
) -> None:
    meter = str(uuid.uuid4())
    carbon = httpx.ASGITransport(app=platform.apps["carbon"])
    async with httpx.AsyncClient(transport=carbon, base_url="http://carbon") as direct:
        await direct.get(f"/api/v1/carbon/meters/{meter}")
    await client.get(f"/api/v1/carbon/meters/{meter}")  # the gateway refuses it, 401
    servers = [s for s in exporter.get_finished_spans() if s.kind == trace.SpanKind.SERVER]
    names = {span.name for span in servers}
    assert names == {"GET /api/v1/carbon/meters/{meter_id}", "GET /api/v1/{service}/{path}"}
    routes = {span.attributes.get("http.route") for span in servers if span.attributes}
    assert routes == {"/api/v1/carbon/meters/{meter_id}", "/api/v1/{service}/{path}"}
    assert not [name for name in names if meter in name]
