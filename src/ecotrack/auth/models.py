"""Auth's tables: accounts, signing keys, refresh tokens, API keys, and a membership view."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from ecotrack.core.events.tables import messaging_tables
from ecotrack.core.models import IdMixin, ServiceBase, TimestampMixin


class Base(ServiceBase):
    __abstract__ = True
    metadata = sa.MetaData()


messaging = messaging_tables(Base.metadata)


class Account(IdMixin, TimestampMixin, Base):
    __tablename__ = "accounts"

    email: Mapped[str] = mapped_column(sa.String(320), unique=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    password_hash: Mapped[str] = mapped_column(sa.String(200))
    totp_secret: Mapped[str | None] = mapped_column(sa.String(64), default=None)
    totp_enabled_at: Mapped[datetime | None] = mapped_column(default=None)


class Membership(Base):
    """Who belongs to which organisation with which role, as Users' events say."""

    __tablename__ = "memberships"

    organization_id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    user_id: Mapped[str] = mapped_column(sa.String(36), primary_key=True, index=True)
    role: Mapped[str] = mapped_column(sa.String(16))
    joined_at: Mapped[datetime]


class SigningKey(TimestampMixin, Base):
    """An Ed25519 key; the newest unretired one signs, retired ones verify for a while."""

    __tablename__ = "signing_keys"

    kid: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    private_key_pem: Mapped[str] = mapped_column(sa.Text)
    public_jwk: Mapped[str] = mapped_column(sa.Text)
    retired_at: Mapped[datetime | None] = mapped_column(default=None)


class RefreshToken(IdMixin, Base):
    __tablename__ = "refresh_tokens"

    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    family_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    user_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    organization_id: Mapped[str | None] = mapped_column(sa.String(36))
    issued_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None] = mapped_column(default=None)
    revoked_at: Mapped[datetime | None] = mapped_column(default=None)


class ApiKey(IdMixin, TimestampMixin, Base):
    __tablename__ = "api_keys"

    organization_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    prefix: Mapped[str] = mapped_column(sa.String(16))
    secret_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    scopes: Mapped[str] = mapped_column(sa.Text)
    created_by: Mapped[str | None] = mapped_column(sa.String(36))
    last_used_at: Mapped[datetime | None] = mapped_column(default=None)
    revoked_at: Mapped[datetime | None] = mapped_column(default=None)
