"""The projections: emissions and meter readings folded from the bus into read models.

Activity events carry the whole record of a version (docs/events.md), so the projection
keeps each activity's current version and, when a higher version arrives, subtracts the
stored version's contributions from the aggregates and adds the new one's. A lower or
equal version is ignored: duplicates and any arrival order converge on the same state.
Reading batches are added once per event id (the runtime's idempotent consumer).
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import numpy as np
import prometheus_client
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from ecotrack.analytics import amounts
from ecotrack.analytics.models import (
    ActivityVersion,
    Anomaly,
    Base,
    MeterHour,
    emissions_daily,
    emissions_monthly,
    emissions_overview,
    messaging,
)
from ecotrack.core.database import Database, after_commit
from ecotrack.core.events import Event, Transport
from ecotrack.core.events.outbox import Outbox
from ecotrack.core.numbers import milligrams

GROUP = "analytics.projection"
FAMILIES = ("activity", "emissions", "reading")
ACTIVITY_TYPES = {
    "activity.recorded",
    "activity.corrected",
    "emissions.recalculated",
    "activity.deleted",
}
meter_hours = Base.metadata.tables[MeterHour.__tablename__]
READ_MODELS = (
    Base.metadata.tables[ActivityVersion.__tablename__],
    emissions_daily,
    emissions_monthly,
    emissions_overview,
    meter_hours,
)

# Anomaly detection (docs/api.md, "Analytics"): the robust z-score of an hour against the same
# hour of the week in the meter's previous HISTORY_WEEKS weeks.
HISTORY_WEEKS = 12
MIN_HISTORY = 4
THRESHOLD = 3.5
MAD_TO_SIGMA = 1.4826
# A meter whose history is flat has MAD 0; this floor (a share of the median) keeps its
# ordinary jitter from scoring infinity.
RELATIVE_FLOOR = 0.05
ANOMALY_NAMESPACE = uuid.UUID("6f1c9d0e-5d4b-4d8e-9a57-2f1f3b7c0a11")
# A business metric (docs/operations.md, "Business metrics"), counted once the consumer's
# transaction that stores the anomaly has committed; a rebuild detects none.
ANOMALIES_DETECTED = prometheus_client.Counter(
    "ecotrack_anomalies_detected_total", "Meter anomalies detected (each stored once)"
)

outbox = Outbox(messaging.outbox)

Key = tuple[str, int, str, int, str, date]
"""(facility, scope, method, category, gas, day) of an emissions contribution."""


def _weighted_split(total: int, weights: dict[str, float]) -> dict[str, int]:
    """``total`` split in proportion to ``weights``, summing to it exactly."""
    weight_sum = sum(weights.values())
    if not weights or weight_sum == 0:
        return {"other": total}
    parts = {name: round(total * weight / weight_sum) for name, weight in weights.items()}
    largest = max(weights, key=lambda name: abs(weights[name]))
    parts[largest] += total - sum(parts.values())
    return parts


def _gas_weights(record: dict[str, Any]) -> dict[str, float]:
    """Each gas's CO2e, plus ``other`` for whatever the headline has beyond the gases.

    A headline below the gases' sum (EPA's spend factors publish a CO2e that their own gas
    masses overshoot by rounding, by about 0.1 % at most) gets no negative ``other``: the split in
    proportion to these weights scales the gases to the headline.
    """
    weights = {
        gas: float(values["co2e_kg"])
        for gas, values in sorted((record.get("gases") or {}).items())
        if values.get("co2e_kg") is not None
    }
    rest = float(record["co2e_kg"]) - sum(weights.values())
    if rest > 1e-6 * max(1.0, abs(float(record["co2e_kg"]))):
        weights["other"] = rest
    return weights


def contributions(record: dict[str, Any], *, whole_milligrams: bool = False) -> Counter[Key]:
    """What one activity version adds to the daily aggregates, in picograms CO2e.

    The record's figures arrive unrounded and are taken as they are, to the picogram
    (amounts.py); answers round sums once. Scope 2 contributes both its location- and
    market-based totals (queries pick one); each total is split over the gases in
    proportion to their CO2e, and spread evenly over the days of the activity's period
    (the remainder going to its first days), so the parts add up to the total exactly.

    ``whole_milligrams`` gives what a version applied before revision 0005 added: its
    totals rounded to whole milligrams first (core/numbers.py) and split in milligrams.
    """
    start = date.fromisoformat(record["period_start"])
    end = date.fromisoformat(record["period_end"])
    days = (end - start).days + 1
    scope = int(record["scope"])
    headline = float(record["co2e_kg"])
    if scope == 2:
        totals = {
            "location": record.get("location_based_kg"),
            "market": record.get("market_based_kg"),
        }
    else:
        totals = {"": headline}
    facility = record.get("facility_id") or ""
    category = int(record.get("category") or 0)
    weights = _gas_weights(record)
    result: Counter[Key] = Counter()
    for method, total in totals.items():
        kg = headline if total is None else float(total)
        amount, unit = (
            (milligrams(kg), amounts.PG_PER_MG) if whole_milligrams else (amounts.picograms(kg), 1)
        )
        for gas, part in _weighted_split(amount, weights).items():
            base, remainder = divmod(part, days)
            for offset in range(days):
                share = base + (1 if offset < remainder else 0)
                if share:
                    key = (facility, scope, method, category, gas, start + timedelta(offset))
                    result[key] += share * unit
    return result


def _insert(session: AsyncSession, table: sa.Table) -> Any:
    dialect = session.get_bind().dialect.name
    return (postgresql if dialect == "postgresql" else sqlite).insert(table)


def _added(table: sa.Table, excluded: Any) -> dict[str, Any]:
    """The stored pair plus the new one, carried back to the form :func:`amounts.split` gives.

    Both rests lie within half a milligram either way, so their sum needs at most one
    milligram carried; a rest of exactly half a milligram stays only beside an even count
    (half to even). SET reads the row as it was, in SQLite and PostgreSQL alike.
    """
    mg = table.c.co2e_mg + excluded.co2e_mg
    rest = table.c.co2e_rest_pg + excluded.co2e_rest_pg
    half = sa.literal_column(str(amounts.HALF_MG_PG), sa.BigInteger)
    odd = mg % 2 != 0
    carry = sa.case(
        (sa.or_(rest > half, sa.and_(rest == half, odd)), sa.literal_column("1", sa.BigInteger)),
        (sa.or_(rest < -half, sa.and_(rest == -half, odd)), sa.literal_column("-1", sa.BigInteger)),
        else_=sa.literal_column("0", sa.BigInteger),
    )
    return {
        "co2e_mg": mg + carry,
        "co2e_rest_pg": rest - carry * sa.literal_column(str(amounts.PG_PER_MG), sa.BigInteger),
    }


async def _add_emissions(session: AsyncSession, organization_id: str, delta: Counter[Key]) -> None:
    monthly: Counter[Key] = Counter()
    overview: Counter[tuple[int, str, date]] = Counter()
    for (facility, scope, method, category, gas, day), pg in delta.items():
        month = day.replace(day=1)
        monthly[(facility, scope, method, category, gas, month)] += pg
        overview[(scope, method, month)] += pg
    dimensions = ("facility_id", "scope", "method", "category", "gas")
    for table, names, added in (
        (emissions_daily, (*dimensions, "day"), delta),
        (emissions_monthly, (*dimensions, "month"), monthly),
        (emissions_overview, ("scope", "method", "month"), overview),
    ):
        rows = [
            {
                "organization_id": organization_id,
                **dict(zip(names, key, strict=True)),
                **dict(zip(("co2e_mg", "co2e_rest_pg"), amounts.split(pg), strict=True)),
            }
            for key, pg in sorted(added.items())
            if pg
        ]
        if not rows:
            continue
        statement = _insert(session, table)
        statement = statement.on_conflict_do_update(
            index_elements=[column.name for column in table.primary_key.columns],
            set_=_added(table, statement.excluded),
        )
        await session.execute(statement, rows)


async def apply_activity(session: AsyncSession, event: Event) -> None:
    data = event.data
    organization_id = str(data["organization_id"])
    current = await session.get(ActivityVersion, data["activity_id"])
    if current is not None and (
        current.version >= data["version"] or current.organization_id != organization_id
    ):
        return
    delta: Counter[Key] = Counter()
    if current is not None and not current.deleted:
        delta.subtract(contributions(current.record, whole_milligrams=current.whole_milligrams))
    deleted = event.type == "activity.deleted"
    if not deleted:
        delta.update(contributions(data))
    if current is None:
        current = ActivityVersion(activity_id=data["activity_id"], organization_id=organization_id)
        session.add(current)
    current.version = data["version"]
    current.whole_milligrams = False
    current.deleted = deleted
    current.record = data
    current.period_start = None if deleted else date.fromisoformat(data["period_start"])
    current.period_end = None if deleted else date.fromisoformat(data["period_end"])
    await _add_emissions(session, organization_id, delta)


def _hour(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


async def apply_reading_batch(session: AsyncSession, event: Event, *, detect: bool) -> None:
    data = event.data
    table = meter_hours
    rows = [
        {
            "meter_id": data["meter_id"],
            "hour": _hour(hour["hour"]),
            "organization_id": data["organization_id"],
            "facility_id": data.get("facility_id"),
            "kind": data["kind"],
            "unit": data["unit"],
            "count": hour["count"],
            "sum": hour["sum"],
            "min": hour["min"],
            "max": hour["max"],
        }
        for hour in data["hours"]
    ]
    if not rows:
        return
    statement = _insert(session, table)
    new = statement.excluded
    statement = statement.on_conflict_do_update(
        index_elements=["meter_id", "hour"],
        set_={
            "count": table.c.count + new.count,
            "sum": table.c.sum + new.sum,
            "min": sa.case((new.min < table.c.min, new.min), else_=table.c.min),
            "max": sa.case((new.max > table.c.max, new.max), else_=table.c.max),
        },
    )
    await session.execute(statement, rows)
    if detect:
        for row in rows:
            await _detect(session, data["organization_id"], data["meter_id"], row["hour"])


def robust_score(value: float, history: Iterable[float]) -> tuple[float, float]:
    """(expected, score): the history's median and the value's robust z-score against it."""
    values = np.asarray(list(history), dtype=float)
    median = float(np.median(values))
    mad = float(np.median(np.abs(values - median)))
    scale = max(MAD_TO_SIGMA * mad, RELATIVE_FLOOR * abs(median), 1e-9)
    return median, abs(value - median) / scale


async def _detect(
    session: AsyncSession, organization_id: str, meter_id: str, hour: datetime
) -> None:
    same_hours = [hour - timedelta(weeks=week) for week in range(1, HISTORY_WEEKS + 1)]
    found = (
        await session.execute(
            sa.select(MeterHour.hour, MeterHour.sum).where(
                MeterHour.meter_id == meter_id, MeterHour.hour.in_([hour, *same_hours])
            )
        )
    ).all()
    by_hour = {row.hour: row.sum for row in found}
    history = [by_hour[h] for h in same_hours if h in by_hour]
    if len(history) < MIN_HISTORY or hour not in by_hour:
        return
    value = by_hour[hour]
    expected, score = robust_score(value, history)
    anomaly_id = str(uuid.uuid5(ANOMALY_NAMESPACE, f"{meter_id}|{hour.isoformat()}"))
    if score <= THRESHOLD or await session.get(Anomaly, anomaly_id) is not None:
        return
    anomaly = Anomaly(
        id=anomaly_id,
        organization_id=organization_id,
        meter_id=meter_id,
        hour=hour,
        value=value,
        expected=expected,
        score=round(score, 3),
        detected_at=datetime.now(UTC),
    )
    session.add(anomaly)
    after_commit(session, ANOMALIES_DETECTED.inc)
    await outbox.add(
        session,
        Event.new(
            "anomaly.detected",
            source="analytics",
            tenant=organization_id,
            data={
                "anomaly_id": anomaly_id,
                "organization_id": organization_id,
                "meter_id": meter_id,
                "hour": hour.isoformat().replace("+00:00", "Z"),
                "value": value,
                "expected": expected,
                "score": anomaly.score,
            },
        ),
    )


async def _apply(session: AsyncSession, event: Event, *, live: bool) -> None:
    if event.type in ACTIVITY_TYPES:
        await apply_activity(session, event)
    elif event.type == "reading.batch_ingested":
        await apply_reading_batch(session, event, detect=live)


async def handle(session: AsyncSession, event: Event) -> None:
    """The live consumer: apply, and look for anomalies in new readings."""
    await _apply(session, event, live=True)


Progress = Callable[[str, int, int], None]
"""Called with (family, events done, events in the family) as a rebuild goes."""

REBUILD_CHUNK = 500


async def rebuild(database: Database, transport: Transport, progress: Progress) -> int:
    """Empty the read models and replay the topics from the start; returns events applied.

    Anomalies, targets and webhooks are the organisations' own objects, not projections,
    so they stay, and a replay detects and publishes no anomaly again. Replayed events
    are recorded as processed so that a later redelivery of one is still a duplicate.
    Run it while the analytics consumers are stopped.
    """
    processed = messaging.processed_events
    async with database.session() as session:
        for table in READ_MODELS:
            await session.execute(sa.delete(table))
        await session.execute(sa.delete(processed).where(processed.c.consumer_group == GROUP))
    seen: set[str] = set()
    applied = 0
    for family in FAMILIES:
        events = await transport.read_all(family)
        progress(family, 0, len(events))
        for start in range(0, len(events), REBUILD_CHUNK):
            chunk = events[start : start + REBUILD_CHUNK]
            fresh = []
            for event in chunk:
                # The topic itself may hold an event twice (the relay is at-least-once).
                if str(event.id) not in seen:
                    seen.add(str(event.id))
                    fresh.append(event)
            async with database.session() as session:
                for event in fresh:
                    await _apply(session, event, live=False)
                if fresh:
                    now = datetime.now(UTC)
                    await session.execute(
                        sa.insert(processed),
                        [
                            {"consumer_group": GROUP, "event_id": str(e.id), "processed_at": now}
                            for e in fresh
                        ],
                    )
            applied += len(fresh)
            progress(family, start + len(chunk), len(events))
    return applied
