"""The whole factor library: load time and memory, search latency, and the batch's cost.

- Load: ``load_factor_library()`` in a fresh interpreter (imports done first, so only the
  library is timed), with the process's peak RSS growth; best of three processes.
- Search: ``FactorLibrary.search`` over the whole library for a fixed mix of queries (text,
  filters, facets, deep pages), p50/p95/p99 over many runs after one warm-up pass.
- Batch: the 10,000-estimate batch of ``bench.estimates`` through ``estimate_batch``, with
  the whole library against the library of before (the catalogue's factors of data version
  2026.11: 1,865 factors), alternating runs in this process; the ratio is whole / before.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from typing import Any

from bench.estimates import _items
from ecotrack.carbon import engine
from ecotrack.carbon.factors import DATA_VERSIONS, FactorLibrary, load_factor_library

SEARCH_RUNS = 40
BATCH_RUNS = 5
_LOAD = """
import json, resource, time
import ecotrack.carbon.engine
from ecotrack.carbon import units
units.registry()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
from ecotrack.carbon.factors import load_factor_library
library = load_factor_library()
seconds = time.perf_counter() - started
grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
print(json.dumps({"seconds": seconds, "mib": grown / 1024, "factors": len(library)}))
"""
QUERIES: tuple[dict[str, Any], ...] = (
    {},
    {"text": "diesel"},
    {"text": "hgv refrigerated", "year": 2024},
    {"dataset": "desnz", "scope": 3, "scope3_category": 4},
    {"edition": "owid-2026", "region": "DE"},
    {"text": "cement", "dataset": "epa-supply-chain"},
    {"source_ref": "NAICS 327310 (sef_with_margins; USEEIO 327310)"},
    {"unit_type": "freight_distance", "offset": 200},
    {"text": "hotel", "region": "GB"},
    {"activity": "electricity.grid", "year": 2023, "offset": 100},
)


def _load() -> dict[str, float]:
    runs = []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", _LOAD], check=True, capture_output=True, text=True
        ).stdout
        runs.append(json.loads(out))
    return min(runs, key=lambda run: run["seconds"])


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _search(library: FactorLibrary) -> tuple[list[float], list[float]]:
    """(first runs of each query, after the index is built; repeated runs)."""
    library.search(limit=1)  # the index: built once per library, at service start
    first = []
    for query in QUERIES:  # a word's first search scans every factor's text once
        started = time.perf_counter()
        library.search(**query)
        first.append((time.perf_counter() - started) * 1000)
    times = []
    for _ in range(SEARCH_RUNS):
        for query in QUERIES:
            started = time.perf_counter()
            library.search(**query)
            times.append((time.perf_counter() - started) * 1000)
    return first, times


# the activity catalogue before every published row became a factor
_CATALOGUE_OF_BEFORE = frozenset(
    {
        *(f"fuel.{fuel}" for fuel in ("natural_gas", "diesel", "petrol", "propane", "lpg")),
        *("fuel.fuel_oil", "fuel.coal", "electricity.grid", "electricity.td_losses"),
        *("heat.steam", "vehicle.car", "travel.flight", "travel.rail", "travel.bus"),
        *("refrigerant.leak", "gas.release", "waste.disposal"),
    }
)


def _before(library: FactorLibrary) -> FactorLibrary:
    editions = DATA_VERSIONS["2026.11"]
    return FactorLibrary(
        f for f in library if f.edition in editions and f.activity in _CATALOGUE_OF_BEFORE
    )


def _batch(items: list[dict[str, Any]], library: FactorLibrary) -> float:
    started = time.perf_counter()
    answers = engine.estimate_batch(items, library)
    seconds = time.perf_counter() - started
    assert all(a.problem is None for a in answers), [a.problem for a in answers if a.problem]
    return seconds


async def run() -> str:
    load = _load()
    whole = load_factor_library()
    first, searches = _search(whole)
    before = _before(whole)
    items = [item | {"data_version": "2026.11"} for item in _items()]
    _batch(items, whole), _batch(items, before)  # warm-up: resolutions, templates, units
    whole_s, before_s = [], []
    for _ in range(BATCH_RUNS):
        whole_s.append(_batch(items, whole))
        before_s.append(_batch(items, before))
    ratio = min(whole_s) / min(before_s)
    return "\n".join(
        [
            "factor library",
            f"  load: {load['factors']:,} factors in {load['seconds']:.2f} s, "
            f"+{load['mib']:.0f} MiB peak RSS (goals < 2 s, < 300 MB)",
            f"  search over the whole library, {len(searches)} queries: "
            f"p50 {statistics.median(searches):.2f} ms, p95 {_percentile(searches, 0.95):.2f} ms, "
            f"p99 {_percentile(searches, 0.99):.2f} ms (goal p95 < 20 ms); first run of each "
            f"query (new words) max {max(first):.2f} ms",
            f"  10,000-estimate batch: whole library {min(whole_s):.3f} s, library of before "
            f"({len(before):,} factors) {min(before_s):.3f} s, ratio {ratio:.2f} (goal <= 1.1)",
        ]
    )
