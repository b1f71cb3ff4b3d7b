"""Auth through the gateway: sign-up, login, refresh rotation, logout, keys, API keys, TOTP."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import uuid
from datetime import UTC, datetime, timedelta

import httpx
import jwt
import pyotp
import pytest
import sqlalchemy as sa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from accounts import PASSWORD, bearer, grant_membership, log_in, member_token, sign_up
from backends import free_port, serving, wait_for
from ecotrack.auth import tokens
from ecotrack.auth.models import Account, SigningKey
from ecotrack.core.config import Settings
from ecotrack.gateway.authn import api_key_cache_key
from ecotrack.platform import Platform
from hosting import gateway_client, running_platform

ME = "/api/v1/auth/api-keys"  # an admin-only route: 401 without identity, 403 for others


async def test_sign_up_then_log_in_with_the_password_grant(client: httpx.AsyncClient) -> None:
    email = f"{uuid.uuid4().hex[:8]}@Example.com"
    user_id = await sign_up(client, email)

    tokens_ = await log_in(client, email.upper())
    assert tokens_["token_type"] == "bearer"
    assert tokens_["expires_in"] == 900
    assert tokens_["refresh_token"]
    assert tokens_["organization_id"] is None
    claims = jwt.decode(tokens_["access_token"], options={"verify_signature": False})
    assert claims["sub"] == user_id
    assert claims["aud"] == "ecotrack"
    assert claims["iss"] == "http://localhost:8000"
    assert {"exp", "iat", "jti"} <= set(claims)


async def test_a_sign_up_answers_alike_whether_or_not_the_address_has_an_account(
    client: httpx.AsyncClient, platform: Platform
) -> None:
    email = f"{uuid.uuid4().hex[:8]}@example.com"
    signup = "/api/v1/auth/signup"
    first = await client.post(signup, json={"email": email, "password": PASSWORD, "name": "Ada"})
    again = await client.post(
        signup,
        json={"email": email.upper(), "password": "an entirely other passphrase", "name": "Eve"},
    )
    assert first.status_code == again.status_code == 202, (first.text, again.text)
    assert first.json() == again.json()
    assert first.json()["email"] == email
    assert "id" not in first.json()

    # The account is as its owner made it: their password logs in, the second one does not.
    await log_in(client, email)
    refused = await client.post(
        "/api/v1/auth/token",
        data={"username": email, "password": "an entirely other passphrase"},
    )
    assert refused.status_code == 401
    async with platform.runtimes["auth"].database.session() as session:
        accounts = (await session.scalars(sa.select(Account).where(Account.email == email))).all()
    assert [account.name for account in accounts] == ["Ada"]


GUESSABLE = [
    "1234567890",
    "password123",
    "qwertyuiop",
    "iloveyou12345",
    "abcdefghijk",
    "aaaaaaaaaaaa",
    "1q2w3e4r5t6y",
    "grace.hopper1",  # the person's own e-mail address
    "grace hopper",  # and name
    "ecotrack2024",
]


async def test_easily_guessed_passwords_are_refused(client: httpx.AsyncClient) -> None:
    email = "grace.hopper@example.com"
    for password in GUESSABLE:
        answer = await client.post(
            "/api/v1/auth/signup",
            json={"email": email, "password": password, "name": "Grace Hopper"},
        )
        assert answer.status_code == 422, (password, answer.text)
        problem = answer.json()
        assert problem["detail"].startswith("choose a password that is harder to guess")
        assert problem["errors"][0]["location"] == ["body", "password"]
        assert isinstance(problem["suggestions"], list)
    attempt = await client.post("/api/v1/auth/token", data={"username": email, "password": "x"})
    assert attempt.status_code == 401, "no account was made"
    strong = {"email": email, "password": "Navy compilers, 1952!", "name": "Grace Hopper"}
    assert (await client.post("/api/v1/auth/signup", json=strong)).status_code == 202


async def test_signup_rejects_bad_input_with_problems(client: httpx.AsyncClient) -> None:
    weak = await client.post(
        "/api/v1/auth/signup", json={"email": "a@example.com", "password": "short", "name": "A"}
    )
    assert weak.status_code == 422
    assert weak.json()["errors"][0]["location"] == ["body", "password"]
    not_email = await client.post(
        "/api/v1/auth/signup", json={"email": "nope", "password": PASSWORD, "name": "A"}
    )
    assert not_email.status_code == 422


async def test_login_errors_do_not_reveal_whether_an_account_exists(
    client: httpx.AsyncClient,
) -> None:
    email = f"{uuid.uuid4().hex[:8]}@example.com"
    await sign_up(client, email)
    wrong_password = await client.post(
        "/api/v1/auth/token", data={"username": email, "password": "not the password"}
    )
    no_account = await client.post(
        "/api/v1/auth/token", data={"username": "nobody@example.com", "password": "whatever1"}
    )
    assert wrong_password.status_code == no_account.status_code == 401
    assert wrong_password.json() == no_account.json()


async def test_logins_are_rate_limited_per_account(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    email = f"{uuid.uuid4().hex[:8]}@example.com"
    limit = int(settings.login_rate_limit_account.split("/")[0])
    for _ in range(limit):
        answer = await client.post("/api/v1/auth/token", data={"username": email, "password": "x"})
        assert answer.status_code == 401
    blocked = await client.post("/api/v1/auth/token", data={"username": email, "password": "x"})
    assert blocked.status_code == 429
    assert int(blocked.headers["retry-after"]) >= 1
    assert blocked.json()["retry_after"] >= 1


async def test_refresh_rotates_and_a_reused_token_revokes_its_family(
    client: httpx.AsyncClient,
) -> None:
    email = f"{uuid.uuid4().hex[:8]}@example.com"
    await sign_up(client, email)
    first = await log_in(client, email)

    rotated = await client.post(
        "/api/v1/auth/token",
        data={"grant_type": "refresh_token", "refresh_token": first["refresh_token"]},
    )
    assert rotated.status_code == 200
    second = rotated.json()
    assert second["refresh_token"] != first["refresh_token"]

    reused = await client.post(
        "/api/v1/auth/token",
        data={"grant_type": "refresh_token", "refresh_token": first["refresh_token"]},
    )
    assert reused.status_code == 401
    assert "already used" in reused.json()["detail"]
    after_theft = await client.post(
        "/api/v1/auth/token",
        data={"grant_type": "refresh_token", "refresh_token": second["refresh_token"]},
    )
    assert after_theft.status_code == 401, "the whole family is revoked"


async def test_logout_revokes_the_refresh_token(client: httpx.AsyncClient) -> None:
    email = f"{uuid.uuid4().hex[:8]}@example.com"
    await sign_up(client, email)
    session = await log_in(client, email)
    out = await client.post("/api/v1/auth/logout", json={"refresh_token": session["refresh_token"]})
    assert out.status_code == 204
    again = await client.post(
        "/api/v1/auth/token",
        data={"grant_type": "refresh_token", "refresh_token": session["refresh_token"]},
    )
    assert again.status_code == 401


async def test_a_token_names_one_organisation_and_the_role_held_there(
    client: httpx.AsyncClient, platform: Platform
) -> None:
    email = f"{uuid.uuid4().hex[:8]}@example.com"
    user_id = await sign_up(client, email)
    first_org, second_org = str(uuid.uuid4()), str(uuid.uuid4())
    await grant_membership(platform, first_org, user_id, "viewer")
    await grant_membership(platform, second_org, user_id, "admin")

    default = await log_in(client, email)
    assert (default["organization_id"], default["role"]) == (first_org, "viewer")
    chosen = await log_in(client, email, organization_id=second_org)
    assert (chosen["organization_id"], chosen["role"]) == (second_org, "admin")
    claims = jwt.decode(chosen["access_token"], options={"verify_signature": False})
    assert (claims["org_id"], claims["role"]) == (second_org, "admin")

    stranger = await client.post(
        "/api/v1/auth/token",
        data={"username": email, "password": PASSWORD, "organization_id": str(uuid.uuid4())},
    )
    assert stranger.status_code == 403


async def _signing_key(platform: Platform) -> tuple[SigningKey, Ed25519PrivateKey]:
    runtime = platform.runtimes["auth"]
    async with runtime.database.session() as session:
        key = await tokens.signing_key(session, runtime.settings)
    secret = runtime.settings.secret_key.get_secret_value()
    return key, tokens._private_key(key.private_key_pem, secret)


def _claims(settings: Settings, **overrides: object) -> dict[str, object]:
    now = datetime.now(UTC)
    claims: dict[str, object] = {
        "iss": settings.public_url,
        "sub": str(uuid.uuid4()),
        "aud": "ecotrack",
        "iat": now,
        "exp": now + timedelta(minutes=5),
        "jti": uuid.uuid4().hex,
        "org_id": None,
        "role": None,
    }
    claims.update(overrides)
    return claims


def _hs256_with(secret: bytes, claims: dict[str, object], kid: str) -> str:
    """The algorithm-confusion attack: HMAC 'signed' with the public key (PyJWT refuses)."""

    def part(value: object) -> str:
        raw = json.dumps(value, default=lambda d: int(d.timestamp())).encode()
        return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()

    signing_input = f"{part({'alg': 'HS256', 'typ': 'JWT', 'kid': kid})}.{part(claims)}"
    signature = hmac.new(secret, signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{base64.urlsafe_b64encode(signature).rstrip(b'=').decode()}"


async def test_forged_expired_and_misaddressed_tokens_get_401(
    client: httpx.AsyncClient, platform: Platform, settings: Settings
) -> None:
    email = f"{uuid.uuid4().hex[:8]}@example.com"
    await sign_up(client, email)
    await log_in(client, email)  # makes the signing key
    key, private_key = await _signing_key(platform)
    headers = {"kid": key.kid}

    def signed(**overrides: object) -> str:
        return jwt.encode(_claims(settings, **overrides), private_key, "EdDSA", headers=headers)

    genuine = signed()
    assert (await client.get(ME, headers=bearer(genuine))).status_code == 403

    unsigned = jwt.encode(_claims(settings), key=None, algorithm="none", headers=headers)
    stranger_key = Ed25519PrivateKey.generate()
    bad_signature = jwt.encode(_claims(settings), stranger_key, "EdDSA", headers=headers)
    hmac_confusion = _hs256_with(key.public_jwk.encode(), _claims(settings), key.kid)
    cases = {
        "alg none": unsigned,
        "bad signature": bad_signature,
        "HS256 with the public key": hmac_confusion,
        "wrong audience": signed(aud="someone-else"),
        "wrong issuer": signed(iss="https://evil.example.com"),
        "expired": signed(
            iat=datetime.now(UTC) - timedelta(hours=2), exp=datetime.now(UTC) - timedelta(hours=1)
        ),
        "unknown kid": jwt.encode(_claims(settings), private_key, "EdDSA", headers={"kid": "x"}),
        "garbage": "not.a.jwt",
    }
    for case, token in cases.items():
        answer = await client.get(ME, headers=bearer(token))
        assert answer.status_code == 401, case
        assert answer.headers["content-type"] == "application/problem+json", case


async def test_rotated_keys_keep_verifying_until_retired(settings: Settings) -> None:
    # The gateway keeps Auth's keys for the JWKS cache TTL: a second here, so that a
    # retirement reaches it within the test.
    async with (
        running_platform(settings.model_copy(update={"jwks_cache_ttl_s": 1.0})) as platform,
        gateway_client(platform) as client,
    ):
        tokens_, _, _ = await member_token(client, platform, "admin")
        old_token = tokens_["access_token"]
        old_kid = jwt.get_unverified_header(old_token)["kid"]
        runtime = platform.runtimes["auth"]
        async with runtime.database.session() as session:
            new_key = await tokens.rotate(session, runtime.settings)

        jwks = (await client.get("/.well-known/jwks.json")).json()
        assert {key["kid"] for key in jwks["keys"]} == {old_kid, new_key.kid}
        assert (await client.get(ME, headers=bearer(old_token))).status_code == 200

        # One token lifetime later the retired key leaves the JWKS, and once the gateway
        # has the new JWKS its tokens fail, verified before or not.
        async with runtime.database.session() as session:
            await session.execute(
                sa.update(SigningKey)
                .where(SigningKey.kid == old_kid)
                .values(retired_at=datetime.now(UTC) - timedelta(hours=1))
            )
        await platform.backends.cache.delete("gateway:jwks")
        jwks = (await client.get("/.well-known/jwks.json")).json()
        assert [key["kid"] for key in jwks["keys"]] == [new_key.kid]

        async def refused() -> bool:
            return (await client.get(ME, headers=bearer(old_token))).status_code == 401

        await wait_for(refused, within=30, interval=0.1)


async def test_a_third_party_verifies_tokens_from_discovery_and_jwks_alone(
    settings: Settings,
) -> None:
    """PyJWT's PyJWKClient, over real HTTP, knowing only the discovery document's URL."""
    port = free_port()
    platform = Platform(settings.model_copy(update={"public_url": f"http://127.0.0.1:{port}"}))
    await platform.migrate()
    async with serving(platform.gateway, port) as base, httpx.AsyncClient(base_url=base) as http:
        email = f"{uuid.uuid4().hex[:8]}@example.com"
        await sign_up(http, email)
        access = (await log_in(http, email))["access_token"]
        discovery = (await http.get("/.well-known/openid-configuration")).json()
        assert discovery["issuer"] == base
        jwks_client = jwt.PyJWKClient(discovery["jwks_uri"])
        signing_key = await asyncio.to_thread(jwks_client.get_signing_key_from_jwt, access)
    claims = jwt.decode(
        access,
        signing_key.key,
        algorithms=discovery["id_token_signing_alg_values_supported"],
        audience="ecotrack",
        issuer=discovery["issuer"],
    )
    assert claims["email"] == email


async def test_api_keys_are_shown_once_scoped_and_revocable(
    client: httpx.AsyncClient, platform: Platform
) -> None:
    admin, admin_id, organization_id = await member_token(client, platform, "admin")
    created = await client.post(
        "/api/v1/auth/api-keys",
        json={"name": "meter gateway", "scopes": ["readings:write"]},
        headers=bearer(admin["access_token"]),
    )
    assert created.status_code == 201, created.text
    body = created.json()
    raw_key = body["key"]
    assert raw_key.startswith(f"etk_{body['prefix']}_")
    assert body["created_by"] == admin_id

    listing = await client.get("/api/v1/auth/api-keys", headers=bearer(admin["access_token"]))
    assert [k["id"] for k in listing.json()] == [body["id"]]
    assert "key" not in listing.json()[0], "the key is shown once only"
    assert listing.json()[0]["last_used_at"] is None

    # The key authenticates (403: it lacks the admin scope, not 401) and is recorded as used.
    as_key = await client.get("/api/v1/auth/api-keys", headers={"X-API-Key": raw_key})
    assert as_key.status_code == 403
    assert "api_keys:admin" in as_key.json()["detail"]
    listing = await client.get("/api/v1/auth/api-keys", headers=bearer(admin["access_token"]))
    assert listing.json()[0]["last_used_at"] is not None

    bad_scope = await client.post(
        "/api/v1/auth/api-keys",
        json={"name": "x", "scopes": ["everything"]},
        headers=bearer(admin["access_token"]),
    )
    assert bad_scope.status_code == 422

    revoked = await client.delete(
        f"/api/v1/auth/api-keys/{body['id']}", headers=bearer(admin["access_token"])
    )
    assert revoked.status_code == 200
    assert revoked.json()["revoked_at"] is not None
    await platform.backends.cache.delete(api_key_cache_key(raw_key))  # the 30-second cache
    rejected = await client.get("/api/v1/auth/api-keys", headers={"X-API-Key": raw_key})
    assert rejected.status_code == 401
    assert (await client.get(ME, headers={"X-API-Key": "etk_0000_nonsense"})).status_code == 401

    editor, _, _ = await member_token(client, platform, "editor", organization_id)
    forbidden = await client.post(
        "/api/v1/auth/api-keys",
        json={"name": "x", "scopes": ["readings:write"]},
        headers=bearer(editor["access_token"]),
    )
    assert forbidden.status_code == 403


async def test_totp_second_factor(client: httpx.AsyncClient) -> None:
    email = f"{uuid.uuid4().hex[:8]}@example.com"
    await sign_up(client, email)
    access = bearer((await log_in(client, email))["access_token"])
    setup = await client.post("/api/v1/auth/totp/setup", headers=access)
    assert setup.status_code == 200
    assert setup.json()["otpauth_uri"].startswith("otpauth://totp/EcoTrack:")
    totp = pyotp.TOTP(setup.json()["secret"])
    wrong_code = str((int(totp.now()) + 500_000) % 1_000_000).zfill(6)
    wrong = await client.post("/api/v1/auth/totp/enable", json={"code": wrong_code}, headers=access)
    assert wrong.status_code == 401
    enabled = await client.post(
        "/api/v1/auth/totp/enable", json={"code": totp.now()}, headers=access
    )
    assert enabled.status_code == 204

    without_code = await client.post(
        "/api/v1/auth/token", data={"username": email, "password": PASSWORD}
    )
    assert without_code.status_code == 401
    assert without_code.json()["mfa_required"] is True
    with_code = await log_in(client, email, totp=totp.now())
    assert with_code["access_token"]


@pytest.mark.parametrize("grant", ["client_credentials", ""])
async def test_unsupported_grants_are_bad_requests(client: httpx.AsyncClient, grant: str) -> None:
    answer = await client.post("/api/v1/auth/token", data={"grant_type": grant})
    assert answer.status_code == 400


async def test_a_verified_token_is_refused_once_it_expires(settings: Settings) -> None:
    """The gateway remembers verified tokens, each only until its own expiry."""
    async with (
        running_platform(settings.model_copy(update={"access_token_ttl_s": 8})) as platform,
        gateway_client(platform) as client,
    ):
        tokens_, _, _ = await member_token(client, platform, "admin")
        token = tokens_["access_token"]
        assert (await client.get(ME, headers=bearer(token))).status_code == 200
        assert (await client.get(ME, headers=bearer(token))).status_code == 200

        async def expired() -> bool:
            answer = await client.get(ME, headers=bearer(token))
            return answer.status_code == 401 and "expired" in answer.json()["detail"]

        await wait_for(expired, within=30, interval=0.2)
