"""A manager of the demo team composes a path with the search (without JavaScript too),
follows the team's progress; a member sees the path on /mijn/ and stops sharing, and the
manager sees it at once. axe (WCAG 2.1 A and AA) checks every page, desktop and phone."""

from functools import partial

import pytest
from playwright.sync_api import Page, expect

from demo import team_paths as team_paths_demo
from learning.models import TeamPath

from . import checks

pytestmark = pytest.mark.browser

check_page = partial(checks.check_page, "teampaths")


def log_in(page: Page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/account/login/")
    page.locator("input[name=login]").fill(f"{username}@example.org")
    page.locator("input[name=password]").fill(team_paths_demo.DEMO_PASSWORD)
    page.locator("form.account-form button[type=submit]").click()
    expect(page.locator(".account-nav form button")).to_be_visible()


def test_a_manager_composes_and_follows_a_path(portals: dict[str, str], new_context) -> None:
    base_url = portals["drenthe"]
    path = TeamPath.objects.get(title=team_paths_demo.PATH)
    team_url = f"{base_url}/mijn/organisatie/teams/{path.team_id}/leerpaden/"

    # Without JavaScript: a new path, an item found by the search and added with a date.
    # (axe needs JavaScript: the pages are checked in a second context below.)
    page = new_context(java_script_enabled=False).new_page()
    log_in(page, base_url, team_paths_demo.MANAGER[0])
    page.goto(team_url)
    page.get_by_label("Titel").fill("Verdieping: stress en schaarste")
    page.get_by_role("button", name="Leerpad maken").click()
    page.get_by_label("Zoek in het aanbod op titel").fill("schaarste")
    page.get_by_role("button", name="Zoeken", exact=True).click()
    result = page.locator(".search-results li").first
    expect(result).to_contain_text("Schaarste")
    result.locator("input[type=date]").fill("2027-06-30")
    result.get_by_role("button", name="Voeg toe").click()
    expect(page.locator(".route-steps .route-step")).to_have_count(1)
    expect(page.locator(".route-steps input[type=date]")).to_have_value("2027-06-30")
    page.get_by_role("button", name="Leerpad toewijzen").click()
    expect(page.locator("h1")).to_have_text("Voortgang van het team")

    # With JavaScript, every page through axe; the search refreshes through htmx.
    page = new_context().new_page()
    log_in(page, base_url, team_paths_demo.MANAGER[0])
    page.goto(f"{base_url}/mijn/organisatie/leerpaden/")
    check_page(page, "teams")
    page.goto(team_url)
    check_page(page, "paths")
    page.goto(f"{team_url}{path.pk}/")
    page.get_by_label("Zoek in het aanbod op titel").fill("armoede")
    expect(page.locator(".search-results li").first).to_be_visible()
    check_page(page, "compose")

    # The demo path's progress: Youssef shares nothing.
    page.goto(f"{team_url}{path.pk}/voortgang/")
    check_page(page, "progress")
    youssef = page.locator("tr", has_text="Youssef")
    expect(youssef).to_contain_text("deelt geen voortgang")
    sanne = page.locator("tr", has_text="Sanne")
    expect(sanne.locator(".state--done")).to_have_count(1)

    # Sanne sees both paths on /mijn/, then stops sharing: the manager sees it at once.
    member = new_context().new_page()
    log_in(member, base_url, team_paths_demo.MEMBERS[0][0])
    member.goto(f"{base_url}/mijn/")
    block = member.locator("#toegewezen").locator("xpath=..")
    expect(block).to_contain_text("Hanneke Teamleider (voorbeeld)")
    expect(block.locator(".assigned-path")).to_have_count(2)
    check_page(member, "member-block")
    block.get_by_role("link", name="Kies wat je leidinggevenden zien").click()
    check_page(member, "sharing")
    member.get_by_label("Niets.", exact=False).check()
    member.locator("form.team-form button[type=submit]").click()
    expect(member.locator(".messages, [role=status], .notice").first).to_be_visible()
    page.reload()
    expect(page.locator("tr", has_text="Sanne")).to_contain_text("deelt geen voortgang")
