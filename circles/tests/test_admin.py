"""Editors manage circles in /beheer/ (name, municipality, organisations, facilitators);
cases and other private content are not in the admin."""

from django.urls import reverse

from circles.models import Circle, CircleEvent
from core.models import Organisation, Sector

from .factories import make_user, membership, municipality


def test_an_editor_creates_a_circle_with_a_facilitator(client, drenthe, people) -> None:
    organisation = Organisation.objects.create(
        name="Movisie", sector=Sector.objects.create(name="Kennis", slug="kennis")
    )
    facilitator = make_user("nieuwe-begeleider")
    client.force_login(people["editor"])
    response = client.post(
        reverse("wagtailsnippets_circles_circle:add"),
        {
            "name": "Leerkring Emmen",
            "slug": "emmen",
            "municipality": municipality(drenthe.region, "Emmen", "GM0114").pk,
            "goal": "Samen leren in Emmen.",
            "organisations": [organisation.pk],
            "status": "active",
            "facilitators": [facilitator.pk],
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    circle = Circle.objects.get(slug="emmen")
    assert membership(circle, facilitator).is_facilitator
    assert CircleEvent.objects.get(circle=circle).kind == "appointed"
    edit = client.get(reverse("wagtailsnippets_circles_circle:edit", args=[circle.pk]))
    assert edit.context["form"].initial["facilitators"] == [facilitator.pk]
    # The editor is not a member: the workspace stays closed to them.
    assert client.get(circle.get_absolute_url()).status_code == 404


def test_the_reserved_slug_is_refused(client, drenthe, people) -> None:
    client.force_login(people["editor"])
    response = client.post(
        reverse("wagtailsnippets_circles_circle:add"),
        {
            "name": "Knelpunten",
            "slug": "knelpunten",
            "municipality": municipality(drenthe.region).pk,
            "goal": "x",
            "status": "active",
        },
    )
    assert response.status_code == 200
    assert "slug" in response.context["form"].errors


def test_private_content_is_not_in_the_admin() -> None:
    from wagtail.snippets.models import get_snippet_models

    names = {model._meta.label for model in get_snippet_models()}
    assert "circles.Circle" in names
    assert not names & {"circles.Case", "circles.Comment", "circles.Bottleneck", "circles.Meeting"}
