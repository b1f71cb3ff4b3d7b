"""A real Prometheus (Debian's ``prometheus``) scrapes a running ``ecotrack up`` on loopback.

After traffic that exercises each family (requests through the gateway, an activity recorded,
its events relayed and consumed), two things are read back: request counts, the outbox
backlog and the recorded activity's series through Prometheus's HTTP API, as a dashboard
would; and every ``ecotrack_*`` metric that a dashboard, an alert or an AnalysisTemplate in
deploy/ names, which must appear with samples in the platform's own scrape, not merely in
the code's registry. Metrics of other exporters are allowed only from
:data:`OTHER_EXPORTERS`, each with its source.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families
from test_manifests import promql_expressions, require_tool

from accounts import new_owner
from backends import free_port, wait_for
from chaos import Launcher, platform_environment
from ecotrack.core.config import Settings

# Metrics a query in deploy/ may name that EcoTrack does not export, with who does.
OTHER_EXPORTERS: dict[str, str] = {}

CARBON = "/api/v1/carbon"
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


def unexported(expressions: list[tuple[str, str]], scraped: set[str]) -> dict[str, set[str]]:
    """Per query, the metrics it names that neither the scrape nor another exporter has."""
    missing = {
        where: metric_names(expression) - scraped - set(OTHER_EXPORTERS)
        for where, expression in expressions
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


@pytest.fixture
def launcher() -> Iterator[Launcher]:
    started = Launcher()
    try:
        yield started
    finally:
        started.close()


async def test_prometheus_reads_the_platform_back_and_every_deploy_query_is_exported(
    settings: Settings, tmp_path: Path, launcher: Launcher
) -> None:
    binary = require_tool("prometheus", "apt-get install prometheus")
    platform = launcher.launch(platform_environment(settings), tmp_path / "platform.log")
    base = await platform.ready()
    prometheus = Prometheus(binary, tmp_path, base.removeprefix("http://"))
    try:
        async with httpx.AsyncClient(base_url=base, timeout=30) as http:
            owner = await new_owner(http, "Prometheus")
            recorded = await http.post(f"{CARBON}/activities", json=ACTIVITY, headers=owner.headers)
            assert recorded.status_code == 201, recorded.text
            # Relayed and consumed: Analytics has the activity, so both pipelines ran.
            await wait_for(lambda: _in_analytics(http, owner.headers), within=60)
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

            scraped = sample_names((await http.get("/metrics")).text)
    finally:
        prometheus.stop()
        platform.kill()

    expressions = promql_expressions()
    assert len(expressions) > 5
    assert unexported(expressions, scraped) == {}, f"scraped: {sorted(scraped)}"
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
