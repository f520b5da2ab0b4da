"""News, contact and the pages every public site has, in Chromium: the latest news on the
home page, /nieuws/ and an item with its share links, the contact form sent by keyboard,
the theme-idea form, the disclaimer and the HTML sitemap. axe (WCAG 2.1 A and AA) checks
every page, on desktop and on a phone."""

import re
from functools import partial

import pytest
from playwright.sync_api import Page, expect

from core.models import Region
from news.models import Message

from . import checks

pytestmark = pytest.mark.browser

check_page = partial(checks.check_page, "news")
LAUNCH = "leeromgeving-gelanceerd-op-het-jaarcongres"


def test_news_from_the_home_page_to_an_item(portals: dict[str, str], page: Page) -> None:
    base_url = portals["groningen"]
    page.goto(f"{base_url}/")
    latest = page.locator("section[aria-labelledby=latest-news]")
    expect(latest.locator(".news-card")).to_have_count(3)
    check_page(page, "home")

    latest.get_by_role("link", name="Al het nieuws").click()
    expect(page).to_have_url(f"{base_url}/nieuws/")
    expect(page.locator("link[rel=alternate][type='application/atom+xml']")).to_have_attribute(
        "href", "/nieuws/feed/"
    )
    check_page(page, "index")

    page.get_by_role("link", name="Leeromgeving gelanceerd op het jaarcongres").click()
    expect(page).to_have_url(f"{base_url}/nieuws/{LAUNCH}/")
    expect(page.locator(".news-item__image")).to_have_attribute(
        "alt", re.compile(r"Vijf vormen van kapitaal")
    )
    share = page.get_by_role("navigation", name="Deel dit")
    expect(share.get_by_role("link", name="Via LinkedIn")).to_have_attribute(
        "href",
        f"https://www.linkedin.com/sharing/share-offsite/?url=http%3A%2F%2F"
        f"groningen.localhost%3A{base_url.rsplit(':', 1)[1]}%2Fnieuws%2F{LAUNCH}%2F",
    )
    checks.tab_until(page, ".share a")
    check_page(page, "item")


def test_contact_form_by_keyboard(portals: dict[str, str], page: Page) -> None:
    base_url = portals["drenthe"]
    page.goto(f"{base_url}/contact/")
    page.get_by_role("button", name="Stuur je bericht").click()
    expect(page.locator(".error-summary")).to_be_visible()
    check_page(page, "contact-errors")

    checks.tab_until(page, "#id_name")
    page.keyboard.type("Anouk (voorbeeld)")
    page.keyboard.press("Tab")
    page.keyboard.type("anouk@example.org")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.type("Komt er ook een training over de Wgs in Assen?")
    page.keyboard.press("Enter")  # a new line in the text, not a send
    checks.tab_until(page, "button[type=submit]")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Bedankt voor je bericht")).to_be_visible()
    check_page(page, "contact-sent")
    message = Message.objects.get()
    assert (message.name, message.region) == (
        "Anouk (voorbeeld)",
        Region.objects.get(slug="drenthe"),
    )


def test_theme_ideas_disclaimer_and_sitemap(portals: dict[str, str], page: Page) -> None:
    base_url = portals["groningen"]
    page.goto(f"{base_url}/thema-idee/")
    expect(page.get_by_label("Welk thema of welke leervraag stel je voor?")).to_be_visible()
    check_page(page, "theme-idea")

    footer = page.locator(".site-footer")
    footer.get_by_role("link", name="Disclaimer").click()
    check_page(page, "disclaimer")

    footer.get_by_role("link", name="Sitemap").click()
    expect(page.get_by_role("heading", level=2)).to_have_count(2)
    expect(page.locator("main").get_by_role("link", name="Nieuws", exact=True)).to_have_count(2)
    check_page(page, "sitemap")
