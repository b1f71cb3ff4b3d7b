"""Signing keys and access tokens (Ed25519-signed JWTs, published as a JWKS).

The newest unretired key signs. Rotation retires it and makes a new one; a retired key
stays in the JWKS for one access-token lifetime (plus a minute of clock leeway), so
tokens it signed keep verifying until they expire, and then it disappears.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any

import jwt
import sqlalchemy as sa
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from jwt.algorithms import OKPAlgorithm
from sqlalchemy.ext.asyncio import AsyncSession

from ecotrack.auth.models import SigningKey
from ecotrack.core.config import Settings

ALGORITHM = "EdDSA"
AUDIENCE = "ecotrack"
CLOCK_LEEWAY = timedelta(seconds=60)


def _thumbprint(jwk: dict[str, Any]) -> str:
    """RFC 7638 thumbprint of an OKP key: a kid that names the key itself."""
    canonical = json.dumps({k: jwk[k] for k in ("crv", "kty", "x")}, separators=(",", ":"))
    digest = hashlib.sha256(canonical.encode()).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def _new_key(secret: str) -> SigningKey:
    private_key = Ed25519PrivateKey.generate()
    jwk: dict[str, Any] = json.loads(OKPAlgorithm.to_jwk(private_key.public_key()))
    kid = _thumbprint(jwk)
    jwk |= {"kid": kid, "use": "sig", "alg": ALGORITHM}
    pem = private_key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(secret.encode()),
    )
    return SigningKey(kid=kid, private_key_pem=pem.decode(), public_jwk=json.dumps(jwk))


@lru_cache(maxsize=16)
def _private_key(pem: str, secret: str) -> Ed25519PrivateKey:
    key = serialization.load_pem_private_key(pem.encode(), password=secret.encode())
    assert isinstance(key, Ed25519PrivateKey)
    return key


async def signing_key(session: AsyncSession, settings: Settings) -> SigningKey:
    """The key that signs now, made on first use."""
    key = (
        await session.scalars(
            sa.select(SigningKey)
            .where(SigningKey.retired_at.is_(None))
            .order_by(SigningKey.created_at.desc())
            .limit(1)
        )
    ).first()
    if key is None:
        key = _new_key(settings.secret_key.get_secret_value())
        session.add(key)
        await session.flush()
    return key


async def rotate(session: AsyncSession, settings: Settings) -> SigningKey:
    """Retire the signing key(s) and start signing with a new one."""
    await session.execute(
        sa.update(SigningKey)
        .where(SigningKey.retired_at.is_(None))
        .values(retired_at=datetime.now(UTC))
    )
    key = _new_key(settings.secret_key.get_secret_value())
    session.add(key)
    await session.flush()
    return key


async def published_keys(session: AsyncSession, settings: Settings) -> list[dict[str, Any]]:
    """The JWKS: the signing key and the retired keys whose tokens may still be live."""
    await signing_key(session, settings)
    horizon = datetime.now(UTC) - timedelta(seconds=settings.access_token_ttl_s) - CLOCK_LEEWAY
    keys = await session.scalars(
        sa.select(SigningKey)
        .where(sa.or_(SigningKey.retired_at.is_(None), SigningKey.retired_at > horizon))
        .order_by(SigningKey.created_at.desc())
    )
    return [json.loads(key.public_jwk) for key in keys]


@dataclass(frozen=True)
class AccessToken:
    token: str
    jti: str
    expires_in: int


def issue_access_token(
    key: SigningKey,
    settings: Settings,
    *,
    subject: str,
    organization_id: str | None,
    role: str | None,
    email: str,
) -> AccessToken:
    now = datetime.now(UTC)
    jti = secrets.token_urlsafe(16)
    claims: dict[str, Any] = {
        "iss": settings.public_url,
        "sub": subject,
        "aud": AUDIENCE,
        "iat": now,
        "nbf": now,
        "exp": now + timedelta(seconds=settings.access_token_ttl_s),
        "jti": jti,
        "email": email,
        "org_id": organization_id,
        "role": role,
    }
    private_key = _private_key(key.private_key_pem, settings.secret_key.get_secret_value())
    token = jwt.encode(claims, private_key, algorithm=ALGORITHM, headers={"kid": key.kid})
    return AccessToken(token=token, jti=jti, expires_in=settings.access_token_ttl_s)


def discovery_document(settings: Settings) -> dict[str, Any]:
    """OpenID Provider metadata, enough for OIDC libraries and Istio to verify tokens."""
    base = settings.public_url.rstrip("/")
    return {
        "issuer": settings.public_url,
        "jwks_uri": f"{base}/.well-known/jwks.json",
        "token_endpoint": f"{base}/api/v1/auth/token",
        "grant_types_supported": ["password", "refresh_token"],
        "response_types_supported": ["token"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": [ALGORITHM],
        "token_endpoint_auth_methods_supported": ["none"],
        "claims_supported": [
            "iss",
            "sub",
            "aud",
            "exp",
            "iat",
            "nbf",
            "jti",
            "email",
            "org_id",
            "role",
        ],
    }
