"""A real Prometheus (Debian's ``prometheus``) scrapes a running ``ecotrack up`` on loopback.

After traffic that exercises each family (requests through the gateway, an activity recorded,
its events relayed and consumed, an estimate, a readings batch with an anomaly and its webhook
delivered, a report, a login refused by its rate limit), two things are read back: request
counts, the outbox backlog and the recorded activity's series through Prometheus's HTTP API,
as a dashboard would; and every ``ecotrack_*`` metric that a dashboard, an alert or an
AnalysisTemplate in deploy/ names, which must appear with samples in the platform's own
scrape, not merely in the code's registry (those of :data:`FAILURE_ONLY` only declared).
Metrics of other exporters are allowed only from :data:`OTHER_EXPORTERS`, each with its
source.
"""

from __future__ import annotations

import re
import subprocess
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from prometheus_client.parser import text_string_to_metric_families
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from test_manifests import promql_expressions, require_tool

from accounts import new_owner
from backends import free_port, serving, wait_for
from chaos import Launcher, platform_environment
from ecotrack.core.config import Settings

# Metrics a query in deploy/ may name that EcoTrack does not export, with who does.
OTHER_EXPORTERS: dict[str, str] = {}
# EcoTrack's metrics that count only failures this test's healthy platform cannot have: the
# scrape must still declare each (its HELP and TYPE), and the test named has its samples.
FAILURE_ONLY: dict[str, str] = {
    "ecotrack_bus_publish_errors_total": "a batch the bus refused: tests/core/test_events.py",
}

CARBON = "/api/v1/carbon"
ANALYTICS = "/api/v1/analytics"
RATE_LIMITED = f"limited-{uuid.uuid4().hex[:8]}@example.com"
ACTIVITY = {
    "activity": "fuel.natural_gas",
    "quantity": 1200,
    "unit": "kWh",
    "region": "GB",
    "year": 2024,
    "period_start": "2024-01-01",
    "period_end": "2024-01-31",
}
_NOT_METRICS = frozenset(
    {"and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring", "inf", "nan"}
    | {"group_left", "group_right"}
)


def metric_names(expression: str) -> set[str]:
    """The metric names a PromQL expression selects (not its functions, labels or keywords)."""
    bare = re.sub(r'"(?:[^"\\]|\\.)*"', '""', expression)  # label values and strings
    bare = re.sub(r"\{[^}]*\}", " ", bare)  # label matchers
    bare = re.sub(r"\[[^\]]*\]", " ", bare)  # ranges
    bare = re.sub(r"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", " ", bare)
    names = set()
    for found in re.finditer(r"(?<![\w.])[a-zA-Z_:][\w:]*", bare):
        if bare[found.end() :].lstrip().startswith("("):
            continue  # a function or an aggregation
        if found.group() not in _NOT_METRICS:
            names.add(found.group())
    return names


def unexported(
    expressions: list[tuple[str, str]], scraped: set[str], declared: Iterable[str] = ()
) -> dict[str, set[str]]:
    """Per query, the metrics it names that neither the scrape nor another exporter has
    (a failure-only metric: that the scrape does not declare)."""
    allowed = set(OTHER_EXPORTERS) | (set(FAILURE_ONLY) & set(declared))
    missing = {
        where: metric_names(expression) - scraped - allowed for where, expression in expressions
    }
    return {where: names for where, names in missing.items() if names}


def sample_names(exposition: str) -> set[str]:
    """The names of the samples a scrape holds (``…_total``, ``…_bucket``): families that
    were only declared, with no series yet, do not count."""
    return {
        sample.name
        for family in text_string_to_metric_families(exposition)
        for sample in family.samples
    }


def declared_names(exposition: str) -> set[str]:
    """The series names of every family the scrape declares, samples or none."""
    suffixes = {"counter": ["_total"], "histogram": ["_bucket", "_count", "_sum"]}
    return {
        family.name + suffix
        for family in text_string_to_metric_families(exposition)
        for suffix in suffixes.get(family.type, [""])
    }


class Prometheus:
    """A Prometheus server scraping one target every second, its data in a temporary dir."""

    def __init__(self, binary: str, directory: Path, target: str) -> None:
        self.port = free_port()
        config = directory / "prometheus.yml"
        config.write_text(
            "global: {scrape_interval: 1s, evaluation_interval: 1s}\n"
            "scrape_configs:\n"
            f"  - {{job_name: ecotrack, static_configs: [{{targets: ['{target}']}}]}}\n"
        )
        self.log = directory / "prometheus.log"
        with self.log.open("wb") as sink:
            self.process = subprocess.Popen(
                [
                    binary,
                    f"--config.file={config}",
                    f"--storage.tsdb.path={directory / 'data'}",
                    f"--web.listen-address=127.0.0.1:{self.port}",
                ],
                stdout=sink,
                stderr=subprocess.STDOUT,
            )
        self.url = f"http://127.0.0.1:{self.port}"

    async def values(self, http: httpx.AsyncClient, query: str) -> list[float]:
        """The query's values now: empty while it has none (or the server is starting)."""
        try:
            answer = await http.get(f"{self.url}/api/v1/query", params={"query": query})
        except httpx.TransportError:
            assert self.process.poll() is None, self.log.read_text()[-3000:]
            return []
        result: list[dict[str, Any]] = answer.json()["data"]["result"]
        return [float(series["value"][1]) for series in result]

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


async def test_prometheus_reads_the_platform_back_and_every_deploy_query_is_exported(
    settings: Settings, tmp_path: Path, launcher: Launcher
) -> None:
    binary = require_tool("prometheus", "apt-get install prometheus")
    # The webhook receiver listens on loopback, allowed as an operator would for its host.
    environment = platform_environment(
        settings, ECOTRACK_WEBHOOK_ALLOWED_NETWORKS='["127.0.0.0/8"]'
    )
    platform = launcher.launch(environment, tmp_path / "platform.log")
    base = await platform.ready()
    prometheus = Prometheus(binary, tmp_path, base.removeprefix("http://"))
    received: list[bytes] = []
    try:
        async with (
            httpx.AsyncClient(base_url=base, timeout=30) as http,
            serving(_receiver(received)) as receiver,
        ):
            owner = await new_owner(http, "Prometheus")
            recorded = await http.post(f"{CARBON}/activities", json=ACTIVITY, headers=owner.headers)
            assert recorded.status_code == 201, recorded.text
            # Relayed and consumed: Analytics has the activity, so both pipelines ran.
            await wait_for(lambda: _in_analytics(http, owner.headers), within=60)
            await _business_traffic(http, owner.headers, f"{receiver}/hook")
            await wait_for(lambda: _rate_limited(http), within=60)
            await wait_for(lambda: _delivered(http, received), within=60)
            async with httpx.AsyncClient(timeout=10) as prom:
                [created] = await wait_for(
                    lambda: prometheus.values(
                        prom,
                        'sum(ecotrack_http_requests_total{service="carbon",method="POST",'
                        'route="/api/v1/carbon/activities",status="201"})',
                    ),
                    within=60,
                )
                [backlog] = await wait_for(
                    # the gauge is measured every second: wait for the measure after the publish
                    lambda: prometheus.values(
                        prom, 'ecotrack_outbox_pending{service="carbon"} == 0'
                    ),
                    within=60,
                )
                [consumed] = await wait_for(
                    lambda: prometheus.values(
                        prom,
                        'sum(ecotrack_events_consumed_total{group="analytics.projection",'
                        'outcome="applied"})',
                    ),
                    within=60,
                )
            assert created == 1
            assert backlog == 0, "the activity's events were relayed"
            assert consumed >= 1

            exposition = (await http.get("/metrics")).text
            scraped, declared = sample_names(exposition), declared_names(exposition)
    finally:
        prometheus.stop()
        platform.kill()

    expressions = promql_expressions()
    assert len(expressions) > 5
    assert unexported(expressions, scraped, declared) == {}, f"scraped: {sorted(scraped)}"
    assert set(FAILURE_ONLY) <= declared, "a failure-only metric the platform does not declare"
    # The check itself: a copy of a dashboard query with a misspelt metric is caught.
    where, expression = next((w, e) for w, e in expressions if "ecotrack_outbox_pending" in e)
    misspelt = expression.replace("ecotrack_outbox_pending", "ecotrack_outbox_pendnig")
    assert unexported([(where, misspelt)], scraped) == {where: {"ecotrack_outbox_pendnig"}}


async def _in_analytics(http: httpx.AsyncClient, headers: dict[str, str]) -> bool:
    answer = await http.get(
        "/api/v1/analytics/emissions",
        params={"from": "2024-01-01", "to": "2024-12-31"},
        headers=headers,
    )
    return answer.status_code == 200 and answer.json()["total_co2e_kg"] > 0


def _receiver(received: list[bytes]) -> Starlette:
    async def hook(request: Request) -> Response:
        received.append(await request.body())
        return Response(status_code=204)

    return Starlette(routes=[Route("/hook", hook, methods=["POST"])])


def _reading(moment: datetime, value: float) -> dict[str, Any]:
    return {"ts": moment.isoformat().replace("+00:00", "Z"), "value": value}


async def _business_traffic(http: httpx.AsyncClient, headers: dict[str, str], hook: str) -> None:
    """One of each business metric: an estimate, a webhook, a readings batch with an
    anomaly (four weeks of the same night hour at 2 m3, then 40 m3) and a report."""

    async def created(path: str, body: dict[str, Any]) -> Any:
        answer = await http.post(path, json=body, headers=headers)
        assert answer.status_code == 201, (path, answer.text)
        return answer.json()

    estimate = {k: v for k, v in ACTIVITY.items() if not k.startswith("period_")}
    estimated = await http.post(f"{CARBON}/estimates", json=estimate, headers=headers)
    assert estimated.status_code == 200, estimated.text
    await created(f"{ANALYTICS}/webhooks", {"url": hook, "event_types": ["anomaly.detected"]})
    facility = await created(f"{CARBON}/facilities", {"name": "Site", "region": "GB"})
    meter = await created(
        f"{CARBON}/meters",
        {"facility_id": facility["id"], "name": "Water", "kind": "water", "unit": "m3"},
    )
    hour = datetime(2024, 1, 1, 3, tzinfo=UTC)
    batch = [_reading(hour + timedelta(weeks=w), 2.0) for w in range(4)]
    batch.append(_reading(hour + timedelta(weeks=4), 40.0))
    await created(f"{CARBON}/meters/{meter['id']}/readings", {"readings": batch})
    report = await http.get(
        f"{ANALYTICS}/reports/inventory", params={"year": 2024}, headers=headers
    )
    assert report.status_code == 200, report.text


async def _rate_limited(http: httpx.AsyncClient) -> bool:
    """Wrong passwords for one account until its login limit answers 429."""
    answer = await http.post(
        "/api/v1/auth/token", data={"username": RATE_LIMITED, "password": "not the password"}
    )
    assert answer.status_code in {401, 429}, answer.text
    return answer.status_code == 429


async def _delivered(http: httpx.AsyncClient, received: list[bytes]) -> bool:
    """The anomaly's webhook arrived and its delivery's outcome is counted."""
    metrics = (await http.get("/metrics")).text
    return bool(received) and "ecotrack_webhook_deliveries_total{" in metrics
