"""Auth: accounts, passwords, tokens, signing keys and API keys."""

from ecotrack.auth.api import router
from ecotrack.auth.models import Base, messaging
from ecotrack.core.runtime import ServiceSpec


def service_spec() -> ServiceSpec:
    return ServiceSpec(
        name="auth",
        title="Auth",
        description="Accounts, access tokens, signing keys (JWKS) and API keys.",
        metadata=Base.metadata,
        messaging=messaging,
        router=router,
    )
