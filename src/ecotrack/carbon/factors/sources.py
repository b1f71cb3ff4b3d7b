"""Provenance of the shipped files, and strict reading of their rows.

A row the loader cannot read is an error naming the file and line, never a row skipped:
the per-file counts in the tests then prove every published row became a factor or a
reference value.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from functools import cache
from typing import Any, TypeVar

from ecotrack.carbon.data import read_text
from ecotrack.carbon.factors.model import Factor, make_id

T = TypeVar("T")


class DataError(ValueError):
    """A shipped data row the loader cannot read."""

    def __init__(self, file: str, line: int, message: str) -> None:
        super().__init__(f"{file}:{line}: {message}")
        self.file = file
        self.line = line


@cache
def sources() -> dict[str, dict[str, str]]:
    loaded: dict[str, dict[str, str]] = json.loads(read_text("sources.json"))
    return loaded


def provenance(name: str, row: Mapping[str, str] | None = None) -> dict[str, str]:
    meta = sources()[name]
    citation = (row or {}).get("citation") or meta["citation"]
    return {"source_url": meta["source_url"], "licence": meta["license"], "citation": citation}


def number(file: str, line: int, row: Mapping[str, str], column: str) -> float:
    text = row.get(column)
    try:
        value = float(text or "")
    except ValueError:
        raise DataError(file, line, f"column {column!r} is not a number: {text!r}") from None
    if not math.isfinite(value):
        raise DataError(file, line, f"column {column!r} is not a finite number: {text!r}")
    return value


def lookup(file: str, line: int, table: Mapping[str, T], key: str, what: str) -> T:
    try:
        return table[key]
    except KeyError:
        raise DataError(file, line, f"unknown {what} {key!r}") from None


def factor(
    dataset: str,
    year: int | None,
    version: str,
    activity: str,
    region: str,
    options: Mapping[str, str],
    unit: str,
    label: str,
    source: Mapping[str, str],
    id_prefix: str | None = None,
    **values: Any,
) -> Factor:
    """A published factor with the id every loader gives a catalogue activity's factor.

    ``id_prefix`` replaces the dataset in the id where one dataset has two vintages.
    """
    return Factor(
        id=make_id(id_prefix or dataset, year, activity, region, options, unit),
        dataset=dataset,
        dataset_version=version,
        year=year,
        region=region,
        activity=activity,
        options=dict(options),
        unit=unit,
        label=label,
        **source,
        **values,
    )
