# naober: two commands on a fresh machine.
#   make run   install everything, migrate, load the demo company when the database is empty, serve it
#   make test  install everything, then lint, types, layering, and the whole suite on SQLite and PostgreSQL
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
UV_VERSION := 0.13.9
NAOBER := $(PY) -m naober.cli
# PostgreSQL for the second test pass; the pass is skipped (and says so) when nothing answers there.
NAOBER_TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/naober
# The suite runs on both cores; PYTEST_ARGS= runs it in one process.
PYTEST_ARGS ?= -n 2
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: install run test lint types layering test-sqlite test-postgres messages benchmarks clean

$(UV):
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

$(VENV)/.synced: $(UV) pyproject.toml uv.lock
	$(UV) sync --locked --quiet
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

install: $(VENV)/.synced node_modules/.installed
	$(NAOBER) manage compile_translations

run: install
	$(NAOBER) manage migrate --noinput
	$(NAOBER) demo --if-empty
	$(NAOBER) manage demo_logins
	$(NAOBER) serve

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

types: install
	$(VENV)/bin/mypy

layering: install
	$(VENV)/bin/lint-imports

test-sqlite: install
	NAOBER_DATABASE_URL= $(VENV)/bin/pytest $(PYTEST_ARGS)

test-postgres: install
	@if $(PY) -c "import psycopg,sys; psycopg.connect('$(NAOBER_TEST_DATABASE_URL)'.rsplit('/',1)[0] + '/postgres', connect_timeout=3).close()" 2>/dev/null; then \
		echo "== The suite again, on PostgreSQL ($(NAOBER_TEST_DATABASE_URL)) =="; \
		NAOBER_DATABASE_URL=$(NAOBER_TEST_DATABASE_URL) $(VENV)/bin/pytest $(PYTEST_ARGS); \
	else \
		echo "== PostgreSQL does not answer at $(NAOBER_TEST_DATABASE_URL): the PostgreSQL pass is skipped =="; \
	fi

test: lint types layering test-sqlite test-postgres

messages: install
	$(NAOBER) manage makemessages -l nl -l en --no-obsolete --ignore=.venv --ignore=node_modules --ignore=tests
	$(NAOBER) manage compile_translations

benchmarks: install
	$(PY) -m benchmarks
	$(PY) -m benchmarks.work_import

clean:
	rm -rf $(VENV) node_modules
