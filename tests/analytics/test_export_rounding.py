"""Report exports show kg to the milligram, with no binary float noise (core/numbers.py).

The event is what Carbon publishes for 1200 kWh of natural gas in GB in January 2024, at
DESNZ 2024 gross CV per kWh (desnz_2024.csv, rows 1_100_1004_6_1 to _4): 0.1829 kg CO2e,
of which CO2 0.18253, CH4 0.00028 and N2O 0.00009. Carbon publishes the figures unrounded,
as computed in binary floating point: 1200 × 0.1829 = 219.48000000000002, 1200 × 0.00028 =
0.33599999999999997, 1200 × 0.00009 = 0.10800000000000001.
"""

from __future__ import annotations

import csv
import io
from datetime import date

import httpx
from analytics_api import API, activity, as_member, publish

from ecotrack.core.config import Settings
from ecotrack.core.events import Event
from ecotrack.platform import Platform


async def test_the_calculations_export_and_the_inventory_show_milligrams(
    platform: Platform, analytics: httpx.AsyncClient, settings: Settings
) -> None:
    org = "org-rounding"
    headers = as_member(settings, org)
    template = activity(org, co2e_kg=1200 * 0.1829, start=date(2024, 1, 1), end=date(2024, 1, 31))
    data = template.data | {
        "quantity": 1200.0,
        "gases": {
            "CO2": {"mass_kg": None, "co2e_kg": 1200 * 0.18253},
            "CH4": {"mass_kg": None, "co2e_kg": 1200 * 0.00028},
            "N2O": {"mass_kg": None, "co2e_kg": 1200 * 0.00009},
        },
        "factor": template.data["factor"] | {"value": 0.1829},
    }
    assert data["co2e_kg"] == 219.48000000000002  # what the event carries
    event = Event.new(template.type, source="carbon", tenant=org, data=data)
    await publish(platform, [event])

    export = await analytics.get(
        f"{API}/reports/calculations", params={"year": 2024}, headers=headers
    )
    assert export.status_code == 200, export.text
    (row,) = list(csv.DictReader(io.StringIO(export.text)))
    assert (row["co2e_kg"], row["co2_kg"], row["ch4_co2e_kg"], row["n2o_co2e_kg"]) == (
        "219.48",
        "219.036",
        "0.336",
        "0.108",
    )
    for noise in ("219.48000000000002", "0.33599999999999997", "0.10800000000000001"):
        assert noise not in export.text
    # inputs and the factor are written as recorded; an auditor recomputes to the milligram
    assert (row["quantity"], row["factor_value"]) == ("1200.0", "0.1829")
    assert round(float(row["quantity"]) * float(row["factor_value"]), 6) == float(row["co2e_kg"])

    # the inventory is summed exactly and rounded once, so its kg show no noise either
    report = (
        await analytics.get(f"{API}/reports/inventory", params={"year": 2024}, headers=headers)
    ).json()
    assert report["totals"]["scope1_kg"] == 219.48
    assert report["by_gas_kg"] == {"CH4": 0.336, "CO2": 219.036, "N2O": 0.108}
    as_csv = await analytics.get(
        f"{API}/reports/inventory", params={"year": 2024, "format": "csv"}, headers=headers
    )
    fields = dict(csv.reader(io.StringIO(as_csv.text)))
    assert fields["totals.scope1_kg"] == "219.48"
    assert fields["by_gas_kg.CH4"] == "0.336"
