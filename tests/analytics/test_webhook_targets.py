"""Webhooks reach public addresses only: refused at registration and again at delivery.

Every spelling of an internal address is tried (loopback by number, name, decimal and
hex, unspecified, metadata, private, link-local, multicast, reserved, and IPv6 forms that
embed an IPv4 address), a name our test resolver maps to loopback, and a name that
answers a public address to the registration and loopback to the delivery (DNS
rebinding). Nothing here connects anywhere but 127.0.0.1; the "public" answers are never
dialled.
"""

from __future__ import annotations

from collections.abc import Sequence
from ipaddress import ip_address, ip_network
from typing import Any

import httpx
import pytest
from analytics_api import API, as_member
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from backends import serving, wait_for
from ecotrack.analytics import egress, webhooks
from ecotrack.analytics.models import WebhookEndpoint
from ecotrack.core.config import Settings
from ecotrack.core.events import Event
from ecotrack.platform import Platform

PUBLIC = "93.184.215.14"  # a global address; only ever an answer, never dialled here

REFUSED_URLS = [
    "http://127.0.0.1/hook",
    "http://127.8.9.10:8080/hook",
    "http://localhost/hook",
    "http://LocalHost:8080/hook",
    "http://loopback.hooks.test/hook",  # our resolver: 127.0.0.1
    "http://both.hooks.test/hook",  # our resolver: a public address and 127.0.0.1
    "http://2130706433/hook",
    "http://0x7f.0.0.1/hook",
    "http://0177.0.0.1/hook",
    "http://127.1/hook",
    "http://0.0.0.0/hook",
    "http://0/hook",
    "http://0.1.2.3/hook",
    "http://169.254.169.254/latest/meta-data/",
    "http://100.100.100.200/latest/meta-data/",
    "http://10.0.0.5/hook",
    "http://172.16.1.1/hook",
    "http://192.168.1.1/hook",
    "http://100.64.0.1/hook",
    "http://224.0.0.1/hook",
    "http://240.0.0.1/hook",
    "http://255.255.255.255/hook",
    "http://[::1]/hook",
    "http://[::]/hook",
    "http://[::ffff:127.0.0.1]/hook",
    "http://[::ffff:169.254.169.254]/hook",
    "http://[::127.0.0.1]/hook",
    "http://[64:ff9b::127.0.0.1]/hook",
    "http://[64:ff9b::a9fe:a9fe]/hook",
    "http://[2002:7f00:1::1]/hook",
    "http://[fd00:ec2::254]/hook",
    "http://[fc00::1]/hook",
    "http://[fe80::1]/hook",
    "http://[fec0::1]/hook",
    "http://[ff02::1]/hook",
    "http://[2001:db8::1]/hook",
    # what the URL may not be, whatever the address
    f"http://{PUBLIC}:22/hook",
    f"http://{PUBLIC}:25/hook",
    f"https://user:secret@{PUBLIC}/hook",
]
ACCEPTED_URLS = [
    f"https://{PUBLIC}/hook",
    f"http://{PUBLIC}:8080/hook",
    "https://public.hooks.test/hook",  # our resolver: a public address
    "https://missing.hooks.test/hook",  # does not resolve: checked again at each delivery
]


@pytest.fixture(autouse=True)
def resolver(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Names under hooks.test resolve here, without DNS; how often each was asked."""
    answers: dict[str, list[list[str]]] = {
        "loopback.hooks.test": [["127.0.0.1"]],
        "both.hooks.test": [[PUBLIC, "127.0.0.1"]],
        "public.hooks.test": [[PUBLIC]],
        # public to the first question (the registration), loopback from then on
        "rebinding.hooks.test": [[PUBLIC], ["127.0.0.1"]],
    }
    asked: dict[str, int] = {}
    system = egress.resolve

    async def resolve(host: str, port: int) -> Sequence[egress.IPAddress]:
        if not host.endswith(".hooks.test"):
            return await system(host, port)
        count = asked[host] = asked.get(host, 0) + 1
        if host not in answers:
            raise egress.HostNotFound(host)
        sequence = answers[host]
        return [ip_address(a) for a in sequence[min(count, len(sequence)) - 1]]

    monkeypatch.setattr(egress, "resolve", resolve)
    monkeypatch.setattr(webhooks, "MAX_ATTEMPTS", 2)
    monkeypatch.setattr(webhooks, "BACKOFF_S", 0.05)
    monkeypatch.setattr(webhooks, "POLL_S", 0.05)
    return asked


def test_the_policy_judges_what_an_address_is_not_how_it_is_written() -> None:
    default = egress.AddressPolicy()
    on_premise = egress.AddressPolicy(allow_private_networks=True)
    listed = egress.AddressPolicy(allowed_networks=(ip_network("127.0.0.0/8"),))
    cases = {
        # address: (default, private networks allowed, 127.0.0.0/8 listed)
        "8.8.8.8": (None, None, None),
        "2606:4700::1111": (None, None, None),
        "::ffff:8.8.8.8": (None, None, None),
        "64:ff9b::808:808": (None, None, None),
        "127.0.0.1": ("a loopback address", "a loopback address", None),
        "::ffff:127.0.0.1": ("a loopback address", "a loopback address", None),
        "::1": ("a loopback address", "a loopback address", "a loopback address"),
        "0.0.0.0": ("an unspecified address",) * 3,  # noqa: S104 - an address judged
        "::": ("an unspecified address",) * 3,
        "0.1.2.3": ("an unspecified address",) * 3,
        "169.254.169.254": ("a cloud metadata address",) * 3,
        "::ffff:169.254.169.254": ("a cloud metadata address",) * 3,
        "fd00:ec2::254": ("a cloud metadata address",) * 3,
        "100.100.100.200": ("a cloud metadata address",) * 3,
        "169.254.1.1": ("a link-local address",) * 3,
        "fe80::1": ("a link-local address",) * 3,
        "224.0.0.1": ("a multicast address",) * 3,
        "ff02::1": ("a multicast address",) * 3,
        "240.0.0.1": ("a reserved address",) * 3,
        "fec0::1": ("a site-local address",) * 3,
        "10.1.2.3": ("a private address", None, "a private address"),
        "192.168.0.1": ("a private address", None, "a private address"),
        "100.64.0.1": ("a private address", None, "a private address"),
        "fd12:3456::1": ("a private address", None, "a private address"),
        "::127.0.0.1": ("a loopback address", "a loopback address", None),
        "64:ff9b::7f00:1": ("a loopback address", "a loopback address", None),
        "2002:7f00:1::1": ("a loopback address", "a loopback address", None),
        "2002:a00:1::1": ("a private address", None, "a private address"),
        "2002:808:808::1": (None, None, None),
    }
    for address, expected in cases.items():
        judged = tuple(p.refusal(ip_address(address)) for p in (default, on_premise, listed))
        assert judged == expected, address


async def _register(
    analytics: httpx.AsyncClient, headers: dict[str, str], url: str
) -> httpx.Response:
    return await analytics.post(
        f"{API}/webhooks", json={"url": url, "event_types": ["period.closed"]}, headers=headers
    )


async def test_registration_refuses_every_spelling_of_an_internal_target(
    analytics: httpx.AsyncClient, settings: Settings, resolver: dict[str, int]
) -> None:
    headers = as_member(settings, "org-hook-targets")
    for url in REFUSED_URLS:
        answer = await _register(analytics, headers, url)
        assert answer.status_code == 422, (url, answer.text)
        problem = answer.json()
        assert problem["type"].endswith("/unprocessable-content"), url
        assert problem["detail"].startswith("webhooks cannot be delivered to this URL"), url
    for url in ACCEPTED_URLS:
        answer = await _register(analytics, headers, url)
        assert answer.status_code == 201, (url, answer.text)
    listed = await analytics.get(f"{API}/webhooks", headers=headers)
    assert sorted(hook["url"] for hook in listed.json()) == sorted(ACCEPTED_URLS)
    assert resolver["loopback.hooks.test"] == 1


def _receiver(received: list[bytes]) -> Starlette:
    async def hook(request: Request) -> Response:
        received.append(await request.body())
        return Response(status_code=204)

    return Starlette(routes=[Route("/hook", hook, methods=["POST"])])


def _closed(org: str) -> Event:
    return Event.new(
        "period.closed",
        source="carbon",
        tenant=org,
        data={"organization_id": org, "period": "2024", "closed_by": "user-1"},
    )


async def _failed(analytics: httpx.AsyncClient, headers: dict[str, str], hook_id: str) -> Any:
    async def settled() -> Any:
        answer = await analytics.get(f"{API}/webhooks/{hook_id}/deliveries", headers=headers)
        rows = answer.json()
        return rows[0] if rows and rows[0]["status"] == "failed" else None

    return await wait_for(settled)


async def test_by_default_a_local_receiver_is_refused_at_registration_and_at_delivery(
    platform: Platform, analytics: httpx.AsyncClient, settings: Settings
) -> None:
    org = "org-hook-local"
    headers = as_member(settings, org)
    received: list[bytes] = []
    async with serving(_receiver(received)) as url:
        answer = await _register(analytics, headers, f"{url}/hook")
        assert answer.status_code == 422, answer.text
        assert "resolves to a loopback address" in answer.json()["detail"]

        # A row registered before this check existed is refused when it is delivered.
        async with platform.runtimes["analytics"].database.session() as session:
            endpoint = WebhookEndpoint(
                organization_id=org,
                url=f"{url}/hook",
                event_types=["period.closed"],
                secret="0" * 64,
                description="from before",
            )
            session.add(endpoint)
            await session.flush()
            endpoint_id = endpoint.id
        await platform.backends.transport.publish([_closed(org)])
        failed = await _failed(analytics, headers, endpoint_id)

    assert not received
    assert (failed["attempts"], failed["last_status_code"]) == (2, None)
    assert failed["last_error"] == "not allowed address"


async def test_a_name_that_rebinds_to_loopback_after_registration_is_refused(
    platform: Platform,
    analytics: httpx.AsyncClient,
    settings: Settings,
    resolver: dict[str, int],
) -> None:
    org = "org-hook-rebinding"
    headers = as_member(settings, org)
    received: list[bytes] = []
    async with serving(_receiver(received)) as url:
        port = httpx.URL(url).port
        answer = await _register(analytics, headers, f"http://rebinding.hooks.test:{port}/hook")
        assert answer.status_code == 201, answer.text  # it answered a public address then
        await platform.backends.transport.publish([_closed(org)])
        failed = await _failed(analytics, headers, answer.json()["id"])

    assert not received, "the loopback receiver was never reached"
    assert failed["last_error"] == "not allowed address"
    assert resolver["rebinding.hooks.test"] == 1 + failed["attempts"]  # once per attempt
