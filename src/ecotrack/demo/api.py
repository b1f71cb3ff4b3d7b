"""The web app's routes: the built single-page app from ``dist/``, and Swagger UI at /docs.

``dist/`` is what ``npm run build`` in ``web/`` writes (``make up`` runs it):
``index.html``, content-hashed files under ``assets/``, a few top-level files
(``favicon.svg``, ``robots.txt``) and ``docs/`` (Swagger UI's files from the npm package
swagger-ui-dist). Hashed assets are cached for a year; ``index.html`` is revalidated on
every load, so a new build shows at once; every path that is not a file answers
``index.html`` and the app routes it (deep links survive a reload).
"""

from __future__ import annotations

import mimetypes
import os
from email.utils import parsedate_to_datetime
from importlib.resources import files
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, RedirectResponse, Response

from ecotrack.core.errors import NotFound, ServiceUnavailable

IMMUTABLE = "public, max-age=31536000, immutable"
SHORT = "public, max-age=3600"
NO_CACHE = "no-cache"

SWAGGER_UI_FILES = frozenset({"swagger-ui-bundle.js", "swagger-ui.css"})
_OWN_FILES = Path(str(files("ecotrack.demo"))) / "swagger"

# With X-Content-Type-Options: nosniff a script served with the wrong type does not run,
# so the types that matter do not depend on the host's /etc/mime.types.
_MEDIA_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".map": "application/json",
    ".webmanifest": "application/manifest+json",
    ".svg": "image/svg+xml",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".txt": "text/plain; charset=utf-8",
    ".wasm": "application/wasm",
}

# Plain ``def`` routes: they touch the file system, so FastAPI runs them off the loop.
_READ = ["GET", "HEAD"]
router = APIRouter()


def packaged_dist() -> Path:
    """The ``dist`` folder inside the installed package (absent until the app is built)."""
    return Path(str(files("ecotrack.demo"))) / "dist"


def _dist(request: Request) -> Path:
    dist: Path = request.app.state.dist
    return dist


def _not_built(what: str) -> ServiceUnavailable:
    return ServiceUnavailable(
        f"{what} is not built: run `make up`, which builds web/ into "
        "src/ecotrack/demo/dist (or `npm ci && npm run build` in web/)"
    )


def _file_in(folder: Path, relative: str) -> Path | None:
    """``folder/relative`` if it is a file inside ``folder`` (no ``..``, no escaping link)."""
    if not relative or "\x00" in relative:
        return None
    try:
        root = folder.resolve()
        candidate = (root / relative).resolve()
    except (OSError, RuntimeError):
        return None
    if not candidate.is_relative_to(root) or not candidate.is_file():
        return None
    return candidate


def _not_modified(request: Request, etag: str, last_modified: str) -> bool:
    if_none_match = request.headers.get("if-none-match")
    if if_none_match is not None:
        tags = [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]
        return "*" in tags or etag in tags
    if_modified_since = request.headers.get("if-modified-since")
    if if_modified_since:
        try:
            return parsedate_to_datetime(if_modified_since) >= parsedate_to_datetime(last_modified)
        except (TypeError, ValueError):
            return False
    return False


def _file(request: Request, path: Path, cache_control: str) -> Response:
    """The file with its validators; 304 when the browser already has this version."""
    stat = os.stat(path)
    media_type = _MEDIA_TYPES.get(path.suffix.lower()) or (
        mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    )
    response = FileResponse(
        path, stat_result=stat, media_type=media_type, headers={"cache-control": cache_control}
    )
    etag, last_modified = response.headers["etag"], response.headers["last-modified"]
    if _not_modified(request, etag, last_modified):
        return Response(
            status_code=304,
            headers={"cache-control": cache_control, "etag": etag, "last-modified": last_modified},
        )
    return response


@router.api_route("/assets/{path:path}", methods=_READ, include_in_schema=False)
def asset(path: str, request: Request) -> Response:
    """Content-hashed build output: a new build has new names, so cache it for good."""
    found = _file_in(_dist(request) / "assets", path)
    if found is None:
        raise NotFound(f"no asset '{path}'")
    return _file(request, found, IMMUTABLE)


@router.api_route("/docs", methods=_READ, include_in_schema=False)
def docs(request: Request) -> Response:
    """Swagger UI for /openapi.json, every file of it same-origin (works offline)."""
    docs_dist = _dist(request) / "docs"
    if not all((docs_dist / name).is_file() for name in SWAGGER_UI_FILES):
        raise _not_built("Swagger UI (dist/docs)")
    return _file(request, _OWN_FILES / "index.html", NO_CACHE)


@router.api_route("/docs/{path:path}", methods=_READ, include_in_schema=False)
def docs_file(path: str, request: Request) -> Response:
    if not path:
        return RedirectResponse("/docs", status_code=308)
    if path == "init.js":
        return _file(request, _OWN_FILES / "init.js", SHORT)
    found = _file_in(_dist(request) / "docs", path)
    if found is None:
        if path in SWAGGER_UI_FILES:
            raise _not_built("Swagger UI (dist/docs)")
        raise NotFound(f"no file '{path}' in /docs")
    # swagger-ui-dist's names carry no hash: a short cache, so an upgrade shows soon.
    return _file(request, found, SHORT)


@router.api_route("/{path:path}", methods=_READ, include_in_schema=False)
def app_page(path: str, request: Request) -> Response:
    """A real top-level file (favicon.svg, robots.txt), else the app's index.html."""
    dist = _dist(request)
    if path and "/" not in path and path != "index.html":
        found = _file_in(dist, path)
        if found is not None:
            return _file(request, found, SHORT)
    index = dist / "index.html"
    if not index.is_file():
        raise _not_built("the web app")
    # Revalidated on every load (a 304 when unchanged): it names the current assets.
    return _file(request, index, NO_CACHE)
