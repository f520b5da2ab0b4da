"""The newsletter in Chromium: a visitor subscribes at /nieuwsbrief/, confirms with the link
in the e-mail, receives an edition (its HTML checked by axe like a page), and unsubscribes
with the link in it; the archive and a sent edition are pages too. axe (WCAG 2.1 A and AA)
checks every page, on desktop and on a phone."""

import re
from functools import partial

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.test import Client
from playwright.sync_api import Page, expect

from catalogue.models import LearningItemPage
from core.models import Region
from newsletter import services
from newsletter.models import NewsletterEdition, NewsletterIndexPage, Subscriber
from newsletter.tests.factories import create_edition, create_subscribers

from . import checks
from .conftest import NewContext

pytestmark = pytest.mark.browser

check_page = partial(checks.check_page, "newsletter")


def test_subscribe_confirm_receive_and_unsubscribe(
    new_context: NewContext, portals: dict[str, str], page: Page, django_capture_on_commit_callbacks
) -> None:
    base_url = portals["groningen"]
    mail.outbox.clear()

    page.goto(f"{base_url}/nieuwsbrief/")
    check_page(page, "subscribe")
    page.get_by_role("button", name="Schrijf je in voor de nieuwsbrief").click()
    expect(page.locator(".error-summary")).to_contain_text("Vul je e-mailadres in.")
    check_page(page, "subscribe-errors")
    page.get_by_label("Je e-mailadres").fill("lezer@voorbeeld.nl")
    expect(page.get_by_label("Groningen")).to_be_checked()
    page.get_by_label(re.compile("^Ja, stuur mij de nieuwsbrief")).check()
    page.get_by_role("button", name="Schrijf je in voor de nieuwsbrief").click()
    expect(page.locator("h1")).to_have_text("Kijk in je mailbox")
    check_page(page, "check-email")

    [message] = mail.outbox
    found = re.search(r"http://\S+/nieuwsbrief/bevestigen/\S+/", str(message.body))
    assert found is not None
    confirm_url = found[0]
    page.goto(confirm_url)
    check_page(page, "confirm")
    page.get_by_role("button", name="Bevestig mijn inschrijving").click()
    expect(page.locator("h1")).to_have_text("Je bent ingeschreven")
    check_page(page, "confirmed")
    assert Subscriber.objects.get(email="lezer@voorbeeld.nl").is_confirmed

    index = NewsletterIndexPage.objects.get()
    items = list(LearningItemPage.objects.live().order_by("pk")[:2])
    edition = create_edition(
        index,
        [Region.objects.get(slug="groningen")],
        slug="winter",
        title="Nieuwsbrief winter (voorbeeld)",
        body=[("pages", {"heading": "Nieuw in het aanbod", "pages": items})],
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.start_sending(edition=edition)
    [message] = mail.outbox
    assert isinstance(message, EmailMultiAlternatives)
    assert message.to == ["lezer@voorbeeld.nl"]
    html = str(message.alternatives[0][0])
    # As a mail program shows it: a page of its own, without the site's CSP.
    mail_page = new_context().new_page()
    mail_page.set_content(html)
    expect(mail_page.get_by_role("link", name=items[0].title)).to_be_visible()
    check_page(mail_page, "edition-email")

    page.goto(f"{base_url}/nieuwsbrief/archief/")
    check_page(page, "archive")
    page.get_by_role("link", name="Nieuwsbrief winter (voorbeeld)").click()
    check_page(page, "edition-page")

    mail_page.get_by_role("link", name="Meld je af met één klik").click()
    check_page(mail_page, "unsubscribe")
    checks.tab_until(mail_page, "main button")
    mail_page.keyboard.press("Enter")
    page = mail_page
    expect(page.locator("h1")).to_have_text("Je bent afgemeld")
    check_page(page, "unsubscribed")
    assert Subscriber.objects.get(email="lezer@voorbeeld.nl").state == Subscriber.State.UNSUBSCRIBED
    assert NewsletterEdition.objects.count() == 2  # the demo's and this one


def test_an_editor_sends_a_test_and_then_the_edition_with_its_progress(
    portals: dict[str, str], page: Page
) -> None:
    base_url = portals["groningen"]
    groningen = Region.objects.get(slug="groningen")
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
    create_subscribers(3, [groningen])
    edition = create_edition(
        NewsletterIndexPage.objects.get(), [groningen], slug="lente", title="Lente (voorbeeld)"
    )
    mail.outbox.clear()

    # Wagtail's admin loads far larger scripts than the site; the first load takes long.
    page.set_default_timeout(60_000)
    page.goto(f"{base_url}/beheer/nieuwsbrief/{edition.pk}/versturen/")
    expect(page.locator("main")).to_contain_text("3 abonnees")
    check_page(page, "admin-before")
    page.get_by_role("button", name="Stuur een test naar editor@example.org").click()
    expect(page.locator(".messages")).to_contain_text("De test gaat naar editor@example.org.")
    assert [m.to for m in mail.outbox] == [["editor@example.org"]]
    page.get_by_role("button", name="Verstuur nu naar alle abonnees").click()
    expect(page.locator("main")).to_contain_text("3 van de 3 e-mails klaargezet")
    # Again without Wagtail's message, whose colours fade in (axe would catch them midway).
    page.reload()
    expect(page.locator("main")).to_contain_text("3 van de 3 e-mails klaargezet")
    check_page(page, "admin-sent")
    assert len(mail.outbox) == 4
