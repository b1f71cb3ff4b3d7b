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

from fastapi import APIRouter, Query, Response, status
from pydantic import TypeAdapter
from starlette.concurrency import run_in_threadpool

from ecotrack.carbon import service
from ecotrack.carbon.engine import estimate, iter_batch, list_activities
from ecotrack.carbon.factors import Factor, SearchPage, load_factor_library
from ecotrack.carbon.schemas import (
    ActivityInfo,
    BatchItem,
    BatchRequest,
    BatchResponse,
    EstimateRequest,
    EstimateResult,
    InstrumentCreate,
    InstrumentRecord,
    Page,
    PrivateFactor,
    PrivateFactorCreate,
)
from ecotrack.core.http import RuntimeDep, SessionDep
from ecotrack.core.security import CallerDep, OptionalCallerDep, Tenant, authorize

router = APIRouter(tags=["carbon"])

ReadFactors = Annotated[Tenant, authorize("factors:read")]
WriteFactors = Annotated[Tenant, authorize("factors:write")]
Limit = Annotated[int, Query(ge=1, le=200, description="Page size (1 to 200)")]
Offset = Annotated[int, Query(ge=0)]
UnitType = Literal["energy", "volume", "mass", "distance", "passenger_distance"]


# --- factors and activities ----------------------------------------------------------------


@router.get("/factors", summary="Search emission factors, with facets that still give results")
async def search_factors(
    runtime: RuntimeDep,
    caller: OptionalCallerDep,
    text: Annotated[str | None, Query(max_length=200, description="Words to find")] = None,
    activity: str | None = None,
    region: str | None = None,
    year: int | None = None,
    dataset: str | None = None,
    unit_type: UnitType | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> SearchPage:
    context = await service.context_for(runtime.database, caller)
    return context.library.search(
        text=text,
        activity=activity,
        region=region,
        year=year,
        dataset=dataset,
        unit_type=unit_type,
        limit=limit,
        offset=offset,
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
    return estimate(request, context.library, instruments=context.instruments)


_ANSWER = TypeAdapter(BatchItem)


def _batch_body(answers: Iterable[BatchItem]) -> bytes:
    """The batch response, serialised answer by answer as the engine yields them.

    Serialising each answer straight to bytes lets it die at once, so the collector never
    walks ten thousand live results; one join at the end copies the ~20 MB only once. The
    bytes are a ``BatchResponse``.
    """
    parts = [b'{"items":[']
    succeeded = failed = 0
    for answer in answers:
        if succeeded or failed:
            parts.append(b",")
        parts.append(_ANSWER.dump_json(answer))
        if answer.problem is None:
            succeeded += 1
        else:
            failed += 1
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
    draft: PrivateFactorCreate, tenant: WriteFactors, session: SessionDep, runtime: RuntimeDep
) -> PrivateFactor:
    return await service.create_private_factor(
        session, runtime.outbox, tenant.organization_id, tenant.identity, draft
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
    factor_id: str, tenant: WriteFactors, session: SessionDep, runtime: RuntimeDep
) -> None:
    await service.delete_private_factor(
        session, runtime.outbox, tenant.organization_id, tenant.identity, factor_id
    )


# --- contractual instruments ---------------------------------------------------------------


@router.post(
    "/instruments",
    status_code=status.HTTP_201_CREATED,
    summary="Record a contractual instrument for market-based scope 2",
)
async def create_instrument(
    draft: InstrumentCreate, tenant: WriteFactors, session: SessionDep
) -> InstrumentRecord:
    return await service.create_instrument(session, tenant.organization_id, tenant.identity, draft)


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
async def delete_instrument(instrument_id: str, tenant: WriteFactors, session: SessionDep) -> None:
    await service.delete_instrument(session, tenant.organization_id, instrument_id)
