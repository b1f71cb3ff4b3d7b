"""Logs: human-readable on a person's terminal, JSON lines for machines (or as forced)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

import pytest
from pydantic import ValidationError

from ecotrack.core.config import LogFormat, Settings
from ecotrack.core.telemetry import chosen_log_format

ANSI = re.compile(r"\x1b\[[0-9;]*m")
PROBE = """
import structlog
from ecotrack.core.config import Settings
from ecotrack.core.telemetry import configure_telemetry
configure_telemetry(Settings(), "probe")
structlog.get_logger("probe").info("probe.started", answer=42)
"""


@pytest.fixture
def terminal() -> Iterator[TextIO]:
    """A real pseudo-terminal, as stderr is under `make up`."""
    controller, device = os.openpty()
    with os.fdopen(device, "w") as stream:
        yield stream
    os.close(controller)


@pytest.fixture
def pipe() -> Iterator[TextIO]:
    """A pipe, as stderr is in a container or under a process manager."""
    reader, writer = os.pipe()
    with os.fdopen(writer, "w") as stream:
        yield stream
    os.close(reader)


@pytest.mark.parametrize(
    ("log_format", "on_terminal", "in_pipe"),
    [("auto", "console", "json"), ("json", "json", "json"), ("console", "console", "console")],
)
def test_the_log_format_follows_the_setting_and_the_stream(
    terminal: TextIO, pipe: TextIO, log_format: LogFormat, on_terminal: str, in_pipe: str
) -> None:
    assert terminal.isatty()
    assert not pipe.isatty()
    assert chosen_log_format(log_format, terminal) == on_terminal
    assert chosen_log_format(log_format, pipe) == in_pipe


def test_a_closed_stream_is_no_terminal(terminal: TextIO) -> None:
    terminal.close()
    assert chosen_log_format("auto", terminal) == "json"


def test_the_setting_is_read_and_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ECOTRACK_LOG_FORMAT", raising=False)
    assert Settings().log_format == "auto"
    monkeypatch.setenv("ECOTRACK_LOG_FORMAT", "console")
    assert Settings().log_format == "console"
    monkeypatch.setenv("ECOTRACK_LOG_FORMAT", "yes")
    with pytest.raises(ValidationError, match="log_format"):
        Settings()


def _probe_environment(tmp_path: Path, log_format: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ECOTRACK_")}
    env["ECOTRACK_DATA_DIR"] = str(tmp_path)
    if log_format is not None:
        env["ECOTRACK_LOG_FORMAT"] = log_format
    return env


def _on_a_terminal(tmp_path: Path, log_format: str | None) -> str:
    """What a process prints when its stderr is a pseudo-terminal."""
    controller, device = os.openpty()
    try:
        subprocess.run(
            [sys.executable, "-c", PROBE],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=device,
            env=_probe_environment(tmp_path, log_format),
            check=True,
            timeout=60,
        )
        os.close(device)
        device = -1
        output = b""
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # EIO: the terminal's other end is closed and drained
                break
            if not chunk:
                break
            output += chunk
    finally:
        if device != -1:
            os.close(device)
        os.close(controller)
    return output.decode()


def test_a_person_at_a_terminal_reads_lines_not_json(tmp_path: Path) -> None:
    printed = ANSI.sub("", _on_a_terminal(tmp_path, None)).strip()
    assert "probe.started" in printed
    assert "answer=42" in printed
    assert not printed.startswith("{")


def test_json_lines_when_not_on_a_terminal_or_when_forced(tmp_path: Path) -> None:
    piped = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        env=_probe_environment(tmp_path, None),
        check=True,
        timeout=60,
        text=True,
    )
    line = json.loads(piped.stderr.strip().splitlines()[-1])
    assert (line["event"], line["answer"], line["level"]) == ("probe.started", 42, "info")
    forced = _on_a_terminal(tmp_path, "json").strip().splitlines()[-1]
    assert json.loads(forced)["event"] == "probe.started"
