"""One OpenAPI document for the public API, merged from every service's own."""

from __future__ import annotations

import json
from typing import Any

import httpx

from ecotrack.gateway.proxy import Upstreams

SCHEMA_REF = "#/components/schemas/"


def _renamed(document: dict[str, Any], renames: dict[str, str]) -> dict[str, Any]:
    text = json.dumps(document)
    for old, new in renames.items():
        text = text.replace(f'"{SCHEMA_REF}{old}"', f'"{SCHEMA_REF}{new}"')
    renamed: dict[str, Any] = json.loads(text)
    return renamed


def merge(documents: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Paths side by side; a schema name two services define differently gets prefixed."""
    owners: dict[str, dict[str, Any]] = {}
    clashes: set[str] = set()
    for document in documents.values():
        for name, schema in document.get("components", {}).get("schemas", {}).items():
            if name in owners and owners[name] != schema:
                clashes.add(name)
            owners.setdefault(name, schema)

    merged: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {
            "title": "EcoTrack API",
            "version": "0.1.0",
            "description": "Every public route of every EcoTrack service, as served here.",
        },
        "paths": {},
        "components": {
            "schemas": {},
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"},
                "apiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
            },
        },
        "security": [{"bearer": []}, {"apiKey": []}, {}],
        "tags": [],
    }
    for service, document in documents.items():
        renames = {name: f"{service.title()}{name}" for name in clashes}
        renamed = _renamed(document, renames)
        merged["paths"].update(renamed.get("paths", {}))
        for name, schema in renamed.get("components", {}).get("schemas", {}).items():
            merged["components"]["schemas"][renames.get(name, name)] = schema
        merged["tags"].append({"name": service})
    return merged


async def merged_openapi(upstreams: Upstreams) -> dict[str, Any]:
    documents: dict[str, dict[str, Any]] = {}
    for service, client in upstreams.clients.items():
        try:
            response = await client.get(f"/api/v1/{service}/openapi.json")
            response.raise_for_status()
        except httpx.HTTPError:
            continue
        documents[service] = response.json()
    return merge(documents)
