"""/leerkringen/: the portal's circles, public, with nothing private, in a fixed number of
queries."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from circles.models import Circle, CircleIndexPage, Membership
from core.models import Municipality
from core.tests.factories import shared_root

from .factories import make_case


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


@pytest.mark.parametrize("count", [10, 500])
def test_queries_do_not_grow_with_circles(
    client, index_page, drenthe, django_assert_num_queries, count
):
    # In bulk, so 500 circles cost little: each in its own municipality, with a facilitator.
    municipalities = Municipality.objects.bulk_create(
        Municipality(name=f"Gemeente {number}", cbs_code=f"GM9{number:03d}", region=drenthe.region)
        for number in range(count)
    )
    circles = Circle.objects.bulk_create(
        Circle(name=f"Leerkring {number}", slug=f"kring-{number}", municipality=municipality)
        for number, municipality in enumerate(municipalities)
    )
    user_model = get_user_model()
    facilitators = user_model.objects.bulk_create(
        user_model(username=f"begeleider-{number}", email=f"begeleider-{number}@example.org")
        for number in range(count)
    )
    Membership.objects.bulk_create(
        Membership(circle=circle, user=user, role="facilitator", status="active")
        for circle, user in zip(circles, facilitators, strict=True)
    )
    client.get("/leerkringen/", HTTP_HOST="drenthe.localhost")  # warm the portal caches
    with django_assert_num_queries(2):
        response = client.get("/leerkringen/?v=1", HTTP_HOST="drenthe.localhost")
    assert response.content.decode().count('class="card"') == count
