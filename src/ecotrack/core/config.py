"""One settings object for every service, read from ``ECOTRACK_*`` variables.

Unset values fall back to the embedded defaults (SQLite, the embedded event bus, in-memory
cache), so ``ecotrack up`` runs with nothing configured. The production profile refuses
placeholder secrets and the demo seed.
"""

from __future__ import annotations

import json
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, IPvAnyNetwork, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

PLACEHOLDER_SECRET = "dev-only-change-me"  # noqa: S105 - the marker production refuses
LogFormat = Literal["auto", "json", "console"]


class Profile(StrEnum):
    DEVELOPMENT = "development"
    TEST = "test"
    PRODUCTION = "production"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ECOTRACK_", env_file=None, extra="ignore")

    profile: Profile = Profile.DEVELOPMENT
    data_dir: Path = Field(
        default=Path(".ecotrack"),
        description="Where embedded SQLite databases and generated keys live.",
    )
    database_url: str | None = Field(
        default=None,
        description=(
            "SQLAlchemy async URL. Unset: one SQLite file per service under data_dir. "
            "PostgreSQL: one database, one schema per service."
        ),
    )
    redis_url: str | None = Field(
        default=None, description="Redis URL for cache and rate limits; unset: in-memory."
    )
    kafka_bootstrap_servers: str | None = Field(
        default=None, description="Kafka bootstrap servers; unset: the embedded event bus."
    )
    kafka_topic_prefix: str = Field(
        default="ecotrack", description="Prefix of every topic (one topic per event family)."
    )
    kafka_session_timeout_ms: int = Field(
        default=10_000, description="Consumer-group session timeout; joins take about half."
    )
    auth_url: str | None = Field(
        default=None, description="Gateway upstream for Auth when services run apart."
    )
    users_url: str | None = Field(default=None, description="Gateway upstream for Users.")
    carbon_url: str | None = Field(default=None, description="Gateway upstream for Carbon.")
    analytics_url: str | None = Field(default=None, description="Gateway upstream for Analytics.")
    upstream_timeout_s: float = Field(
        default=30.0, gt=0, description="Gateway timeout for one upstream call."
    )
    keep_alive_s: float = Field(
        default=75.0,
        gt=0,
        description=(
            "How long a server keeps an idle connection open. Longer than its clients' own "
            "expiry (httpx 5 s, NGINX Ingress upstreams 60 s), so that no client reuses a "
            "connection just as the server closes it."
        ),
    )
    shutdown_grace_s: float = Field(
        default=20.0,
        gt=0,
        description=(
            "How long a stopping server lets requests in flight finish before it cancels them "
            "(Kubernetes kills a pod 30 s after asking, 5 s of them in preStop)."
        ),
    )
    public_url: str = Field(
        default="http://localhost:8000",
        description="Public base URL of the gateway; the token issuer and discovery base.",
    )
    access_token_ttl_s: int = Field(default=900, gt=0, description="Access-token lifetime.")
    refresh_token_ttl_s: int = Field(
        default=30 * 24 * 3600, gt=0, description="Refresh-token lifetime."
    )
    login_rate_limit_account: str = Field(
        default="10/minute", description="Login attempts allowed per account."
    )
    login_rate_limit_address: str = Field(
        default="30/minute", description="Login attempts allowed per client address."
    )
    rate_limit_organization: str = Field(
        default="1200/minute", description="Gateway requests allowed per organisation."
    )
    rate_limit_address: str = Field(
        default="600/minute", description="Gateway requests allowed per client address."
    )
    max_request_bytes: int = Field(
        default=25 * 1024 * 1024,
        gt=0,
        description=(
            "Largest request body the gateway and each service accept, counted on the "
            "bytes received (chunked bodies included)."
        ),
    )
    trusted_proxies: Annotated[list[IPvAnyNetwork], NoDecode] = Field(
        default_factory=list,
        description=(
            "Addresses or CIDRs of the proxies in front of the gateway (the ingress) whose "
            "X-Forwarded-For is believed; comma-separated or a JSON list. Empty: the peer."
        ),
    )
    jwks_cache_ttl_s: float = Field(
        default=300, gt=0, description="How long the gateway caches Auth's public keys."
    )
    breaker_failure_threshold: int = Field(
        default=5,
        gt=0,
        description=(
            "Consecutive upstream failures (transport errors, timeouts, 503s) that open its "
            "circuit; no other answer counts."
        ),
    )
    breaker_recovery_s: float = Field(
        default=30, gt=0, description="How long an open circuit answers 503 before a retry."
    )
    cors_origins: list[str] = Field(
        default_factory=list, description="Origins allowed by CORS (JSON list)."
    )
    host: str = "127.0.0.1"
    port: int = 8000
    secret_key: SecretStr = Field(
        default=SecretStr(PLACEHOLDER_SECRET),
        description="Signs internal identity headers and other HMACs.",
    )
    log_level: str = "INFO"
    log_format: LogFormat = Field(
        default="auto",
        description="auto: human-readable on a terminal, JSON lines otherwise; or force one.",
    )
    outbox_poll_interval_s: float = Field(default=0.2, gt=0)
    outbox_batch_size: int = Field(default=500, gt=0)
    consumer_batch_size: int = Field(
        default=100, gt=0, description="Most events a consumer applies in one transaction."
    )
    consumer_max_attempts: int = Field(
        default=5, gt=0, description="Handler attempts before an event goes to the dead letters."
    )
    deletion_retry_after_s: float = Field(
        default=30.0, gt=0, description="Re-request an unconfirmed deletion step after this."
    )
    consumer_backoff_s: float = Field(
        default=0.2, ge=0, description="First retry delay; doubles each attempt."
    )
    paused_consumer_groups: list[str] = Field(
        default_factory=list,
        description=(
            "Consumer groups this process does not run (JSON list); their events wait "
            "on the bus until a process that runs them starts."
        ),
    )
    simulator_enabled: bool = Field(
        default=True,
        description="ecotrack up streams the demo's live meters (never in production).",
    )
    simulator_interval_s: float = Field(
        default=10.0, ge=0.001, description="Time between two readings of a live meter."
    )
    simulator_batch_s: float = Field(
        default=60.0,
        gt=0,
        description="How often a live meter sends its readings: one batch, one ledger version.",
    )
    webhook_allow_private_networks: bool = Field(
        default=False,
        description=(
            "Let webhooks reach private addresses (10/8, 172.16/12, 192.168/16, 100.64/10, "
            "fc00::/7...) for on-premise receivers; loopback, link-local, multicast, reserved "
            "and cloud metadata addresses stay refused."
        ),
    )
    webhook_allowed_networks: list[IPvAnyNetwork] = Field(
        default_factory=list,
        description=(
            "Networks (CIDRs, JSON list) webhooks may reach whatever they are, e.g. "
            '["127.0.0.1/32"] for a receiver on this host; metadata addresses stay refused.'
        ),
    )

    @field_validator("trusted_proxies", mode="before")
    @classmethod
    def _comma_separated(cls, value: Any) -> Any:
        """``10.42.0.0/16,127.0.0.6`` as well as a JSON list."""
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("["):
                return json.loads(text)
            return [part.strip() for part in text.split(",") if part.strip()]
        return value

    @model_validator(mode="after")
    def _refuse_placeholders_in_production(self) -> Settings:
        if self.profile is Profile.PRODUCTION:
            if self.secret_key.get_secret_value() == PLACEHOLDER_SECRET:
                raise ValueError(
                    "ECOTRACK_SECRET_KEY is the development placeholder; "
                    "set a real secret before running the production profile"
                )
            if len(self.secret_key.get_secret_value()) < 32:
                raise ValueError("ECOTRACK_SECRET_KEY must be at least 32 characters")
        return self

    @property
    def is_production(self) -> bool:
        return self.profile is Profile.PRODUCTION

    def database_url_for(self, service: str) -> str:
        """The URL a service connects with: its own SQLite file, or the shared server."""
        if self.database_url is None:
            return f"sqlite+aiosqlite:///{self.data_dir / f'{service}.db'}"
        return self.database_url


@lru_cache
def get_settings() -> Settings:
    return Settings()
