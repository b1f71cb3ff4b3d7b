"""Importing activities from a CSV or XLSX file: the template, per-row checks, one write.

Every row is checked as ``POST /activities`` would check it (schema, calculation, closed
periods, facility) before anything is written; then either the whole file is written or
nothing (``all_or_nothing``), or only the good rows (``valid_rows``). Rows are named by
their line in the file, the header being line 1.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any, Final, Literal

from openpyxl import Workbook, load_workbook
from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from ecotrack.carbon import ledger
from ecotrack.carbon.schemas import ActivityCreate, ImportReport, RowError
from ecotrack.carbon.service import Context
from ecotrack.core.errors import PayloadTooLarge, Problem, UnprocessableContent
from ecotrack.core.events.outbox import Outbox

Mode = Literal["all_or_nothing", "valid_rows"]
CSV_TYPE: Final = "text/csv"
XLSX_TYPE: Final = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# Module-level so an operator (or a test) can lower them; read at each import.
MAX_IMPORT_BYTES = 10 * 1024 * 1024
MAX_IMPORT_ROWS = 10_000

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
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(_EXAMPLES)
    return buffer.getvalue().encode()


def template_xlsx() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook has one sheet
    sheet.title = "activities"
    sheet.append(COLUMNS)
    for example in _EXAMPLES:
        sheet.append(example)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


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
            raise ValueError(f"{part!r} is not name=value")
        options[name.strip()] = _option_value(value.strip())
    return options


def _cell(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, str):
        return value.strip()
    return value


def _rows_csv(body: bytes) -> Iterator[list[Any]]:
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnprocessableContent(f"the file is not UTF-8 text: {exc}") from exc
    yield from csv.reader(io.StringIO(text))


def _rows_xlsx(body: bytes) -> Iterator[list[Any]]:
    try:
        workbook = load_workbook(io.BytesIO(body), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise UnprocessableContent(f"the file is not a readable XLSX workbook: {exc}") from exc
    sheet = workbook.worksheets[0]
    for values in sheet.iter_rows(values_only=True):
        yield ["" if value is None else value for value in values]


def _header(cells: Sequence[Any]) -> list[str]:
    header = [str(cell).strip().lower() for cell in cells]
    while header and not header[-1]:
        header.pop()  # spreadsheets pad rows with empty cells
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    unknown = [name for name in header if name not in COLUMNS]
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
    return ActivityCreate.model_validate(fields)


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
                detail=error["msg"],
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
    return [RowError(row=line, column=column, detail=exc.detail, accepted=accepted)]


def _table(body: bytes, content_type: str) -> Iterator[list[Any]]:
    if len(body) > MAX_IMPORT_BYTES:
        raise PayloadTooLarge(
            f"an import file holds at most {MAX_IMPORT_BYTES} bytes, not {len(body)}",
            max_bytes=MAX_IMPORT_BYTES,
            max_rows=MAX_IMPORT_ROWS,
        )
    kind = content_type.split(";", 1)[0].strip().lower()
    if kind == XLSX_TYPE:
        return _rows_xlsx(body)
    if kind in {CSV_TYPE, "application/csv", "text/plain"}:
        return _rows_csv(body)
    raise UnsupportedMediaType(
        f"send the file as {CSV_TYPE} or {XLSX_TYPE}, not {kind or 'no content type'}",
        accepted_types=[CSV_TYPE, XLSX_TYPE],
    )


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
    rows = _table(body, content_type)
    first = next(rows, None)
    if first is None:
        raise UnprocessableContent("the file is empty", expected_columns=list(COLUMNS))
    header = _header(first)
    rules = await ledger.rules_for(session, organization_id)
    writes: list[ledger.Write] = []
    errors: list[RowError] = []
    count = 0
    for line, cells in enumerate(rows, start=2):
        if not any(_cell(cell) != "" for cell in cells):
            continue  # blank lines separate nothing
        count += 1
        if count > MAX_IMPORT_ROWS:
            raise PayloadTooLarge(
                f"an import file holds at most {MAX_IMPORT_ROWS} rows",
                max_bytes=MAX_IMPORT_BYTES,
                max_rows=MAX_IMPORT_ROWS,
            )
        try:
            draft = _draft(header, cells, line)
            rules.check(draft.period_start, draft.period_end, draft.facility_id)
            writes.append(ledger.Write("recorded", draft, ledger.calculate(context, draft)))
        except (_RowProblem, ValidationError, Problem) as exc:
            errors.extend(_errors(line, exc))
    failed = len({error.row for error in errors})
    if not count:
        raise UnprocessableContent("the file has a header but no rows")
    if errors and (mode == "all_or_nothing" or not writes):
        raise UnprocessableContent(
            f"{failed} of {count} rows have errors; nothing was imported",
            mode=mode,
            rows=count,
            imported=0,
            failed=failed,
            errors=[error.model_dump(mode="json") for error in errors],
        )
    stored = await ledger.write_versions(session, outbox, organization_id, actor, "csv", writes)
    return ImportReport(
        mode=mode,
        rows=count,
        imported=len(stored),
        failed=failed,
        activity_ids=[record.id for record in stored],
        errors=errors,
    )
