"""Emission-factor and GWP tables shipped with the package (sources in ATTRIBUTION.md)."""

from __future__ import annotations

import csv
import io
from importlib.resources import files


def read_csv(name: str) -> list[dict[str, str]]:
    """Rows of one of the CSV files in this package; nothing is read from outside it."""
    text = (files(__name__) / name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def read_text(name: str) -> str:
    return (files(__name__) / name).read_text(encoding="utf-8")
