"""A small but real built web app (the shape `npm run build` in web/ writes), for tests."""

from __future__ import annotations

from pathlib import Path

INDEX_HTML = (
    '<!doctype html><html lang="en"><head><title>EcoTrack</title>'
    '<script type="module" src="/assets/index-3f2a9c1b.js"></script></head>'
    '<body><div id="root"></div></body></html>'
)
ASSET = "/assets/index-3f2a9c1b.js"


def build_dist(root: Path, *, swagger_ui: bool = True) -> Path:
    """``root/dist`` with index.html, one hashed asset, a favicon and (optionally) docs/."""
    dist = root / "dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "index.html").write_text(INDEX_HTML, encoding="utf-8")
    (dist / "assets" / "index-3f2a9c1b.js").write_text("console.log('app');\n", encoding="utf-8")
    (dist / "favicon.svg").write_text('<svg viewBox="0 0 1 1"/>', encoding="utf-8")
    if swagger_ui:
        (dist / "docs").mkdir()
        (dist / "docs" / "swagger-ui-bundle.js").write_text(
            "window.SwaggerUIBundle = function () {};\n", encoding="utf-8"
        )
        (dist / "docs" / "swagger-ui.css").write_text(".swagger-ui {}\n", encoding="utf-8")
    return dist
