"""What the outbox relay and consumers need from an event bus, and the two buses.

Topics are one per event family (``ecotrack.activity`` carries ``activity.*``), keyed by
tenant so one tenant's events keep their order. Each consumer group reads every topic
it subscribes to from the beginning the first time it runs, so a new read model can
be built from history.

Every bus gives the same delivery guarantee: ``publish`` returns only once the events
are durable for their consumers, and a group's position moves past an event only after
its handler returned (the consumer's transaction committed). A handler that raises is
given the same events again after a pause, however often it takes: at-least-once,
which idempotent consumers turn into exactly-once effects.
"""

from __future__ import annotations

import abc
import asyncio
import contextlib
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from sqlalchemy.exc import DBAPIError

from ecotrack.core.events.envelope import Event

Handler = Callable[[Sequence[Event]], Awaitable[None]]
"""Takes a batch of a group's events, in bus order."""


@dataclass(frozen=True)
class DeadLetter:
    group: str
    reason: str
    event: Event | None
    raw: bytes


MAX_RETRY_DELAY_S = 5.0
"""The longest pause before a bus hands a failed batch to its handler again."""


def retry_delay(backoff_s: float, failures: int) -> float:
    """Exponential pause after ``failures`` failed deliveries in a row, capped."""
    delay: float = max(backoff_s, 0.001) * 2.0 ** min(failures - 1, 32)
    return min(delay, MAX_RETRY_DELAY_S)


def describe_failure(exc: BaseException) -> str:
    """An exception's kind for logs, without its text: a database error's message can
    carry statement parameters (personal data, secrets)."""
    if isinstance(exc, DBAPIError):
        return f"{type(exc).__name__} ({type(exc.orig).__name__})"
    return type(exc).__name__


class Subscription:
    """A running consumer: the task that feeds the group's handler, until stopped."""

    def __init__(self, task: asyncio.Task[None]) -> None:
        self._task = task

    @property
    def task(self) -> asyncio.Task[None]:
        return self._task

    async def stop(self) -> None:
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task


class Transport(abc.ABC):
    """An event bus: durable publish, consumer groups, a dead-letter topic per family."""

    kind: str

    def __init__(self, topic_prefix: str = "ecotrack") -> None:
        self.topic_prefix = topic_prefix

    def topic_for(self, family: str) -> str:
        return f"{self.topic_prefix}.{family}"

    def dead_letter_topic_for(self, family: str) -> str:
        return f"{self.topic_for(family)}.dlq"

    async def start(self) -> None:  # noqa: B027 - optional hook, most buses need it
        """Connect; the default has nothing to connect."""

    async def stop(self) -> None:  # noqa: B027 - optional hook
        """Disconnect and stop every subscription."""

    @abc.abstractmethod
    async def ping(self) -> None:
        """Raise if the bus cannot be reached."""

    @abc.abstractmethod
    async def publish(self, events: Sequence[Event]) -> None:
        """Return only once every event is durably on the bus."""

    @abc.abstractmethod
    async def subscribe(
        self, group: str, families: Sequence[str], handler: Handler, *, max_batch: int = 100
    ) -> Subscription:
        """Feed the events of these families to ``handler``, in order per tenant.

        Each call gets what is waiting, up to ``max_batch`` events. They count as
        consumed once ``handler`` returns; if it raises, or the process dies before
        that, the group sees them again.
        """

    @abc.abstractmethod
    async def dead_letter(self, group: str, event: Event | None, raw: bytes, reason: str) -> None:
        """Park an event its consumer could not apply, with the reason."""

    @abc.abstractmethod
    async def read_all(self, family: str) -> list[Event]:
        """Every event on a family's topic, from the start to now, without a group."""

    @abc.abstractmethod
    async def read_dead_letters(self, family: str) -> list[DeadLetter]:
        """What sits in a family's dead-letter topic (for operators and tests)."""
