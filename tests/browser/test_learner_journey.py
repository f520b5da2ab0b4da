"""Issue 5's journey from sign-up to a completed route step: sign up, confirm the address
from the test outbox, onboarding, the needs scan, take over the route, complete the first
step, and see "Mijn leeromgeving" change. axe (WCAG 2.1 A and AA) on every page."""

import re
from functools import partial

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from accounts.models import Profile
from catalogue.models import PracticeAssignmentPage
from learning.models import LearningRecord, RouteStep, Verb

from . import checks

pytestmark = pytest.mark.browser

check_page = partial(checks.check_page, "learning")

EMAIL = "journey@example.org"
PASSWORD = "een-lang-wachtwoord-voor-tests"


def test_from_sign_up_to_a_completed_step(portals: dict[str, str], page: Page) -> None:
    base_url = portals["groningen"]
    page.goto(f"{base_url}/account/signup/")
    page.locator("#id_email").fill(EMAIL)
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.locator("form.account-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/account/confirm-email/$"))
    link = re.search(r"http://\S+/account/confirm-email/\S+", str(mail.outbox[-1].body))
    assert link, mail.outbox[-1].body
    page.goto(link.group(0))
    page.locator("form.account-form button[type=submit]").click()

    expect(page).to_have_url(re.compile(r"/mijn/welkom/$"))
    page.locator("#id_full_name").fill("Joris (voorbeeld)")
    page.locator("#id_role").select_option(label="Medewerker sociaal team")
    page.locator("form.account-form button[type=submit]").click()

    # A new professional lands on the dashboard, which offers the scan.
    expect(page).to_have_url(f"{base_url}/mijn/")
    expect(page.locator("#verder ~ p")).to_contain_text("Je bent nog nergens mee begonnen")
    check_page(page, "dashboard-new")
    page.get_by_role("link", name="Doe de leerbehoefte-scan").click()

    expect(page).to_have_url(re.compile(r"/mijn/leerbehoefte/$"))
    page.locator("input[name=situations]").first.check()
    page.locator("input[name=minutes_per_week]").nth(1).check()
    page.get_by_role("button", name="Toon mijn route").click()
    expect(page).to_have_url(re.compile(r"/voorstel/$"))
    page.locator("form[action$='/overnemen/'] button").click()

    expect(page).to_have_url(f"{base_url}/mijn/route/")
    total = RouteStep.objects.filter(user__email=EMAIL).count()
    assert total >= 3
    expect(page.locator(".route-progress__text")).to_have_text(f"0 van {total} afgerond")

    # Complete the first step that is completed with the button (not an assignment).
    first = (
        RouteStep.objects.filter(user__email=EMAIL)
        .exclude(page__content_type__model="practiceassignmentpage")
        .order_by("position")
        .first()
    )
    assert first is not None
    page.locator(".route-step__title a", has_text=first.page.title).click()
    expect(page.locator("#voortgang")).to_contain_text("Dit is een stap in je leerroute")
    check_page(page, "item-in-route")
    page.get_by_role("button", name="Markeer als afgerond").click()
    expect(page.locator("#voortgang")).to_contain_text("Afgerond op")
    assert LearningRecord.objects.filter(
        actor__email=EMAIL, verb=Verb.COMPLETED, activity_id=first.page_id
    ).exists()

    page.locator(".account-nav a").click()
    expect(page).to_have_url(f"{base_url}/mijn/")
    expect(page.locator(".route-summary .route-progress__text")).to_have_text(
        f"1 van {total} afgerond"
    )
    expect(page.locator("#afgerond ~ ul")).to_contain_text(first.page.title)
    check_page(page, "dashboard-progress")

    # A practice assignment's private answers: a draft first.
    assignment = PracticeAssignmentPage.objects.live().first()
    assert assignment is not None
    page.goto(f"{base_url}/mijn/opdrachten/{assignment.pk}/")
    page.locator("textarea").first.fill("Ik merkte dat ik snel oordeelde.")
    page.get_by_role("button", name="Bewaar als concept").click()
    expect(page.locator(".notice").first).to_contain_text("bewaard als concept")
    expect(page.locator("textarea").first).to_have_value("Ik merkte dat ik snel oordeelde.")
    check_page(page, "answers")

    page.goto(f"{base_url}/mijn/")
    page.get_by_role("link", name="Verwijder je account").click()
    check_page(page, "delete-account")
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_label("Ik begrijp dat mijn account").check()
    page.get_by_role("button", name="Verwijder mijn account voorgoed").click()
    expect(page.locator("h1")).to_have_text("Je account is verwijderd")
    check_page(page, "account-removed")
    assert not Profile.objects.filter(user__email=EMAIL).exists()
    assert LearningRecord.objects.filter(actor__isnull=True, verb=Verb.COMPLETED).exists()
