"""The poverty monitor in a real browser: the map by keyboard to a municipality and on to a
session there; choosing a figure with and without JavaScript; axe on every page."""

import re
from functools import partial
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from core.models import Municipality
from monitor import services
from monitor.models import Figure
from monitor.tests.data import example_rows, write_boundaries, write_figures

from . import checks
from .conftest import NewContext

pytestmark = pytest.mark.browser
check_page = partial(checks.check_page, "monitor")


def ensure_figures(tmp_path: Path) -> None:
    """The demo imports the real CBS files when they are beside the checkout; without them
    the journey imports example figures (not real) for the demo's municipalities."""
    if Figure.objects.exists():
        return
    municipalities = [
        (m.cbs_code, m.name, m.region.name) for m in Municipality.objects.select_related("region")
    ]
    services.import_figures(
        path=write_figures(tmp_path / "voorbeeld2021.csv", example_rows(municipalities))
    )
    codes = [code for code, _name, _region in municipalities]
    services.import_boundaries(path=write_boundaries(tmp_path / "g2022.geojson", codes, 5))


def test_from_the_map_by_keyboard_to_a_municipality_and_a_session_there(
    portals: dict[str, str], page: Page, tmp_path: Path
) -> None:
    ensure_figures(tmp_path)
    page.goto(f"{portals['groningen']}/")
    page.get_by_role("link", name="Armoedemonitor").click()
    expect(page.locator("h1")).to_have_text("Armoedemonitor")
    expect(page.locator(".monitor-map__area")).to_have_count(22)
    check_page(page, "map")

    # With JavaScript a new figure redraws map and table in place and says so.
    page.get_by_label("Cijfer", exact=True).select_option(label="Jongeren met jeugdzorg")
    expect(page).to_have_url(re.compile(r"indicator=pct_jongeren_met_jeugdzorg"))
    expect(page.locator("#monitor-status")).to_have_text(
        "De kaart en de tabel tonen nu: Jongeren met jeugdzorg."
    )
    expect(page.locator(".monitor__heading")).to_contain_text("Jongeren met jeugdzorg")
    check_page(page, "youth-care")

    # A column heading sorts the table.
    page.get_by_role("link", name="Jeugdzorg").click()
    expect(page.locator("th[aria-sort]")).to_have_attribute("aria-sort", "ascending")

    # By keyboard: the map's shape of Stadskanaal is a link, then a session nearby.
    page.goto(f"{portals['groningen']}/monitor/")
    checks.tab_until(page, 'a.monitor-map__area[href="/monitor/stadskanaal/"]', limit=120)
    page.screenshot(path=checks.SCREENSHOTS / "monitor-map-focus.png")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Stadskanaal")
    check_page(page, "stadskanaal")
    session_link = page.locator(".monitor-offer li a[href*='#sessie-']").first
    href = session_link.get_attribute("href") or ""
    checks.tab_until(page, f'.monitor-offer a[href="{href}"]', limit=150)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(href) + "$"))
    expect(page.locator(f"#{href.split('#')[1]}")).to_be_visible()


def test_choosing_a_figure_without_javascript(
    portals: dict[str, str], new_context: NewContext, tmp_path: Path
) -> None:
    ensure_figures(tmp_path)
    page = new_context(java_script_enabled=False).new_page()
    page.goto(f"{portals['drenthe']}/monitor/")
    page.get_by_label("Cijfer", exact=True).select_option(label="Bijstand per 1.000 inwoners")
    page.get_by_role("button", name="Toon dit cijfer").click()
    expect(page).to_have_url(re.compile(r"indicator=bijstand_per_1000_inwoners"))
    expect(page.locator(".monitor__heading")).to_contain_text("Bijstand per 1.000 inwoners")
    page.get_by_role("link", name="Bijstand", exact=True).click()
    expect(page).to_have_url(re.compile(r"sorteer=waarde"))
    expect(page.locator("th[aria-sort]")).to_have_attribute("aria-sort", "ascending")
    # No axe here: it runs as JavaScript, which this page has not (the other journey runs it).
    page.screenshot(path=checks.SCREENSHOTS / "monitor-drenthe-no-js.png", full_page=True)
