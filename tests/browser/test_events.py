"""Registering for a training in Chromium: a professional registers in one click, gets the
confirmation (with a calendar file), cancels and sees the seat come back; a visitor without
an account registers with the form and confirms by the link in the e-mail. axe (WCAG 2.1 A
and AA) checks every page, on desktop and on a phone."""

import re
from datetime import timedelta
from functools import partial

import pytest
import time_machine
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone
from icalendar import Calendar
from playwright.sync_api import Page, expect

from accounts.models import Profile
from accounts.tests.factories import PASSWORD, UserFactory
from core.models import Role
from events.models import EventPage, Registration, Session

from . import checks
from .conftest import NewContext

pytestmark = pytest.mark.browser

check_page = partial(checks.check_page, "events")

# A demo training in both regions, weeks ahead, with 14 of its 20 seats free.
TRAINING = "training-stress-sensitieve-dienstverlening"


@pytest.fixture
def base_urls(portals: dict[str, str]) -> dict[str, str]:
    """The portals, with an empty outbox: loading the demo sends mail of its own."""
    mail.outbox.clear()
    return portals


def log_in(page: Page, base_url: str, email: str) -> None:
    page.goto(f"{base_url}/account/login/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form.account-form button[type=submit]").click()
    expect(page.locator(".account-nav form button")).to_be_visible()


def test_register_confirm_cancel_and_the_seat_returns(
    base_urls: dict[str, str], page: Page
) -> None:
    base_url = base_urls["groningen"]
    session = EventPage.objects.get(slug=TRAINING).sessions.order_by("starts_at").first()
    assert session is not None
    user = UserFactory.create(email="sanne@voorbeeld.nl")
    Profile.objects.create(
        user=user,
        full_name="Sanne (voorbeeld)",
        role=Role.objects.get(slug="schuldhulpverlener"),
    )
    log_in(page, base_url, user.email)
    link_to_session = page.locator(f"a[href$='#sessie-{session.pk}']")
    card = page.locator(".session-card").filter(has=link_to_session)

    # What the demo left free (it reserves seats of this session for an organisation).
    left = Session.objects.with_seat_counts().get(pk=session.pk).seats_left
    page.goto(f"{base_url}/agenda/")
    expect(card.locator(".seats")).to_have_text(f"Nog {left} plaatsen")
    check_page(page, "agenda")
    card.locator("a").click()
    check_page(page, "event")
    article = page.locator(f"#sessie-{session.pk}")
    expect(article.locator(".seats")).to_have_text(f"Nog {left} plaatsen")
    article.get_by_role("button", name=re.compile("^Schrijf je in")).click()

    expect(page.locator(".notice")).to_contain_text("Je bent ingeschreven.")
    expect(article).to_contain_text("Je inschrijving: Bevestigd")
    check_page(page, "registered")
    [message] = mail.outbox
    assert isinstance(message, EmailMultiAlternatives)
    assert message.to == [user.email]
    assert message.subject.startswith("Je bent ingeschreven voor Training stress-sensitieve")
    assert "Wanneer:" in str(message.body)
    filename, content, mimetype = message.attachments[0]
    assert (filename, mimetype) == ("uitnodiging.ics", "text/calendar")
    [vevent] = Calendar.from_ical(content).walk("VEVENT")
    assert vevent.decoded("dtstart") == session.starts_at.replace(microsecond=0)
    page.goto(f"{base_url}/agenda/")
    expect(card.locator(".seats")).to_have_text(f"Nog {left - 1} plaatsen")

    card.locator("a").click()
    article.get_by_role("link", name=re.compile("^Meld je af")).click()
    expect(page).to_have_url(re.compile(r"/agenda/inschrijving/\d+/annuleren/$"))
    check_page(page, "cancel")
    page.get_by_role("button", name="Ja, meld me af").click()

    expect(page.locator(".notice")).to_contain_text("Je bent afgemeld.")
    expect(article.locator(".seats")).to_have_text(f"Nog {left} plaatsen")
    expect(article.get_by_role("button", name=re.compile("^Schrijf je in"))).to_be_visible()
    check_page(page, "cancelled")
    assert Registration.objects.get(user=user).state == "cancelled"
    assert mail.outbox[-1].subject.startswith("Je bent afgemeld voor")


def test_visitor_registers_and_confirms_by_email(
    base_urls: dict[str, str], new_context: NewContext
) -> None:
    base_url = base_urls["drenthe"]
    session = EventPage.objects.get(slug=TRAINING).sessions.order_by("starts_at").first()
    assert session is not None
    page = new_context().new_page()
    page.goto(f"{base_url}/agenda/")
    page.locator(f".session-card a[href$='#sessie-{session.pk}']").click()
    page.locator(f"#sessie-{session.pk}").get_by_role(
        "link", name=re.compile("^Schrijf je in")
    ).click()
    expect(page).to_have_url(re.compile(rf"/agenda/sessie/{session.pk}/inschrijven/$"))
    check_page(page, "visitor-form")

    page.locator("#id_name").fill("Vera (voorbeeld)")
    page.locator("#id_email").fill("geen-adres")
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".error-summary")).to_contain_text("Vul een e-mailadres in zoals")
    expect(page.locator("#id_name")).to_have_value("Vera (voorbeeld)")
    check_page(page, "visitor-form-errors")
    page.locator(".error-summary a").first.click()
    expect(page.locator("#id_email")).to_be_focused()

    page.locator("#id_email").fill("vera@voorbeeld.nl")
    page.locator("#id_organisation_name").fill("Woonconcept")
    page.locator("#id_role").select_option(label="Schuldhulpverlener")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("h1")).to_have_text("Kijk in je e-mail")
    check_page(page, "visitor-check-email")
    registration = Registration.objects.get(email="vera@voorbeeld.nl")
    assert registration.state == "pending"

    [message] = mail.outbox
    assert message.subject.startswith("Bevestig je inschrijving voor")
    link = re.search(r"http://\S+/agenda/bevestigen/\S+/", str(message.body))
    assert link and link.group(0).startswith(base_url), message.body
    # Four days on, the link has expired: a calm page says so and what to do instead.
    with time_machine.travel(timezone.now() + timedelta(days=4)):
        page.goto(link.group(0))
        expect(page.locator("h1")).to_have_text("Deze link is verlopen")
        expect(page.get_by_role("link", name="Naar de bijeenkomst")).to_be_visible()
        check_page(page, "link-expired")
    page.goto(link.group(0))
    check_page(page, "visitor-confirm")
    page.get_by_role("button", name="Bevestig mijn inschrijving").click()
    expect(page.locator("h1")).to_have_text("Je e-mailadres is bevestigd")
    expect(page.locator("main")).to_contain_text("Je bent ingeschreven.")
    check_page(page, "visitor-confirmed")
    registration.refresh_from_db()
    assert registration.state == "confirmed"
    page.goto(link.group(0))  # the link a second time: it has done its work
    expect(page.locator("h1")).to_have_text("Deze link geldt niet meer")
    expect(page.locator("main")).to_contain_text("Bevestigd")
    check_page(page, "link-moved-on")
    assert mail.outbox[-1].subject.startswith("Je bent ingeschreven voor")


def test_congres_programme_one_workshop_per_round(base_urls: dict[str, str], page: Page) -> None:
    base_url = base_urls["groningen"]
    congres = EventPage.objects.get(slug="congres-alliantie-van-kracht-tegen-armoede")
    first, second = congres.sessions.filter(round="Ronde 1").order_by("pk")[:2]
    user = UserFactory.create(email="fenna@voorbeeld.nl")
    Profile.objects.create(
        user=user,
        full_name="Fenna (voorbeeld)",
        role=Role.objects.get(slug="beleidsmedewerker"),
    )
    log_in(page, base_url, user.email)
    page.goto(f"{base_url}/aanbod/{congres.slug}/")
    expect(page.locator("#sessions-heading")).to_have_text("Programma")
    # The workshops of a round together, under the round's heading with its time.
    round_one = page.get_by_role("region", name=re.compile("^Ronde 1: 11:00 \u2013 12:15$"))
    expect(round_one.locator("article.session")).to_have_count(3)
    expect(round_one.locator(f"#sessie-{second.pk} h4")).to_have_text(second.title)
    expect(
        round_one.locator(f"#sessie-{second.pk}").get_by_role("button", name=re.compile("^Schrijf"))
    ).to_have_accessible_name(re.compile(f": {re.escape(second.title)}$"))
    check_page(page, "congres")

    page.locator(f"#sessie-{first.pk}").get_by_role(
        "button", name=re.compile("^Schrijf je in")
    ).click()
    expect(page.locator(".notice")).to_contain_text("Je bent ingeschreven.")
    page.locator(f"#sessie-{second.pk}").get_by_role(
        "button", name=re.compile("^Schrijf je in")
    ).click()
    expect(page.locator(".notice")).to_contain_text("Je hebt in Ronde 1 al een workshop gekozen")
    check_page(page, "congres-second-workshop")
    assert list(Registration.objects.filter(user=user).values_list("session", flat=True)) == [
        first.pk
    ]
