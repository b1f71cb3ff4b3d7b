"""Carbon Tracking's HTTP routes (mounted under ``/api/v1/carbon``).

Factor search, factor lookup and the activity catalogue are public reads; a signed-in
caller also sees their organisation's private factors there. Estimates need a signed-in
caller and use their organisation's private factors and instruments. Factor ids are full
of ``:``, so the id routes take the rest of the path.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Annotated, Literal

import orjson
from fastapi import APIRouter, Depends, Header, Query, Request, Response, status
from prometheus_client import Counter
from pydantic import TypeAdapter
from starlette.concurrency import run_in_threadpool

from ecotrack.carbon import imports, ledger, memberships, readings, service
from ecotrack.carbon.engine import estimate, iter_batch, list_activities
from ecotrack.carbon.factors import (
    Factor,
    ReferenceKind,
    ReferencePage,
    SearchPage,
    load_factor_library,
)
from ecotrack.carbon.schemas import (
    ActivityCreate,
    ActivityInfo,
    ActivityRecord,
    BatchItem,
    BatchRequest,
    BatchResponse,
    EstimateRequest,
    EstimateResult,
    FacilityCreate,
    FacilityRecord,
    ImportReport,
    IngestReport,
    InstrumentCreate,
    InstrumentRecord,
    MeterCreate,
    MeterRecord,
    Page,
    PeriodCreate,
    PeriodRecord,
    PrivateFactor,
    PrivateFactorCreate,
    Reading,
    RecalculationReport,
    RecalculationRequest,
    Source,
    Totals,
    UnitCreate,
    UnitRecord,
)
from ecotrack.core.actor import Actor, ActorDep
from ecotrack.core.http import RuntimeDep, SessionDep
from ecotrack.core.security import CallerDep, OptionalCallerDep, Tenant
from ecotrack.core.validation import Day, Moment

router = APIRouter(tags=["carbon"])

# A business metric (docs/operations.md, "Business metrics"). Estimates store nothing, so
# one is counted as soon as it is calculated, by its scope (1, 2 or 3).
ESTIMATES = Counter(
    "ecotrack_estimates_total",
    "Stateless estimates calculated (POST /estimates, and each estimate of a batch), by scope",
    ["scope"],
)

# A person's role is checked against Carbon's view of memberships as well as the token
# (carbon/memberships.py): a removed member is refused, a demoted one acts demoted.
ReadFactors = Annotated[Tenant, memberships.authorize("factors:read")]
ReadActivities = Annotated[Tenant, memberships.authorize("activities:read")]
WriteActivities = Annotated[Tenant, memberships.authorize("activities:write")]
WriteReadings = Annotated[Tenant, memberships.authorize("readings:write")]
AdminPeriods = Annotated[Tenant, memberships.authorize("periods:admin")]
AdminRecalculations = Annotated[Tenant, memberships.authorize("recalculations:admin")]
WriteFactors = Annotated[Tenant, memberships.authorize("factors:write")]
Limit = Annotated[int, Query(ge=1, le=200, description="Page size (1 to 200)")]
# an offset past any list, but one a database integer holds (a larger one answered 500)
Offset = Annotated[int, Query(ge=0, le=1_000_000_000)]
UnitType = Literal[
    "energy",
    "volume",
    "mass",
    "distance",
    "passenger_distance",
    "freight_distance",
    "room_nights",
    "working_hours",
    "money",
]


# --- factors and activities ----------------------------------------------------------------


@router.get("/factors", summary="Search emission factors, with facets that still give results")
async def search_factors(
    runtime: RuntimeDep,
    caller: OptionalCallerDep,
    text: Annotated[
        str | None,
        Query(max_length=200, description="Words to find in ids, labels, source references"),
    ] = None,
    activity: str | None = None,
    region: str | None = None,
    year: int | None = None,
    dataset: str | None = None,
    edition: Annotated[str | None, Query(description="A dataset edition, e.g. desnz-2024")] = None,
    source_ref: Annotated[
        str | None,
        Query(max_length=200, description="The publisher's row reference, exactly"),
    ] = None,
    scope: Annotated[int | None, Query(ge=1, le=3)] = None,
    category: Annotated[int | None, Query(ge=1, le=15, description="Scope 3 category")] = None,
    unit_type: UnitType | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> SearchPage:
    context = await service.context_for(runtime.database, caller)
    return context.library.search(
        text=text,
        source_ref=source_ref,
        activity=activity,
        region=region,
        year=year,
        dataset=dataset,
        edition=edition,
        scope=scope,
        scope3_category=category,
        unit_type=unit_type,
        limit=limit,
        offset=offset,
    )


@router.get(
    "/reference-values",
    summary="Published values that are not emission factors: biogenic CO2 outside the scopes, "
    "SECR energy conversions, grid loss rates",
)
async def reference_values(
    kind: ReferenceKind | None = None,
    edition: str | None = None,
    region: str | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> ReferencePage:
    found = [
        value
        for value in load_factor_library().references
        if (kind is None or value.kind == kind)
        and (edition is None or value.edition == edition)
        and (region is None or value.region == region)
    ]
    return ReferencePage(
        items=found[offset : offset + limit], total=len(found), limit=limit, offset=offset
    )


@router.get("/factors/{factor_id:path}", summary="One emission factor, public or your own")
async def get_factor(factor_id: str, runtime: RuntimeDep, caller: OptionalCallerDep) -> Factor:
    context = await service.context_for(runtime.database, caller)
    return context.library.get(factor_id)


@cache
def _catalogue() -> list[ActivityInfo]:
    return list_activities(load_factor_library())


@router.get("/activities", summary="Activities, their options, accepted values and units")
async def activities() -> list[ActivityInfo]:
    return _catalogue()


# --- estimates -----------------------------------------------------------------------------


@router.post("/estimates", summary="Estimate the emissions of one activity (stateless)")
async def create_estimate(
    request: EstimateRequest, runtime: RuntimeDep, caller: CallerDep
) -> EstimateResult:
    context = await service.context_for(runtime.database, caller)
    result = estimate(request, context.library, instruments=context.instruments)
    ESTIMATES.labels(str(result.scope)).inc()
    return result


_ANSWER = TypeAdapter(BatchItem)


def _batch_body(answers: Iterable[BatchItem]) -> bytes:
    """The batch response, serialised answer by answer as the engine yields them.

    Serialising each answer straight to bytes lets it die at once, so the collector never
    walks ten thousand live results; one join at the end copies the ~20 MB only once. The
    bytes are a ``BatchResponse``.
    """
    parts = [b'{"items":[']
    succeeded = failed = 0
    by_scope = dict.fromkeys((1, 2, 3), 0)
    for answer in answers:
        if succeeded or failed:
            parts.append(b",")
        parts.append(_ANSWER.dump_json(answer))
        if answer.problem is None:
            succeeded += 1
        else:
            failed += 1
        if answer.result is not None:
            by_scope[answer.result.scope] += 1
    for scope, count in by_scope.items():
        if count:
            ESTIMATES.labels(str(scope)).inc(count)
    parts.append(f'],"succeeded":{succeeded},"failed":{failed}}}'.encode())
    return b"".join(parts)


@router.post(
    "/estimates/batch",
    summary="Estimate up to 10,000 activities; each answers alone, in order",
    response_model=BatchResponse,
    responses={413: {"description": "More than 10,000 items"}},
)
async def create_estimates(batch: BatchRequest, runtime: RuntimeDep, caller: CallerDep) -> Response:
    context = await service.context_for(runtime.database, caller)
    answers = iter_batch(batch.items, context.library, instruments=context.instruments)
    # ten thousand estimates take a few hundred milliseconds: off the event loop, so the
    # process keeps answering other requests meanwhile
    body = await run_in_threadpool(_batch_body, answers)
    return Response(body, media_type="application/json")


# --- private factors -----------------------------------------------------------------------


@router.post(
    "/private-factors",
    status_code=status.HTTP_201_CREATED,
    summary="Add a private factor; it works wherever a public one does",
)
async def create_private_factor(
    draft: PrivateFactorCreate,
    tenant: WriteFactors,
    session: SessionDep,
    runtime: RuntimeDep,
    actor: ActorDep,
) -> PrivateFactor:
    return await service.create_private_factor(
        session, runtime.outbox, tenant.organization_id, tenant.identity, draft, by=actor
    )


@router.get("/private-factors", summary="Your organisation's private factors, oldest first")
async def list_private_factors(
    tenant: ReadFactors, session: SessionDep, limit: Limit = 50, offset: Offset = 0
) -> Page[PrivateFactor]:
    return await service.list_private_factors(
        session, tenant.organization_id, limit=limit, offset=offset
    )


@router.get("/private-factors/{factor_id:path}", summary="One of your private factors")
async def get_private_factor(
    factor_id: str, tenant: ReadFactors, session: SessionDep
) -> PrivateFactor:
    return await service.get_private_factor(session, tenant.organization_id, factor_id)


@router.delete(
    "/private-factors/{factor_id:path}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete one of your private factors",
)
async def delete_private_factor(
    factor_id: str,
    tenant: WriteFactors,
    session: SessionDep,
    runtime: RuntimeDep,
    actor: ActorDep,
) -> None:
    await service.delete_private_factor(
        session, runtime.outbox, tenant.organization_id, tenant.identity, factor_id, by=actor
    )


# --- contractual instruments ---------------------------------------------------------------


@router.post(
    "/instruments",
    status_code=status.HTTP_201_CREATED,
    summary="Record a contractual instrument for market-based scope 2",
)
async def create_instrument(
    draft: InstrumentCreate,
    tenant: WriteFactors,
    session: SessionDep,
    runtime: RuntimeDep,
    actor: ActorDep,
) -> InstrumentRecord:
    return await service.create_instrument(
        session, runtime.outbox, tenant.organization_id, tenant.identity, draft, by=actor
    )


@router.get("/instruments", summary="Your organisation's contractual instruments")
async def list_instruments(
    tenant: ReadFactors, session: SessionDep, limit: Limit = 50, offset: Offset = 0
) -> Page[InstrumentRecord]:
    return await service.list_instruments(
        session, tenant.organization_id, limit=limit, offset=offset
    )


@router.get("/instruments/{instrument_id}", summary="One of your contractual instruments")
async def get_instrument(
    instrument_id: str, tenant: ReadFactors, session: SessionDep
) -> InstrumentRecord:
    return await service.get_instrument(session, tenant.organization_id, instrument_id)


@router.delete(
    "/instruments/{instrument_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete one of your contractual instruments",
)
async def delete_instrument(
    instrument_id: str,
    tenant: WriteFactors,
    session: SessionDep,
    runtime: RuntimeDep,
    actor: ActorDep,
) -> None:
    await service.delete_instrument(
        session, runtime.outbox, tenant.organization_id, instrument_id, by=actor
    )


# --- organisational units and facilities ---------------------------------------------------


@router.post("/units", status_code=status.HTTP_201_CREATED, summary="Add an organisational unit")
async def create_unit(
    draft: UnitCreate, tenant: WriteActivities, session: SessionDep
) -> UnitRecord:
    return await ledger.create_unit(session, tenant.organization_id, tenant.identity, draft)


@router.get("/units", summary="Your organisation's units")
async def list_units(tenant: ReadActivities, session: SessionDep) -> list[UnitRecord]:
    return await ledger.list_units(session, tenant.organization_id)


@router.get("/units/{unit_id}", summary="One organisational unit")
async def get_unit(unit_id: str, tenant: ReadActivities, session: SessionDep) -> UnitRecord:
    return await ledger.get_unit(session, tenant.organization_id, unit_id)


@router.post("/facilities", status_code=status.HTTP_201_CREATED, summary="Add a facility")
async def create_facility(
    draft: FacilityCreate, tenant: WriteActivities, session: SessionDep
) -> FacilityRecord:
    return await ledger.create_facility(session, tenant.organization_id, tenant.identity, draft)


@router.get("/facilities", summary="Your organisation's facilities")
async def list_facilities(tenant: ReadActivities, session: SessionDep) -> list[FacilityRecord]:
    return await ledger.list_facilities(session, tenant.organization_id)


@router.get("/facilities/{facility_id}", summary="One facility")
async def get_facility(
    facility_id: str, tenant: ReadActivities, session: SessionDep
) -> FacilityRecord:
    return await ledger.get_facility(session, tenant.organization_id, facility_id)


@router.put("/facilities/{facility_id}", summary="Change a facility's details")
async def update_facility(
    facility_id: str, draft: FacilityCreate, tenant: WriteActivities, session: SessionDep
) -> FacilityRecord:
    return await ledger.update_facility(session, tenant.organization_id, facility_id, draft)


# --- reporting periods ---------------------------------------------------------------------


@router.post("/periods", status_code=status.HTTP_201_CREATED, summary="Add a reporting period")
async def create_period(
    draft: PeriodCreate, tenant: AdminPeriods, session: SessionDep
) -> PeriodRecord:
    return await ledger.create_period(session, tenant.organization_id, draft)


@router.get("/periods", summary="Your organisation's reporting periods")
async def list_periods(tenant: ReadActivities, session: SessionDep) -> list[PeriodRecord]:
    return await ledger.list_periods(session, tenant.organization_id)


@router.get("/periods/{period_id}", summary="One reporting period")
async def get_period(period_id: str, tenant: ReadActivities, session: SessionDep) -> PeriodRecord:
    return await ledger.get_period(session, tenant.organization_id, period_id)


@router.post("/periods/{period_id}/close", summary="Close a period: its activities stop changing")
async def close_period(
    period_id: str,
    tenant: AdminPeriods,
    session: SessionDep,
    runtime: RuntimeDep,
    actor: ActorDep,
) -> PeriodRecord:
    return await ledger.close_period(
        session, runtime.outbox, tenant.organization_id, tenant.identity, period_id, by=actor
    )


# --- the activity ledger -------------------------------------------------------------------
# The static paths come before /activities/{activity_id}, which would otherwise take them.


@router.post(
    "/activities",
    status_code=status.HTTP_201_CREATED,
    summary="Record an activity: stored with its factor and results, published as an event",
)
async def record_activity(
    draft: ActivityCreate, tenant: WriteActivities, session: SessionDep, runtime: RuntimeDep
) -> ActivityRecord:
    context = await service.context_in(session, tenant.organization_id)
    return await ledger.record(
        session, runtime.outbox, context, tenant.organization_id, tenant.identity, draft
    )


def _filters(
    start: Annotated[Day | None, Query(alias="from", description="Starting on or after")] = None,
    end: Annotated[Day | None, Query(alias="to", description="Starting on or before")] = None,
    activity: str | None = None,
    facility_id: str | None = None,
    meter_id: str | None = None,
    scope: Annotated[int | None, Query(ge=1, le=3)] = None,
    source: Source | None = None,
) -> ledger.Filters:
    return ledger.Filters(start, end, activity, facility_id, meter_id, scope, source)


FiltersDep = Annotated[ledger.Filters, Depends(_filters)]


@router.get("/activities/records", summary="Current versions of your activities, filtered")
async def list_records(
    tenant: ReadActivities,
    session: SessionDep,
    filters: FiltersDep,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[ActivityRecord]:
    return await ledger.list_current(
        session, tenant.organization_id, filters, limit=limit, offset=offset
    )


@router.get("/activities/totals", summary="Totals of the current versions, whole or grouped")
async def activity_totals(
    tenant: ReadActivities,
    session: SessionDep,
    filters: FiltersDep,
    group_by: ledger.GroupBy | None = None,
) -> Totals:
    return await ledger.totals(session, tenant.organization_id, filters, group_by)


@router.get(
    "/activities/import/template",
    summary="The import template, with worked rows, as CSV or XLSX",
    response_class=Response,
)
async def import_template(format: Literal["csv", "xlsx"] = "csv") -> Response:
    if format == "xlsx":
        return Response(
            imports.template_xlsx(),
            media_type=imports.XLSX_TYPE,
            headers={"Content-Disposition": 'attachment; filename="activities.xlsx"'},
        )
    return Response(
        imports.template_csv(),
        media_type=imports.CSV_TYPE,
        headers={"Content-Disposition": 'attachment; filename="activities.csv"'},
    )


@router.post(
    "/activities/import",
    status_code=status.HTTP_201_CREATED,
    summary="Import activities from a CSV or XLSX file; every row is checked first",
    responses={
        413: {"description": "Over the size or row limit"},
        415: {"description": "Neither CSV nor XLSX"},
        422: {"description": "Wrong columns, or bad rows (with a per-row report)"},
    },
)
async def import_activities(
    request: Request,
    tenant: WriteActivities,
    session: SessionDep,
    runtime: RuntimeDep,
    mode: imports.Mode = "all_or_nothing",
) -> ImportReport:
    context = await service.context_in(session, tenant.organization_id)
    return await imports.import_file(
        session,
        runtime.outbox,
        context,
        tenant.organization_id,
        tenant.identity.subject,
        await request.body(),
        request.headers.get("content-type", ""),
        mode,
    )


async def _activity_exists(activity_id: str, tenant: ReadActivities, session: SessionDep) -> str:
    # A dependency, so another organisation's id answers 404 before the body is validated.
    await ledger.existing_activity(session, tenant.organization_id, activity_id)
    return activity_id


ExistingActivity = Annotated[str, Depends(_activity_exists)]


@router.get("/activities/{activity_id}", summary="An activity's latest version")
async def get_activity(
    activity_id: ExistingActivity, tenant: ReadActivities, session: SessionDep
) -> ActivityRecord:
    return await ledger.get(session, tenant.organization_id, activity_id)


@router.get("/activities/{activity_id}/versions", summary="Every version of an activity")
async def activity_versions(
    activity_id: ExistingActivity, tenant: ReadActivities, session: SessionDep
) -> list[ActivityRecord]:
    return await ledger.versions(session, tenant.organization_id, activity_id)


@router.put("/activities/{activity_id}", summary="Correct an activity: a new version")
async def correct_activity(
    activity_id: ExistingActivity,
    draft: ActivityCreate,
    tenant: WriteActivities,
    session: SessionDep,
    runtime: RuntimeDep,
) -> ActivityRecord:
    context = await service.context_in(session, tenant.organization_id)
    return await ledger.correct(
        session,
        runtime.outbox,
        context,
        tenant.organization_id,
        tenant.identity,
        activity_id,
        draft,
    )


@router.delete("/activities/{activity_id}", summary="Delete an activity: a tombstone version")
async def delete_activity(
    activity_id: ExistingActivity, tenant: WriteActivities, session: SessionDep, runtime: RuntimeDep
) -> ActivityRecord:
    return await ledger.delete(
        session, runtime.outbox, tenant.organization_id, tenant.identity, activity_id
    )


# --- recalculation -------------------------------------------------------------------------


async def _recalculate(
    body: RecalculationRequest,
    tenant: Tenant,
    session: SessionDep,
    runtime: RuntimeDep,
    apply: bool,
    actor: Actor,
) -> RecalculationReport:
    context = await service.context_in(session, tenant.organization_id)
    return await ledger.recalculate(
        session,
        runtime.outbox,
        context,
        tenant.organization_id,
        tenant.identity,
        body.activity_ids,
        apply=apply,
        by=actor,
    )


@router.post(
    "/recalculations/preview", summary="What a recalculation would change; nothing is written"
)
async def preview_recalculation(
    body: RecalculationRequest,
    tenant: AdminRecalculations,
    session: SessionDep,
    runtime: RuntimeDep,
    actor: ActorDep,
) -> RecalculationReport:
    return await _recalculate(body, tenant, session, runtime, apply=False, actor=actor)


@router.post("/recalculations", summary="Recalculate against today's factors: new versions")
async def apply_recalculation(
    body: RecalculationRequest,
    tenant: AdminRecalculations,
    session: SessionDep,
    runtime: RuntimeDep,
    actor: ActorDep,
) -> RecalculationReport:
    return await _recalculate(body, tenant, session, runtime, apply=True, actor=actor)


# --- meters and readings -------------------------------------------------------------------


@router.post("/meters", status_code=status.HTTP_201_CREATED, summary="Add a meter to a facility")
async def create_meter(
    draft: MeterCreate, tenant: WriteActivities, session: SessionDep
) -> MeterRecord:
    return await readings.create_meter(session, tenant.organization_id, tenant.identity, draft)


@router.get("/meters", summary="Your organisation's meters")
async def list_meters(tenant: ReadActivities, session: SessionDep) -> list[MeterRecord]:
    return await readings.list_meters(session, tenant.organization_id)


@router.get("/meters/{meter_id}", summary="One meter")
async def get_meter(meter_id: str, tenant: ReadActivities, session: SessionDep) -> MeterRecord:
    return await readings.get_meter(session, tenant.organization_id, meter_id)


@router.get("/meters/{meter_id}/readings", summary="A meter's readings, oldest first")
async def list_readings(
    meter_id: str,
    tenant: ReadActivities,
    session: SessionDep,
    start: Annotated[Moment | None, Query(alias="from")] = None,
    end: Annotated[Moment | None, Query(alias="to", description="Before this time")] = None,
    limit: Annotated[int, Query(ge=1, le=10_000)] = 1000,
) -> list[Reading]:
    return await readings.list_readings(
        session, tenant.organization_id, meter_id, start, end, limit
    )


@router.post(
    "/meters/{meter_id}/readings",
    status_code=status.HTTP_201_CREATED,
    summary="Ingest up to 50,000 readings (JSON or CSV), idempotently with Idempotency-Key",
    response_model=IngestReport,
    responses={
        409: {"description": "Readings at timestamps the meter already has"},
        413: {"description": "More than 50,000 readings"},
        422: {"description": "Bad readings (named by row), or a reused Idempotency-Key"},
    },
)
async def ingest_readings(
    meter_id: str,
    request: Request,
    tenant: WriteReadings,
    session: SessionDep,
    runtime: RuntimeDep,
    on_error: readings.OnError = "reject",
    idempotency_key: Annotated[str | None, Header(max_length=200)] = None,
) -> Response:
    meter = await readings.meter_row(session, tenant.organization_id, meter_id)
    body = await request.body()
    content_type = request.headers.get("content-type", "application/json").split(";", 1)[0]
    fingerprint = readings.request_hash(meter.id, content_type, on_error, body)
    if idempotency_key is not None:
        earlier = await readings.replay(
            session, tenant.organization_id, idempotency_key, fingerprint
        )
        if earlier is not None:
            return Response(
                earlier.response,
                status_code=earlier.status,
                media_type="application/json",
                headers={"Idempotent-Replayed": "true"},
            )
    parse = readings.parse_csv if content_type.strip() == "text/csv" else readings.parse_json
    report = await readings.ingest(
        session, runtime.outbox, meter, tenant.identity, parse(body), on_error
    )
    answer = orjson.dumps(report.model_dump(mode="json"))
    if idempotency_key is not None:
        await readings.remember(
            session, tenant.organization_id, idempotency_key, fingerprint, answer
        )
    return Response(answer, status_code=status.HTTP_201_CREATED, media_type="application/json")
