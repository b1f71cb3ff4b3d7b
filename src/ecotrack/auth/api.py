"""Auth's HTTP routes (mounted under ``/api/v1/auth``)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(tags=["auth"])
