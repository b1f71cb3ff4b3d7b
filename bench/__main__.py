"""``make bench``: run every benchmark (or those named) and print its report.

Backends come from the usual ``ECOTRACK_*`` variables (embedded defaults when unset), so
``ECOTRACK_DATABASE_URL=postgresql+asyncpg://... make bench`` measures PostgreSQL, and
``python -m bench analytics`` runs one.
"""

from __future__ import annotations

import asyncio
import sys

from bench import analytics, estimates, event_pipeline, factors, gateway, ingest, web

BENCHMARKS = {
    "event_pipeline": event_pipeline,
    "estimates": estimates,
    "factors": factors,
    "analytics": analytics,
    "ingest": ingest,
    "gateway": gateway,
    "web": web,
}


def main() -> None:
    names = sys.argv[1:] or list(BENCHMARKS)
    unknown = [name for name in names if name not in BENCHMARKS]
    if unknown:
        sys.exit(f"unknown benchmark {', '.join(unknown)}; choose among {', '.join(BENCHMARKS)}")
    for name in names:
        print(asyncio.run(BENCHMARKS[name].run()))


if __name__ == "__main__":
    main()
