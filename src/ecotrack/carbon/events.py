"""Events Carbon Tracking publishes (family ``factor``; the tenant is the organisation)."""

from __future__ import annotations

from pydantic import BaseModel

SOURCE = "carbon"
FACTOR_PRIVATE_CREATED = "factor.private_created"
FACTOR_PRIVATE_DELETED = "factor.private_deleted"


class PrivateFactorCreated(BaseModel):
    factor_id: str
    activity: str
    region: str
    year: int
    unit: str
    co2e_kg_per_unit: float
    created_by: str


class PrivateFactorDeleted(BaseModel):
    factor_id: str
    deleted_by: str
