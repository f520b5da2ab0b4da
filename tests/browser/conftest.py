"""Browser fixtures: one Chromium for the whole package; per test a context and the demo."""

import io
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection, connections
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright
from pytest_django import DjangoDbBlocker
from pytest_django.live_server_helper import LiveServer

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
MISSING_CHROMIUM = "Chromium is missing: run `sudo make test-deps` (installs Debian's chromium)"
REGIONS = ("groningen", "drenthe")

NewContext = Callable[..., BrowserContext]


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.skip(MISSING_CHROMIUM)
    # Playwright's sync API runs an event loop in this thread, so Django would refuse the
    # (synchronous) database calls of fixtures and tests; this is Django's documented way
    # out. It holds only while the browser runs, which is why the scope is the package and
    # not the session: pytest-django runs the tests without a database after these, and
    # e.g. `manage.py check --deploy` in a subprocess would inherit it (async.E001).
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="package")
def migrated_state(
    browser: Browser, django_db_setup: None, django_db_blocker: DjangoDbBlocker
) -> Iterator[None]:
    """Lets the serialized rollback restore what the migrations made (Wagtail's root page,
    locale and collection) after each live server test flushes the database.

    Django keeps that state on the connection that set up the test database. While
    Playwright's event loop runs, Django gives this thread another connection object
    (asgiref keeps connections per async context then), so when an earlier test set up the
    database, this one lacks the state and the rollback would restore nothing.
    """
    if not hasattr(connection, "_test_serialized_contents"):
        with django_db_blocker.unblock():
            connection._test_serialized_contents = (  # type: ignore[attr-defined]
                connection.creation.serialize_db_to_string()
            )
    yield
    with django_db_blocker.unblock():
        # The last journey's flush left the database empty; the tests that run after these
        # in this process (pytest-xdist hands out files in any order) expect what the
        # migrations made.
        connection.creation.deserialize_db_from_string(
            connection._test_serialized_contents  # type: ignore[attr-defined]
        )
        # Close this context's connections while the loop runs, so the test database can
        # be dropped at the end (PostgreSQL refuses while a connection is open).
        connections.close_all()


@pytest.fixture
def new_context(browser: Browser) -> Iterator[NewContext]:
    """Opens browser contexts (e.g. without JavaScript or with a phone viewport); all are
    closed after the test."""
    contexts: list[BrowserContext] = []

    def open_context(**options: Any) -> BrowserContext:
        context = browser.new_context(locale="nl-NL", **options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context

    yield open_context
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context: NewContext) -> Page:
    return new_context().new_page()


def copy_database(source: Any, target: Any) -> None:
    """Copies a whole SQLite database with SQLite's backup API: page by page, in
    milliseconds, where loading the demo takes seconds."""
    source.backup(target)


@pytest.fixture(scope="package")
def demo_database(
    migrated_state: None, django_db_blocker: DjangoDbBlocker
) -> Iterator[sqlite3.Connection | None]:
    """The demo, loaded once for all journeys and kept as a copy in memory, which each
    journey restores (see `portals`). The test database is left as it was. Only for
    SQLite's in-memory test database, where the browser tests run (CI runs them once);
    elsewhere each journey loads the demo itself."""
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():  # type: ignore[attr-defined]
        yield None
        return
    with django_db_blocker.unblock():
        connection.ensure_connection()
        before, demo = sqlite3.connect(":memory:"), sqlite3.connect(":memory:")
        copy_database(connection.connection, before)
        call_command("load_demo", stdout=io.StringIO())
        copy_database(connection.connection, demo)
        copy_database(before, connection.connection)
    yield demo
    demo.close()
    before.close()


@pytest.fixture
def portals(
    demo_database: sqlite3.Connection | None,
    live_server: LiveServer,
    django_db_serialized_rollback: None,
    settings: Any,
) -> Iterator[dict[str, str]]:
    """The demo content, and the base URL of each portal on the live server, which is
    also the address in every link the platform writes (as `PORT=… make run` sets it)."""
    if demo_database is None:
        call_command("load_demo", stdout=io.StringIO())
    else:
        connection.ensure_connection()
        copy_database(demo_database, connection.connection)
    port = live_server.thread.port
    settings.PORTAL_BASE_URL = f"http://{{hostname}}:{port}"
    yield {region: f"http://{region}.localhost:{port}" for region in REGIONS}
    # The journey's browser is closed by now, but a request it sent last (a page leaving
    # /beheer/'s editor releases its editing session) may still write; the database is
    # emptied next, which SQLite refuses while another connection writes.
    for thread in threading.enumerate():
        if thread.name.endswith("(process_request_thread)"):
            thread.join(timeout=10)


@pytest.fixture(autouse=True)
def _mail_through_task_queue(settings: Any) -> None:
    """pytest-django sets the locmem backend for every test; the journeys send mail through
    the task queue as in production (its immediate backend delivers into the same outbox)."""
    settings.EMAIL_BACKEND = "core.mail.TaskEmailBackend"
    settings.TASK_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
