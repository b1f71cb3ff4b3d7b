"""The development demo data: the login ``demo@example.com``, its organisation, and a ledger.

The ledger (two facilities, 34 months of energy, travel and a water meter's readings)
goes in through Carbon's own API, as any client's data would, so it is checked,
calculated with the shipped factors and published to Analytics like the rest. So do
the live meters, which ``ecotrack up``'s simulator then streams readings for
(:mod:`ecotrack.platform.live`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx

from ecotrack.auth import service as auth_service
from ecotrack.core.security import Identity, Role, sign_identity
from ecotrack.platform import Platform
from ecotrack.users import service as users_service

DEMO_EMAIL = "demo@example.com"
DEMO_PASSWORD = "ecotrack-demo"  # noqa: S105 - the documented demo login, development only
DEMO_NAME = "Demo User"
DEMO_ORGANIZATION = "Demo Organisation"
CARBON = "/api/v1/carbon"
FIRST_MONTH, MONTHS = date(2024, 1, 1), 34  # January 2024 to October 2026
# Eight weeks of hourly water readings; a leak one night makes an anomaly to look at.
WATER_FROM, WATER_WEEKS = datetime(2026, 9, 7, tzinfo=UTC), 8
LEAK_AT = datetime(2026, 10, 28, 3, tzinfo=UTC)


@dataclass(frozen=True)
class LiveMeter:
    """A meter the simulator streams: where it is, what it reads, and how big it is."""

    name: str
    facility: str
    kind: str
    unit: str
    scale: float  # of the simulator's typical meter of this kind
    timezone: str  # its working hours are local


LONDON, AUSTIN = "Europe/London", "America/Chicago"
LIVE_METERS = (
    LiveMeter(
        "London office — live electricity", "London office", "electricity", "kWh", 0.8, LONDON
    ),
    LiveMeter(
        "Austin warehouse — live electricity",
        "Austin warehouse",
        "electricity",
        "kWh",
        2.0,
        AUSTIN,
    ),
    LiveMeter("London office — live gas", "London office", "natural_gas", "kWh", 0.6, LONDON),
)


class SeedRefused(RuntimeError):
    """Raised when asked to seed demo data under the production profile."""


@dataclass(frozen=True)
class DemoSeed:
    user_id: str
    organization_id: str
    created: bool


async def seed_demo(platform: Platform) -> DemoSeed:
    """Create the demo login and organisation unless they exist; safe to run again."""
    if platform.settings.is_production:
        raise SeedRefused("the production profile never seeds the demo login")
    auth_rt, users_rt = platform.runtimes["auth"], platform.runtimes["users"]
    created = False
    async with auth_rt.database.session() as session:
        account = await auth_service.find_account(session, DEMO_EMAIL)
        if account is None:
            account = await auth_service.register_account(
                session, auth_rt.outbox, email=DEMO_EMAIL, password=DEMO_PASSWORD, name=DEMO_NAME
            )
            created = True
        user_id = account.id
    async with users_rt.database.session() as session:
        await users_service.ensure_profile(session, user_id, DEMO_EMAIL, DEMO_NAME)
        organizations = await users_service.organizations_of(session, user_id)
        organization = next((o for o in organizations if o.name == DEMO_ORGANIZATION), None)
        if organization is None:
            organization = await users_service.create_organization(
                session, users_rt.outbox, name=DEMO_ORGANIZATION, owner_id=user_id
            )
            created = True
    seed = DemoSeed(user_id=user_id, organization_id=organization.id, created=created)
    async with service_client(platform, "carbon", seed) as carbon:
        ledger_created = await _seed_ledger(carbon)
        live_created = await _seed_live_meters(carbon)
    return DemoSeed(
        user_id=user_id,
        organization_id=organization.id,
        created=created or ledger_created or live_created,
    )


async def find_demo(platform: Platform) -> DemoSeed | None:
    """The demo login and organisation if they were seeded; creates nothing."""
    async with platform.runtimes["auth"].database.session() as session:
        account = await auth_service.find_account(session, DEMO_EMAIL)
    if account is None:
        return None
    async with platform.runtimes["users"].database.session() as session:
        organizations = await users_service.organizations_of(session, account.id)
    organization = next((o for o in organizations if o.name == DEMO_ORGANIZATION), None)
    if organization is None:
        return None
    return DemoSeed(user_id=account.id, organization_id=organization.id, created=False)


def service_client(platform: Platform, service: str, demo: DemoSeed) -> httpx.AsyncClient:
    """A client of one service's API in-process, acting as the demo organisation's owner."""
    owner = Identity(
        subject=demo.user_id, kind="user", organization_id=demo.organization_id, role=Role.OWNER
    )
    headers = sign_identity(owner, platform.settings.secret_key.get_secret_value())
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=platform.apps[service]),
        base_url=f"http://{service}",
        headers=headers,
    )


async def _post(carbon: httpx.AsyncClient, path: str, body: dict[str, Any]) -> dict[str, Any]:
    answer = await carbon.post(f"{CARBON}{path}", json=body)
    if answer.status_code != 201:
        raise RuntimeError(f"seeding {path} failed: {answer.status_code} {answer.text[:500]}")
    created: dict[str, Any] = answer.json()
    return created


async def _seed_ledger(carbon: httpx.AsyncClient) -> bool:
    """Facilities, monthly activities and a meter, unless the organisation has facilities."""
    facilities = await carbon.get(f"{CARBON}/facilities")
    facilities.raise_for_status()
    if facilities.json():
        return False
    london = await _post(
        carbon,
        "/facilities",
        {"name": "London office", "region": "GB", "type": "office", "floor_area_m2": 1200},
    )
    austin = await _post(
        carbon,
        "/facilities",
        {"name": "Austin warehouse", "region": "US-TX", "type": "warehouse", "floor_area_m2": 5000},
    )
    for body in _monthly_activities(london["id"], austin["id"]):
        await _post(carbon, "/activities", body)
    meter = await _post(
        carbon,
        "/meters",
        {"facility_id": london["id"], "name": "Main water", "kind": "water", "unit": "m3"},
    )
    await _post(carbon, f"/meters/{meter['id']}/readings", {"readings": _water_readings()})
    return True


async def _seed_live_meters(carbon: httpx.AsyncClient) -> bool:
    """The live meters the simulator streams, each unless a meter has its name."""
    facilities = await carbon.get(f"{CARBON}/facilities")
    meters = await carbon.get(f"{CARBON}/meters")
    facilities.raise_for_status()
    meters.raise_for_status()
    facility_ids = {facility["name"]: facility["id"] for facility in facilities.json()}
    names = {meter["name"] for meter in meters.json()}
    created = False
    for live in LIVE_METERS:
        if live.name in names or live.facility not in facility_ids:
            continue
        await _post(
            carbon,
            "/meters",
            {
                "facility_id": facility_ids[live.facility],
                "name": live.name,
                "kind": live.kind,
                "unit": live.unit,
            },
        )
        created = True
    return created


def _monthly_activities(london: str, austin: str) -> list[dict[str, Any]]:
    """Bills and travel with the seasons, each year using about 5 % less than the last."""
    activities = []
    for n in range(MONTHS):
        start = date(FIRST_MONTH.year + n // 12, n % 12 + 1, 1)
        end = date(start.year + (start.month == 12), start.month % 12 + 1, 1) - timedelta(days=1)
        winter = math.cos(2 * math.pi * (start.month - 1) / 12)  # 1 in January, -1 in July
        saving = 0.95 ** (start.year - FIRST_MONTH.year)
        dated = {"period_start": str(start), "period_end": str(end), "year": start.year}
        items: list[tuple[str, float, str, str, str | None, dict[str, str]]] = [
            ("electricity.grid", 14_000 + 3_000 * winter, "kWh", "GB", london, {}),
            ("fuel.natural_gas", 6_000 + 5_000 * winter, "kWh", "GB", london, {}),
            ("electricity.grid", 38_000 - 8_000 * winter, "kWh", "US-TX", austin, {}),
            ("vehicle.car", 2_500, "km", "GB", None, {}),
        ]
        if start.month % 3 == 0:
            items.append(("travel.flight", 6_000, "km", "GB", None, {"haul": "short"}))
        for activity, quantity, unit, region, facility, options in items:
            activities.append(
                {
                    "activity": activity,
                    "quantity": round(quantity * saving),
                    "unit": unit,
                    "region": region,
                    "facility_id": facility,
                    "options": options,
                    **dated,
                }
            )
    return activities


def _water_readings() -> list[dict[str, Any]]:
    """An office's hourly water use: busy weekday hours, quiet nights and weekends."""
    readings = []
    for hour in range(WATER_WEEKS * 7 * 24):
        at = WATER_FROM + timedelta(hours=hour)
        working = at.weekday() < 5 and 8 <= at.hour < 18
        value = 1.2 if working else 0.15
        if at == LEAK_AT:
            value = 3.0
        readings.append({"ts": at.isoformat(), "value": value})
    return readings
