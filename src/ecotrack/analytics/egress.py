"""Where webhooks may connect: public addresses only, checked on the address dialled.

A webhook URL is an organisation's input, and the platform runs inside a network (its
own services and databases, the cloud's metadata endpoint) that such a URL must never
reach. So a delivery goes out only when:

- the URL is ``http`` or ``https``, carries no credentials, and names port 80, 443 or a
  port from 1024 to 65535 (the system ports below 1024, such as SSH, SMTP or LDAP, are
  refused);
- every address the host resolves to is public by Python's ``ipaddress`` properties: not
  unspecified, loopback, link-local, multicast, reserved, site-local or otherwise
  non-global (private), and never a cloud metadata address. An IPv6 address that embeds
  an IPv4 address (IPv4-mapped, IPv4-compatible, NAT64, 6to4, Teredo) is judged by the
  IPv4 address as well.

The check runs inside an httpcore network backend, when a connection is opened: the host
is resolved once, every answer is checked, and the socket goes to exactly the addresses
that were checked, so a name that answers differently the next time (DNS rebinding)
gains nothing. The URL, and so the ``Host`` header, TLS SNI and the certificate check,
keep the name. httpcore follows no redirects and reads no proxy settings from the
environment.

An operator may allow private addresses (``ECOTRACK_WEBHOOK_ALLOW_PRIVATE_NETWORKS``, for
on-premise installs) or list networks that are allowed whatever they are
(``ECOTRACK_WEBHOOK_ALLOWED_NETWORKS``); metadata addresses stay refused either way.
"""

from __future__ import annotations

import asyncio
import socket
import ssl
import typing
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from ipaddress import (
    IPv4Address,
    IPv4Network,
    IPv6Address,
    IPv6Network,
    ip_address,
    ip_network,
)

import httpcore
import httpx

from ecotrack.core.config import Settings

IPAddress = IPv4Address | IPv6Address
IPNetwork = IPv4Network | IPv6Network
Resolver = Callable[[str, int], Awaitable[Sequence[IPAddress]]]
"""``(host, port)`` to the addresses it resolves to; raises :class:`HostNotFound`."""

SCHEMES = ("http", "https")
DEFAULT_PORTS = {"http": 80, "https": 443}
LOW_PORTS_ALLOWED = frozenset({80, 443})
FIRST_UNPRIVILEGED_PORT = 1024

# Instance metadata services, refused whatever the settings: AWS (IPv4 and IPv6 IMDS, ECS
# task metadata, EKS pod identity), Azure, Google Cloud, Oracle and others on
# 169.254.169.254, and Alibaba Cloud.
METADATA = frozenset(
    ip_address(address)
    for address in (
        "169.254.169.254",
        "169.254.170.2",
        "169.254.170.23",
        "fd00:ec2::254",
        "fd00:ec2::23",
        "100.100.100.200",
    )
)
_THIS_NETWORK = ip_network("0.0.0.0/8")  # "this host on this network": never a destination
_IPV4_COMPATIBLE = ip_network("::/96")
_NAT64 = (ip_network("64:ff9b::/96"), ip_network("64:ff9b:1::/48"))


class NotAllowed(Exception):
    """The target is one webhooks may not reach; the message says why, for the owner."""


class HostNotFound(Exception):
    """The host did not resolve to any address."""


def _embedded_ipv4(address: IPv6Address) -> tuple[list[IPv4Address], bool]:
    """IPv4 addresses inside ``address``, and whether one of them is its real destination.

    IPv4-mapped, IPv4-compatible and NAT64 addresses are another spelling of (or a
    translation to) one IPv4 address; 6to4 and Teredo addresses carry one (or two) but
    remain IPv6 destinations of their own.
    """
    if address.ipv4_mapped is not None:
        return [address.ipv4_mapped], True
    if address in _IPV4_COMPATIBLE and int(address) > 1:  # not :: or ::1
        return [IPv4Address(int(address) & 0xFFFFFFFF)], True
    if any(address in prefix for prefix in _NAT64):
        return [IPv4Address(int(address) & 0xFFFFFFFF)], True
    found: list[IPv4Address] = []
    if address.sixtofour is not None:
        found.append(address.sixtofour)
    if address.teredo is not None:
        found.extend(address.teredo)
    return found, False


def _special(address: IPAddress) -> str | None:
    if address.is_unspecified or address in _THIS_NETWORK:
        return "an unspecified address"
    if address.is_loopback:
        return "a loopback address"
    if address.is_link_local:
        return "a link-local address"
    if address.is_multicast:
        return "a multicast address"
    if isinstance(address, IPv6Address) and address.is_site_local:
        return "a site-local address"
    if address.is_reserved:
        return "a reserved address"
    return None


def dialled(address: IPAddress) -> IPAddress:
    """The address a socket is opened to: an IPv4-mapped address as its IPv4 address."""
    if isinstance(address, IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


@dataclass(frozen=True)
class AddressPolicy:
    """Which addresses webhooks may reach (docs/operations.md, "Webhook targets")."""

    allow_private_networks: bool = False
    allowed_networks: tuple[IPNetwork, ...] = ()

    @classmethod
    def from_settings(cls, settings: Settings) -> AddressPolicy:
        return cls(
            allow_private_networks=settings.webhook_allow_private_networks,
            allowed_networks=tuple(settings.webhook_allowed_networks),
        )

    def refusal(self, address: IPAddress) -> str | None:
        """Why webhooks may not reach ``address`` (a phrase), or None if they may."""
        if address in METADATA:
            return "a cloud metadata address"
        if isinstance(address, IPv6Address):
            embedded, is_destination = _embedded_ipv4(address)
            for inner in embedded:
                if (reason := self.refusal(inner)) is not None:
                    return reason
            if is_destination:
                return None
        if any(address in network for network in self.allowed_networks):
            return None
        if (reason := _special(address)) is not None:
            return reason
        if address.is_global or self.allow_private_networks:
            return None
        return "a private address"

    async def addresses(self, host: str, port: int) -> list[IPAddress]:
        """What ``host`` resolves to, if every answer may be reached, in the order given.

        One refused answer refuses the host: a name must not pass by listing a public
        address beside an internal one.
        """
        answers = await resolve(host, port)
        if not answers:
            raise HostNotFound(host)
        for answer in answers:
            if (reason := self.refusal(answer)) is not None:
                raise NotAllowed(f"{host} is or resolves to {reason}")
        return list(dict.fromkeys(dialled(answer) for answer in answers))


async def system_resolve(host: str, port: int) -> list[IPAddress]:
    """The operating system's answer (getaddrinfo), for literals and names alike.

    getaddrinfo also reads the legacy IPv4 spellings (``2130706433``, ``0x7f.0.0.1``,
    ``127.1``) as the addresses they are, so they are judged by what they mean.
    """
    try:
        return [ip_address(host)]
    except ValueError:
        pass
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:  # socket.gaierror is an OSError
        raise HostNotFound(host) from exc
    return list(dict.fromkeys(ip_address(info[4][0]) for info in infos))


resolve: Resolver = system_resolve
"""The resolver every check uses; a test replaces it to map names of its own."""


def parse(url: str) -> httpx.URL:
    """The URL, if its scheme, credentials and port are ones webhooks may use."""
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise NotAllowed("the URL cannot be parsed") from exc
    if parsed.scheme not in SCHEMES:
        raise NotAllowed("only http and https URLs are delivered to")
    if parsed.userinfo:
        raise NotAllowed("a webhook URL carries no credentials: deliveries are signed instead")
    if not parsed.host:
        raise NotAllowed("the URL has no host")
    port = port_of(parsed)
    if port < FIRST_UNPRIVILEGED_PORT and port not in LOW_PORTS_ALLOWED:
        raise NotAllowed(f"port {port} is not allowed: use 80, 443 or a port from 1024 to 65535")
    return parsed


def port_of(url: httpx.URL) -> int:
    return url.port or DEFAULT_PORTS[url.scheme]


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """Opens TCP connections only to addresses the policy allows, and only to those."""

    def __init__(self, policy: AddressPolicy) -> None:
        self._policy = policy
        self._inner = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,  # noqa: ASYNC109 - httpcore's interface
        local_address: str | None = None,
        socket_options: Iterable[typing.Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        failure: httpcore.ConnectError | None = None
        for address in await self._policy.addresses(host, port):
            try:
                return await self._inner.connect_tcp(
                    str(address),
                    port,
                    timeout=timeout,
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except httpcore.ConnectError as exc:  # the next address, as browsers do
                failure = exc
        assert failure is not None  # addresses() returns at least one
        raise failure

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,  # noqa: ASYNC109 - httpcore's interface
        socket_options: Iterable[typing.Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise NotAllowed("webhooks connect over TCP only")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


def connection_pool(policy: AddressPolicy, tls: ssl.SSLContext) -> httpcore.AsyncConnectionPool:
    """HTTP/1.1 connections through :class:`GuardedBackend`, pooled per host name."""
    return httpcore.AsyncConnectionPool(
        ssl_context=tls,
        max_connections=20,
        max_keepalive_connections=10,
        keepalive_expiry=30.0,
        retries=0,
        network_backend=GuardedBackend(policy),
    )


REGISTRATION_RESOLVE_S = 5.0


async def registration_refusal(url: str, policy: AddressPolicy) -> str | None:
    """Why a webhook may not be registered with ``url`` (for a 422), or None.

    A host that does not resolve (yet), or not within 5 s, is accepted: every delivery
    resolves it again and is refused then if it must be.
    """
    try:
        parsed = parse(url)
        async with asyncio.timeout(REGISTRATION_RESOLVE_S):
            await policy.addresses(parsed.raw_host.decode("ascii"), port_of(parsed))
    except NotAllowed as exc:
        return str(exc)
    except (HostNotFound, TimeoutError):
        return None
    return None
