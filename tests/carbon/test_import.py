"""CSV and XLSX import: the template round-trips; bad files and rows get a clear report."""

from __future__ import annotations

import httpx
import pytest
from carbon_api import API, ORG_A, Sign
from ledger_api import GAS_KWH_GB_2024, close

from ecotrack.carbon import imports

IMPORT = f"{API}/activities/import"
CSV = {"content-type": "text/csv"}
HEADER = "activity,quantity,unit,region,year,period_start,period_end"


async def _count(carbon: httpx.AsyncClient, sign: Sign) -> int:
    listed = await carbon.get(f"{API}/activities/records", headers=sign(ORG_A))
    total: int = listed.json()["total"]
    return total


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
async def test_the_template_round_trips(carbon: httpx.AsyncClient, sign: Sign, kind: str) -> None:
    template = await carbon.get(f"{IMPORT}/template?format={kind}")
    assert template.status_code == 200
    content_type = template.headers["content-type"]
    answer = await carbon.post(
        IMPORT, content=template.content, headers={**sign(ORG_A), "content-type": content_type}
    )
    assert answer.status_code == 201, answer.text
    assert (answer.json()["imported"], answer.json()["failed"]) == (2, 0)
    records = (await carbon.get(f"{API}/activities/records", headers=sign(ORG_A))).json()
    gas = next(r for r in records["items"] if r["activity"] == "fuel.natural_gas")
    assert gas["co2e_kg"] == close(1200 * GAS_KWH_GB_2024)
    assert gas["source"] == "csv"
    market = next(r for r in records["items"] if r["activity"] == "electricity.grid")
    assert market["co2e_kg"] == close(5000 * 0.02)  # the contract factor in the options cell


async def test_wrong_columns_name_what_is_missing_and_unknown(
    carbon: httpx.AsyncClient, sign: Sign
) -> None:
    body = b"activity,qty,unit,region,year,period_start,period_end,colour\n"
    answer = await carbon.post(IMPORT, content=body, headers={**sign(ORG_A), **CSV})
    assert answer.status_code == 422, answer.text
    assert answer.json()["missing_columns"] == ["quantity"]
    assert answer.json()["unknown_columns"] == ["qty", "colour"]
    unsupported = await carbon.post(
        IMPORT, content=b"x", headers={**sign(ORG_A), "content-type": "application/pdf"}
    )
    assert unsupported.status_code == 415


async def test_mixed_rows_all_or_nothing_writes_nothing_valid_rows_writes_the_good(
    carbon: httpx.AsyncClient, sign: Sign
) -> None:
    body = "\n".join(
        [
            HEADER,
            "fuel.natural_gas,1000,kWh,GB,2024,2024-01-01,2024-01-31",
            "fuel.natural_gas,1000,furlong,GB,2024,2024-01-01,2024-01-31",
            "fuel.natural_gas,lots,kWh,GB,2024,2024-01-01,2024-01-31",
            "fuel.natural_gas,1000,kWh,GB,2024,2024-02-01,2024-02-29",
        ]
    ).encode()
    headers = {**sign(ORG_A), **CSV}
    strict = await carbon.post(IMPORT, content=body, headers=headers)
    assert strict.status_code == 422, strict.text
    report = strict.json()
    assert (report["rows"], report["failed"], report["imported"]) == (4, 2, 0)
    assert [(e["row"], e["column"]) for e in report["errors"]] == [(3, "unit"), (4, "quantity")]
    assert "kWh" in report["errors"][0]["accepted"]
    assert await _count(carbon, sign) == 0

    lenient = await carbon.post(f"{IMPORT}?mode=valid_rows", content=body, headers=headers)
    assert lenient.status_code == 201, lenient.text
    assert (lenient.json()["imported"], lenient.json()["failed"]) == (2, 2)
    assert await _count(carbon, sign) == 2


async def test_a_huge_file_is_refused_naming_the_limit(
    carbon: httpx.AsyncClient, sign: Sign, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(imports, "MAX_IMPORT_BYTES", 1024 * 1024)
    row = "fuel.natural_gas,1000,kWh,GB,2024,2024-01-01,2024-01-31\n"
    body = (HEADER + "\n" + row * 40_000).encode()  # about 2.3 MB
    answer = await carbon.post(IMPORT, content=body, headers={**sign(ORG_A), **CSV})
    assert answer.status_code == 413, answer.text
    assert answer.json()["max_bytes"] == 1024 * 1024
    monkeypatch.setattr(imports, "MAX_IMPORT_ROWS", 3)
    answer = await carbon.post(
        IMPORT, content=(HEADER + "\n" + row * 4).encode(), headers={**sign(ORG_A), **CSV}
    )
    assert answer.status_code == 413, answer.text
    assert await _count(carbon, sign) == 0
