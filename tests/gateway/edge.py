"""Serving apps over real HTTP as ``ecotrack up`` and ``ecotrack serve`` do, for edge tests."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import uvicorn
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from backends import free_port
from ecotrack.core.config import Settings
from ecotrack.core.http import server_config


class Received:
    """Wraps an ASGI app and counts the request-body bytes the app took from the server."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.bytes = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def counted() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                self.bytes += len(message.get("body", b""))
            return message

        await self.app(scope, counted, send)


@asynccontextmanager
async def served(app: Any, settings: Settings, **options: Any) -> AsyncIterator[str]:
    """``app`` under uvicorn, configured as the ``ecotrack`` command configures it."""
    config = server_config(app, settings, free_port(), **({"host": "127.0.0.1"} | options))
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    try:
        deadline = time.monotonic() + 60
        while not server.started:
            assert not task.done(), "the server stopped while starting"
            assert time.monotonic() < deadline, "the server did not start in 60 s"
            await asyncio.sleep(0.02)
        yield f"http://127.0.0.1:{server.config.port}"
    finally:
        server.should_exit = True
        await asyncio.wait_for(task, 60)
