"""``make bench``: run every benchmark and print its report.

Backends come from the usual ``ECOTRACK_*`` variables (embedded defaults when unset), so
``ECOTRACK_DATABASE_URL=postgresql+asyncpg://... make bench`` measures PostgreSQL.
"""

from __future__ import annotations

import asyncio

from bench import analytics, estimates, event_pipeline, ingest


def main() -> None:
    for benchmark in (event_pipeline, estimates, analytics, ingest):
        print(asyncio.run(benchmark.run()))


if __name__ == "__main__":
    main()
