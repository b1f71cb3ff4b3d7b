"""Forecasts, targets and anomalies on constructed data with known answers."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, timedelta

import httpx
import pytest
from analytics_api import API, activity, as_member, publish, reading_batch
from scipy import stats

from backends import wait_for
from ecotrack.analytics.targets import linear_forecast
from ecotrack.core.config import Settings
from ecotrack.core.errors import UnprocessableContent
from ecotrack.core.security import Role
from ecotrack.platform import Platform


def test_a_clear_trend_is_forecast_exactly_with_no_spread() -> None:
    (point,) = linear_forecast({2020: 1000.0, 2021: 900.0, 2022: 800.0}, [2030])
    assert (point.value, point.lower, point.upper) == (0.0, 0.0, 0.0)


def test_a_noisy_series_matches_the_textbook_prediction_interval() -> None:
    history = {2019: 10.0, 2020: 12.0, 2021: 11.0, 2022: 13.0, 2023: 14.5}
    (point,) = linear_forecast(history, [2026])
    fit = stats.linregress(list(history), list(history.values()))
    assert point.value == pytest.approx(fit.intercept + fit.slope * 2026)
    residuals = [y - (fit.intercept + fit.slope * x) for x, y in history.items()]
    s = math.sqrt(sum(r * r for r in residuals) / 3)
    half = stats.t.ppf(0.975, 3) * s * math.sqrt(1 + 1 / 5 + (2026 - 2021) ** 2 / 10)
    assert point.upper - point.value == pytest.approx(half, rel=1e-6)
    with pytest.raises(UnprocessableContent):
        linear_forecast({2021: 1.0, 2022: 2.0}, [2030])


async def test_target_progress_required_reduction_and_forecast(
    platform: Platform, analytics: httpx.AsyncClient, settings: Settings
) -> None:
    org = "org-target"
    headers = as_member(settings, org, Role.EDITOR)
    await publish(
        platform,
        [
            activity(org, co2e_kg=kg, start=date(year, 6, 1))
            for year, kg in ((2020, 1000.0), (2021, 900.0), (2022, 850.0))
        ]
        + [activity(org, co2e_kg=5000.0, start=date(2021, 6, 1), scope=3, category=1)],
    )
    created = await analytics.post(
        f"{API}/targets",
        json={
            "name": "SBTi near-term",
            "scopes": [2, 1],
            "base_year": 2020,
            "target_year": 2030,
            "reduction_pct": 42,
        },
        headers=headers,
    )
    assert created.status_code == 201, created.text
    assert created.json()["scopes"] == [1, 2]
    progress = (
        await analytics.get(f"{API}/targets/{created.json()['id']}/progress", headers=headers)
    ).json()
    assert progress["base_value"] == 1000.0
    assert progress["target_value"] == 580.0
    assert progress["target_path_value"] == 916.0  # 1000 - 420 x 2/10
    assert progress["on_track"] is True
    assert progress["required_annual_reduction"]["linear_per_year"] == 33.75  # (850-580)/8
    compound = (1 - (580 / 850) ** (1 / 8)) * 100
    assert progress["required_annual_reduction"]["compound_pct_per_year"] == round(compound, 4)
    assert progress["forecast"]["year"] == 2030
    assert progress["forecast"]["meets_target"] is True  # the trend falls 75 kg a year

    forecast = await analytics.get(
        f"{API}/emissions/forecast", params={"to_year": 2024, "scope": [1]}, headers=headers
    )
    assert [p["value"] for p in forecast.json()["points"]] == pytest.approx([766.6667, 691.6667])
    too_short = await analytics.get(
        f"{API}/emissions/forecast", params={"to_year": 2030, "scope": [3]}, headers=headers
    )
    assert too_short.status_code == 422
    assert too_short.headers["content-type"] == "application/problem+json"

    bad = await analytics.post(
        f"{API}/targets",
        json={
            "name": "x",
            "scopes": [1],
            "base_year": 2030,
            "target_year": 2020,
            "reduction_pct": 10,
        },
        headers=headers,
    )
    assert bad.status_code == 422
    other = as_member(settings, "org-other")
    assert (
        await analytics.get(f"{API}/targets/{created.json()['id']}/progress", headers=other)
    ).status_code == 404


def _week_of_hours(start: datetime, weeks: int) -> list[tuple[str, float]]:
    """A meter with a daily shape: 2 kWh at night, 10 kWh from 08:00 to 18:00, small noise."""
    hours = []
    for index in range(weeks * 7 * 24):
        hour = start + timedelta(hours=index)
        base = 10.0 if 8 <= hour.hour < 18 else 2.0
        hours.append((hour.isoformat().replace("+00:00", "Z"), base + (index % 5) * 0.05))
    return hours


async def test_a_spike_outside_the_meters_pattern_is_flagged_published_and_acknowledged(
    platform: Platform, analytics: httpx.AsyncClient, settings: Settings
) -> None:
    org = "org-meter"
    headers = as_member(settings, org, Role.EDITOR)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    history = _week_of_hours(start, 5)
    await publish(
        platform,
        [reading_batch(org, "meter-9", history[i : i + 24]) for i in range(0, len(history), 24)],
    )
    assert (await analytics.get(f"{API}/anomalies", headers=headers)).json() == []

    spike_hour = start + timedelta(weeks=5, hours=3)  # a night hour: 2 kWh expected
    normal_day = start + timedelta(weeks=5, hours=12)
    await publish(
        platform,
        [
            reading_batch(
                org,
                "meter-9",
                [
                    (spike_hour.isoformat().replace("+00:00", "Z"), 40.0),
                    (normal_day.isoformat().replace("+00:00", "Z"), 10.1),
                ],
            )
        ],
    )
    (anomaly,) = (await analytics.get(f"{API}/anomalies", headers=headers)).json()
    assert anomaly["meter_id"] == "meter-9"
    assert anomaly["value"] == 40.0
    assert anomaly["expected"] == pytest.approx(2.1, abs=0.11)
    assert anomaly["score"] > 3.5

    async def published() -> list[dict]:
        events = await platform.backends.transport.read_all("anomaly")
        return [event.data for event in events]

    (event,) = await wait_for(published)
    assert event["anomaly_id"] == anomaly["id"]
    assert event["hour"] == "2024-02-05T03:00:00Z"

    other = as_member(settings, "org-other")
    path = f"{API}/anomalies/{anomaly['id']}"
    assert (await analytics.get(path, headers=other)).status_code == 404
    assert (await analytics.post(f"{path}/acknowledge", headers=other)).status_code == 404
    acknowledged = await analytics.post(f"{path}/acknowledge", headers=headers)
    assert acknowledged.status_code == 200, acknowledged.text
    assert acknowledged.json()["acknowledged_by"] == "user-1"
    open_ones = await analytics.get(
        f"{API}/anomalies", params={"acknowledged": False}, headers=headers
    )
    assert open_ones.json() == []
