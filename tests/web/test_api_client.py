"""The web app's typed client is generated from the routes as they are now."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from webapp import NODE_MODULES, WEB, node, require_node_modules

from ecotrack.platform.openapi import public_openapi

GENERATED = WEB / "src" / "api" / "schema.ts"


async def test_generated_client_matches_the_public_openapi(tmp_path: Path) -> None:
    require_node_modules()
    document = tmp_path / "openapi.json"
    document.write_text(json.dumps(await public_openapi(), indent=2, sort_keys=True))
    fresh = tmp_path / "schema.ts"
    generator = await asyncio.create_subprocess_exec(
        node(),
        str(NODE_MODULES / "openapi-typescript" / "bin" / "cli.js"),
        str(document),
        "-o",
        str(fresh),
        cwd=WEB,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    output, _ = await generator.communicate()
    assert generator.returncode == 0, output.decode()
    assert fresh.read_text() == GENERATED.read_text(), (
        "web/src/api/schema.ts is stale: run `make web-api` and commit it"
    )
