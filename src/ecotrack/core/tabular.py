"""CSV and XLSX the platform writes, with no cell a spreadsheet would run as a formula.

A spreadsheet takes a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula
(and a leading tab or carriage return can hide one), so a citation of
``=HYPERLINK("http://evil","click")`` in an export would become a live link, or worse,
in the auditor's spreadsheet ("CSV injection", OWASP). Every text cell that starts with
one of those characters is written with a leading apostrophe, the quote prefix
spreadsheets themselves use for "this is text"; numbers stay numbers (a negative number
is a number, not a formula). Every CSV and XLSX export goes through this module.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Final

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")
Cell = str | int | float | bool | date | datetime | None


def safe_cell(value: object) -> Cell:
    """``value`` as a cell: numbers, dates and empties unchanged, text neutralised."""
    if value is None or isinstance(value, bool | int | float | date | datetime):
        return value  # a number is never a formula, whatever its sign
    text = value if isinstance(value, str) else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_text(rows: Iterable[Sequence[object]], *, lineterminator: str = "\r\n") -> str:
    """Rows (the header first, if any) as CSV text, every cell through :func:`safe_cell`.

    Lines end in CRLF by default (RFC 4180), which also makes the writer quote a cell
    holding a bare carriage return or line feed, so no cell can break a line of its own.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=lineterminator)
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    return out.getvalue()


def xlsx_bytes(title: str, rows: Iterable[Sequence[object]]) -> bytes:
    """A one-sheet workbook of ``rows``; text cells are neutralised and stored as text."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title)
    for row in rows:
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=safe_cell(value))
            if isinstance(cell.value, str):
                cell.data_type = "s"  # never a formula, even if openpyxl would guess one
            cells.append(cell)
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
