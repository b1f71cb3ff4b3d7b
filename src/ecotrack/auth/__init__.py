"""Auth: accounts, passwords, tokens, signing keys (JWKS) and API keys."""

from ecotrack.auth import service
from ecotrack.auth.api import router
from ecotrack.auth.models import Base, messaging
from ecotrack.core.deletion import deletion_participant
from ecotrack.core.runtime import EventSubscription, ServiceSpec


def service_spec() -> ServiceSpec:
    return ServiceSpec(
        name="auth",
        title="Auth",
        description="Accounts, access tokens, signing keys (JWKS) and API keys.",
        metadata=Base.metadata,
        messaging=messaging,
        router=router,
        subscriptions=(
            EventSubscription(
                group="auth.memberships",
                families=("member",),
                handler=service.apply_membership_event,
            ),
            deletion_participant("auth", messaging.outbox, service.erase),
        ),
    )
