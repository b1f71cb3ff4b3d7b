"""The servers run on uvloop and parse HTTP with httptools, as ``ecotrack up``/``serve`` do."""

from __future__ import annotations

import asyncio

import uvloop
from fastapi import FastAPI
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from ecotrack.core.config import Settings
from ecotrack.core.http import server_config, server_loop


def test_servers_parse_http_with_httptools(settings: Settings) -> None:
    config = server_config(FastAPI(), settings, 0)
    config.load()
    assert config.http_protocol_class is HttpToolsProtocol


def test_servers_run_on_uvloop() -> None:
    factory = server_loop()
    assert factory is not None
    with asyncio.Runner(loop_factory=factory) as runner:
        assert isinstance(runner.get_loop(), uvloop.Loop)
