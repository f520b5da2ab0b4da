"""An editor narrows /beheer/ → Inschrijvingen to one session of the demo, in Chromium, with
axe (WCAG 2.1 A and AA) and screenshots: the filters are "Evenement" and "Bijeenkomst", and a
session is named by its event and its date."""

import re
from functools import partial

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone
from django.utils.formats import date_format
from playwright.sync_api import Page, expect

from events.models import Session

from . import checks

pytestmark = pytest.mark.browser

check_page = partial(checks.check_page, "registrations")


def test_an_editor_filters_the_registrations_by_a_session(
    portals: dict[str, str], page: Page
) -> None:
    base_url = portals["groningen"]
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "x")
    client = Client()
    client.force_login(editor)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": base_url,
            }
        ]
    )
    session = (
        Session.objects.filter(event__isnull=False, registrations__isnull=False)
        .select_related("event")
        .first()
    )
    assert session is not None and session.event is not None
    when = date_format(timezone.localtime(session.starts_at), "l j F Y, H:i")

    # Wagtail's admin loads far larger scripts than the site; the first load takes long.
    page.set_default_timeout(60_000)
    page.goto(f"{base_url}/beheer/inschrijvingen/?session={session.pk}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Inschrijvingen")
    # One filter each: the event, and the session (never a second "Bijeenkomst").
    for label in ("Evenement", "Bijeenkomst"):
        expect(page.get_by_label(label, exact=True)).to_have_count(1)
    chosen = page.locator("#id_session option:checked")
    expect(chosen).to_have_text(f"{session.name} — {when}")
    # No choice is a bare date: each starts with what the session belongs to.
    for text in page.locator("#id_session option").all_inner_texts()[1:]:
        assert not re.match(r"^\s*—", text), text
    expect(page.locator("table.listing tbody tr").first).to_contain_text(when)
    check_page(page, "session")
