# The two commands a new user needs: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 3

.PHONY: run dev test check messages install system-deps

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

run: system-deps install
	$(MANAGE) migrate --no-input -v0
	@if [ ! -f var/.demo-loaded ]; then $(MANAGE) load_demo && touch var/.demo-loaded; fi
	$(MANAGE) collectstatic --no-input -v0
	@echo ""
	@echo "  Portaal Groningen:  http://groningen.localhost:$(PORT)/  (ook http://127.0.0.1:$(PORT)/)"
	@echo "  Portaal Drenthe:    http://drenthe.localhost:$(PORT)/"
	@echo "  Beheer (redactie):  http://groningen.localhost:$(PORT)/beheer/"
	@echo "  Demo-redacteur:     e-mail 'redacteur@example.org', wachtwoord 'leren-over-armoede'"
	@echo "                      (bij het eerste bezoek aan /beheer/ stel je een authenticator-app in)"
	@echo ""
	$(MANAGE) db_worker -v 0 & worker=$$!; \
	$(MANAGE) run_periodic_jobs --loop & clock=$$!; \
	trap 'kill $$worker $$clock 2>/dev/null' EXIT INT TERM; \
	DEBUG=false $(BIN)/gunicorn config.wsgi --bind $(HOST):$(PORT) --workers $(WORKERS) \
		--access-logfile - --forwarded-allow-ips='*'

# Django's development server with auto-reload and debug pages.
dev: system-deps install
	$(MANAGE) migrate --no-input -v0
	@if [ ! -f var/.demo-loaded ]; then $(MANAGE) load_demo && touch var/.demo-loaded; fi
	DEBUG=true $(MANAGE) runserver $(HOST):$(PORT)

# Debian packages: gettext to compile the translations, Chromium for the browser tests.
# Installing needs root (CI runs as root); without it the browser tests skip and say why.
system-deps:
	@if [ -x /usr/bin/chromium ] && command -v msgfmt >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			chromium fonts-dejavu-core gettext; \
	else echo "Missing Debian packages: run 'sudo make system-deps' (chromium, gettext)."; fi

# Exit code 5 means pytest collected no tests (e.g. a -k filter that matches none).
# The concurrency tests run on their own: on SQLite they need a test database in a file
# (threads with their own connections), the rest of the suite the in-memory one.
test: system-deps install
	$(BIN)/pytest -m "not concurrency" $(PYTEST_ARGS) || [ $$? -eq 5 ]
	TEST_SQLITE_FILE="$$(mktemp -u "$${TMPDIR:-/tmp}/leeromgeving-test-XXXXXX.sqlite3")" \
		$(BIN)/pytest -m concurrency $(PYTEST_ARGS) || [ $$? -eq 5 ]

# system-deps for gettext, which install's compilemessages needs (CI runs check first).
check: system-deps install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy .
	$(MANAGE) makemigrations --check --dry-run
	$(MANAGE) check

# Collect new source strings into locale/nl after changing texts.
messages: install
	$(MANAGE) makemessages -l nl --ignore=.venv --ignore=var --no-obsolete
