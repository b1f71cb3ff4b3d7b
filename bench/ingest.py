"""Meter readings through the HTTP API into PostgreSQL, against a raw binary COPY of them.

Baselines, measured in the same run on the same database: asyncpg's binary
``copy_records_to_table`` of the same rows into a scratch table with the readings'
columns, without an index (the raw rate) and with the readings' primary key.
Measured: the same rows as ``POST /api/v1/carbon/meters/{id}/readings`` batches of 50,000
(JSON, each with an ``Idempotency-Key``) to the Carbon service running alone under uvicorn
in its own process (``ecotrack serve carbon``) on loopback, with signed identity headers
for an API key holding ``readings:write``; timed from the first request until every batch
is answered and the outbox has been relayed, so parsing, checks, COPY, the daily roll-up
into the ledger and the events are all inside the figure.

Needs PostgreSQL: ``ECOTRACK_DATABASE_URL=postgresql+asyncpg://...`` to a scratch database,
whose readings table is emptied first (so runs do not grow it, and the HTTP figure starts
from an empty table as the baselines do); skipped otherwise.
"""

from __future__ import annotations

import asyncio
import os
import random
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta

import asyncpg
import httpx
import orjson

from bench.serving import add_meters, serving
from ecotrack.core.security import Identity, sign_identity

BATCH = 50_000
BATCHES = 10
ROWS = BATCH * BATCHES
START = datetime(2024, 1, 1, tzinfo=UTC)
SECRET = "bench-secret-" + "x" * 32
CARBON = "/api/v1/carbon"


def _rows() -> list[tuple[datetime, float]]:
    """A minute meter's readings: about 35 days per batch of 50,000."""
    rng = random.Random(2026)
    return [(START + timedelta(minutes=n), round(rng.uniform(0, 5), 3)) for n in range(ROWS)]


async def _copy(url: str, rows: list[tuple[datetime, float]], *, keyed: bool) -> float:
    """Seconds for a binary COPY of ``rows`` into a fresh scratch table."""
    connection = await asyncpg.connect(url)
    table = f"bench_readings_{uuid.uuid4().hex[:8]}"
    key = ", PRIMARY KEY (meter_seq, ts)" if keyed else ""
    try:
        await connection.execute(
            f"CREATE TABLE {table} (meter_seq integer NOT NULL, "
            f"ts timestamptz NOT NULL, value double precision NOT NULL{key})"
        )
        records = [(1, ts, value) for ts, value in rows]
        started = time.perf_counter()
        for first in range(0, ROWS, BATCH):
            await connection.copy_records_to_table(
                table, records=records[first : first + BATCH], columns=("meter_seq", "ts", "value")
            )
        return time.perf_counter() - started
    finally:
        await connection.execute(f"DROP TABLE IF EXISTS {table}")
        await connection.close()


def _headers(scopes: tuple[str, ...]) -> dict[str, str]:
    identity = Identity(
        subject="bench-key", kind="api_key", organization_id="bench-org", scopes=scopes
    )
    return sign_identity(identity, SECRET)


def _bodies(rows: list[tuple[datetime, float]]) -> list[bytes]:
    readings = [{"ts": ts.isoformat().replace("+00:00", "Z"), "value": v} for ts, v in rows]
    return [
        orjson.dumps({"readings": readings[first : first + BATCH]})
        for first in range(0, ROWS, BATCH)
    ]


async def _pending(url: str) -> int:
    connection = await asyncpg.connect(url)
    try:
        count: int = await connection.fetchval(
            "SELECT count(*) FROM carbon.outbox WHERE published_at IS NULL"
        )
        return count
    finally:
        await connection.close()


async def _empty_readings(url: str) -> None:
    """Start from an empty readings table, as the baselines do, whatever earlier runs left."""
    connection = await asyncpg.connect(url)
    try:
        await connection.execute("TRUNCATE carbon.readings")
    finally:
        await connection.close()


async def _through_http(url: str, db_url: str, rows: list[tuple[datetime, float]]) -> float:
    with tempfile.TemporaryDirectory() as data_dir:
        settings = {
            "ECOTRACK_DATABASE_URL": url,
            "ECOTRACK_SECRET_KEY": SECRET,
            "ECOTRACK_DATA_DIR": data_dir,
        }
        async with serving("carbon", settings) as base_url:
            await _empty_readings(db_url)
            async with httpx.AsyncClient(base_url=base_url, timeout=120) as http:
                bodies = _bodies(rows)
                editor = _headers(("activities:write",))
                warm, meter = await add_meters(http, editor, 2)
                # An untimed batch first pays the first-call costs: imports, factors, pools.
                path = f"{CARBON}/meters/{warm}/readings"
                (
                    await http.post(path, content=bodies[0], headers=_headers(("readings:write",)))
                ).raise_for_status()
                path = f"{CARBON}/meters/{meter}/readings"
                started = time.perf_counter()
                for body in bodies:
                    headers = {
                        **_headers(("readings:write",)),
                        "content-type": "application/json",
                        "Idempotency-Key": uuid.uuid4().hex,
                    }
                    answer = await http.post(path, content=body, headers=headers)
                    assert answer.status_code == 201, answer.text[:500]
                while await _pending(db_url):  # noqa: ASYNC110  # another process relays
                    await asyncio.sleep(0.01)
                return time.perf_counter() - started


async def run() -> str:
    url = os.environ.get("ECOTRACK_DATABASE_URL", "")
    if not url.startswith("postgresql"):
        return (
            "readings ingest: skipped; it measures PostgreSQL COPY, so set "
            "ECOTRACK_DATABASE_URL=postgresql+asyncpg://... to a scratch database"
        )
    raw_url = url.replace("postgresql+asyncpg://", "postgresql://", 1)
    rows = _rows()
    copy_s = min([await _copy(raw_url, rows, keyed=False) for _ in range(3)])
    keyed_s = min([await _copy(raw_url, rows, keyed=True) for _ in range(3)])
    http_s = await _through_http(url, raw_url, rows)
    copy_rate, keyed_rate, http_rate = ROWS / copy_s, ROWS / keyed_s, ROWS / http_s
    return "\n".join(
        [
            f"readings ingest ({ROWS:,} rows, {BATCHES} batches of {BATCH:,}, PostgreSQL)",
            f"  baseline: binary COPY, no index     {copy_rate:>12,.0f} rows/s  ({copy_s:.3f} s)",
            f"  binary COPY with the primary key    {keyed_rate:>12,.0f} rows/s  ({keyed_s:.3f} s)",
            f"  HTTP API, roll-up and outbox        {http_rate:>12,.0f} rows/s  ({http_s:.3f} s)",
            f"  ratio HTTP / raw COPY               {http_rate / copy_rate:>12.3f}",
            f"  ratio HTTP / keyed COPY             {http_rate / keyed_rate:>12.3f}",
        ]
    )


if __name__ == "__main__":
    print(asyncio.run(run()))
