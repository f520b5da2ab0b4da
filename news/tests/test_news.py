import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from lxml import etree

from core.models import Theme
from news.models import NewsPage

from .factories import create_news, image

DRENTHE = {"HTTP_HOST": "drenthe.localhost"}
ATOM = {"atom": "http://www.w3.org/2005/Atom"}
SCHEMA = etree.RelaxNG(etree.parse(Path(__file__).with_name("atom.rng")))


def titles(response) -> list[str]:
    return re.findall(r'class="news-card__title"><a [^>]*>([^<]+)</a>', response.content.decode())


def test_nieuws_lists_the_portals_news_newest_first(client, news_index, groningen, drenthe):
    today = timezone.localdate()
    create_news(news_index, slug="ouder", regions=[groningen.region], on=today - timedelta(days=9))
    create_news(news_index, slug="nieuwer", regions=[groningen.region, drenthe.region], on=today)
    create_news(news_index, slug="drents", regions=[drenthe.region], on=today)

    assert titles(client.get("/nieuws/")) == ["Nieuwer", "Ouder"]
    assert titles(client.get("/nieuws/", **DRENTHE)) == ["Drents", "Nieuwer"]
    # The same regional rules as other pages: the other portal's item is not there.
    assert client.get("/nieuws/drents/").status_code == 404
    assert client.get("/nieuws/drents/", **DRENTHE).status_code == 200


def test_nieuws_pages_through_its_items(client, news_index, groningen):
    start = date(2026, 1, 1)
    for number in range(12):
        create_news(
            news_index,
            slug=f"item-{number}",
            regions=[groningen.region],
            on=start + timedelta(days=number),
        )
    first = client.get("/nieuws/")
    assert titles(first)[0] == "Item 11" and len(titles(first)) == 10
    assert 'href="?pagina=2" rel="next"' in first.content.decode()
    assert titles(client.get("/nieuws/?pagina=2")) == ["Item 1", "Item 0"]
    # A page number that is not there gives the last page rather than an error.
    assert titles(client.get("/nieuws/?pagina=x"))[0] == "Item 11"


def test_news_item_shows_image_with_alt_text_related_items_themes_and_share_links(
    client, news_index, groningen, drenthe
):
    theme = Theme.objects.create(name="Vroegsignalering", slug="vroegsignalering")
    other = create_news(news_index, slug="eerder", regions=[groningen.region])
    hidden = create_news(news_index, slug="alleen-drenthe", regions=[drenthe.region])
    page = create_news(
        news_index,
        slug="lancering",
        regions=[groningen.region],
        image=image(),
        image_alt="Zaal vol professionals bij het congres",
        related=[other, hidden],
    )
    page.themes.set([theme])
    page.save_revision().publish()

    html = client.get("/nieuws/lancering/").content.decode()
    assert 'alt="Zaal vol professionals bij het congres"' in html
    assert 'href="/nieuws/eerder/"' in html
    assert "alleen-drenthe" not in html  # not shown on this portal
    assert "Vroegsignalering" in html
    assert "https://www.linkedin.com/sharing/share-offsite/?url=http%3A%2F%2Fgroningen" in html
    assert "https://wa.me/?text=" in html and "mailto:?subject=Lancering" in html
    assert "<script" not in html.split("<main")[1].split("</main>")[0]


def test_an_image_needs_alt_text(news_index, groningen):
    from django.core.exceptions import ValidationError

    page = NewsPage(title="Zonder", slug="zonder", summary="Kort.", image=image())
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "image_alt" in error.value.message_dict


def test_every_page_links_the_portals_atom_feed(client, news_index, groningen):
    create_news(news_index, slug="iets", regions=[groningen.region])
    for path in ("/", "/nieuws/", "/nieuws/iets/"):
        head = client.get(path).content.decode().split("</head>")[0]
        assert re.search(
            r'<link rel="alternate" type="application/atom\+xml" title="[^"]+" '
            r'href="/nieuws/feed/">',
            head,
        )


def test_home_page_shows_the_latest_three(client, news_index, groningen):
    today = timezone.localdate()
    for number in range(5):
        create_news(
            news_index,
            slug=f"bericht-{number}",
            regions=[groningen.region],
            on=today - timedelta(days=number),
        )
    response = client.get("/")
    assert titles(response) == ["Bericht 0", "Bericht 1", "Bericht 2"]
    assert 'href="/nieuws/">Al het nieuws' in response.content.decode()


def test_atom_feed_validates_against_rfc_4287(client, news_index, groningen, drenthe):
    create_news(
        news_index,
        slug="met-beeld",
        regions=[groningen.region],
        image=image(),
        image_alt="Beeld",
        summary="Tekst met <tekens> & meer.",
    )
    create_news(news_index, slug="drents", regions=[drenthe.region])

    response = client.get("/nieuws/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = etree.fromstring(response.content)
    assert SCHEMA.validate(feed), SCHEMA.error_log
    # The grammar's Schematron rules, which RELAX NG cannot say.
    assert feed.xpath("atom:author", namespaces=ATOM)
    entries = feed.xpath("atom:entry", namespaces=ATOM)
    assert [entry.findtext("atom:title", namespaces=ATOM) for entry in entries] == ["Met beeld"]
    assert entries[0].xpath("atom:link[@rel='alternate' or not(@rel)]", namespaces=ATOM)
    link = entries[0].xpath("atom:link/@href", namespaces=ATOM)[0]
    assert link == "http://groningen.localhost/nieuws/met-beeld/"


def test_schema_refuses_an_invalid_feed():
    # So a passing validation means something: no id and a date without a time.
    feed = etree.fromstring(
        b'<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>'
        b"<updated>2026-01-01</updated></feed>"
    )
    assert not SCHEMA.validate(feed)


# News items are Wagtail pages, built one by one (see catalogue's test): 10 and 50.
@pytest.mark.parametrize("count", [10, 50])
def test_news_queries_do_not_grow_with_items(
    client, news_index, groningen, django_assert_num_queries, count
):
    items = [
        create_news(
            news_index,
            slug=f"item-{number}",
            regions=[groningen.region],
            image=image(),
            image_alt="Beeld",
        )
        for number in range(count)
    ]
    client.get("/nieuws/?v=0")  # warms portal data and renditions
    client.get("/?v=0")
    client.get(f"/nieuws/{items[0].slug}/?v=0")
    with django_assert_num_queries(4):
        assert len(titles(client.get("/nieuws/?v=1"))) == 10
    with django_assert_num_queries(5):
        assert client.get("/nieuws/feed/?v=1").status_code == 200
    # The latest news is remembered as HTML with the page data: no query when warm.
    with django_assert_num_queries(3):
        assert len(titles(client.get("/?v=1"))) == 3
    with django_assert_num_queries(4):
        assert client.get(f"/nieuws/{items[0].slug}/?v=1").status_code == 200
