import pytest
from playwright.sync_api import Page
from .conftest import NewContext

FIND = """() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
  .map(e => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : '') + ' right=' + Math.round(e.getBoundingClientRect().right) + ' ' + (e.children.length ? '' : JSON.stringify(e.textContent.slice(0,40))))"""

@pytest.mark.parametrize("width", [320, 390])
@pytest.mark.parametrize("levels", [("text-larger",)*5, ("spacing-larger",)*3, ("text-larger",)*5 + ("spacing-larger",)*3, ("text-larger",)*3])
def test_reflow_detects(portals: dict[str, str], new_context: NewContext, width, levels) -> None:
    page = new_context(viewport={"width": width, "height": 700}).new_page()
    for path in ["/", "/over/", "/onderzoek/", "/toegankelijkheid/", "/in-drenthe/", "/bestaat-niet/"]:
        page.goto(portals["drenthe"] + "/")
        page.locator("button[value=reset]").click()
        for a in levels:
            page.locator(f"button[value={a}]").click()
        page.goto(portals["drenthe"] + path)
        r = page.evaluate("({scroll: document.documentElement.scrollWidth, viewport: window.innerWidth})")
        if r["scroll"] > r["viewport"]:
            print(width, len(levels), levels[-1], path, r, page.evaluate(FIND)[:8])
