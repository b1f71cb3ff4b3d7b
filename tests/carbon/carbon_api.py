"""Talking to the Carbon app as the gateway does: signed identity headers, no token check."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ecotrack.carbon.factors import Factor, GasValue
from ecotrack.core.config import Settings
from ecotrack.core.security import Identity, Role, sign_identity

API = "/api/v1/carbon"
ORG_A = "org-a"
ORG_B = "org-b"

Sign = Callable[..., dict[str, str]]

GRID: dict[str, Any] = {
    "activity": "electricity.grid",
    "quantity": 1000,
    "unit": "kWh",
    "region": "GB",
    "year": 2024,
}
GB_GRID_2024 = 0.20705  # desnz_2024.csv, Electricity: UK, kWh, kg CO2e


def acme_grid_factor(kg_per_kwh: float, **fields: Any) -> Factor:
    """An organisation's own GB electricity factor, as an engine test hands it over."""
    return Factor.model_validate(
        {
            "id": "acme:electricity.grid:GB:kWh",
            "dataset": "acme",
            "dataset_version": "2024",
            "year": 2024,
            "region": "GB",
            "activity": "electricity.grid",
            "unit": "kWh",
            "co2e": GasValue(value=kg_per_kwh, unit="kg"),
            "label": "Acme grid average",
            "source_url": "",
            "licence": "proprietary",
            "citation": "Acme 2024",
        }
        | fields
    )


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
