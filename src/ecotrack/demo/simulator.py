"""The live data simulator: meters that stream realistic readings through the public API.

It is a client like any machine: it knows the gateway's URL and an API key with the
``readings:write`` scope, and nothing of the services behind it. Each meter has a load
model (a daily shape with busy working hours and a night base load, quieter weekends,
seasonal heating or cooling, seeded noise, and rare spikes and night-time leaks); its
readings are consumption per interval, stamped with wall-clock times aligned to the
interval. Every batch carries an ``Idempotency-Key`` that its retries re-use, so a retry
never stores anything twice. Transient failures (429, 5xx, connection errors) are
retried for ever, with the server's ``Retry-After`` or capped exponential back-off with
jitter; any other 4xx is logged and the batch dropped. A meter that fell behind sends
everything it missed in one batch.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import math
import random
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo
from email.utils import parsedate_to_datetime
from enum import StrEnum
from typing import Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import httpx
import structlog
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception_type,
    retry_if_result,
    stop_never,
)

log = structlog.get_logger(__name__)

MAX_BATCH: Final = 50_000  # the most readings the readings API takes in one request
READINGS_PATH: Final = "/api/v1/carbon/meters/{meter_id}/readings"
# 408 and 429 say "try later"; a 5xx may be transient, and the key makes a retry safe.
TRANSIENT_STATUSES: Final = frozenset({408, 429, 500, 502, 503, 504})
RETRY_AFTER_MAX_S: Final = 900.0
GAS_KWH_PER_M3: Final = 11.2  # natural gas, a typical UK calorific value (39.5 MJ/m3)
_EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)


class Kind(StrEnum):
    ELECTRICITY = "electricity"
    GAS = "gas"
    WATER = "water"


UNITS: Final = {Kind.ELECTRICITY: ("kWh",), Kind.GAS: ("kWh", "m3"), Kind.WATER: ("m3",)}
_KIND_ALIASES: Final = {"natural_gas": Kind.GAS}


def kind_of(text: str) -> Kind:
    """A kind by name (Carbon's ``natural_gas`` is ``gas``); ``ValueError`` if unknown."""
    name = text.strip().lower()
    if name in _KIND_ALIASES:
        return _KIND_ALIASES[name]
    try:
        return Kind(name)
    except ValueError:
        raise ValueError(
            f"unknown meter kind {text!r}; one of {', '.join(k.value for k in Kind)}"
        ) from None


# --- the load model ------------------------------------------------------------------------


@dataclass(frozen=True)
class Shape:
    """One kind's load, per hour, at ``scale`` 1: a base load and a working-hours peak."""

    base: float  # night and weekend base load (unit per hour)
    peak: float  # a weekday's working hours
    weekend: float  # the share of the working-hours uplift left at weekends
    opens: float  # hour the ramp up starts
    closes: float  # hour the ramp down ends
    ramp: float  # hours the ramps take
    heating: float  # extra share of the load in midwinter (gas: the heating)
    cooling: float  # extra share in midsummer (air conditioning, watering)
    noise: float  # relative standard deviation of a reading


SHAPES: Final = {
    # An office: ~20 kW average, a 12 kW base load overnight.
    Kind.ELECTRICITY: Shape(12.0, 42.0, 0.15, 6.5, 19.0, 2.0, 0.10, 0.18, 0.05),
    # Space heating on from early morning, set back at night, off-season only hot water.
    Kind.GAS: Shape(3.0, 40.0, 0.25, 5.0, 18.5, 1.5, 1.0, -0.85, 0.07),
    # Washrooms and kitchens in the day, almost nothing at night.
    Kind.WATER: Shape(0.03, 1.1, 0.08, 7.0, 19.0, 1.5, 0.0, 0.10, 0.10),
}


@dataclass(frozen=True)
class Sample:
    """One reading: the interval's end, its consumption, and the anomaly it starts, if any."""

    ts: datetime
    value: float
    anomaly: str | None = None


def _ramp(hour: float, opens: float, closes: float, ramp: float) -> float:
    """0 at night, 1 in working hours, with smooth (cosine) ramps between."""
    if hour <= opens or hour >= closes:
        return 0.0
    up = min(1.0, (hour - opens) / ramp)
    down = min(1.0, (closes - hour) / ramp)
    return 0.5 - 0.5 * math.cos(math.pi * min(up, down))


class LoadModel:
    """One meter's consumption over time; deterministic for a seed and the same timestamps.

    ``rate`` is the expected load (unit per hour) at a moment; ``sample`` draws the
    interval ending at ``ts``: the mean rate over it, noise, and perhaps an anomaly.
    With probability ``anomaly_rate`` a reading starts one: at night a leak (or, for
    electricity, something left running) adding load for ``leak_s``, otherwise a spike
    of three to six times the reading. Hours and weekdays are the meter's local time in
    ``timezone`` (UTC if this machine has no data for it).
    """

    def __init__(
        self,
        kind: Kind,
        *,
        unit: str | None = None,
        scale: float = 1.0,
        seed: int | str | None = None,
        anomaly_rate: float = 0.0002,
        leak_s: float = 3600.0,
        timezone: str = "UTC",
    ) -> None:
        unit = unit or UNITS[kind][0]
        if unit not in UNITS[kind]:
            raise ValueError(f"a {kind} meter reads in {' or '.join(UNITS[kind])}, not {unit}")
        if not 0 <= anomaly_rate <= 1:
            raise ValueError("anomaly_rate is a probability, between 0 and 1")
        self.kind, self.unit, self.scale = kind, unit, scale
        self.shape = SHAPES[kind]
        self.anomaly_rate = anomaly_rate
        self.leak_s = leak_s
        self._random = random.Random(seed)  # noqa: S311 - simulated data, not secrets
        self.zone = _zone(timezone)
        self._leak_until: datetime | None = None
        self._leak_rate = 0.0

    def rate(self, at: datetime) -> float:
        """Expected load at ``at`` in the meter's unit per hour (no noise, no anomaly)."""
        shape = self.shape
        at = at.astimezone(self.zone)
        hour = at.hour + at.minute / 60 + at.second / 3600
        occupied = _ramp(hour, shape.opens, shape.closes, shape.ramp)
        if at.weekday() >= 5:
            occupied *= shape.weekend
        # +1 in mid-January, -1 in mid-July (northern hemisphere)
        winter = math.cos(2 * math.pi * (at.timetuple().tm_yday - 15) / 365.25)
        season = 1 + shape.heating * max(0.0, winter) + shape.cooling * max(0.0, -winter)
        load = (shape.base + (shape.peak - shape.base) * occupied) * max(0.05, season)
        if self.kind is Kind.GAS and self.unit == "m3":
            load /= GAS_KWH_PER_M3
        return load * self.scale

    def sample(self, ts: datetime, interval_s: float) -> Sample:
        hours = interval_s / 3600
        middle = ts - timedelta(seconds=interval_s / 2)
        mean = self.rate(middle)
        value = mean * hours * max(0.0, self._random.gauss(1.0, self.shape.noise))
        anomaly = None
        if self._random.random() < self.anomaly_rate:
            if 0 <= middle.astimezone(self.zone).hour < 5:
                anomaly = "leak"
                self._leak_until = ts + timedelta(seconds=self.leak_s)
                self._leak_rate = 0.6 * (self.shape.peak - self.shape.base) * self.scale
                if self.kind is Kind.GAS and self.unit == "m3":
                    self._leak_rate /= GAS_KWH_PER_M3
            else:
                anomaly = "spike"
                value *= self._random.uniform(3.0, 6.0)
        if self._leak_until is not None:
            if ts <= self._leak_until:
                value += self._leak_rate * hours
            else:
                self._leak_until = None
        return Sample(ts, round(value, 6), anomaly)


def _zone(name: str) -> tzinfo:
    if name.upper() == "UTC":
        return UTC
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        log.warning("simulator.unknown_timezone", timezone=name, using="UTC")
        return UTC


# --- back-off --------------------------------------------------------------------------------


def retry_after_s(response: httpx.Response, now: Callable[[], float] = time.time) -> float | None:
    """The wait a ``Retry-After`` header asks for (seconds or an HTTP date), if any."""
    header = response.headers.get("retry-after")
    if header is None:
        return None
    try:
        seconds = float(header)
    except ValueError:
        try:
            seconds = parsedate_to_datetime(header).timestamp() - now()
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
    if math.isnan(seconds):
        return None
    return min(max(0.0, seconds), RETRY_AFTER_MAX_S)


def backoff_s(
    attempt: int,
    response: httpx.Response | None,
    *,
    initial_s: float,
    max_s: float,
    rng: random.Random,
) -> float:
    """How long to wait before retry ``attempt`` (1 for the first retry).

    A ``Retry-After`` is honoured (plus up to ``initial_s`` of jitter, so clients told
    the same second do not all come back at once); otherwise exponential back-off with
    jitter: between half and all of ``initial_s * 2 ** (attempt - 1)``, capped at ``max_s``.
    """
    asked = retry_after_s(response) if response is not None else None
    if asked is not None:
        return asked + rng.uniform(0, initial_s)
    ceiling = min(max_s, initial_s * 2 ** min(attempt - 1, 62))
    return rng.uniform(ceiling / 2, ceiling)


# --- the simulator ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SimulatedMeter:
    """A meter to simulate: its id in Carbon, kind and unit, size, and local time zone.

    ``start_after`` is the meter's latest stored reading, if known: the first batch
    starts after it, so a restarted simulator never repeats a timestamp.
    """

    meter_id: str
    kind: Kind
    unit: str | None = None
    scale: float = 1.0
    name: str | None = None
    start_after: datetime | None = None
    timezone: str = "UTC"


@dataclass
class MeterStats:
    batches: int = 0  # accepted (201)
    readings: int = 0  # in accepted batches
    dropped: int = 0  # batches refused with a 4xx
    retries: int = 0
    last_ts: datetime | None = None  # the last reading sent (accepted or dropped)


@dataclass(frozen=True)
class _Prepared:
    key: str
    body: bytes
    count: int
    first: datetime
    last: datetime


def _text(moment: datetime) -> str:
    if moment.microsecond:
        return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _moment(micros: int) -> datetime:
    return _EPOCH + timedelta(microseconds=micros)


@dataclass
class _Meter:
    spec: SimulatedMeter
    model: LoadModel
    cursor: int  # epoch microseconds of the last reading generated (set by run)
    stats: MeterStats = field(default_factory=MeterStats)


class Simulator:
    """Streams readings for ``meters`` to the gateway at ``base_url`` until cancelled.

    Each meter takes a reading every ``interval_s`` (timestamps on multiples of it) and
    sends what it has every ``batch_s`` (default: every reading), starting with the last
    ``backfill_s`` so the first batch has something to show.
    """

    def __init__(
        self,
        base_url: str,
        api_key: str,
        meters: Sequence[SimulatedMeter],
        *,
        interval_s: float = 10.0,
        batch_s: float | None = None,
        backfill_s: float = 3600.0,
        seed: int | str | None = None,
        anomaly_rate: float = 0.0002,
        backoff_initial_s: float = 0.5,
        backoff_max_s: float = 60.0,
        timeout_s: float = 60.0,
        transport: httpx.AsyncBaseTransport | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if interval_s < 0.001:
            raise ValueError("the interval is at least a millisecond")
        if not meters:
            raise ValueError("nothing to simulate: give at least one meter")
        self.base_url = base_url.rstrip("/")
        self._api_key = api_key  # never logged
        self.interval_s = interval_s
        self.batch_s = max(batch_s or interval_s, interval_s)
        self.backfill_s = max(0.0, backfill_s)
        self.backoff_initial_s, self.backoff_max_s = backoff_initial_s, backoff_max_s
        self.timeout_s = timeout_s
        self._transport = transport
        self._clock = clock
        self._interval_us = round(interval_s * 1_000_000)
        self._rng = random.Random(None if seed is None else f"{seed}:backoff")  # noqa: S311
        self._meters = [
            _Meter(
                spec,
                LoadModel(
                    spec.kind,
                    unit=spec.unit,
                    scale=spec.scale,
                    seed=None if seed is None else f"{seed}:{spec.meter_id}",
                    anomaly_rate=anomaly_rate,
                    timezone=spec.timezone,
                ),
                cursor=0,
            )
            for spec in meters
        ]
        self._progress = asyncio.Condition()

    def __repr__(self) -> str:
        return f"Simulator({self.base_url!r}, meters={len(self._meters)})"

    @property
    def stats(self) -> dict[str, MeterStats]:
        return {meter.spec.meter_id: meter.stats for meter in self._meters}

    async def wait_until(self, condition: Callable[[dict[str, MeterStats]], bool]) -> None:
        """Return once ``condition(stats)`` holds; it is checked after every batch or retry."""
        async with self._progress:
            await self._progress.wait_for(lambda: condition(self.stats))

    def _start_cursors(self) -> None:
        """Each meter starts ``backfill_s`` ago, or after its latest stored reading."""
        backfill = int(self.backfill_s * 1_000_000) // self._interval_us * self._interval_us
        first = self._aligned_now() - backfill
        for meter in self._meters:
            start = first
            if meter.spec.start_after is not None:
                after = (meter.spec.start_after - _EPOCH) // timedelta(microseconds=1)
                start = max(start, (after // self._interval_us + 1) * self._interval_us)
            meter.cursor = start - self._interval_us

    async def run(self) -> None:
        """Stream until cancelled (Ctrl-C); transient failures are retried, never fatal."""
        self._start_cursors()
        headers = {"X-API-Key": self._api_key, "Content-Type": "application/json"}
        timeout = httpx.Timeout(self.timeout_s, connect=min(10.0, self.timeout_s))
        async with httpx.AsyncClient(
            base_url=self.base_url, headers=headers, timeout=timeout, transport=self._transport
        ) as http:
            log.info(
                "simulator.started",
                url=self.base_url,
                meters=[meter.spec.meter_id for meter in self._meters],
                interval_s=self.interval_s,
                batch_s=self.batch_s,
            )
            try:
                async with asyncio.TaskGroup() as group:
                    for meter in self._meters:
                        group.create_task(self._stream(http, meter))
            finally:
                log.info("simulator.stopped")

    def _aligned_now(self) -> int:
        now = int(self._clock() * 1_000_000)
        return now // self._interval_us * self._interval_us

    async def _stream(self, http: httpx.AsyncClient, meter: _Meter) -> None:
        batch_us = round(self.batch_s * 1_000_000)
        while True:
            # Everything due now, in as few batches as the API allows: after a back-off
            # this is the catch-up, the missed intervals in one batch.
            while self._aligned_now() > meter.cursor:
                await self._send(http, meter, self._prepare(meter))
            now = int(self._clock() * 1_000_000)
            wake = (now // batch_us + 1) * batch_us
            await asyncio.sleep((wake - now) / 1_000_000)

    def _prepare(self, meter: _Meter) -> _Prepared:
        end = min(self._aligned_now(), meter.cursor + MAX_BATCH * self._interval_us)
        readings = []
        ts = meter.cursor + self._interval_us
        while ts <= end:
            sample = meter.model.sample(_moment(ts), self.interval_s)
            if sample.anomaly is not None:
                log.info(
                    "simulator.anomaly",
                    meter_id=meter.spec.meter_id,
                    anomaly=sample.anomaly,
                    ts=_text(sample.ts),
                )
            readings.append({"ts": _text(sample.ts), "value": sample.value})
            ts += self._interval_us
        meter.cursor = end
        body = json.dumps({"readings": readings}, separators=(",", ":")).encode()
        return _Prepared(
            key=f"simulator-{uuid.uuid4()}",
            body=body,
            count=len(readings),
            first=_moment(end - (len(readings) - 1) * self._interval_us),
            last=_moment(end),
        )

    async def _send(self, http: httpx.AsyncClient, meter: _Meter, batch: _Prepared) -> None:
        """POST one batch until it is accepted or refused; retries re-send the same bytes."""
        meter_id = meter.spec.meter_id
        path = READINGS_PATH.format(meter_id=meter_id)

        async def before_sleep(state: RetryCallState) -> None:
            await self._retrying(meter, state)

        retrying = AsyncRetrying(
            retry=(
                retry_if_exception_type(httpx.TransportError)
                | retry_if_result(lambda answer: answer.status_code in TRANSIENT_STATUSES)
            ),
            wait=self._wait,
            stop=stop_never,
            before_sleep=before_sleep,
            reraise=True,
        )
        answer: httpx.Response = await retrying(
            http.post, path, content=batch.body, headers={"Idempotency-Key": batch.key}
        )
        stats = meter.stats
        stats.last_ts = batch.last
        if answer.is_success:
            stats.batches += 1
            stats.readings += batch.count
            log.info(
                "simulator.batch_sent",
                meter_id=meter_id,
                readings=batch.count,
                first=_text(batch.first),
                last=_text(batch.last),
                replayed=answer.headers.get("idempotent-replayed") == "true",
            )
        else:
            stats.dropped += 1
            log.warning(
                "simulator.batch_dropped",
                meter_id=meter_id,
                status=answer.status_code,
                detail=_detail(answer),
                readings=batch.count,
                first=_text(batch.first),
                last=_text(batch.last),
            )
        await self._notify()

    def _wait(self, state: RetryCallState) -> float:
        outcome = state.outcome
        response = None
        if outcome is not None and not outcome.failed:
            response = outcome.result()
        return backoff_s(
            state.attempt_number,
            response,
            initial_s=self.backoff_initial_s,
            max_s=self.backoff_max_s,
            rng=self._rng,
        )

    async def _retrying(self, meter: _Meter, state: RetryCallState) -> None:
        meter.stats.retries += 1
        outcome = state.outcome
        reason: str | int = "unknown"
        if outcome is not None:
            error = outcome.exception()
            reason = type(error).__name__ if error is not None else outcome.result().status_code
        wait = state.next_action.sleep if state.next_action is not None else None
        log.warning(
            "simulator.retrying",
            meter_id=meter.spec.meter_id,
            reason=reason,
            attempt=state.attempt_number,
            wait_s=None if wait is None else round(wait, 3),
        )
        await self._notify()

    async def _notify(self) -> None:
        async with self._progress:
            self._progress.notify_all()


def _detail(answer: httpx.Response) -> str:
    """The problem's ``detail`` (the API never echoes credentials), shortened."""
    with contextlib.suppress(ValueError, AttributeError):
        detail = answer.json().get("detail")
        if isinstance(detail, str):
            return detail[:300]
    return answer.text[:300]
