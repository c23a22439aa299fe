# PledgeWatch: `make demo` runs the weekly job on the bundled corpus, `make test` runs the suite
# (ruff, mypy, pytest).
VENV := .venv
BIN := $(VENV)/bin
PYTHON ?= python3
UV_VERSION := 0.13.9

.PHONY: demo test lint typecheck format eval bench setup system-deps clean

demo: setup
	PLEDGEWATCH_HOME=$${PLEDGEWATCH_HOME:-$(CURDIR)/var} $(BIN)/pledgewatch demo

test: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/pytest -q

lint: setup
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

# mypy: strict on transforms/, checked on flows/ and reports/ (settings: pyproject.toml).
typecheck: setup
	$(BIN)/mypy

format: setup
	$(BIN)/ruff format . && $(BIN)/ruff check --fix .

eval: setup
	$(BIN)/pledgewatch eval

bench: setup
	$(BIN)/python -m bench.run

setup: system-deps $(VENV)/.installed

system-deps:
	@bash scripts/system-deps.sh

# The venv is rebuilt from the lock file whenever the lock or the project metadata change.
$(VENV)/.installed: requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check uv==$(UV_VERSION)
	$(BIN)/uv pip install -q --python $(BIN)/python -r requirements.lock
	$(BIN)/uv pip install -q --python $(BIN)/python --no-deps -e .
	touch $@

# Regenerate the lock after editing dependencies in pyproject.toml.
lock:
	uv pip compile pyproject.toml --extra dev --universal --python-version 3.11 -o requirements.lock

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache .mypy_cache
