# The whole setup is two commands: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
RUN_STAMP := $(VENV)/.installed-run
DEV_STAMP := $(VENV)/.installed-dev
PIP := $(BIN)/python -m pip install --disable-pip-version-check -q

.PHONY: run test lint typecheck pytest eval train bench browser-deps postgres-deps clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(PIP) -e .
	touch $@

$(DEV_STAMP): pyproject.toml | $(BIN)/python
	$(PIP) -e '.[dev]'
	touch $@ $(RUN_STAMP)

run: $(RUN_STAMP)
	$(BIN)/reunite serve

## Everything CI runs: lint, types, the whole test suite (browser and PostgreSQL tests included).
test: $(DEV_STAMP) browser-deps postgres-deps lint typecheck pytest

LINT_PATHS := $(wildcard src tests bench)

lint: $(DEV_STAMP)
	$(BIN)/ruff check $(LINT_PATHS)
	$(BIN)/ruff format --check $(LINT_PATHS)

typecheck: $(DEV_STAMP)
	$(BIN)/mypy

pytest: $(DEV_STAMP)
	$(BIN)/python -m pytest -p no:cacheprovider
	@if [ -f .pytest-postgres-url ]; then \
		echo "== the database suite again, on PostgreSQL =="; \
		REUNITE_TEST_BACKEND=postgres $(BIN)/python -m pytest -p no:cacheprovider tests/integration -m "not browser"; \
	elif [ "$${CI:-}" = "true" ]; then \
		echo "CI needs PostgreSQL for the database suite, and none was started." >&2; exit 1; \
	fi

## Debian's chromium drives the browser tests; installed where missing (needs root, as on CI).
browser-deps:
	@bash scripts/ensure-chromium.sh

## PostgreSQL for the database suite: CI installs and starts a throwaway server.
postgres-deps:
	@bash scripts/ensure-postgres.sh

eval: $(DEV_STAMP)
	$(BIN)/python -m reunite.coach_training eval

train: $(DEV_STAMP)
	$(BIN)/python -m reunite.coach_training train

bench: $(DEV_STAMP)
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .pytest_cache
