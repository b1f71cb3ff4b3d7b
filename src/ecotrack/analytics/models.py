"""Analytics' tables: read models built from other services' events, and its own objects.

Every table holding tenant data has an ``organization_id`` column, so the deletion
saga's ``tenant_rows_eraser`` erases an organisation from all of them.

Emission amounts in the aggregates are exact integers (``amounts.py``): whole picograms
of CO2e kept as the milligrams (``co2e_mg``, the row's amount rounded to the milligram)
and the picograms beyond them (``co2e_rest_pg``), so each activity's unrounded figure is
summed and an answer rounds the sum once. Integer addition is exact and commutative, so
applying, replacing and re-applying activity versions in any order ends in the very same
totals, and a rebuild is byte-identical. A float column would not be: a live consumer
interleaves the topics while a rebuild replays them one by one, and float sums in another
order end in other last digits; subtracting a replaced version would leave residues, up
to 0.1 g beside a 1e12 kg record.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from ecotrack.core.events.tables import messaging_tables
from ecotrack.core.models import IdMixin, ServiceBase, TimestampMixin


class Base(ServiceBase):
    __abstract__ = True
    metadata = sa.MetaData()


messaging = messaging_tables(Base.metadata)


class ActivityVersion(Base):
    """The current version of each activity of the ledger, with its whole record.

    The record is what the event carried; the aggregates' contributions are derived
    from it, so replacing a version subtracts exactly what the stored one added.
    """

    __tablename__ = "activity_versions"

    activity_id: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    organization_id: Mapped[str] = mapped_column(sa.String(64), index=True)
    version: Mapped[int]
    deleted: Mapped[bool] = mapped_column(default=False)
    # True for a version applied before revision 0005, whose contributions were rounded to
    # whole milligrams: replacing or deleting it subtracts exactly what it added.
    whole_milligrams: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    period_start: Mapped[date | None]
    period_end: Mapped[date | None]
    record: Mapped[dict[str, Any]] = mapped_column(sa.JSON)


# The emission aggregates' dimensions. ``facility_id`` is '' for "no facility",
# ``method`` is 'location' or 'market' in scope 2 and '' elsewhere, ``category`` is 0
# outside scope 3: primary keys cannot hold NULL.
def _emission_dimensions() -> list[sa.Column[Any]]:
    return [
        sa.Column("organization_id", sa.String(64), primary_key=True),
        sa.Column("facility_id", sa.String(64), primary_key=True),
        sa.Column("scope", sa.SmallInteger, primary_key=True),
        sa.Column("method", sa.String(8), primary_key=True),
        sa.Column("category", sa.SmallInteger, primary_key=True),
        sa.Column("gas", sa.String(16), primary_key=True),
    ]


def _amount() -> list[sa.Column[Any]]:
    # rest defaults to 0 for rows written as whole milligrams (before 0005, benchmarks' seed)
    return [
        sa.Column("co2e_mg", sa.BigInteger, nullable=False),
        sa.Column("co2e_rest_pg", sa.BigInteger, nullable=False, server_default="0"),
    ]


emissions_daily = sa.Table(
    "emissions_daily",
    Base.metadata,
    *_emission_dimensions(),
    sa.Column("day", sa.Date, primary_key=True),
    *_amount(),
    sa.Index("ix_emissions_daily_org_day", "organization_id", "day"),
)

emissions_monthly = sa.Table(
    "emissions_monthly",
    Base.metadata,
    *_emission_dimensions(),
    sa.Column("month", sa.Date, primary_key=True),
    *_amount(),
    sa.Index("ix_emissions_monthly_org_month", "organization_id", "month"),
)


# The dashboard's own aggregate: scope (and scope-2 method) by month, without the other
# dimensions, so a year of one organisation is a few dozen rows, not thousands.
emissions_overview = sa.Table(
    "emissions_overview",
    Base.metadata,
    sa.Column("organization_id", sa.String(64), primary_key=True),
    sa.Column("scope", sa.SmallInteger, primary_key=True),
    sa.Column("method", sa.String(8), primary_key=True),
    sa.Column("month", sa.Date, primary_key=True),
    *_amount(),
)


class MeterHour(Base):
    """A meter's readings in one hour, summed over every accepted batch."""

    __tablename__ = "meter_hours"

    meter_id: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    hour: Mapped[datetime] = mapped_column(primary_key=True)
    organization_id: Mapped[str] = mapped_column(sa.String(64), index=True)
    facility_id: Mapped[str | None] = mapped_column(sa.String(64))
    kind: Mapped[str] = mapped_column(sa.String(32))
    unit: Mapped[str] = mapped_column(sa.String(16))
    count: Mapped[int]
    sum: Mapped[float]
    min: Mapped[float]
    max: Mapped[float]


class Anomaly(Base):
    __tablename__ = "anomalies"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    organization_id: Mapped[str] = mapped_column(sa.String(64), index=True)
    meter_id: Mapped[str] = mapped_column(sa.String(64))
    hour: Mapped[datetime]
    value: Mapped[float]
    expected: Mapped[float]
    score: Mapped[float]
    detected_at: Mapped[datetime]
    acknowledged_at: Mapped[datetime | None]
    acknowledged_by: Mapped[str | None] = mapped_column(sa.String(64))


class Denominator(Base):
    """An organisation-supplied intensity denominator for one year (employees, m², revenue)."""

    __tablename__ = "denominators"

    organization_id: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    year: Mapped[int] = mapped_column(primary_key=True)
    metric: Mapped[str] = mapped_column(sa.String(32), primary_key=True)
    value: Mapped[float]
    unit: Mapped[str] = mapped_column(sa.String(16))


class Target(IdMixin, TimestampMixin, Base):
    __tablename__ = "targets"

    organization_id: Mapped[str] = mapped_column(sa.String(64), index=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    kind: Mapped[str] = mapped_column(sa.String(16))
    metric: Mapped[str | None] = mapped_column(sa.String(32))
    scopes: Mapped[list[int]] = mapped_column(sa.JSON)
    scope2_method: Mapped[str] = mapped_column(sa.String(8))
    base_year: Mapped[int]
    target_year: Mapped[int]
    reduction_pct: Mapped[float]
    # The last year reported off track, so ``target.off_track`` goes out once per year.
    off_track_reported_year: Mapped[int | None]


class WebhookEndpoint(IdMixin, TimestampMixin, Base):
    __tablename__ = "webhook_endpoints"

    organization_id: Mapped[str] = mapped_column(sa.String(64), index=True)
    url: Mapped[str] = mapped_column(sa.String(2000))
    event_types: Mapped[list[str]] = mapped_column(sa.JSON)
    # Kept in clear: signing needs it. Shown to the organisation once, at creation.
    secret: Mapped[str] = mapped_column(sa.String(64))
    description: Mapped[str] = mapped_column(sa.String(200), default="")


class WebhookDelivery(IdMixin, TimestampMixin, Base):
    __tablename__ = "webhook_deliveries"
    __table_args__ = (
        sa.UniqueConstraint("endpoint_id", "event_id"),
        sa.Index("ix_webhook_deliveries_due", "status", "next_attempt_at"),
    )

    organization_id: Mapped[str] = mapped_column(sa.String(64), index=True)
    endpoint_id: Mapped[str] = mapped_column(
        sa.ForeignKey("webhook_endpoints.id", ondelete="CASCADE")
    )
    event_id: Mapped[str] = mapped_column(sa.String(36))
    event_type: Mapped[str] = mapped_column(sa.String(64))
    payload: Mapped[str] = mapped_column(sa.Text)
    status: Mapped[str] = mapped_column(sa.String(16))
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(sa.Text)
    last_status_code: Mapped[int | None]
    delivered_at: Mapped[datetime | None]


class Membership(Base):
    """Who belongs to which organisation with which role, as Users' member events say.

    Analytics' own view (``memberships.py``), to check a person's role now rather than
    the one their access token states. A removal stays as a row without a role, so the
    removed person's unexpired token is refused; an organisation's deletion erases its
    rows with the rest of its data.
    """

    __tablename__ = "memberships"

    organization_id: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    role: Mapped[str | None] = mapped_column(sa.String(16))
    changed_at: Mapped[datetime]
