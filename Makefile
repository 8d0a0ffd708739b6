# `make run` serves the seeded wiki at http://127.0.0.1:8000; `make test` runs every test on SQLite and PostgreSQL.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PG_URL ?= postgres://postgres@127.0.0.1:5432/wiki
WORKERS ?= 4

.PHONY: install run serve seed test test-sqlite test-postgres lint chromium bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

seed: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py import_article --if-absent fixtures/articles/*.md
	$(BIN)/python manage.py render_articles

run: seed
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/gunicorn wiki.wsgi --bind 127.0.0.1:8000 --workers $(WORKERS) --access-logfile -

# Browser tests need Debian's chromium; install it when missing (as root, or through sudo).
chromium:
	@test -x /usr/bin/chromium || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; }

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test-sqlite: install chromium
	env -u DATABASE_URL CONN_MAX_AGE=0 $(BIN)/pytest -q -m "not postgresql"

test-postgres: install chromium
	DATABASE_URL=$(PG_URL) CONN_MAX_AGE=0 $(BIN)/pytest -q

test: lint test-sqlite test-postgres

bench: install
	@command -v wrk >/dev/null || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); $$SUDO apt-get install -y -qq wrk; }
	$(BIN)/python scripts/bench.py --baseline

clean:
	rm -rf $(VENV) var/db.sqlite3 var/static
