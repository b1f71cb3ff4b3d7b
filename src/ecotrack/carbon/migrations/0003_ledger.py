"""ledger: facilities, periods, activities, meters, readings

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 01:01:50.006912
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "activities",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("organization_id", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("meter_id", sa.String(length=36), nullable=True),
        sa.Column("meter_day", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("meter_id", "meter_day"),
    )
    with op.batch_alter_table("activities", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_activities_organization_id"), ["organization_id"], unique=False
        )

    op.create_table(
        "activity_versions",
        sa.Column("activity_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("organization_id", sa.String(length=64), nullable=False),
        sa.Column("change", sa.String(length=20), nullable=False),
        sa.Column("supersedes", sa.Integer(), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("facility_id", sa.String(length=36), nullable=True),
        sa.Column("activity", sa.String(length=64), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("scope", sa.Integer(), nullable=False),
        sa.Column("category", sa.Integer(), nullable=True),
        sa.Column("co2e_kg", sa.Double(), nullable=False),
        sa.Column("factor_id", sa.String(length=200), nullable=False),
        sa.Column("gwp", sa.String(length=8), nullable=False),
        sa.Column("inputs", sa.JSON(), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.Column("source", sa.String(length=10), nullable=False),
        sa.Column("recorded_by", sa.String(length=64), nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("activity_id", "version"),
    )
    with op.batch_alter_table("activity_versions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_activity_versions_facility_id"), ["facility_id"], unique=False
        )
        batch_op.create_index(
            "ix_activity_versions_org_period", ["organization_id", "period_start"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_activity_versions_recorded_by"), ["recorded_by"], unique=False
        )

    op.create_table(
        "facilities",
        sa.Column("organization_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("address", sa.String(length=500), nullable=False),
        sa.Column("region", sa.String(length=16), nullable=False),
        sa.Column("floor_area_m2", sa.Double(), nullable=True),
        sa.Column("type", sa.String(length=40), nullable=False),
        sa.Column("unit_id", sa.String(length=36), nullable=True),
        sa.Column("created_by", sa.String(length=64), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("facilities", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_facilities_created_by"), ["created_by"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_facilities_organization_id"), ["organization_id"], unique=False
        )

    op.create_table(
        "idempotency_keys",
        sa.Column("organization_id", sa.String(length=64), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("request_hash", sa.String(length=64), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("response", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("organization_id", "key"),
    )
    op.create_table(
        "meters",
        sa.Column("organization_id", sa.String(length=64), nullable=False),
        sa.Column("facility_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("unit", sa.String(length=32), nullable=False),
        sa.Column("region", sa.String(length=16), nullable=False),
        sa.Column("activity", sa.String(length=64), nullable=True),
        sa.Column("options", sa.JSON(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("meters", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meters_created_by"), ["created_by"], unique=False)
        batch_op.create_index(batch_op.f("ix_meters_facility_id"), ["facility_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_meters_organization_id"), ["organization_id"], unique=False
        )

    op.create_table(
        "periods",
        sa.Column("organization_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("end", sa.Date(), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_by", sa.String(length=64), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("periods", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_periods_closed_by"), ["closed_by"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_periods_organization_id"), ["organization_id"], unique=False
        )

    op.create_table(
        "readings",
        sa.Column("meter_id", sa.String(length=36), nullable=False),
        sa.Column("ts", sa.DateTime(timezone=True), nullable=False),
        sa.Column("value", sa.Double(), nullable=False),
        sa.PrimaryKeyConstraint("meter_id", "ts"),
    )
    op.create_table(
        "units",
        sa.Column("organization_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("parent_id", sa.String(length=36), nullable=True),
        sa.Column("created_by", sa.String(length=64), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("units", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_units_created_by"), ["created_by"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_units_organization_id"), ["organization_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("units", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_units_organization_id"))
        batch_op.drop_index(batch_op.f("ix_units_created_by"))

    op.drop_table("units")
    op.drop_table("readings")
    with op.batch_alter_table("periods", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_periods_organization_id"))
        batch_op.drop_index(batch_op.f("ix_periods_closed_by"))

    op.drop_table("periods")
    with op.batch_alter_table("meters", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meters_organization_id"))
        batch_op.drop_index(batch_op.f("ix_meters_facility_id"))
        batch_op.drop_index(batch_op.f("ix_meters_created_by"))

    op.drop_table("meters")
    op.drop_table("idempotency_keys")
    with op.batch_alter_table("facilities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_facilities_organization_id"))
        batch_op.drop_index(batch_op.f("ix_facilities_created_by"))

    op.drop_table("facilities")
    with op.batch_alter_table("activity_versions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_activity_versions_recorded_by"))
        batch_op.drop_index("ix_activity_versions_org_period")
        batch_op.drop_index(batch_op.f("ix_activity_versions_facility_id"))

    op.drop_table("activity_versions")
    with op.batch_alter_table("activities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_activities_organization_id"))

    op.drop_table("activities")
