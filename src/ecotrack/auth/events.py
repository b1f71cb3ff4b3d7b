"""Events Auth publishes (family ``account`` and ``api_key``)."""

from __future__ import annotations

from pydantic import BaseModel

SOURCE = "auth"
ACCOUNT_REGISTERED = "account.registered"
API_KEY_CREATED = "api_key.created"
API_KEY_REVOKED = "api_key.revoked"


class AccountRegistered(BaseModel):
    user_id: str
    email: str
    name: str


class ApiKeyChanged(BaseModel):
    api_key_id: str
    organization_id: str
    name: str
    scopes: list[str]
    actor: str
