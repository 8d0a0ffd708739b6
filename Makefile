# `make run` serves the seeded wiki at http://127.0.0.1:$(PORT); `make test` runs every test on SQLite and PostgreSQL.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TOOLS_STAMP := node_modules/.installed
# Debian's nginx, unpacked (never installed or started as a service) for the test of deploy/nginx.
NGINX := var/tools/nginx/usr/sbin/nginx
PG_URL ?= postgres://postgres@127.0.0.1:5432/wiki
# The Redis database the tests may use (the two-instance test shares it between its gunicorn instances).
TEST_REDIS_URL ?= redis://127.0.0.1:6379/4
PORT ?= 8000
WORKERS ?= 4

.PHONY: install tools run seed test test-sqlite test-postgres lint chromium bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

# The standards checkers the tests run: the Nu HTML checker (needs Java) and axe-core, from npm at the
# versions package-lock.json pins. Their install scripts are not run: vnu-jar ships its jar.
$(TOOLS_STAMP): package.json package-lock.json
	@command -v java >/dev/null || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq default-jre-headless; }
	@command -v npm >/dev/null || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq npm; }
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(TOOLS_STAMP)

$(NGINX):
	@if [ -x /usr/sbin/nginx ]; then mkdir -p $(dir $(NGINX)) && ln -sf /usr/sbin/nginx $(NGINX); else \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); mkdir -p var/tools && cd var/tools && rm -f nginx_*.deb && \
		{ apt-get download nginx 2>/dev/null || { $$SUDO apt-get update -qq && apt-get download nginx; }; } && \
		dpkg-deb -x nginx_*.deb nginx && rm nginx_*.deb; fi

tools: $(TOOLS_STAMP) $(NGINX)

# Static files first: stored pages name them by their hashed names.
seed: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/python manage.py import_article --if-absent fixtures/articles/*.md
	$(BIN)/python manage.py render_articles

run: seed
	$(BIN)/gunicorn -c deploy/gunicorn.conf.py --bind 127.0.0.1:$(PORT) --workers $(WORKERS)

# Browser tests need Debian's chromium; install it when missing (as root, or through sudo).
chromium:
	@test -x /usr/bin/chromium || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; }

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test-sqlite: install tools chromium
	env -u DATABASE_URL -u REDIS_URL CONN_MAX_AGE=0 TEST_REDIS_URL=$(TEST_REDIS_URL) $(BIN)/pytest -q -m "not postgresql"

test-postgres: install tools chromium
	env -u REDIS_URL DATABASE_URL=$(PG_URL) CONN_MAX_AGE=0 TEST_REDIS_URL=$(TEST_REDIS_URL) $(BIN)/pytest -q

test: lint test-sqlite test-postgres

bench: install tools
	@command -v wrk >/dev/null || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); $$SUDO apt-get install -y -qq wrk; }
	$(BIN)/python scripts/bench.py

clean:
	rm -rf $(VENV) node_modules var/db.sqlite3 var/static var/tools
