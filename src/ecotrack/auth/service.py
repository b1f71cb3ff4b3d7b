"""Auth's domain logic: accounts, logins, refresh-token families, API keys, TOTP."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta
from functools import lru_cache

import pyotp
import sqlalchemy as sa
import structlog
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.ext.asyncio import AsyncSession

from ecotrack.auth import events, tokens
from ecotrack.auth.models import Account, ApiKey, Membership, RefreshToken
from ecotrack.auth.schemas import TokenOut
from ecotrack.core.config import Settings
from ecotrack.core.deletion import DeletionRequested
from ecotrack.core.errors import Conflict, Forbidden, NotFound, Unauthorized
from ecotrack.core.events import Event
from ecotrack.core.events.envelope import Actor
from ecotrack.core.events.outbox import Outbox
from ecotrack.core.security import Identity, Tenant

log = structlog.get_logger(__name__)

# argon2-cffi's defaults are Argon2id with the RFC 9106 "low memory" parameters.
password_hasher = PasswordHasher()

INVALID_LOGIN = "invalid email or password"
API_KEY_PREFIX = "etk"
LAST_USED_RESOLUTION = timedelta(minutes=1)


def normalise_email(email: str) -> str:
    return email.strip().lower()


def _sha256(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


@lru_cache(maxsize=1)
def _decoy_hash() -> str:
    return password_hasher.hash(secrets.token_urlsafe(16))


async def find_account(session: AsyncSession, email: str) -> Account | None:
    result = await session.scalars(
        sa.select(Account).where(Account.email == normalise_email(email))
    )
    return result.one_or_none()


async def register_account(
    session: AsyncSession, outbox: Outbox, *, email: str, password: str, name: str
) -> Account:
    if await find_account(session, email) is not None:
        raise Conflict("an account with this email already exists")
    account = Account(
        email=normalise_email(email), name=name, password_hash=password_hasher.hash(password)
    )
    session.add(account)
    await session.flush()
    await outbox.add(
        session,
        Event.new(
            events.ACCOUNT_REGISTERED,
            source=events.SOURCE,
            tenant=None,
            data=events.AccountRegistered(user_id=account.id, email=account.email, name=name),
        ),
    )
    return account


async def sign_up(
    session: AsyncSession, outbox: Outbox, *, email: str, password: str, name: str
) -> None:
    """An account for a new address; for an address that has one, nothing changes.

    Both cost one password hash and the route answers both alike, so a sign-up does not
    tell whether an address has an account (docs/api.md, "Signing up").
    """
    existing = await find_account(session, email)
    if existing is None:
        await register_account(session, outbox, email=email, password=password, name=name)
        return
    password_hasher.hash(password)  # the work a new account costs, then dropped
    log.info("auth.signup_for_existing_account", user_id=existing.id)


async def authenticate(
    session: AsyncSession, email: str, password: str, totp_code: str | None
) -> Account:
    """The account, if the credentials are right; one error for every wrong case."""
    account = await find_account(session, email)
    try:
        # A missing account still costs one hash, so timing does not tell it apart.
        password_hasher.verify(account.password_hash if account else _decoy_hash(), password)
    except (VerificationError, InvalidHashError) as exc:
        raise Unauthorized(INVALID_LOGIN) from exc
    if account is None:
        raise Unauthorized(INVALID_LOGIN)
    if account.totp_enabled_at is not None:
        if not totp_code:
            raise Unauthorized("a TOTP code is required for this account", mfa_required=True)
        if not _totp(account).verify(totp_code, valid_window=1):
            raise Unauthorized("the TOTP code is wrong or expired", mfa_required=True)
    if password_hasher.check_needs_rehash(account.password_hash):
        account.password_hash = password_hasher.hash(password)
    return account


async def _membership(
    session: AsyncSession, user_id: str, organization_id: str | None
) -> Membership | None:
    query = sa.select(Membership).where(Membership.user_id == user_id)
    if organization_id is not None:
        query = query.where(Membership.organization_id == organization_id)
    return (await session.scalars(query.order_by(Membership.joined_at).limit(1))).first()


async def issue_tokens(
    session: AsyncSession,
    settings: Settings,
    account: Account,
    organization_id: str | None,
    *,
    family_id: str | None = None,
) -> TokenOut:
    """An access token for one organisation (the oldest membership if none is named)."""
    membership = await _membership(session, account.id, organization_id)
    if organization_id is not None and membership is None:
        raise Forbidden("you are not a member of that organisation")
    key = await tokens.signing_key(session, settings)
    access = tokens.issue_access_token(
        key,
        settings,
        subject=account.id,
        organization_id=membership.organization_id if membership else None,
        role=membership.role if membership else None,
        email=account.email,
    )
    raw_refresh = secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    session.add(
        RefreshToken(
            token_hash=_sha256(raw_refresh),
            family_id=family_id or secrets.token_hex(16),
            user_id=account.id,
            organization_id=membership.organization_id if membership else None,
            issued_at=now,
            expires_at=now + timedelta(seconds=settings.refresh_token_ttl_s),
        )
    )
    return TokenOut(
        access_token=access.token,
        refresh_token=raw_refresh,
        expires_in=access.expires_in,
        organization_id=membership.organization_id if membership else None,
        role=membership.role if membership else None,
    )


async def refresh(
    session: AsyncSession, settings: Settings, raw: str, organization_id: str | None = None
) -> TokenOut | None:
    """Rotate: the token is spent and a new pair issued, roles read afresh.

    The new pair is for ``organization_id`` if given (``Forbidden`` unless a member; the
    caller's rollback then leaves the token unspent), else for the token's organisation.
    ``None`` means the token had been used before, so it is presumed stolen and its
    whole family is revoked; the caller must commit that revocation, then refuse.
    """
    stored = (
        await session.scalars(
            sa.select(RefreshToken).where(RefreshToken.token_hash == _sha256(raw))
        )
    ).one_or_none()
    now = datetime.now(UTC)
    if stored is None:
        raise Unauthorized("the refresh token is invalid, expired or revoked")
    # A spent token is reuse whether or not its family is revoked yet: a concurrent
    # loser may read the row after another loser's revocation committed.
    if stored.used_at is None and (stored.revoked_at is not None or stored.expires_at <= now):
        raise Unauthorized("the refresh token is invalid, expired or revoked")
    if stored.used_at is not None or not await _spend(session, stored.id, now):
        await revoke_family(session, stored.family_id)
        return None
    account = await session.get(Account, stored.user_id)
    if account is None:
        raise Unauthorized("the refresh token is invalid, expired or revoked")
    if organization_id is None:
        organization_id = stored.organization_id
    return await issue_tokens(
        session, settings, account, organization_id, family_id=stored.family_id
    )


async def _spend(session: AsyncSession, token_id: str, now: datetime) -> bool:
    """Mark the token used if it still is unused and unrevoked: whether this call did.

    One conditional UPDATE, so of concurrent refreshes with one token exactly one changes
    the row (PostgreSQL makes the others wait on its row lock and re-check the condition;
    SQLite lets one writer in at a time); each of the others sees no row change and is
    treated as reuse. A rollback (a refused switch) leaves the token unspent.
    """
    spent = await session.execute(
        sa.update(RefreshToken)
        .where(
            RefreshToken.id == token_id,
            RefreshToken.used_at.is_(None),
            RefreshToken.revoked_at.is_(None),
        )
        .values(used_at=now)
        .execution_options(synchronize_session=False)
    )
    return bool(spent.rowcount == 1)  # type: ignore[attr-defined]


async def revoke_family(session: AsyncSession, family_id: str) -> None:
    await session.execute(
        sa.update(RefreshToken)
        .where(RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=datetime.now(UTC))
    )


async def logout(session: AsyncSession, raw: str) -> None:
    """Revoke the refresh token's family; unknown tokens are ignored (idempotent)."""
    stored = (
        await session.scalars(
            sa.select(RefreshToken).where(RefreshToken.token_hash == _sha256(raw))
        )
    ).one_or_none()
    if stored is not None:
        await revoke_family(session, stored.family_id)


# Memberships arrive from Users' events.


async def apply_membership_event(session: AsyncSession, event: Event) -> None:
    organization_id, user_id = event.data.get("organization_id"), event.data.get("user_id")
    if not organization_id or not user_id:
        return
    key = {"organization_id": organization_id, "user_id": user_id}
    if event.type == "member.removed":
        await session.execute(sa.delete(Membership).filter_by(**key))
        await _revoke_organization_sessions(session, user_id, organization_id)
        return
    if event.type not in {"member.added", "member.role_changed"}:
        return
    membership = await session.get(Membership, (organization_id, user_id))
    if membership is None:
        session.add(Membership(**key, role=event.data["role"], joined_at=event.time))
    else:
        membership.role = event.data["role"]


async def _revoke_organization_sessions(
    session: AsyncSession, user_id: str, organization_id: str
) -> None:
    await session.execute(
        sa.update(RefreshToken)
        .where(
            RefreshToken.user_id == user_id,
            RefreshToken.organization_id == organization_id,
            RefreshToken.revoked_at.is_(None),
        )
        .values(revoked_at=datetime.now(UTC))
    )


async def erase(session: AsyncSession, request: DeletionRequested) -> None:
    """Deletion-saga step: forget an organisation's or a person's credentials."""
    if request.subject_kind == "organization":
        organization = request.subject_id
        await session.execute(
            sa.delete(Membership).where(Membership.organization_id == organization)
        )
        await session.execute(sa.delete(ApiKey).where(ApiKey.organization_id == organization))
        await session.execute(
            sa.delete(RefreshToken).where(RefreshToken.organization_id == organization)
        )
        return
    user = request.subject_id
    await session.execute(sa.delete(Membership).where(Membership.user_id == user))
    await session.execute(sa.delete(RefreshToken).where(RefreshToken.user_id == user))
    await session.execute(
        sa.update(ApiKey).where(ApiKey.created_by == user).values(created_by=None)
    )
    await session.execute(sa.delete(Account).where(Account.id == user))


# API keys for machines.


async def create_api_key(
    session: AsyncSession,
    outbox: Outbox,
    tenant: Tenant,
    name: str,
    scopes: list[str],
    *,
    actor: Actor,
) -> tuple[ApiKey, str]:
    """A new key; the raw key is returned once and only its hash is stored."""
    prefix = secrets.token_hex(4)
    raw = f"{API_KEY_PREFIX}_{prefix}_{secrets.token_urlsafe(32)}"
    api_key = ApiKey(
        organization_id=tenant.organization_id,
        name=name,
        prefix=prefix,
        secret_hash=_sha256(raw),
        scopes=" ".join(sorted(set(scopes))),
        created_by=tenant.identity.subject,
    )
    session.add(api_key)
    await session.flush()
    await outbox.add(session, _api_key_event(events.API_KEY_CREATED, api_key, tenant, actor))
    return api_key, raw


def _api_key_event(event_type: str, api_key: ApiKey, tenant: Tenant, actor: Actor) -> Event:
    """``actor`` (who, from where) is what Users' audit log records (docs/events.md)."""
    return Event.new(
        event_type,
        source=events.SOURCE,
        tenant=api_key.organization_id,
        actor=actor,
        data=events.ApiKeyChanged(
            api_key_id=api_key.id,
            organization_id=api_key.organization_id,
            name=api_key.name,
            scopes=api_key.scopes.split(),
            actor=tenant.identity.subject,
        ),
    )


async def list_api_keys(session: AsyncSession, organization_id: str) -> list[ApiKey]:
    result = await session.scalars(
        sa.select(ApiKey)
        .where(ApiKey.organization_id == organization_id)
        .order_by(ApiKey.created_at)
    )
    return list(result)


async def revoke_api_key(
    session: AsyncSession,
    outbox: Outbox,
    tenant: Tenant,
    api_key_id: str,
    *,
    actor: Actor,
) -> ApiKey:
    api_key = await session.get(ApiKey, api_key_id)
    if api_key is None or api_key.organization_id != tenant.organization_id:
        raise NotFound(f"no API key {api_key_id}")
    if api_key.revoked_at is None:
        api_key.revoked_at = datetime.now(UTC)
        await outbox.add(session, _api_key_event(events.API_KEY_REVOKED, api_key, tenant, actor))
    return api_key


async def introspect_api_key(session: AsyncSession, raw: str) -> Identity | None:
    """The identity a live API key stands for, recording when it was last used."""
    api_key = (
        await session.scalars(sa.select(ApiKey).where(ApiKey.secret_hash == _sha256(raw)))
    ).one_or_none()
    if api_key is None or api_key.revoked_at is not None:
        return None
    now = datetime.now(UTC)
    # Coarse last-used times spare a write on every request a busy meter makes.
    if api_key.last_used_at is None or now - api_key.last_used_at > LAST_USED_RESOLUTION:
        api_key.last_used_at = now
    return Identity(
        subject=api_key.id,
        kind="api_key",
        organization_id=api_key.organization_id,
        scopes=tuple(api_key.scopes.split()),
    )


# TOTP second factor.


def _totp(account: Account) -> pyotp.TOTP:
    assert account.totp_secret is not None
    return pyotp.TOTP(account.totp_secret)


async def account_of(session: AsyncSession, identity: Identity) -> Account:
    account = await session.get(Account, identity.subject) if identity.kind == "user" else None
    if account is None:
        raise Forbidden("only people have accounts; API keys cannot do this")
    return account


def start_totp(account: Account) -> tuple[str, str]:
    if account.totp_enabled_at is not None:
        raise Conflict("TOTP is already enabled; disable it first to enrol a new device")
    account.totp_secret = pyotp.random_base32()
    uri = _totp(account).provisioning_uri(name=account.email, issuer_name="EcoTrack")
    return account.totp_secret, uri


def confirm_totp(account: Account, code: str, *, enable: bool) -> None:
    if account.totp_secret is None:
        raise Conflict("start TOTP enrolment first")
    if not _totp(account).verify(code, valid_window=1):
        raise Unauthorized("the TOTP code is wrong or expired")
    if enable:
        account.totp_enabled_at = datetime.now(UTC)
    else:
        account.totp_secret = None
        account.totp_enabled_at = None
