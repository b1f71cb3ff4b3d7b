"""Bodies stream through the gateway in both directions, a chunk at a time.

The gateway runs as ``ecotrack serve gateway`` runs it, over real HTTP, in front of an
upstream that shows what it has received and sent: the client gets the answer's first
chunk while the upstream still holds back the rest, and the upstream gets the request's
first chunk while the client still holds back the rest. A gateway that read whole
bodies before passing them on would wait forever on both (the waits below time out).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import httpx
import pytest
from edge import served
from starlette.types import Receive, Scope, Send

from ecotrack.core.config import Settings
from ecotrack.platform import gateway_with_remote_upstreams

WAIT_S = 30


@dataclass
class Upstream:
    """An upstream whose body reading and sending the test paces."""

    request_started: asyncio.Event = field(default_factory=asyncio.Event)
    answer_may_end: asyncio.Event = field(default_factory=asyncio.Event)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await receive()  # startup
            await send({"type": "lifespan.startup.complete"})
            await receive()  # shutdown
            await send({"type": "lifespan.shutdown.complete"})
            return
        headers = [(b"content-type", b"application/octet-stream")]
        if scope["path"] == "/api/v1/carbon/upload":
            received = 0
            while True:
                message = await receive()
                received += len(message.get("body", b""))
                if received:
                    self.request_started.set()
                if not message.get("more_body"):
                    break
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            await send({"type": "http.response.body", "body": str(received).encode()})
            return
        # /api/v1/carbon/download, and /readyz
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": b"first", "more_body": True})
        if scope["path"] == "/api/v1/carbon/download":
            await self.answer_may_end.wait()
        await send({"type": "http.response.body", "body": b"last"})


@dataclass
class Front:
    gateway_url: str
    upstream: Upstream


@pytest.fixture
async def front(settings: Settings) -> AsyncIterator[Front]:
    upstream = Upstream()
    async with served(upstream, settings) as upstream_url:
        urls = {f"{name}_url": upstream_url for name in ("auth", "users", "carbon", "analytics")}
        gateway = gateway_with_remote_upstreams(settings.model_copy(update=urls))
        async with served(gateway, settings) as gateway_url:
            yield Front(gateway_url, upstream)


async def test_the_answer_reaches_the_client_while_the_upstream_is_still_sending(
    front: Front,
) -> None:
    async with (
        httpx.AsyncClient(base_url=front.gateway_url, timeout=WAIT_S) as http,
        http.stream("GET", "/api/v1/carbon/download") as answer,
    ):
        assert answer.status_code == 200
        chunks = answer.aiter_raw()
        first = await asyncio.wait_for(anext(chunks), WAIT_S)
        assert first == b"first", "the answer's first chunk, before the upstream sent the rest"
        front.upstream.answer_may_end.set()
        assert b"".join([chunk async for chunk in chunks]) == b"last"


async def test_the_request_reaches_the_upstream_while_the_client_is_still_sending(
    front: Front,
) -> None:
    async def body() -> AsyncIterator[bytes]:
        yield b"x" * 1000
        await asyncio.wait_for(front.upstream.request_started.wait(), WAIT_S)
        yield b"y" * 500

    async with httpx.AsyncClient(base_url=front.gateway_url, timeout=WAIT_S) as http:
        answer = await http.post("/api/v1/carbon/upload", content=body())
    assert answer.status_code == 200
    assert answer.text == "1500"
