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

.PHONY: help run build test lint typecheck test-sqlite test-postgres test-pwa test-e2e bench clean \
        check-postgres

help:
	@echo "make run     set up, build the PWA, migrate, load demo data, serve on http://localhost:$(PORT)"
	@echo "make test    set up and run the whole suite (lint, types, SQLite, PostgreSQL, PWA, e2e)"
	@echo "make bench   run the benchmarks in bench/ (prints figures, never fails on timing)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Runtime install, redone when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

# Runtime plus the test and lint tools.
$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(VENV)/.installed $@

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

$(CJK_FONT):
	@echo "Installing a CJK font for the end-to-end screenshots"
	if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq fonts-wqy-microhei >/dev/null

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check backend tests e2e bench
	$(BIN)/ruff format --check backend tests e2e bench

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

test-pwa: pwa/node_modules/.package-lock.json
	cd pwa && npm run typecheck && npm test && npm run build && npm run size

test-e2e: $(VENV)/.installed-dev $(CHROMIUM) $(CJK_FONT) test-pwa
	$(BIN)/pytest e2e

test: lint typecheck test-sqlite test-postgres test-pwa test-e2e

bench: $(VENV)/.installed-dev build
	@command -v wrk >/dev/null || { if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq wrk >/dev/null; }
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) pwa/node_modules pwa/dist e2e/artifacts
