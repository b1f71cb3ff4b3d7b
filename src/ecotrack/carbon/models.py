"""Carbon Tracking's tables."""

from __future__ import annotations

import sqlalchemy as sa

from ecotrack.core.events.tables import messaging_tables
from ecotrack.core.models import ServiceBase


class Base(ServiceBase):
    __abstract__ = True
    metadata = sa.MetaData()


messaging = messaging_tables(Base.metadata)
