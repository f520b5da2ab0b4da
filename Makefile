# The two commands a new user needs: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 3
# The portals' public addresses (links in e-mails, sitemaps, badges): `{hostname}` stands
# for each portal's host name (groningen.localhost), so `PORT=8100 make run` links to 8100.
export PORTAL_BASE_URL ?= http://{hostname}:$(PORT)

.PHONY: run dev test check messages install run-deps test-deps ralph oidc-provider

# Virtual environment with the locked dependencies, reinstalled when the lock changes.
$(BIN)/.installed: requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-virtualenv -r requirements.lock
	touch $@

# Everything `make run` and `make test` share: packages, compiled Dutch translations.
install: $(BIN)/.installed
	mkdir -p var
	$(MANAGE) compilemessages --ignore=.venv -v0

# Web workers, task worker and clock run as in production: no debug pages, no auto-reload.
run: export DEBUG = false
run: run-deps install
	$(MANAGE) migrate --no-input -v0
	@if [ ! -f var/.demo-loaded ]; then $(MANAGE) load_demo && touch var/.demo-loaded; fi
# The monitor's open data, when ../shared/data (MONITOR_DATA_DIR) is beside the checkout.
	$(MANAGE) import_monitor --if-present
	$(MANAGE) collectstatic --no-input -v0
	@echo ""
	@echo "  Portaal Groningen:  http://groningen.localhost:$(PORT)/  (ook http://127.0.0.1:$(PORT)/)"
	@echo "  Portaal Drenthe:    http://drenthe.localhost:$(PORT)/"
	@echo "  Beheer (redactie):  http://groningen.localhost:$(PORT)/beheer/"
	@echo "  Demo-redacteur:     e-mail 'redacteur@example.org', wachtwoord 'leren-over-armoede'"
	@echo "                      (bij het eerste bezoek aan /beheer/ stel je een authenticator-app in)"
	@echo "  Demo-deelnemer:     e-mail 'mirjam.leergang@example.org', wachtwoord 'leren-over-armoede'"
	@echo "  E-mails verschijnen hier in de terminal. Stoppen: Ctrl+C."
	@echo ""
	$(MANAGE) db_worker -v 0 & worker=$$!; \
	$(MANAGE) run_periodic_jobs --loop & clock=$$!; \
	trap 'kill $$worker $$clock 2>/dev/null' EXIT INT TERM; \
	$(BIN)/gunicorn config.wsgi --bind $(HOST):$(PORT) --workers $(WORKERS) \
		--access-logfile - --forwarded-allow-ips='*'

# Django's development server with auto-reload and debug pages.
dev: run-deps install
	$(MANAGE) migrate --no-input -v0
	@if [ ! -f var/.demo-loaded ]; then $(MANAGE) load_demo && touch var/.demo-loaded; fi
	DEBUG=true $(MANAGE) runserver $(HOST):$(PORT)

# Debian packages, installed when missing. Running needs gettext (to compile the
# translations) and the DejaVu fonts (certificates of events name people in any alphabet);
# the browser tests also need Chromium, the deployment tests nginx, and the backup drill on
# PostgreSQL pg_dump and pg_restore (postgresql-client). Installing needs root (CI runs as
# root); without
# Chromium the browser tests skip and say why.
apt_install = if [ "$$(id -u)" = 0 ]; then apt-get update -qq && \
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(1); \
	else echo "Missing Debian packages ($(1)): run 'sudo make $@'."; fi

run-deps:
	@command -v msgfmt >/dev/null && [ -d /usr/share/fonts/truetype/dejavu ] || \
		{ $(call apt_install,gettext fonts-dejavu-core); }

# nginx: the proxy the deployment tests start in front of the app (tests/deployment/).
test-deps: run-deps
	@[ -x /usr/bin/chromium ] || { $(call apt_install,chromium); }
	@command -v pg_dump >/dev/null || { $(call apt_install,postgresql-client); }
	@[ -x /usr/sbin/nginx ] || { $(call apt_install,nginx-light); }

# Ralph, the learning record store the tests of learning/lrs.py send statements to, in
# its own virtual environment: its FastAPI, pydantic and uvicorn pins stay out of our lock.
# Pinned here; `requests` is a module its auth command imports but does not declare.
RALPH_VENV := var/ralph-venv
RALPH_PACKAGES := 'ralph-malph[cli,lrs]==5.1.0' requests
$(RALPH_VENV)/.installed: Makefile
	test -x $(RALPH_VENV)/bin/python || $(PYTHON) -m venv $(RALPH_VENV)
	$(RALPH_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(RALPH_VENV)/bin/python -m pip install --quiet $(RALPH_PACKAGES)
	touch $@
ralph: $(RALPH_VENV)/.installed

# An OpenID Connect provider (oidc-provider-mock on PyPI: discovery, authorization code
# flow, signed ID tokens, userinfo, client registration; Flask and Authlib) that the tests
# of organisations/sign_in start as their own process; its pins stay out of our lock too.
OIDC_PROVIDER_VENV := var/oidc-provider-venv
OIDC_PROVIDER_PACKAGES := 'oidc-provider-mock==0.3.4'
$(OIDC_PROVIDER_VENV)/.installed: Makefile
	test -x $(OIDC_PROVIDER_VENV)/bin/python || $(PYTHON) -m venv $(OIDC_PROVIDER_VENV)
	$(OIDC_PROVIDER_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(OIDC_PROVIDER_VENV)/bin/python -m pip install --quiet $(OIDC_PROVIDER_PACKAGES)
	touch $@
oidc-provider: $(OIDC_PROVIDER_VENV)/.installed

# Exit code 5 means pytest collected no tests (e.g. a -k filter that matches none).
# Three runs, each on every core (pytest-xdist, a test file per process, so fixtures that
# build the demo once per file or package are built once per process): the suite; the
# browser journeys, which empty the database after each journey (a live server needs
# committed data), so no other test may run after them in the same process; and the
# concurrency tests, which on SQLite need a test database in a file (threads with their
# own connections), where the rest uses the in-memory one.
# TEST_MARKS narrows the runs, e.g. CI's second database skips the browser journeys.
TEST_MARKS ?= not concurrency
XDIST = --numprocesses auto --dist loadfile
test: test-deps install ralph oidc-provider
	$(BIN)/pytest -m "($(TEST_MARKS)) and not browser" $(XDIST) $(PYTEST_ARGS) || [ $$? -eq 5 ]
	$(BIN)/pytest -m "($(TEST_MARKS)) and browser" $(XDIST) $(PYTEST_ARGS) || [ $$? -eq 5 ]
	TEST_SQLITE_FILE="$$(mktemp -u "$${TMPDIR:-/tmp}/leeromgeving-test-XXXXXX.sqlite3")" \
		$(BIN)/pytest -m concurrency $(PYTEST_ARGS) || [ $$? -eq 5 ]

# system-deps for gettext, which install's compilemessages needs (CI runs check first).
check: run-deps install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy .
	$(MANAGE) makemigrations --check --dry-run
	$(MANAGE) check

# Collect new source strings into locale/nl after changing texts.
messages: install
	$(MANAGE) makemessages -l nl --ignore=.venv --ignore=var --no-obsolete --no-wrap
