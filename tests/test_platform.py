"""The platform as ``ecotrack up`` assembles it: migrations, demo seed, the CLI."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
from collections.abc import Awaitable
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from argon2 import PasswordHasher

from backends import free_port, wait_for
from ecotrack.auth import tokens
from ecotrack.auth.models import Account
from ecotrack.core.config import Profile, Settings
from ecotrack.core.migrations import current_revision
from ecotrack.core.security import Identity, Role, sign_identity
from ecotrack.demo import packaged_dist
from ecotrack.platform import SERVICE_SPECS, Platform
from ecotrack.platform.seed import (
    DEMO_EMAIL,
    DEMO_PASSWORD,
    LEAK_AT,
    SeedRefused,
    seed_demo,
)
from ecotrack.users.models import Membership, Organization


async def test_migrations_build_exactly_the_models_of_every_service(settings: Settings) -> None:
    platform = Platform(settings)
    try:
        revisions = await platform.migrate()
        assert set(revisions) == set(SERVICE_SPECS)
        for name, runtime in platform.runtimes.items():
            assert await current_revision(runtime.database) == revisions[name]
            async with runtime.database.engine.connect() as connection:
                diff = await connection.run_sync(
                    lambda sync, md=runtime.spec.metadata: compare_metadata(
                        MigrationContext.configure(sync, opts={"compare_type": True}), md
                    )
                )
            assert diff == [], f"{name}: models and migrations differ: {diff}"
        assert await platform.migrate() == revisions, "migrating twice changes nothing"
    finally:
        await platform.stop()


async def test_each_service_keeps_its_tables_to_itself(settings: Settings) -> None:
    platform = Platform(settings)
    try:
        await platform.migrate()
        carbon = platform.runtimes["carbon"].database
        async with carbon.engine.connect() as connection:
            tables = await connection.run_sync(lambda sync: sa.inspect(sync).get_table_names())
        assert "accounts" not in tables
        assert "organizations" not in tables
        assert {"outbox", "processed_events"} <= set(tables)
    finally:
        await platform.stop()


async def test_demo_seed_creates_the_login_once(platform: Platform) -> None:
    first = await seed_demo(platform)
    again = await seed_demo(platform)
    assert first.created
    assert not again.created
    assert (again.user_id, again.organization_id) == (first.user_id, first.organization_id)

    async with platform.runtimes["auth"].database.session() as session:
        account = (await session.scalars(sa.select(Account))).one()
    assert account.email == DEMO_EMAIL
    assert account.password_hash.startswith("$argon2id$")
    assert PasswordHasher().verify(account.password_hash, DEMO_PASSWORD)

    async with platform.runtimes["users"].database.session() as session:
        organization = await session.get(Organization, first.organization_id)
        membership = await session.get(Membership, (first.organization_id, first.user_id))
    assert organization is not None
    assert organization.name == "Demo Organisation"
    assert membership is not None
    assert membership.role == "owner"

    created = await wait_for(
        lambda: platform.backends.transport.read_all("organization"), within=30
    )
    assert [(e.type, e.data["name"]) for e in created] == [
        ("organization.created", "Demo Organisation")
    ]


async def test_the_demo_ledger_reaches_the_dashboard_and_shows_its_leak(
    platform: Platform, settings: Settings
) -> None:
    """Seeded through Carbon's API, projected by Analytics: the two agree to the gram."""
    seed = await seed_demo(platform)
    owner = Identity(
        subject=seed.user_id, kind="user", organization_id=seed.organization_id, role=Role.OWNER
    )
    headers = sign_identity(owner, settings.secret_key.get_secret_value())
    carbon = httpx.AsyncClient(
        transport=httpx.ASGITransport(app=platform.apps["carbon"]), base_url="http://c"
    )
    analytics = httpx.AsyncClient(
        transport=httpx.ASGITransport(app=platform.apps["analytics"]), base_url="http://a"
    )
    async with carbon, analytics:
        ledger = await carbon.get(
            "/api/v1/carbon/activities/totals",
            params={"from": "2025-01-01", "to": "2025-12-31", "group_by": "month"},
            headers=headers,
        )
        assert ledger.status_code == 200, ledger.text

        async def projected() -> dict[str, Any] | None:
            answer = await analytics.get(
                "/api/v1/analytics/emissions",
                params={"from": "2025-01-01", "to": "2025-12-31", "group_by": "scope,month"},
                headers=headers,
            )
            body: dict[str, Any] = answer.json()
            close = abs(body["total_co2e_kg"] - ledger.json()["co2e_kg"]) < 0.01
            return body if close else None

        dashboard = await wait_for(projected, within=60)
        anomalies = await wait_for(
            lambda: _json(analytics.get("/api/v1/analytics/anomalies", headers=headers)),
            within=60,
        )
        again = await seed_demo(platform)
    assert {row["scope"] for row in dashboard["rows"]} == {1, 2, 3}
    assert len({row["month"] for row in dashboard["rows"]}) == 12
    assert [datetime.fromisoformat(a["hour"]) for a in anomalies] == [LEAK_AT]
    assert not again.created, "seeding again adds nothing"


async def _json(response: Awaitable[httpx.Response]) -> Any:
    return (await response).json()


async def test_production_profile_refuses_the_demo_seed(settings: Settings) -> None:
    production = settings.model_copy(update={"profile": Profile.PRODUCTION, "secret_key": "p" * 40})
    platform = Platform(production)
    try:
        await platform.migrate()
        with pytest.raises(SeedRefused):
            await seed_demo(platform)
    finally:
        await platform.stop()


def _environment(settings: Settings, port: int) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ECOTRACK_")}
    env |= {"ECOTRACK_PORT": str(port), "ECOTRACK_DATA_DIR": str(settings.data_dir)}
    for name in ("database_url", "redis_url", "kafka_bootstrap_servers", "kafka_topic_prefix"):
        value = getattr(settings, name)
        if value:
            env[f"ECOTRACK_{name.upper()}"] = str(value)
    return env


async def test_ecotrack_up_serves_the_platform_and_stops_cleanly_on_ctrl_c(
    settings: Settings, tmp_path: Path
) -> None:
    port = free_port()
    ecotrack = Path(sys.executable).parent / "ecotrack"
    log = tmp_path / "up.log"
    with log.open("wb") as sink:  # a file, so a process that hangs can still be read
        process = await asyncio.create_subprocess_exec(
            str(ecotrack), "up", env=_environment(settings, port), stdout=sink, stderr=sink
        )
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as http:
            health = await wait_for(lambda: _answer(http, "/healthz"), within=60, interval=0.2)
            assert health.status_code == 200
            assert (await http.get("/readyz")).status_code == 200
            page = await http.get("/activities/abc")
            if (packaged_dist() / "index.html").is_file():
                assert page.status_code == 200
                assert page.headers["content-type"].startswith("text/html")
            else:  # web/ not built here: the app says how to build it
                assert page.status_code == 503
                assert "make up" in page.json()["detail"]
            missing = await http.get("/api/nope")
            assert missing.headers["content-type"] == "application/problem+json"
        process.send_signal(signal.SIGINT)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(process.wait(), 30)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
            pytest.fail(f"ecotrack up still ran 30 s after Ctrl-C; it printed:\n{log.read_text()}")
    output = log.read_text()
    assert process.returncode == 0, output
    assert f"http://localhost:{port}" in output
    assert f"{DEMO_EMAIL} / {DEMO_PASSWORD}" in output
    assert "service.stopped" in output
    assert "EcoTrack stopped." in output


async def _answer(http: httpx.AsyncClient, path: str) -> httpx.Response | None:
    try:
        return await http.get(path)
    except httpx.TransportError:
        return None


async def test_rotate_keys_command_starts_a_new_signing_key(settings: Settings) -> None:
    platform = Platform(settings)
    await platform.migrate()
    auth = platform.runtimes["auth"]
    async with auth.database.session() as session:
        before = await tokens.signing_key(session, settings)
    await platform.stop()
    process = await asyncio.create_subprocess_exec(
        str(Path(sys.executable).parent / "ecotrack"),
        "rotate-keys",
        env=_environment(settings, free_port()),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    output = (await process.communicate())[0].decode()
    assert process.returncode == 0, output
    platform = Platform(settings)
    async with platform.runtimes["auth"].database.session() as session:
        after = await tokens.signing_key(session, settings)
        published = await tokens.published_keys(session, settings)
    await platform.stop()
    assert after.kid != before.kid
    assert after.kid in output
    assert {key["kid"] for key in published} == {before.kid, after.kid}
