"""/leerkringen/: the portal's circles, public, with nothing private, in a fixed number of
queries."""

import pytest
from django.urls import reverse

from circles.models import CircleIndexPage
from core.tests.factories import shared_root

from .factories import make_case, make_circle, make_user


@pytest.fixture
def index_page(groningen, drenthe) -> CircleIndexPage:
    page = CircleIndexPage(title="Leerkringen", slug="leerkringen", intro="Samen leren.")
    page.regions.set([groningen.region, drenthe.region])
    shared_root().add_child(instance=page)
    return page


def test_lists_the_portals_circles_without_private_content(
    client, index_page, circle, other_circle, people
):
    case = make_case(circle, people["member"])
    html = client.get("/leerkringen/", HTTP_HOST="drenthe.localhost").content.decode()
    assert "Leerkring Assen" in html
    assert "Leerkring Stadskanaal" not in html  # another region
    assert circle.goal in html
    assert reverse("circles:request_join", kwargs={"slug": "assen"}) in html
    for private in (case.title, case.situation, people["member"].email, "Lid (voorbeeld)"):
        assert private not in html
    html = client.get("/leerkringen/", HTTP_HOST="groningen.localhost").content.decode()
    assert "Leerkring Stadskanaal" in html and "Leerkring Assen" not in html


def test_members_get_a_link_to_their_workspace(client, index_page, circle, people):
    client.force_login(people["member"])
    html = client.get("/leerkringen/", HTTP_HOST="drenthe.localhost").content.decode()
    assert reverse("circles:overview", kwargs={"slug": "assen"}) in html


@pytest.mark.parametrize("count", [2, 12])
def test_queries_do_not_grow_with_circles(
    client, index_page, drenthe, django_assert_num_queries, count
):
    for number in range(count):
        make_circle(
            slug=f"kring-{number}",
            region=drenthe.region,
            facilitator=make_user(f"begeleider-{number}"),
            code=f"GM9{number:03d}",
        )
    client.get("/leerkringen/", HTTP_HOST="drenthe.localhost")  # warm the portal caches
    with django_assert_num_queries(7):
        response = client.get("/leerkringen/?v=1", HTTP_HOST="drenthe.localhost")
    assert response.content.decode().count('class="card"') == count
