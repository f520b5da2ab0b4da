"""No dead links: every page of both portals' sitemaps, and every internal address those
pages link to (either portal's), answers 200 to a visitor, after redirects, and no filtered
list they link to is empty."""

import re
from html.parser import HTMLParser
from io import StringIO
from typing import Any
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

import pytest
from django.core.management import call_command
from django.test import Client
from wagtail.models import Page

from catalogue.models import PracticeAssignmentPage
from core.links import links_off_portal
from core.models import Region
from tracks.models import TrackPage

PORTALS = ("groningen.localhost", "drenthe.localhost")
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
LINK_ATTRIBUTES = {("a", "href"), ("link", "href"), ("form", "action")}


class Links(HTMLParser):
    """The addresses a page links to: anchors, stylesheets, forms and everything with a
    src. A form that posts is checked by its address alone (see `fault`)."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str]] = []  # (address, "get" or "post")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name, value in attrs:
            if value is not None and ((tag, name) in LINK_ATTRIBUTES or name == "src"):
                method = (values.get("method") or "get").lower() if tag == "form" else "get"
                self.found.append((value, method))


def internal(page_url: str, address: str) -> str | None:
    """The absolute address without its fragment when it is one of the portals', else None."""
    absolute = urljoin(page_url, address.strip())
    parts = urlsplit(absolute)
    if parts.scheme not in ("http", "https") or parts.hostname not in PORTALS:
        return None
    return parts._replace(fragment="").geturl()


def answers(client: Client, url: str) -> tuple[Any, str]:
    """The response a GET of this address ends with, following redirects across portals
    (a personal page's to the log-in page too), and the address it ends at."""
    for _hop in range(5):
        parts = urlsplit(url)
        path = f"{parts.path}?{parts.query}" if parts.query else parts.path
        response = client.get(path, HTTP_HOST=parts.hostname or "")
        if response.status_code not in (301, 302, 303, 307, 308):
            break
        url = urljoin(url, response["Location"])
    return response, url


def sitemap_urls(client: Client, host: str) -> list[str]:
    response = client.get("/sitemap.xml", HTTP_HOST=host)
    assert response.status_code == 200
    locations = ElementTree.fromstring(response.content).findall("sm:url/sm:loc", SITEMAP_NS)
    urls = [location.text or "" for location in locations]
    assert all(re.match(rf"^http://{re.escape(host)}/", url) for url in urls), urls
    return urls


def fault(response: Any, url: str, method: str) -> str | None:
    """What is wrong with where a link leads, if anything."""
    # A form that posts: its address exists when a GET is refused with 405.
    if response.status_code == 405 and method == "post":
        return None
    if response.status_code != 200:
        return f"answers {response.status_code}"
    # A link to a filtered list that finds nothing (circles are no catalogue items).
    if (
        urlsplit(url).query
        and not response.streaming
        and b'class="empty-state"' in response.content
    ):
        return "shows an empty list"
    return None


@pytest.mark.django_db
def test_no_internal_link_is_dead_and_no_page_links_off_its_portal():
    call_command("load_demo", stdout=StringIO())
    client = Client()
    pages = [url for host in PORTALS for url in sitemap_urls(client, host)]
    linked: dict[str, tuple[str, str]] = {}  # address -> (method, first page linking to it)
    dead: list[str] = []
    for page in pages:
        response, end = answers(client, page)
        if problem := fault(response, page, "get"):
            dead.append(f"{page} {problem} (in the sitemap)")
            continue
        parser = Links()
        parser.feed(response.content.decode())
        for address, method in parser.found:
            if url := internal(end, address):
                linked.setdefault(url, (method, page))
    for url, (method, page) in linked.items():
        response, end = answers(client, url)
        if problem := fault(response, url, method):
            dead.append(f"{url} {problem} at {end} (linked from {page})")
        if response.streaming:
            # Read to the end: the test client then closes the file. (response.close() would
            # also close the database connection of the test, on PostgreSQL.)
            b"".join(response.streaming_content)
    print(f"crawled {len(pages)} pages, checked {len(linked)} unique internal addresses")
    assert dead == []
    assert len(pages) > 100 and len(linked) > 300, "the crawl sees the whole demo"

    # Editors would be warned of no demo page; a track's days are seen (its child rows).
    assert [page for page in Page.objects.live().specific() if links_off_portal(page)] == []
    assignment = PracticeAssignmentPage.objects.get(
        slug="opdracht-huisbezoek-met-aandacht-voor-stress"
    )
    assignment.regions.set([Region.objects.get(slug="groningen")])
    assignment.save()
    track = TrackPage.objects.get(slug="driedaagse-leergang-de-armoedespiraal-doorbreken")
    found = [(target.pk, regions) for target, regions in links_off_portal(track)]
    assert found == [(assignment.pk, [Region.objects.get(slug="drenthe")])]
