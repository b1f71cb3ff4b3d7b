"""Keyset pagination: a page holds ``items`` and an opaque ``next_cursor``.

A cursor is the sort key of the last item sent, so a page starts exactly after it
whatever was added or removed meanwhile (an offset would skip or repeat rows). It is
base64url JSON, opaque to clients, validated against the key model on the way back in.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Sequence
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from ecotrack.core.errors import UnprocessableContent

DEFAULT_LIMIT = 50
MAX_LIMIT = 200

Key = TypeVar("Key", bound=BaseModel)
Row = TypeVar("Row")


class InvalidCursor(UnprocessableContent):
    slug = "invalid-cursor"


def decode_cursor(cursor: str | None, key: type[Key]) -> Key | None:
    if cursor is None:
        return None
    try:
        return key.model_validate_json(base64.urlsafe_b64decode(cursor.encode()))
    except (ValidationError, binascii.Error, ValueError) as exc:
        raise InvalidCursor(
            "cursor is not one this list handed out; start again without it"
        ) from exc


def page_of(
    rows: Sequence[Row], limit: int, key_of: Callable[[Row], BaseModel]
) -> tuple[Sequence[Row], str | None]:
    """The first ``limit`` rows and the cursor after them; give ``limit + 1`` rows."""
    if len(rows) <= limit:
        return rows, None
    shown = rows[:limit]
    return shown, base64.urlsafe_b64encode(key_of(shown[-1]).model_dump_json().encode()).decode()
