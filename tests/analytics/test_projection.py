"""The emissions projection: equal to a recomputation, order-tolerant, idempotent, rebuildable."""

from __future__ import annotations

import itertools
import random
import uuid
from collections import defaultdict
from datetime import date, timedelta
from typing import Any

import httpx
from analytics_api import API, activity, as_member, deleted, publish, reading_batch
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from ecotrack.analytics import projection
from ecotrack.core.config import Settings
from ecotrack.core.events import Event
from ecotrack.platform import Platform

YEAR = {"from": "2024-01-01", "to": "2024-12-31"}

_activity_fields = st.fixed_dictionaries(
    {
        "co2e_kg": st.floats(min_value=0, max_value=1e6, allow_nan=False).map(
            lambda v: round(v, 4)
        ),
        "start": st.dates(min_value=date(2024, 1, 1), max_value=date(2024, 12, 31)),
        "days": st.integers(min_value=0, max_value=90),
        "scope": st.sampled_from([1, 2, 3]),
        "facility_id": st.sampled_from(["site-1", "site-2", None]),
        "market_share": st.floats(min_value=0, max_value=1, allow_nan=False),
    }
)


def _examples() -> list[list[dict[str, Any]]]:
    """Random ledgers drawn by Hypothesis (the platform runs them outside its loop)."""
    drawn: list[list[dict[str, Any]]] = []

    @hypothesis_settings(max_examples=8, database=None, deadline=None)
    @given(st.lists(_activity_fields, min_size=1, max_size=25))
    def collect(ledger: list[dict[str, Any]]) -> None:
        drawn.append(ledger)

    collect()
    return drawn


def _event(org: str, fields: dict[str, Any]) -> Event:
    return activity(
        org,
        co2e_kg=fields["co2e_kg"],
        start=fields["start"],
        end=fields["start"] + timedelta(days=fields["days"]),
        scope=fields["scope"],
        category=6 if fields["scope"] == 3 else None,
        facility_id=fields["facility_id"],
        market_based_kg=round(fields["co2e_kg"] * fields["market_share"], 4),
    )


def _recomputed(events: list[Event], method: str) -> dict[int, float]:
    """Each scope's 2024 total straight from the records: the share of days inside 2024."""
    totals: dict[int, float] = defaultdict(float)
    for event in events:
        data = event.data
        start = date.fromisoformat(data["period_start"])
        end = date.fromisoformat(data["period_end"])
        inside = (min(end, date(2024, 12, 31)) - start).days + 1
        amount = data["co2e_kg"]
        if data["scope"] == 2 and method == "market":
            amount = data["market_based_kg"]
        totals[data["scope"]] += amount * inside / ((end - start).days + 1)
    return totals


_SCOPE_GROUPINGS = ("scope", "scope,facility")


async def test_totals_equal_a_recomputation_from_the_activities(
    platform: Platform, analytics: httpx.AsyncClient, settings: Settings
) -> None:
    for ledger in _examples():
        org = f"org-{uuid.uuid4().hex[:8]}"
        events = [_event(org, fields) for fields in ledger]
        await publish(platform, events)
        # By scope alone reads the overview aggregate, with the facility the monthly one.
        for method, group_by in itertools.product(("location", "market"), _SCOPE_GROUPINGS):
            answer = await analytics.get(
                f"{API}/emissions",
                params=YEAR | {"group_by": group_by, "scope2_method": method},
                headers=as_member(settings, org),
            )
            assert answer.status_code == 200, answer.text
            body = answer.json()
            expected = _recomputed(events, method)
            got: dict[int, float] = defaultdict(float)
            for row in body["rows"]:
                got[row["scope"]] += row["co2e_kg"]
            for scope in (1, 2, 3):
                # Sums are exact; each row is rounded once, to the milligram.
                tolerance = 0.5e-6 * len(body["rows"]) + 1e-12 * expected.get(scope, 0)
                assert abs(got.get(scope, 0) - expected.get(scope, 0)) <= tolerance, (scope, body)
            total = sum(expected.values())
            assert abs(body["total_co2e_kg"] - total) <= 0.5e-6 + 1e-12 * total


def _history(org: str) -> list[Event]:
    """A ledger with corrections, a recalculation and a deletion, in the order they happened."""
    gas = activity(org, co2e_kg=1200.0, start=date(2024, 1, 1), end=date(2024, 1, 31))
    corrected = activity(
        org,
        co2e_kg=1250.5,
        start=date(2024, 1, 1),
        end=date(2024, 2, 14),
        activity_id=gas.data["activity_id"],
        version=2,
        kind="activity.corrected",
    )
    power = activity(
        org,
        co2e_kg=800.0,
        start=date(2024, 3, 1),
        end=date(2024, 3, 31),
        scope=2,
        market_based_kg=100.0,
    )
    recalculated = activity(
        org,
        co2e_kg=760.25,
        start=date(2024, 3, 1),
        end=date(2024, 3, 31),
        scope=2,
        market_based_kg=90.0,
        activity_id=power.data["activity_id"],
        version=2,
        kind="emissions.recalculated",
    )
    flight = activity(
        org, co2e_kg=431.0, start=date(2024, 5, 6), scope=3, category=6, facility_id=None
    )
    mistake = activity(org, co2e_kg=99.0, start=date(2024, 7, 1), facility_id="site-2")
    return [gas, power, corrected, flight, mistake, recalculated, deleted(mistake)]


QUERIES = [
    {"group_by": "scope,month"},
    {"group_by": "facility,gas"},
    {"group_by": "category,scope", "scope2_method": "market"},
    {"group_by": "year"},
    {"from": "2024-01-15", "to": "2024-03-10", "group_by": "scope"},
]


async def _answers(analytics: httpx.AsyncClient, headers: dict[str, str]) -> list[bytes]:
    answers = [
        await analytics.get(f"{API}/emissions", params=YEAR | query, headers=headers)
        for query in QUERIES
    ]
    answers.append(await analytics.get(f"{API}/coverage", params=YEAR, headers=headers))
    answers.append(
        await analytics.get(
            f"{API}/readings",
            params=YEAR | {"meter_id": "meter-1", "granularity": "day"},
            headers=headers,
        )
    )
    assert all(answer.status_code == 200 for answer in answers), [a.text for a in answers]
    return [answer.content.replace(b"meter-1", b"M") for answer in answers]


async def test_twice_and_out_of_order_gives_the_same_answers_and_so_does_a_rebuild(
    platform: Platform, analytics: httpx.AsyncClient, settings: Settings
) -> None:
    in_order, shuffled = "org-in-order", "org-shuffled"
    await publish(platform, _history(in_order))
    scrambled = _history(shuffled)
    # Each event delivered twice: once as is, once as a new envelope (a republished copy).
    twice = scrambled + [
        Event.new(e.type, source="carbon", tenant=e.tenant, data=e.data) for e in scrambled
    ]
    random.Random(7).shuffle(twice)
    await publish(platform, twice)
    await platform.backends.transport.publish(twice[:3])  # and redelivered as is

    first = await _answers(analytics, as_member(settings, in_order))
    assert first == await _answers(analytics, as_member(settings, shuffled))

    totals = (
        await analytics.get(
            f"{API}/emissions",
            params=YEAR | {"group_by": "scope"},
            headers=as_member(settings, in_order),
        )
    ).json()
    assert totals["rows"] == [
        {"scope": 1, "co2e_kg": 1250.5},
        {"scope": 2, "co2e_kg": 760.25},
        {"scope": 3, "co2e_kg": 431.0},
    ]
    assert totals["total_co2e_kg"] == 2441.75

    readings = [
        reading_batch(in_order, "meter-1", [("2024-02-01T10:00:00Z", 1.25)]),
        reading_batch(
            in_order, "meter-1", [("2024-02-01T10:00:00Z", 2.5), ("2024-02-02T00:00:00Z", 3.0)]
        ),
    ]
    await publish(platform, readings)
    before = await _answers(analytics, as_member(settings, in_order))
    runtime = platform.runtimes["analytics"]
    progress: list[tuple[str, int, int]] = []
    applied = await projection.rebuild(
        runtime.database, platform.backends.transport, lambda *p: progress.append(p)
    )
    assert applied == 7 + 14 + 2  # every distinct event once
    assert before == await _answers(analytics, as_member(settings, in_order))
    assert ("reading", 2, 2) in progress
    day = (
        await analytics.get(
            f"{API}/readings",
            params=YEAR | {"meter_id": "meter-1"},
            headers=as_member(settings, in_order),
        )
    ).json()
    assert [(row["sum"], row["count"]) for row in day["rows"]] == [(3.75, 8), (3.0, 4)]


async def test_queries_refuse_bad_parameters_as_problems(
    analytics: httpx.AsyncClient, settings: Settings
) -> None:
    headers = as_member(settings, "org-x")
    bad = [
        await analytics.get(
            f"{API}/emissions", params=YEAR | {"group_by": "colour"}, headers=headers
        ),
        await analytics.get(
            f"{API}/emissions", params={"from": "2024-02-01", "to": "2024-01-01"}, headers=headers
        ),
        await analytics.get(
            f"{API}/emissions/change", params=YEAR | {"group_by": "month"}, headers=headers
        ),
    ]
    for answer in bad:
        assert answer.status_code == 422, answer.text
        assert answer.headers["content-type"] == "application/problem+json"
    assert (await analytics.get(f"{API}/emissions", params=YEAR)).status_code == 401


async def test_change_top_intensity_and_coverage(
    platform: Platform, analytics: httpx.AsyncClient, settings: Settings
) -> None:
    org = "org-kpi"
    headers = as_member(settings, org)
    await publish(
        platform,
        [
            activity(org, co2e_kg=100.0, start=date(2023, 3, 1)),
            activity(org, co2e_kg=150.0, start=date(2024, 3, 1)),
            activity(org, co2e_kg=50.0, start=date(2024, 4, 1), facility_id="site-2"),
        ],
    )
    change = (
        await analytics.get(
            f"{API}/emissions/change", params=YEAR | {"group_by": "facility"}, headers=headers
        )
    ).json()
    assert change["total"]["change_kg"] == 100.0
    assert change["total"]["change_pct"] == 100.0
    assert [(r["key"], r["change_pct"]) for r in change["rows"]] == [
        ({"facility": "site-1"}, 50.0),
        ({"facility": "site-2"}, None),
    ]
    top = (
        await analytics.get(
            f"{API}/emissions/top", params=YEAR | {"by": "facility"}, headers=headers
        )
    ).json()
    assert [row["facility"] for row in top["rows"]] == ["site-1", "site-2"]

    put = await analytics.put(
        f"{API}/denominators",
        json={"year": 2024, "metric": "employees", "value": 20},
        headers=headers,
    )
    assert put.status_code == 200, put.text
    intensity = (
        await analytics.get(
            f"{API}/emissions/intensity",
            params={"metric": "employees", "from_year": 2023, "to_year": 2024},
            headers=headers,
        )
    ).json()
    assert [(r["year"], r["intensity"]) for r in intensity["rows"]] == [(2023, None), (2024, 10.0)]

    coverage = (
        await analytics.get(
            f"{API}/coverage", params={"from": "2024-01-01", "to": "2024-04-30"}, headers=headers
        )
    ).json()
    assert coverage["months_without_any_data"] == ["2024-01", "2024-02"]
    assert coverage["facilities"][1] == {
        "facility_id": "site-2",
        "months_with_data": 1,
        "months_without_data": ["2024-01", "2024-02", "2024-03"],
    }


def test_a_headline_below_its_gases_scales_them_with_no_negative_remainder() -> None:
    """EPA's cement row (NAICS 327310, with margins): published 3.924 kg CO2e per USD, and
    its gas masses × AR5 GWPs come to 3.92834 (tests/carbon/test_supply_chain_by_gas.py).
    Shares made up of that size: the split must not add a negative ``other``."""
    record = {
        "co2e_kg": 3.924,
        "gases": {"CO2": {"co2e_kg": 3.5}, "CH4": {"co2e_kg": 0.4}, "N2O": {"co2e_kg": 0.02834}},
    }
    weights = projection._gas_weights(record)
    assert set(weights) == {"CO2", "CH4", "N2O"}
    parts = projection._weighted_split(3_924_000, weights)  # mg
    assert sum(parts.values()) == 3_924_000
    assert all(part > 0 for part in parts.values())
