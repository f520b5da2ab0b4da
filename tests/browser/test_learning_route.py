"""A professional takes the needs scan by keyboard, takes over the proposed route, sees it
with its reasons and moves a step; a visitor chooses a role for recommendations. axe
(WCAG 2.1 A and AA) checks every page, on desktop and on a phone."""

import re
from functools import partial

import pytest
from playwright.sync_api import Page, expect

from accounts.models import Profile
from accounts.tests.factories import PASSWORD, UserFactory
from core.models import LearningForm, Role
from learning.models import NeedsScan, RouteStep

from . import checks

pytestmark = pytest.mark.browser

check_page = partial(checks.check_page, "learning")
tab_until = checks.tab_until


def log_in(page: Page, base_url: str, email: str) -> None:
    page.goto(f"{base_url}/account/login/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form.account-form button[type=submit]").click()
    # Logged in: the header offers to log out.
    expect(page.locator(".account-nav form button")).to_be_visible()


def test_scan_route_and_moving_a_step(portals: dict[str, str], page: Page) -> None:
    base_url = portals["groningen"]
    user = UserFactory.create(email="femke@example.org")
    profile = Profile.objects.create(
        user=user,
        full_name="Femke (voorbeeld)",
        role=Role.objects.get(slug="schuldhulpverlener"),
    )
    profile.learning_forms.set(LearningForm.objects.filter(slug="kijken"))
    log_in(page, base_url, user.email)

    page.goto(f"{base_url}/mijn/leerbehoefte/")
    check_page(page, "scan")
    # The role comes from the profile; choose a situation and the time, by keyboard.
    expect(page.locator("#id_role option:checked")).to_have_text("Schuldhulpverlener")
    page.locator("#id_role").focus()
    tab_until(page, "input[name=situations]")
    page.keyboard.press("Space")
    tab_until(page, "input[name=minutes_per_week]")
    page.keyboard.press("ArrowDown")  # selects the second choice: an hour a week
    tab_until(page, "form.learning-form button[type=submit]")
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/mijn/leerbehoefte/\d+/voorstel/$"))
    scan = NeedsScan.objects.get(user=user)
    assert scan.minutes_per_week == 60 and scan.situations.count() == 1
    expect(page.locator(".route-step__reason").first).to_contain_text(
        "Omdat je aangaf dat je het lastig vindt om"
    )
    check_page(page, "proposal")
    assert not RouteStep.objects.filter(user=user).exists()
    tab_until(page, "form[action$='/overnemen/'] button")
    page.keyboard.press("Enter")

    expect(page).to_have_url(f"{base_url}/mijn/route/")
    steps = list(RouteStep.objects.of(user).values_list("page__title", flat=True))
    assert len(steps) >= 3
    expect(page.locator(".route-progress__text")).to_have_text(f"0 van {len(steps)} afgerond")
    expect(page.locator(".route-step__title")).to_have_count(len(steps))
    expect(page.locator(".route-step__reason").first).to_contain_text("Omdat je")
    check_page(page, "route")

    # Move the first step down by keyboard: it becomes the second.
    tab_until(page, ".route-step:first-child form:has([value=omlaag]) button")
    page.keyboard.press("Enter")
    expect(page.locator(".route-step__title").nth(1)).to_contain_text(steps[0])
    expect(page.locator(".route-step__title").first).to_contain_text(steps[1])
    assert list(RouteStep.objects.of(user).values_list("page__title", flat=True))[:2] == [
        steps[1],
        steps[0],
    ]


def test_a_visitor_chooses_a_role_for_recommendations(portals: dict[str, str], page: Page):
    base_url = portals["drenthe"]
    page.goto(f"{base_url}/aanbod/")
    page.locator("#recommend-role").select_option("incassomedewerker")
    page.get_by_role("button", name="Toon aanbevelingen").click()
    expect(page).to_have_url(re.compile(r"/aanbevolen/\?rol=incassomedewerker$"))
    expect(page.locator(".recommendations .route-step")).not_to_have_count(0)
    check_page(page, "recommended")
    # Remembered without the query string, in a functional cookie.
    page.goto(f"{base_url}/aanbevolen/")
    expect(page.locator("#id_rol option:checked")).to_have_text(
        "Incassomedewerker woningcorporatie"
    )
    expect(page.locator(".recommendations .route-step")).not_to_have_count(0)
