"""The development demo data: one organisation and the login ``demo@example.com``."""

from __future__ import annotations

from dataclasses import dataclass

from ecotrack.auth import service as auth_service
from ecotrack.platform import Platform
from ecotrack.users import service as users_service

DEMO_EMAIL = "demo@example.com"
DEMO_PASSWORD = "ecotrack-demo"  # noqa: S105 - the documented demo login, development only
DEMO_NAME = "Demo User"
DEMO_ORGANIZATION = "Demo Organisation"


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
    return DemoSeed(user_id=user_id, organization_id=organization.id, created=created)
