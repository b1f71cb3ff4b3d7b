"""Carbon Tracking's tables.

Tenant data carries ``organization_id`` and every query filters on it; ``created_by`` is the
only personal data here, and the deletion saga clears it.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

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
