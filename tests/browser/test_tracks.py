"""A participant's way through a learning track in Chromium: the overview, registering for
a group, preparing and handing in, the trainer ticking attendance, the editors' matrix,
the certificate arriving at once and downloading, and its public check. axe (WCAG 2.1 A
and AA) runs on every page of tracks, at desktop and phone width."""

import re
from datetime import timedelta
from functools import partial

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.utils import timezone
from playwright.sync_api import BrowserContext, Page, expect
from pypdf import PdfReader

from catalogue.models import CatalogueIndexPage
from core.models import Region, portal_path
from tracks.models import Certificate, CohortDay
from tracks.tests.factories import PASSWORD, create_track, make_user, plan

from . import checks
from .conftest import NewContext

pytestmark = pytest.mark.browser

check_page = partial(checks.check_page, "tracks")

EDITOR = ("redacteur@example.org", "leren-over-armoede")


def log_in(context: BrowserContext, base_url: str, email: str, password: str) -> Page:
    page = context.new_page()
    page.goto(f"{base_url}/account/login/")
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(password)
    page.locator("form.account-form button[type=submit]").click()
    expect(page).not_to_have_url(re.compile(r"/account/login/"))
    return page


def test_participant_completes_a_track_and_downloads_the_certificate(
    portals: dict[str, str], new_context: NewContext
) -> None:
    base_url = portals["groningen"]
    track = create_track(
        CatalogueIndexPage.objects.get(),
        regions=list(Region.objects.all()),
        slug="leergang-in-de-browser",
        days=2,
    )
    cohort = plan(track, name="Groep browser", seats=3)
    track_url = base_url + portal_path(track)
    participant = make_user("deelnemer", full_name="Dewi Deelnemer (voorbeeld)")
    EmailAddress.objects.create(
        user=participant, email=participant.email, verified=True, primary=True
    )

    # A visitor finds the track and its group on /leergangen/.
    visitor = new_context().new_page()
    visitor.goto(f"{base_url}/leergangen/")
    check_page(visitor, "overview")
    card = visitor.locator(".track-card", has_text="Leergang in de browser")
    expect(card).to_contain_text("Nog 3 plaatsen")
    card.get_by_role("link", name="Leergang in de browser").click()
    expect(visitor.locator("h1")).to_have_text("Leergang in de browser")
    check_page(visitor, "track-visitor")

    # The participant registers and sees where they stand.
    learner = log_in(new_context(), base_url, participant.email, PASSWORD)
    learner.goto(track_url)
    learner.get_by_role("button", name=re.compile("Schrijf je in voor deze groep")).click()
    expect(learner.locator(".notice")).to_contain_text("Je bent ingeschreven")
    expect(learner.locator(".track-progress")).to_contain_text("0 van de 6 verplichte stappen")
    check_page(learner, "track-participant")
    learner.get_by_role("link", name=re.compile("Meld je af")).click()
    check_page(learner, "cancel")
    learner.go_back()

    # Preparation: complete each item; practice assignments: hand in the answers.
    for day in track.days.all():
        item = day.preparation_items.get()
        learner.goto(track_url)
        learner.locator(".track-progress").get_by_role("link", name=item.title).click()
        learner.get_by_role("button", name="Markeer als afgerond").click()
        learner.goto(track_url)
        learner.locator(".track-progress").get_by_role("link", name=day.assignment.title).click()
        learner.get_by_role("link", name="Schrijf je antwoorden").click()
        learner.locator("textarea").first.fill("Ik merkte dat rust helpt.")
        learner.get_by_role("button", name="Lever je antwoorden in").click()
    learner.goto(track_url)
    expect(learner.locator(".track-progress")).to_contain_text("4 van de 6 verplichte stappen")

    # The days take place (the clock moves on), and the trainer ticks attendance.
    now = timezone.now()
    for number, day in enumerate(CohortDay.objects.filter(cohort=cohort).order_by("starts_at")):
        start = now - timedelta(days=8 - 7 * number)
        CohortDay.objects.filter(pk=day.pk).update(
            starts_at=start, ends_at=start + timedelta(hours=6)
        )
    mail.outbox.clear()
    editor = log_in(new_context(), base_url, *EDITOR)
    for number, day_title in enumerate(("Dag 1", "Dag 2")):
        editor.goto(track_url)
        manage = editor.locator(".manage")
        manage.get_by_role("link", name=f"Aanwezigheid: {day_title}").first.click()
        if number == 0:
            check_page(editor, "attendance")
        person = editor.get_by_role("group", name=re.compile("Dewi Deelnemer"))
        person.get_by_label("Aanwezig").check()
        editor.get_by_role("button", name="Sla de aanwezigheid op").click()
        expect(editor.locator(".notice")).to_contain_text("De aanwezigheid is opgeslagen")

    # The editors' matrix shows who has done what.
    editor.goto(f"{base_url}/leergangen/groep/{cohort.pk}/voortgang/")
    row = editor.get_by_role("row", name=re.compile("Dewi Deelnemer"))
    expect(row).to_contain_text("1 van 1")
    check_page(editor, "matrix")

    # The certificate is there at once, by e-mail and on the track page.
    certificate = Certificate.objects.get(user=participant)
    assert [message.subject for message in mail.outbox] == [
        "Gefeliciteerd: je certificaat voor Leergang in de browser"
    ]
    learner.goto(track_url)
    expect(learner.locator(".track-progress")).to_contain_text("Je hebt deze leergang afgerond")
    check_page(learner, "track-completed")
    with learner.expect_download() as download:
        learner.get_by_role("link", name="Download je certificaat (pdf)").click()
    text = PdfReader(download.value.path()).pages[0].extract_text()
    assert "Dewi Deelnemer (voorbeeld)" in text
    assert "Leergang in de browser" in text
    assert certificate.display_code in text

    # Anyone can check it; an unknown code is simply not found.
    visitor.goto(f"{base_url}/certificaat/{certificate.code}/")
    expect(visitor.locator(".verified")).to_contain_text("Dewi Deelnemer (voorbeeld)")
    check_page(visitor, "verify")
    visitor.goto(f"{base_url}/certificaat/")
    check_page(visitor, "verify-form")
    visitor.get_by_label("Controlecode").fill("ABCD-EFGH-IJKL-MNOP-QRST-UVWX")
    visitor.get_by_role("button", name="Controleer de code").click()
    expect(visitor.locator("h1")).to_have_text("Certificaat niet gevonden")
    check_page(visitor, "verify-unknown")
