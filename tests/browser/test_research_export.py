"""An editor with the permission finds the research export in /beheer/ → Rapporten and
downloads it, and sees what waits for the LRS, in Chromium, with axe (WCAG 2.1 A and AA)
and screenshots."""

import json
from datetime import timedelta
from functools import partial

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from core.models import OutgoingMessage

from . import checks

pytestmark = pytest.mark.browser

check_page = partial(checks.check_page, "research-export")


@pytest.fixture
def admin(migrated_state: None, live_server: LiveServer, django_db_serialized_rollback: None):
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "x")
    client = Client()
    client.force_login(editor)
    return live_server.url, client.cookies[settings.SESSION_COOKIE_NAME].value


def test_an_editor_downloads_the_research_export(admin, page: Page) -> None:
    base_url, session = admin
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": base_url}]
    )
    page.set_default_timeout(60_000)  # Wagtail's admin scripts take long the first time
    page.goto(f"{base_url}/beheer/")
    page.get_by_role("button", name="Rapporten").click()
    page.get_by_role("link", name="Leerregistraties voor onderzoek").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Leerregistraties voor onderzoek")
    expect(page.get_by_text("Wat de export weglaat")).to_be_visible()
    check_page(page, "page")

    with page.expect_download() as download:
        page.get_by_role("link", name="Download de export").click()
    assert download.value.suggested_filename.endswith(".jsonl")
    lines = download.value.path().read_text().splitlines()
    assert all(json.loads(line)["actor"]["account"]["name"] == "anonymous" for line in lines)


def test_an_editor_sees_what_waits_for_the_lrs(admin, page: Page) -> None:
    base_url, session = admin
    OutgoingMessage.objects.create(
        channel="learning.lrs",
        key="3f2b7c1e-2b1a-4c6e-9d2e-1a2b3c4d5e6f",
        next_attempt_at=timezone.now() + timedelta(minutes=8),
        attempts=3,
        last_error="LRSError: LRS not reached: Connection refused",
    )
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": base_url}]
    )
    page.set_default_timeout(60_000)
    page.goto(f"{base_url}/beheer/uitgaande-berichten/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Uitgaande berichten")
    expect(page.get_by_text("LRS not reached")).to_be_visible()
    check_page(page, "outgoing-messages")
