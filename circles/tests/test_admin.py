"""Editors manage circles in /beheer/ (name, municipality, organisations, facilitators);
cases and other private content are not in the admin."""

from django.urls import reverse

from circles.models import Circle, CircleEvent
from circles.services import BottleneckDetails, record_bottleneck, share_bottleneck
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


def test_an_editor_cannot_make_themselves_facilitator_of_a_running_circle(
    client, circle, people
) -> None:
    editor = people["editor"]
    client.force_login(editor)
    response = client.post(
        reverse("wagtailsnippets_circles_circle:edit", args=[circle.pk]),
        {
            "name": circle.name,
            "slug": circle.slug,
            "municipality": circle.municipality.pk,
            "goal": circle.goal,
            "status": "active",
            "facilitators": [people["facilitator"].pk, editor.pk],
        },
    )
    assert response.status_code == 200
    assert "Alleen leden van de leerkring" in str(response.context["form"].errors)
    assert not circle.memberships.filter(user=editor).exists()
    assert client.get(circle.get_absolute_url()).status_code == 404


def test_a_coordinator_answers_only_bottlenecks_of_their_portals_region(
    client, circle, other_circle, people
) -> None:
    facilitator = other_circle.memberships.filter(role="facilitator").first().user
    elsewhere = record_bottleneck(
        circle=other_circle,
        by=facilitator,
        details=BottleneckDetails(
            title="Brieven te moeilijk",
            description="Brieven zijn te ingewikkeld.",
            kind="municipal_policy",
        ),
    )
    share_bottleneck(bottleneck=elsewhere, by=facilitator)
    client.force_login(people["coordinator"])
    url = reverse("circles:respond", args=[elsewhere.pk])
    # The other circle is in Groningen; asked on the Drenthe portal it does not exist.
    assert client.get(url, HTTP_HOST="drenthe.localhost").status_code == 404
    assert client.get(url, HTTP_HOST="groningen.localhost").status_code == 200
