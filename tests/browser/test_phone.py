"""Phones first: the page and not the header fills the first screen, the folded menu and
display settings work by keyboard, without JavaScript and for screen readers, and no page
scrolls sideways at any text size and letter spacing the toolbar offers."""

from typing import Any

import pytest
from playwright.sync_api import Page, ViewportSize, expect

from .checks import check_page
from .conftest import REGIONS, NewContext
from .test_portals import sitemap_urls

pytestmark = pytest.mark.browser

PHONE: ViewportSize = {"width": 390, "height": 844}
SMALL_PHONE: ViewportSize = {"width": 320, "height": 844}
TEXT_LEVELS = range(-1, 6)
SPACING_LEVELS = range(4)
# Pages outside the sitemaps that every visitor meets.
OTHER_PATHS = ["/zoeken/?q=schuldhulpverlening", "/account/login/", "/account/signup/"]
# One page of each kind, for the walk through every toolbar level.
KIND_PATHS = [
    "/",
    "/aanbod/",
    "/agenda/",
    "/aanbod/training-stress-sensitieve-dienstverlening/",
    "/aanbod/driedaagse-leergang-de-armoedespiraal-doorbreken/",
]


def accessible_node(page: Page, name: str) -> dict[str, Any] | None:
    """What a screen reader gets for the element named `name`: Chromium's own
    accessibility tree (Playwright's roles do not know <summary>)."""
    cdp = page.context.new_cdp_session(page)
    for node in cdp.send("Accessibility.getFullAXTree")["nodes"]:
        if node.get("name", {}).get("value") == name and not node.get("ignored"):
            properties = {p["name"]: p["value"].get("value") for p in node.get("properties", [])}
            return {"role": node["role"]["value"], **properties}
    return None


def set_display(page: Page, base_url: str, text: int, spacing: int) -> None:
    page.context.add_cookies([{"name": "weergave", "value": f"{text}:{spacing}", "url": base_url}])


def apply_display(page: Page, text: int, spacing: int) -> None:
    """What the toolbar's script does on a click (core/static/core/toolbar.js): the page
    restyles at once, so one page load serves every level."""
    page.evaluate(
        "([text, spacing]) => Object.assign(document.documentElement.dataset, {text, spacing})",
        [str(text), str(spacing)],
    )


def scroll_width(page: Page, viewport: ViewportSize) -> int | None:
    """The page's width at this screen size when it is wider than the screen."""
    page.set_viewport_size(viewport)
    width = page.evaluate("document.documentElement.scrollWidth")
    return width if width > viewport["width"] else None


@pytest.mark.parametrize("region", REGIONS)
def test_every_page_fits_a_phone_at_every_text_size(
    portals: dict[str, str], new_context: NewContext, region: str
) -> None:
    """Every sitemap page, once loaded: its title in the first screen of a phone, and no
    sideways scrolling at 320 and 390 px with the largest text and widest spacing."""
    page = new_context(viewport=PHONE).new_page()
    base_url = portals[region]
    urls = sitemap_urls(page, base_url) + [base_url + path for path in OTHER_PATHS]
    too_low, wide = {}, {}
    for url in urls:
        page.set_viewport_size(PHONE)
        page.goto(url)
        box = page.locator("h1").bounding_box()
        assert box is not None, f"no visible h1 on {url}"
        if box["y"] + box["height"] > PHONE["height"]:
            too_low[url] = round(box["y"])
        apply_display(page, max(TEXT_LEVELS), max(SPACING_LEVELS))
        for viewport in (SMALL_PHONE, PHONE):
            if width := scroll_width(page, viewport):
                wide[f"{viewport['width']} px {url}"] = width
    assert not too_low, f"h1 below the first screen (top in px): {too_low}"
    assert not wide, f"pages wider than the screen: {wide}"


def test_no_page_scrolls_sideways_at_any_toolbar_level(
    portals: dict[str, str], new_context: NewContext
) -> None:
    page = new_context(viewport=SMALL_PHONE).new_page()
    base_url = portals["groningen"]
    # The server renders the levels of the cookie (pages without JavaScript get them so).
    set_display(page, base_url, max(TEXT_LEVELS), max(SPACING_LEVELS))
    page.goto(base_url + KIND_PATHS[0])
    expect(page.locator("html")).to_have_attribute("data-text", str(max(TEXT_LEVELS)))
    expect(page.locator("html")).to_have_attribute("data-spacing", str(max(SPACING_LEVELS)))
    # Every text size with the widest spacing, and every spacing with the largest text.
    levels = {(text, max(SPACING_LEVELS)) for text in TEXT_LEVELS}
    levels |= {(max(TEXT_LEVELS), spacing) for spacing in SPACING_LEVELS}
    wide = {}
    for path in KIND_PATHS:
        page.goto(base_url + path)
        for text, spacing in sorted(levels):
            apply_display(page, text, spacing)
            for viewport in (SMALL_PHONE, PHONE):
                if width := scroll_width(page, viewport):
                    wide[f"{viewport['width']} px, text {text}, spacing {spacing}, {path}"] = width
    assert not wide, f"pages wider than the screen: {wide}"


def test_long_dutch_words_hyphenate_instead_of_breaking_anywhere(
    portals: dict[str, str], page: Page
) -> None:
    page.goto(f"{portals['groningen']}/aanbod/")
    assert page.locator("html").get_attribute("lang") == "nl"
    for selector in ("body", "h1", ".item-card__title"):
        expect(page.locator(selector).first).to_have_css("hyphens", "auto")
        expect(page.locator(selector).first).to_have_css("overflow-wrap", "break-word")


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_menu_and_display_settings_fold_on_a_phone(
    portals: dict[str, str], new_context: NewContext, javascript: bool
) -> None:
    page = new_context(viewport=PHONE, java_script_enabled=javascript).new_page()
    page.goto(f"{portals['groningen']}/aanbod/")
    main_nav = page.locator(".main-nav")
    expect(main_nav).to_be_hidden()
    expect(page.locator("[data-display-toolbar]")).to_be_hidden()
    assert accessible_node(page, "Menu") == {
        "role": "DisclosureTriangle",
        "focusable": True,
        "expanded": False,
    }

    # By keyboard: skip link, then the display settings, then past the logo to Menu.
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.locator("summary.toolbar__toggle")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("[data-display-toolbar]")).to_be_visible()
    page.keyboard.press("Tab")
    expect(page.locator("[data-display-toolbar] button[value=text-smaller]")).to_be_focused()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    expect(page.locator("[data-display-toolbar]")).to_be_hidden()

    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.locator("summary.menu__toggle")).to_be_focused()
    page.keyboard.press("Enter")
    expect(main_nav).to_be_visible()
    node = accessible_node(page, "Menu")
    assert node is not None and node["expanded"] is True
    # The focus moves on into the menu, in reading order: search first.
    page.keyboard.press("Tab")
    expect(page.locator("#site-search-q")).to_be_focused()
    if javascript:  # axe-core runs in the page: a page without JavaScript never answers
        check_page("phone", page, "menu-open")
        # check_page ends on a desk-sized screen; back to the phone, where the menu folds.
        page.set_viewport_size(PHONE)
    main_nav.get_by_role("link", name="Agenda").click()
    expect(page.locator("h1")).to_have_text("Agenda")
    expect(main_nav).to_be_hidden()


def test_menu_and_toolbar_are_open_on_a_desk(portals: dict[str, str], page: Page) -> None:
    page.set_viewport_size({"width": 1280, "height": 844})
    page.goto(f"{portals['drenthe']}/")
    expect(page.locator(".main-nav")).to_be_visible()
    expect(page.locator("[data-display-toolbar]")).to_be_visible()
    expect(page.locator("summary.menu__toggle")).to_be_hidden()
    expect(page.locator("summary.toolbar__toggle")).to_be_hidden()
    assert accessible_node(page, "Menu") is None
    check_page("phone", page, "home-drenthe")
