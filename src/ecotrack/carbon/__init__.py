"""Carbon Tracking: emission factors, estimates, activities, facilities, meters, readings."""

from ecotrack.carbon import memberships
from ecotrack.carbon.api import router
from ecotrack.carbon.models import Base, messaging
from ecotrack.carbon.service import erase
from ecotrack.core.deletion import deletion_participant
from ecotrack.core.runtime import ServiceSpec


def service_spec() -> ServiceSpec:
    return ServiceSpec(
        name="carbon",
        title="Carbon Tracking",
        description="Emission factors, GHG Protocol calculations, activities and meter readings.",
        metadata=Base.metadata,
        messaging=messaging,
        router=router,
        subscriptions=(
            deletion_participant("carbon", messaging.outbox, erase),
            memberships.subscription,
        ),
    )
