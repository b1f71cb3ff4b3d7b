"""Who is calling: verify an access token (against Auth's JWKS) or an API key (via Auth).

Public keys are kept, parsed, for ``ECOTRACK_JWKS_CACHE_TTL_S``; a token signed with a
key the gateway does not know triggers one refresh (at most every few seconds), which is
how rotation reaches the gateway without a restart. A token once verified is remembered
(at most :data:`VERIFIED_TOKENS` of them, each until it expires, and only while the key
that signed it is still published), so a client's next requests cost a dictionary lookup
instead of a signature check. API-key answers are cached briefly, so a revoked key stops
working within :data:`API_KEY_CACHE_S`.
"""

from __future__ import annotations

import hashlib
import json
import time
from typing import Any, NamedTuple

import httpx
import jwt
from cachetools import TLRUCache
from fastapi import Request

from ecotrack.core.cache import Cache
from ecotrack.core.config import Settings
from ecotrack.core.errors import ServiceUnavailable, Unauthorized
from ecotrack.core.security import INTERNAL_HEADER, Identity, Role, internal_token

ALGORITHMS = ["EdDSA"]
AUDIENCE = "ecotrack"
API_KEY_PREFIX = "etk_"
API_KEY_CACHE_S = 30.0
JWKS_REFRESH_MIN_INTERVAL_S = 5.0
JWKS_PATH = "/api/v1/auth/.well-known/jwks.json"
INTROSPECT_PATH = "/api/v1/auth/internal/introspect"
VERIFIED_TOKENS = 10_000


class _Verified(NamedTuple):
    identity: Identity
    kid: str
    expires_at: float


def api_key_cache_key(api_key: str) -> str:
    return "gateway:api-key:" + hashlib.sha256(api_key.encode()).hexdigest()


def credential_of(request: Request) -> str | None:
    """The bearer token or API key the request carries, if any."""
    api_key = request.headers.get("x-api-key")
    if api_key:
        return api_key.strip()
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    if scheme:
        raise Unauthorized("use 'Authorization: Bearer <token>' or 'X-API-Key: <key>'")
    return None


class Authenticator:
    def __init__(self, settings: Settings, cache: Cache, auth: httpx.AsyncClient) -> None:
        self.settings = settings
        self.cache = cache
        self.auth = auth
        self._jwks_fetched_at = 0.0
        self._keys: dict[str, jwt.PyJWK] = {}
        self._keys_expire_at = 0.0
        self._verified: TLRUCache[str, _Verified] = TLRUCache(
            maxsize=VERIFIED_TOKENS, ttu=lambda _token, seen, _now: seen.expires_at, timer=time.time
        )

    async def identify(self, request: Request) -> Identity | None:
        credential = credential_of(request)
        if credential is None:
            return None
        if credential.startswith(API_KEY_PREFIX):
            return await self._api_key_identity(credential)
        return await self._token_identity(credential)

    async def _token_identity(self, token: str) -> Identity:
        seen = self._verified.get(token)
        if seen is not None and seen.kid in await self._current_keys():
            return seen.identity
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as exc:
            raise Unauthorized("the access token is malformed") from exc
        if header.get("alg") not in ALGORITHMS:
            raise Unauthorized(f"tokens must be signed with {', '.join(ALGORITHMS)}")
        kid = str(header.get("kid", ""))
        key = await self._public_key(kid)
        try:
            claims: dict[str, Any] = jwt.decode(
                token,
                key=key,
                algorithms=ALGORITHMS,
                audience=AUDIENCE,
                issuer=self.settings.public_url,
                options={"require": ["exp", "iat", "sub", "jti", "iss", "aud"]},
            )
        except jwt.ExpiredSignatureError as exc:
            raise Unauthorized("the access token has expired; refresh it") from exc
        except jwt.PyJWTError as exc:
            raise Unauthorized(f"the access token is not valid: {exc}") from exc
        role = claims.get("role")
        identity = Identity(
            subject=claims["sub"],
            kind="user",
            organization_id=claims.get("org_id"),
            role=Role(role) if role else None,
            token_id=claims["jti"],
        )
        self._verified[token] = _Verified(identity, kid, float(claims["exp"]))
        return identity

    async def _public_key(self, kid: str) -> jwt.PyJWK:
        keys = await self._current_keys()
        if (
            kid not in keys
            and time.monotonic() - self._jwks_fetched_at > JWKS_REFRESH_MIN_INTERVAL_S
        ):
            keys = await self._current_keys(refresh=True)
        if kid not in keys:
            raise Unauthorized("the access token was signed by an unknown or retired key")
        return keys[kid]

    async def _current_keys(self, *, refresh: bool = False) -> dict[str, jwt.PyJWK]:
        """Auth's published keys, parsed, kept in this process for the JWKS cache TTL."""
        if refresh or time.monotonic() >= self._keys_expire_at:
            published = await self._jwks(refresh=refresh)
            self._keys = {kid: jwt.PyJWK(key) for kid, key in published.items()}
            self._keys_expire_at = time.monotonic() + self.settings.jwks_cache_ttl_s
        return self._keys

    async def _jwks(self, *, refresh: bool) -> dict[str, dict[str, Any]]:
        cached = None if refresh else await self.cache.get("gateway:jwks")
        if cached is None:
            try:
                response = await self.auth.get(JWKS_PATH)
                response.raise_for_status()
            except httpx.HTTPError as exc:
                raise ServiceUnavailable("cannot verify tokens: Auth is unreachable") from exc
            cached = response.content
            self._jwks_fetched_at = time.monotonic()
            await self.cache.set("gateway:jwks", cached, self.settings.jwks_cache_ttl_s)
        return {key["kid"]: key for key in json.loads(cached)["keys"]}

    async def _api_key_identity(self, api_key: str) -> Identity:
        cache_key = api_key_cache_key(api_key)
        cached = await self.cache.get(cache_key)
        if cached is None:
            secret = self.settings.secret_key.get_secret_value()
            try:
                response = await self.auth.post(
                    INTROSPECT_PATH,
                    json={"api_key": api_key},
                    headers={INTERNAL_HEADER: internal_token(secret)},
                )
                response.raise_for_status()
            except httpx.HTTPError as exc:
                raise ServiceUnavailable("cannot verify API keys: Auth is unreachable") from exc
            cached = response.content
            await self.cache.set(cache_key, cached, API_KEY_CACHE_S)
        answer = json.loads(cached)
        if not answer.get("active"):
            raise Unauthorized("the API key is unknown or revoked")
        return Identity.model_validate(answer["identity"])
