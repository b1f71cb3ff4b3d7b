"""Logs, traces and metrics, set up once per process.

Logs come from structlog (stdlib and uvicorn logs routed through it) and carry the
request id and the current trace and span ids: JSON lines, or human-readable lines when
``ECOTRACK_LOG_FORMAT`` is ``console`` or is ``auto`` and stderr is a terminal. Traces
export over OTLP only when ``OTEL_EXPORTER_OTLP_ENDPOINT`` is set; otherwise spans are
created (so ids appear in logs and cross the event bus) but go nowhere.

No level logs a secret: the libraries that log what passes through them (SQL statements
with their values, HTTP requests and answers with their headers) are held at WARNING or
above whatever ``ECOTRACK_LOG_LEVEL`` says, and the engines hide statement parameters
from their errors (core/database.py).
"""

from __future__ import annotations

import logging
import os
import sys
from typing import Any, Literal, TextIO

import structlog
from opentelemetry import trace
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor
from prometheus_client import Counter, Gauge, Histogram

from ecotrack.core.config import LogFormat, Settings

# Label values are bounded: a route's template (never the raw path, which carries ids),
# a known method or OTHER, a status code. Probes and scrapes have series of their own, so
# that an SLO over these counts only what clients asked for.
HTTP_REQUESTS = Counter(
    "ecotrack_http_requests_total",
    "HTTP requests answered, by route template",
    ["service", "route", "method", "status"],
)
HTTP_LATENCY = Histogram(
    "ecotrack_http_request_duration_seconds",
    "Time to answer an HTTP request, by route template and status class",
    ["service", "route", "method", "status_class"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
HTTP_IN_FLIGHT = Gauge(
    "ecotrack_http_requests_in_flight", "HTTP requests being answered", ["service"]
)
HTTP_PROBES = Counter(
    "ecotrack_http_probe_requests_total",
    "Health, readiness and metrics requests answered",
    ["service", "path", "status"],
)

_configured = False

TENANT_ATTRIBUTE = "ecotrack.tenant"


def bind_tenant(organization_id: str | None) -> None:
    """Name the organisation a request or event acts for on every later log line of it and
    on its current span. Its id only: no name, e-mail or other personal data."""
    if organization_id is None:
        return
    structlog.contextvars.bind_contextvars(tenant=organization_id)
    trace.get_current_span().set_attribute(TENANT_ATTRIBUTE, organization_id)


# At DEBUG or INFO these log statements with their parameters (aiosqlite, SQLAlchemy's
# engine and pool, asyncpg), requests and answers with URLs and headers (httpx, httpcore,
# h2, hpack) or broker traffic (confluent_kafka): TOTP and webhook secrets, password and
# token hashes, cookies, e-mail addresses. None of them logs below WARNING.
QUIET_LIBRARIES = (
    "aiosqlite",
    "sqlalchemy",
    "asyncpg",
    "httpx",
    "httpcore",
    "h2",
    "hpack",
    "confluent_kafka",
)


class _QuietLibraries(logging.Filter):
    """Drops the QUIET_LIBRARIES' records below WARNING, whatever their loggers' levels."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING:
            return True
        return not any(
            record.name == name or record.name.startswith(f"{name}.") for name in QUIET_LIBRARIES
        )


def _add_trace_ids(_logger: Any, _method: str, event: dict[str, Any]) -> dict[str, Any]:
    context = trace.get_current_span().get_span_context()
    if context.is_valid:
        event["trace_id"] = format(context.trace_id, "032x")
        event["span_id"] = format(context.span_id, "016x")
    return event


def chosen_log_format(log_format: LogFormat, stream: TextIO) -> Literal["json", "console"]:
    """``auto`` is console lines for a person at a terminal, JSON for anything else."""
    if log_format == "auto":
        return "console" if _is_terminal(stream) else "json"
    return log_format


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or closed
        return False


def configure_telemetry(settings: Settings, service_name: str) -> None:
    """Idempotent: several services hosted in one process share one setup."""
    global _configured  # noqa: PLW0603 - process-wide, configured once
    if _configured:
        return
    _configured = True
    _configure_logging(settings)
    _configure_tracing(service_name)


def _configure_logging(settings: Settings) -> None:
    shared: list[Any] = [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        _add_trace_ids,
    ]
    stream = sys.stderr
    renderers: list[Any]
    if chosen_log_format(settings.log_format, stream) == "console":
        # It renders exceptions itself (format_exc_info would flatten them first).
        renderers = [structlog.dev.ConsoleRenderer(colors=_is_terminal(stream))]
    else:
        renderers = [structlog.processors.format_exc_info, structlog.processors.JSONRenderer()]
    structlog.configure(
        processors=[*shared, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    handler = logging.StreamHandler(stream)
    handler.addFilter(_QuietLibraries())
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(
            foreign_pre_chain=shared,
            processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, *renderers],
        )
    )
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(settings.log_level.upper())
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logging.getLogger(name).handlers = []
        logging.getLogger(name).propagate = True
    # Our middleware logs each request with its ids; these would repeat it line by line.
    for chatty in ("uvicorn.access", "alembic.runtime.migration"):
        logging.getLogger(chatty).setLevel(logging.WARNING)
    # And these must not show what they carry (the filter above holds if one is lowered).
    for quiet in QUIET_LIBRARIES:
        logging.getLogger(quiet).setLevel(max(logging.WARNING, root.level))


def _configure_tracing(service_name: str) -> None:
    provider = TracerProvider(resource=Resource.create({"service.name": service_name}))
    if os.environ.get("OTEL_EXPORTER_OTLP_ENDPOINT"):
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
    trace.set_tracer_provider(provider)
