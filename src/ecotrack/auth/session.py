"""The browser session's cookies: their names and attributes, and the CSRF check.

The web app keeps its access token in memory; the refresh token lives in an HttpOnly
cookie that only Auth's ``/session`` routes receive. A second cookie, readable by the
page, holds a random CSRF token that the app repeats in the ``X-CSRF-Token`` header
(the double-submit rule). Both are ``SameSite=Strict``, and ``Secure`` unless the
client asked for a loopback host (plain-http development on this machine).
"""

from __future__ import annotations

import hmac
import secrets
from typing import Annotated

from fastapi import Cookie, Header, Request, Response

from ecotrack.core.errors import Forbidden

REFRESH_COOKIE = "ecotrack_refresh"
CSRF_COOKIE = "ecotrack_csrf"
CSRF_HEADER = "X-CSRF-Token"
SESSION_PATH = "/api/v1/auth/session"
"""The refresh cookie's Path: sent to ``/session`` and ``/session/refresh`` only."""

# The gateway replaces Host with the upstream's own and passes the client's on here.
FORWARDED_HOST_HEADER = "x-forwarded-host"
_LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "[::1]", "::1"})

RefreshCookie = Annotated[
    str | None, Cookie(alias=REFRESH_COOKIE, description="The refresh token (HttpOnly)")
]
CsrfCookie = Annotated[str | None, Cookie(alias=CSRF_COOKIE, description="The CSRF token")]
CsrfHeader = Annotated[
    str | None,
    Header(alias=CSRF_HEADER, description=f"The value of the {CSRF_COOKIE} cookie"),
]


def client_host(request: Request) -> str:
    """The host the client asked for, lower-cased and without its port."""
    raw = request.headers.get(FORWARDED_HOST_HEADER) or request.headers.get("host") or ""
    host = raw.split(",", 1)[0].strip().lower()
    if host.startswith("["):  # [::1]:8000
        return host.split("]", 1)[0] + "]"
    if host.count(":") == 1:  # localhost:8000; a bare IPv6 address has several colons
        return host.split(":", 1)[0]
    return host


def secure_cookies(request: Request) -> bool:
    """``Secure`` everywhere but loopback hosts, where the app may be served over http."""
    return client_host(request) not in _LOOPBACK_HOSTS


def set_session_cookies(
    response: Response, request: Request, refresh_token: str, *, max_age: int
) -> None:
    """The refresh cookie and a fresh CSRF cookie, both living as long as the token."""
    secure = secure_cookies(request)
    response.set_cookie(
        REFRESH_COOKIE,
        refresh_token,
        max_age=max_age,
        path=SESSION_PATH,
        secure=secure,
        httponly=True,
        samesite="strict",
    )
    response.set_cookie(
        CSRF_COOKIE,
        secrets.token_urlsafe(32),
        max_age=max_age,
        path="/",
        secure=secure,
        httponly=False,
        samesite="strict",
    )


def clear_session_cookies(response: Response, request: Request) -> None:
    """Expire both cookies (``Max-Age=0``) with the attributes they were set with."""
    secure = secure_cookies(request)
    response.delete_cookie(
        REFRESH_COOKIE, path=SESSION_PATH, secure=secure, httponly=True, samesite="strict"
    )
    response.delete_cookie(CSRF_COOKIE, path="/", secure=secure, samesite="strict")


def check_csrf(cookie: str | None, header: str | None) -> None:
    """The double-submit rule: the header repeats the cookie, compared in constant time."""
    if not cookie or not header or not hmac.compare_digest(cookie.encode(), header.encode()):
        raise Forbidden(
            f"the {CSRF_HEADER} header must repeat the {CSRF_COOKIE} cookie",
            csrf_header=CSRF_HEADER,
            csrf_cookie=CSRF_COOKIE,
        )
