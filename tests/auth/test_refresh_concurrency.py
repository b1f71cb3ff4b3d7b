"""Refresh rotation under concurrency: one refresh token is spent exactly once.

Eight refreshes with the same token sent at once (asyncio.gather through the gateway, so
Auth's transactions really overlap on PostgreSQL, and queue for SQLite's one writer):
one wins, the others are reuse, and reuse revokes the family, the winner's new token
included. The browser session's refresh runs the same rotation.
"""

from __future__ import annotations

import asyncio
import uuid

import httpx

from accounts import PASSWORD, log_in, sign_up
from ecotrack.platform import Platform

TOKEN = "/api/v1/auth/token"
SESSION = "/api/v1/auth/session"
PARALLEL = 8


async def test_parallel_refreshes_with_one_token_let_exactly_one_through(
    client: httpx.AsyncClient,
) -> None:
    email = f"{uuid.uuid4().hex[:10]}@example.com"
    await sign_up(client, email)
    refresh_token = (await log_in(client, email))["refresh_token"]

    answers = await asyncio.gather(
        *(
            client.post(TOKEN, data={"grant_type": "refresh_token", "refresh_token": refresh_token})
            for _ in range(PARALLEL)
        )
    )

    statuses = sorted(answer.status_code for answer in answers)
    assert statuses == [200] + [401] * (PARALLEL - 1), [a.text for a in answers]
    losers = [answer for answer in answers if answer.status_code == 401]
    assert all("already used" in answer.json()["detail"] for answer in losers)
    (winner,) = (answer.json() for answer in answers if answer.status_code == 200)
    after = await client.post(
        TOKEN, data={"grant_type": "refresh_token", "refresh_token": winner["refresh_token"]}
    )
    assert after.status_code == 401, "the losers were reuse: the winner's new token is revoked"


async def test_parallel_browser_session_refreshes_let_exactly_one_through(
    platform: Platform,
) -> None:
    transport = httpx.ASGITransport(app=platform.gateway)
    async with httpx.AsyncClient(transport=transport, base_url="http://localhost") as http:
        email = f"{uuid.uuid4().hex[:10]}@example.com"
        await sign_up(http, email)
        opened = await http.post(SESSION, json={"email": email, "password": PASSWORD})
        assert opened.status_code == 200, opened.text
        refresh_cookie, csrf = http.cookies["ecotrack_refresh"], http.cookies["ecotrack_csrf"]
        http.cookies.clear()
        sent = {
            "Cookie": f"ecotrack_refresh={refresh_cookie}; ecotrack_csrf={csrf}",
            "X-CSRF-Token": csrf,
        }

        answers = await asyncio.gather(
            *(http.post(f"{SESSION}/refresh", headers=sent) for _ in range(PARALLEL))
        )

        statuses = sorted(answer.status_code for answer in answers)
        assert statuses == [200] + [401] * (PARALLEL - 1), [a.text for a in answers]
        (winner,) = (answer for answer in answers if answer.status_code == 200)
        new_cookie = winner.cookies["ecotrack_refresh"]
        new_csrf = winner.cookies["ecotrack_csrf"]
        after = await http.post(
            f"{SESSION}/refresh",
            headers={
                "Cookie": f"ecotrack_refresh={new_cookie}; ecotrack_csrf={new_csrf}",
                "X-CSRF-Token": new_csrf,
            },
        )
        assert after.status_code == 401, "the winner's rotated cookie is revoked with its family"


async def test_a_spent_token_is_named_reuse_even_after_its_family_is_revoked(
    client: httpx.AsyncClient,
) -> None:
    """A loser may read the row after another loser revoked the family: still reuse."""
    email = f"{uuid.uuid4().hex[:10]}@example.com"
    await sign_up(client, email)
    refresh_token = (await log_in(client, email))["refresh_token"]
    grant = {"grant_type": "refresh_token", "refresh_token": refresh_token}
    assert (await client.post(TOKEN, data=grant)).status_code == 200

    for _ in range(2):  # the first reuse revokes the family; the second finds it revoked
        reused = await client.post(TOKEN, data=grant)
        assert reused.status_code == 401
        assert "already used" in reused.json()["detail"]
