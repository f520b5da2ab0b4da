"""The two portals in a real browser: toolbar, keyboard, WCAG 2.1 AA (axe), weight, reflow."""

import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Locator, Page, Response, expect

from .conftest import REGIONS, NewContext

pytestmark = pytest.mark.browser

WCAG_21_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
MAX_PAGE_BYTES = 100 * 1024
DEFAULT_FONT_SIZE = 18.0  # body is 1.125rem


def computed_style(page: Page, selector: str, prop: str) -> str:
    return page.locator(selector).evaluate(
        "(element, prop) => getComputedStyle(element).getPropertyValue(prop).trim()", prop
    )


def px(value: str) -> float:
    assert value.endswith("px"), f"expected a length in px, got {value!r}"
    return float(value.removesuffix("px"))


def toolbar_button(page: Page, action: str) -> Locator:
    return page.locator(f"[data-display-toolbar] button[name=action][value={action}]")


def axe_violations(page: Page) -> list[str]:
    """One line per element that breaks a WCAG 2.1 A/AA rule: rule id, URL and selector."""
    results = Axe().run(page, options=WCAG_21_AA).response
    return [
        f"{violation['id']} ({violation['impact']}) on {page.url} at "
        f"{', '.join(node['target'])}: {violation['help']}"
        for violation in results["violations"]
        for node in violation["nodes"]
    ]


def assert_no_horizontal_scroll(page: Page) -> None:
    widths = page.evaluate(
        "({scroll: document.documentElement.scrollWidth, viewport: window.innerWidth})"
    )
    assert widths["scroll"] <= widths["viewport"], f"horizontal scroll on {page.url}: {widths}"


def sitemap_urls(page: Page, base_url: str) -> list[str]:
    """The pages the portal's sitemap lists: all on the live server's portal."""
    response = page.goto(f"{base_url}/sitemap.xml")
    assert response is not None and response.ok
    locs = [
        loc.text or ""
        for loc in ElementTree.fromstring(response.body()).iterfind("sm:url/sm:loc", SITEMAP_NS)
    ]
    assert locs, f"{base_url}/sitemap.xml lists no pages"
    assert all(loc.startswith(f"{base_url}/") for loc in locs), f"other addresses in {locs}"
    return locs


def test_both_portals_open(portals: dict[str, str], page: Page) -> None:
    accents = {}
    for region, base_url in portals.items():
        response = page.goto(f"{base_url}/")
        assert response is not None and response.status == 200
        expect(page.locator("h1")).to_have_count(1)
        expect(page.locator(".logo")).to_contain_text(region.capitalize())
        accents[region] = page.evaluate(
            "getComputedStyle(document.documentElement).getPropertyValue('--accent').trim()"
        )
    assert accents["groningen"] != accents["drenthe"], accents


@pytest.mark.parametrize("region", REGIONS)
def test_the_home_page_button_and_tiles_lead_to_pages(
    portals: dict[str, str], page: Page, region: str
) -> None:
    page.goto(f"{portals[region]}/")
    page.get_by_role("link", name="Bekijk het aanbod").click()
    expect(page).to_have_url(f"{portals[region]}/aanbod/")
    expect(page.locator("h1")).to_have_text("Aanbod")
    page.go_back()
    page.get_by_role("link", name="Leren met collega's").click()
    expect(page).to_have_url(f"{portals[region]}/leerkringen/")
    expect(page.locator("h1")).to_have_text("Leerkringen")
    assert axe_violations(page) == []


def test_toolbar_applies_at_once_and_persists(portals: dict[str, str], page: Page) -> None:
    page.goto(f"{portals['groningen']}/")
    html = page.locator("html")
    toolbar_button(page, "text-larger").click()
    toolbar_button(page, "text-larger").click()
    toolbar_button(page, "spacing-larger").click()
    expect(html).to_have_attribute("data-text", "2")
    expect(html).to_have_attribute("data-spacing", "1")
    font_size = computed_style(page, "body", "font-size")
    letter_spacing = computed_style(page, "body", "letter-spacing")
    assert px(font_size) > DEFAULT_FONT_SIZE
    assert px(letter_spacing) > 0

    page.locator(".main-nav").get_by_role("link", name="Over de leeromgeving").click()
    expect(page).to_have_url(re.compile(r"/over/$"))
    expect(page.locator("body")).to_have_css("font-size", font_size)
    expect(page.locator("body")).to_have_css("letter-spacing", letter_spacing)

    new_visit = page.context.new_page()
    new_visit.goto(f"{portals['groningen']}/")
    expect(new_visit.locator("body")).to_have_css("font-size", font_size)
    expect(new_visit.locator("body")).to_have_css("letter-spacing", letter_spacing)

    toolbar_button(new_visit, "reset").click()
    expect(new_visit.locator("body")).to_have_css("font-size", "18px")
    expect(new_visit.locator("body")).to_have_css("letter-spacing", "normal")


def test_toolbar_without_javascript(portals: dict[str, str], new_context: NewContext) -> None:
    page = new_context(java_script_enabled=False).new_page()
    page.goto(f"{portals['groningen']}/")
    toolbar_button(page, "text-larger").click()
    expect(page).to_have_url(f"{portals['groningen']}/")
    expect(page.locator("html")).to_have_attribute("data-text", "1")
    assert px(computed_style(page, "body", "font-size")) == pytest.approx(DEFAULT_FONT_SIZE * 1.15)


def test_skip_link_is_first_and_moves_to_content(portals: dict[str, str], page: Page) -> None:
    page.goto(f"{portals['groningen']}/")
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Ga direct naar de inhoud")
    expect(skip_link).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#inhoud$"))
    expect(page.locator("#inhoud")).to_be_focused()


@pytest.mark.parametrize("region", REGIONS)
def test_sitemap_pages_meet_wcag_21_aa(portals: dict[str, str], page: Page, region: str) -> None:
    problems = []
    for url in sitemap_urls(page, portals[region]):
        response = page.goto(url)
        assert response is not None and response.status == 200, url
        problems += axe_violations(page)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("region", REGIONS)
def test_not_found_page_meets_wcag_21_aa(portals: dict[str, str], page: Page, region: str) -> None:
    response = page.goto(f"{portals[region]}/bestaat-niet/")
    assert response is not None and response.status == 404
    expect(page.locator("h1")).to_have_count(1)
    assert not (problems := axe_violations(page)), "\n".join(problems)


@pytest.mark.parametrize("region", REGIONS)
def test_largest_text_and_spacing_meet_wcag_21_aa(
    portals: dict[str, str], page: Page, region: str
) -> None:
    page.goto(f"{portals[region]}/")
    for action in ("text-larger", "spacing-larger"):
        button = toolbar_button(page, action)
        for _ in range(10):
            if button.get_attribute("aria-disabled") == "true":
                break
            button.click()
        expect(button).to_have_attribute("aria-disabled", "true")
    expect(page.locator("html")).to_have_attribute("data-text", "5")
    expect(page.locator("html")).to_have_attribute("data-spacing", "3")
    assert not (problems := axe_violations(page)), "\n".join(problems)


def test_home_page_weighs_under_100_kb(portals: dict[str, str], page: Page) -> None:
    responses: list[Response] = []
    page.on("response", lambda response: responses.append(response))
    page.goto(f"{portals['groningen']}/", wait_until="networkidle")
    sizes = {}
    for response in responses:
        transfer = response.request.sizes()
        sizes[response.url] = transfer["responseHeadersSize"] + transfer["responseBodySize"]
    assert sizes, "no responses were seen"
    report = "\n".join(f"{size:>8} {url}" for url, size in sizes.items())
    assert sum(sizes.values()) < MAX_PAGE_BYTES, f"{sum(sizes.values())} bytes:\n{report}"


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("path", ["/", "/over/"])
def test_reflows_at_400_percent_zoom(
    portals: dict[str, str], new_context: NewContext, region: str, path: str
) -> None:
    # 1280 x 1024 CSS px zoomed to 400 % leaves 320 x 256 CSS px (WCAG 1.4.10).
    page = new_context(viewport={"width": 320, "height": 256}).new_page()
    page.goto(f"{portals[region]}{path}")
    assert_no_horizontal_scroll(page)


def test_enlarged_text_reflows_on_a_phone(portals: dict[str, str], new_context: NewContext) -> None:
    # Text at 150 % and letter spacing 0.12 em (the WCAG 1.4.12 value) on a 390 px phone.
    page = new_context(viewport={"width": 390, "height": 844}).new_page()
    page.goto(f"{portals['groningen']}/")
    # On phones the toolbar is folded behind its button.
    page.locator("summary.toolbar__toggle").click()
    for action in ("text-larger", "text-larger", "text-larger", "spacing-larger", "spacing-larger"):
        toolbar_button(page, action).click()
    expect(page.locator("html")).to_have_attribute("data-spacing", "2")
    assert_no_horizontal_scroll(page)
    # And at the largest levels the toolbar offers.
    for action in ("text-larger", "text-larger", "spacing-larger"):
        toolbar_button(page, action).click()
    expect(page.locator("html")).to_have_attribute("data-text", "5")
    assert_no_horizontal_scroll(page)


def test_home_pages_on_phone_and_desktop(portals: dict[str, str], page: Page) -> None:
    """Each home page passes the checks of every journey at 390 and 1280 px: one h1, no
    axe violation, no sideways scrolling; the screenshots are for people to look at."""
    from .checks import check_page  # here, as checks imports this module's helpers

    for region, base_url in portals.items():
        response = page.goto(f"{base_url}/")
        assert response is not None and response.ok
        expect(page.locator(".logo")).to_contain_text(region.capitalize())
        check_page("portals", page, f"{region}-home")
