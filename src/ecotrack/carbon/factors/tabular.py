"""Declarative loading of tabular datasets: a CSV file and a ``*.dataset.json`` manifest.

Adding an open dataset whose rows are one factor each (or one factor per region of a row) is a
matter of data, not code: ship the CSV in ``ecotrack/carbon/data`` with its ``sources.json``
entry and a manifest next to it. Every manifest in the data package is discovered
(:func:`manifests`), loaded by :data:`ecotrack.carbon.factors.LOADERS` and its editions join
the data versions it names. docs/methodology.md ("Adding a dataset") describes the format.

Every row of the file is accounted for: it is selected (and becomes one factor per region), or
it matches a skip rule with its reason, or its value cell holds one of the manifest's declared
not-a-number markers (skipped with that marker's reason). Anything else, a row no rule covers,
an unknown code or a value that does not parse, stops the load with a :class:`DataError`
naming the file and line.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field

from ecotrack.carbon.data import read_rows, read_text
from ecotrack.carbon.factors.model import Factor, GasValue
from ecotrack.carbon.factors.sources import DataError, factor, number, provenance

MANIFEST_SUFFIX: Final = ".dataset.json"
Cell = str | int | None


class Column(BaseModel):
    """A value read from a column of the row, optionally through a mapping of its values."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    column: str
    map: dict[str, Cell | list[str]] | None = Field(
        default=None, description="published value -> value; a value not listed is an error"
    )


Spec = str | int | Column | None
"""A manifest value: a string is a template (``"nga-{nga_edition}"``) formatted with the
row's columns and the manifest's ``fields``; a number or null is a constant; an object reads
a column (through its ``map``, if any)."""


class SkipRule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    when: dict[str, list[str]] = Field(description="column -> the values it must have")
    reason: str


class ValueSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    column: str
    unit: Literal["kg", "g", "lb", "t"] = Field(description="mass unit of CO2e per activity unit")
    published_column: str | None = Field(
        default=None,
        description="column keeping the cell as published where ``column`` is empty (NE, **)",
    )
    missing: dict[str, str] = Field(
        default_factory=dict,
        description="not-a-number cell as published -> why the row gives no factor",
    )


class GridRoute(BaseModel):
    """The dataset is the region's own inventory: grid electricity in every region it publishes
    a factor for routes here rather than to the OWID fallback."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    reason: str = Field(description="why, for the result's selection; may use {region}")


class Manifest(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    file: str
    dataset: str
    title: str
    editions: list[str] = Field(description="every edition the file's factors may belong to")
    data_versions: list[str] = Field(description="library data versions holding the editions")
    edition: Spec
    year: Spec
    dataset_version: Spec
    id_prefix: Spec = None
    fields: dict[str, Column] = Field(
        default_factory=dict, description="named values for the templates"
    )
    select: dict[str, list[str]]
    skip: list[SkipRule] = Field(default_factory=list)
    activity: Spec
    region: Column
    options: dict[str, str] = Field(default_factory=dict)
    unit: str = Field(description="denominator unit, e.g. kWh")
    value: ValueSpec
    scope: Spec = None
    scope3_category: Spec = None
    gwp_basis: Spec = None
    source_ref: Spec
    label: Spec
    citation: Spec = None
    source_url: Spec = None
    grid_route: GridRoute | None = None


@dataclass(frozen=True)
class Reading:
    """What loading one manifest found: its factors and what became of every row."""

    factors: tuple[Factor, ...]
    rows: int
    selected: int
    skipped: Mapping[str, int]


class _Row:
    """A row with the columns the file dropped as constant (from sources.json) put back."""

    def __init__(self, manifest: Manifest, name: str, line: int, row: Mapping[str, str]):
        self.manifest, self.name, self.line, self.row = manifest, name, line, row
        self.fields = {key: self._text(spec) for key, spec in manifest.fields.items()}

    def _cell(self, column: str) -> str:
        if column not in self.row:
            raise DataError(self.name, self.line, f"no column {column!r}")
        return self.row[column]

    def _text(self, spec: Column) -> str:
        found = self.value(spec)
        return "" if found is None else str(found)

    def value(self, spec: Spec) -> Cell | list[str]:
        if spec is None or isinstance(spec, int):
            return spec
        if isinstance(spec, str):
            try:
                return spec.format_map({**self.row, **self.fields})
            except KeyError as missing:
                raise DataError(self.name, self.line, f"no column {missing}") from None
        cell = self._cell(spec.column)
        if spec.map is None:
            return cell
        if cell not in spec.map:
            raise DataError(self.name, self.line, f"unknown {spec.column} {cell!r}")
        return spec.map[cell]

    def text(self, spec: Spec) -> str | None:
        found = self.value(spec)
        if isinstance(found, list):
            raise DataError(self.name, self.line, f"several values where one is needed: {found}")
        return None if found is None else str(found)

    def integer(self, spec: Spec) -> int | None:
        found = self.text(spec)
        if found is None or found == "":
            return None
        try:
            return int(found)
        except ValueError:
            raise DataError(self.name, self.line, f"not a whole number: {found!r}") from None

    def matches(self, when: Mapping[str, Sequence[str]]) -> bool:
        return all(self._cell(column) in allowed for column, allowed in when.items())


def _constant_columns(name: str) -> dict[str, str]:
    entry: dict[str, Any] = json.loads(read_text("sources.json")).get(name, {})
    constant: dict[str, str] = entry.get("constant_columns", {})
    return constant


def _rows(manifest: Manifest, name: str) -> Iterator[_Row]:
    constant = _constant_columns(manifest.file)
    for line, row in read_rows(manifest.file):
        yield _Row(manifest, name, line, {**row, **constant})


def read(manifest: Manifest) -> Reading:
    """Every factor of the manifest's file, with the count of selected and skipped rows."""
    name = manifest.file
    factors: list[Factor] = []
    rows = selected = 0
    skipped: Counter[str] = Counter()
    for row in _rows(manifest, name):
        rows += 1
        rule = next((rule for rule in manifest.skip if row.matches(rule.when)), None)
        if rule is not None:
            skipped[rule.reason] += 1
            continue
        if not row.matches(manifest.select):
            raise DataError(name, row.line, "the row matches neither the selection nor a skip rule")
        value = manifest.value
        cell = row.row.get(value.column, "")
        if cell == "" and value.published_column is not None:
            cell = row.row.get(value.published_column, "")
        if cell in value.missing:
            skipped[value.missing[cell]] += 1
            continue
        selected += 1
        factors += _factors(manifest, row)
    return Reading(tuple(factors), rows, selected, dict(skipped))


def _factors(manifest: Manifest, row: _Row) -> list[Factor]:
    name, line = manifest.file, row.line
    value = number(name, line, row.row, manifest.value.column)
    co2e = GasValue(value=value, unit=manifest.value.unit)
    edition = row.text(manifest.edition)
    if edition not in manifest.editions:
        raise DataError(name, line, f"edition {edition!r} is not among {manifest.editions}")
    regions = row.value(manifest.region)
    if not isinstance(regions, list):
        regions = [str(regions)]
    source = provenance(name)
    citation = row.text(manifest.citation)
    url = row.text(manifest.source_url)
    source |= {k: v for k, v in (("citation", citation), ("source_url", url)) if v}
    activity = row.text(manifest.activity)
    if not activity:
        raise DataError(name, line, "no activity")
    scope = row.integer(manifest.scope)
    if scope not in (None, 1, 2, 3):
        raise DataError(name, line, f"scope {scope} is not 1, 2 or 3")
    return [
        factor(
            manifest.dataset,
            row.integer(manifest.year),
            row.text(manifest.dataset_version) or "",
            activity,
            region,
            manifest.options,
            manifest.unit,
            row.text(manifest.label) or "",
            source,
            id_prefix=row.text(manifest.id_prefix),
            co2e=co2e,
            edition=edition,
            source_ref=row.text(manifest.source_ref),
            scope=scope,
            scope3_category=row.integer(manifest.scope3_category),
            gwp_basis=row.text(manifest.gwp_basis),
        )
        for region in regions
    ]


@dataclass(frozen=True)
class TabularDataset:
    """One manifest, as :data:`ecotrack.carbon.factors.LOADERS` calls it."""

    name: str
    manifest: Manifest

    def load(self, file: str) -> tuple[Sequence[Factor], Sequence[Any]]:
        assert file == self.manifest.file
        return reading(self.name).factors, ()


def parse(name: str, text: str) -> Manifest:
    try:
        return Manifest.model_validate_json(text)
    except ValueError as error:
        raise DataError(name, 1, f"not a valid dataset manifest: {error}") from None


@cache
def manifests() -> tuple[TabularDataset, ...]:
    """Every ``*.dataset.json`` in the data package, by file name."""
    found = sorted(
        entry.name
        for entry in files("ecotrack.carbon.data").iterdir()
        if entry.name.endswith(MANIFEST_SUFFIX)
    )
    return tuple(TabularDataset(name, parse(name, read_text(name))) for name in found)


@cache
def reading(name: str) -> Reading:
    (dataset,) = [d for d in manifests() if d.name == name]
    return read(dataset.manifest)


def editions_for(version: str) -> frozenset[str]:
    """The editions the manifests add to a data version."""
    return frozenset(
        edition
        for dataset in manifests()
        if version in dataset.manifest.data_versions
        for edition in dataset.manifest.editions
    )


@cache
def _grid_regions() -> tuple[tuple[str, str, frozenset[tuple[str, str | None]], str], ...]:
    routes = []
    for dataset in manifests():
        route = dataset.manifest.grid_route
        if route is None:
            continue
        held = frozenset(
            (f.region, f.edition)
            for f in reading(dataset.name).factors
            if f.activity == "electricity.grid"
        )
        routes.append((dataset.name, dataset.manifest.dataset, held, route.reason))
    return tuple(routes)


def grid_route(region: str, editions: frozenset[str]) -> tuple[str, str] | None:
    """(dataset, why) for grid electricity in a region that a manifest's dataset publishes
    its own factors for within the data version's editions; None if there is none."""
    for _, dataset, held, reason in _grid_regions():
        if any(r == region and e in editions for r, e in held):
            return dataset, reason.format(region=region)
    return None
