"""Input types every service's request models share: clean text and dates in range.

Text a person sends (names, labels, citations, addresses, descriptions) ends up in logs,
CSV and XLSX exports, PDFs and other people's screens, so control characters (NUL, BEL,
escape sequences, C1 controls) and lone surrogates (which are not UTF-8 and which
PostgreSQL refuses) are refused with a 422 rather than stored. :data:`SingleLine` refuses
every control character; :data:`Text` allows line breaks (``\\n``) for free text.

Dates are accepted from :data:`EARLIEST_DATE` to :data:`LATEST_DATE` (1900 to 2100): wide
enough for any real record or report, narrow enough that no date arithmetic a service does
(a previous year, the next day, a month series) can overflow Python's calendar.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Annotated, Final

from pydantic import AfterValidator, StringConstraints
from pydantic_core import PydanticCustomError

EARLIEST_DATE: Final = date(1900, 1, 1)
LATEST_DATE: Final = date(2100, 12, 31)
EARLIEST_YEAR: Final = EARLIEST_DATE.year
LATEST_YEAR: Final = LATEST_DATE.year
EARLIEST_MOMENT: Final = datetime(EARLIEST_YEAR, 1, 1, tzinfo=UTC)
END_OF_TIME: Final = datetime(LATEST_YEAR + 1, 1, 1, tzinfo=UTC)
"""The first moment after the accepted range (times are accepted before it)."""

# C0 controls, DEL, C1 controls and lone surrogates; Text allows the line feed.
_CONTROLS: Final = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_CONTROLS_BUT_NEWLINE: Final = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def _refuse(pattern: re.Pattern[str], value: str, allowed: str) -> str:
    found = pattern.search(value)
    if found is not None:
        raise PydanticCustomError(
            "control_character",
            "control characters are not accepted ({allowed}); found U+{code} at position "
            "{position}",
            {
                "allowed": allowed,
                "code": f"{ord(found.group()):04X}",
                "position": found.start(),
            },
        )
    return value


def single_line(value: str) -> str:
    """``value`` if it holds no control character at all, else a validation error."""
    return _refuse(_CONTROLS, value, "none at all in a name or a single-line value")


def free_text(value: str) -> str:
    """``value`` if its only control characters are line feeds, else a validation error."""
    return _refuse(_CONTROLS_BUT_NEWLINE, value, "only line feeds in free text")


SingleLine = Annotated[str, AfterValidator(single_line)]
"""A name, label, id or other one-line value: no control character, no lone surrogate."""

Text = Annotated[str, AfterValidator(free_text)]
"""Free text (a description, an address, a citation): line feeds only."""

# Surrounding blanks are stripped first, so a name of only spaces is refused as empty (the
# constraints must come before the check for pydantic to strip before it measures).
Name = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(single_line)
]
"""A name: one line, not blank, stripped of surrounding blanks. Add ``max_length``."""

NonBlankText = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(free_text)
]
"""Free text that must say something (a citation), stripped of surrounding blanks."""


def in_range(day: date) -> date:
    """``day`` if it lies within 1900-01-01..2100-12-31, else a validation error."""
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise PydanticCustomError(
            "date_out_of_range",
            "dates are accepted from {earliest} to {latest}, not {day}",
            {"earliest": str(EARLIEST_DATE), "latest": str(LATEST_DATE), "day": str(day)},
        )
    return day


def moment_in_range(moment: datetime) -> datetime:
    """``moment`` if it lies within 1900-01-01T00:00Z..2100-12-31T23:59:59Z."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    if not EARLIEST_MOMENT <= aware < END_OF_TIME:
        raise PydanticCustomError(
            "datetime_out_of_range",
            "times are accepted from {earliest} to before {end}, not {moment}",
            {
                "earliest": EARLIEST_MOMENT.isoformat(),
                "end": END_OF_TIME.isoformat(),
                "moment": moment.isoformat(),
            },
        )
    return moment


Day = Annotated[date, AfterValidator(in_range)]
"""A date within 1900-01-01..2100-12-31."""

Moment = Annotated[datetime, AfterValidator(moment_in_range)]
"""A time within 1900-01-01T00:00Z up to (not including) 2101-01-01T00:00Z."""
