"""Users' HTTP routes (mounted under ``/api/v1/users``)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(tags=["users"])
