"""Spreadsheet bombs and other files that cost far more to read than they weigh.

Each answers quickly with a bounded 413 or 422, and the process keeps answering other
requests (``/healthz``) while a file is read, since reading happens off the event loop.
"""

from __future__ import annotations

import asyncio
import io
import time
import zipfile
from collections.abc import Iterable
from typing import Any

import httpx
import pytest
from carbon_api import API, ORG_A, Sign

from accounts import bearer, member_token
from ecotrack.carbon import imports
from ecotrack.platform import Platform

IMPORT = f"{API}/activities/import"
XLSX = {"content-type": imports.XLSX_TYPE}
CSV = {"content-type": "text/csv"}
SHEET = "xl/worksheets/sheet1.xml"
HEADER_ROW = (
    '<row r="1">'
    + "".join(
        f'<c r="{chr(65 + i)}1" t="inlineStr"><is><t>{name}</t></is></c>'
        for i, name in enumerate(imports.COLUMNS)
    )
    + "</row>"
)
# Quick, by the clock of a shared 2-core CI machine; before the fix the 20 M row bomb held
# the whole process for over a minute.
QUICK_S = 10.0


def _cell(column: int, row: int, text: str) -> str:
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return f'<c r="{letters}{row}" t="inlineStr"><is><t>{text}</t></is></c>'


def workbook(sheet_parts: Iterable[bytes]) -> bytes:
    """The import template with its sheet replaced by ``sheet_parts``, deflated as written."""
    template = zipfile.ZipFile(io.BytesIO(imports.template_xlsx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zipped:
        for member in template.infolist():
            if member.filename != SHEET:
                zipped.writestr(member.filename, template.read(member.filename))
        with zipped.open(SHEET, "w") as sheet:
            for part in sheet_parts:
                sheet.write(part)
    return out.getvalue()


def sheet(rows: Iterable[bytes], dimension: str = "") -> Iterable[bytes]:
    namespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    yield f'<worksheet xmlns="{namespace}">'.encode()
    if dimension:
        yield f'<dimension ref="{dimension}"/>'.encode()
    yield b"<sheetData>"
    yield HEADER_ROW.encode()
    yield from rows
    yield b"</sheetData></worksheet>"


def twenty_million_empty_rows() -> Iterable[bytes]:
    chunk = b"<row/>" * 100_000
    for _ in range(200):
        yield chunk


async def _timed(
    carbon: httpx.AsyncClient, body: bytes, headers: dict[str, str]
) -> tuple[httpx.Response, float]:
    started = time.perf_counter()
    answer = await carbon.post(IMPORT, content=body, headers=headers)
    return answer, time.perf_counter() - started


async def test_twenty_million_empty_rows_are_refused_quickly(
    carbon: httpx.AsyncClient, sign: Sign
) -> None:
    bomb = workbook(sheet(twenty_million_empty_rows()))
    assert len(bomb) < 200 * 1024  # 172 KiB that unpack to 120 MB
    answer, elapsed = await _timed(carbon, bomb, {**sign(ORG_A), **XLSX})
    assert answer.status_code == 413, answer.text
    # refused on the sizes its zip declares, before anything is unpacked
    assert answer.json()["max_unpacked_bytes"] == imports.MAX_UNPACKED_BYTES
    assert len(answer.content) < 2_000
    assert elapsed < QUICK_S


async def test_a_million_empty_rows_stop_at_the_row_limit(
    carbon: httpx.AsyncClient, sign: Sign
) -> None:
    rows = workbook(sheet([b"<row/>" * 1_000_000]))  # 6 MB unpacked: under the size limit
    answer, elapsed = await _timed(carbon, rows, {**sign(ORG_A), **XLSX})
    assert answer.status_code == 413, answer.text
    assert answer.json()["max_rows"] == imports.MAX_IMPORT_ROWS
    assert "blank rows included" in answer.json()["detail"]
    assert len(answer.content) < 2_000
    assert elapsed < QUICK_S


async def test_a_row_numbered_far_down_counts_the_blank_rows_before_it(
    carbon: httpx.AsyncClient, sign: Sign
) -> None:
    far = workbook(sheet([b'<row r="20000000">' + _cell(1, 20_000_000, "x").encode() + b"</row>"]))
    answer, elapsed = await _timed(carbon, far, {**sign(ORG_A), **XLSX})
    assert answer.status_code == 413, answer.text
    assert elapsed < QUICK_S


async def test_a_sheet_claiming_16384_columns_is_read_as_it_is(
    carbon: httpx.AsyncClient, sign: Sign
) -> None:
    # The dimension claims every column and a million rows; the rows are 2,000 bad ones.
    bad_rows = [
        (
            f'<row r="{row}">'
            + "".join(
                _cell(column, row, text)
                for column, text in enumerate(
                    ("fuel.natural_gas", "10", "furlong", "GB", "2024", "2024-01-01"), start=1
                )
            )
            + _cell(7, row, "2024-01-31")
            + "</row>"
        ).encode()
        for row in range(2, 2002)
    ]
    wide = workbook(sheet(bad_rows, dimension="A1:XFD1048576"))
    assert len(wide) < 100 * 1024
    answer, elapsed = await _timed(carbon, wide, {**sign(ORG_A), **XLSX})
    assert answer.status_code == 422, answer.text
    report = answer.json()
    assert (report["rows"], report["failed"], report["error_count"]) == (2000, 2000, 2000)
    assert len(report["errors"]) == imports.MAX_REPORTED_ERRORS  # the first 100, in order
    assert [error["row"] for error in report["errors"]] == list(range(2, 102))
    assert len(answer.content) < 200 * 1024  # not the 5 MiB it once was
    assert elapsed < QUICK_S


async def test_a_header_wider_than_the_limit_is_refused_with_a_short_answer(
    carbon: httpx.AsyncClient, sign: Sign
) -> None:
    cells = "".join(_cell(column, 1, f"column{column}") for column in range(1, 16_385))
    wide = workbook(
        [
            b"<worksheet xmlns='http://schemas.openxmlformats.org/spreadsheetml/2006/"
            b"main'><sheetData><row r='1'>" + cells.encode() + b"</row></sheetData>"
            b"</worksheet>"
        ]
    )
    answer, elapsed = await _timed(carbon, wide, {**sign(ORG_A), **XLSX})
    assert answer.status_code == 422, answer.text
    assert answer.json()["max_columns"] == imports.MAX_COLUMNS
    assert len(answer.content) < 2_000
    assert elapsed < QUICK_S

    csv_header = ",".join(f"column{n}" for n in range(16_384)).encode() + b"\n"
    as_csv = await carbon.post(IMPORT, content=csv_header, headers={**sign(ORG_A), **CSV})
    assert as_csv.status_code == 422
    assert as_csv.json()["max_columns"] == imports.MAX_COLUMNS
    assert len(as_csv.content) < 2_000


async def test_a_zip_that_unpacks_past_the_limit_is_refused_before_unpacking(
    carbon: httpx.AsyncClient, sign: Sign, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(imports, "MAX_UNPACKED_BYTES", 1024 * 1024)
    big = workbook(sheet([b"<row/>" * 300_000]))  # 1.8 MB unpacked
    answer = await carbon.post(IMPORT, content=big, headers={**sign(ORG_A), **XLSX})
    assert answer.status_code == 413, answer.text
    assert answer.json()["max_unpacked_bytes"] == 1024 * 1024


def test_unpacked_bytes_are_counted_as_they_are_read_whatever_the_zip_declares() -> None:
    limits = imports._Limits(max_unpacked=4096)
    archive = imports._BoundedZip(
        io.BytesIO(workbook(sheet([b"<row/>" * 10_000]))), imports._Budget(limits)
    )
    with pytest.raises(imports.PayloadTooLarge) as raised, archive.open(SHEET) as stream:
        stream.read()
    assert raised.value.extensions["max_unpacked_bytes"] == 4096


async def test_blank_lines_count_towards_the_row_limit(
    carbon: httpx.AsyncClient, sign: Sign
) -> None:
    blank = (",".join(imports.REQUIRED_COLUMNS) + "\n").encode() + b"\n" * (9 * 1024 * 1024)
    answer, elapsed = await _timed(carbon, blank, {**sign(ORG_A), **CSV})
    assert answer.status_code == 413, answer.text
    assert answer.json()["max_rows"] == imports.MAX_IMPORT_ROWS
    assert elapsed < QUICK_S


async def test_a_cell_too_long_for_csv_is_a_problem_not_a_crash(
    carbon: httpx.AsyncClient, sign: Sign
) -> None:
    body = (",".join(imports.REQUIRED_COLUMNS) + '\n"' + "x" * 200_000 + '"\n').encode()
    answer = await carbon.post(IMPORT, content=body, headers={**sign(ORG_A), **CSV})
    assert answer.status_code == 422, answer.text
    assert "line 2" in answer.json()["detail"]


def _valid_csv(rows: int, last: str = "") -> bytes:
    line = "fuel.natural_gas,1000,kWh,GB,2024,2024-01-01,2024-01-31\n"
    return (",".join(imports.REQUIRED_COLUMNS) + "\n" + line * rows + last).encode()


async def test_reading_stops_at_the_time_limit(
    carbon: httpx.AsyncClient, sign: Sign, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(imports, "IMPORT_TIME_LIMIT_S", 0.05)
    answer, elapsed = await _timed(carbon, _valid_csv(10_000), {**sign(ORG_A), **CSV})
    assert answer.status_code == 413, answer.text
    assert answer.json()["time_limit_s"] == 0.05
    assert elapsed < QUICK_S
    listed = await carbon.get(f"{API}/activities/records", headers=sign(ORG_A))
    assert listed.json()["total"] == 0


async def test_healthz_answers_while_a_file_is_read(
    client: httpx.AsyncClient, platform: Platform, monkeypatch: pytest.MonkeyPatch
) -> None:
    tokens, _, _ = await member_token(client, platform, "editor")
    headers = {**bearer(tokens["access_token"]), **CSV}
    # 5,999 good rows, each calculated, then a bad one: a 422 after a second or two of
    # reading and checking, and nothing written (so no database work to interleave with)
    last = "fuel.natural_gas,1000,furlong,GB,2024,2024-01-01,2024-01-31\n"
    body = _valid_csv(5_999, last=last)
    window: list[float] = []  # when reading and checking the file began and ended
    check = imports._check

    def timed_check(*args: Any) -> Any:
        window.append(time.perf_counter())
        try:
            return check(*args)
        finally:
            window.append(time.perf_counter())

    monkeypatch.setattr(imports, "_check", timed_check)

    async def import_it() -> httpx.Response:
        return await client.post("/api/v1/carbon/activities/import", content=body, headers=headers)

    importing = asyncio.create_task(import_it())
    answered: list[float] = []
    while not importing.done():
        started = time.perf_counter()
        health = await client.get("/healthz")
        assert health.status_code == 200
        answered.append(time.perf_counter())
        assert answered[-1] - started < 2.0
        await asyncio.sleep(0.005)  # pacing the probe, not waiting for anything
    answer = await importing
    assert answer.status_code == 422, answer.text
    assert (answer.json()["rows"], answer.json()["failed"]) == (6_000, 1)
    began, ended = window
    during = [moment for moment in answered if began < moment < ended]
    # on the event loop, the file held every other request until it was read: none answered
    assert len(during) >= 2, f"{len(during)} answers in {ended - began:.2f} s of reading"
