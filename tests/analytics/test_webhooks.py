"""Webhooks delivered to real HTTP(S) receivers: signed, retried, then marked failed."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import ssl
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from ipaddress import ip_address, ip_network
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from analytics_api import API, as_member
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from backends import free_port, serving, wait_for
from ecotrack.analytics import egress, webhooks
from ecotrack.core.config import Settings
from ecotrack.core.events import Event
from ecotrack.platform import Platform


def _receiver(status: int, received: list[dict[str, Any]]) -> Starlette:
    async def hook(request: Request) -> Response:
        received.append({"headers": dict(request.headers), "body": await request.body()})
        return Response(status_code=status)

    return Starlette(routes=[Route("/hook", hook, methods=["POST"])])


def _verified(secret: str, headers: dict[str, str], body: bytes) -> bool:
    parts = dict(part.split("=", 1) for part in headers["ecotrack-signature"].split(","))
    expected = hmac.new(secret.encode(), f"{parts['t']}.".encode() + body, hashlib.sha256)
    fresh = abs(time.time() - int(parts["t"])) < 300
    return fresh and hmac.compare_digest(parts["v1"], expected.hexdigest())


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """The receivers here listen on loopback: allowed as an operator would for its own host.

    By default webhooks reach public addresses only (test_webhook_targets.py).
    """
    return settings.model_copy(update={"webhook_allowed_networks": [ip_network("127.0.0.0/8")]})


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(webhooks, "MAX_ATTEMPTS", 3)
    monkeypatch.setattr(webhooks, "BACKOFF_S", 0.05)
    monkeypatch.setattr(webhooks, "POLL_S", 0.05)


async def _register(analytics: httpx.AsyncClient, headers: dict[str, str], url: str) -> Any:
    created = await analytics.post(
        f"{API}/webhooks", json={"url": url, "event_types": ["period.closed"]}, headers=headers
    )
    assert created.status_code == 201, created.text
    return created.json()


def _closed(org: str) -> Event:
    return Event.new(
        "period.closed",
        source="carbon",
        tenant=org,
        data={"organization_id": org, "period": "2024", "closed_by": "user-1"},
    )


async def test_a_delivery_is_signed_and_a_failing_receiver_is_retried_then_failed(
    platform: Platform, analytics: httpx.AsyncClient, settings: Settings
) -> None:
    org = "org-hooks"
    headers = as_member(settings, org)
    good: list[dict[str, Any]] = []
    bad: list[dict[str, Any]] = []
    async with serving(_receiver(204, good)) as good_url, serving(_receiver(500, bad)) as bad_url:
        ok = await _register(analytics, headers, f"{good_url}/hook")
        failing = await _register(analytics, headers, f"{bad_url}/hook")
        assert len(ok["secret"]) == 64
        listed = (await analytics.get(f"{API}/webhooks", headers=headers)).json()
        assert all("secret" not in hook for hook in listed)

        event = _closed(org)
        await platform.backends.transport.publish([event, _closed("org-elsewhere")])

        async def log_of(hook: Any, status: str) -> Any:
            answer = await analytics.get(f"{API}/webhooks/{hook['id']}/deliveries", headers=headers)
            rows = answer.json()
            return rows if rows and rows[0]["status"] == status else None

        (delivered,) = await wait_for(lambda: log_of(ok, "delivered"))
        (failed,) = await wait_for(lambda: log_of(failing, "failed"))

    assert delivered["attempts"] == 1
    (request,) = good
    assert request["headers"]["ecotrack-event-type"] == "period.closed"
    assert _verified(ok["secret"], request["headers"], request["body"])
    assert not _verified(failing["secret"], request["headers"], request["body"])
    assert Event.from_json(request["body"]).id == event.id

    assert (failed["attempts"], failed["last_status_code"]) == (3, 500)
    assert failed["last_error"] == "HTTP 500"
    assert len(bad) == 3

    other = as_member(settings, "org-other")
    assert (await analytics.get(f"{API}/webhooks/{ok['id']}", headers=other)).status_code == 404
    assert (
        await analytics.delete(f"{API}/webhooks/{ok['id']}", headers=headers)
    ).status_code == 204


async def _deliveries(analytics: httpx.AsyncClient, headers: dict[str, str], hook: Any) -> Any:
    answer = await analytics.get(f"{API}/webhooks/{hook['id']}/deliveries", headers=headers)
    assert answer.status_code == 200, answer.text
    return answer.json()


async def _settled(analytics: httpx.AsyncClient, headers: dict[str, str], hook: Any) -> Any:
    """The webhook's one delivery, once it is delivered or has failed for good."""

    async def done() -> Any:
        rows = await _deliveries(analytics, headers, hook)
        return rows[0] if rows and rows[0]["status"] in {"delivered", "failed"} else None

    return await wait_for(done)


async def test_redirects_are_not_followed_and_the_log_says_little(
    platform: Platform,
    analytics: httpx.AsyncClient,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(webhooks, "TIMEOUT_S", 0.3)
    org = "org-hook-errors"
    headers = as_member(settings, org)
    reached: list[dict[str, Any]] = []
    release = asyncio.Event()

    async def moved(request: Request) -> Response:
        return Response(status_code=302, headers={"Location": f"{target_url}/hook"})

    async def broken(request: Request) -> Response:
        return Response("Traceback: psycopg.OperationalError at db.internal:5432", status_code=500)

    async def stalled(request: Request) -> Response:
        await release.wait()
        return Response(status_code=204)

    routes = [
        Route("/moved", moved, methods=["POST"]),
        Route("/broken", broken, methods=["POST"]),
        Route("/stalled", stalled, methods=["POST"]),
    ]
    closed_port = free_port()  # nothing listens there
    async with (
        serving(_receiver(204, reached)) as target_url,
        serving(Starlette(routes=routes)) as url,
    ):
        hooks = {
            name: await _register(analytics, headers, f"{url}/{name}")
            for name in ("moved", "broken", "stalled")
        }
        hooks["closed"] = await _register(
            analytics, headers, f"http://127.0.0.1:{closed_port}/hook"
        )
        await platform.backends.transport.publish([_closed(org)])
        try:
            settled = {name: await _settled(analytics, headers, h) for name, h in hooks.items()}
        finally:
            release.set()  # the receiver stops only once its requests are answered

    assert not reached, "a redirect is never followed"
    outcome = {
        name: (row["status"], row["attempts"], row["last_status_code"], row["last_error"])
        for name, row in settled.items()
    }
    assert outcome == {
        "moved": ("failed", 3, 302, "HTTP 302"),
        "broken": ("failed", 3, 500, "HTTP 500"),
        "stalled": ("failed", 3, None, "timed out"),
        "closed": ("failed", 3, None, "connection refused"),
    }


def _certificate_authority(tmp_path: Path, name: str) -> tuple[Path, Path, Path]:
    """A CA and a server certificate for ``name`` signed by it: (ca, cert, key) files."""
    now = datetime.now(UTC)

    def certificate(
        subject: str, key: ec.EllipticCurvePrivateKey, issuer: x509.Name, signer: Any, ca: bool
    ) -> x509.Certificate:
        builder = (
            x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
            .issuer_name(issuer)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(minutes=5))
            .not_valid_after(now + timedelta(hours=1))
            .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        )
        if ca:
            usage = x509.KeyUsage(
                digital_signature=True, key_cert_sign=True, crl_sign=True,
                content_commitment=False, key_encipherment=False, data_encipherment=False,
                key_agreement=False, encipher_only=False, decipher_only=False,
            )  # fmt: skip
            builder = builder.add_extension(usage, critical=True)
            builder = builder.add_extension(
                x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False
            )
        else:
            builder = builder.add_extension(
                x509.SubjectAlternativeName([x509.DNSName(subject)]), critical=False
            )
            builder = builder.add_extension(
                x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False
            )
            builder = builder.add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(signer.public_key()),
                critical=False,
            )
        return builder.sign(signer, hashes.SHA256())

    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "EcoTrack test CA")])
    ca_cert = certificate("EcoTrack test CA", ca_key, ca_name, ca_key, True)
    key = ec.generate_private_key(ec.SECP256R1())
    cert = certificate(name, key, ca_name, ca_key, False)
    files = tmp_path / "ca.pem", tmp_path / "cert.pem", tmp_path / "key.pem"
    files[0].write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    files[1].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    files[2].write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return files


@asynccontextmanager
async def _serving_tls(app: Any, cert: Path, key: Path) -> AsyncIterator[int]:
    """Serve ``app`` over HTTPS on 127.0.0.1; yields the port."""
    port = free_port()
    config = uvicorn.Config(
        app,
        host="127.0.0.1",
        port=port,
        log_config=None,
        ssl_certfile=str(cert),
        ssl_keyfile=str(key),
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    try:
        await wait_for(lambda: _started(server, task))
        yield port
    finally:
        server.should_exit = True
        await task


async def _started(server: uvicorn.Server, task: asyncio.Task[None]) -> bool:
    assert not task.done(), "the TLS receiver stopped while starting"
    return bool(server.started)


NAME = "hooks.example.test"


@pytest.fixture
def test_ca(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """Deliveries trust a test CA whose server certificate names NAME (before the platform
    starts its delivery job); NAME and a name the certificate does not carry resolve to
    127.0.0.1 through the resolver every check uses, and nowhere else."""
    ca, cert, key = _certificate_authority(tmp_path, NAME)
    monkeypatch.setattr(webhooks, "tls_context", lambda: ssl.create_default_context(cafile=ca))
    names = {NAME: [ip_address("127.0.0.1")], "other.example.test": [ip_address("127.0.0.1")]}
    system = egress.resolve

    async def resolve(host: str, port: int) -> list[egress.IPAddress]:
        return names[host] if host in names else list(await system(host, port))

    monkeypatch.setattr(egress, "resolve", resolve)
    return cert, key


async def test_a_name_is_dialled_at_its_checked_address_with_tls_on_the_name(
    test_ca: tuple[Path, Path], platform: Platform, analytics: httpx.AsyncClient, settings: Settings
) -> None:
    """The socket goes to the address the check saw (NAME exists only in our resolver),
    while Host, SNI and the certificate check stay on the name: the certificate names
    NAME and not 127.0.0.1, so it verifies only if the handshake was made for NAME."""
    org = "org-hook-tls"
    headers = as_member(settings, org)
    received: list[dict[str, Any]] = []
    async with _serving_tls(_receiver(204, received), *test_ca) as port:
        named = await _register(analytics, headers, f"https://{NAME}:{port}/hook")
        wrong = await _register(analytics, headers, f"https://other.example.test:{port}/hook")
        await platform.backends.transport.publish([_closed(org)])
        delivered = await _settled(analytics, headers, named)
        refused = await _settled(analytics, headers, wrong)

    assert (delivered["status"], delivered["attempts"]) == ("delivered", 1)
    (request,) = received
    assert request["headers"]["host"] == f"{NAME}:{port}"
    assert request["headers"]["user-agent"] == webhooks.USER_AGENT
    assert (refused["status"], refused["last_error"]) == ("failed", "TLS handshake failed")
