"""Events: the envelope, the outbox and its relay, the buses, idempotent consumers."""

from ecotrack.core.config import Settings
from ecotrack.core.events.envelope import Event
from ecotrack.core.events.transport import Transport

BUS_FILE = "bus.db"
"""The embedded bus's log, in the data directory beside the services' databases."""


def create_transport(settings: Settings) -> Transport:
    """The bus the configuration asks for: Kafka when bootstrap servers are set, else the
    embedded bus, a durable log in ``<data_dir>/bus.db``."""
    if settings.kafka_bootstrap_servers:
        from ecotrack.core.events.kafka import KafkaTransport

        return KafkaTransport(
            settings.kafka_bootstrap_servers,
            topic_prefix=settings.kafka_topic_prefix,
            session_timeout_ms=settings.kafka_session_timeout_ms,
            retry_backoff_s=settings.consumer_backoff_s,
        )
    from ecotrack.core.events.embedded import EmbeddedTransport

    return EmbeddedTransport(
        settings.data_dir / BUS_FILE,
        settings.kafka_topic_prefix,
        poll_interval_s=settings.outbox_poll_interval_s,
        retry_backoff_s=settings.consumer_backoff_s,
    )


__all__ = ["BUS_FILE", "Event", "Transport", "create_transport"]
