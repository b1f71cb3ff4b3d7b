"""No cell of a CSV or XLSX the platform writes is a formula a spreadsheet would run.

A private factor's citation and licence are the organisation's own text, and they come out
in Analytics' calculations CSV and inventory CSV; the import template is an XLSX and a CSV.
"""

from __future__ import annotations

import csv
import io
from typing import Any

import httpx
from openpyxl import load_workbook

from accounts import bearer, member_token
from backends import wait_for
from ecotrack.core import tabular
from ecotrack.platform import Platform

CITATION = '=HYPERLINK("x")'
LICENCE = "@SUM(1)"


def test_text_that_starts_like_a_formula_is_written_as_text() -> None:
    cells = ["=1+1", "+1", "-1", "@A1", "\tx", "\rx", "pl\rain", "a=b", "", None, -5, 2.5, True]
    text = tabular.csv_text([cells])
    assert next(csv.reader(io.StringIO(text))) == [
        "'=1+1",
        "'+1",
        "'-1",
        "'@A1",
        "'\tx",
        "'\rx",
        "pl\rain",  # quoted, so it breaks no line
        "a=b",
        "",
        "",
        "-5",  # a negative number is a number, not a formula
        "2.5",
        "True",
    ]
    sheet = load_workbook(io.BytesIO(tabular.xlsx_bytes("t", [cells]))).active
    assert sheet is not None
    row = next(sheet.iter_rows())
    assert [cell.value for cell in row[:4]] == ["'=1+1", "'+1", "'-1", "'@A1"]
    assert all(cell.data_type == "s" for cell in row[:8] if cell.value is not None)
    assert (row[10].value, row[10].data_type) == (-5, "n")


async def test_a_private_factors_citation_and_licence_come_out_as_text(
    client: httpx.AsyncClient, platform: Platform
) -> None:
    tokens, _, organization_id = await member_token(client, platform, "editor")
    headers = bearer(tokens["access_token"])
    factor = await client.post(
        "/api/v1/carbon/private-factors",
        json={
            "activity": "fuel.natural_gas",
            "region": "GB",
            "year": 2024,
            "unit": "kWh",
            "co2e_kg_per_unit": 0.15,
            "options": {"calorific_basis": "gross"},
            "dataset": "acme-gas",
            "citation": CITATION,
            "licence": LICENCE,
            "label": "-2+3",
        },
        headers=headers,
    )
    assert factor.status_code == 201, factor.text
    activity = await client.post(
        "/api/v1/carbon/activities",
        json={
            "activity": "fuel.natural_gas",
            "quantity": 1200,
            "unit": "kWh",
            "region": "GB",
            "year": 2024,
            "period_start": "2024-01-01",
            "period_end": "2024-01-31",
            "factor_id": factor.json()["id"],
        },
        headers=headers,
    )
    assert activity.status_code == 201, activity.text

    async def calculations() -> list[dict[str, Any]]:
        answer = await client.get(
            "/api/v1/analytics/reports/calculations", params={"year": 2024}, headers=headers
        )
        assert answer.status_code == 200, answer.text
        return list(csv.DictReader(io.StringIO(answer.text)))

    (row,) = await wait_for(calculations, within=60)
    assert row["factor_citation"] == "'" + CITATION
    assert row["factor_licence"] == "'" + LICENCE
    assert float(row["quantity"]) == 1200  # numbers stay numbers
    assert float(row["co2e_kg"]) == 180.0

    inventory = await client.get(
        "/api/v1/analytics/reports/inventory",
        params={"year": 2024, "format": "csv"},
        headers=headers,
    )
    assert inventory.status_code == 200, inventory.text
    fields = dict(csv.reader(io.StringIO(inventory.text)))
    assert fields["factor_sources[0].citation"] == "'" + CITATION
    assert fields["factor_sources[0].licence"] == "'" + LICENCE
    assert fields["organization_id"] == organization_id
    assert not any(value.startswith(tabular.FORMULA_STARTS) for value in fields.values()), (
        "a cell starts like a formula"
    )
    # ... and the JSON report keeps the text as it was given
    as_json = await client.get(
        "/api/v1/analytics/reports/inventory", params={"year": 2024}, headers=headers
    )
    assert as_json.json()["factor_sources"][0]["citation"] == CITATION


async def test_the_import_template_has_no_formula(client: httpx.AsyncClient) -> None:
    for kind in ("csv", "xlsx"):
        answer = await client.get(
            "/api/v1/carbon/activities/import/template", params={"format": kind}
        )
        assert answer.status_code == 200
        if kind == "csv":
            cells = [cell for row in csv.reader(io.StringIO(answer.text)) for cell in row]
        else:
            sheet = load_workbook(io.BytesIO(answer.content)).active
            assert sheet is not None
            cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value]
            assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
        assert cells
        assert not any(cell.startswith(tabular.FORMULA_STARTS) for cell in cells)
