"""The catalogue in a real browser: filtering, a podcast that plays, accessibility."""

import re
from functools import partial

import pytest
from playwright.sync_api import Page, expect

from . import checks
from .conftest import NewContext
from .test_portals import axe_violations

pytestmark = pytest.mark.browser
check_page = partial(checks.check_page, "catalogue")


def open_facet(page: Page, name: str) -> None:
    """Facets start folded, so a phone shows the results soon; open one like a visitor."""
    summary = page.locator(".facet summary", has_text=name)
    if summary.locator("xpath=..").get_attribute("open") is None:
        summary.click()


def result_titles(page: Page) -> list[str]:
    return page.locator(".item-card__title").all_inner_texts()


def test_filter_open_a_podcast_play_it_and_read_along(portals: dict[str, str], page: Page) -> None:
    page.goto(f"{portals['groningen']}/aanbod/")
    everything = page.locator(".catalogue__count").inner_text()

    open_facet(page, "Functie")
    page.get_by_label(re.compile(r"^Schuldhulpverlener")).check()
    # With JavaScript the list updates in place, the URL follows and the count is announced.
    expect(page).to_have_url(re.compile(r"rol=schuldhulpverlener"))
    expect(page.locator(".catalogue__count")).not_to_have_text(everything)
    open_facet(page, "Leervorm")
    page.get_by_label(re.compile(r"^Luisteren")).check()
    expect(page).to_have_url(re.compile(r"leervorm=luisteren"))
    expect(page.locator("#result-status")).to_have_text(re.compile(r"^\d+ resulta"))
    titles = result_titles(page)
    assert titles, "no podcast for debt counsellors"
    assert all(card for card in page.locator(".item-meta").all_inner_texts() if "Luisteren" in card)

    page.go_back()
    expect(page).not_to_have_url(re.compile(r"leervorm=luisteren"))
    page.go_forward()
    expect(page).to_have_url(re.compile(r"leervorm=luisteren"))

    page.get_by_role("link", name="Stress en schulden: waarom rust helpt").click()
    expect(page.locator("h1")).to_have_text("Stress en schulden: waarom rust helpt")
    audio = page.locator("audio")
    audio.evaluate("audio => { audio.muted = true; return audio.play(); }")
    page.wait_for_function("() => document.querySelector('audio').currentTime > 0.5")
    # Seeking needs range requests: jump near the end and keep playing from there.
    audio.evaluate("audio => { audio.currentTime = 80; }")
    page.wait_for_function("() => document.querySelector('audio').currentTime > 80.2")
    transcript = page.locator(".transcript")
    expect(transcript.get_by_role("heading", name="Uitgeschreven tekst")).to_be_visible()
    expect(transcript).to_contain_text("schaarste")


def test_catalogue_works_without_javascript(
    portals: dict[str, str], new_context: NewContext
) -> None:
    page = new_context(java_script_enabled=False).new_page()
    page.goto(f"{portals['drenthe']}/aanbod/")
    open_facet(page, "Leervorm")
    page.get_by_label(re.compile(r"^Kijken")).check()
    page.get_by_role("button", name="Toon resultaten").click()
    expect(page).to_have_url(re.compile(r"leervorm=kijken"))
    assert result_titles(page)
    assert all("Kijken" in meta for meta in page.locator(".item-meta").all_inner_texts())


def test_video_has_captions(portals: dict[str, str], page: Page) -> None:
    page.goto(f"{portals['drenthe']}/aanbod/kennisclip-vijf-vormen-van-kapitaal/")
    page.wait_for_function("() => document.querySelector('video track').readyState === 2")
    cues = page.evaluate("() => document.querySelector('video track').track.cues.length")
    assert cues > 5


@pytest.mark.parametrize(
    "path",
    [
        "/aanbod/",
        "/aanbod/?rol=schuldhulpverlener&leervorm=luisteren&sorteer=duur",
        "/aanbod/?thema=bestaat-niet&rol=vrijwilliger&leervorm=kijken&duur=lang",
        "/aanbod/kapitaal/sociaal-kapitaal/",
        "/aanbod/?afgelopen=ja&ervaring=ja",
        "/begrippen/",
        "/zoeken/",
        "/zoeken/?q=gezinnen+schulden",
        "/zoeken/?q=%22%2A%20NEAR%28",
        "/aanbod/wat-is-overerfbare-armoede/",
        "/aanbod/samenvatting-onderzoek-overerfbare-armoede/",
        "/aanbod/kennisclip-vijf-vormen-van-kapitaal/",
        "/aanbod/podcast-stress-en-schulden/",
        "/aanbod/opdracht-brief-in-gewone-taal/",
        "/aanbod/gespreksleidraad-huurachterstand/",
    ],
)
def test_catalogue_pages_pass_axe(portals: dict[str, str], page: Page, path: str) -> None:
    response = page.goto(f"{portals['groningen']}{path}")
    assert response is not None and response.status == 200
    assert axe_violations(page) == []


def test_glossary_term_explains_itself_on_focus_and_escape_hides_it(
    portals: dict[str, str], page: Page
) -> None:
    page.goto(f"{portals['groningen']}/aanbod/wat-is-overerfbare-armoede/")
    term = page.locator(".item__body .glossary-term").first
    tip = page.locator(".item__body .glossary-term__tip").first
    expect(tip).to_be_hidden()
    term.focus()
    expect(tip).to_be_visible()
    page.keyboard.press("Escape")
    expect(tip).to_be_hidden()
    expect(term).to_be_focused()


def test_keyboard_filtering_keeps_focus_on_the_checkbox(
    portals: dict[str, str], page: Page
) -> None:
    page.goto(f"{portals['groningen']}/aanbod/")
    summary = page.locator(".facet summary", has_text="Functie")
    summary.focus()
    page.keyboard.press("Enter")
    checkbox = page.get_by_label(re.compile(r"^Vrijwilliger"))
    checkbox.focus()
    page.keyboard.press("Space")
    expect(page).to_have_url(re.compile(r"rol=vrijwilliger"))
    # After htmx swapped in the new results, the keyboard user is where they were.
    expect(page.get_by_label(re.compile(r"^Vrijwilliger"))).to_be_focused()
    expect(page.get_by_label(re.compile(r"^Vrijwilliger"))).to_be_checked()


def test_what_is_over_is_marked_and_shown_on_request(portals: dict[str, str], page: Page) -> None:
    page.goto(f"{portals['groningen']}/aanbod/?leervorm=samen-trainen&rol=sociaal-team")
    expect(page.locator(".item-card", has_text="Driedaagse")).to_contain_text("3 dagen")
    expect(page.locator("#recommend-role")).to_have_value("sociaal-team")
    page.goto(f"{portals['groningen']}/aanbod/?leervorm=samen-trainen")
    past = page.locator(".item-card", has_text="Werksessie vroegsignalering: projectstructuur")
    expect(past).to_have_count(0)
    page.get_by_label("Toon ook afgelopen aanbod").check()
    expect(page).to_have_url(re.compile(r"afgelopen=ja"))
    expect(past.locator(".status-label")).to_have_text("Afgelopen")
    check_page(page, "afgelopen")
    past.get_by_role("link").click()
    expect(page.locator("h1")).to_contain_text("projectstructuur")
    expect(page.locator(".status-label")).to_have_text("Afgelopen")
    check_page(page, "werksessie-afgelopen")


@pytest.mark.parametrize("path", ["gezinstype", "kapitaal"])
def test_overviews_link_to_the_catalogue(portals: dict[str, str], page: Page, path: str) -> None:
    page.goto(f"{portals['groningen']}/aanbod/{path}/")
    check_page(page, path)
    page.locator(".overview a", has_text="in het aanbod").first.click()
    expect(page).to_have_url(re.compile(rf"/aanbod/\?{path}="))
    expect(page.locator(".item-card").first).to_be_visible()


def test_the_catalogue_read_in_english(portals: dict[str, str], page: Page) -> None:
    page.goto(f"{portals['groningen']}/")
    page.get_by_role("button", name="Read this site in English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    notice = page.locator(".language-notice")
    expect(notice).to_have_text("The texts on this page are only available in Dutch.")
    expect(notice).to_have_attribute("lang", "en")
    expect(page.locator(".card__title", has_text="Learning by doing")).to_be_visible()
    check_page(page, "english-home")

    page.goto(f"{portals['groningen']}/aanbod/")
    open_facet(page, "Role")
    expect(page.get_by_label(re.compile(r"^Debt counsellor"))).to_be_visible()
    check_page(page, "english-catalogue")

    page.goto(f"{portals['groningen']}/aanbod/?leervorm=luisteren")
    page.get_by_role("link", name="Stress en schulden: waarom rust helpt").click()
    expect(page.locator(".item__kind")).to_have_text("Listening · Podcast episode")
    expect(page.locator("h1")).to_have_attribute("lang", "nl")
    expect(notice).to_be_visible()
    check_page(page, "english-item")
