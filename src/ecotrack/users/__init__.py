"""Users: organisations (tenants), members, roles, invitations, and deletion sagas."""

from ecotrack.core.runtime import EventSubscription, ServiceSpec
from ecotrack.users import audit, deletion, service
from ecotrack.users.api import router
from ecotrack.users.models import Base, messaging

ACCOUNTS_GROUP = "users.accounts"


def service_spec() -> ServiceSpec:
    return ServiceSpec(
        name="users",
        title="Users",
        description=(
            "Organisations (tenants), members, roles, invitations, the audit log and deletion"
            " sagas."
        ),
        metadata=Base.metadata,
        messaging=messaging,
        router=router,
        subscriptions=(
            EventSubscription(
                group=ACCOUNTS_GROUP, families=("account",), handler=service.apply_account_event
            ),
            deletion.coordinator(messaging.outbox),
            EventSubscription(
                group=audit.GROUP, families=audit.FAMILIES, handler=audit.apply_audited_event
            ),
        ),
        background=(deletion.retry_stuck_deletions, service.count_organizations),
    )
