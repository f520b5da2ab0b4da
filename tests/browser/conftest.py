"""Browser fixtures: one Chromium per session; per test a fresh context and the demo content."""

import io
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright
from pytest_django.live_server_helper import LiveServer

# Playwright's sync API runs an event loop in this thread, so Django would refuse the
# (synchronous) database calls of fixtures and tests. This is Django's documented way out.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

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
MISSING_CHROMIUM = "Chromium is missing: run `sudo make browser-deps` (installs Debian's chromium)"
REGIONS = ("groningen", "drenthe")

NewContext = Callable[..., BrowserContext]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.skip(
            "Chromium is missing: run `sudo make browser-deps` (installs Debian's chromium)"
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


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


@pytest.fixture
def portals(
    browser: Browser, live_server: LiveServer, django_db_serialized_rollback: None
) -> dict[str, str]:
    """The demo content, and the base URL of each portal on the live server.

    The live server flushes the database after each test; the serialized rollback restores
    what the migrations made (Wagtail's root page, locale, collections) for the next one.
    """
    call_command("load_demo", stdout=io.StringIO())
    port = live_server.thread.port
    return {region: f"http://{region}.localhost:{port}" for region in REGIONS}
