"""Whose address a request has: the socket's peer, unless a trusted proxy names the client.

A client that sends its own X-Forwarded-For must not get a fresh rate-limit bucket per
request, nor write what it likes into the audit log. Only the proxies configured in
``ECOTRACK_TRUSTED_PROXIES`` are believed (the rightmost address that is not one of them
is the client), and between the gateway and a service, only the gateway's signature.
"""

from __future__ import annotations

import time
import uuid
from ipaddress import ip_network

import httpx
import pytest
from edge import served
from fastapi import FastAPI, Request

from accounts import bearer, log_in, profile_ready, sign_up, token_when
from backends import wait_for
from ecotrack.core.config import Settings
from ecotrack.core.http import client_address, install_http_basics, sign_forwarded_for
from ecotrack.platform import Platform
from hosting import gateway_client, running_platform

LOOPBACK = [ip_network("127.0.0.1/32")]
TRUSTED = pytest.mark.parametrize("trusted", [False, True], ids=["no-proxies", "peer-trusted"])


def _forged(n: int) -> dict[str, str]:
    return {"X-Forwarded-For": f"203.0.113.{n}"}


@TRUSTED
async def test_a_forged_forwarded_for_does_not_escape_the_per_address_limits(
    settings: Settings, trusted: bool
) -> None:
    """Over real HTTP on loopback, as `ecotrack up` serves (uvicorn believes no header)."""
    configured = settings.model_copy(
        update={
            "rate_limit_address": "5/minute",
            "login_rate_limit_address": "2/minute",
            "trusted_proxies": LOOPBACK if trusted else [],
        }
    )
    platform = Platform(configured)
    await platform.migrate()
    async with (
        served(platform.gateway, configured) as base,
        httpx.AsyncClient(base_url=base) as http,
    ):
        logins = [
            await http.post(
                "/api/v1/auth/token",
                data={"username": f"{uuid.uuid4().hex}@example.com", "password": "wrong"},
                headers=_forged(n),
            )
            for n in range(3)
        ]
        # Three requests so far from this address at the gateway; its limit is five.
        reads = [
            await http.get("/api/v1/carbon/facilities", headers=_forged(10 + n)) for n in range(3)
        ]
    if trusted:
        # The peer is a trusted proxy: each forwarded address is a client of its own.
        assert [a.status_code for a in logins] == [401, 401, 401]
        assert [a.status_code for a in reads] == [401, 401, 401]
        return
    assert [a.status_code for a in logins] == [401, 401, 429]
    assert "too many login attempts" in logins[-1].json()["detail"]
    assert [a.status_code for a in reads] == [401, 401, 429]
    assert reads[-1].json()["limit_scope"] == "address"


@TRUSTED
async def test_the_audit_log_records_the_address_the_gateway_established(
    settings: Settings, trusted: bool
) -> None:
    configured = settings.model_copy(update={"trusted_proxies": LOOPBACK if trusted else []})
    async with running_platform(configured) as platform, gateway_client(platform) as client:
        email = f"{uuid.uuid4().hex[:10]}@example.com"
        await sign_up(client, email)
        first = await log_in(client, email)
        await wait_for(lambda: profile_ready(client, first["access_token"]), within=60)
        chain = {"X-Forwarded-For": "198.51.100.1, 203.0.113.9"}
        created = await client.post(
            "/api/v1/users/organizations",
            json={"name": "Forwarded Ltd"},
            headers={**bearer(first["access_token"]), **chain},
        )
        assert created.status_code == 201, created.text
        organization_id = created.json()["id"]
        owner = await token_when(client, email, organization_id, "owner")
        log = await client.get(
            f"/api/v1/users/organizations/{organization_id}/audit-log",
            headers=bearer(owner["access_token"]),
        )
    entries = log.json()["items"]
    assert entries, log.text
    # httpx's ASGI transport is the peer, 127.0.0.1. Trusted, it is skipped and the
    # rightmost untrusted address in the chain is the client, not the first (forgeable) one.
    expected = "203.0.113.9" if trusted else "127.0.0.1"
    assert {entry["client_address"] for entry in entries} == {expected}


def _address_app(settings: Settings, *, behind_gateway: bool) -> FastAPI:
    app = FastAPI()
    install_http_basics(app, "probe", _ready, settings, behind_gateway=behind_gateway)

    @app.get("/whoami")
    async def whoami(request: Request) -> dict[str, str]:
        return {"address": client_address(request)}

    return app


async def _ready() -> dict[str, str]:
    return {}


async def _address(app: FastAPI, headers: dict[str, str], peer: str = "127.0.0.1") -> str:
    transport = httpx.ASGITransport(app=app, client=(peer, 4711))
    async with httpx.AsyncClient(transport=transport, base_url="http://probe") as http:
        address: str = (await http.get("/whoami", headers=headers)).json()["address"]
        return address


async def test_the_rules_for_whose_address_a_request_has() -> None:
    secret = "s" * 40
    settings = Settings(secret_key=secret, trusted_proxies="10.0.0.0/8, 127.0.0.1")
    service = _address_app(settings.model_copy(update={"trusted_proxies": []}), behind_gateway=True)
    # A service believes the gateway's signature, and nothing else.
    assert await _address(service, sign_forwarded_for("203.0.113.5", secret)) == "203.0.113.5"
    assert await _address(service, {"X-Forwarded-For": "203.0.113.5"}) == "127.0.0.1"
    other = sign_forwarded_for("203.0.113.5", "another secret of forty characters......")
    assert await _address(service, other) == "127.0.0.1"
    stale = sign_forwarded_for("203.0.113.5", secret, now=time.time() - 120)
    assert await _address(service, stale) == "127.0.0.1"
    moved = {**sign_forwarded_for("203.0.113.5", secret), "x-forwarded-for": "203.0.113.6"}
    assert await _address(service, moved) == "127.0.0.1"

    # The gateway: the rightmost address that is not a trusted proxy, if the peer is one.
    gateway = _address_app(settings, behind_gateway=False)
    chain = {"X-Forwarded-For": "198.51.100.1, 203.0.113.9, 10.1.2.3"}
    assert await _address(gateway, chain) == "203.0.113.9"
    assert await _address(gateway, chain, peer="10.9.9.9") == "203.0.113.9"
    assert await _address(gateway, chain, peer="192.0.2.1") == "192.0.2.1", "untrusted peer"
    assert await _address(gateway, {"X-Forwarded-For": "not-an-address"}) == "127.0.0.1"
    assert await _address(gateway, sign_forwarded_for("203.0.113.5", secret)) == "203.0.113.5", (
        "from a trusted proxy the header is believed"
    )
    assert await _address(gateway, sign_forwarded_for("203.0.113.5", secret), peer="192.0.2.1") == (
        "192.0.2.1"
    ), "the gateway takes no signature from its clients"
    assert settings.trusted_proxies == [ip_network("10.0.0.0/8"), ip_network("127.0.0.1/32")]
