"""What every browser journey checks on each page it visits."""

from playwright.sync_api import Page, expect

from .test_portals import SCREENSHOTS, assert_no_horizontal_scroll, axe_violations


def check_page(prefix: str, page: Page, name: str) -> None:
    """One h1, no axe violations and no sideways scrolling, on desktop and on a phone; the
    screenshots go to var/screenshots/<prefix>-<name>-<device>.png for people to look at.
    Journeys bind their prefix: `check_page = partial(checks.check_page, "events")`."""
    expect(page.locator("h1")).to_have_count(1)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for device, width in (("desktop", 1280), ("phone", 390)):
        page.set_viewport_size({"width": width, "height": 844})
        assert not (problems := axe_violations(page)), f"{name}: " + "\n".join(problems)
        assert_no_horizontal_scroll(page)
        page.screenshot(path=SCREENSHOTS / f"{prefix}-{name}-{device}.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 844})


def tab_until(page: Page, selector: str, limit: int = 60) -> None:
    """Press Tab until the element matching `selector` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")
