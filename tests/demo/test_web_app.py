"""The Demo service as the web app's host: the built app, its caching, and /docs offline."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from ecotrack.demo import create_demo_app, packaged_dist
from web_dist import ASSET, INDEX_HTML, build_dist

IMMUTABLE = "public, max-age=31536000, immutable"
PROBLEM = "application/problem+json"


@asynccontextmanager
async def demo_client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


@pytest.fixture
async def web(tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    async with demo_client(create_demo_app(build_dist(tmp_path))) as http:
        yield http


@pytest.mark.parametrize(
    "path", ["/", "/activities/abc", "/meters/x", "/settings/members", "/index.html", "/a/b.js"]
)
async def test_every_other_path_answers_the_app_so_deep_links_survive_a_reload(
    web: httpx.AsyncClient, path: str
) -> None:
    page = await web.get(path)
    assert page.status_code == 200
    assert page.text == INDEX_HTML
    assert page.headers["content-type"].startswith("text/html")
    assert page.headers["cache-control"] == "no-cache"
    head = await web.head(path)
    assert head.status_code == 200
    assert head.content == b""
    assert head.headers["content-length"] == str(len(INDEX_HTML))


async def test_the_index_is_revalidated_not_downloaded_again(web: httpx.AsyncClient) -> None:
    first = await web.get("/activities/abc")
    again = await web.get("/meters/x", headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["cache-control"] == "no-cache"


async def test_hashed_assets_are_cached_for_good(web: httpx.AsyncClient) -> None:
    asset = await web.get(ASSET)
    assert asset.status_code == 200
    assert asset.text == "console.log('app');\n"
    assert asset.headers["content-type"].startswith("text/javascript")
    assert asset.headers["cache-control"] == IMMUTABLE


@pytest.mark.parametrize(
    "path", ["/assets/index-00000000.js", "/assets/", "/assets/%2e%2e/index.html"]
)
async def test_a_missing_asset_is_a_404_not_the_app(web: httpx.AsyncClient, path: str) -> None:
    missing = await web.get(path)
    assert missing.status_code == 404
    assert missing.headers["content-type"] == PROBLEM
    assert "<html" not in missing.text


async def test_other_top_level_files_get_a_short_cache(web: httpx.AsyncClient) -> None:
    icon = await web.get("/favicon.svg")
    assert icon.status_code == 200
    assert icon.headers["content-type"] == "image/svg+xml"
    assert icon.headers["cache-control"] == "public, max-age=3600"


async def test_only_reads_are_served(web: httpx.AsyncClient) -> None:
    answer = await web.post("/activities/abc")
    assert answer.status_code == 405
    assert answer.headers["content-type"] == PROBLEM


async def test_an_app_not_built_is_a_503_saying_how_to_build_it(tmp_path: Path) -> None:
    async with demo_client(create_demo_app(tmp_path / "nothing-here")) as web:
        for path in ("/", "/activities/abc", "/docs", "/docs/swagger-ui.css"):
            answer = await web.get(path)
            assert answer.status_code == 503, path
            assert answer.headers["content-type"] == PROBLEM, path
            assert "make up" in answer.json()["detail"], path
        assert (await web.get(ASSET)).status_code == 404


async def test_swagger_ui_is_served_offline_from_same_origin_files(
    web: httpx.AsyncClient,
) -> None:
    page = await web.get("/docs")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert not re.search(r"https?://", page.text), "no other host: /docs works offline"
    assert "<script>" not in page.text, "no inline script: CSP keeps script-src 'self'"
    referenced = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert {"/docs/swagger-ui-bundle.js", "/docs/swagger-ui.css", "/docs/init.js"} <= set(
        referenced
    )
    for path in referenced:
        assert path.startswith("/"), path
        if path.startswith("/docs/"):
            answer = await web.get(path)
            assert answer.status_code == 200, path
            kind = "text/css" if path.endswith(".css") else "text/javascript"
            assert answer.headers["content-type"].startswith(kind), path
    init = (await web.get("/docs/init.js")).text
    assert "SwaggerUIBundle(" in init
    assert '"/openapi.json"' in init
    assert '"#swagger-ui"' in init
    assert (await web.get("/docs/nope.js")).status_code == 404
    slash = await web.get("/docs/")
    assert slash.status_code == 308
    assert slash.headers["location"] == "/docs"


async def test_docs_need_swagger_ui_in_the_build(tmp_path: Path) -> None:
    async with demo_client(create_demo_app(build_dist(tmp_path, swagger_ui=False))) as web:
        assert (await web.get("/activities/abc")).status_code == 200
        docs = await web.get("/docs")
        assert docs.status_code == 503
        assert "make up" in docs.json()["detail"]


async def test_by_default_the_packaged_build_is_served() -> None:
    dist = packaged_dist()
    assert dist == Path(__file__).parents[2] / "src" / "ecotrack" / "demo" / "dist"
    app = create_demo_app()
    assert app.state.dist == dist
    async with demo_client(app) as web:
        page = await web.get("/activities/123")
        docs = await web.get("/docs")
        if (dist / "index.html").is_file():
            assert page.status_code == 200
            assert page.text == (dist / "index.html").read_text(encoding="utf-8")
            for asset in re.findall(r'(?:src|href)="(/assets/[^"]+)"', page.text):
                answer = await web.get(asset)
                assert answer.status_code == 200, asset
                assert answer.headers["cache-control"] == IMMUTABLE, asset
        else:
            assert page.status_code == 503
            assert "make up" in page.json()["detail"]
        if (dist / "docs" / "swagger-ui-bundle.js").is_file():
            assert docs.status_code == 200
            for path in ("/docs/swagger-ui-bundle.js", "/docs/swagger-ui.css"):
                assert (await web.get(path)).status_code == 200, path
        else:
            assert docs.status_code == 503
