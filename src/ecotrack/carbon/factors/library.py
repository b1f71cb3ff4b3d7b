"""The searchable library: factors by id and activity, filters and facets over all of them.

Search runs over the whole library (about 30,000 factors) on every request, so each facet
value keeps the set of its factors as a bitmask (a Python int, bit i = factor i): a filter is
an AND, a facet count a popcount, and neither walks the factors. Text filters match every
word as a substring of the factor's id, label, source reference and options; the mask of a
word is remembered, since people page through the same query.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from typing import Any, Final

from pydantic import BaseModel

from ecotrack.carbon.factors.model import ANY_REGION, Factor, ReferenceValue
from ecotrack.core.errors import NotFound, UnprocessableContent

FACET_NAMES: Final = (
    "activity",
    "region",
    "year",
    "dataset",
    "edition",
    "scope",
    "scope3_category",
    "unit_type",
)


class FacetCount(BaseModel):
    value: str
    count: int


class SearchPage(BaseModel):
    items: list[Factor]
    total: int
    limit: int
    offset: int
    facets: dict[str, list[FacetCount]]


class ReferencePage(BaseModel):
    items: list[ReferenceValue]
    total: int
    limit: int
    offset: int


def facet_value(factor: Factor, name: str) -> str:
    if name == "unit_type":
        return factor.unit_type
    value = getattr(factor, name)
    return "" if value is None else str(value)


class _Index:
    """Bitmasks over a fixed sequence of factors."""

    def __init__(self, factors: Sequence[Factor]) -> None:
        self.factors = factors
        self.all = (1 << len(factors)) - 1
        self.masks: dict[str, dict[str, int]] = {name: {} for name in FACET_NAMES}
        self.source_refs: dict[str, int] = {}
        self.haystacks: list[str] = []
        for i, factor in enumerate(factors):
            bit = 1 << i
            for name in FACET_NAMES:
                values = self.masks[name]
                value = facet_value(factor, name)
                values[value] = values.get(value, 0) | bit
            if factor.source_ref:
                self.source_refs[factor.source_ref] = (
                    self.source_refs.get(factor.source_ref, 0) | bit
                )
            fields = [factor.id, factor.label, factor.source_ref or "", *factor.options.values()]
            self.haystacks.append(" ".join(fields).lower())
        self.word_mask = lru_cache(maxsize=256)(self._word_mask)

    def _word_mask(self, word: str) -> int:
        mask = 0
        for i, haystack in enumerate(self.haystacks):
            if word in haystack:
                mask |= 1 << i
        return mask

    def ids(self, mask: int, offset: int, limit: int) -> list[Factor]:
        found: list[Factor] = []
        skipped = 0
        while mask and len(found) < limit:
            low = mask & -mask
            if skipped < offset:
                skipped += 1
            else:
                found.append(self.factors[low.bit_length() - 1])
            mask ^= low
        return found


class FactorLibrary:
    """An immutable set of factors, indexed by id and by activity, with reference values."""

    def __init__(
        self, factors: Iterable[Factor], references: Iterable[ReferenceValue] = ()
    ) -> None:
        self._by_id: dict[str, Factor] = {}
        self._by_activity: dict[str, list[Factor]] = {}
        for factor in factors:
            if factor.id in self._by_id:
                raise ValueError(f"duplicate factor id {factor.id}")
            self._by_id[factor.id] = factor
            self._by_activity.setdefault(factor.activity, []).append(factor)
        self.references: tuple[ReferenceValue, ...] = tuple(references)
        self._index: _Index | None = None
        self._regions: frozenset[str] | None = None
        # derived data that callers (the engine) cache per library; dies with the library
        self.memo: dict[str, Any] = {}

    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self) -> Iterator[Factor]:
        return iter(self._by_id.values())

    def get(self, factor_id: str) -> Factor:
        try:
            return self._by_id[factor_id]
        except KeyError:
            raise NotFound(
                f"no emission factor with id {factor_id!r}",
                hint="search the library to find factor ids",
            ) from None

    def for_activity(self, activity: str) -> Sequence[Factor]:
        return self._by_activity.get(activity, ())

    def regions(self) -> frozenset[str]:
        """Every region some factor serves (not the any-region marker)."""
        if self._regions is None:
            self._regions = frozenset(f.region for f in self if f.region != ANY_REGION)
        return self._regions

    def with_private(self, factors: Iterable[Factor]) -> FactorLibrary:
        """This library with the caller's own factors added (marked private).

        Private factors work wherever public ones do: pinned by id, found by search, and
        preferred by the engine over the public dataset when they match a request. The
        published factors are shared, not copied: an organisation's library costs only its
        own factors.
        """
        extra = [factor.model_copy(update={"private": True}) for factor in factors]
        clashes = sorted(f.id for f in extra if f.id in self._by_id)
        if clashes:
            raise UnprocessableContent(
                "private factor ids must not reuse public ids", conflicting_ids=clashes
            )
        return _WithPrivate(self, extra)

    def search(
        self,
        *,
        text: str | None = None,
        source_ref: str | None = None,
        limit: int = 50,
        offset: int = 0,
        **filters: str | int | None,
    ) -> SearchPage:
        """Filter and page; each facet counts its values under all the *other* filters."""
        return self._find(_Query.of(text, source_ref, filters)).page(limit, offset)

    def _find(self, query: _Query) -> _Found:
        return query.run(self._search_index())

    def _search_index(self) -> _Index:
        if self._index is None:
            self._index = _Index(list(self))
        return self._index


@dataclass(frozen=True, slots=True)
class _Query:
    words: tuple[str, ...]
    source_ref: str | None
    filters: tuple[tuple[str, str], ...]

    @classmethod
    def of(
        cls, text: str | None, source_ref: str | None, filters: dict[str, str | int | None]
    ) -> _Query:
        unknown = sorted(set(filters) - set(FACET_NAMES))
        if unknown:
            raise TypeError(f"unknown search filters {unknown}")
        chosen = tuple((name, str(value)) for name, value in filters.items() if value is not None)
        return cls(tuple((text or "").lower().split()), source_ref, chosen)

    def run(self, index: _Index) -> _Found:
        base = index.all
        for word in self.words:
            base &= index.word_mask(word)
        if self.source_ref is not None:
            base &= index.source_refs.get(self.source_ref, 0)
        wanted = {name: index.masks[name].get(value, 0) for name, value in self.filters}
        matches = base
        for mask in wanted.values():
            matches &= mask
        facets: dict[str, Counter[str]] = {}
        for name in FACET_NAMES:
            scope = base
            for other, mask in wanted.items():
                if other != name:
                    scope &= mask
            facets[name] = Counter(
                {
                    value: count
                    for value, mask in index.masks[name].items()
                    if value and (count := (mask & scope).bit_count())
                }
            )
        return _Found([(index, matches)], facets)


@dataclass(slots=True)
class _Found:
    parts: list[tuple[_Index, int]]  # matches in each index, paged in this order
    facets: dict[str, Counter[str]]

    def __add__(self, other: _Found) -> _Found:
        merged = {name: self.facets[name] + other.facets[name] for name in FACET_NAMES}
        return _Found([*self.parts, *other.parts], merged)

    def page(self, limit: int, offset: int) -> SearchPage:
        items: list[Factor] = []
        total = 0
        for index, matches in self.parts:
            count = matches.bit_count()
            skip = max(0, offset - total)
            if len(items) < limit and skip < count:
                items += index.ids(matches, skip, limit - len(items))
            total += count
        return SearchPage(
            items=items,
            total=total,
            limit=limit,
            offset=offset,
            facets={
                name: [
                    FacetCount(value=value, count=count)
                    for value, count in sorted(counts.items(), key=_facet_order)
                ]
                for name, counts in self.facets.items()
            },
        )


def _facet_order(item: tuple[str, int]) -> tuple[int, str]:
    # numbers (years, scopes, categories) in numeric order, then text
    value = item[0]
    return (0, value.zfill(8)) if value.isdigit() else (1, value)


class _WithPrivate(FactorLibrary):
    """A published library plus one organisation's factors, sharing the published part."""

    def __init__(self, base: FactorLibrary, private: Sequence[Factor]) -> None:
        self._base = base
        self._private = {f.id: f for f in private}
        self._private_by_activity: dict[str, list[Factor]] = {}
        for factor in private:
            self._private_by_activity.setdefault(factor.activity, []).append(factor)
        self._merged: dict[str, Sequence[Factor]] = {}
        self.references = base.references
        self._index = None
        self._regions = None
        self.memo = {}

    def __len__(self) -> int:
        return len(self._base) + len(self._private)

    def __iter__(self) -> Iterator[Factor]:
        return chain(self._base, self._private.values())

    def get(self, factor_id: str) -> Factor:
        found = self._private.get(factor_id)
        return found if found is not None else self._base.get(factor_id)

    def for_activity(self, activity: str) -> Sequence[Factor]:
        own = self._private_by_activity.get(activity)
        if not own:
            return self._base.for_activity(activity)
        if activity not in self._merged:
            self._merged[activity] = [*self._base.for_activity(activity), *own]
        return self._merged[activity]

    def regions(self) -> frozenset[str]:
        if self._regions is None:
            own = {f.region for f in self._private.values() if f.region != ANY_REGION}
            self._regions = self._base.regions() | own
        return self._regions

    def with_private(self, factors: Iterable[Factor]) -> FactorLibrary:
        return self._base.with_private([*self._private.values(), *factors])

    def _find(self, query: _Query) -> _Found:
        """The organisation's own matches first, then the published ones."""
        if self._index is None:
            self._index = _Index(list(self._private.values()))
        return query.run(self._index) + self._base._find(query)
