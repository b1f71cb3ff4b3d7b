"""The GHG inventory of a seeded organisation: hand-checked totals in JSON, CSV and PDF."""

from __future__ import annotations

import csv
import io
from datetime import date

import httpx
from analytics_api import API, activity, as_member, publish
from pypdf import PdfReader

from ecotrack.core.config import Settings
from ecotrack.platform import Platform


async def test_inventory_and_calculations_match_hand_checked_totals(
    platform: Platform, analytics: httpx.AsyncClient, settings: Settings
) -> None:
    org = "org-report"
    headers = as_member(settings, org)
    events = [
        activity(org, co2e_kg=1000.0, start=date(2024, 1, 1), end=date(2024, 1, 31)),
        activity(org, co2e_kg=400.0, start=date(2024, 2, 1), scope=2, market_based_kg=150.0),
        activity(
            org,
            co2e_kg=250.0,
            start=date(2024, 3, 5),
            scope=3,
            category=6,
            citation="EPA (2025) GHG Emission Factors Hub, Table 10 business travel",
        ),
        # Half of this one falls in 2023: 2023-12-31 and 2024-01-01.
        activity(org, co2e_kg=20.0, start=date(2023, 12, 31), end=date(2024, 1, 1)),
        activity(org, co2e_kg=900.0, start=date(2020, 6, 1)),
    ]
    await publish(platform, events)
    answer = await analytics.get(
        f"{API}/reports/inventory", params={"year": 2024, "base_year": 2020}, headers=headers
    )
    assert answer.status_code == 200, answer.text
    report = answer.json()
    # Hand-checked: scope 1 = 1000 + 20/2; scope 2 location 400, market 150; scope 3 250.
    assert report["totals"] == {
        "scope1_kg": 1010.0,
        "scope2_location_based_kg": 400.0,
        "scope2_market_based_kg": 150.0,
        "scope3_kg": 250.0,
        "total_location_based_kg": 1660.0,
        "total_market_based_kg": 1410.0,
    }
    assert report["by_gas_kg"] == {"CH4": 24.9, "CO2": 1626.8, "N2O": 8.3}
    assert report["scope3_by_category_kg"] == {"6. Business travel": 250.0}
    assert report["base_year"]["totals"]["scope1_kg"] == 900.0
    citations = {source["citation"] for source in report["factor_sources"]}
    assert "EPA (2025) GHG Emission Factors Hub, Table 10 business travel" in citations
    assert (
        "Scope 3 category 1. Purchased goods and services: not reported, no activity recorded"
        in report["exclusions"]
    )
    assert any(
        "no data at all for" in note and "2024-04" in note for note in report["data_quality_notes"]
    )

    as_csv = await analytics.get(
        f"{API}/reports/inventory", params={"year": 2024, "format": "csv"}, headers=headers
    )
    assert as_csv.headers["content-type"].startswith("text/csv")
    fields = dict(csv.reader(io.StringIO(as_csv.text)))
    assert fields["totals.scope2_market_based_kg"] == "150.0"

    pdf = await analytics.get(
        f"{API}/reports/inventory", params={"year": 2024, "format": "pdf"}, headers=headers
    )
    assert pdf.headers["content-type"] == "application/pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    for figure in (
        "scope1_kg: 1,010.000",
        "scope2_market_based_kg: 150.000",
        "total_location_based_kg: 1,660.000",
        "GHG inventory 2024",
    ):
        assert figure in text, figure

    calculations = await analytics.get(
        f"{API}/reports/calculations", params={"year": 2024}, headers=headers
    )
    rows = list(csv.DictReader(io.StringIO(calculations.text)))
    assert len(rows) == 4  # the 2020 activity is not in 2024
    for row in rows:
        # An auditor's recomputation: quantity x factor = CO2e, then the share in the year.
        assert float(row["quantity"]) * float(row["factor_value"]) == float(row["co2e_kg"])
    shares = {row["period_start"]: float(row["share_in_year"]) for row in rows}
    assert shares["2023-12-31"] == 0.5
