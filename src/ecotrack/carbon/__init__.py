"""Carbon Tracking: emission factors, estimates, activities, facilities, meters, readings."""

from ecotrack.carbon.api import router
from ecotrack.carbon.models import Base, messaging
from ecotrack.core.runtime import ServiceSpec


def service_spec() -> ServiceSpec:
    return ServiceSpec(
        name="carbon",
        title="Carbon Tracking",
        description="Emission factors, GHG Protocol calculations, activities and meter readings.",
        metadata=Base.metadata,
        messaging=messaging,
        router=router,
    )
