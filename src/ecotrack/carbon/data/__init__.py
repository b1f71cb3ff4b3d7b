"""Emission-factor and GWP tables shipped with the package (sources in ATTRIBUTION.md)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from importlib.resources import files


def read_csv(name: str) -> list[dict[str, str]]:
    """Rows of one of the CSV files in this package; nothing is read from outside it."""
    return [row for _, row in read_rows(name)]


def read_rows(name: str) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) for each row of a shipped CSV file, for errors that point at it."""
    text = (files(__name__) / name).read_text(encoding="utf-8")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    for row in reader:
        yield reader.line_num, row


def read_text(name: str) -> str:
    return (files(__name__) / name).read_text(encoding="utf-8")
