"""Talking to the Carbon app as the gateway does: signed identity headers, no token check."""

from __future__ import annotations

from collections.abc import Callable

from ecotrack.core.config import Settings
from ecotrack.core.security import Identity, Role, sign_identity

API = "/api/v1/carbon"
ORG_A = "org-a"
ORG_B = "org-b"

Sign = Callable[..., dict[str, str]]


def signer(settings: Settings) -> Sign:
    """Identity headers for a person of ``organization_id`` with ``role``, or an API key."""

    def headers(
        organization_id: str | None = ORG_A,
        role: Role | None = Role.EDITOR,
        *,
        subject: str = "user-1",
        kind: str = "user",
        scopes: tuple[str, ...] = (),
    ) -> dict[str, str]:
        identity = Identity.model_validate(
            {
                "subject": subject,
                "kind": kind,
                "organization_id": organization_id,
                "role": role,
                "scopes": scopes,
            }
        )
        return sign_identity(identity, settings.secret_key.get_secret_value())

    return headers
