"""/organisaties/: partners by sector, and a partner's page with the coming events it
organises or makes possible; event pages name their organiser and co-funders."""

from datetime import timedelta

import pytest
from django.urls import reverse

from core.models import Organisation, Sector

from .factories import create_event

HOST = {"HTTP_HOST": "groningen.localhost"}


@pytest.fixture
def sectors(db) -> dict[str, Sector]:
    return {
        slug: Sector.objects.create(name=name, slug=slug, sort_order=order)
        for order, (slug, name) in enumerate([("wonen", "Wonen"), ("overheid", "Overheden")])
    }


def partner(name: str, sector: Sector, **fields) -> Organisation:
    return Organisation.objects.create(name=name, sector=sector, is_partner=True, **fields)


def test_partners_are_listed_by_sector_and_others_not_at_all(client, sectors, regions):
    partner("Provincie Groningen", sectors["overheid"])
    partner("Woonstichting Veenland (voorbeeld)", sectors["wonen"])
    Organisation.objects.create(name="Bakkerij Jansen", sector=sectors["wonen"])

    html = client.get(reverse("organisations:index"), **HOST).content.decode()
    assert html.index("Wonen") < html.index("Woonstichting Veenland") < html.index("Overheden")
    assert html.index("Overheden") < html.index("Provincie Groningen")
    assert "Bakkerij Jansen" not in html
    assert '<a href="/organisaties/">Partners</a>' in client.get("/", **HOST).content.decode()
    sitemap = client.get("/sitemap.xml", **HOST).content.decode()
    assert "/organisaties/woonstichting-veenland-voorbeeld/</loc>" in sitemap
    assert "bakkerij" not in sitemap
    not_partner = reverse("organisations:detail", args=["bakkerij-jansen"])
    assert client.get(not_partner, **HOST).status_code == 404
    assert client.get("/organisaties/atlantis/", **HOST).status_code == 404


def test_a_partners_page_lists_what_it_organises_and_makes_possible(
    client, sectors, catalogue, regions
):
    _groningen, drenthe = regions
    province = partner(
        "Provincie Groningen", sectors["overheid"], description="Maakt het werk mogelijk."
    )
    organised = create_event(catalogue, slug="werksessie-privacy", regions=regions)
    organised.organiser = province
    organised.save_revision().publish()
    funded = create_event(catalogue, slug="congres", regions=regions, kind="congres")
    funded.co_funders.set([province, partner("VNG", sectors["overheid"])])
    funded.save_revision().publish()
    past = create_event(catalogue, slug="voorbij", regions=regions, starts_in=timedelta(days=-5))
    past.co_funders.set([province])
    past.save_revision().publish()
    elsewhere = create_event(catalogue, slug="alleen-in-drenthe", regions=[drenthe])
    elsewhere.co_funders.set([province])
    elsewhere.save_revision().publish()

    html = client.get(reverse("organisations:detail", args=[province.slug]), **HOST).text
    assert "Maakt het werk mogelijk." in html
    assert html.count("Congres<") == 1  # once, though two partners fund it
    assert "Werksessie privacy</a>" in html and ", organisator)" in html
    assert "mede mogelijk gemaakt door deze partner" in html
    assert "Voorbij" not in html and "Alleen in drenthe" not in html

    event_page = client.get(funded.url, **HOST).text
    assert "Mede mogelijk gemaakt door" in event_page
    assert f'<a href="/organisaties/{province.slug}/">Provincie Groningen</a>' in event_page


@pytest.mark.parametrize("count", [3, 60])
def test_partner_pages_take_the_same_queries_at_any_size(
    client, sectors, catalogue, regions, count, django_assert_num_queries
):
    province = partner("Provincie Groningen", sectors["overheid"])
    for number in range(count):
        partner(f"Corporatie {number}", sectors["wonen"])
        event = create_event(catalogue, slug=f"training-{number}", regions=regions)
        event.co_funders.set([province])
        event.save_revision().publish()
    page = reverse("organisations:detail", args=[province.slug])
    client.get(page, **HOST)  # warms the portal's data and where pages are shown
    with django_assert_num_queries(1):
        client.get(reverse("organisations:index") + "?v=1", **HOST)
    # The partner, its municipalities, circles, coming events and tracks.
    with django_assert_num_queries(5):
        response = client.get(page + "?v=1", **HOST)
    assert response.text.count("mede mogelijk gemaakt door deze partner") == count
