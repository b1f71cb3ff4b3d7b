"""The gateway's own middleware: security headers on every answer, one reading of the path."""

from __future__ import annotations

from urllib.parse import quote, unquote_to_bytes

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ecotrack.core.errors import NotFound, problem_response

# One policy for the web app, Swagger UI at /docs and the API answers alike: every
# script, style, font and request is same-origin (the web app and Swagger UI are served
# from the package's dist/, no CDN). style-src needs 'unsafe-inline' because Apache
# ECharts and React set inline style attributes (and Swagger UI does too); scripts stay
# 'self' only, so no inline or injected script runs. img-src allows data: URIs (ECharts'
# image export, Swagger UI's icons).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp, *, https: bool) -> None:
        self.app = app
        self.headers = [
            (b"x-content-type-options", b"nosniff"),
            (b"x-frame-options", b"DENY"),
            (b"referrer-policy", b"no-referrer"),
            (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
            (b"cross-origin-opener-policy", b"same-origin"),
            (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
        ]
        if https:
            self.headers.append(
                (b"strict-transport-security", b"max-age=63072000; includeSubDomains")
            )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"].extend(self.headers)
            await send(message)

        await self.app(scope, receive, send_with_headers)


# A segment that decodes to one of these names no resource: C0 and C1 controls, DEL, and
# "/" (an encoded slash would be a different path at the service, which decodes it).
_NO_NAME_HAS = frozenset(chr(code) for code in [*range(0x20), *range(0x7F, 0xA0)]) | {"/"}
# Percent-encoded on the way out: everything but unreserved characters and these pchars.
_SEGMENT_SAFE = "!$&'()*+,;=:@"


class UnroutablePath(ValueError):
    """The path names nothing: a segment with a control character, an encoded slash, or
    bytes that are not UTF-8."""


def normalised_segments(raw_path: bytes) -> list[str]:
    """A path's segments, each percent-decoded once, with dot segments resolved.

    ``/api/v1/auth/x/../internal`` and ``/api/v1/auth/x/%2e%2e/internal`` are both
    ``["api", "v1", "auth", "internal"]``. Raises :class:`UnroutablePath`.
    """
    parts = raw_path.split(b"?", 1)[0].split(b"/")[1:]
    segments: list[str] = []
    for index, part in enumerate(parts):
        try:
            segment = unquote_to_bytes(part).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise UnroutablePath("a path segment is not UTF-8") from exc
        if not _NO_NAME_HAS.isdisjoint(segment):
            raise UnroutablePath("a path segment holds a control character or an encoded slash")
        if segment in {".", ".."}:
            if segment == ".." and segments:
                segments.pop()
            if index == len(parts) - 1:
                segments.append("")  # /a/b/.. is /a/
            continue
        segments.append(segment)
    return segments


def encoded_path(segments: list[str]) -> str:
    """The path to forward: every segment percent-encoded, so it is read back as sent."""
    return "/" + "/".join(quote(segment, safe=_SEGMENT_SAFE) for segment in segments)


class NormalisedPathMiddleware:
    """Route on one reading of the path: decoded once, dot segments resolved.

    The ASGI ``path`` becomes the normalised path and ``raw_path`` its percent-encoded
    form, which is what the gateway forwards; a path that can name nothing is a 404
    problem here, before routing.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        raw = scope.get("raw_path") or quote(scope["path"]).encode()
        try:
            segments = normalised_segments(raw)
        except UnroutablePath as exc:
            body = NotFound(f"no resource is named so: {exc}").to_dict()
            await problem_response(body)(scope, receive, send)
            return
        scope["path"] = "/" + "/".join(segments)
        scope["raw_path"] = encoded_path(segments).encode()
        await self.app(scope, receive, send)
