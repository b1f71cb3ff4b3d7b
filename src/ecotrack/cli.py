"""The ``ecotrack`` command: run the platform, one service, migrations, demo data, meters."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Annotated, Any

import typer
import uvicorn
from fastapi import FastAPI

from ecotrack.analytics.projection import rebuild
from ecotrack.auth import tokens
from ecotrack.core.config import Settings, get_settings
from ecotrack.core.http import (
    create_service_app,
    server_config,
    server_loop,
    standalone_lifespan,
)
from ecotrack.core.migrations import new_revision
from ecotrack.core.runtime import Backends, ServiceRuntime
from ecotrack.core.telemetry import configure_telemetry
from ecotrack.demo.simulator import UNITS, SimulatedMeter, Simulator, kind_of
from ecotrack.platform import SERVICE_SPECS, Platform, gateway_with_remote_upstreams
from ecotrack.platform.live import BACKFILL_S, PlatformServer, local_url
from ecotrack.platform.seed import DEMO_EMAIL, DEMO_PASSWORD, SeedRefused, seed_demo

app = typer.Typer(
    help="EcoTrack: carbon monitoring and environmental tracking.", no_args_is_help=True
)

ServiceName = Annotated[
    str, typer.Argument(help=f"One of: {', '.join([*SERVICE_SPECS, 'gateway'])}.")
]


def _say(message: str) -> None:
    typer.secho(message, fg=typer.colors.GREEN, err=True)


async def _migrate_and_seed(platform: Platform, *, seed: bool) -> None:
    for name, revision in (await platform.migrate()).items():
        _say(f"  migrated {name:<10} -> {revision}")
    if seed:
        result = await seed_demo(platform)
        _say("  demo data " + ("seeded" if result.created else "already present"))


async def _serve(fastapi_app: FastAPI, settings: Settings, port: int) -> None:
    await uvicorn.Server(server_config(fastapi_app, settings, port)).serve()


def _run_until_interrupted(main: Coroutine[Any, Any, None]) -> None:
    """Run a server; Ctrl-C (re-raised by uvicorn after its graceful shutdown) ends it.

    Servers run on uvloop (:func:`server_loop`) and parse HTTP with httptools.
    """
    try:
        with asyncio.Runner(loop_factory=server_loop()) as runner:
            runner.run(main)
    except KeyboardInterrupt:
        pass
    # a server returns only when told to stop; when uvicorn re-raises the interrupt after its
    # shutdown, the runner may end the main task before it propagates, so both ways end here
    _say("EcoTrack stopped.")


@app.command()
def up(
    seed: Annotated[bool, typer.Option(help="Seed the demo organisation (development).")] = True,
) -> None:
    """Run every service in one process behind the gateway, on the configured backends."""
    settings = get_settings()
    configure_telemetry(settings, "ecotrack")
    platform = Platform(settings)
    seed = seed and not settings.is_production

    async def run() -> None:
        _say(f"EcoTrack ({settings.profile.value} profile): applying migrations")
        await _migrate_and_seed(platform, seed=seed)
        url = f"http://{'localhost' if settings.host == '127.0.0.1' else settings.host}"
        url += f":{settings.port}"
        _say(f"\nEcoTrack is starting at {url}")
        _say(f"  dashboard   {url}/")
        _say(f"  health      {url}/healthz   readiness {url}/readyz   metrics {url}/metrics")
        if seed:
            _say(f"  demo login  {DEMO_EMAIL} / {DEMO_PASSWORD}")
        if seed and settings.simulator_enabled:
            _say(
                f"  live meters a reading every {settings.simulator_interval_s:g} s, "
                f"sent every {settings.simulator_batch_s:g} s (ECOTRACK_SIMULATOR_*)"
            )
        _say("Press Ctrl-C to stop.\n")
        await PlatformServer(platform, settings.port, simulate=seed).serve()

    _run_until_interrupted(run())


@app.command()
def serve(
    service: ServiceName,
    port: Annotated[int | None, typer.Option(help="Port (default ECOTRACK_PORT).")] = None,
    migrate: Annotated[bool, typer.Option(help="Apply migrations before serving.")] = False,
) -> None:
    """Run one service alone, as Kubernetes runs it."""
    settings = get_settings()
    configure_telemetry(settings, service)
    if service == "gateway":
        gateway = gateway_with_remote_upstreams(settings)
        _run_until_interrupted(_serve(gateway, settings, port or settings.port))
        return
    runtime = _runtime(service, settings)

    async def run() -> None:
        if migrate:
            await runtime.migrate()
        service_app = create_service_app(runtime, lifespan=standalone_lifespan(runtime))
        await _serve(service_app, settings, port or settings.port)

    _run_until_interrupted(run())


@app.command("migrate")
def migrate_command(
    services: Annotated[list[str] | None, typer.Argument(help="Services (default: all).")] = None,
) -> None:
    """Apply database migrations."""
    settings = get_settings()
    configure_telemetry(settings, "ecotrack-migrate")

    async def run() -> None:
        for name in services or list(SERVICE_SPECS):
            runtime = _runtime(name, settings)
            revision = await runtime.migrate()
            await runtime.database.dispose()
            _say(f"migrated {name:<10} -> {revision}")

    asyncio.run(run())


@app.command()
def seed() -> None:
    """Seed the demo organisation and login (refused under the production profile)."""
    settings = get_settings()
    configure_telemetry(settings, "ecotrack-seed")
    platform = Platform(settings)

    async def run() -> None:
        try:
            await _migrate_and_seed(platform, seed=True)
        except SeedRefused as exc:
            typer.secho(str(exc), fg=typer.colors.RED, err=True)
            raise typer.Exit(code=2) from exc
        _say(f"demo login: {DEMO_EMAIL} / {DEMO_PASSWORD}")

    asyncio.run(run())


def _meter_option(text: str, timezone: str) -> SimulatedMeter:
    """``METER_ID:KIND`` or ``METER_ID:KIND:UNIT`` (gas in kWh, the default, or m3)."""
    meter_id, _, rest = text.partition(":")
    kind_text, _, unit = rest.partition(":")
    if not meter_id or not kind_text:
        raise typer.BadParameter(f"{text!r}: use METER_ID:KIND, e.g. 3f2a...:electricity")
    try:
        kind = kind_of(kind_text)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc
    unit = unit or UNITS[kind][0]
    if unit not in UNITS[kind]:
        raise typer.BadParameter(f"a {kind} meter reads in {' or '.join(UNITS[kind])}")
    return SimulatedMeter(meter_id=meter_id, kind=kind, unit=unit, timezone=timezone)


@app.command()
def simulate(
    meter: Annotated[
        list[str],
        typer.Option(
            "--meter",
            metavar="METER_ID:KIND",
            help="A meter to stream (repeat it): KIND is electricity (kWh), gas (kWh, or "
            "gas:m3) or water (m3).",
        ),
    ],
    api_key: Annotated[
        str,
        typer.Option(
            envvar="ECOTRACK_SIMULATOR_API_KEY",
            help="An API key with the readings:write scope (better in the environment).",
            show_default=False,
        ),
    ],
    url: Annotated[
        str | None, typer.Option(help="The gateway (default: this machine's, ECOTRACK_PORT).")
    ] = None,
    interval: Annotated[
        float | None,
        typer.Option(help="Seconds between readings (default ECOTRACK_SIMULATOR_INTERVAL_S)."),
    ] = None,
    batch_every: Annotated[
        float | None,
        typer.Option(
            help="Seconds between batches; each batch is a new version of the day's "
            "activity (default ECOTRACK_SIMULATOR_BATCH_S)."
        ),
    ] = None,
    backfill: Annotated[
        float, typer.Option(help="Seconds of past readings in the first batch.")
    ] = BACKFILL_S,
    seed: Annotated[int | None, typer.Option(help="Seed the noise for repeatable runs.")] = None,
    anomaly_rate: Annotated[
        float, typer.Option(min=0, max=1, help="Chance a reading starts a spike or a leak.")
    ] = 0.0002,
    timezone: Annotated[
        str, typer.Option(help="The meters' local time zone (working hours, nights).")
    ] = "UTC",
) -> None:
    """Stream simulated meter readings to the API, as a meter would, until Ctrl-C."""
    settings = get_settings()
    configure_telemetry(settings, "ecotrack-simulate")
    if not api_key.strip():
        raise typer.BadParameter("give --api-key or ECOTRACK_SIMULATOR_API_KEY")
    meters = [_meter_option(text, timezone) for text in meter]
    chosen_interval = interval if interval is not None else settings.simulator_interval_s
    chosen_batch = batch_every if batch_every is not None else settings.simulator_batch_s
    if chosen_interval < 0.001 or chosen_batch <= 0:
        raise typer.BadParameter("--interval and --batch-every must be positive")
    simulator = Simulator(
        url or local_url(settings),
        api_key.strip(),
        meters,
        interval_s=chosen_interval,
        batch_s=chosen_batch,
        backfill_s=backfill,
        seed=seed,
        anomaly_rate=anomaly_rate,
    )
    _say(
        f"Simulating {len(meters)} meter(s) into {simulator.base_url}: a reading every "
        f"{simulator.interval_s:g} s, sent every {simulator.batch_s:g} s. Ctrl-C stops it."
    )
    try:
        asyncio.run(simulator.run())
    except KeyboardInterrupt:
        _say("Simulator stopped.")


@app.command("rotate-keys")
def rotate_keys() -> None:
    """Start signing tokens with a new key; the old one verifies until its tokens expire."""
    settings = get_settings()
    configure_telemetry(settings, "ecotrack-rotate-keys")
    runtime = _runtime("auth", settings)

    async def run() -> None:
        async with runtime.database.session() as session:
            key = await tokens.rotate(session, settings)
        await runtime.database.dispose()
        _say(
            f"signing with key {key.kid}; the previous key stays published for "
            f"{settings.access_token_ttl_s} s"
        )

    asyncio.run(run())


@app.command()
def revision(
    service: ServiceName,
    message: Annotated[str, typer.Option("-m", "--message", help="What the change does.")],
) -> None:
    """Write a new migration for a service by comparing its models with its schema."""
    settings = get_settings()
    runtime = _runtime(service, settings)

    async def run() -> None:
        await runtime.migrate()
        path = await new_revision(runtime.database, service, runtime.spec.metadata, message)
        await runtime.database.dispose()
        _say(f"wrote {path}")

    asyncio.run(run())


analytics_app = typer.Typer(help="Analytics' read models.", no_args_is_help=True)
app.add_typer(analytics_app, name="analytics")


@analytics_app.command("rebuild")
def analytics_rebuild() -> None:
    """Empty Analytics' read models and replay the event topics from the start.

    From Kafka's retained topics, or from the embedded bus's log (``bus.db`` in the data
    directory). Stop the analytics consumers first: stop the platform, or run it with
    ``ECOTRACK_PAUSED_CONSUMER_GROUPS='["analytics.projection"]'``.
    """
    settings = get_settings()
    configure_telemetry(settings, "ecotrack-analytics-rebuild")
    runtime = _runtime("analytics", settings)

    def progress(family: str, done: int, total: int) -> None:
        _say(f"  {family:<10} {done:>10,} / {total:,} events")

    async def run() -> None:
        await runtime.backends.start()
        try:
            await runtime.migrate()
            applied = await rebuild(runtime.database, runtime.backends.transport, progress)
        finally:
            await runtime.database.dispose()
            await runtime.backends.stop()
        _say(f"rebuilt analytics' read models from {applied:,} events")

    asyncio.run(run())


def _runtime(service: str, settings: Settings) -> ServiceRuntime:
    make_spec = SERVICE_SPECS.get(service)
    if make_spec is None:
        raise typer.BadParameter(f"unknown service '{service}'; one of {', '.join(SERVICE_SPECS)}")
    return ServiceRuntime(make_spec(), Backends.from_settings(settings))


def main() -> None:
    app()
