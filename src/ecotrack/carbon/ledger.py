"""The activity ledger: facilities, units, reporting periods, and versioned activities.

Each change to an activity is a new immutable version row written together with its event
in the caller's unit of work; the ``activities`` head row says which version is current. A
version keeps the request, the factor as applied and the results, so a stored figure never
moves when the factor library does, unless a recalculation is asked for and recorded.
"""

from __future__ import annotations

import operator
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

import sqlalchemy as sa
from prometheus_client import Counter
from sqlalchemy.ext.asyncio import AsyncSession

from ecotrack.carbon import engine, events
from ecotrack.carbon.factors import load_factor_library
from ecotrack.carbon.models import (
    ActivityRow,
    ActivityVersionRow,
    FacilityRow,
    PeriodRow,
    UnitRow,
)
from ecotrack.carbon.schemas import (
    STORED,
    ActivityCreate,
    ActivityRecord,
    Change,
    EstimateResult,
    FacilityCreate,
    FacilityRecord,
    Page,
    PeriodCreate,
    PeriodRecord,
    RecalculationItem,
    RecalculationReport,
    RecalculationSkipped,
    RecordedGas,
    Source,
    TotalGroup,
    Totals,
    UnitCreate,
    UnitRecord,
)
from ecotrack.carbon.service import Context, owned, referenced
from ecotrack.core.database import after_commit
from ecotrack.core.errors import Conflict, NotFound, Problem, UnprocessableContent
from ecotrack.core.events import Event
from ecotrack.core.events.envelope import Actor
from ecotrack.core.events.outbox import Outbox
from ecotrack.core.models import utcnow
from ecotrack.core.numbers import EXACT
from ecotrack.core.security import Identity

GroupBy = Literal["scope", "activity", "facility", "source", "month"]

# Business metrics (docs/operations.md, "Business metrics"), counted once the unit of work
# that stores the versions has committed. Labels: a scope 1-3 and a Change, nothing else.
ACTIVITIES = Counter(
    "ecotrack_activities_total",
    "Activity versions stored, by scope and change (recorded, corrected, deleted, "
    "recalculated); meter roll-ups included",
    ["scope", "change"],
)
CO2E_CALCULATED = Counter(
    "ecotrack_co2e_calculated_kg_total",
    "kg CO2e calculated from new data, by scope: each activity's figure when it is recorded, "
    "and what each batch of meter readings adds to its day; corrections, recalculations and "
    "deletions are not counted (the ledger's net totals are Analytics'); scope 2 counts the "
    "location-based figure",
    ["scope"],
)

_EVENT_TYPES: dict[str, str] = {
    "recorded": events.ACTIVITY_RECORDED,
    "corrected": events.ACTIVITY_CORRECTED,
    "deleted": events.ACTIVITY_DELETED,
    "recalculated": events.EMISSIONS_RECALCULATED,
}


def source_of(identity: Identity) -> Source:
    return "api" if identity.kind == "api_key" else "manual"


# --- units and facilities ------------------------------------------------------------------


def _unit(row: UnitRow) -> UnitRecord:
    return UnitRecord(id=row.id, name=row.name, parent_id=row.parent_id, created_at=row.created_at)


async def _check_reference(
    session: AsyncSession, model: Any, organization_id: str, object_id: str | None, field: str
) -> None:
    """An optional reference in a body: absent is fine, another organisation's is a 422."""
    if object_id is not None:
        await referenced(session, model, organization_id, object_id, field)


async def create_unit(
    session: AsyncSession, organization_id: str, actor: Identity, draft: UnitCreate
) -> UnitRecord:
    await _check_reference(session, UnitRow, organization_id, draft.parent_id, "parent_id")
    row = UnitRow(
        organization_id=organization_id,
        name=draft.name,
        parent_id=draft.parent_id,
        created_by=actor.subject,
    )
    session.add(row)
    await session.flush()
    return _unit(row)


async def list_units(session: AsyncSession, organization_id: str) -> list[UnitRecord]:
    rows = await session.scalars(
        sa.select(UnitRow)
        .where(UnitRow.organization_id == organization_id)
        .order_by(UnitRow.created_at, UnitRow.id)
    )
    return [_unit(row) for row in rows]


async def get_unit(session: AsyncSession, organization_id: str, unit_id: str) -> UnitRecord:
    return _unit(await owned(session, UnitRow, organization_id, unit_id, "unit"))


def _facility(row: FacilityRow) -> FacilityRecord:
    return FacilityRecord(
        id=row.id,
        name=row.name,
        address=row.address,
        region=row.region,
        floor_area_m2=row.floor_area_m2,
        type=row.type,  # stored from the same Literal
        unit_id=row.unit_id,
        created_at=row.created_at,
    )


async def _checked_facility(
    session: AsyncSession, organization_id: str, draft: FacilityCreate
) -> None:
    engine.check_region(load_factor_library(), draft.region)
    await _check_reference(session, UnitRow, organization_id, draft.unit_id, "unit_id")


async def create_facility(
    session: AsyncSession, organization_id: str, actor: Identity, draft: FacilityCreate
) -> FacilityRecord:
    await _checked_facility(session, organization_id, draft)
    row = FacilityRow(organization_id=organization_id, created_by=actor.subject)
    for name, value in draft.model_dump().items():
        setattr(row, name, value)
    session.add(row)
    await session.flush()
    return _facility(row)


async def update_facility(
    session: AsyncSession, organization_id: str, facility_id: str, draft: FacilityCreate
) -> FacilityRecord:
    row = await owned(session, FacilityRow, organization_id, facility_id, "facility")
    await _checked_facility(session, organization_id, draft)
    for name, value in draft.model_dump().items():
        setattr(row, name, value)
    await session.flush()
    return _facility(row)


async def list_facilities(session: AsyncSession, organization_id: str) -> list[FacilityRecord]:
    rows = await session.scalars(
        sa.select(FacilityRow)
        .where(FacilityRow.organization_id == organization_id)
        .order_by(FacilityRow.created_at, FacilityRow.id)
    )
    return [_facility(row) for row in rows]


async def get_facility(
    session: AsyncSession, organization_id: str, facility_id: str
) -> FacilityRecord:
    return _facility(await owned(session, FacilityRow, organization_id, facility_id, "facility"))


async def facility_row(
    session: AsyncSession, organization_id: str, facility_id: str
) -> FacilityRow:
    row: FacilityRow = await owned(session, FacilityRow, organization_id, facility_id, "facility")
    return row


# --- reporting periods ---------------------------------------------------------------------


def _period(row: PeriodRow) -> PeriodRecord:
    return PeriodRecord(
        id=row.id,
        name=row.name,
        start=row.start,
        end=row.end,
        created_at=row.created_at,
        closed_at=row.closed_at,
        closed_by=row.closed_by,
    )


async def create_period(
    session: AsyncSession, organization_id: str, draft: PeriodCreate
) -> PeriodRecord:
    row = PeriodRow(
        organization_id=organization_id, name=draft.name, start=draft.start, end=draft.end
    )
    session.add(row)
    await session.flush()
    return _period(row)


async def list_periods(session: AsyncSession, organization_id: str) -> list[PeriodRecord]:
    rows = await session.scalars(
        sa.select(PeriodRow)
        .where(PeriodRow.organization_id == organization_id)
        .order_by(PeriodRow.start, PeriodRow.id)
    )
    return [_period(row) for row in rows]


async def get_period(session: AsyncSession, organization_id: str, period_id: str) -> PeriodRecord:
    return _period(await owned(session, PeriodRow, organization_id, period_id, "period"))


async def close_period(
    session: AsyncSession,
    outbox: Outbox,
    organization_id: str,
    actor: Identity,
    period_id: str,
    *,
    by: Actor,
) -> PeriodRecord:
    row: PeriodRow = await owned(session, PeriodRow, organization_id, period_id, "period")
    if row.closed_at is not None:
        raise Conflict(f"period {row.name!r} is already closed", closed_at=str(row.closed_at))
    row.closed_at, row.closed_by = utcnow(), actor.subject
    await session.flush()
    await outbox.add(
        session,
        Event.new(
            events.PERIOD_CLOSED,
            source=events.SOURCE,
            tenant=organization_id,
            actor=by,
            data=events.PeriodClosed(
                period_id=row.id,
                organization_id=organization_id,
                name=row.name,
                start=row.start,
                end=row.end,
                closed_by=actor.subject,
                closed_at=row.closed_at,
            ),
        ),
    )
    return _period(row)


# --- the rules every change obeys ----------------------------------------------------------


@dataclass(frozen=True)
class Rules:
    """An organisation's closed periods and facilities, read once per unit of work."""

    closed: Sequence[PeriodRow]
    facilities: frozenset[str]

    def check(self, start: date, end: date, facility_id: str | None) -> None:
        """Raise the problem that forbids a change covering these dates, if there is one."""
        for period in self.closed:
            if period.start <= end and start <= period.end:
                raise Conflict(
                    f"period {period.name!r} ({period.start} to {period.end}) is closed; "
                    f"activities covering {start} to {end} cannot change",
                    period_id=period.id,
                )
        if facility_id is not None and facility_id not in self.facilities:
            raise UnprocessableContent(
                f"facility_id {facility_id!r} is not one of your organisation's facilities"
            )


async def rules_for(session: AsyncSession, organization_id: str) -> Rules:
    closed = await session.scalars(
        sa.select(PeriodRow).where(
            PeriodRow.organization_id == organization_id, PeriodRow.closed_at.is_not(None)
        )
    )
    facilities = await session.scalars(
        sa.select(FacilityRow.id).where(FacilityRow.organization_id == organization_id)
    )
    return Rules(tuple(closed), frozenset(facilities))


def calculate(context: Context, draft: ActivityCreate) -> EstimateResult:
    return engine.estimate(
        draft.estimate_request(), context.library, instruments=context.instruments
    )


# --- versions ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Write:
    """One new version to store: of a new activity (``head`` None) or of an existing one."""

    change: Change
    draft: ActivityCreate
    result: EstimateResult | None  # None for a tombstone, which repeats the last figures
    head: ActivityRow | None = None
    previous: ActivityVersionRow | None = None
    meter: tuple[str, date] | None = None  # (meter id, day) of a meter roll-up


def _version_row(
    write: Write,
    activity_id: str,
    version: int,
    organization_id: str,
    source: Source,
    actor: str | None,
) -> ActivityVersionRow:
    now = utcnow()
    common: dict[str, Any] = {
        "activity_id": activity_id,
        "version": version,
        "supersedes": version - 1 if version > 1 else None,
        "organization_id": organization_id,
        "change": write.change,
        "source": source,
        "recorded_by": actor,
        "recorded_at": now,
    }
    if write.result is None:
        assert write.previous is not None  # a tombstone follows a version
        previous = write.previous
        return ActivityVersionRow(
            **common,
            deleted=True,
            facility_id=previous.facility_id,
            activity=previous.activity,
            period_start=previous.period_start,
            period_end=previous.period_end,
            scope=previous.scope,
            category=previous.category,
            co2e_kg=previous.co2e_kg,
            factor_id=previous.factor_id,
            gwp=previous.gwp,
            inputs=previous.inputs,
            result=previous.result,
        )
    result, draft = write.result, write.draft
    return ActivityVersionRow(
        **common,
        deleted=False,
        facility_id=draft.facility_id,
        activity=result.activity,
        period_start=draft.period_start,
        period_end=draft.period_end,
        scope=result.scope,
        category=result.scope3_category.number if result.scope3_category else None,
        co2e_kg=result.co2e_kg,
        factor_id=result.factor.id,
        gwp=result.gwp_requested,
        inputs=draft.model_dump(mode="json"),
        # unrounded: stored figures feed totals and Analytics' sums; answers round them
        result=result.model_dump(mode="json", context=EXACT),
    )


def record_of(row: ActivityVersionRow, meter_id: str | None = None) -> ActivityRecord:
    inputs, result = row.inputs, row.result
    scope2 = result.get("scope2") or {}
    factor = result["factor"]
    return ActivityRecord(
        id=row.activity_id,
        version=row.version,
        supersedes=row.supersedes,
        change=row.change,  # stored from the same Literal
        deleted=row.deleted,
        organization_id=row.organization_id,
        facility_id=row.facility_id,
        meter_id=meter_id,
        activity=row.activity,
        quantity=inputs["quantity"],
        unit=inputs["unit"],
        region=inputs["region"],
        year=inputs["year"],
        period_start=row.period_start,
        period_end=row.period_end,
        scope=row.scope,
        category=row.category,
        co2e_kg=row.co2e_kg,
        location_based_kg=scope2.get("location_based_kg"),
        market_based_kg=scope2.get("market_based_kg"),
        gases={
            gas["gas"]: RecordedGas(mass_kg=gas["mass_kg"], co2e_kg=gas["co2e_kg"])
            for gas in result["gases"]
        },
        gwp=row.gwp,
        factor=events.FactorApplied(
            id=factor["id"],
            value=factor["value"],
            unit=factor["unit"],
            dataset=factor["dataset"],
            version=factor["dataset_version"],
            year=factor["year"],
            region=factor["region"],
            citation=factor["citation"],
            licence=factor["licence"],
        ),
        inputs=inputs,
        calculation=EstimateResult.model_validate(result),
        source=row.source,  # stored from the same Literal
        recorded_by=row.recorded_by,
        recorded_at=row.recorded_at,
    )


def _event(record: ActivityRecord) -> Event:
    data: events.ActivityDeleted | events.ActivityEmissions
    if record.deleted:
        data = events.ActivityDeleted(
            activity_id=record.id,
            **record.model_dump(
                include={"version", "supersedes", "organization_id", "recorded_by", "recorded_at"}
            ),
        )
    else:
        data = events.ActivityEmissions(
            activity_id=record.id,
            **record.model_dump(exclude={"id", "region", "year", "inputs", "change", "deleted"}),
        )
    return Event.new(
        _EVENT_TYPES[record.change], source=events.SOURCE, tenant=record.organization_id, data=data
    )


async def write_versions(
    session: AsyncSession,
    outbox: Outbox,
    organization_id: str,
    actor: str | None,
    source: Source,
    writes: Iterable[Write],
) -> list[ActivityRecord]:
    """Store each write as the next version of its activity, with its event, in one go."""
    rows: list[ActivityVersionRow] = []
    records: list[ActivityRecord] = []
    done = list(writes)
    for write in done:
        head = write.head
        if head is None:
            meter_id, day = write.meter or (None, None)
            head = ActivityRow(
                id=str(uuid.uuid4()),
                organization_id=organization_id,
                version=0,
                deleted=False,
                meter_id=meter_id,
                meter_day=day,
            )
            session.add(head)
        head.version += 1
        row = _version_row(write, head.id, head.version, organization_id, source, actor)
        head.deleted = row.deleted
        rows.append(row)
        records.append(record_of(row, head.meter_id))
    session.add_all(rows)
    await session.flush()
    await outbox.add(session, *(_event(record) for record in records))
    counts: list[tuple[str, str, float]] = [
        (str(record.scope), record.change, _new_kg(write, record))
        for write, record in zip(done, records, strict=True)
    ]
    after_commit(session, lambda: _count(counts))
    return records


def _counted_kg(co2e_kg: float, location_based_kg: float | None) -> float:
    """The figure CO2E_CALCULATED counts: for scope 2 the location-based one."""
    return co2e_kg if location_based_kg is None else location_based_kg


def _new_kg(write: Write, record: ActivityRecord) -> float:
    """What a version adds to CO2E_CALCULATED: a recorded activity its figure, a meter day's
    next version what the batch's readings add to the day, any other change nothing (a
    correction or recalculation restates a counted figure; a deletion has none)."""
    kg = _counted_kg(record.co2e_kg, record.location_based_kg)
    if record.change == "recorded":
        return kg
    if record.change == "corrected" and write.meter is not None and write.previous is not None:
        before = write.previous.result.get("scope2") or {}
        # never below 0, should a factor have changed between two batches of the day
        return max(kg - _counted_kg(write.previous.co2e_kg, before.get("location_based_kg")), 0)
    return 0.0


def _count(counts: list[tuple[str, str, float]]) -> None:
    for scope, change, kg in counts:
        ACTIVITIES.labels(scope, change).inc()
        CO2E_CALCULATED.labels(scope).inc(kg)


# --- recording, correcting, deleting -------------------------------------------------------


async def _head(
    session: AsyncSession, organization_id: str, activity_id: str
) -> tuple[ActivityRow, ActivityVersionRow]:
    # Locked on PostgreSQL, so two corrections of one activity queue rather than race.
    head = await session.get(ActivityRow, activity_id, with_for_update=True)
    if head is None or head.organization_id != organization_id:
        raise NotFound(f"your organisation has no activity {activity_id!r}")
    version = await session.get(ActivityVersionRow, (head.id, head.version))
    assert version is not None  # a head always points at a stored version
    return head, version


async def existing_activity(session: AsyncSession, organization_id: str, activity_id: str) -> None:
    """404 for an activity the organisation does not have (checked before the body)."""
    await _head(session, organization_id, activity_id)


def _changeable(head: ActivityRow, current: ActivityVersionRow, rules: Rules) -> None:
    if head.deleted:
        raise Conflict(f"activity {head.id!r} is deleted", version=head.version)
    if head.meter_id is not None:
        raise Conflict(
            f"activity {head.id!r} is rolled up from meter {head.meter_id!r}: send its readings",
            meter_id=head.meter_id,
        )
    rules.check(current.period_start, current.period_end, None)


async def record(
    session: AsyncSession,
    outbox: Outbox,
    context: Context,
    organization_id: str,
    actor: Identity,
    draft: ActivityCreate,
) -> ActivityRecord:
    rules = await rules_for(session, organization_id)
    rules.check(draft.period_start, draft.period_end, draft.facility_id)
    write = Write("recorded", draft, calculate(context, draft))
    (stored,) = await write_versions(
        session, outbox, organization_id, actor.subject, source_of(actor), [write]
    )
    return stored


async def correct(
    session: AsyncSession,
    outbox: Outbox,
    context: Context,
    organization_id: str,
    actor: Identity,
    activity_id: str,
    draft: ActivityCreate,
) -> ActivityRecord:
    head, current = await _head(session, organization_id, activity_id)
    rules = await rules_for(session, organization_id)
    _changeable(head, current, rules)
    rules.check(draft.period_start, draft.period_end, draft.facility_id)
    write = Write("corrected", draft, calculate(context, draft), head, current)
    (stored,) = await write_versions(
        session, outbox, organization_id, actor.subject, source_of(actor), [write]
    )
    return stored


async def delete(
    session: AsyncSession, outbox: Outbox, organization_id: str, actor: Identity, activity_id: str
) -> ActivityRecord:
    head, current = await _head(session, organization_id, activity_id)
    _changeable(head, current, await rules_for(session, organization_id))
    draft = ActivityCreate.model_validate(current.inputs, strict=False, context=STORED)
    write = Write("deleted", draft, None, head, current)
    (stored,) = await write_versions(
        session, outbox, organization_id, actor.subject, source_of(actor), [write]
    )
    return stored


# --- reading -------------------------------------------------------------------------------


async def get(session: AsyncSession, organization_id: str, activity_id: str) -> ActivityRecord:
    head, current = await _head(session, organization_id, activity_id)
    return record_of(current, head.meter_id)


async def versions(
    session: AsyncSession, organization_id: str, activity_id: str
) -> list[ActivityRecord]:
    head, _ = await _head(session, organization_id, activity_id)
    rows = await session.scalars(
        sa.select(ActivityVersionRow)
        .where(ActivityVersionRow.activity_id == head.id)
        .order_by(ActivityVersionRow.version)
    )
    return [record_of(row, head.meter_id) for row in rows]


@dataclass(frozen=True)
class Filters:
    start: date | None = None  # activities starting on or after
    end: date | None = None  # activities starting on or before
    activity: str | None = None
    facility_id: str | None = None
    meter_id: str | None = None
    scope: int | None = None
    source: Source | None = None


def _current(organization_id: str, filters: Filters) -> sa.Select[Any]:
    """Current versions: the version each head points at, tombstones left out."""
    version = ActivityVersionRow
    query = (
        sa.select(version)
        .join(
            ActivityRow,
            sa.and_(ActivityRow.id == version.activity_id, ActivityRow.version == version.version),
        )
        .where(ActivityRow.organization_id == organization_id, ActivityRow.deleted.is_(False))
    )
    conditions = (
        (version.period_start, operator.ge, filters.start),
        (version.period_start, operator.le, filters.end),
        (version.activity, operator.eq, filters.activity),
        (version.facility_id, operator.eq, filters.facility_id),
        (ActivityRow.meter_id, operator.eq, filters.meter_id),
        (version.scope, operator.eq, filters.scope),
        (version.source, operator.eq, filters.source),
    )
    return query.where(
        *(compare(column, value) for column, compare, value in conditions if value is not None)
    )


async def list_current(
    session: AsyncSession, organization_id: str, filters: Filters, *, limit: int, offset: int
) -> Page[ActivityRecord]:
    query = _current(organization_id, filters)
    total = await session.scalar(sa.select(sa.func.count()).select_from(query.subquery()))
    rows = await session.execute(
        query.add_columns(ActivityRow.meter_id)
        .order_by(ActivityVersionRow.period_start, ActivityVersionRow.activity_id)
        .limit(limit)
        .offset(offset)
    )
    return Page(
        items=[record_of(row, meter_id) for row, meter_id in rows],
        total=total or 0,
        limit=limit,
        offset=offset,
    )


async def totals(
    session: AsyncSession, organization_id: str, filters: Filters, group_by: GroupBy | None
) -> Totals:
    """Sums over the current versions, whole and by group, summed in the database."""
    current = _current(organization_id, filters).subquery()
    keys: dict[str, Any] = {
        "scope": current.c.scope,
        "activity": current.c.activity,
        "facility": current.c.facility_id,
        "source": current.c.source,
        # months by the first day the activity covers: ISO dates sort and cut as text
        "month": sa.func.substr(sa.cast(current.c.period_start, sa.String), 1, 7),
    }
    if group_by is None:
        kg, count = (
            await session.execute(sa.select(sa.func.sum(current.c.co2e_kg), sa.func.count()))
        ).one()
        return Totals(co2e_kg=float(kg or 0), activities=count, group_by=None, groups=[])
    key = keys[group_by]
    rows = await session.execute(
        sa.select(key, sa.func.sum(current.c.co2e_kg), sa.func.count()).group_by(key).order_by(key)
    )
    groups = [
        TotalGroup(key=str(value), co2e_kg=float(kg or 0), activities=count)
        for value, kg, count in rows
    ]
    return Totals(
        co2e_kg=sum(group.co2e_kg for group in groups),
        activities=sum(group.activities for group in groups),
        group_by=group_by,
        groups=groups,
    )


# --- recalculation -------------------------------------------------------------------------


async def recalculate(
    session: AsyncSession,
    outbox: Outbox,
    context: Context,
    organization_id: str,
    actor: Identity,
    activity_ids: Sequence[str] | None,
    *,
    apply: bool,
    by: Actor,
) -> RecalculationReport:
    """Re-run the engine on current activities against today's factors; store if ``apply``.

    An activity whose figure or factor would change is listed (and, applied, gets a new
    version with the same inputs); one in a closed period or whose pinned factor is gone is
    listed as skipped. Preview and apply run this same code, so they agree.
    """
    query = _current(organization_id, Filters()).add_columns(ActivityRow)
    if activity_ids is not None:
        query = query.where(ActivityVersionRow.activity_id.in_(activity_ids))
    query = query.order_by(ActivityVersionRow.period_start, ActivityVersionRow.activity_id)
    if apply:
        query = query.with_for_update(of=ActivityRow)
    rules = await rules_for(session, organization_id)
    items: list[RecalculationItem] = []
    skipped: list[RecalculationSkipped] = []
    by_source: dict[Source, list[Write]] = {}
    for row, head in await session.execute(query):
        # as stored: a record from before today's input limits is recalculated, not refused
        draft = ActivityCreate.model_validate(row.inputs, strict=False, context=STORED)
        try:
            result = calculate(context, draft)
            if result.co2e_kg == row.co2e_kg and result.factor.id == row.factor_id:
                continue
            rules.check(row.period_start, row.period_end, None)
        except Problem as problem:
            skipped.append(RecalculationSkipped(activity_id=row.activity_id, detail=problem.detail))
            continue
        items.append(
            RecalculationItem(
                activity_id=row.activity_id,
                version=row.version,
                old_co2e_kg=row.co2e_kg,
                new_co2e_kg=result.co2e_kg,
                old_factor_id=row.factor_id,
                new_factor_id=result.factor.id,
            )
        )
        write = Write("recalculated", draft, result, head, row)
        by_source.setdefault(row.source, []).append(write)
    if apply:
        # each new version keeps how its activity came in; who recalculated is recorded_by
        for source, group in by_source.items():
            await write_versions(session, outbox, organization_id, actor.subject, source, group)
        # the audit trail's one entry for the whole run, whatever it changed
        await outbox.add(
            session,
            Event.new(
                events.RECALCULATION_APPLIED,
                source=events.SOURCE,
                tenant=organization_id,
                actor=by,
                data=events.RecalculationApplied(
                    recalculation_id=str(uuid.uuid4()),
                    organization_id=organization_id,
                    requested=None if activity_ids is None else len(set(activity_ids)),
                    recalculated=len(items),
                    skipped=len(skipped),
                    recalculated_by=actor.subject,
                    applied_at=utcnow(),
                ),
            ),
        )
    return RecalculationReport(applied=apply, items=items, skipped=skipped)
