"""The servers run on uvloop and parse HTTP with httptools, as ``ecotrack up``/``serve`` do."""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import AsyncIterator

import httpx
import uvicorn
import uvloop
from fastapi import FastAPI
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from backends import free_port
from ecotrack.core.config import Settings
from ecotrack.core.http import server_config, server_loop


def test_servers_parse_http_with_httptools(settings: Settings) -> None:
    config = server_config(FastAPI(), settings, 0)
    config.load()
    assert config.http_protocol_class is HttpToolsProtocol


def test_servers_keep_idle_connections_longer_than_their_clients_do(settings: Settings) -> None:
    """httpx drops an idle connection after 5 s (the gateway's upstream pools, most API
    clients), NGINX Ingress after 60 s: the server must not close first."""
    config = server_config(FastAPI(), settings, 0)
    assert config.timeout_keep_alive > max(httpx.Limits().keepalive_expiry or 0, 60)


def test_servers_run_on_uvloop() -> None:
    factory = server_loop()
    assert factory is not None
    with asyncio.Runner(loop_factory=factory) as runner:
        assert isinstance(runner.get_loop(), uvloop.Loop)


async def test_a_request_that_never_ends_does_not_hold_the_shutdown(settings: Settings) -> None:
    """Past the grace period the request is cancelled and the app's own shutdown runs."""
    started, stopped = asyncio.Event(), asyncio.Event()

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        stopped.set()

    app = FastAPI(lifespan=lifespan)

    @app.get("/forever")
    async def forever() -> None:
        started.set()
        await asyncio.Event().wait()

    quick = settings.model_copy(update={"shutdown_grace_s": 0.2})
    server = _Server(server_config(app, quick, free_port()))
    serving = asyncio.create_task(server.serve())
    await server.listening.wait()
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{server.config.port}") as http:
        hanging = asyncio.create_task(http.get("/forever"))
        await started.wait()
        server.should_exit = True
        await asyncio.wait_for(serving, 30)
        hanging.cancel()
    assert stopped.is_set()


class _Server(uvicorn.Server):
    def __init__(self, config: uvicorn.Config) -> None:
        super().__init__(config)
        self.listening = asyncio.Event()

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        self.listening.set()
