"""A visitor finds the action agenda in the footer, reads a spearhead's goal, its target's
chart and what it gathers, and does it all by keyboard. axe (WCAG 2.1 A and AA) runs on
both pages, at desktop and phone width, in both portals."""

from functools import partial

import pytest
from playwright.sync_api import expect

from . import checks
from .conftest import NewContext
from .test_portals import SCREENSHOTS

pytestmark = pytest.mark.browser

check_page = partial(checks.check_page, "actionagenda")


def test_visitor_reads_the_action_agenda_by_keyboard(
    portals: dict[str, str], new_context: NewContext
) -> None:
    page = new_context().new_page()
    page.goto(portals["groningen"] + "/")

    # The footer leads to the agenda; the keyboard reaches the link and follows it.
    checks.tab_until(page, '.site-footer a[href="/actieagenda/"]', limit=120)
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Actieagenda")
    check_page(page, "index")
    expect(page.get_by_role("heading", name="Speerpunten")).to_be_visible()
    chart = page.get_by_role("img", name="Voortgang: 250 mensen in armoede naar scholing en werk")
    expect(chart).to_be_visible()
    expect(page.locator(".example-label").first).to_contain_text("Voorbeeldcijfers")
    target = page.locator(".target", has_text="250 mensen in armoede")
    expect(target.get_by_role("link", name="Ervaringsdeskundigheid en rolmodellen")).to_be_visible()
    expect(page.get_by_role("heading", name="Vergaderingen van de stuurgroep")).to_be_visible()

    # Each spearhead's card is one link, reached by Tab.
    checks.tab_until(page, '.card a[href="/actieagenda/vroegsignalering-en-preventie/"]')
    # The focused card shows its outline (looked at by a person).
    page.screenshot(path=SCREENSHOTS / "actionagenda-keyboard-focus-desktop.png")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Vroegsignalering en preventie")
    check_page(page, "spearhead")
    expect(page.locator(".gathered")).to_contain_text("Over Vroegsignalering op deze site")
    expect(page.locator(".gathered__list").first).to_be_visible()

    # Back to the agenda by keyboard.
    checks.tab_until(page, ".action-agenda__up a")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Actieagenda")

    # The other portal shows the same agenda, in its own colour.
    page.goto(portals["drenthe"] + "/actieagenda/ervaringsdeskundigheid-en-rolmodellen/")
    expect(page.locator("h1")).to_have_text("Ervaringsdeskundigheid en rolmodellen")
    check_page(page, "spearhead-drenthe")
