# Two commands for a new user: `make run` (the demo site on SQLite) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PG_URL ?= postgres://postgres@127.0.0.1:5432/test
HOST ?= 127.0.0.1:8000

.PHONY: run serve install system-deps setup-db demo test test-sqlite test-postgres bench bench-serving lint messages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Installs only when requirements change (the stamp), so repeated runs are quick.
$(VENV)/.installed: requirements.txt pyproject.toml setup.py | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps -e .
	@# gunicorn's C HTTP parser (cached pages: about 1.4x the requests a second).
	@# Built from source (no wheels on PyPI), so a machine without a C compiler
	@# keeps gunicorn's own Python parser.
	$(BIN)/pip install --quiet --no-deps gunicorn_h1c==0.6.10 || echo "install: gunicorn_h1c did not build; gunicorn parses HTTP in Python"
	touch $@

install: $(VENV)/.installed

# Chromium for browser tests, gettext for translations (Debian packages), and
# axe-core for the accessibility checks (npm, pinned by the lock file).
system-deps:
	@bash scripts/system-deps.sh
	@test -d tests/browser/node_modules/axe-core -a -f tests/browser/node_modules/vnu-jar/build/dist/vnu.jar || npm ci --prefix tests/browser --no-audit --no-fund --silent

setup-db: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py compilemessages --ignore=.venv >/dev/null 2>&1 || true
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py setup_roles
	$(BIN)/python manage.py ensure_admin --demo-staff

run: setup-db
	$(BIN)/python manage.py set_site_origin http://$(HOST)
	@echo "Serving on http://$(HOST)/  (admin: http://$(HOST)/admin/)"
	$(BIN)/python manage.py runserver $(HOST)

# The production configuration (gunicorn, WhiteNoise, settings/production.py) on
# the same demo data; production passes DJANGO_SECRET_KEY etc. (README, "Deploying").
# Redis is started the way `make test` starts it (scripts/services.sh): the page
# cache must be one every gunicorn worker shares. Without Redis (it could not be
# installed) the site runs with the page cache off, and says so.
SERVE_REDIS_URL ?= redis://127.0.0.1:6379/1
serve: setup-db
	$(BIN)/python manage.py set_site_origin http://$(HOST)
	@if [ -z "$$REDIS_URL" ] && bash scripts/services.sh start-redis; then \
	  export REDIS_URL=$(SERVE_REDIS_URL); fi; \
	HOST=$(HOST) VENV=$(VENV) exec bash deploy/serve.sh

# The whole suite on SQLite, then on PostgreSQL (required in CI).
test: install system-deps
	bash scripts/test.sh

# A single OpenSearch node on 127.0.0.1:9200 (searchnode/, built with Maven; ~/.m2 is
# its cache); prints OPENSEARCH_URL=… for the site and the live search tests.
search-node:
	@bash scripts/search-node.sh start

search-node-stop:
	@bash scripts/search-node.sh stop

bench: install
	$(BIN)/python manage.py benchmark_search --stories 100000 --output bench-100000.json

# `make serve` under wrk beside nginx serving the same page from a file, with
# Redis stopped and PostgreSQL restarted under load (scripts/bench_serving.py).
bench-serving: install
	$(BIN)/python scripts/bench_serving.py --output bench-serving.json

# ruff, then the rooms' arrows (import-linter's contracts in pyproject.toml).
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

messages: install
	$(BIN)/python manage.py makemessages -l en --ignore=.venv --ignore=tests
	$(BIN)/python manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) db.sqlite3 media static var test-artifacts
