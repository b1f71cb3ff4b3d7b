"""Analytics' HTTP routes (mounted under ``/api/v1/analytics``); every one tenant-scoped."""

from __future__ import annotations

import secrets
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Any, Literal

import sqlalchemy as sa
from fastapi import APIRouter, Query, Response
from fastapi.responses import PlainTextResponse
from prometheus_client import Counter
from pydantic import Field

from ecotrack.analytics import amounts, audit, events, memberships, queries, reports, targets
from ecotrack.analytics.egress import AddressPolicy, registration_refusal
from ecotrack.analytics.models import (
    Anomaly,
    Denominator,
    MeterHour,
    Target,
    WebhookDelivery,
    WebhookEndpoint,
)
from ecotrack.analytics.schemas import (
    METRIC_UNITS,
    AnomalyOut,
    ChangeAnswer,
    ChangeRow,
    DeliveryOut,
    DenominatorIn,
    DenominatorOut,
    EmissionsAnswer,
    ForecastAnswer,
    ForecastPointOut,
    IntensityAnswer,
    IntensityRow,
    MeterHourOut,
    Metric,
    ReadingsAnswer,
    TargetIn,
    TargetOut,
    WebhookCreated,
    WebhookIn,
    WebhookOut,
)
from ecotrack.core.actor import ActorDep
from ecotrack.core.database import after_commit
from ecotrack.core.errors import NotFound, UnprocessableContent
from ecotrack.core.http import ReaderDep, RuntimeDep, SessionDep
from ecotrack.core.security import Tenant
from ecotrack.core.validation import EARLIEST_YEAR, LATEST_YEAR, Day

router = APIRouter(tags=["analytics"])

# A business metric (docs/operations.md, "Business metrics"): a report counts once the
# request's unit of work (with a download's audit event) has committed, before it is sent.
REPORTS = Counter(
    "ecotrack_reports_generated_total",
    "Reports generated (the GHG inventory as json, csv or pdf; the calculations csv), by format",
    ["format"],
)

# A person's role is checked against Analytics' view of memberships as well as the token
# (analytics/memberships.py): a removed member is refused, a demoted one acts demoted.
Read = Annotated[Tenant, memberships.authorize("reports:read")]
Write = Annotated[Tenant, memberships.authorize("analytics:write")]
Admin = Annotated[Tenant, memberships.authorize("webhooks:admin")]

# Dates from 1900-01-01 to 2100-12-31 and years 1900 to 2100 (core/validation.py): no
# window, previous year or next day a query works out can overflow the calendar.
From = Annotated[Day, Query(alias="from", description="First day, inclusive (from 1900-01-01)")]
To = Annotated[Day, Query(description="Last day, inclusive")]
Until = Annotated[Day, Query(alias="to", description="Last day, inclusive (to 2100-12-31)")]
AYear = Annotated[int, Query(ge=EARLIEST_YEAR, le=LATEST_YEAR)]
Method = Annotated[Literal["location", "market"], Query(description="Which scope 2 figure counts")]
GroupBy = Annotated[
    str | None, Query(description="Comma-separated: scope, category, facility, gas, month, year")
]
Facilities = Annotated[list[str] | None, Query(alias="facility_id")]
Scopes = Annotated[list[Annotated[int, Field(ge=1, le=3)]] | None, Query(alias="scope")]
Categories = Annotated[list[Annotated[int, Field(ge=1, le=15)]] | None, Query(alias="category")]
Gases = Annotated[list[str] | None, Query(alias="gas")]


def _filters(
    start: date,
    end: date,
    method: Literal["location", "market"],
    facilities: list[str] | None,
    scopes: list[int] | None,
    categories: list[int] | None,
    gases: list[str] | None,
) -> queries.Filters:
    return queries.Filters(
        start,
        end,
        scope2_method=method,
        facilities=tuple(facilities or ()),
        scopes=tuple(scopes or ()),
        categories=tuple(categories or ()),
        gases=tuple(gases or ()),
    )


@router.get("/emissions", summary="Emission totals and series, grouped and filtered")
async def get_emissions(
    tenant: Read,
    reader: ReaderDep,
    start: From,
    end: Until,
    group_by: GroupBy = None,
    scope2_method: Method = "location",
    facility_id: Facilities = None,
    scope: Scopes = None,
    category: Categories = None,
    gas: Gases = None,
) -> EmissionsAnswer:
    dimensions = queries.parse_group_by(group_by)
    filters = _filters(start, end, scope2_method, facility_id, scope, category, gas)
    totals = await queries.emissions(reader, tenant.organization_id, filters, dimensions)
    return EmissionsAnswer(
        from_=start,
        to=end,
        group_by=list(dimensions),
        scope2_method=scope2_method,
        total_co2e_kg=queries.kg(totals.total_pg),
        rows=queries.rows_as_dicts(dimensions, totals),
    )


def _previous_window(start: date, end: date, compare: str) -> tuple[date, date]:
    if compare == "previous_year":

        def back(day: date) -> date:
            # 29 February has no twin a year earlier: take the 28th.
            return day.replace(year=day.year - 1, day=min(day.day, 28 if day.month == 2 else 31))

        return back(start), back(end)
    length = (end - start).days + 1
    return start - timedelta(days=length), start - timedelta(days=1)


def _change(key: dict[str, Any], now: int, before: int) -> ChangeRow:
    # exact amounts (pg): the change is taken unrounded and rounded once, like the totals
    return ChangeRow(
        key=key,
        co2e_kg=queries.kg(now),
        previous_co2e_kg=queries.kg(before),
        change_kg=queries.kg(now - before),
        change_pct=round((now - before) / before * 100, 4) if before else None,
    )


@router.get("/emissions/change", summary="Year-over-year or period-over-period change, grouped")
async def get_change(
    tenant: Read,
    session: SessionDep,
    start: From,
    end: Until,
    compare: Literal["previous_year", "previous_period"] = "previous_year",
    group_by: GroupBy = None,
    scope2_method: Method = "location",
    facility_id: Facilities = None,
    scope: Scopes = None,
) -> ChangeAnswer:
    dimensions = queries.parse_group_by(group_by)
    if queries.TIME_DIMENSIONS & set(dimensions):
        raise UnprocessableContent("a change compares whole windows: group by non-time keys")
    earlier = _previous_window(start, end, compare)
    answers = []
    for window in ((start, end), earlier):
        filters = _filters(*window, scope2_method, facility_id, scope, None, None)
        answers.append(
            await queries.emissions(session, tenant.organization_id, filters, dimensions)
        )
    current, previous = answers
    keys = sorted(set(current.rows) | set(previous.rows), key=queries.sort_key)
    return ChangeAnswer(
        compare=compare,
        current={"from": start, "to": end},
        previous={"from": earlier[0], "to": earlier[1]},
        total=_change({}, current.total_pg, previous.total_pg),
        rows=[
            _change(
                dict(zip(dimensions, key, strict=True)),
                current.rows.get(key, 0),
                previous.rows.get(key, 0),
            )
            for key in keys
            if dimensions
        ],
    )


@router.get("/emissions/top", summary="The largest emitters by facility, category, scope or gas")
async def get_top(
    tenant: Read,
    session: SessionDep,
    start: From,
    end: Until,
    by: Literal["facility", "category", "scope", "gas"] = "facility",
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
    scope2_method: Method = "location",
    scope: Scopes = None,
) -> EmissionsAnswer:
    filters = _filters(start, end, scope2_method, None, scope, None, None)
    totals = await queries.emissions(session, tenant.organization_id, filters, (by,))
    rows = queries.rows_as_dicts((by,), totals)
    rows.sort(key=lambda row: -row["co2e_kg"])
    return EmissionsAnswer(
        from_=start,
        to=end,
        group_by=[by],
        scope2_method=scope2_method,
        total_co2e_kg=queries.kg(totals.total_pg),
        rows=rows[:limit],
    )


@router.get("/emissions/intensity", summary="Emissions per employee, per m² or per revenue")
async def get_intensity(
    tenant: Read,
    session: SessionDep,
    metric: Metric,
    from_year: AYear,
    to_year: AYear,
    scope2_method: Method = "location",
    scope: Scopes = None,
) -> IntensityAnswer:
    totals = await queries.annual_totals(
        session, tenant.organization_id, tuple(scope or ()), scope2_method, from_year, to_year
    )
    per = await targets.denominators(session, tenant.organization_id, metric)
    rows = []
    for year in range(from_year, to_year + 1):
        pg = totals.get(year, 0)
        denominator = per.get(year)
        rows.append(
            IntensityRow(
                year=year,
                co2e_kg=queries.kg(pg),
                denominator=denominator,
                # from the unrounded total, rounded once
                intensity=round(amounts.exact_kg(pg) / denominator, 9) if denominator else None,
            )
        )
    return IntensityAnswer(metric=metric, unit=f"kg CO2e per {METRIC_UNITS[metric]}", rows=rows)


@router.get("/emissions/forecast", summary="Annual emissions projected by a linear trend")
async def get_forecast(
    tenant: Read,
    session: SessionDep,
    to_year: AYear,
    scope2_method: Method = "location",
    scope: Scopes = None,
) -> ForecastAnswer:
    history = {
        year: queries.kg(pg)
        for year, pg in (
            await queries.annual_totals(
                session, tenant.organization_id, tuple(scope or ()), scope2_method
            )
        ).items()
    }
    last = max(history, default=to_year)
    points = targets.linear_forecast(history, list(range(last + 1, to_year + 1)))
    return ForecastAnswer(
        method="ordinary least squares linear trend on annual totals",
        confidence=targets.CONFIDENCE,
        unit="kg CO2e",
        history=history,
        points=[ForecastPointOut(**vars(point)) for point in points],
    )


@router.get("/coverage", summary="Which facilities and months have no emissions data")
async def get_coverage(
    tenant: Read, session: SessionDep, start: From, end: Until
) -> dict[str, Any]:
    if end < start:
        raise UnprocessableContent("'to' is before 'from'")
    return await queries.coverage(session, tenant.organization_id, start, end)


@router.get("/readings", summary="A meter's readings by hour or day")
async def get_readings(
    tenant: Read,
    session: SessionDep,
    meter_id: str,
    start: From,
    end: Until,
    granularity: Literal["hour", "day"] = "hour",
) -> ReadingsAnswer:
    low = datetime(start.year, start.month, start.day, tzinfo=UTC)
    high = datetime(end.year, end.month, end.day, tzinfo=UTC) + timedelta(days=1)
    hours = (
        await session.scalars(
            sa.select(MeterHour)
            .where(
                MeterHour.organization_id == tenant.organization_id,
                MeterHour.meter_id == meter_id,
                MeterHour.hour >= low,
                MeterHour.hour < high,
            )
            .order_by(MeterHour.hour)
        )
    ).all()
    buckets: dict[datetime, list[MeterHour]] = defaultdict(list)
    for hour in hours:
        start_of = hour.hour.replace(hour=0) if granularity == "day" else hour.hour
        buckets[start_of].append(hour)
    return ReadingsAnswer(
        meter_id=meter_id,
        granularity=granularity,
        kind=hours[0].kind if hours else None,
        unit=hours[0].unit if hours else None,
        rows=[
            MeterHourOut(
                period=period,
                count=sum(h.count for h in group),
                sum=sum(h.sum for h in group),
                min=min(h.min for h in group),
                max=max(h.max for h in group),
            )
            for period, group in buckets.items()
        ],
    )


@router.put("/denominators", summary="Set an intensity denominator for a year")
async def put_denominator(
    tenant: Write, session: SessionDep, body: DenominatorIn
) -> DenominatorOut:
    row = await session.get(Denominator, (tenant.organization_id, body.year, body.metric))
    if row is None:
        row = Denominator(
            organization_id=tenant.organization_id, year=body.year, metric=body.metric
        )
        session.add(row)
    row.value = body.value
    row.unit = METRIC_UNITS[body.metric]
    return DenominatorOut.model_validate(row, from_attributes=True)


@router.get("/denominators", summary="Your organisation's intensity denominators")
async def list_denominators(tenant: Read, session: SessionDep) -> list[DenominatorOut]:
    rows = await session.scalars(
        sa.select(Denominator)
        .where(Denominator.organization_id == tenant.organization_id)
        .order_by(Denominator.year, Denominator.metric)
    )
    return [DenominatorOut.model_validate(row, from_attributes=True) for row in rows]


_NAMES = {Target: "target", Anomaly: "anomaly", WebhookEndpoint: "webhook"}


async def _own(session: SessionDep, model: Any, object_id: str, tenant: Tenant) -> Any:
    """The tenant's object of ``model`` by id; another organisation's is as good as absent."""
    found = await session.get(model, object_id)
    if found is None or found.organization_id != tenant.organization_id:
        raise NotFound(f"no such {_NAMES[model]}: {object_id}")
    return found


def _target_out(target: Target) -> TargetOut:
    return TargetOut.model_validate(target, from_attributes=True)


@router.post("/targets", status_code=201, summary="Set a reduction target")
async def create_target(tenant: Write, session: SessionDep, body: TargetIn) -> TargetOut:
    target = Target(organization_id=tenant.organization_id, **body.model_dump())
    session.add(target)
    await session.flush()
    return _target_out(target)


@router.get("/targets", summary="Your organisation's reduction targets")
async def list_targets(tenant: Read, session: SessionDep) -> list[TargetOut]:
    rows = await session.scalars(
        sa.select(Target)
        .where(Target.organization_id == tenant.organization_id)
        .order_by(Target.created_at, Target.id)
    )
    return [_target_out(row) for row in rows]


@router.get("/targets/{target_id}", summary="One reduction target")
async def get_target(tenant: Read, session: SessionDep, target_id: str) -> TargetOut:
    return _target_out(await _own(session, Target, target_id, tenant))


@router.delete("/targets/{target_id}", status_code=204, summary="Remove a reduction target")
async def delete_target(tenant: Write, session: SessionDep, target_id: str) -> Response:
    await session.delete(await _own(session, Target, target_id, tenant))
    return Response(status_code=204)


@router.get(
    "/targets/{target_id}/progress",
    summary="Progress against the target path, required reduction, on track or not",
)
async def get_target_progress(tenant: Read, session: SessionDep, target_id: str) -> dict[str, Any]:
    return await targets.progress(session, await _own(session, Target, target_id, tenant))


@router.get("/anomalies", summary="Meter readings far outside the meter's own pattern")
async def list_anomalies(
    tenant: Read,
    session: SessionDep,
    meter_id: str | None = None,
    acknowledged: bool | None = None,
) -> list[AnomalyOut]:
    query = sa.select(Anomaly).where(Anomaly.organization_id == tenant.organization_id)
    if meter_id is not None:
        query = query.where(Anomaly.meter_id == meter_id)
    if acknowledged is not None:
        query = query.where(
            Anomaly.acknowledged_at.is_not(None)
            if acknowledged
            else Anomaly.acknowledged_at.is_(None)
        )
    rows = await session.scalars(query.order_by(Anomaly.hour, Anomaly.meter_id))
    return [AnomalyOut.model_validate(row) for row in rows]


@router.get("/anomalies/{anomaly_id}", summary="One anomaly")
async def get_anomaly(tenant: Read, session: SessionDep, anomaly_id: str) -> AnomalyOut:
    return AnomalyOut.model_validate(await _own(session, Anomaly, anomaly_id, tenant))


@router.post("/anomalies/{anomaly_id}/acknowledge", summary="Acknowledge an anomaly")
async def acknowledge_anomaly(tenant: Write, session: SessionDep, anomaly_id: str) -> AnomalyOut:
    anomaly: Anomaly = await _own(session, Anomaly, anomaly_id, tenant)
    if anomaly.acknowledged_at is None:
        anomaly.acknowledged_at = datetime.now(UTC)
        anomaly.acknowledged_by = tenant.identity.subject
    return AnomalyOut.model_validate(anomaly)


@router.post("/webhooks", status_code=201, summary="Register a webhook; its secret is shown once")
async def create_webhook(
    tenant: Admin, session: SessionDep, body: WebhookIn, runtime: RuntimeDep, actor: ActorDep
) -> WebhookCreated:
    """Public addresses only: the host is resolved now (422 if it is an internal address)
    and again at every delivery."""
    policy = AddressPolicy.from_settings(runtime.settings)
    if (reason := await registration_refusal(str(body.url), policy)) is not None:
        raise UnprocessableContent(f"webhooks cannot be delivered to this URL: {reason}")
    endpoint = WebhookEndpoint(
        organization_id=tenant.organization_id,
        url=str(body.url),
        event_types=sorted(set(body.event_types)),
        secret=secrets.token_hex(32),
        description=body.description,
    )
    session.add(endpoint)
    await session.flush()
    await audit.webhook_changed(session, runtime.outbox, events.WEBHOOK_CREATED, endpoint, actor)
    return WebhookCreated.model_validate(endpoint)


@router.get("/webhooks", summary="Your organisation's webhooks")
async def list_webhooks(tenant: Admin, session: SessionDep) -> list[WebhookOut]:
    rows = await session.scalars(
        sa.select(WebhookEndpoint)
        .where(WebhookEndpoint.organization_id == tenant.organization_id)
        .order_by(WebhookEndpoint.created_at, WebhookEndpoint.id)
    )
    return [WebhookOut.model_validate(row) for row in rows]


@router.get("/webhooks/{webhook_id}", summary="One webhook")
async def get_webhook(tenant: Admin, session: SessionDep, webhook_id: str) -> WebhookOut:
    return WebhookOut.model_validate(await _own(session, WebhookEndpoint, webhook_id, tenant))


@router.delete("/webhooks/{webhook_id}", status_code=204, summary="Remove a webhook")
async def delete_webhook(
    tenant: Admin, session: SessionDep, webhook_id: str, runtime: RuntimeDep, actor: ActorDep
) -> Response:
    endpoint = await _own(session, WebhookEndpoint, webhook_id, tenant)
    await audit.webhook_changed(session, runtime.outbox, events.WEBHOOK_DELETED, endpoint, actor)
    await session.execute(
        sa.delete(WebhookDelivery).where(WebhookDelivery.endpoint_id == endpoint.id)
    )
    await session.delete(endpoint)
    return Response(status_code=204)


@router.get("/webhooks/{webhook_id}/deliveries", summary="A webhook's delivery log, newest first")
async def list_deliveries(
    tenant: Admin,
    session: SessionDep,
    webhook_id: str,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[DeliveryOut]:
    endpoint = await _own(session, WebhookEndpoint, webhook_id, tenant)
    rows = await session.scalars(
        sa.select(WebhookDelivery)
        .where(WebhookDelivery.endpoint_id == endpoint.id)
        .order_by(WebhookDelivery.created_at.desc(), WebhookDelivery.id)
        .limit(limit)
    )
    return [DeliveryOut.model_validate(row) for row in rows]


Year = Annotated[int, Query(ge=EARLIEST_YEAR, le=LATEST_YEAR, description="Reporting year")]


@router.get(
    "/reports/inventory",
    summary="GHG inventory of a year (GHG Protocol Corporate Standard) as JSON, CSV or PDF",
    response_model=None,
)
async def get_inventory(
    tenant: Read,
    session: SessionDep,
    year: Year,
    runtime: RuntimeDep,
    actor: ActorDep,
    format: Literal["json", "csv", "pdf"] = "json",
    base_year: Annotated[int | None, Query(ge=EARLIEST_YEAR, le=LATEST_YEAR)] = None,
) -> dict[str, Any] | Response:
    report = await reports.inventory(session, tenant.organization_id, year, base_year)
    name = f"ghg-inventory-{year}"
    after_commit(session, REPORTS.labels(format).inc)
    if format == "json":
        return report
    # a file download is an export: audited, committed with this request as it is served
    await audit.report_exported(
        session,
        runtime.outbox,
        tenant.organization_id,
        actor,
        report="inventory",
        format=format,
        year=year,
        base_year=base_year,
    )
    if format == "csv":
        return _download(reports.inventory_csv(report).encode(), "text/csv", f"{name}.csv")
    return _download(reports.inventory_pdf(report), "application/pdf", f"{name}.pdf")


@router.get(
    "/reports/calculations",
    summary="CSV of every calculation behind a year, with factor and citation",
    response_class=PlainTextResponse,
)
async def get_calculations(
    tenant: Read, session: SessionDep, year: Year, runtime: RuntimeDep, actor: ActorDep
) -> Response:
    records = await reports.current_activities(session, tenant.organization_id, year)
    body = reports.calculations_csv(records, year).encode()
    after_commit(session, REPORTS.labels("csv").inc)
    await audit.report_exported(
        session,
        runtime.outbox,
        tenant.organization_id,
        actor,
        report="calculations",
        format="csv",
        year=year,
    )
    return _download(body, "text/csv", f"calculations-{year}.csv")


def _download(body: bytes, media_type: str, filename: str) -> Response:
    return Response(
        body,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
