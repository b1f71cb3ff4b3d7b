"""Users' tables: organisations, profiles, memberships, invitations, audit log, sagas."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from ecotrack.core.deletion import SubjectKind
from ecotrack.core.events.tables import messaging_tables
from ecotrack.core.models import IdMixin, ServiceBase, TimestampMixin


class Base(ServiceBase):
    __abstract__ = True
    metadata = sa.MetaData()


messaging = messaging_tables(Base.metadata)

# SQLite only auto-increments an INTEGER PRIMARY KEY; PostgreSQL gets a 64-bit sequence.
_SEQUENCE = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


class Organization(IdMixin, TimestampMixin, Base):
    __tablename__ = "organizations"

    name: Mapped[str] = mapped_column(sa.String(200))
    # Set when deletion is requested: from then on no route shows the organisation, and
    # once its saga completes the row stays only as an anonymised tombstone.
    deleted_at: Mapped[datetime | None] = mapped_column(default=None)


class Profile(TimestampMixin, Base):
    """A person as Users knows them, copied from Auth's ``account.registered``."""

    __tablename__ = "profiles"

    user_id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    email: Mapped[str] = mapped_column(sa.String(320), unique=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    deleted_at: Mapped[datetime | None] = mapped_column(default=None)


class Membership(TimestampMixin, Base):
    __tablename__ = "memberships"

    organization_id: Mapped[str] = mapped_column(
        sa.ForeignKey("organizations.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[str] = mapped_column(sa.String(36), primary_key=True, index=True)
    role: Mapped[str] = mapped_column(sa.String(16))


class Invitation(IdMixin, TimestampMixin, Base):
    """An offer of membership, redeemed once with a token only its recipient was sent."""

    __tablename__ = "invitations"

    organization_id: Mapped[str] = mapped_column(
        sa.ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    email: Mapped[str] = mapped_column(sa.String(320), index=True)
    role: Mapped[str] = mapped_column(sa.String(16))
    # Only the SHA-256 of the token is kept, so a leaked table cannot be redeemed.
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    invited_by: Mapped[str] = mapped_column(sa.String(36))
    expires_at: Mapped[datetime]
    accepted_at: Mapped[datetime | None] = mapped_column(default=None)
    accepted_by: Mapped[str | None] = mapped_column(sa.String(36), default=None)
    revoked_at: Mapped[datetime | None] = mapped_column(default=None)


class AuditEntry(Base):
    """Who did what to which object of an organisation, when and from which address.

    Membership changes are written here with the change itself; what other services
    audit (API keys, private factors, instruments, periods, recalculations, webhooks,
    report exports) arrives by event, and ``event_id`` keeps each event to one entry.
    """

    __tablename__ = "audit_log"

    # A sequence rather than a UUID: it orders entries and is the pagination cursor.
    seq: Mapped[int] = mapped_column(_SEQUENCE, primary_key=True, autoincrement=True)
    organization_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    at: Mapped[datetime]
    actor_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    # "user" or "api_key"; None when the event that reported the act did not say
    actor_kind: Mapped[str | None] = mapped_column(sa.String(16))
    action: Mapped[str] = mapped_column(sa.String(40))
    object_type: Mapped[str] = mapped_column(sa.String(40))
    object_id: Mapped[str | None] = mapped_column(sa.String(200))
    subject_id: Mapped[str | None] = mapped_column(sa.String(36))
    role: Mapped[str | None] = mapped_column(sa.String(16))
    previous_role: Mapped[str | None] = mapped_column(sa.String(16))
    detail: Mapped[str | None] = mapped_column(sa.String(300))
    client_address: Mapped[str | None] = mapped_column(sa.String(64))
    event_id: Mapped[str | None] = mapped_column(sa.String(36), unique=True, index=True)


class DeletionSaga(IdMixin, Base):
    """One deletion of a person or an organisation, complete when every step confirms."""

    __tablename__ = "deletion_sagas"

    subject_kind: Mapped[SubjectKind] = mapped_column(sa.String(16))
    subject_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    requested_by: Mapped[str] = mapped_column(sa.String(36))
    requested_at: Mapped[datetime]
    completed_at: Mapped[datetime | None] = mapped_column(default=None)


class DeletionStep(Base):
    """One participating service's part in a saga; ``attempts`` counts the requests."""

    __tablename__ = "deletion_steps"

    saga_id: Mapped[str] = mapped_column(
        sa.ForeignKey("deletion_sagas.id", ondelete="CASCADE"), primary_key=True
    )
    service: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    attempts: Mapped[int] = mapped_column(default=1)
    last_requested_at: Mapped[datetime]
    confirmed_at: Mapped[datetime | None] = mapped_column(default=None)
