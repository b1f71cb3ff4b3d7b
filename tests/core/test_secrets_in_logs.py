"""No log level shows a secret: at DEBUG, drivers would log statements with their values.

The platform's own logging setup (configure_telemetry, with ECOTRACK_LOG_LEVEL=DEBUG) is
captured while a person signs up, logs in, enrols TOTP, creates an API key and a
webhook through the gateway; none of the secrets, their stored hashes, the tokens or the
e-mail address may appear in what was written, and the lines of a request name its
organisation (its id) instead.
"""

from __future__ import annotations

import io
import json
import logging
import sys
import uuid
from collections.abc import Iterator, Sequence
from ipaddress import ip_address

import httpx
import pyotp
import pytest
import sqlalchemy as sa
import structlog

from accounts import PASSWORD, bearer, grant_membership, log_in, sign_up
from ecotrack.analytics import egress
from ecotrack.analytics.models import WebhookEndpoint
from ecotrack.auth.models import Account, ApiKey, RefreshToken
from ecotrack.core import telemetry
from ecotrack.core.config import Settings
from ecotrack.platform import Platform


@pytest.fixture
def captured(monkeypatch: pytest.MonkeyPatch) -> Iterator[io.StringIO]:
    """What the platform's log handler writes, set up afresh; the process's is restored."""
    stream = io.StringIO()
    root = logging.getLogger()
    saved_handlers, saved_level = root.handlers[:], root.level
    saved_levels = {
        name: logger.level
        for name, logger in logging.root.manager.loggerDict.items()
        if isinstance(logger, logging.Logger)
    }
    saved_structlog = structlog.get_config()
    monkeypatch.setattr(sys, "stderr", stream)
    monkeypatch.setattr(telemetry, "_configured", False)
    yield stream
    structlog.configure(**saved_structlog)
    root.handlers, root.level = saved_handlers, saved_level
    for name, level in saved_levels.items():
        logging.getLogger(name).setLevel(level)


@pytest.fixture
def settings(settings: Settings, captured: io.StringIO) -> Settings:
    return settings.model_copy(update={"log_level": "DEBUG"})


@pytest.fixture(autouse=True)
def public_receiver(monkeypatch: pytest.MonkeyPatch) -> None:
    """The webhook's host resolves to a public address without DNS (nothing is sent)."""

    async def resolve(host: str, port: int) -> Sequence[egress.IPAddress]:
        return [ip_address("93.184.215.14")]

    monkeypatch.setattr(egress, "resolve", resolve)


async def test_debug_logs_carry_no_secret_token_hash_or_address(
    client: httpx.AsyncClient, platform: Platform, captured: io.StringIO
) -> None:
    assert logging.getLogger().getEffectiveLevel() == logging.DEBUG
    email = f"{uuid.uuid4().hex[:10]}@Example.com"
    user_id = await sign_up(client, email)
    organization_id = str(uuid.uuid4())
    await grant_membership(platform, organization_id, user_id, "admin")
    tokens = await log_in(client, email, organization_id=organization_id)
    access = bearer(tokens["access_token"])

    setup = await client.post("/api/v1/auth/totp/setup", headers=access)
    assert setup.status_code == 200, setup.text
    totp_secret = setup.json()["secret"]
    enabled = await client.post(
        "/api/v1/auth/totp/enable", json={"code": pyotp.TOTP(totp_secret).now()}, headers=access
    )
    assert enabled.status_code == 204, enabled.text
    second = await log_in(
        client, email, organization_id=organization_id, totp=pyotp.TOTP(totp_secret).now()
    )
    refreshed = await client.post(
        "/api/v1/auth/token",
        data={"grant_type": "refresh_token", "refresh_token": second["refresh_token"]},
    )
    assert refreshed.status_code == 200, refreshed.text

    key = await client.post(
        "/api/v1/auth/api-keys",
        json={"name": "meter gateway", "scopes": ["readings:write"]},
        headers=access,
    )
    assert key.status_code == 201, key.text
    hook = await client.post(
        "/api/v1/analytics/webhooks",
        json={"url": "https://hooks.example.com/ecotrack", "event_types": ["period.closed"]},
        headers=access,
    )
    assert hook.status_code == 201, hook.text

    async with platform.runtimes["auth"].database.session() as session:
        stored = [
            *(await session.scalars(sa.select(Account.password_hash))),
            *(await session.scalars(sa.select(RefreshToken.token_hash))),
            *(await session.scalars(sa.select(ApiKey.secret_hash))),
        ]
    async with platform.runtimes["analytics"].database.session() as session:
        stored += list(await session.scalars(sa.select(WebhookEndpoint.secret)))
    secrets = {
        "password": PASSWORD,
        "e-mail": email,
        "e-mail, normalised": email.lower(),
        "TOTP secret": totp_secret,
        "access token": tokens["access_token"],
        "refresh token": tokens["refresh_token"],
        "rotated refresh token": refreshed.json()["refresh_token"],
        "API key": key.json()["key"],
        "webhook secret": hook.json()["secret"],
        **{f"stored hash or secret {n}": value for n, value in enumerate(stored)},
    }
    assert len(stored) >= 5

    written = captured.getvalue()
    assert "/api/v1/auth/totp/setup" in written, "the platform's handler was captured"
    leaked = [name for name, value in secrets.items() if value in written]
    assert not leaked, f"in the DEBUG logs: {leaked}"
    # What is logged instead: the organisation's id, on the lines of each service it passed.
    lines = [json.loads(line) for line in written.splitlines() if line.startswith("{")]
    webhook = [
        line
        for line in lines
        if line["event"] == "http.request" and line["path"] == "/api/v1/analytics/webhooks"
    ]
    assert {line["service"] for line in webhook} == {"gateway", "analytics"}
    assert {line.get("tenant") for line in webhook} == {organization_id}


async def test_a_failed_statement_names_no_parameter(platform: Platform) -> None:
    """An error's message (what log.exception and tracebacks print) hides the values."""
    secret = "JBSWY3DPEHPK3PXP-never-in-a-log"
    async with platform.runtimes["auth"].database.engine.connect() as connection:
        with pytest.raises(sa.exc.DBAPIError) as failure:
            await connection.execute(
                sa.text("INSERT INTO no_such_table VALUES (:v)"), {"v": secret}
            )
    assert "no_such_table" in str(failure.value)
    assert secret not in str(failure.value)
