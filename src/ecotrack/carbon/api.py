"""Carbon Tracking's HTTP routes (mounted under ``/api/v1/carbon``)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(tags=["carbon"])
