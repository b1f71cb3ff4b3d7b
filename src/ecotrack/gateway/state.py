"""What the gateway holds while it runs."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ecotrack.core.cache import RateLimiter
from ecotrack.core.config import Settings
from ecotrack.gateway.authn import Authenticator
from ecotrack.gateway.proxy import Upstreams


@dataclass
class GatewayState:
    settings: Settings
    upstreams: Upstreams
    authenticator: Authenticator
    rate_limiter: RateLimiter
    openapi: dict[str, Any] | None = field(default=None)
