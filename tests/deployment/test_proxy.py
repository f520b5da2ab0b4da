"""Both portals under /lerenoverarmoede/ behind nginx, as on the alliance's own sites
(armoedegroningen.nl/lerenoverarmoede): the key journeys through the proxy, and every
address on what they get stays under the prefix. The installation: see conftest.py."""

import re
from urllib.parse import urlsplit

import lxml.html
import pytest

from .conftest import DEPLOYMENT, HOSTS, PREFIX
from .journeys import Visitor, addresses, links_in_text, outside_the_prefix, wait_for_mail

pytestmark = DEPLOYMENT

PAGES = ["/", "/aanbod/", "/zoeken/?q=armoede", "/agenda/", "/nieuws/", "/begrippen/", "/sitemap/"]


@pytest.mark.parametrize("hostname", HOSTS)
def test_every_address_on_the_pages_stays_under_the_prefix_and_answers(cluster, hostname):
    visitor = Visitor(cluster, hostname)
    found: set[str] = set()
    for path in PAGES:
        response = visitor.open(path)
        assert response.status_code == 200, (path, response.status_code)
        on_page = addresses(response.text)
        assert not outside_the_prefix(on_page), (path, outside_the_prefix(on_page))
        found.update(on_page)
    # An item of the catalogue, found as a visitor finds it.
    catalogue = lxml.html.fromstring(visitor.open("/aanbod/").text)
    item = catalogue.xpath("//*[contains(@class, 'item-card__title')]//a")[0].get("href")
    response = visitor.open(item)
    assert response.status_code == 200
    assert not outside_the_prefix(addresses(response.text))
    # Every address of this platform on these pages answers through the proxy.
    own = sorted(
        address
        for address in found
        if address.startswith(PREFIX + "/") or urlsplit(address).hostname == hostname
    )
    assert len(own) > 40
    for address in own:
        status = visitor.open(address.split("#")[0], allow_redirects=False).status_code
        # 405: a form's address, which takes a POST only; found, not missing.
        assert status in (200, 301, 302, 405), (address, status)


def test_an_htmx_request_of_the_catalogue_answers_under_the_prefix(cluster):
    visitor = Visitor(cluster, "groningen.localhost")
    response = visitor.open("/aanbod/?sorteer=titel", headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "<html" not in response.text[:200], "a fragment, not the whole page"
    links = addresses(response.text)
    assert links and not outside_the_prefix(links)


def test_static_files_are_compressed_and_kept_for_a_year_behind_the_proxy(cluster):
    visitor = Visitor(cluster, "drenthe.localhost")
    home = lxml.html.fromstring(visitor.open("/").text)
    stylesheet = home.xpath("//link[@rel='stylesheet']")[0].get("href")
    assert stylesheet.startswith(f"{PREFIX}/static/")
    # A name with the content's hash, so it may be kept for ever.
    assert re.search(r"\.[0-9a-f]{12}\.css$", stylesheet), stylesheet
    response = visitor.open(stylesheet, headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response.headers["Content-Encoding"] == "gzip"
    assert "max-age=315360000" in response.headers["Cache-Control"]
    assert "immutable" in response.headers["Cache-Control"]
    plain = visitor.open(stylesheet, headers={"Accept-Encoding": "identity"})
    assert "Content-Encoding" not in plain.headers and plain.text == response.text


def test_audio_in_the_bucket_plays_from_the_portal_with_ranges(cluster):
    from catalogue.models import PodcastEpisodePage

    episode = PodcastEpisodePage.objects.live().first()
    address = urlsplit(episode.get_full_url())
    visitor = Visitor(cluster, address.hostname)
    page = visitor.open(address.path)
    audio = lxml.html.fromstring(page.text).xpath("//audio")[0].get("src")
    assert audio.startswith(f"{PREFIX}/documenten/"), audio
    # The document's permission check, then the bucket through the proxy.
    redirect = visitor.open(audio, allow_redirects=False)
    assert redirect.status_code == 302
    media = redirect.headers["Location"]
    assert media.startswith(f"{PREFIX}/media/documents/"), media
    whole = visitor.open(media)
    assert whole.status_code == 200
    assert len(whole.content) == int(whole.headers["Content-Length"]) > 1000
    part = visitor.open(media, headers={"Range": "bytes=100-199"})
    assert part.status_code == 206
    assert part.headers["Content-Range"] == f"bytes 100-199/{len(whole.content)}"
    assert part.content == whole.content[100:200]
    assert "Set-Cookie" not in part.headers


def test_sitemap_robots_feed_and_calendar_files_write_addresses_under_the_prefix(cluster):
    from events.models import Session

    visitor = Visitor(cluster, "drenthe.localhost")
    base = f"http://drenthe.localhost:{cluster.port}{PREFIX}/"
    sitemap = visitor.open("/sitemap.xml").text
    locations = re.findall(r"<loc>(.*?)</loc>", sitemap)
    assert locations and all(location.startswith(base) for location in locations), locations
    robots = visitor.open("/robots.txt").text
    assert f"Sitemap: {base}sitemap.xml" in robots
    assert f"Disallow: {PREFIX}/beheer/" in robots

    feed = visitor.open("/nieuws/feed/")
    assert feed.status_code == 200
    feed_links = re.findall(r'href="([^"]+)"', feed.text) + re.findall(
        r"<id>(http[^<]+)</id>", feed.text
    )
    assert feed_links and all(link.startswith(base) for link in feed_links), feed_links

    session = Session.objects.filter(event__isnull=False).order_by("starts_at").last()
    assert session is not None
    calendar = visitor.open(f"/agenda/sessie/{session.pk}/agenda.ics")
    assert calendar.status_code == 200
    assert calendar.headers["Content-Type"].startswith("text/calendar")
    assert not outside_the_prefix(links_in_text(calendar.text.replace("\r\n ", "")))


def test_a_form_with_csrf_and_the_link_in_its_e_mail(cluster):
    """The newsletter's sign-up: a POST with its CSRF token through the proxy, the e-mail a
    task worker sends, and its confirmation link back through the proxy."""
    visitor = Visitor(cluster, "groningen.localhost")
    action, fields = visitor.form("/nieuwsbrief/", "//form[.//input[@name='email']]")
    assert action.startswith(PREFIX + "/"), action
    page = lxml.html.fromstring(visitor.open("/nieuwsbrief/").text)
    region = page.xpath("//input[@name='regions']")[0].get("value")
    email = "nieuwsgierig@example.org"
    response = visitor.open(
        action,
        method="POST",
        data={**fields, "email": email, "regions": region, "consent": "on"},
    )
    assert response.status_code == 200, response.status_code
    mail = wait_for_mail(cluster, email)
    links = links_in_text(mail)
    assert links and not outside_the_prefix(links), links
    confirm = next(link for link in links if "/nieuwsbrief/bevestigen/" in link)
    assert confirm.startswith(f"http://groningen.localhost:{cluster.port}{PREFIX}/")
    assert visitor.open(confirm).status_code == 200


def test_log_in_lands_under_the_prefix_and_the_admin_works_there(cluster):
    learner = Visitor(cluster, "groningen.localhost")
    response = learner.log_in("mirjam.leergang@example.org", "leren-over-armoede")
    assert response.status_code == 302
    assert response.headers["Location"] == f"{PREFIX}/mijn/"
    dashboard = learner.open(response.headers["Location"])
    assert dashboard.status_code == 200 and not outside_the_prefix(addresses(dashboard.text))
    assert learner.cookies.get("sessionid", path=f"{PREFIX}/")

    editor = Visitor(cluster, "drenthe.localhost")
    response = editor.log_in("redacteur@example.org", "leren-over-armoede")
    assert response.status_code == 302
    admin = editor.open("/beheer/")
    assert admin.status_code == 200 and "wagtail" in admin.text.lower()
    assert not outside_the_prefix(addresses(admin.text))
    pages = editor.open("/beheer/pages/")
    assert pages.status_code == 200 and not outside_the_prefix(addresses(pages.text))
