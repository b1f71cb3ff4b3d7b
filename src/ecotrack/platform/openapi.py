"""The public API's OpenAPI document, built in-process (no server, no database needed).

The web app's typed client is generated from it (``make web-api``), and a test keeps
the generated file in step with the routes.
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from ecotrack.core.config import Profile, Settings
from ecotrack.gateway.openapi import merged_openapi
from ecotrack.platform import Platform


async def public_openapi() -> dict[str, Any]:
    """The gateway's merged document, from every service's routes as they are in code."""
    with tempfile.TemporaryDirectory() as scratch:
        platform = Platform(Settings(profile=Profile.TEST, data_dir=Path(scratch)))
        try:
            return await merged_openapi(platform.upstreams)
        finally:
            await platform.upstreams.aclose()


def main() -> None:
    document = asyncio.run(public_openapi())
    json.dump(document, sys.stdout, indent=2, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
