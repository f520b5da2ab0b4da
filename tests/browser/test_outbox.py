"""An editor finds a failed e-mail in /beheer/ → Uitgaande e-mail and sends it again, in
Chromium, with axe (WCAG 2.1 A and AA) and screenshots of both pages."""

from functools import partial

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import transaction
from django.test import Client
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from core.mail import queue_email
from core.models import OutgoingEmail
from core.tasks import MAX_ATTEMPTS
from core.tests.outage import mail_server_down
from core.tests.test_outbox import a_message

from . import checks

pytestmark = pytest.mark.browser

check_page = partial(checks.check_page, "outbox")


@pytest.fixture
def admin(migrated_state: None, live_server: LiveServer, django_db_serialized_rollback: None):
    """The live server's address and an editor's session cookie for it."""
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "x")
    client = Client()
    client.force_login(editor)
    return live_server.url, client.cookies[settings.SESSION_COOKIE_NAME].value


def test_an_editor_sends_a_failed_email_again(admin, page: Page, settings) -> None:
    base_url, session = admin
    with mail_server_down(settings):
        for recipient in ("wacht@voorbeeld.nl", "mislukt@voorbeeld.nl"):
            with transaction.atomic():  # delivered (and refused) when it commits
                queue_email(a_message(recipient, subject="Nieuw wachtwoord"), kind="test")
    OutgoingEmail.objects.filter(recipients="mislukt@voorbeeld.nl").update(
        attempts=MAX_ATTEMPTS, next_attempt_at=None
    )
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": base_url}]
    )

    # Wagtail's admin loads far larger scripts than the site; the first load takes long.
    page.set_default_timeout(60_000)
    page.goto(f"{base_url}/beheer/uitgaande-email/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Uitgaande e-mails")
    expect(page.locator("table.listing tbody tr")).to_have_count(2)
    check_page(page, "list")

    page.get_by_role("link", name="mislukt@voorbeeld.nl").click()
    expect(page.get_by_text("ConnectionRefusedError")).to_be_visible()
    check_page(page, "send-again")
    page.get_by_role("button", name="Verstuur opnieuw").click()

    expect(
        page.get_by_text("We versturen de e-mail aan mislukt@voorbeeld.nl opnieuw.")
    ).to_be_visible()
    expect(page.locator("table.listing tbody tr")).to_have_count(1)
    [message] = mail.outbox
    assert message.to == ["mislukt@voorbeeld.nl"]
