"""Events: the envelope, the outbox and its relay, the buses, idempotent consumers."""

from ecotrack.core.config import Settings
from ecotrack.core.events.envelope import Event
from ecotrack.core.events.transport import Transport


def create_transport(settings: Settings) -> Transport:
    """The bus the configuration asks for: Kafka when bootstrap servers are set."""
    if settings.kafka_bootstrap_servers:
        from ecotrack.core.events.kafka import KafkaTransport

        return KafkaTransport(
            settings.kafka_bootstrap_servers,
            topic_prefix=settings.kafka_topic_prefix,
            session_timeout_ms=settings.kafka_session_timeout_ms,
        )
    from ecotrack.core.events.inprocess import InProcessTransport

    return InProcessTransport(settings.kafka_topic_prefix)


__all__ = ["Event", "Transport", "create_transport"]
