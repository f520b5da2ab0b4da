import re

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from wagtail.models import Page, Site

from core.cache import page_cache
from core.models import LearningForm, Role, Theme, portal_path

from .factories import create_content_page, shared_root

DRENTHE = {"HTTP_HOST": "drenthe.localhost"}
GRONINGEN = {"HTTP_HOST": "groningen.localhost"}


def test_each_portal_serves_its_own_home_page(client, groningen, drenthe):
    response = client.get("/", **DRENTHE)
    assert response.status_code == 200
    assert response.context["page"] == drenthe
    assert response.context["region"].slug == "drenthe"
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert '<span class="logo__region">Drenthe</span>' in html
    assert client.get("/", **GRONINGEN).context["page"] == groningen


def test_the_home_page_leads_into_the_filtered_catalogue(client, groningen):
    LearningForm.objects.create(name="Luisteren", slug="luisteren", icon="listening")
    Role.objects.create(name="Schuldhulpverlener", slug="schuldhulpverlener")
    Theme.objects.create(name="Vroegsignalering", slug="vroegsignalering")
    html = client.get("/", **GRONINGEN).content.decode()
    assert 'href="/aanbod/?leervorm=luisteren">Luisteren</a>' in html
    assert 'href="/aanbod/?rol=schuldhulpverlener"' in html
    assert 'href="/aanbod/?thema=vroegsignalering">Vroegsignalering</a>' in html


def test_unknown_host_gets_the_default_portal(client, groningen, drenthe):
    assert client.get("/", HTTP_HOST="127.0.0.1").context["page"] == groningen


def test_portal_stylesheet_carries_the_region_colour(client, groningen, drenthe):
    assert "--accent:#a3262a" in client.get("/portaal.css", **DRENTHE).content.decode()
    assert "--accent:#1e5a8c" in client.get("/portaal.css", **GRONINGEN).content.decode()
    html = client.get("/", **DRENTHE).content.decode()
    assert "/portaal.css?c=a3262a" in html


def test_shared_page_marked_for_both_regions_shows_on_both(client, groningen, drenthe):
    create_content_page(
        parent=shared_root(), slug="over", regions=[groningen.region, drenthe.region], title="Over"
    )
    for host in (GRONINGEN, DRENTHE):
        response = client.get("/over/", **host)
        assert response.status_code == 200
        assert "<h1>Over</h1>" in response.content.decode()


def test_shared_page_marked_for_one_region_shows_only_there(client, groningen, drenthe):
    create_content_page(parent=shared_root(), slug="assen", regions=[drenthe.region])
    assert client.get("/assen/", **DRENTHE).status_code == 200
    assert client.get("/assen/", **GRONINGEN).status_code == 404


def test_regional_section_is_served_by_its_own_portal_only(client, groningen, drenthe):
    create_content_page(parent=drenthe, slug="in-drenthe", regions=[drenthe.region])
    assert client.get("/in-drenthe/", **DRENTHE).status_code == 200
    assert client.get("/in-drenthe/", **GRONINGEN).status_code == 404


def test_a_portal_own_section_wins_over_a_shared_page_with_the_same_slug(
    client, groningen, drenthe
):
    both = [groningen.region, drenthe.region]
    create_content_page(parent=shared_root(), slug="aanpak", regions=both, title="Gedeeld")
    create_content_page(parent=groningen, slug="aanpak", regions=both, title="Eigen")
    assert "<h1>Eigen</h1>" in client.get("/aanpak/", **GRONINGEN).content.decode()
    assert "<h1>Gedeeld</h1>" in client.get("/aanpak/", **DRENTHE).content.decode()


def test_draft_pages_and_the_shared_root_itself_are_not_served(client, groningen, drenthe):
    root = shared_root()
    create_content_page(parent=root, slug="concept", regions=[groningen.region], live=False)
    assert client.get("/concept/", **GRONINGEN).status_code == 404
    assert client.get(f"/{root.slug}/", **GRONINGEN).status_code == 404


def test_shared_page_url_is_built_under_the_asking_portal(groningen, drenthe):
    parent = create_content_page(
        parent=shared_root(), slug="onderzoek", regions=[groningen.region, drenthe.region]
    )
    child = create_content_page(parent=parent, slug="kapitaal", regions=[drenthe.region])
    request = RequestFactory().get("/", HTTP_HOST="drenthe.localhost")
    assert child.get_url(request) == "/onderzoek/kapitaal/"
    assert child.get_full_url(request) == "http://drenthe.localhost/onderzoek/kapitaal/"
    assert portal_path(child) == "/onderzoek/kapitaal/"
    # Without a request (e.g. in an e-mail) the first portal that shows the page is used.
    assert child.get_full_url() == "http://drenthe.localhost/onderzoek/kapitaal/"
    assert parent.get_full_url() == "http://groningen.localhost/onderzoek/"


def test_a_link_to_a_page_the_asking_portal_does_not_show_leads_to_the_portal_that_does(
    groningen, drenthe
):
    assen = create_content_page(parent=shared_root(), slug="assen", regions=[drenthe.region])
    nowhere = create_content_page(parent=shared_root(), slug="nergens", regions=[])
    from_groningen = RequestFactory().get("/", HTTP_HOST="groningen.localhost")
    assert assen.get_url(from_groningen) == "http://drenthe.localhost/assen/"
    # A page no portal shows has no address: its links and buttons are left out.
    assert nowhere.get_url(from_groningen) is None


def test_a_button_leads_to_its_page_on_the_portal_that_shows_it(client, groningen, drenthe):
    both = create_content_page(
        parent=shared_root(), slug="over", regions=[groningen.region, drenthe.region]
    )
    assen = create_content_page(parent=shared_root(), slug="assen", regions=[drenthe.region])
    nowhere = create_content_page(parent=shared_root(), slug="nergens", regions=[])
    groningen.body = [
        ("button", {"label": label, "page": Page.objects.get(pk=page.pk)})
        for label, page in (("Over", both), ("Assen", assen), ("Nergens", nowhere))
    ]
    groningen.save_revision().publish()
    html = client.get("/", **GRONINGEN).content.decode()
    assert '<a class="button" href="/over/">Over</a>' in html
    assert '<a class="button" href="http://drenthe.localhost/assen/">Assen</a>' in html
    assert "Nergens" not in html
    assert "None" not in html


def test_a_learning_form_tile_can_open_a_page_instead_of_the_catalogue(client, groningen):
    circles = create_content_page(
        parent=shared_root(), slug="leerkringen", regions=[groningen.region]
    )
    LearningForm.objects.create(
        name="Leren met collega's", slug="leren-met-collegas", icon="peers", page=circles
    )
    html = client.get("/", **GRONINGEN).content.decode()
    assert 'href="/leerkringen/">Leren met collega&#x27;s</a>' in html
    circles.unpublish()
    html = client.get("/?v=1", **GRONINGEN).content.decode()  # past the page cache
    assert 'href="/aanbod/?leervorm=leren-met-collegas">' in html


def test_menu_and_footer_list_the_portal_top_level_pages(client, groningen, drenthe):
    both = [groningen.region, drenthe.region]
    create_content_page(
        parent=shared_root(), slug="over", regions=both, title="Over ons", show_in_menus=True
    )
    create_content_page(
        parent=shared_root(), slug="toegankelijk", regions=both, title="Toegankelijkheid"
    )
    create_content_page(
        parent=groningen,
        slug="in-groningen",
        regions=[groningen.region],
        title="In Groningen",
        show_in_menus=True,
    )
    response = client.get("/over/", **DRENTHE)
    html = response.content.decode()
    assert 'href="/over/" aria-current="page">Over ons</a>' in html
    assert "In Groningen" not in html
    assert 'href="/toegankelijk/">Toegankelijkheid</a>' in html
    main_menu = html[html.index('class="main-nav"') : html.index("</nav>")]
    assert "Toegankelijkheid" not in main_menu


def test_sitemap_lists_what_each_portal_serves(client, groningen, drenthe):
    root = shared_root()
    create_content_page(parent=root, slug="over", regions=[groningen.region, drenthe.region])
    create_content_page(parent=root, slug="assen", regions=[drenthe.region])
    create_content_page(parent=root, slug="concept", regions=[drenthe.region], live=False)
    create_content_page(parent=groningen, slug="in-groningen", regions=[groningen.region])
    response = client.get("/sitemap.xml", **DRENTHE)
    assert response.status_code == 200
    locations = re.findall(r"<loc>(.*?)</loc>", response.content.decode())
    assert locations == [
        "http://drenthe.localhost/",
        "http://drenthe.localhost/over/",
        "http://drenthe.localhost/assen/",
    ]


def test_robots_txt_points_to_the_portal_sitemap(client, groningen, drenthe):
    response = client.get("/robots.txt", **DRENTHE)
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /beheer/" in body
    assert "Sitemap: http://drenthe.localhost/sitemap.xml" in body


# Wagtail pages are built one by one: 100 take about five seconds.
@pytest.mark.parametrize("pages", [10, 100])
def test_page_queries_do_not_grow_with_the_number_of_pages(
    client, groningen, drenthe, django_assert_num_queries, pages
):
    root = shared_root()
    both = [groningen.region, drenthe.region]
    for number in range(pages):
        create_content_page(
            parent=root, slug=f"pagina-{number}", regions=both, show_in_menus=number % 2 == 0
        )
    client.get("/pagina-1/", **DRENTHE)  # warms Wagtail's site root path cache
    # but measures the page uncached
    cache.clear()
    page_cache.clear()
    # 14 with news's "Volg ons" channels and the site root paths (remembered when warm).
    with django_assert_num_queries(14):
        response = client.get("/pagina-1/", **DRENTHE)
    assert response.status_code == 200
    assert Site.objects.count() == 2
