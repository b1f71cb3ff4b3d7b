"""Meters and readings: idempotent batches, bad rows named, daily roll-up into the ledger."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import orjson
import pytest
from carbon_api import API, ORG_A, ORG_B, Sign
from ledger_api import GRID_GB_2024, close, created, outbox
from sqlalchemy import func, select

from ecotrack.carbon import readings
from ecotrack.carbon.models import IdempotencyRow, ReadingRow
from ecotrack.carbon.service import erase
from ecotrack.core.deletion import DeletionRequested
from ecotrack.platform import Platform

START = datetime(2024, 3, 1, tzinfo=UTC)


def hourly(count: int, start: datetime = START, value: float = 1.5) -> list[dict[str, Any]]:
    return [
        {"ts": (start + timedelta(hours=h)).isoformat().replace("+00:00", "Z"), "value": value}
        for h in range(count)
    ]


async def electricity_meter(carbon: httpx.AsyncClient, headers: dict[str, str]) -> dict[str, Any]:
    facility = await created(carbon, "facilities", {"name": "Leeds", "region": "GB"}, headers)
    return await created(  # type: ignore[no-any-return]
        carbon,
        "meters",
        {"facility_id": facility["id"], "name": "Main", "kind": "electricity", "unit": "kWh"},
        headers,
    )


def key_for(scopes: tuple[str, ...], sign: Sign) -> dict[str, str]:
    return sign(ORG_A, None, subject="meter-key", kind="api_key", scopes=scopes)


async def test_retries_with_the_same_idempotency_key_never_duplicate(
    carbon: httpx.AsyncClient, sign: Sign, platform: Platform
) -> None:
    meter = await electricity_meter(carbon, sign(ORG_A))
    path = f"{API}/meters/{meter['id']}/readings"
    key = {**key_for(("readings:write",), sign), "Idempotency-Key": "batch-0001"}
    body = {"readings": hourly(30)}

    first = await carbon.post(path, json=body, headers=key)
    assert first.status_code == 201, first.text
    retry = await carbon.post(path, json=body, headers=key)
    assert (retry.status_code, retry.json()) == (201, first.json())
    assert retry.headers["idempotent-replayed"] == "true"
    stored = await carbon.get(f"{path}?limit=1000", headers=sign(ORG_A))
    assert len(stored.json()) == 30

    other = await carbon.post(path, json={"readings": hourly(2)}, headers=key)
    assert other.status_code == 422, other.text
    assert "Idempotency-Key" in other.json()["detail"]
    unkeyed = await carbon.post(path, json=body, headers=key_for(("readings:write",), sign))
    assert unkeyed.status_code == 409, unkeyed.text  # the readings exist: never replaced
    assert unkeyed.json()["errors"][0] == {
        "row": 0,
        "column": "ts",
        "detail": "this meter already has a reading at this ts",
        "accepted": None,
    }
    assert len([k for k, _ in await outbox(platform, "reading.")]) == 1


async def test_a_bad_row_rejects_the_batch_or_is_skipped_as_asked(
    carbon: httpx.AsyncClient, sign: Sign
) -> None:
    meter = await electricity_meter(carbon, sign(ORG_A))
    path = f"{API}/meters/{meter['id']}/readings"
    rows = hourly(5)
    rows[3] = {"ts": rows[3]["ts"], "value": -1}
    rows.append({"ts": "2024-03-01T09:00:00", "value": 1})  # no offset
    rows.append(rows[0])  # a repeat
    editor = sign(ORG_A)

    rejected = await carbon.post(path, json={"readings": rows}, headers=editor)
    assert rejected.status_code == 422, rejected.text
    assert [(e["row"], e["column"]) for e in rejected.json()["errors"]] == [
        (3, "value"),
        (5, "ts"),
        (6, "ts"),
    ]
    assert "row 3" in rejected.json()["detail"]
    assert (await carbon.get(path, headers=editor)).json() == []

    skipped = await carbon.post(f"{path}?on_error=skip", json={"readings": rows}, headers=editor)
    assert skipped.status_code == 201, skipped.text
    assert (skipped.json()["accepted"], skipped.json()["rejected"]) == (4, 3)

    csv = b"ts,value\n2024-03-02T00:00:00Z,2\n2024-03-02T01:00:00Z,abc\n"
    answer = await carbon.post(path, content=csv, headers={**editor, "content-type": "text/csv"})
    assert answer.status_code == 422, answer.text
    assert answer.json()["errors"][0]["row"] == 3  # the line of the file


async def test_readings_roll_up_into_daily_emissions(
    carbon: httpx.AsyncClient, sign: Sign, platform: Platform
) -> None:
    editor = sign(ORG_A)
    meter = await electricity_meter(carbon, editor)
    path = f"{API}/meters/{meter['id']}/readings"
    # 36 hours at 2 kWh: 24 on 1 March, 12 on 2 March
    first = await carbon.post(path, json={"readings": hourly(36, value=2.0)}, headers=editor)
    assert first.status_code == 201, first.text
    assert first.json()["days"] == ["2024-03-01", "2024-03-02"]
    # 12 more hours of 2 March at 0.5 kWh: the day's activity is corrected
    later = hourly(12, START + timedelta(hours=36), value=0.5)
    second = await carbon.post(path, json={"readings": later}, headers=editor)
    assert second.json()["days"] == ["2024-03-02"]

    listed = await carbon.get(f"{API}/activities/records?meter_id={meter['id']}", headers=editor)
    days = {r["period_start"]: r for r in listed.json()["items"]}
    assert days["2024-03-01"]["quantity"] == 48.0
    assert days["2024-03-01"]["co2e_kg"] == close(48 * GRID_GB_2024)
    assert days["2024-03-02"]["quantity"] == 30.0
    assert days["2024-03-02"]["co2e_kg"] == close((24 + 6) * GRID_GB_2024)
    assert (days["2024-03-02"]["version"], days["2024-03-02"]["source"]) == (2, "meter")

    trail = await outbox(platform)
    batches = [data for kind, data in trail if kind == "reading.batch_ingested"]
    assert len(batches[0]["hours"]) == 36
    assert batches[0]["hours"][0] == {
        "hour": "2024-03-01T00:00:00Z",
        "count": 1,
        "sum": 2.0,
        "min": 2.0,
        "max": 2.0,
    }
    assert {k for k, _ in trail if k.startswith("activity.")} == {
        "activity.recorded",
        "activity.corrected",
    }
    # a meter's day follows its readings, not edits
    answer = await carbon.delete(f"{API}/activities/{days['2024-03-01']['id']}", headers=editor)
    assert answer.status_code == 409


async def test_limits_scopes_and_other_organisations(
    carbon: httpx.AsyncClient, sign: Sign, monkeypatch: pytest.MonkeyPatch
) -> None:
    meter = await electricity_meter(carbon, sign(ORG_A))
    path = f"{API}/meters/{meter['id']}/readings"
    monkeypatch.setattr(readings, "MAX_READINGS", 10)
    too_many = await carbon.post(path, json={"readings": hourly(11)}, headers=sign(ORG_A))
    assert too_many.status_code == 413, too_many.text
    assert too_many.json()["max_readings"] == 10
    wrong_scope = await carbon.post(
        path, json={"readings": hourly(1)}, headers=key_for(("activities:write",), sign)
    )
    assert wrong_scope.status_code == 403
    theirs = await carbon.post(path, json={"readings": hourly(1)}, headers=sign(ORG_B))
    assert theirs.status_code == 404
    garbage = await carbon.post(path, content=b"{nope", headers=sign(ORG_A))
    assert garbage.status_code == 422


async def test_erasing_an_organisation_takes_its_ledger_and_readings(
    carbon: httpx.AsyncClient, sign: Sign, platform: Platform
) -> None:
    meter = await electricity_meter(carbon, sign(ORG_A))
    path = f"{API}/meters/{meter['id']}/readings"
    headers = {**sign(ORG_A), "Idempotency-Key": "k"}
    assert (await carbon.post(path, json={"readings": hourly(3)}, headers=headers)).is_success
    await created(carbon, "facilities", {"name": "B's", "region": "GB"}, sign(ORG_B))
    database = platform.runtimes["carbon"].database
    for kind, subject in (("user", "user-1"), ("organization", ORG_A)):
        async with database.session() as session:
            request = DeletionRequested(saga_id="s", subject_kind=kind, subject_id=subject)  # type: ignore[arg-type]
            await erase(session, request)
    assert (await carbon.get(f"{API}/facilities", headers=sign(ORG_A))).json() == []
    records = await carbon.get(f"{API}/activities/records", headers=sign(ORG_A))
    assert records.json()["total"] == 0
    assert len((await carbon.get(f"{API}/facilities", headers=sign(ORG_B))).json()) == 1
    async with database.session() as session:
        for model in (ReadingRow, IdempotencyRow):
            assert await session.scalar(select(func.count()).select_from(model)) == 0


def test_times_are_read_in_bulk_exactly_as_one_by_one() -> None:
    texts = [
        "2024-02-29T23:59:59Z",  # the bulk shape
        "2023-02-29T00:00:00Z",  # no such day
        "2024-03-01T01:00:00.250+01:00",  # other ISO 8601 forms, one by one
        "2024-03-01 02:00:00+00:00",
        "2024-03-01T03:00:00",  # no offset
        "2024-13-01T00:00:00Z",
        "nope",
    ]
    body = {"readings": [{"ts": text, "value": n} for n, text in enumerate(texts)]}
    body["readings"] += [{"ts": "2024-03-02T00:00:00Z", "value": True}, ["not", "an", "object"]]
    batch = readings.parse_json(orjson.dumps(body))
    expected = {
        0: datetime(2024, 2, 29, 23, 59, 59, tzinfo=UTC),
        2: datetime(2024, 3, 1, 0, 0, 0, 250_000, tzinfo=UTC),
        3: datetime(2024, 3, 1, 2, tzinfo=UTC),
    }
    assert batch.index.tolist() == list(expected)
    assert [readings._EPOCH + timedelta(microseconds=m) for m in batch.micros.tolist()] == list(
        expected.values()
    )
    assert batch.values.tolist() == [0.0, 2.0, 3.0]
    assert sorted((e.row, e.column) for e in batch.errors) == [
        (1, "ts"),
        (4, "ts"),
        (5, "ts"),
        (6, "ts"),
        (7, "value"),
        (8, None),
    ]
