"""The demo web app's routes."""

from __future__ import annotations

from importlib.resources import files

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

router = APIRouter()


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
async def index() -> str:
    return (files("ecotrack.demo") / "static" / "index.html").read_text(encoding="utf-8")
