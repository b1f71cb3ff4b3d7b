"""Events Auth publishes (family ``account``)."""

from __future__ import annotations

from pydantic import BaseModel

SOURCE = "auth"
ACCOUNT_REGISTERED = "account.registered"


class AccountRegistered(BaseModel):
    user_id: str
    email: str
    name: str
