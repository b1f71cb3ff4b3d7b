"""Carbon Tracking's tables.

Tenant data carries ``organization_id`` and every query filters on it (readings through
their meter); the personal data here are the ids in ``created_by``, ``closed_by`` and
``recorded_by``, and the deletion saga clears them.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, column_property, mapped_column

from ecotrack.core.events.tables import messaging_tables
from ecotrack.core.models import IdMixin, ServiceBase, TimestampMixin


class Base(ServiceBase):
    __abstract__ = True
    metadata = sa.MetaData()


messaging = messaging_tables(Base.metadata)


class PrivateFactorRow(TimestampMixin, Base):
    """An organisation's own emission factor, in kg CO2e per ``unit``.

    Rows are never updated: a factor id then always means the same number, as public ids
    do, and a changed figure is a new factor.
    """

    __tablename__ = "private_factors"

    id: Mapped[str] = mapped_column(sa.String(200), primary_key=True)
    organization_id: Mapped[str] = mapped_column(sa.String(64), index=True)
    activity: Mapped[str] = mapped_column(sa.String(64))
    region: Mapped[str] = mapped_column(sa.String(16))
    year: Mapped[int]
    unit: Mapped[str] = mapped_column(sa.String(32))
    options: Mapped[dict[str, str]] = mapped_column(sa.JSON)
    co2e_kg_per_unit: Mapped[float] = mapped_column(sa.Double)
    gwp_basis: Mapped[str | None] = mapped_column(sa.String(8))
    # electricity.grid only: grid_average, supplier_specific or residual_mix (scope 2)
    electricity_basis: Mapped[str | None] = mapped_column(sa.String(20))
    dataset: Mapped[str] = mapped_column(sa.String(64))
    dataset_version: Mapped[str] = mapped_column(sa.String(100))
    label: Mapped[str] = mapped_column(sa.String(300))
    citation: Mapped[str] = mapped_column(sa.String(1000))
    source_url: Mapped[str] = mapped_column(sa.String(2000))
    licence: Mapped[str] = mapped_column(sa.String(200))
    created_by: Mapped[str | None] = mapped_column(sa.String(64), index=True)


class InstrumentRow(IdMixin, TimestampMixin, Base):
    """A contractual instrument behind an organisation's market-based scope 2 figures."""

    __tablename__ = "instruments"

    organization_id: Mapped[str] = mapped_column(sa.String(64), index=True)
    kind: Mapped[str] = mapped_column(sa.String(40))
    factor_kg_per_kwh: Mapped[float] = mapped_column(sa.Double)
    region: Mapped[str | None] = mapped_column(sa.String(16))
    year: Mapped[int | None]
    description: Mapped[str] = mapped_column(sa.String(500))
    created_by: Mapped[str | None] = mapped_column(sa.String(64), index=True)


# --- the ledger ----------------------------------------------------------------------------


class UnitRow(IdMixin, TimestampMixin, Base):
    """An organisational unit (a division, a subsidiary), optionally inside another."""

    __tablename__ = "units"

    organization_id: Mapped[str] = mapped_column(sa.String(64), index=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    parent_id: Mapped[str | None] = mapped_column(sa.String(36))
    created_by: Mapped[str | None] = mapped_column(sa.String(64), index=True)


class FacilityRow(IdMixin, TimestampMixin, Base):
    __tablename__ = "facilities"

    organization_id: Mapped[str] = mapped_column(sa.String(64), index=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    address: Mapped[str] = mapped_column(sa.String(500))
    region: Mapped[str] = mapped_column(sa.String(16))
    floor_area_m2: Mapped[float | None] = mapped_column(sa.Double)
    type: Mapped[str] = mapped_column(sa.String(40))
    unit_id: Mapped[str | None] = mapped_column(sa.String(36))
    created_by: Mapped[str | None] = mapped_column(sa.String(64), index=True)


class PeriodRow(IdMixin, TimestampMixin, Base):
    """A reporting period; once closed, no activity it overlaps may change."""

    __tablename__ = "periods"

    organization_id: Mapped[str] = mapped_column(sa.String(64), index=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    start: Mapped[date] = mapped_column(sa.Date)
    end: Mapped[date] = mapped_column(sa.Date)
    closed_at: Mapped[datetime | None]
    closed_by: Mapped[str | None] = mapped_column(sa.String(64), index=True)


class ActivityRow(Base):
    """Where an activity stands: its latest version. The versions themselves never change.

    This head row is what a change locks and what "current" reads join on; a meter-day
    activity is found again by its (meter, day).
    """

    __tablename__ = "activities"
    __table_args__ = (sa.UniqueConstraint("meter_id", "meter_day"),)

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    organization_id: Mapped[str] = mapped_column(sa.String(64), index=True)
    version: Mapped[int]
    deleted: Mapped[bool]
    meter_id: Mapped[str | None] = mapped_column(sa.String(36))
    meter_day: Mapped[date | None] = mapped_column(sa.Date)


class ActivityVersionRow(Base):
    """One immutable version of an activity: inputs, the factor as applied, the results."""

    __tablename__ = "activity_versions"
    __table_args__ = (
        sa.Index("ix_activity_versions_org_period", "organization_id", "period_start"),
    )

    activity_id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    version: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[str] = mapped_column(sa.String(64))
    change: Mapped[str] = mapped_column(sa.String(20))
    supersedes: Mapped[int | None]
    deleted: Mapped[bool]
    facility_id: Mapped[str | None] = mapped_column(sa.String(36), index=True)
    activity: Mapped[str] = mapped_column(sa.String(64))
    period_start: Mapped[date] = mapped_column(sa.Date)
    period_end: Mapped[date] = mapped_column(sa.Date)
    scope: Mapped[int]
    category: Mapped[int | None]
    co2e_kg: Mapped[float] = mapped_column(sa.Double)
    factor_id: Mapped[str] = mapped_column(sa.String(200))
    gwp: Mapped[str] = mapped_column(sa.String(8))
    inputs: Mapped[dict[str, Any]] = mapped_column(sa.JSON)
    result: Mapped[dict[str, Any]] = mapped_column(sa.JSON)
    source: Mapped[str] = mapped_column(sa.String(10))
    recorded_by: Mapped[str | None] = mapped_column(sa.String(64), index=True)
    recorded_at: Mapped[datetime]


class MeterRow(IdMixin, TimestampMixin, Base):
    __tablename__ = "meters"

    organization_id: Mapped[str] = mapped_column(sa.String(64), index=True)
    facility_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    kind: Mapped[str] = mapped_column(sa.String(40))
    unit: Mapped[str] = mapped_column(sa.String(32))
    region: Mapped[str] = mapped_column(sa.String(16))
    activity: Mapped[str | None] = mapped_column(sa.String(64))
    options: Mapped[dict[str, Any]] = mapped_column(sa.JSON)
    created_by: Mapped[str | None] = mapped_column(sa.String(64), index=True)


class MeterKeyRow(Base):
    """A meter's small integer key, which its readings carry instead of its 36-character id."""

    __tablename__ = "meter_keys"

    seq: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    meter_id: Mapped[str] = mapped_column(sa.String(36), unique=True)
    organization_id: Mapped[str] = mapped_column(sa.String(64), index=True)


class ReadingRow(Base):
    """One meter reading. Narrow on purpose: readings arrive by the million, by COPY.

    Keyed by the meter's integer key and the time, so the primary key stays compact;
    ``meter_id`` reads the meter's id through ``meter_keys``, for queries by meter.
    """

    __tablename__ = "readings"

    meter_seq: Mapped[int] = mapped_column(sa.Integer, primary_key=True)
    ts: Mapped[datetime] = mapped_column(primary_key=True)
    value: Mapped[float] = mapped_column(sa.Double)
    meter_id: Mapped[str] = column_property(
        sa.select(MeterKeyRow.meter_id)
        .where(MeterKeyRow.seq == meter_seq)
        .correlate_except(MeterKeyRow)
        .scalar_subquery()
    )


class IdempotencyRow(Base):
    """The answer given to a request with an ``Idempotency-Key``, replayed to its retries."""

    __tablename__ = "idempotency_keys"

    organization_id: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    key: Mapped[str] = mapped_column(sa.String(200), primary_key=True)
    request_hash: Mapped[str] = mapped_column(sa.String(64))
    status: Mapped[int]
    response: Mapped[str] = mapped_column(sa.Text)
    created_at: Mapped[datetime]


class MembershipRow(Base):
    """Who belongs to which organisation with which role, as Users' member events say.

    Carbon's own view (``memberships.py``), to check a person's role now rather than the
    one their access token states. A removal stays as a row without a role, so the
    removed person's unexpired token is refused; an organisation's deletion erases its
    rows with the rest of its data.
    """

    __tablename__ = "memberships"

    organization_id: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    role: Mapped[str | None] = mapped_column(sa.String(16))
    changed_at: Mapped[datetime]
