"""Auth's domain logic: accounts and passwords."""

from __future__ import annotations

import sqlalchemy as sa
from argon2 import PasswordHasher
from sqlalchemy.ext.asyncio import AsyncSession

from ecotrack.auth import events
from ecotrack.auth.models import Account
from ecotrack.core.errors import Conflict
from ecotrack.core.events import Event
from ecotrack.core.events.outbox import Outbox

# argon2-cffi's defaults are Argon2id with the RFC 9106 "low memory" parameters.
password_hasher = PasswordHasher()


def normalise_email(email: str) -> str:
    return email.strip().lower()


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
