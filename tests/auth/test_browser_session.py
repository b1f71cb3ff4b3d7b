"""The web app's session through the gateway: refresh token in an HttpOnly cookie, CSRF
double submit, rotation with reuse detection, organisation switching, logout."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import jwt
import pyotp

from accounts import PASSWORD, bearer, grant_membership, log_in, sign_up
from ecotrack.core.config import Settings
from ecotrack.platform import Platform

SESSION = "/api/v1/auth/session"
REFRESH = "/api/v1/auth/session/refresh"
TOKEN = "/api/v1/auth/token"
SESSION_FIELDS = {"access_token", "token_type", "expires_in", "organization_id", "role"}


@asynccontextmanager
async def browser(platform: Platform, host: str = "localhost") -> AsyncIterator[httpx.AsyncClient]:
    """A client with its own cookie jar, on a host where the cookies are not Secure."""
    transport = httpx.ASGITransport(app=platform.gateway)
    async with httpx.AsyncClient(transport=transport, base_url=f"http://{host}") as http:
        yield http


def set_cookies(response: httpx.Response) -> dict[str, dict[str, str | bool]]:
    """Each Set-Cookie line by cookie name: its value and lower-cased attributes."""
    cookies: dict[str, dict[str, str | bool]] = {}
    for line in response.headers.get_list("set-cookie"):
        pair, *attributes = (part.strip() for part in line.split(";"))
        name, value = pair.split("=", 1)
        parsed: dict[str, str | bool] = {"value": value.strip('"')}
        for attribute in attributes:
            key, _, setting = attribute.partition("=")
            parsed[key.lower()] = setting.lower() if setting else True
        cookies[name] = parsed
    return cookies


def claims(access_token: str) -> dict[str, Any]:
    decoded: dict[str, Any] = jwt.decode(access_token, options={"verify_signature": False})
    return decoded


def csrf(http: httpx.AsyncClient) -> dict[str, str]:
    """What the web app does: read the CSRF cookie and repeat it in the header."""
    return {"X-CSRF-Token": http.cookies["ecotrack_csrf"]}


async def open_session(http: httpx.AsyncClient, email: str, **extra: Any) -> httpx.Response:
    answer = await http.post(SESSION, json={"email": email, "password": PASSWORD, **extra})
    assert answer.status_code == 200, answer.text
    return answer


async def new_person(http: httpx.AsyncClient) -> tuple[str, str]:
    email = f"{uuid.uuid4().hex[:10]}@example.com"
    return email, await sign_up(http, email)


async def test_login_sets_an_httponly_refresh_cookie_and_a_readable_csrf_cookie(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    email, user_id = await new_person(client)
    hosts = {
        "localhost": False,
        "localhost:8000": False,
        "127.0.0.1:8000": False,
        "[::1]:8000": False,
        "app.example.com": True,
        "ecotrack.example.org:443": True,
    }
    for host, secure in hosts.items():
        answer = await client.post(
            SESSION, json={"email": email, "password": PASSWORD}, headers={"Host": host}
        )
        assert answer.status_code == 200, (host, answer.text)
        assert set(answer.json()) == SESSION_FIELDS, "no refresh token in the body"
        assert answer.json()["token_type"] == "bearer"
        assert claims(answer.json()["access_token"])["sub"] == user_id
        assert answer.headers["cache-control"] == "no-store"
        # The gateway relays both Set-Cookie lines, not one merged header.
        assert len(answer.headers.get_list("set-cookie")) == 2
        cookies = set_cookies(answer)
        refresh, token = cookies["ecotrack_refresh"], cookies["ecotrack_csrf"]
        assert refresh["httponly"] is True, host
        assert "httponly" not in token, "the web app reads the CSRF cookie"
        assert (refresh["path"], token["path"]) == (SESSION, "/")
        for cookie in (refresh, token):
            assert cookie["samesite"] == "strict", host
            assert cookie["max-age"] == str(settings.refresh_token_ttl_s), host
            assert ("secure" in cookie) is secure, host
        assert len(str(refresh["value"])) >= 40
        assert len(str(token["value"])) >= 40
        assert refresh["value"] != token["value"]

    # The client's base URL (http://testserver) is not a loopback host either.
    assert "secure" in set_cookies(await open_session(client, email))["ecotrack_refresh"]
    # The host is the one the gateway was asked for; a client cannot claim another.
    spoofed = await client.post(
        SESSION,
        json={"email": email, "password": PASSWORD},
        headers={"Host": "app.example.com", "X-Forwarded-Host": "localhost"},
    )
    assert "secure" in set_cookies(spoofed)["ecotrack_refresh"]


async def test_login_makes_the_password_grants_checks_and_sets_no_cookie_when_refused(
    client: httpx.AsyncClient, platform: Platform
) -> None:
    email, user_id = await new_person(client)
    wrong = await client.post(SESSION, json={"email": email, "password": "not the password"})
    assert wrong.status_code == 401
    assert wrong.headers["content-type"] == "application/problem+json"
    assert "set-cookie" not in wrong.headers

    organization_id = str(uuid.uuid4())
    await grant_membership(platform, organization_id, user_id, "editor")
    stranger = await client.post(
        SESSION, json={"email": email, "password": PASSWORD, "organization_id": str(uuid.uuid4())}
    )
    assert stranger.status_code == 403
    assert "set-cookie" not in stranger.headers
    member = (await open_session(client, email, organization_id=organization_id)).json()
    assert (member["organization_id"], member["role"]) == (organization_id, "editor")

    access = bearer(member["access_token"])
    secret = (await client.post("/api/v1/auth/totp/setup", headers=access)).json()["secret"]
    totp = pyotp.TOTP(secret)
    enabled = await client.post(
        "/api/v1/auth/totp/enable", json={"code": totp.now()}, headers=access
    )
    assert enabled.status_code == 204
    without_code = await client.post(SESSION, json={"email": email, "password": PASSWORD})
    assert without_code.status_code == 401
    assert without_code.json()["mfa_required"] is True
    assert (await open_session(client, email, totp=totp.now())).json()["access_token"]

    for _ in range(10):  # the per-account login limit is shared with the password grant
        await client.post(SESSION, json={"email": email, "password": "not the password"})
    limited = await client.post(SESSION, json={"email": email, "password": PASSWORD})
    assert limited.status_code == 429
    assert int(limited.headers["retry-after"]) >= 1


async def test_refresh_rotates_the_cookie_and_a_reused_one_revokes_the_family(
    platform: Platform,
) -> None:
    async with browser(platform) as app, browser(platform) as thief:
        email, user_id = await new_person(app)
        await open_session(app, email)
        first_refresh, first_csrf = app.cookies["ecotrack_refresh"], app.cookies["ecotrack_csrf"]

        rotated = await app.post(REFRESH, headers=csrf(app))
        assert rotated.status_code == 200, rotated.text
        assert set(rotated.json()) == SESSION_FIELDS
        assert claims(rotated.json()["access_token"])["sub"] == user_id
        assert set(set_cookies(rotated)) == {"ecotrack_refresh", "ecotrack_csrf"}
        assert app.cookies["ecotrack_refresh"] != first_refresh
        assert app.cookies["ecotrack_csrf"] != first_csrf

        # Someone replays the spent cookie: refused, and the whole login is revoked.
        stolen = {"Cookie": f"ecotrack_refresh={first_refresh}; ecotrack_csrf={first_csrf}"}
        reused = await thief.post(REFRESH, headers={**stolen, "X-CSRF-Token": first_csrf})
        assert reused.status_code == 401
        assert reused.headers["content-type"] == "application/problem+json"
        assert "already used" in reused.json()["detail"]
        cleared = set_cookies(reused)
        assert {name: cookie["max-age"] for name, cookie in cleared.items()} == {
            "ecotrack_refresh": "0",
            "ecotrack_csrf": "0",
        }
        assert (cleared["ecotrack_refresh"]["path"], cleared["ecotrack_csrf"]["path"]) == (
            SESSION,
            "/",
        )

        after_theft = await app.post(REFRESH, headers=csrf(app))
        assert after_theft.status_code == 401, "the rotated cookie is revoked with its family"
        assert "ecotrack_refresh" not in app.cookies, "and the browser's cookies are cleared"
        assert "ecotrack_csrf" not in app.cookies
        no_cookie = await app.post(REFRESH, headers={"X-CSRF-Token": "anything"})
        assert no_cookie.status_code == 401
        assert no_cookie.headers["content-type"] == "application/problem+json"


async def test_refresh_needs_the_csrf_header_to_repeat_the_csrf_cookie(
    platform: Platform,
) -> None:
    async with browser(platform) as app:
        email, _ = await new_person(app)
        await open_session(app, email)
        refresh_cookie = app.cookies["ecotrack_refresh"]
        wrong_headers = [{}, {"X-CSRF-Token": ""}, {"X-CSRF-Token": "not-the-cookie"}]
        for headers in wrong_headers:
            refused = await app.post(REFRESH, headers=headers)
            assert refused.status_code == 403, headers
            assert refused.headers["content-type"] == "application/problem+json"
            assert "X-CSRF-Token" in refused.json()["detail"]
            assert "set-cookie" not in refused.headers, "a refusal does not end the session"
        assert app.cookies["ecotrack_refresh"] == refresh_cookie, "nothing was rotated"
        assert (await app.post(REFRESH, headers=csrf(app))).status_code == 200

        # A header with no cookie to repeat: the CSRF cookie is gone.
        header = csrf(app)
        app.cookies.delete("ecotrack_csrf")
        assert (await app.post(REFRESH, headers=header)).status_code == 403


async def test_refresh_with_organization_id_switches_organisation_without_a_password(
    platform: Platform,
) -> None:
    async with browser(platform) as app:
        email, user_id = await new_person(app)
        first, second = str(uuid.uuid4()), str(uuid.uuid4())
        await grant_membership(platform, first, user_id, "viewer")
        await grant_membership(platform, second, user_id, "admin")
        opened = (await open_session(app, email)).json()
        assert (opened["organization_id"], opened["role"]) == (first, "viewer")

        switched = await app.post(REFRESH, json={"organization_id": second}, headers=csrf(app))
        assert switched.status_code == 200, switched.text
        assert (switched.json()["organization_id"], switched.json()["role"]) == (second, "admin")
        token = claims(switched.json()["access_token"])
        assert (token["org_id"], token["role"]) == (second, "admin")

        # An empty body (or {}) keeps the organisation the session is now in.
        empty = await app.post(REFRESH, headers=csrf(app))
        braces = await app.post(REFRESH, json={}, headers=csrf(app))
        for kept in (empty, braces):
            assert kept.status_code == 200, kept.text
            assert claims(kept.json()["access_token"])["org_id"] == second

        current = app.cookies["ecotrack_refresh"]
        stranger = await app.post(
            REFRESH, json={"organization_id": str(uuid.uuid4())}, headers=csrf(app)
        )
        assert stranger.status_code == 403
        assert stranger.json()["detail"] == "you are not a member of that organisation"
        assert app.cookies["ecotrack_refresh"] == current, "the refusal spent nothing"
        back = await app.post(REFRESH, json={"organization_id": first}, headers=csrf(app))
        assert back.status_code == 200
        assert claims(back.json()["access_token"])["org_id"] == first


async def test_delete_revokes_the_session_and_clears_both_cookies(platform: Platform) -> None:
    async with browser(platform) as app, browser(platform) as thief:
        email, _ = await new_person(app)
        await open_session(app, email)
        refresh_cookie, csrf_cookie = app.cookies["ecotrack_refresh"], app.cookies["ecotrack_csrf"]

        assert (await app.delete(SESSION)).status_code == 403, "the CSRF header is required"
        assert (await app.delete(SESSION, headers={"X-CSRF-Token": "nope"})).status_code == 403

        closed = await app.delete(SESSION, headers=csrf(app))
        assert closed.status_code == 204
        cleared = set_cookies(closed)
        assert cleared["ecotrack_refresh"]["max-age"] == cleared["ecotrack_csrf"]["max-age"] == "0"
        assert (cleared["ecotrack_refresh"]["path"], cleared["ecotrack_csrf"]["path"]) == (
            SESSION,
            "/",
        )
        assert cleared["ecotrack_refresh"]["httponly"] is True
        assert not app.cookies, "the browser has no cookies left"

        replayed = await thief.post(
            REFRESH,
            headers={
                "Cookie": f"ecotrack_refresh={refresh_cookie}; ecotrack_csrf={csrf_cookie}",
                "X-CSRF-Token": csrf_cookie,
            },
        )
        assert replayed.status_code == 401, "the refresh cookie no longer works"

        again = await app.delete(SESSION)  # no cookie: still clears, still 204
        assert again.status_code == 204
        assert set(set_cookies(again)) == {"ecotrack_refresh", "ecotrack_csrf"}


async def test_the_refresh_grant_takes_organization_id(
    client: httpx.AsyncClient, platform: Platform
) -> None:
    email, user_id = await new_person(client)
    first, second = str(uuid.uuid4()), str(uuid.uuid4())
    await grant_membership(platform, first, user_id, "viewer")
    await grant_membership(platform, second, user_id, "editor")
    tokens = await log_in(client, email)
    assert tokens["organization_id"] == first

    stranger = await client.post(
        TOKEN,
        data={
            "grant_type": "refresh_token",
            "refresh_token": tokens["refresh_token"],
            "organization_id": str(uuid.uuid4()),
        },
    )
    assert stranger.status_code == 403
    assert stranger.headers["content-type"] == "application/problem+json"

    switched = await client.post(
        TOKEN,
        data={
            "grant_type": "refresh_token",
            "refresh_token": tokens["refresh_token"],  # unspent by the refusal above
            "organization_id": second,
        },
    )
    assert switched.status_code == 200, switched.text
    assert (switched.json()["organization_id"], switched.json()["role"]) == (second, "editor")
    assert claims(switched.json()["access_token"])["org_id"] == second
    kept = await client.post(
        TOKEN,
        data={"grant_type": "refresh_token", "refresh_token": switched.json()["refresh_token"]},
    )
    assert kept.json()["organization_id"] == second, "the rotated token keeps the new one"


async def test_the_gateway_relays_cookies_and_keeps_none_itself(platform: Platform) -> None:
    """Two Set-Cookie lines reach the client; none is replayed on someone else's request."""
    async with browser(platform) as app, browser(platform) as someone_else:
        email, _ = await new_person(app)
        opened = await open_session(app, email)
        assert len(opened.headers.get_list("set-cookie")) == 2
        assert set(app.cookies.keys()) == {"ecotrack_refresh", "ecotrack_csrf"}

        cookieless = await someone_else.post(REFRESH, headers={"X-CSRF-Token": "x"})
        assert cookieless.status_code == 401, "the gateway must not lend out cookies it saw"
        assert not list(platform.upstreams.clients["auth"].cookies.jar)
