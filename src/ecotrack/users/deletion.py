"""The deletion saga's coordinator (the protocol is in ``ecotrack.core.deletion``).

A request records the saga and one step per participant and publishes
``deletion.requested`` in the same unit of work. Each participant erases what it holds
and confirms; the coordinator group marks steps confirmed, and when the last one is in,
Users erases its own part and publishes ``organization.deleted`` or ``user.deleted``. A
background job asks again, with a higher attempt, for steps left pending too long, and
counts the attempts so a stuck step shows in the saga's status.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta

import sqlalchemy as sa
import structlog
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from ecotrack.core.deletion import (
    DELETION_CONFIRMED,
    DELETION_REQUESTED,
    FAMILY,
    DeletionConfirmed,
    DeletionRequested,
    SubjectKind,
)
from ecotrack.core.errors import Conflict, Forbidden, NotFound
from ecotrack.core.events import Event
from ecotrack.core.events.outbox import Outbox
from ecotrack.core.models import utcnow
from ecotrack.core.runtime import EventSubscription, ServiceRuntime
from ecotrack.core.security import Role
from ecotrack.users import events
from ecotrack.users.models import (
    AuditEntry,
    DeletionSaga,
    DeletionStep,
    Invitation,
    Membership,
    Organization,
    Profile,
)
from ecotrack.users.schemas import DeletionOut, DeletionStepOut
from ecotrack.users.service import Access, Actor, LastOwner, drop_membership, publish

log = structlog.get_logger(__name__)

DELETION_PARTICIPANTS = ("auth", "carbon", "analytics")
COORDINATOR_GROUP = "users.deletion-coordinator"
TOMBSTONE_NAME = "(deleted organisation)"
ANONYMOUS_NAME = "(deleted person)"


async def request_organization_deletion(
    session: AsyncSession, outbox: Outbox, access: Access
) -> DeletionOut:
    """Hide the organisation at once and ask every participant to erase it."""
    if access.role is not Role.OWNER:
        raise Forbidden("only an owner may delete the organisation")
    access.organization.deleted_at = utcnow()
    return await _start(session, outbox, "organization", access.organization.id, access.actor)


async def request_user_deletion(session: AsyncSession, outbox: Outbox, actor: Actor) -> DeletionOut:
    """Take the person out of every organisation now and ask every participant to erase them.

    The memberships go in this unit of work, with the last-owner check, rather than when
    the saga completes: a check now and a removal later would let the other owners leave
    in between and strand an organisation without one.
    """
    user_id = actor.user_id
    existing = await _latest_saga(session, "user", user_id)
    if existing is not None:
        raise Conflict(
            "your deletion has already been requested; see GET /me/deletion",
            saga_id=existing.id,
        )
    # Hold the person's organisations' rows, as every membership change does, so a
    # co-owner leaving at this moment cannot leave one of them without an owner.
    await session.execute(
        sa.select(Organization.id)
        .join(Membership, Membership.organization_id == Organization.id)
        .where(Membership.user_id == user_id)
        .with_for_update(of=Organization)
    )
    sole = await _solely_owned(session, user_id)
    if sole:
        names = ", ".join(f"'{organization.name}'" for organization in sole)
        raise LastOwner(
            f"you are the last owner of {names}: make someone else owner, or delete "
            "the organisation, first",
            organizations=[{"id": o.id, "name": o.name} for o in sole],
        )
    memberships = await session.scalars(sa.select(Membership).where(Membership.user_id == user_id))
    for membership in memberships.all():
        await drop_membership(session, outbox, membership, actor)
    profile = await session.get(Profile, user_id)
    if profile is not None:
        profile.deleted_at = utcnow()
    return await _start(session, outbox, "user", user_id, actor)


async def _solely_owned(session: AsyncSession, user_id: str) -> list[Organization]:
    """Live organisations of which this person is the only owner."""
    mine, others = aliased(Membership), aliased(Membership)
    result = await session.scalars(
        sa.select(Organization)
        .join(mine, mine.organization_id == Organization.id)
        .where(
            mine.user_id == user_id,
            mine.role == Role.OWNER,
            Organization.deleted_at.is_(None),
            ~sa.exists().where(
                others.organization_id == Organization.id,
                others.role == Role.OWNER,
                others.user_id != user_id,
            ),
        )
        .order_by(Organization.name)
    )
    return list(result)


async def _start(
    session: AsyncSession, outbox: Outbox, kind: SubjectKind, subject_id: str, actor: Actor
) -> DeletionOut:
    now = utcnow()
    saga = DeletionSaga(
        subject_kind=kind, subject_id=subject_id, requested_by=actor.user_id, requested_at=now
    )
    session.add(saga)
    await session.flush()
    steps = [
        DeletionStep(saga_id=saga.id, service=service, attempts=1, last_requested_at=now)
        for service in DELETION_PARTICIPANTS
    ]
    session.add_all(steps)
    await _ask(session, outbox, saga, attempt=1)
    await session.flush()
    return _saga_out(saga, steps)


def _tenant(saga: DeletionSaga) -> str | None:
    return saga.subject_id if saga.subject_kind == "organization" else None


async def _ask(session: AsyncSession, outbox: Outbox, saga: DeletionSaga, attempt: int) -> None:
    request = DeletionRequested(
        saga_id=saga.id,
        subject_kind=saga.subject_kind,
        subject_id=saga.subject_id,
        attempt=attempt,
    )
    await outbox.add(
        session,
        Event.new(DELETION_REQUESTED, source=events.SOURCE, tenant=_tenant(saga), data=request),
    )


def _saga_out(saga: DeletionSaga, steps: list[DeletionStep]) -> DeletionOut:
    return DeletionOut(
        id=saga.id,
        subject_kind=saga.subject_kind,
        subject_id=saga.subject_id,
        status="completed" if saga.completed_at is not None else "pending",
        requested_by=saga.requested_by,
        requested_at=saga.requested_at,
        completed_at=saga.completed_at,
        steps=[
            DeletionStepOut(
                service=step.service,
                status="confirmed" if step.confirmed_at is not None else "pending",
                attempts=step.attempts,
                last_requested_at=step.last_requested_at,
                confirmed_at=step.confirmed_at,
            )
            for step in sorted(steps, key=lambda step: step.service)
        ],
    )


async def _latest_saga(
    session: AsyncSession, kind: SubjectKind, subject_id: str
) -> DeletionSaga | None:
    return await session.scalar(
        sa.select(DeletionSaga)
        .where(DeletionSaga.subject_kind == kind, DeletionSaga.subject_id == subject_id)
        .order_by(DeletionSaga.requested_at.desc())
        .limit(1)
    )


async def deletion_status(session: AsyncSession, kind: SubjectKind, subject_id: str) -> DeletionOut:
    saga = await _latest_saga(session, kind, subject_id)
    if saga is None:
        raise NotFound(f"no deletion has been requested for this {kind}")
    return await _status_of(session, saga)


async def organization_deletion_status(
    session: AsyncSession, organization_id: str, user_id: str
) -> DeletionOut:
    """The saga, for whoever requested it or an admin still listed as a member.

    The organisation is hidden from the moment its deletion is asked for, and its
    members go when it completes, so the usual membership check cannot apply.
    """
    saga = await _latest_saga(session, "organization", organization_id)
    membership = await session.get(Membership, (organization_id, user_id))
    admin = membership is not None and Role(membership.role).at_least(Role.ADMIN)
    if saga is None or not (admin or saga.requested_by == user_id):
        raise NotFound(f"no deletion has been requested for organisation {organization_id}")
    return await _status_of(session, saga)


async def _status_of(session: AsyncSession, saga: DeletionSaga) -> DeletionOut:
    steps = await session.scalars(sa.select(DeletionStep).where(DeletionStep.saga_id == saga.id))
    return _saga_out(saga, list(steps))


# The coordinator -----------------------------------------------------------------------


def coordinator(outbox_table: sa.Table) -> EventSubscription:
    """The consumer group that collects participants' confirmations."""
    outbox = Outbox(outbox_table)

    async def handle(session: AsyncSession, event: Event) -> None:
        if event.type == DELETION_CONFIRMED:
            await confirm(session, outbox, DeletionConfirmed.model_validate(event.data))

    return EventSubscription(group=COORDINATOR_GROUP, families=(FAMILY,), handler=handle)


async def confirm(session: AsyncSession, outbox: Outbox, confirmation: DeletionConfirmed) -> None:
    """Mark a step confirmed and complete the saga once every step is; idempotent."""
    # Locking the saga makes confirmations of one saga take turns; two applied side by
    # side would each still see the other's step pending, and neither would complete it.
    saga = await session.scalar(
        sa.select(DeletionSaga).where(DeletionSaga.id == confirmation.saga_id).with_for_update()
    )
    step = await session.get(DeletionStep, (confirmation.saga_id, confirmation.service))
    if saga is None or step is None:
        log.warning(
            "deletion.unknown_confirmation",
            saga_id=confirmation.saga_id,
            service=confirmation.service,
        )
        return
    if saga.completed_at is not None:
        return
    if step.confirmed_at is None:
        step.confirmed_at = utcnow()
        await session.flush()
    pending = await session.scalar(
        sa.select(sa.func.count()).where(
            DeletionStep.saga_id == saga.id, DeletionStep.confirmed_at.is_(None)
        )
    )
    if pending:
        return
    saga.completed_at = utcnow()
    if saga.subject_kind == "organization":
        await _erase_organization(session, outbox, saga)
    else:
        await _erase_person(session, outbox, saga)
    log.info("deletion.completed", saga_id=saga.id, subject_kind=saga.subject_kind)


async def _erase_organization(session: AsyncSession, outbox: Outbox, saga: DeletionSaga) -> None:
    """Drop the organisation's members, invitations and audit log; keep a nameless id."""
    tenant = saga.subject_id
    await session.execute(sa.delete(Membership).where(Membership.organization_id == tenant))
    await session.execute(sa.delete(Invitation).where(Invitation.organization_id == tenant))
    await session.execute(sa.delete(AuditEntry).where(AuditEntry.organization_id == tenant))
    organization = await session.get(Organization, tenant)
    if organization is not None:
        organization.name = TOMBSTONE_NAME
    await publish(
        session,
        outbox,
        events.ORGANIZATION_DELETED,
        tenant,
        events.OrganizationDeleted(
            organization_id=tenant, saga_id=saga.id, requested_by=saga.requested_by
        ),
    )


async def _erase_person(session: AsyncSession, outbox: Outbox, saga: DeletionSaga) -> None:
    """Anonymise the profile and drop what names or locates the person.

    Audit entries keep the person's id, which no longer leads to a name, so
    organisations keep the record of who changed what; the addresses go.
    """
    user_id = saga.subject_id
    profile = await session.get(Profile, user_id)
    if profile is not None:
        await session.execute(sa.delete(Invitation).where(Invitation.email == profile.email))
        # Kept unique and obviously fake: ``.invalid`` is reserved (RFC 2606).
        profile.email = f"{user_id}@deleted.invalid"
        profile.name = ANONYMOUS_NAME
    await session.execute(
        sa.update(AuditEntry).where(AuditEntry.actor_id == user_id).values(client_address=None)
    )
    await publish(
        session,
        outbox,
        events.USER_DELETED,
        None,
        events.UserDeleted(user_id=user_id, saga_id=saga.id),
    )


# Retrying stuck steps ------------------------------------------------------------------


async def ask_again(session: AsyncSession, outbox: Outbox, older_than: timedelta) -> int:
    """Re-publish ``deletion.requested`` for sagas with steps unconfirmed since
    ``older_than`` ago, counting an attempt on each such step; returns how many sagas.

    ``SKIP LOCKED`` lets several Users replicas run this without asking twice.
    """
    now = utcnow()
    rows = (
        await session.execute(
            sa.select(DeletionStep, DeletionSaga)
            .join(DeletionSaga, DeletionSaga.id == DeletionStep.saga_id)
            .where(
                DeletionStep.confirmed_at.is_(None),
                DeletionStep.last_requested_at <= now - older_than,
            )
            .order_by(DeletionStep.saga_id, DeletionStep.service)
            .with_for_update(of=DeletionStep, skip_locked=True)
        )
    ).all()
    stuck: dict[str, tuple[DeletionSaga, list[DeletionStep]]] = {}
    for step, saga in rows:
        stuck.setdefault(saga.id, (saga, []))[1].append(step)
    for saga, steps in stuck.values():
        for step in steps:
            step.attempts += 1
            step.last_requested_at = now
        attempt = max(step.attempts for step in steps)
        log.warning(
            "deletion.step_retried",
            saga_id=saga.id,
            services=[step.service for step in steps],
            attempt=attempt,
        )
        await _ask(session, outbox, saga, attempt)
    return len(stuck)


async def retry_stuck_deletions(runtime: ServiceRuntime) -> None:
    """Background job: look for stuck steps four times per retry period, so a step is
    asked again between one and one and a quarter periods after its last request."""
    retry_after = runtime.settings.deletion_retry_after_s
    while True:
        await asyncio.sleep(retry_after / 4)
        try:
            async with runtime.database.session() as session:
                retried = await ask_again(session, runtime.outbox, timedelta(seconds=retry_after))
        except Exception:
            log.exception("deletion.retry_failed")
        else:
            if retried:
                runtime.relay.notify()
