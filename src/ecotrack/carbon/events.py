"""Events Carbon Tracking publishes; the tenant is the organisation (docs/events.md)."""

from __future__ import annotations

from datetime import date, datetime

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
    # Added with scope 2's rules: grid_average, supplier_specific or residual_mix for
    # electricity.grid factors, else None.
    electricity_basis: str | None = None


class PrivateFactorDeleted(BaseModel):
    factor_id: str
    deleted_by: str
    # Added for the audit log: what the deleted factor was.
    activity: str | None = None
    region: str | None = None
    year: int | None = None


# Contractual instruments (family ``instrument``) and applied recalculations (family
# ``recalculation``): written for the audit log, with the actor on the envelope.
INSTRUMENT_CREATED = "instrument.created"
INSTRUMENT_DELETED = "instrument.deleted"
RECALCULATION_APPLIED = "recalculation.applied"


class InstrumentCreated(BaseModel):
    instrument_id: str
    organization_id: str
    kind: str
    factor_kg_per_kwh: float
    region: str | None
    year: int | None
    created_by: str


class InstrumentDeleted(BaseModel):
    instrument_id: str
    organization_id: str
    kind: str
    deleted_by: str


class RecalculationApplied(BaseModel):
    """One applied recalculation; each new version has its own ``emissions.recalculated``."""

    recalculation_id: str
    organization_id: str
    requested: int | None  # how many activity ids were asked for; None: every current one
    recalculated: int  # new versions written
    skipped: int
    recalculated_by: str
    applied_at: datetime


# The activity ledger (families ``activity`` and ``emissions``), meters (family ``reading``)
# and reporting periods (family ``period``); the fields are the contract in docs/events.md.
ACTIVITY_RECORDED = "activity.recorded"
ACTIVITY_CORRECTED = "activity.corrected"
ACTIVITY_DELETED = "activity.deleted"
EMISSIONS_RECALCULATED = "emissions.recalculated"
PERIOD_CLOSED = "period.closed"
READING_BATCH_INGESTED = "reading.batch_ingested"


class GasFigures(BaseModel):
    mass_kg: float | None
    co2e_kg: float


class FactorApplied(BaseModel):
    id: str
    value: float
    unit: str
    dataset: str
    version: str
    year: int | None
    region: str
    citation: str
    licence: str


class ActivityEmissions(BaseModel):
    """Data of ``activity.recorded``, ``activity.corrected`` and ``emissions.recalculated``."""

    activity_id: str
    version: int
    supersedes: int | None
    organization_id: str
    facility_id: str | None
    meter_id: str | None = None
    activity: str
    quantity: float
    unit: str
    period_start: date
    period_end: date
    scope: int
    category: int | None
    co2e_kg: float
    location_based_kg: float | None
    market_based_kg: float | None
    gases: dict[str, GasFigures]
    gwp: str
    factor: FactorApplied
    source: str
    recorded_by: str | None
    recorded_at: datetime


class ActivityDeleted(BaseModel):
    activity_id: str
    version: int
    supersedes: int | None
    organization_id: str
    recorded_by: str | None
    recorded_at: datetime


class PeriodClosed(BaseModel):
    period_id: str
    organization_id: str
    name: str
    start: date
    end: date
    closed_by: str
    closed_at: datetime


class HourAggregate(BaseModel):
    hour: datetime
    count: int
    sum: float
    min: float
    max: float


class ReadingBatchIngested(BaseModel):
    batch_id: str
    organization_id: str
    meter_id: str
    facility_id: str
    kind: str
    unit: str
    hours: list[HourAggregate]
