"""Meters and their readings: batches of up to 50,000 values, idempotent, rolled up by day.

A batch is parsed and checked whole before anything is written. Readings are never
replaced: a timestamp the meter already has is a conflict, so a day's quantity is always
the sum of its readings, and each batch adds to the meter-day activities it touches
(recorded, or corrected as a new version) through the ledger, in the batch's transaction.
On PostgreSQL the rows go in by binary COPY, the fastest path the database offers.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import math
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from itertools import compress, repeat
from typing import Any, Final, Literal, TypeVar

import numpy as np
import orjson
import sqlalchemy as sa
from asyncpg.exceptions import UniqueViolationError
from prometheus_client import Counter
from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from ecotrack.carbon import engine, events, ledger, units
from ecotrack.carbon.factors import load_factor_library
from ecotrack.carbon.models import (
    ActivityRow,
    ActivityVersionRow,
    FacilityRow,
    IdempotencyRow,
    MeterKeyRow,
    MeterRow,
    ReadingRow,
)
from ecotrack.carbon.schemas import (
    ActivityCreate,
    Change,
    EstimateRequest,
    IngestReport,
    MeterCreate,
    MeterRecord,
    Reading,
    RowError,
)
from ecotrack.carbon.service import Context, context_in, owned, referenced
from ecotrack.core.database import after_commit
from ecotrack.core.errors import Conflict, PayloadTooLarge, Problem, UnprocessableContent
from ecotrack.core.events import Event
from ecotrack.core.events.outbox import Outbox
from ecotrack.core.models import utcnow
from ecotrack.core.security import Identity
from ecotrack.core.validation import EARLIEST_MOMENT, END_OF_TIME

T = TypeVar("T")
MAX_READINGS: Final = 50_000
MAX_REPORTED_ERRORS: Final = 100
OnError = Literal["reject", "skip"]

# What a meter's readings are, by kind, unless the meter names an activity itself.
KIND_ACTIVITIES: Final = {
    "electricity": "electricity.grid",
    "natural_gas": "fuel.natural_gas",
    "heat": "heat.steam",
}
_EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)
_INFINITY: Final = math.inf
# readings are accepted from 1900-01-01T00:00Z up to (not including) 2101-01-01T00:00Z
_FIRST_US: Final = (EARLIEST_MOMENT - _EPOCH) // timedelta(microseconds=1)
_END_US: Final = (END_OF_TIME - _EPOCH) // timedelta(microseconds=1)

# A business metric (docs/operations.md, "Business metrics"): readings stored, counted once
# their batch has committed, by the meter's kind (a MeterKind, so a handful of values).
READINGS_INGESTED = Counter(
    "ecotrack_readings_ingested_total",
    "Meter readings stored, by meter kind (a replayed Idempotency-Key stores none)",
    ["kind"],
)


# --- meters --------------------------------------------------------------------------------


def _meter(row: MeterRow) -> MeterRecord:
    return MeterRecord(
        id=row.id,
        facility_id=row.facility_id,
        name=row.name,
        kind=row.kind,
        unit=row.unit,
        region=row.region,
        activity=row.activity,
        options=row.options,
        created_at=row.created_at,
    )


async def create_meter(
    session: AsyncSession, organization_id: str, actor: Identity, draft: MeterCreate
) -> MeterRecord:
    facility = await referenced(
        session, FacilityRow, organization_id, draft.facility_id, "facility_id"
    )
    region = draft.region or facility.region
    engine.check_region(load_factor_library(), region)
    activity = draft.activity or KIND_ACTIVITIES.get(draft.kind)
    if activity is not None:
        # A dry run now, so a meter whose readings could never become emissions is refused
        # here rather than batch after batch.
        engine.estimate(
            EstimateRequest(
                activity=activity,
                quantity=0,
                unit=draft.unit,
                region=region,
                year=utcnow().year,
                options=draft.options,
            ),
            load_factor_library(),
        )
    row = MeterRow(
        organization_id=organization_id,
        facility_id=facility.id,
        name=draft.name,
        kind=draft.kind,
        unit=draft.unit,
        region=region,
        activity=activity,
        options=draft.options,
        created_by=actor.subject,
    )
    session.add(row)
    await session.flush()
    session.add(MeterKeyRow(meter_id=row.id, organization_id=organization_id))
    await session.flush()
    return _meter(row)


async def meter_row(session: AsyncSession, organization_id: str, meter_id: str) -> MeterRow:
    return await owned(session, MeterRow, organization_id, meter_id, "meter")


async def meter_key(session: AsyncSession, meter: MeterRow) -> int:
    """The meter's integer key, which its readings carry."""
    seq = await session.scalar(sa.select(MeterKeyRow.seq).where(MeterKeyRow.meter_id == meter.id))
    if seq is None:  # a meter from before the keys: given one now
        key = MeterKeyRow(meter_id=meter.id, organization_id=meter.organization_id)
        session.add(key)
        await session.flush()
        seq = key.seq
    return seq


async def get_meter(session: AsyncSession, organization_id: str, meter_id: str) -> MeterRecord:
    return _meter(await meter_row(session, organization_id, meter_id))


async def list_meters(session: AsyncSession, organization_id: str) -> list[MeterRecord]:
    rows = await session.scalars(
        sa.select(MeterRow)
        .where(MeterRow.organization_id == organization_id)
        .order_by(MeterRow.created_at, MeterRow.id)
    )
    return [_meter(row) for row in rows]


async def list_readings(
    session: AsyncSession,
    organization_id: str,
    meter_id: str,
    start: datetime | None,
    end: datetime | None,
    limit: int,
) -> list[Reading]:
    meter = await meter_row(session, organization_id, meter_id)
    seq = await meter_key(session, meter)
    query = sa.select(ReadingRow.ts, ReadingRow.value).where(ReadingRow.meter_seq == seq)
    if start is not None:
        query = query.where(ReadingRow.ts >= start)
    if end is not None:
        query = query.where(ReadingRow.ts < end)
    rows = await session.execute(query.order_by(ReadingRow.ts).limit(limit))
    return [Reading(ts=ts, value=value) for ts, value in rows]


# --- parsing -------------------------------------------------------------------------------

_MICROSECOND: Final = timedelta(microseconds=1)
_HOUR_US: Final = 3_600_000_000
# "YYYY-MM-DDTHH:MM:SSZ": the shape nearly every reading has, checked and converted in bulk;
# any other text goes through datetime.fromisoformat, one row at a time.
_FAST_WIDTH: Final = 20
_DIGITS: Final = np.array([0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18])
_MARKS: Final = np.array([4, 7, 10, 13, 16, 19])
_MARK_CODES: Final = np.frombuffer(b"--T::Z", dtype=np.uint8)
_MONTH_DAYS: Final = np.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])

Int64s = np.ndarray[Any, np.dtype[np.int64]]
Floats = np.ndarray[Any, np.dtype[np.float64]]
Mask = np.ndarray[Any, np.dtype[np.bool_]]


def _empty_ints() -> Int64s:
    return np.empty(0, dtype=np.int64)


def _empty_floats() -> Floats:
    return np.empty(0, dtype=np.float64)


@dataclass
class Batch:
    """The good readings of a body, in row order, and what was wrong with the others.

    Times are microseconds since the Unix epoch (UTC), so a batch is checked, aggregated
    and written as arrays, never as 50,000 ``datetime`` objects.
    """

    rows: int = 0
    micros: Int64s = field(default_factory=_empty_ints)
    values: Floats = field(default_factory=_empty_floats)
    index: Int64s = field(default_factory=_empty_ints)
    errors: list[RowError] = field(default_factory=list)

    def keep(self, positions: Int64s | Mask) -> None:
        self.micros = self.micros[positions]
        self.values = self.values[positions]
        self.index = self.index[positions]


def _one(row: int, text: Any, value: Any) -> tuple[int, float] | RowError:
    """Check one reading the slow, general way: any ISO 8601 time with an offset."""
    try:
        moment = datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return RowError(row=row, column="ts", detail=f"{text!r} is not an ISO 8601 time")
    if moment.tzinfo is None:
        return RowError(row=row, column="ts", detail=f"{text!r} has no UTC offset (add Z)")
    kind = value.__class__
    number = _INFINITY
    if (kind is float or kind is int) and 0 <= value < _INFINITY:
        with contextlib.suppress(OverflowError):
            number = float(value)
    if number == _INFINITY:
        return RowError(row=row, column="value", detail=f"{value!r} is not a finite number >= 0")
    return (moment - _EPOCH) // _MICROSECOND, number


def _fast_times(texts: list[Any]) -> tuple[Int64s, Mask]:
    """Epoch microseconds of ``YYYY-MM-DDTHH:MM:SSZ`` texts, and which texts had that shape."""
    count = len(texts)
    if set(map(type, texts)) != {str}:
        texts = [text if text.__class__ is str else "" for text in texts]
    micros = np.zeros(count, dtype=np.int64)
    ok = np.zeros(count, dtype=np.bool_)
    shaped = np.fromiter(map(len, texts), dtype=np.int64, count=count) == _FAST_WIDTH
    if not shaped.any():
        return micros, ok
    chosen = texts if shaped.all() else list(compress(texts, shaped.tolist()))
    # one byte a character, non-ASCII ones as "?", so each text stays 20 bytes
    raw = "".join(chosen).encode("ascii", errors="replace")
    codes = np.frombuffer(raw, dtype=np.uint8).reshape(len(chosen), _FAST_WIDTH)
    good = (codes[:, _MARKS] == _MARK_CODES).all(axis=1)
    digits = codes[:, _DIGITS].astype(np.int64) - ord("0")
    good &= ((digits >= 0) & (digits <= 9)).all(axis=1)
    d = np.where(good[:, None], digits, 0).T
    year = d[0] * 1000 + d[1] * 100 + d[2] * 10 + d[3]
    month = d[4] * 10 + d[5]
    day = d[6] * 10 + d[7]
    hour = d[8] * 10 + d[9]
    minute = d[10] * 10 + d[11]
    second = d[12] * 10 + d[13]
    leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
    month_days = _MONTH_DAYS[np.clip(month, 1, 12) - 1] + (leap & (month == 2))
    good &= (year >= 1) & (month >= 1) & (month <= 12) & (day >= 1) & (day <= month_days)
    good &= (hour < 24) & (minute < 60) & (second < 60)
    # days from the civil date (H. Hinnant's algorithm), in years that start in March
    y = year - (month <= 2)
    era = y // 400
    yoe = y - era * 400
    doy = (153 * ((month + 9) % 12) + 2) // 5 + day - 1
    days = era * 146097 + yoe * 365 + yoe // 4 - yoe // 100 + doy - 719468
    micros[shaped] = (((days * 24 + hour) * 60 + minute) * 60 + second) * 1_000_000
    ok[shaped] = good
    return micros, ok


def _fast_values(values: list[Any]) -> tuple[Floats, Mask]:
    """The values as floats, and which are numbers (not bools) that are finite and >= 0."""
    if not set(map(type, values)) <= {float, int}:
        values = [
            value if value.__class__ is float or value.__class__ is int else math.nan
            for value in values
        ]
    try:
        array = np.array(values, dtype=np.float64)
    except OverflowError:  # an integer beyond a double: the slow path names it
        return np.zeros(len(values)), np.zeros(len(values), dtype=np.bool_)
    return array, (array >= 0) & (array < _INFINITY)


def _columns(texts: list[Any], values: list[Any], first: int = 0) -> Batch:
    """Check a body's readings as columns; rows are numbered from ``first``."""
    count = len(texts)
    micros, good = _fast_times(texts)
    numbers, good_values = _fast_values(values)
    good &= good_values
    batch = Batch(rows=count, micros=micros, values=numbers, index=np.arange(count) + first)
    if good.all():
        return batch
    batch.keep(good)
    slow = np.flatnonzero(~good).tolist()
    extra: list[tuple[int, int, float]] = []
    for position in slow:
        checked = _one(position + first, texts[position], values[position])
        if isinstance(checked, RowError):
            batch.errors.append(checked)
        else:
            extra.append((position + first, *checked))
    if extra:
        rows, moments, floats = zip(*extra, strict=True)
        batch.index = np.concatenate([batch.index, np.array(rows, dtype=np.int64)])
        batch.micros = np.concatenate([batch.micros, np.array(moments, dtype=np.int64)])
        batch.values = np.concatenate([batch.values, np.array(floats, dtype=np.float64)])
        batch.keep(np.argsort(batch.index, kind="stable"))
    return batch


def _check_size(rows: int) -> None:
    if rows > MAX_READINGS:
        raise PayloadTooLarge(
            f"a batch holds at most {MAX_READINGS} readings, not {rows}",
            max_readings=MAX_READINGS,
            received_readings=rows,
        )


def parse_json(body: bytes) -> Batch:
    try:
        document = orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        raise UnprocessableContent(f"the body is not JSON: {exc}") from exc
    items = document.get("readings") if isinstance(document, dict) else None
    if not isinstance(items, list):
        raise UnprocessableContent('send {"readings": [{"ts": "...Z", "value": 1.5}, ...]}')
    _check_size(len(items))
    objects = [item if item.__class__ is dict else None for item in items]
    if None in objects:
        texts = [item.get("ts") if item is not None else None for item in objects]
        values = [item.get("value") if item is not None else None for item in objects]
        batch = _columns(texts, values)
        bad = {i for i, item in enumerate(objects) if item is None}
        batch.keep(~np.isin(batch.index, list(bad)))
        batch.errors = [error for error in batch.errors if error.row not in bad] + [
            RowError(row=row, detail='not an object {"ts": ..., "value": ...}') for row in bad
        ]
        return batch
    return _columns(
        list(map(dict.get, items, repeat("ts"))), list(map(dict.get, items, repeat("value")))
    )


def parse_csv(body: bytes) -> Batch:
    """``ts,value`` lines, an optional header first; rows are named by line (from 1)."""
    try:
        lines = body.decode("utf-8-sig").splitlines()
    except UnicodeDecodeError as exc:
        raise UnprocessableContent(f"the body is not UTF-8 text: {exc}") from exc
    first = 1
    if lines and lines[0].replace(" ", "").lower().startswith("ts,"):
        first, lines = 2, lines[1:]
    _check_size(len(lines))
    texts: list[Any] = []
    values: list[Any] = []
    for text in lines:
        moment, comma, number = text.partition(",")
        try:
            value: Any = float(number) if comma else None
        except ValueError:
            value = number
        texts.append(moment.strip())
        values.append(value)
    return _columns(texts, values, first)


def max_reading(unit: str) -> float:
    """The largest value one reading may have: what one activity record may hold."""
    if unit in units.ALIASES:
        return units.max_quantity(unit)
    return units.MAX_QUANTITY  # a meter of something the engine does not convert (water...)


def _out_of_range(batch: Batch, unit: str) -> None:
    """Readings before 1900 or from 2101, or over the limit of one reading, are errors."""
    limit = max_reading(unit)
    early = batch.micros < _FIRST_US
    late = batch.micros >= _END_US
    large = batch.values > limit
    bad = early | late | large
    if not bad.any():
        return
    for row, is_early, is_late in zip(
        batch.index[bad].tolist(), early[bad].tolist(), late[bad].tolist(), strict=True
    ):
        if is_early or is_late:
            batch.errors.append(
                RowError(
                    row=row,
                    column="ts",
                    detail=f"times are accepted from {EARLIEST_MOMENT:%Y-%m-%dT%H:%M:%SZ} "
                    f"to before {END_OF_TIME:%Y-%m-%dT%H:%M:%SZ}",
                )
            )
        else:
            batch.errors.append(
                RowError(
                    row=row,
                    column="value",
                    detail=f"a reading is at most {limit:.6g} {unit}",
                    accepted=f"finite numbers from 0 to {limit:.6g}",
                )
            )
    batch.keep(~bad)


def _repeats(batch: Batch) -> None:
    """A timestamp twice in one batch is an error on its later rows."""
    micros = batch.micros
    if len(micros) < 2 or bool((micros[1:] > micros[:-1]).all()):
        return  # ascending, as nearly every batch is
    if len(np.unique(micros)) == len(micros):
        return
    seen: dict[int, int] = {}
    keep = []
    for position, (moment, row) in enumerate(
        zip(micros.tolist(), batch.index.tolist(), strict=True)
    ):
        if moment in seen:
            batch.errors.append(
                RowError(row=row, column="ts", detail=f"the same ts as row {seen[moment]}")
            )
        else:
            seen[moment] = row
            keep.append(position)
    batch.keep(np.array(keep, dtype=np.int64))


def _moments(micros: Int64s) -> list[datetime]:
    return [_EPOCH + timedelta(microseconds=m) for m in micros.tolist()]


# --- aggregation ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Hours:
    """Per-hour count, sum, min and max of a batch, hours since the epoch ascending."""

    hour: np.ndarray[Any, np.dtype[np.int64]]
    count: np.ndarray[Any, np.dtype[np.int64]]
    sum: np.ndarray[Any, np.dtype[np.float64]]
    min: np.ndarray[Any, np.dtype[np.float64]]
    max: np.ndarray[Any, np.dtype[np.float64]]

    def days(self) -> list[tuple[date, float]]:
        day = self.hour // 24
        starts = np.flatnonzero(np.r_[True, day[1:] != day[:-1]])
        sums = np.add.reduceat(self.sum, starts)
        return [
            (date(1970, 1, 1) + timedelta(days=int(d)), float(s))
            for d, s in zip(day[starts], sums, strict=True)
        ]

    def aggregates(self) -> list[events.HourAggregate]:
        return [
            events.HourAggregate(
                hour=_EPOCH + timedelta(hours=hour), count=count, sum=total, min=low, max=high
            )
            for hour, count, total, low, high in zip(
                self.hour.tolist(),
                self.count.tolist(),
                self.sum.tolist(),
                self.min.tolist(),
                self.max.tolist(),
                strict=True,
            )
        ]


def hours_of(micros: Int64s, values: Floats) -> Hours:
    hour = micros // _HOUR_US
    value = values
    if len(hour) > 1 and not bool((hour[1:] >= hour[:-1]).all()):
        order = np.argsort(hour, kind="stable")
        hour, value = hour[order], value[order]
    starts = np.flatnonzero(np.r_[True, hour[1:] != hour[:-1]])
    return Hours(
        hour=hour[starts],
        count=np.diff(np.r_[starts, len(hour)]),
        sum=np.add.reduceat(value, starts),
        min=np.minimum.reduceat(value, starts),
        max=np.maximum.reduceat(value, starts),
    )


# --- ingest --------------------------------------------------------------------------------


def request_hash(meter_id: str, content_type: str, on_error: str, body: bytes) -> str:
    digest = hashlib.sha256(f"{meter_id}\n{content_type}\n{on_error}\n".encode())
    digest.update(body)
    return digest.hexdigest()


async def replay(
    session: AsyncSession, organization_id: str, key: str, fingerprint: str
) -> IdempotencyRow | None:
    """The stored answer to an earlier request with ``key``, if it was this same request."""
    row = await session.get(IdempotencyRow, (organization_id, key))
    if row is not None and row.request_hash != fingerprint:
        raise UnprocessableContent(
            f"Idempotency-Key {key!r} was used for a different request; use a new key",
            idempotency_key=key,
        )
    return row


async def remember(
    session: AsyncSession, organization_id: str, key: str, fingerprint: str, body: bytes
) -> None:
    session.add(
        IdempotencyRow(
            organization_id=organization_id,
            key=key,
            request_hash=fingerprint,
            status=201,
            response=body.decode(),
            created_at=utcnow(),
        )
    )
    await session.flush()


async def _already_stored(session: AsyncSession, seq: int, batch: Batch) -> None:
    """Refuse readings the meter already has, naming them (the primary key guards races)."""
    low, high = _moments(np.array([batch.micros.min(), batch.micros.max()]))
    stored = [
        moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
        for moment in await session.scalars(
            sa.select(ReadingRow.ts).where(
                ReadingRow.meter_seq == seq, ReadingRow.ts >= low, ReadingRow.ts <= high
            )
        )
    ]
    known = np.array([(moment - _EPOCH) // _MICROSECOND for moment in stored], dtype=np.int64)
    rows = batch.index[np.isin(batch.micros, known)].tolist()
    if rows:
        clashes = [
            RowError(row=row, column="ts", detail="this meter already has a reading at this ts")
            for row in rows[:MAX_REPORTED_ERRORS]
        ]
        raise Conflict(
            f"{len(rows)} readings repeat timestamps the meter already has; readings are "
            "never replaced, so nothing was stored",
            errors=[error.model_dump(mode="json") for error in clashes],
        )


# PostgreSQL's binary COPY: a header, then per row its field count and each field as a
# length and big-endian bytes; timestamptz is microseconds since 2000-01-01 UTC.
_COPY_HEADER: Final = b"PGCOPY\n\xff\r\n\x00" + bytes(8)
_COPY_TRAILER: Final = b"\xff\xff"
_PG_EPOCH_US: Final = 946_684_800_000_000


def copy_data(seq: int, batch: Batch) -> bytes:
    """The batch as a binary COPY stream of (meter_seq, ts, value), built in bulk by numpy."""
    layout = np.dtype(
        [
            ("fields", ">i2"),
            ("meter_size", ">i4"),
            ("meter", ">i4"),
            ("ts_size", ">i4"),
            ("ts", ">i8"),
            ("value_size", ">i4"),
            ("value", ">f8"),
        ]
    )
    records = np.empty(len(batch.micros), dtype=layout)
    records["fields"] = 3
    records["meter_size"] = 4
    records["meter"] = seq
    records["ts_size"] = 8
    records["ts"] = batch.micros - _PG_EPOCH_US
    records["value_size"] = 8
    records["value"] = batch.values
    return b"".join((_COPY_HEADER, records.tobytes(), _COPY_TRAILER))


async def _store(session: AsyncSession, seq: int, batch: Batch, work: Callable[[], T]) -> T:
    """Write the readings while ``work`` runs; a timestamp the meter has is a 409 naming rows.

    ``work`` touches no database: on PostgreSQL it runs in a thread while the server
    takes the COPY, so the batch's own computing hides behind it. A clash wins over an
    error from ``work``, as it would if they ran one after the other.
    """
    connection = await session.connection()
    if connection.dialect.name != "postgresql":
        await _already_stored(session, seq, batch)
        await session.execute(
            sa.insert(ReadingRow),
            [
                {"meter_seq": seq, "ts": moment, "value": value}
                for moment, value in zip(_moments(batch.micros), batch.values.tolist(), strict=True)
            ],
        )
        return work()
    driver = (await connection.get_raw_connection()).driver_connection
    assert driver is not None  # a live connection
    data = copy_data(seq, batch)
    # in a savepoint, so a clash leaves the transaction able to name the rows
    await driver.execute("SAVEPOINT readings_copy")
    done = asyncio.get_running_loop().run_in_executor(None, work)
    try:
        await driver.copy_to_table(
            ReadingRow.__tablename__,
            source=memoryview(data),  # bytes would be taken for a path
            columns=("meter_seq", "ts", "value"),
            format="binary",
        )
    except UniqueViolationError as exc:
        with contextlib.suppress(Exception):
            await done
        await driver.execute("ROLLBACK TO SAVEPOINT readings_copy")
        await _already_stored(session, seq, batch)
        # not visible to this transaction: a concurrent batch won the race
        raise Conflict("another batch stored readings at these timestamps first") from exc
    except BaseException:
        with contextlib.suppress(Exception):
            await done
        raise
    await driver.execute("RELEASE SAVEPOINT readings_copy")
    return await done


@dataclass(frozen=True)
class _Plan:
    """What the roll-up read before the COPY: rules, context and the days' current heads."""

    rules: ledger.Rules
    context: Context
    known: dict[date | None, tuple[ActivityRow, ActivityVersionRow]]


async def _roll_up_plan(
    session: AsyncSession, meter: MeterRow, days: list[tuple[date, float]]
) -> _Plan:
    rules = await ledger.rules_for(session, meter.organization_id)
    context = await context_in(session, meter.organization_id)
    rows = await session.execute(
        sa.select(ActivityRow, ActivityVersionRow)
        .join(
            ActivityVersionRow,
            sa.and_(
                ActivityVersionRow.activity_id == ActivityRow.id,
                ActivityVersionRow.version == ActivityRow.version,
            ),
        )
        .where(ActivityRow.meter_id == meter.id, ActivityRow.meter_day.in_([d for d, _ in days]))
        .with_for_update(of=ActivityRow)
    )
    return _Plan(rules, context, {head.meter_day: (head, version) for head, version in rows})


def _roll_up_writes(
    plan: _Plan, meter: MeterRow, days: list[tuple[date, float]]
) -> list[ledger.Write]:
    """Each day's new readings added to the meter-day activity, as a new version (no I/O)."""
    assert meter.activity is not None
    writes = []
    for day, added in days:
        plan.rules.check(day, day, None)
        head, previous = plan.known.get(day, (None, None))
        before = previous.inputs["quantity"] if previous is not None else 0.0
        try:
            draft = ActivityCreate(
                activity=meter.activity,
                quantity=before + added,
                unit=meter.unit,
                region=meter.region,
                year=day.year,
                options=meter.options,
                period_start=day,
                period_end=day,
                facility_id=meter.facility_id,
            )
        except ValidationError as error:  # not expected: the readings were checked
            raise UnprocessableContent(
                f"the readings of {day} cannot become an activity: {error.errors()[0]['msg']}",
                day=str(day),
            ) from error
        try:
            result = ledger.calculate(plan.context, draft)
        except Problem as problem:
            raise UnprocessableContent(
                f"the readings of {day} cannot become emissions: {problem.detail}",
                day=str(day),
                **problem.extensions,
            ) from problem
        change: Change = "recorded" if head is None else "corrected"
        writes.append(ledger.Write(change, draft, result, head, previous, (meter.id, day)))
    return writes


async def ingest(
    session: AsyncSession,
    outbox: Outbox,
    meter: MeterRow,
    actor: Identity,
    batch: Batch,
    on_error: OnError,
) -> IngestReport:
    """Store a parsed batch, roll it up into daily emissions and publish its hours."""
    _out_of_range(batch, meter.unit)
    _repeats(batch)
    errors = sorted(batch.errors, key=lambda error: error.row)
    if errors and (on_error == "reject" or not len(batch.micros)):
        raise UnprocessableContent(
            f"{len(errors)} of {batch.rows} readings are invalid, the first at row "
            f"{errors[0].row}; nothing was stored",
            rejected=len(errors),
            errors=[error.model_dump(mode="json") for error in errors[:MAX_REPORTED_ERRORS]],
        )
    if not len(batch.micros):
        raise UnprocessableContent("the batch has no readings")
    hours = hours_of(batch.micros, batch.values)
    days = hours.days()
    seq = await meter_key(session, meter)
    plan = await _roll_up_plan(session, meter, days) if meter.activity else None
    batch_id = str(uuid.uuid4())

    def compute() -> tuple[list[ledger.Write], Event]:
        writes = _roll_up_writes(plan, meter, days) if plan is not None else []
        event = Event.new(
            events.READING_BATCH_INGESTED,
            source=events.SOURCE,
            tenant=meter.organization_id,
            data=events.ReadingBatchIngested(
                batch_id=batch_id,
                organization_id=meter.organization_id,
                meter_id=meter.id,
                facility_id=meter.facility_id,
                kind=meter.kind,
                unit=meter.unit,
                hours=hours.aggregates(),
            ),
        )
        return writes, event

    writes, event = await _store(session, seq, batch, compute)
    activity_ids: list[str] = []
    if writes:
        stored = await ledger.write_versions(
            session, outbox, meter.organization_id, actor.subject, "meter", writes
        )
        activity_ids = [record.id for record in stored]
    await outbox.add(session, event)
    counted = READINGS_INGESTED.labels(meter.kind)
    accepted = len(batch.micros)
    after_commit(session, lambda: counted.inc(accepted))
    return IngestReport(
        batch_id=batch_id,
        meter_id=meter.id,
        accepted=accepted,
        rejected=len(errors),
        errors=errors[:MAX_REPORTED_ERRORS],
        days=[str(day) for day, _ in days],
        activity_ids=activity_ids,
    )
