"""Importing activities from a CSV or XLSX file: the template, per-row checks, one write.

Every row is checked as ``POST /activities`` would check it (schema, calculation, closed
periods, facility) before anything is written; then either the whole file is written or
nothing (``all_or_nothing``), or only the good rows (``valid_rows``). Rows are named by
their line in the file, the header being line 1.

A file is untrusted input that can cost far more to read than it weighs: a 172 KiB XLSX
can hold twenty million empty rows, and a sheet can claim 16,384 columns. So reading is
bounded on every side (docs/operations.md, "Limits"):

- the body: at most :data:`MAX_IMPORT_BYTES`;
- an XLSX's unpacked size: at most :data:`MAX_UNPACKED_BYTES`, checked against the sizes
  the zip declares before anything is unpacked and counted again on every byte read;
- rows: at most :data:`MAX_IMPORT_ROWS` after the header, blank rows included (a sheet's
  row numbers count, so a row numbered 20,000,000 is over the limit however few rows it
  has), checked by a streaming scan of the XLSX before openpyxl reads it;
- columns: the sheet's declared dimensions are ignored; at most :data:`MAX_COLUMNS` cells
  are read per row, and a header wider than that is refused;
- time: parsing and checking run in a worker thread, off the event loop (other requests,
  ``/healthz`` included, keep being answered), and stop at :data:`IMPORT_TIME_LIMIT_S`;
- the answer: at most :data:`MAX_REPORTED_ERRORS` errors are listed (``error_count``
  counts them all), each detail cut to :data:`MAX_DETAIL_CHARS` characters.
"""

from __future__ import annotations

import asyncio
import csv
import io
import time
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import IO, Any, Final, Literal
from xml.parsers import expat

from openpyxl.reader.excel import ExcelReader
from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from ecotrack.carbon import ledger
from ecotrack.carbon.schemas import ActivityCreate, ImportReport, RowError
from ecotrack.carbon.service import Context
from ecotrack.core import tabular
from ecotrack.core.errors import PayloadTooLarge, Problem, UnprocessableContent
from ecotrack.core.events.outbox import Outbox

Mode = Literal["all_or_nothing", "valid_rows"]
CSV_TYPE: Final = "text/csv"
XLSX_TYPE: Final = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# Module-level so an operator (or a test) can lower them; read at each import.
MAX_IMPORT_BYTES = 10 * 1024 * 1024
MAX_IMPORT_ROWS = 10_000
"""Rows after the header, blank rows included."""
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
"""An XLSX's unpacked size: every member of its zip together."""
MAX_COLUMNS = 64
"""Cells read per row; the template has 12 columns."""
MAX_CELLS_PER_ROW = 16_384
"""Cells one XLSX row may hold at all (a spreadsheet's widest row)."""
IMPORT_TIME_LIMIT_S = 20.0
MAX_REPORTED_ERRORS = 100
MAX_DETAIL_CHARS = 300
_MAX_NAME_CHARS: Final = 100  # of a column name echoed in a problem

REQUIRED_COLUMNS: Final = (
    "activity",
    "quantity",
    "unit",
    "region",
    "year",
    "period_start",
    "period_end",
)
OPTIONAL_COLUMNS: Final = ("facility_id", "gwp", "method", "options", "factor_id")
COLUMNS: Final = REQUIRED_COLUMNS + OPTIONAL_COLUMNS

# Worked rows the template ships with: they import as they are, and show each column.
_EXAMPLES: Final = (
    (
        "fuel.natural_gas",
        1200,
        "kWh",
        "GB",
        2024,
        "2024-01-01",
        "2024-01-31",
        "",
        "AR5",
        "",
        "",
        "",
    ),
    (
        "electricity.grid",
        5000,
        "kWh",
        "GB",
        2024,
        "2024-01-01",
        "2024-01-31",
        "",
        "",
        "market",
        "contract_factor_kg_per_kwh=0.02",
        "",
    ),
)

# Which column an engine problem is about, from the member saying what is accepted.
_PROBLEM_COLUMNS: Final = {
    "max_quantity": "quantity",
    "max_co2e_kg": "quantity",
    "accepted_activities": "activity",
    "accepted_units": "unit",
    "accepted_regions": "region",
    "available_years": "year",
    "accepted_options": "options",
    "accepted_values": "options",
}


class UnsupportedMediaType(Problem):
    status = 415
    slug = "unsupported-media-type"


def template_csv() -> bytes:
    return tabular.csv_text([COLUMNS, *_EXAMPLES]).encode()


def template_xlsx() -> bytes:
    return tabular.xlsx_bytes("activities", [COLUMNS, *_EXAMPLES])


# --- limits ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Limits:
    """The module's limits as they were when an import began, and its deadline."""

    max_bytes: int = field(default_factory=lambda: MAX_IMPORT_BYTES)
    max_rows: int = field(default_factory=lambda: MAX_IMPORT_ROWS)
    max_unpacked: int = field(default_factory=lambda: MAX_UNPACKED_BYTES)
    max_columns: int = field(default_factory=lambda: MAX_COLUMNS)
    max_cells: int = field(default_factory=lambda: MAX_CELLS_PER_ROW)
    seconds: float = field(default_factory=lambda: IMPORT_TIME_LIMIT_S)
    deadline: float = field(default_factory=lambda: time.monotonic() + IMPORT_TIME_LIMIT_S)

    def members(self) -> dict[str, Any]:
        return {"max_bytes": self.max_bytes, "max_rows": self.max_rows}

    def too_many_rows(self) -> PayloadTooLarge:
        return PayloadTooLarge(
            f"an import file holds at most {self.max_rows} rows after the header, blank rows "
            "included",
            **self.members(),
        )

    def too_large_unpacked(self, size: int | None = None) -> PayloadTooLarge:
        what = f", not {size}" if size is not None else ""
        return PayloadTooLarge(
            f"an XLSX file unpacks to at most {self.max_unpacked} bytes{what}",
            max_unpacked_bytes=self.max_unpacked,
            **self.members(),
        )

    def in_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise PayloadTooLarge(
                f"the file took longer than {self.seconds:g} s to read and check; "
                "split it into smaller files",
                time_limit_s=self.seconds,
                **self.members(),
            )


class _Counted(io.RawIOBase):
    """A zip member's stream that counts what it unpacks against a shared budget."""

    def __init__(self, inner: IO[bytes], budget: _Budget) -> None:
        super().__init__()
        self._inner = inner
        self._budget = budget

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        data = self._inner.read(len(view))
        self._budget.spend(len(data))
        view[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._inner.close()
        super().close()


@dataclass
class _Budget:
    """Bytes unpacked so far in one pass over an archive, and the time left."""

    limits: _Limits
    spent: int = 0

    def spend(self, count: int) -> None:
        self.spent += count
        if self.spent > self.limits.max_unpacked:
            raise self.limits.too_large_unpacked()
        self.limits.in_time()


class _BoundedZip(zipfile.ZipFile):
    """A zip whose members' unpacked bytes count against a budget as they are read.

    Python's zipfile already stops a member at its declared size; the budget also bounds
    the archive as a whole, and the time spent unpacking it.
    """

    def __init__(self, file: IO[bytes], budget: _Budget) -> None:
        super().__init__(file)
        self._budget = budget

    def open(
        self,
        name: Any,
        mode: Literal["r", "w"] = "r",
        pwd: bytes | None = None,
        *,
        force_zip64: bool = False,
    ) -> IO[bytes]:
        stream = super().open(name, mode, pwd, force_zip64=force_zip64)
        if mode != "r":
            return stream
        return io.BufferedReader(_Counted(stream, self._budget))


def _open_zip(body: bytes, limits: _Limits) -> _BoundedZip:
    try:
        archive = _BoundedZip(io.BytesIO(body), _Budget(limits))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UnprocessableContent(f"the file is not a readable XLSX workbook: {exc}") from exc
    declared = sum(member.file_size for member in archive.infolist())
    if declared > limits.max_unpacked:
        raise limits.too_large_unpacked(declared)
    return archive


class _TooBig(Exception):
    """Raised inside the expat scan; the scan turns it into the problem it carries."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.detail)
        self.problem = problem


def _scan_member(archive: zipfile.ZipFile, name: str, limits: _Limits) -> None:
    """Stream one member through expat, counting rows and cells; nothing is kept.

    Rows are counted by their number (``r``) where they have one, so a row numbered far
    down a sheet counts the blank rows before it, as a spreadsheet shows them.
    """
    parser = expat.ParserCreate(namespace_separator=" ")
    last_row = 0
    cells = 0

    def start(tag: str, attributes: dict[str, str]) -> None:
        nonlocal last_row, cells
        local = tag.rpartition(" ")[2]
        if local == "row":
            number = attributes.get("r", "")
            last_row = int(number) if number.isdigit() else last_row + 1
            cells = 0
            if last_row > limits.max_rows + 1:
                raise _TooBig(limits.too_many_rows())
        elif local == "c":
            cells += 1
            if cells > limits.max_cells:
                raise _TooBig(
                    UnprocessableContent(
                        f"an XLSX row holds at most {limits.max_cells} cells",
                        max_cells_per_row=limits.max_cells,
                    )
                )

    def refuse_doctype(*_: object) -> None:
        # no part of an XLSX has a DTD; one is how entity-expansion bombs begin
        raise _TooBig(UnprocessableContent("the XLSX file has a DTD, which XLSX never needs"))

    parser.StartElementHandler = start
    parser.StartDoctypeDeclHandler = refuse_doctype
    with archive.open(name) as stream:
        try:
            while chunk := stream.read(64 * 1024):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
        except expat.ExpatError:
            return  # not XML (an image, say), or broken XML that openpyxl will refuse
        except _TooBig as stop:
            raise stop.problem from None


def _rows_xlsx(body: bytes, limits: _Limits) -> Iterator[list[Any]]:
    # A first pass streams every member through a scanner that keeps nothing and stops at
    # the row and cell limits; only then does openpyxl, which keeps an element per row,
    # read the first sheet (each pass has its own unpacking budget).
    with _open_zip(body, limits) as archive:
        for member in archive.infolist():
            if not member.is_dir():
                _scan_member(archive, member.filename, limits)
    try:
        reader = ExcelReader(io.BytesIO(body), read_only=True, data_only=True)
        reader.archive.close()
        reader.archive = _open_zip(body, limits)
        reader.read()
    except Problem:
        raise
    except Exception as exc:  # openpyxl raises many kinds on a malformed workbook
        raise UnprocessableContent(
            f"the file is not a readable XLSX workbook: {_short(str(exc))}"
        ) from exc
    workbook = reader.wb
    try:
        if not workbook.worksheets:
            raise UnprocessableContent("the workbook has no worksheet")
        sheet = workbook.worksheets[0]
        if not hasattr(sheet, "reset_dimensions"):
            raise UnprocessableContent("the workbook's first sheet is not a worksheet")
        sheet.reset_dimensions()  # what the sheet claims is not what it holds
        # one column past the limit, to tell a header that is too wide
        for values in sheet.iter_rows(max_col=limits.max_columns + 1, values_only=True):
            yield ["" if value is None else value for value in values]
    except (Problem, GeneratorExit):
        raise
    except Exception as exc:
        raise UnprocessableContent(
            f"the file is not a readable XLSX workbook: {_short(str(exc))}"
        ) from exc
    finally:
        workbook.close()


def _rows_csv(body: bytes) -> Iterator[list[Any]]:
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnprocessableContent(f"the file is not UTF-8 text: {exc}") from exc
    reader = csv.reader(io.StringIO(text))
    try:
        yield from reader
    except csv.Error as exc:
        raise UnprocessableContent(
            f"line {reader.line_num}: the file is not readable CSV: {exc}"
        ) from exc


# --- rows -----------------------------------------------------------------------------------


def _short(text: str, limit: int = MAX_DETAIL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _option_value(text: str) -> str | bool | int | float:
    lowered = text.lower()
    if lowered in {"true", "false"}:
        return lowered == "true"
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return text


def _options(text: str) -> dict[str, str | bool | int | float]:
    """``name=value;name=value``: the one cell holds every option."""
    options: dict[str, str | bool | int | float] = {}
    for part in filter(None, (piece.strip() for piece in text.split(";"))):
        name, equals, value = part.partition("=")
        if not equals or not name.strip():
            raise ValueError(f"{_short(part, 60)!r} is not name=value")
        options[name.strip()] = _option_value(value.strip())
    return options


def _cell(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, str):
        return value.strip()
    return value


def _header(cells: Sequence[Any], limits: _Limits) -> list[str]:
    header = [str(cell).strip().lower() for cell in cells]
    while header and not header[-1]:
        header.pop()  # spreadsheets pad rows with empty cells
    if len(header) > limits.max_columns:
        raise UnprocessableContent(
            f"the header has more than {limits.max_columns} columns; the template has "
            f"{len(COLUMNS)}",
            max_columns=limits.max_columns,
            expected_columns=list(COLUMNS),
        )
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    unknown = [_short(name, _MAX_NAME_CHARS) for name in header if name not in COLUMNS]
    duplicated = sorted({name for name in header if header.count(name) > 1})
    if missing or unknown or duplicated:
        raise UnprocessableContent(
            "the columns do not match the template: "
            + "; ".join(
                f"{what}: {', '.join(names)}"
                for what, names in (
                    ("missing", missing),
                    ("unknown", unknown),
                    ("repeated", duplicated),
                )
                if names
            ),
            missing_columns=missing,
            unknown_columns=unknown,
            expected_columns=list(COLUMNS),
        )
    return header


def _draft(header: Sequence[str], cells: Sequence[Any], line: int) -> ActivityCreate:
    fields: dict[str, Any] = {}
    for name, raw in zip(header, cells, strict=False):
        value = _cell(raw)
        if value == "":
            continue  # an empty cell takes the default
        if name == "options":
            try:
                value = _options(str(value))
            except ValueError as exc:
                raise _RowProblem(RowError(row=line, column=name, detail=str(exc))) from exc
        fields[name] = value
    # a cell is text by nature: "1200" is a quantity here, as a form field would be
    return ActivityCreate.model_validate(fields, strict=False)


class _RowProblem(Exception):
    def __init__(self, error: RowError) -> None:
        super().__init__(error.detail)
        self.error = error


def _errors(line: int, exc: Exception) -> list[RowError]:
    if isinstance(exc, _RowProblem):
        return [exc.error]
    if isinstance(exc, ValidationError):
        return [
            RowError(
                row=line,
                column=str(error["loc"][0]) if error["loc"] else None,
                detail=_short(error["msg"]),
            )
            for error in exc.errors()
        ]
    assert isinstance(exc, Problem)
    column, accepted = next(
        (
            (column, exc.extensions[key])
            for key, column in _PROBLEM_COLUMNS.items()
            if key in exc.extensions
        ),
        (None, None),
    )
    if "period_id" in exc.extensions:
        column = "period_start"
    return [RowError(row=line, column=column, detail=_short(exc.detail), accepted=accepted)]


def _table(body: bytes, content_type: str, limits: _Limits) -> Iterator[list[Any]]:
    if len(body) > limits.max_bytes:
        raise PayloadTooLarge(
            f"an import file holds at most {limits.max_bytes} bytes, not {len(body)}",
            **limits.members(),
        )
    kind = content_type.split(";", 1)[0].strip().lower()
    if kind == XLSX_TYPE:
        return _rows_xlsx(body, limits)
    if kind in {CSV_TYPE, "application/csv", "text/plain"}:
        return _rows_csv(body)
    raise UnsupportedMediaType(
        f"send the file as {CSV_TYPE} or {XLSX_TYPE}, not {_short(kind, 100) or 'no content type'}",
        accepted_types=[CSV_TYPE, XLSX_TYPE],
    )


@dataclass
class _Checked:
    """Every row of a file checked: the writes, and the first errors with their count."""

    rows: int = 0
    writes: list[ledger.Write] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    error_count: int = 0
    failed: int = 0


def _check(
    body: bytes, content_type: str, rules: ledger.Rules, context: Context, limits: _Limits
) -> _Checked:
    """Read and check the whole file (no I/O: it runs in a worker thread)."""
    rows = _table(body, content_type, limits)
    try:
        first = next(rows, None)
        if first is None:
            raise UnprocessableContent("the file is empty", expected_columns=list(COLUMNS))
        header = _header(first, limits)
        checked = _Checked()
        for line, cells in enumerate(rows, start=2):
            if line > limits.max_rows + 1:
                raise limits.too_many_rows()  # blank rows count: each was read
            if line % 256 == 0:
                limits.in_time()
            if not any(_cell(cell) != "" for cell in cells):
                continue  # blank lines separate nothing
            checked.rows += 1
            try:
                draft = _draft(header, cells, line)
                rules.check(draft.period_start, draft.period_end, draft.facility_id)
                result = ledger.calculate(context, draft)
                checked.writes.append(ledger.Write("recorded", draft, result))
            except (_RowProblem, ValidationError, Problem) as exc:
                found = _errors(line, exc)
                checked.failed += 1
                checked.error_count += len(found)
                room = MAX_REPORTED_ERRORS - len(checked.errors)
                checked.errors.extend(found[: max(room, 0)])
        return checked
    finally:
        close = getattr(rows, "close", None)
        if close is not None:
            close()


async def import_file(
    session: AsyncSession,
    outbox: Outbox,
    context: Context,
    organization_id: str,
    actor: str,
    body: bytes,
    content_type: str,
    mode: Mode,
) -> ImportReport:
    limits = _Limits()
    rules = await ledger.rules_for(session, organization_id)
    work = asyncio.to_thread(_check, body, content_type, rules, context, limits)
    try:
        # the thread stops itself at the deadline; this only guards a parse stuck in C
        checked = await asyncio.wait_for(work, timeout=limits.seconds + 5)
    except TimeoutError:
        limits.in_time()
        raise
    count = checked.rows
    if not count:
        raise UnprocessableContent("the file has a header but no rows")
    if checked.errors and (mode == "all_or_nothing" or not checked.writes):
        raise UnprocessableContent(
            f"{checked.failed} of {count} rows have errors; nothing was imported",
            mode=mode,
            rows=count,
            imported=0,
            failed=checked.failed,
            error_count=checked.error_count,
            errors=[error.model_dump(mode="json") for error in checked.errors],
        )
    stored = await ledger.write_versions(
        session, outbox, organization_id, actor, "csv", checked.writes
    )
    return ImportReport(
        mode=mode,
        rows=count,
        imported=len(stored),
        failed=checked.failed,
        error_count=checked.error_count,
        activity_ids=[record.id for record in stored],
        errors=checked.errors,
    )
