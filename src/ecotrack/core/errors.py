"""Errors as RFC 9457 problem details, rendered in one place for every service.

Domain code raises a :class:`Problem` subclass (or ``HTTPException``); the handlers
installed by :func:`install_problem_handlers` turn every error, validation errors and
unexpected exceptions included, into ``application/problem+json``.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any, ClassVar, Final

import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import IntegrityError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect

PROBLEM_CONTENT_TYPE = "application/problem+json"
PROBLEM_TYPE_BASE = "https://ecotrack.dev/problems/"

log = structlog.get_logger(__name__)


class Problem(Exception):
    """An error that answers with a problem document.

    Subclasses set ``status`` and ``slug``; ``detail`` explains this occurrence and
    ``extensions`` carries machine-readable members (for example ``accepted_units``).
    """

    status: ClassVar[int] = 400
    slug: ClassVar[str] = "bad-request"
    title: ClassVar[str | None] = None

    def __init__(
        self, detail: str, *, headers: dict[str, str] | None = None, **extensions: Any
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        self.headers = headers or {}
        self.extensions = extensions

    def to_dict(self, instance: str | None = None) -> dict[str, Any]:
        return problem_body(
            status=self.status,
            slug=self.slug,
            title=self.title,
            detail=self.detail,
            instance=instance,
            **self.extensions,
        )


class BadRequest(Problem):
    status = 400
    slug = "bad-request"


class Unauthorized(Problem):
    status = 401
    slug = "unauthorized"


class Forbidden(Problem):
    status = 403
    slug = "forbidden"


class NotFound(Problem):
    status = 404
    slug = "not-found"


class Conflict(Problem):
    status = 409
    slug = "conflict"


class PayloadTooLarge(Problem):
    status = 413
    slug = "payload-too-large"


class UnprocessableContent(Problem):
    status = 422
    slug = "unprocessable-content"


class TooManyRequests(Problem):
    status = 429
    slug = "too-many-requests"

    def __init__(self, detail: str, *, retry_after: int, **extensions: Any) -> None:
        super().__init__(
            detail,
            headers={"Retry-After": str(retry_after)},
            retry_after=retry_after,
            **extensions,
        )


class ServiceUnavailable(Problem):
    status = 503
    slug = "service-unavailable"


def problem_body(
    *,
    status: int,
    slug: str | None = None,
    title: str | None = None,
    detail: str | None = None,
    instance: str | None = None,
    **extensions: Any,
) -> dict[str, Any]:
    phrase = HTTPStatus(status).phrase
    slug = slug or phrase.lower().replace(" ", "-").replace("'", "")
    body: dict[str, Any] = {
        "type": PROBLEM_TYPE_BASE + slug,
        "title": title or phrase,
        "status": status,
    }
    if detail:
        body["detail"] = detail
    if instance:
        body["instance"] = instance
    body.update(extensions)
    return body


def problem_response(body: dict[str, Any], headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(
        body, status_code=body["status"], media_type=PROBLEM_CONTENT_TYPE, headers=headers
    )


async def _on_problem(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, Problem)
    return problem_response(exc.to_dict(instance=request.url.path), headers=exc.headers)


async def _on_http_exception(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    body = problem_body(status=exc.status_code, detail=str(exc.detail), instance=request.url.path)
    return problem_response(body, headers=dict(exc.headers or {}))


async def _on_validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [
        {
            "location": [str(part) for part in err.get("loc", ())],
            "message": err.get("msg", ""),
            "type": err.get("type", ""),
        }
        for err in exc.errors()
    ]
    summary = "; ".join(f"{'.'.join(e['location'])}: {e['message']}" for e in errors)
    body = problem_body(
        status=422,
        slug="validation-error",
        title="Request validation failed",
        detail=summary,
        instance=request.url.path,
        errors=errors,
    )
    return problem_response(body)


async def _on_integrity_error(request: Request, exc: Exception) -> JSONResponse:
    # A constraint the database enforced (a duplicate, usually, racing another request).
    log.warning("http.integrity_error", path=request.url.path, **_violation(exc))
    body = problem_body(
        status=409,
        slug="conflict",
        detail="the change conflicts with data that already exists; nothing was written",
        instance=request.url.path,
    )
    return problem_response(body)


_SQLITE_VIOLATIONS: Final = ("UNIQUE", "FOREIGN KEY", "NOT NULL", "CHECK")


def _violation(exc: Exception) -> dict[str, str]:
    """Which constraint failed, never the values that failed it.

    The driver's own text can quote them (PostgreSQL's detail: ``Key (email)=(…) already
    exists``), so only the error's kind and the constraint's name are kept: asyncpg names
    it; SQLite's message names the constraint's columns and nothing else.
    """
    driver = getattr(exc, "orig", None)
    driver = getattr(driver, "__cause__", None) or driver or exc
    found = {"kind": type(driver).__name__}
    name = getattr(driver, "constraint_name", None)
    text = str(driver)
    if isinstance(name, str):
        found["constraint"] = name
    elif text.startswith(tuple(f"{kind} constraint failed" for kind in _SQLITE_VIOLATIONS)):
        found["constraint"] = text
    return found


async def _on_client_disconnect(request: Request, exc: Exception) -> JSONResponse:
    """The client hung up before its body arrived: its doing, not a fault of ours (no 500,
    no error log); the answer reaches no one but the access log and the metrics."""
    log.info("http.client_disconnected", path=request.url.path)
    body = problem_body(
        status=400,
        detail="The client closed the connection before the request's body arrived.",
        instance=request.url.path,
    )
    return problem_response(body)


async def _on_unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("http.unhandled_error", path=request.url.path)
    body = problem_body(
        status=500,
        detail="An unexpected error occurred; it has been logged with this request's id.",
        instance=request.url.path,
    )
    return problem_response(body)


def install_problem_handlers(app: FastAPI) -> None:
    app.add_exception_handler(Problem, _on_problem)
    app.add_exception_handler(StarletteHTTPException, _on_http_exception)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(IntegrityError, _on_integrity_error)
    app.add_exception_handler(ClientDisconnect, _on_client_disconnect)
    app.add_exception_handler(Exception, _on_unexpected)
