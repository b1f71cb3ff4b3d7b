"""The Alembic environment every service shares; the caller passes connection and metadata."""

from typing import Any, Literal

from alembic import context
from alembic.autogenerate.api import AutogenContext

from ecotrack.core.models import UTCDateTime


def render_item(kind: str, obj: Any, _context: AutogenContext) -> str | Literal[False]:
    # UTCDateTime only adds Python-side checks; the column is a plain timestamptz.
    if kind == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=context.config.attributes["target_metadata"],
    render_as_batch=connection.dialect.name == "sqlite",
    render_item=render_item,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
