"""Analytics: read models, trends, targets, forecasts, anomalies and reports."""

from ecotrack.analytics import memberships, projection, webhooks
from ecotrack.analytics.api import router
from ecotrack.analytics.models import Base, messaging
from ecotrack.core.deletion import deletion_participant, tenant_rows_eraser
from ecotrack.core.runtime import EventSubscription, ServiceSpec


def service_spec() -> ServiceSpec:
    return ServiceSpec(
        name="analytics",
        title="Analytics",
        description="Emission read models, trends, targets, forecasts, anomalies and reports.",
        metadata=Base.metadata,
        messaging=messaging,
        router=router,
        subscriptions=(
            deletion_participant("analytics", messaging.outbox, tenant_rows_eraser(Base.metadata)),
            EventSubscription(projection.GROUP, projection.FAMILIES, projection.handle),
            EventSubscription(webhooks.GROUP, webhooks.FAMILIES, webhooks.handle),
            memberships.subscription,
        ),
        background=(webhooks.delivery_job,),
    )
