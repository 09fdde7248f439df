# Palm Customs: `make run` serves the app with demo data; `make test` runs the whole suite.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
CHROMIUM := /usr/bin/chromium
# A small CJK font (1.6 MB), so screenshots of Chinese screens show characters, not boxes.
CJK_FONT := /usr/share/fonts/truetype/wqy/wqy-microhei.ttc
# The reverse proxy of docker-compose.yml, run by the topology test with deploy/Caddyfile.
CADDY := /usr/bin/caddy
REDIS_SERVER := /usr/bin/redis-server

.PHONY: help run build lock test lint typecheck test-sqlite test-postgres test-databases test-topology test-pwa test-e2e \
        test-lighthouse \
        bench clean check-postgres

help:
	@echo "make run     set up, build the PWA, migrate, load demo data, serve on http://localhost:$(PORT)"
	@echo "make test    set up and run the whole suite (lint, types, SQLite, PostgreSQL, topology, PWA, e2e)"
	@echo "make lock    refresh uv.lock to the newest releases pyproject.toml allows (on purpose only)"
	@echo "make bench   run the benchmarks in bench/ (prints figures, never fails on timing)"

# uv installs Python packages from uv.lock, exactly (--frozen: a lock that disagrees with
# pyproject.toml is an error, never silently re-resolved). uv itself is pinned by hash.
UV_HOME := .tools
UV := $(UV_HOME)/bin/uv
export UV_PYTHON_DOWNLOADS := never
# Every server, worker and CLI process the tests start imports the app: with bytecode caching
# off (an environment may set PYTHONDONTWRITEBYTECODE) each one compiles ~1000 modules again,
# about 3 s of CPU. The caches go to __pycache__/ (ignored by git).
unexport PYTHONDONTWRITEBYTECODE
export UV_PROJECT_ENVIRONMENT := $(VENV)

$(UV): deploy/uv-requirements.txt
	$(PYTHON) -m venv $(UV_HOME)
	$(UV_HOME)/bin/pip install --quiet --require-hashes -r deploy/uv-requirements.txt
	touch $@

# Runtime install from the lock, redone when the lock or pyproject.toml changes.
$(VENV)/.installed: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --no-dev --inexact --python $(PYTHON) --quiet
	touch $@

# Runtime plus the test and lint tools (the `dev` dependency group), from the lock.
$(VENV)/.installed-dev: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --python $(PYTHON) --quiet
	touch $(VENV)/.installed $@

# Refresh uv.lock on purpose (newest releases allowed by pyproject.toml), then run `make test`.
lock: | $(UV)
	$(UV) lock --upgrade

pwa/node_modules/.package-lock.json: pwa/package-lock.json
	cd pwa && npm ci --no-audit --no-fund
	touch $@

build: pwa/node_modules/.package-lock.json
	cd pwa && npm run build

run: $(VENV)/.installed build
	$(BIN)/palm-customs migrate
	$(BIN)/palm-customs seed-demo
	PORT=$(PORT) exec $(BIN)/palm-customs serve --no-migrate

$(CHROMIUM):
	@echo "Installing Debian's chromium for the end-to-end tests"
	if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null

# Debian's caddy package would start a caddy service on port 80 where systemd runs: the test
# runs its own, so the service is stopped and disabled.
$(CADDY):
	@echo "Installing Debian's caddy for the topology test"
	if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq caddy >/dev/null; \
	if command -v systemctl >/dev/null && systemctl is-system-running >/dev/null 2>&1; then \
	  $$SUDO systemctl disable --now caddy >/dev/null 2>&1 || true; fi

$(REDIS_SERVER):
	@echo "Installing Debian's redis-server for the topology test"
	if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq redis-server >/dev/null

$(CJK_FONT):
	@echo "Installing a CJK font for the end-to-end screenshots"
	if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq fonts-wqy-microhei >/dev/null

lint: $(VENV)/.installed-dev
	$(UV) lock --check
	$(BIN)/ruff check backend tests e2e bench
	$(BIN)/ruff format --check backend tests e2e bench
	$(BIN)/lint-imports --no-cache

typecheck: $(VENV)/.installed-dev
	$(BIN)/mypy

test-sqlite: $(VENV)/.installed-dev
	$(BIN)/pytest --db sqlite

# Mandatory under CI=true; locally skipped with a message when nothing listens on 5432.
check-postgres:
	@if ! $(BIN)/python -c "import socket; socket.create_connection(('127.0.0.1', 5432), 2)" 2>/dev/null; then \
	  if [ "$${CI:-}" = "true" ]; then echo "PostgreSQL at 127.0.0.1:5432 is required under CI" >&2; exit 1; fi; \
	  echo "SKIPPED: PostgreSQL run (nothing listens on 127.0.0.1:5432)"; touch .skip-postgres; \
	else rm -f .skip-postgres; fi

test-postgres: $(VENV)/.installed-dev check-postgres
	@if [ -f .skip-postgres ]; then rm -f .skip-postgres; else $(BIN)/pytest --db postgres; fi

# Both databases at once (each run is one process; the machine has 2 CPUs), output prefixed.
test-databases: $(VENV)/.installed-dev check-postgres
	@if [ -f .skip-postgres ]; then rm -f .skip-postgres; $(BIN)/pytest --db sqlite; \
	else .ci/side-by-side "sqlite=$(BIN)/pytest --db sqlite" "postgres=$(BIN)/pytest --db postgres"; fi

# The production shape without Docker (tests/topology): deploy/Caddyfile in Debian's caddy in
# front of two `palm-customs serve` replicas, standalone workers, PostgreSQL, a Redis and an
# S3-compatible server of its own; then faults (a worker and a replica killed, Redis restarted).
# Needs PostgreSQL like test-postgres: mandatory under CI=true, skipped locally without it.
test-topology: $(VENV)/.installed-dev $(CADDY) $(REDIS_SERVER)
	@if ! $(BIN)/python -c "import socket; socket.create_connection(('127.0.0.1', 5432), 2)" 2>/dev/null \
	    && [ "$${CI:-}" != "true" ]; then \
	  echo "SKIPPED: topology test (nothing listens on 127.0.0.1:5432)"; \
	else $(BIN)/pytest tests/topology --topology --durations=0; fi

# `npm run build` typechecks first (pwa/package.json), so the typecheck is not run twice.
test-pwa: pwa/node_modules/.package-lock.json
	cd pwa && npm test && npm run build && npm run size

# The whole e2e suite at an ordinary working morning, then the appointment, declaration,
# pre-review and fair-draw journeys, the two that read the clock most (notifications and
# their quiet hours, one-time codes), and those with deadlines and working hours (payments,
# item fees, 12360 answers due in working days, audit alerts outside working hours) again at the
# hard moments (e2e/conftest.py MOMENTS): a Saturday, a public holiday, 23:50 in Shanghai and a
# phone in London on the day British Summer Time ends.
JOURNEYS := e2e/test_appointments.py e2e/test_declarations.py e2e/test_services.py \
            e2e/test_fair_draw.py e2e/test_notifications.py e2e/test_password_step_up.py \
            e2e/test_payments.py e2e/test_item_fees.py e2e/test_help.py e2e/test_audit.py

# The hard moments run two at a time, each with its own artifacts folder (e2e/artifacts/<moment>).
e2e_at = $(1)=E2E_ARTIFACTS=e2e/artifacts/$(1) $(BIN)/pytest $(JOURNEYS) --moment=$(1)

test-e2e: $(VENV)/.installed-dev $(CHROMIUM) $(CJK_FONT) test-pwa
	$(BIN)/pytest e2e --moment=weekday
	.ci/side-by-side "$(call e2e_at,saturday)" "$(call e2e_at,holiday)"
	.ci/side-by-side "$(call e2e_at,late-evening)" "$(call e2e_at,london-dst)"

# Lighthouse (mobile) on / and /me/sign-in of the built PWA served by the real server: fails
# below 90 performance (best of up to 5 runs, stopping at the first that reaches 90), 100
# accessibility, 100 best practices in every run made; prints the scores.
test-lighthouse: $(VENV)/.installed-dev $(CHROMIUM) test-pwa
	$(BIN)/python -m e2e.lighthouse

test: lint typecheck test-databases test-topology test-pwa test-e2e test-lighthouse

bench: $(VENV)/.installed-dev build
	@command -v wrk >/dev/null || { if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq wrk >/dev/null; }
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) $(UV_HOME) pwa/node_modules pwa/dist e2e/artifacts
