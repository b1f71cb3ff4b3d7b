"""Users: organisations (tenants), members, roles and invitations."""

from ecotrack.core.runtime import ServiceSpec
from ecotrack.users.api import router
from ecotrack.users.models import Base, messaging


def service_spec() -> ServiceSpec:
    return ServiceSpec(
        name="users",
        title="Users",
        description="Organisations (tenants), members and their roles.",
        metadata=Base.metadata,
        messaging=messaging,
        router=router,
    )
