"""Writes the Grafana dashboards beside this file (docs/operations.md, "Dashboards").

    .venv/bin/python deploy/k8s/components/monitoring/dashboards/generate.py

Edit the dashboards here, not in the JSON: tests/deploy/test_manifests.py fails when a file
differs from what this writes, and checks every query with promtool, against the metrics the
code registers; tests/deploy/test_prometheus.py requires each metric to have samples in a
running platform's scrape.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DATASOURCE = {"type": "prometheus", "uid": "${datasource}"}
WIDTH = 24  # Grafana's grid
RATE = "[$__rate_interval]"

Json = dict[str, Any]


# ---- building blocks -------------------------------------------------------------------------


def target(expr: str, legend: str = "") -> Json:
    return {"datasource": DATASOURCE, "expr": expr, "legendFormat": legend}


def panel(
    title: str,
    description: str,
    unit: str,
    *targets: Json,
    width: int = 12,
    kind: str = "timeseries",
    minimum: float | None = None,
    maximum: float | None = None,
) -> Json:
    defaults: Json = {"unit": unit}
    if minimum is not None:
        defaults["min"] = minimum
    if maximum is not None:
        defaults["max"] = maximum
    options: Json
    if kind == "stat":
        options = {"reduceOptions": {"calcs": ["lastNotNull"], "fields": "", "values": False}}
    else:
        options = {"legend": {"displayMode": "table", "placement": "bottom"}}
    return {
        "type": kind,
        "title": title,
        "description": description,
        "datasource": DATASOURCE,
        "gridPos": {"w": width, "h": 4 if kind == "stat" else 8},
        "fieldConfig": {"defaults": defaults, "overrides": []},
        "options": options,
        "targets": [{"refId": chr(ord("A") + i), **t} for i, t in enumerate(targets, start=0)],
    }


def quantiles(metric: str, selector: str, by: str, *qs: float) -> list[Json]:
    """histogram_quantile of ``metric``'s buckets for each quantile, summed by ``by``."""
    legend = " ".join(f"{{{{{label.strip()}}}}}" for label in by.split(",") if label.strip())
    return [
        target(
            f"histogram_quantile({q}, sum by ({by}, le) "
            f"(rate({metric}_bucket{{{selector}}}{RATE})))",
            f"{legend} p{round(q * 100)}".strip(),
        )
        for q in qs
    ]


def query_variable(
    name: str, label: str, query: str, *, multi: bool, description: str = ""
) -> Json:
    variable: Json = {
        "name": name,
        "type": "query",
        "label": label,
        "description": description,
        "datasource": DATASOURCE,
        "query": {"query": query, "refId": name},
        "definition": query,
        "refresh": 2,
        "sort": 1,
        "includeAll": multi,
        "multi": multi,
    }
    if multi:
        variable["allValue"] = ".*"
        variable["current"] = {"text": "All", "value": "$__all"}
    return variable


DATASOURCE_VARIABLE = {
    "name": "datasource",
    "type": "datasource",
    "query": "prometheus",
    "label": "Data source",
}


def dashboard(
    uid: str,
    title: str,
    description: str,
    variables: list[Json],
    rows: list[tuple[str, list[Json]]],
) -> Json:
    """Rows of panels, laid out left to right and wrapped at the grid's width."""
    panels: list[Json] = []
    y = 0
    for row_title, row_panels in rows:
        panels.append(
            {
                "type": "row",
                "title": row_title,
                "collapsed": False,
                "gridPos": {"x": 0, "y": y, "w": WIDTH, "h": 1},
                "panels": [],
            }
        )
        y += 1
        x = 0
        height = 0
        for item in row_panels:
            grid = item["gridPos"]
            if x + grid["w"] > WIDTH:
                x, y, height = 0, y + height, 0
            item["gridPos"] = {"x": x, "y": y, "w": grid["w"], "h": grid["h"]}
            x += grid["w"]
            height = max(height, grid["h"])
            panels.append(item)
        y += height
    for number, item in enumerate(panels, start=1):
        item["id"] = number
    return {
        "uid": uid,
        "title": title,
        "description": description,
        "tags": ["ecotrack"],
        "timezone": "utc",
        "schemaVersion": 39,
        "version": 1,
        "editable": False,
        "refresh": "30s",
        "time": {"from": "now-6h", "to": "now"},
        # Every EcoTrack dashboard links to the others, keeping the time range.
        "links": [
            {
                "type": "dashboards",
                "title": "EcoTrack",
                "tags": ["ecotrack"],
                "asDropdown": True,
                "keepTime": True,
                "includeVars": False,
            }
        ],
        "templating": {"list": [DATASOURCE_VARIABLE, *variables]},
        "panels": panels,
    }


# ---- the dashboards ----------------------------------------------------------------------------


def overview() -> Json:
    s = 'service=~"$service"'
    requests = f"ecotrack_http_requests_total{{{s}}}"
    errors = f'ecotrack_http_requests_total{{{s},status=~"5.."}}'
    golden = [
        panel(
            "Requests per second",
            "Requests answered by each service (probes and scrapes excluded).",
            "reqps",
            target(f"sum by (service) (rate({requests}{RATE}))", "{{service}}"),
        ),
        panel(
            "5xx ratio",
            "Share of each service's responses that are server errors "
            "(alert EcotrackHigh5xxRatio above 5 % for 10 minutes).",
            "percentunit",
            target(
                f"sum by (service) (rate({errors}{RATE})) "
                f"/ sum by (service) (rate({requests}{RATE}))",
                "{{service}}",
            ),
            minimum=0,
        ),
        *(
            panel(
                f"Latency p{round(q * 100)}",
                f"{round(q * 100)}th percentile of each service's response time"
                + (" (alert EcotrackHighLatencyP95 above 1 s)." if q == 0.95 else "."),
                "s",
                *quantiles("ecotrack_http_request_duration_seconds", s, "service", q),
                width=8,
            )
            for q in (0.5, 0.95, 0.99)
        ),
        panel(
            "Responses by status class",
            "Responses per second by service and status class (2xx, 4xx, 5xx...).",
            "reqps",
            target(
                "sum by (service, status_class) "
                f"(rate(ecotrack_http_request_duration_seconds_count{{{s}}}{RATE}))",
                "{{service}} {{status_class}}",
            ),
            width=8,
        ),
        panel(
            "Requests in flight",
            "Requests being answered now, summed over each service's replicas.",
            "short",
            target(f"sum by (service) (ecotrack_http_requests_in_flight{{{s}}})", "{{service}}"),
            width=8,
        ),
        panel(
            "Database connections in use",
            "Saturation: connections checked out of each service's pools, and those opened "
            "beyond the pool's size (overflow).",
            "short",
            target(
                "sum by (service, state) "
                f'(ecotrack_db_pool_connections{{{s},state=~"in_use|overflow"}})',
                "{{service}} {{state}}",
            ),
            width=8,
        ),
    ]
    upstream = 'upstream=~"$service"'
    front_door = [
        panel(
            "Upstreams with an open circuit",
            "How many upstreams the gateway's circuit breaker has cut off now (0 is healthy).",
            "short",
            target(
                "count(max by (upstream) "
                f'(ecotrack_circuit_breaker_state{{{upstream},state="opened"}}) == 1) '
                "or vector(0)"
            ),
            width=6,
            kind="stat",
        ),
        panel(
            "Rate-limit rejections",
            "Requests refused with 429, by limit (gateway.address, gateway.organization, login).",
            "reqps",
            target(
                f"sum by (limit) (rate(ecotrack_rate_limit_rejections_total{RATE}))", "{{limit}}"
            ),
            width=18,
        ),
        panel(
            "Upstream latency p95",
            "Time from forwarding a request to each upstream's status line, 95th percentile.",
            "s",
            *quantiles("ecotrack_upstream_duration_seconds", upstream, "upstream", 0.95),
            width=8,
        ),
        panel(
            "Upstream outcomes",
            "Forwarded requests per second by upstream and outcome: a status class, "
            "unreachable, timeout, circuit_open or not_sent.",
            "reqps",
            target(
                "sum by (upstream, outcome) "
                f"(rate(ecotrack_upstream_duration_seconds_count{{{upstream}}}{RATE}))",
                "{{upstream}} {{outcome}}",
            ),
            width=8,
        ),
        panel(
            "Circuits not closed",
            "1 while an upstream's circuit is opened or half-opened; nothing while all are closed.",
            "short",
            target(
                "max by (upstream, state) "
                f'(ecotrack_circuit_breaker_state{{{upstream},state!="closed"}}) == 1',
                "{{upstream}} {{state}}",
            ),
            width=8,
            minimum=0,
            maximum=1,
        ),
    ]
    events = [
        panel(
            "Outbox pending",
            "Events committed but not yet on the bus (alert EcotrackOutboxBacklog above 1000).",
            "short",
            target(f"max by (service) (ecotrack_outbox_pending{{{s}}})", "{{service}}"),
            width=8,
        ),
        panel(
            "Oldest unpublished event",
            "Age of the oldest event waiting in each outbox, 0 when none waits "
            "(alert EcotrackOutboxEventWaiting above 5 minutes).",
            "s",
            target(f"max by (service) (ecotrack_outbox_oldest_age_seconds{{{s}}})", "{{service}}"),
            width=8,
        ),
        panel(
            "Outbox published per second",
            "Events each service's relay put on the bus.",
            "ops",
            target(
                f"sum by (service) (rate(ecotrack_outbox_published_total{{{s}}}{RATE}))",
                "{{service}}",
            ),
            width=8,
        ),
        panel(
            "Events consumed by group and outcome",
            "applied, duplicate (seen before, skipped) and dead_lettered (given up on: read the "
            "family's .dlq topic).",
            "ops",
            target(
                f"sum by (group, outcome) (rate(ecotrack_events_consumed_total{RATE}))",
                "{{group}} {{outcome}}",
            ),
            width=24,
        ),
    ]
    return dashboard(
        "ecotrack-overview",
        "EcoTrack overview",
        "Golden signals of every service, the front door and the outbox: start here.",
        [
            query_variable(
                "service",
                "Service",
                "label_values(ecotrack_http_requests_total, service)",
                multi=True,
            )
        ],
        [("Golden signals", golden), ("Front door", front_door), ("Event pipeline", events)],
    )


def service() -> Json:
    s = 'service="$service"'
    routes = f'{s},route=~"$route"'
    # The cache's series carry no service label: keep those of the processes (instances)
    # that serve $service, which every scraped process has counted its own scrapes in.
    serving = f"on (instance) ecotrack_http_probe_requests_total{{{s}}}"

    def cache(selector: str = "") -> str:
        metric = (
            f"ecotrack_cache_requests_total{{{selector}}}"
            if selector
            else "ecotrack_cache_requests_total"
        )
        return f"(rate({metric}{RATE}) and {serving})"

    hits, reads = cache('result="hit"'), cache('result=~"hit|miss"')
    requests = [
        panel(
            "Requests per second by route",
            "Requests answered, by route template and method.",
            "reqps",
            target(
                f"sum by (route, method) (rate(ecotrack_http_requests_total{{{routes}}}{RATE}))",
                "{{method}} {{route}}",
            ),
        ),
        panel(
            "Latency p95 by route",
            "95th percentile of the response time, by route template and method.",
            "s",
            *quantiles("ecotrack_http_request_duration_seconds", routes, "route, method", 0.95),
        ),
        panel(
            "Responses by status class",
            "Responses per second of the selected routes, by status class.",
            "reqps",
            target(
                "sum by (status_class) "
                f"(rate(ecotrack_http_request_duration_seconds_count{{{routes}}}{RATE}))",
                "{{status_class}}",
            ),
            width=8,
        ),
        panel(
            "5xx ratio by route",
            "Share of each route's responses that are server errors.",
            "percentunit",
            target(
                "sum by (route) "
                f'(rate(ecotrack_http_requests_total{{{routes},status=~"5.."}}{RATE})) '
                f"/ sum by (route) (rate(ecotrack_http_requests_total{{{routes}}}{RATE}))",
                "{{route}}",
            ),
            width=8,
            minimum=0,
        ),
        panel(
            "Client errors by route and status",
            "4xx responses per second: refused input, missing permissions, rate limits.",
            "reqps",
            target(
                "sum by (route, status) "
                f'(rate(ecotrack_http_requests_total{{{routes},status=~"4.."}}{RATE}))',
                "{{status}} {{route}}",
            ),
            width=8,
        ),
        panel(
            "Latency p50 / p95 / p99",
            "Percentiles of the response time of the selected routes together.",
            "s",
            *quantiles("ecotrack_http_request_duration_seconds", routes, "service", 0.5),
            *quantiles("ecotrack_http_request_duration_seconds", routes, "service", 0.95),
            *quantiles("ecotrack_http_request_duration_seconds", routes, "service", 0.99),
        ),
        panel(
            "Requests in flight",
            "Requests being answered now, summed over the service's replicas.",
            "short",
            target(f"sum(ecotrack_http_requests_in_flight{{{s}}})", "in flight"),
        ),
    ]
    database = [
        panel(
            "Query latency p95 by statement",
            "95th percentile of the database's time for one statement, by kind "
            "(select, insert, update, delete, other).",
            "s",
            *quantiles("ecotrack_db_query_duration_seconds", s, "statement", 0.95),
            width=8,
        ),
        panel(
            "Queries per second by statement",
            "Statements run, by kind.",
            "ops",
            target(
                f"sum by (statement) (rate(ecotrack_db_query_duration_seconds_count{{{s}}}{RATE}))",
                "{{statement}}",
            ),
            width=8,
        ),
        panel(
            "Pool connections by state",
            "Connections in use, idle in the pool and opened beyond its size (overflow), "
            "summed over replicas. In use near the pool's size means requests wait for one.",
            "short",
            target(f"sum by (state) (ecotrack_db_pool_connections{{{s}}})", "{{state}}"),
            width=8,
        ),
    ]
    caching = [
        panel(
            "Cache calls by operation and result",
            "Calls to the cache (hit, miss, ok, error) of the processes serving the service.",
            "ops",
            target(
                f"sum by (backend, operation, result) {cache()}",
                "{{backend}} {{operation}} {{result}}",
            ),
        ),
        panel(
            "Cache hit ratio",
            "Hits among the reads that found an answer or none (errors excluded).",
            "percentunit",
            target(f"sum {hits} / sum {reads}", "hit ratio"),
            minimum=0,
            maximum=1,
        ),
    ]
    # Consumer groups are named after the service that runs them: "<service>.<name>".
    groups = 'group=~"$service\\\\..*"'
    events = [
        panel(
            "Outbox pending",
            "Events the service committed that wait for its relay.",
            "short",
            target(f"max(ecotrack_outbox_pending{{{s}}})", "pending"),
            width=6,
        ),
        panel(
            "Oldest unpublished event",
            "Age of the oldest event waiting in the service's outbox (0 when none waits).",
            "s",
            target(f"max(ecotrack_outbox_oldest_age_seconds{{{s}}})", "oldest"),
            width=6,
        ),
        panel(
            "Outbox published per second",
            "Events the service's relay put on the bus.",
            "ops",
            target(f"sum(rate(ecotrack_outbox_published_total{{{s}}}{RATE}))", "published"),
            width=6,
        ),
        panel(
            "Bus publish latency p95",
            "Time for the bus to take a relay batch durably, by bus.",
            "s",
            *quantiles("ecotrack_bus_publish_duration_seconds", s, "bus", 0.95),
            width=6,
        ),
        panel(
            "Events consumed by group and outcome",
            "The service's consumer groups: applied, duplicate, dead_lettered.",
            "ops",
            target(
                f"sum by (group, outcome) (rate(ecotrack_events_consumed_total{{{groups}}}{RATE}))",
                "{{group}} {{outcome}}",
            ),
        ),
        panel(
            "Consumer batch duration p95",
            "Time each of the service's groups takes to apply a batch, retries included.",
            "s",
            *quantiles("ecotrack_events_batch_duration_seconds", groups, "group", 0.95),
        ),
    ]
    return dashboard(
        "ecotrack-service",
        "EcoTrack service",
        "One service: its routes, database, cache, outbox and consumer groups.",
        [
            query_variable(
                "service",
                "Service",
                "label_values(ecotrack_http_requests_total, service)",
                multi=False,
                description="One dashboard per service: pick the service.",
            ),
            query_variable(
                "route",
                "Route",
                'label_values(ecotrack_http_requests_total{service="$service"}, route)',
                multi=True,
            ),
        ],
        [
            ("Requests", requests),
            ("Database", database),
            ("Cache", caching),
            ("Events", events),
        ],
    )


def event_pipeline() -> Json:
    s = 'service=~"$service"'
    g = 'group=~"$group"'

    def consumed(outcome: str = "") -> str:
        selector = f'{g},outcome="{outcome}"' if outcome else g
        return f"ecotrack_events_consumed_total{{{selector}}}"

    outbox = [
        panel(
            "Outbox pending",
            "Events committed but not yet on the bus, per service.",
            "short",
            target(f"max by (service) (ecotrack_outbox_pending{{{s}}})", "{{service}}"),
            width=8,
        ),
        panel(
            "Oldest unpublished event",
            "Age of the oldest event waiting in each outbox; it grows while a relay is stuck.",
            "s",
            target(f"max by (service) (ecotrack_outbox_oldest_age_seconds{{{s}}})", "{{service}}"),
            width=8,
        ),
        panel(
            "Published per second",
            "Events each service's relay put on the bus.",
            "ops",
            target(
                f"sum by (service) (rate(ecotrack_outbox_published_total{{{s}}}{RATE}))",
                "{{service}}",
            ),
            width=8,
        ),
    ]
    bus = [
        panel(
            "Publish latency p50 / p95",
            "Time for the bus to take a relay batch durably (Kafka: every delivery report), "
            "by service and bus.",
            "s",
            *quantiles("ecotrack_bus_publish_duration_seconds", s, "service, bus", 0.5, 0.95),
            width=8,
        ),
        panel(
            "Publish batches per second",
            "Relay batches the bus took, by service and bus.",
            "ops",
            target(
                "sum by (service, bus) "
                f"(rate(ecotrack_bus_publish_duration_seconds_count{{{s}}}{RATE}))",
                "{{service}} {{bus}}",
            ),
            width=8,
        ),
        panel(
            "Publish errors per second",
            "Relay batches the bus refused or lost; the relay retries them.",
            "ops",
            target(
                f"sum by (service, bus) (rate(ecotrack_bus_publish_errors_total{{{s}}}{RATE}))",
                "{{service}} {{bus}}",
            ),
            width=8,
        ),
    ]
    consumers = [
        panel(
            "Dead letters in the time range",
            "Events consumer groups gave up on (alert EcotrackEventsDeadLettered): read the "
            "family's .dlq topic.",
            "short",
            target(f"sum(increase({consumed('dead_lettered')}[$__range])) or vector(0)"),
            width=6,
            kind="stat",
        ),
        panel(
            "Events consumed by group and outcome",
            "applied, duplicate (seen before, skipped), dead_lettered.",
            "ops",
            target(f"sum by (group, outcome) (rate({consumed()}{RATE}))", "{{group}} {{outcome}}"),
            width=18,
        ),
        panel(
            "Dead-lettered by group",
            "Events given up on per second, by group.",
            "ops",
            target(f"sum by (group) (rate({consumed('dead_lettered')}{RATE}))", "{{group}}"),
            width=8,
        ),
        panel(
            "Duplicates by group",
            "Events a group had already applied (a redelivery), skipped.",
            "ops",
            target(f"sum by (group) (rate({consumed('duplicate')}{RATE}))", "{{group}}"),
            width=8,
        ),
        panel(
            "Batch duration p50 / p95",
            "Time a group takes to apply a batch of events, retries included.",
            "s",
            *quantiles("ecotrack_events_batch_duration_seconds", g, "group", 0.5, 0.95),
            width=8,
        ),
    ]
    return dashboard(
        "ecotrack-events",
        "EcoTrack event pipeline",
        "From each service's outbox over the bus to the consumer groups.",
        [
            query_variable(
                "service", "Service", "label_values(ecotrack_outbox_pending, service)", multi=True
            ),
            query_variable(
                "group",
                "Consumer group",
                "label_values(ecotrack_events_consumed_total, group)",
                multi=True,
            ),
        ],
        [("Outbox", outbox), ("Bus", bus), ("Consumer groups", consumers)],
    )


def business() -> Json:
    def total(metric: str) -> str:
        return f"sum(increase({metric}[$__range]))"

    def per_hour(metric: str, by: str) -> str:
        return f"3600 * sum by ({by}) (rate({metric}{RATE}))"

    in_range = [
        panel(
            "Organisations",
            "Organisations that exist now (Users counts them every 15 s).",
            "short",
            target("max(ecotrack_organizations)"),
            width=4,
            kind="stat",
        ),
        panel(
            "kg CO2e calculated",
            "kg CO2e entering the ledger in the time range (new activities and readings).",
            "masskg",
            target(total("ecotrack_co2e_calculated_kg_total")),
            width=4,
            kind="stat",
        ),
        panel(
            "Readings ingested",
            "Meter readings stored in the time range.",
            "short",
            target(total("ecotrack_readings_ingested_total")),
            width=4,
            kind="stat",
        ),
        panel(
            "Anomalies detected",
            "Meter anomalies detected in the time range.",
            "short",
            target(total("ecotrack_anomalies_detected_total")),
            width=4,
            kind="stat",
        ),
        panel(
            "Reports generated",
            "Reports generated in the time range, every format.",
            "short",
            target(total("ecotrack_reports_generated_total")),
            width=4,
            kind="stat",
        ),
        panel(
            "Webhook deliveries given up",
            "Deliveries that failed their last attempt in the time range (marked failed).",
            "short",
            target(
                'sum(increase(ecotrack_webhook_deliveries_total{outcome="gave_up"}[$__range])) '
                "or vector(0)"
            ),
            width=4,
            kind="stat",
        ),
    ]
    carbon = [
        panel(
            "kg CO2e calculated per hour by scope",
            "The rate at which emissions enter the ledger (not its net total); scope 2 "
            "location-based.",
            "masskg",
            target(per_hour("ecotrack_co2e_calculated_kg_total", "scope"), "scope {{scope}}"),
        ),
        panel(
            "Activities per hour by scope and change",
            "Activity versions stored: recorded, corrected, deleted, recalculated (meter "
            "roll-ups included).",
            "short",
            target(
                per_hour("ecotrack_activities_total", "scope, change"),
                "scope {{scope}} {{change}}",
            ),
        ),
        panel(
            "Readings ingested per hour by meter kind",
            "Meter readings stored, by kind.",
            "short",
            target(per_hour("ecotrack_readings_ingested_total", "kind"), "{{kind}}"),
        ),
        panel(
            "Estimates per hour by scope",
            "Stateless estimates calculated (nothing stored).",
            "short",
            target(per_hour("ecotrack_estimates_total", "scope"), "scope {{scope}}"),
        ),
    ]
    analytics = [
        panel(
            "Anomalies detected per hour",
            "Meter anomalies detected by Analytics.",
            "short",
            target(f"3600 * sum(rate(ecotrack_anomalies_detected_total{RATE}))", "anomalies"),
            width=8,
        ),
        panel(
            "Webhook deliveries per hour by outcome",
            "Delivery attempts: delivered, retrying (another attempt follows), gave_up.",
            "short",
            target(per_hour("ecotrack_webhook_deliveries_total", "outcome"), "{{outcome}}"),
            width=8,
        ),
        panel(
            "Reports generated per hour by format",
            "GHG inventory as json, csv or pdf, and the calculations csv.",
            "short",
            target(per_hour("ecotrack_reports_generated_total", "format"), "{{format}}"),
            width=8,
        ),
        panel(
            "Organisations",
            "Organisations that exist (max over Users replicas: each reports the same count).",
            "short",
            target("max(ecotrack_organizations)", "organisations"),
            width=24,
        ),
    ]
    return dashboard(
        "ecotrack-business",
        "EcoTrack business",
        "What the platform did for its organisations (docs/operations.md, Business metrics).",
        [],
        [("In the time range", in_range), ("Carbon", carbon), ("Analytics", analytics)],
    )


DASHBOARDS = {
    "ecotrack.json": overview,
    "ecotrack-service.json": service,
    "ecotrack-events.json": event_pipeline,
    "ecotrack-business.json": business,
}


def render(build: Any) -> str:
    return json.dumps(build(), indent=2) + "\n"


def main() -> None:
    for name, build in DASHBOARDS.items():
        (HERE / name).write_text(render(build))


if __name__ == "__main__":
    main()
