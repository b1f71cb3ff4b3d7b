"""Configuration: ECOTRACK_* variables, embedded defaults, production's refusals."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from ecotrack.core.config import PLACEHOLDER_SECRET, Profile, Settings

DOCS = Path(__file__).parents[2] / "docs" / "configuration.md"


def test_defaults_are_the_embedded_backends(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DATABASE_URL", "REDIS_URL", "KAFKA_BOOTSTRAP_SERVERS", "PROFILE"):
        monkeypatch.delenv(f"ECOTRACK_{name}", raising=False)
    settings = Settings(data_dir=Path("/var/lib/ecotrack"))
    assert settings.profile is Profile.DEVELOPMENT
    assert settings.database_url_for("carbon") == "sqlite+aiosqlite:////var/lib/ecotrack/carbon.db"
    assert settings.redis_url is None
    assert settings.kafka_bootstrap_servers is None


def test_variables_configure_the_real_backends(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ECOTRACK_DATABASE_URL", "postgresql+asyncpg://db/ecotrack")
    monkeypatch.setenv("ECOTRACK_REDIS_URL", "redis://cache:6379/0")
    monkeypatch.setenv("ECOTRACK_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
    settings = Settings()
    assert settings.database_url_for("carbon") == "postgresql+asyncpg://db/ecotrack"
    assert settings.redis_url == "redis://cache:6379/0"
    assert settings.kafka_bootstrap_servers == "kafka:9092"


def test_production_refuses_the_placeholder_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ECOTRACK_PROFILE", "production")
    monkeypatch.delenv("ECOTRACK_SECRET_KEY", raising=False)
    with pytest.raises(ValidationError, match="placeholder"):
        Settings()
    monkeypatch.setenv("ECOTRACK_SECRET_KEY", "short")
    with pytest.raises(ValidationError, match="at least 32"):
        Settings()
    monkeypatch.setenv("ECOTRACK_SECRET_KEY", "x" * 40)
    assert Settings().is_production
    assert PLACEHOLDER_SECRET not in Settings().model_dump_json()


def test_every_setting_is_documented() -> None:
    documented = DOCS.read_text(encoding="utf-8")
    missing = [
        f"ECOTRACK_{name.upper()}"
        for name in Settings.model_fields
        if f"`ECOTRACK_{name.upper()}`" not in documented
    ]
    assert not missing, f"add these to docs/configuration.md: {missing}"
