"""An organisation without a learning circle reports a bottleneck in laws and regulations
from its partner page; it joins the circles' shared bottlenecks on the coordinators' regional
overview, and the answer shows to the organisation's members."""

import pytest
from django.urls import reverse

from circles.models import Bottleneck
from core.models import Organisation, Sector

from .factories import make_user, municipality

DRENTHE = {"HTTP_HOST": "drenthe.localhost"}
REPORT = {
    "knelpunt-title": "Kostendelersnorm remt samenwonen",
    "knelpunt-description": "Een volwassen kind dat thuis blijft wonen, verlaagt de "
    "uitkering van de ouder. Gezinnen splitsen zich daardoor op papier.",
    "knelpunt-body": "Het ministerie van SZW",
}


@pytest.fixture
def welzijn(drenthe) -> Organisation:
    sector = Sector.objects.create(name="Welzijn", slug="welzijn")
    return Organisation.objects.create(
        name="Welzijn Drentse Monden (voorbeeld)",
        sector=sector,
        municipality=municipality(drenthe.region, "Borger-Odoorn", "GM1681"),
        is_partner=True,
    )


@pytest.fixture
def member(welzijn):
    user = make_user("medewerker")
    user.profile.organisation = welzijn
    user.profile.save()
    return user


def test_a_member_reports_and_reads_the_regions_answer(client, welzijn, member, people):
    page = reverse("organisations:detail", args=[welzijn.slug])
    client.force_login(member)
    html = client.get(page, **DRENTHE).content.decode()
    assert "Meld een knelpunt in wet- en regelgeving" in html

    response = client.post(
        reverse("circles:organisation_bottleneck", args=[welzijn.slug]), REPORT, **DRENTHE
    )
    assert response.status_code == 302 and response["Location"] == page
    bottleneck = Bottleneck.objects.get()
    assert bottleneck.organisation == welzijn and bottleneck.circle is None
    assert bottleneck.kind == Bottleneck.Kind.LAW and bottleneck.is_shared

    # The coordinator of the region reads it beside the circles' and answers it.
    client.force_login(people["coordinator"])
    overview = client.get(reverse("circles:regional_bottlenecks"), **DRENTHE).content.decode()
    assert "Kostendelersnorm remt samenwonen" in overview
    assert "Welzijn Drentse Monden (voorbeeld)" in overview and "Borger-Odoorn" in overview
    # Not on the other province's overview: the organisation is based in Drenthe.
    other = client.get(reverse("circles:regional_bottlenecks"), HTTP_HOST="groningen.localhost")
    assert "Kostendelersnorm" not in other.content.decode()
    client.post(
        reverse("circles:respond", args=[bottleneck.pk]),
        {"response": "Aangekaart bij het ministerie via de VNG.", "status": "raised"},
        **DRENTHE,
    )

    client.force_login(member)
    html = client.get(page, **DRENTHE).content.decode()
    assert "Aangekaart bij het ministerie via de VNG." in html


def test_only_members_of_an_organisation_without_a_circle_may_report(
    client, welzijn, member, people, circle
):
    page = reverse("organisations:detail", args=[welzijn.slug])
    report = reverse("circles:organisation_bottleneck", args=[welzijn.slug])
    # Visitors and people of other organisations see no form, and a post is refused.
    assert "knelpunt-title" not in client.get(page, **DRENTHE).content.decode()
    assert client.post(report, REPORT, **DRENTHE).status_code == 302  # to log in
    client.force_login(people["outsider"])
    assert "knelpunt-title" not in client.get(page, **DRENTHE).content.decode()
    response = client.post(report, REPORT, **DRENTHE)
    assert response.status_code == 400
    assert "Alleen medewerkers van deze organisatie" in response.content.decode()
    # An organisation that takes part in a circle records bottlenecks there.
    circle.organisations.add(welzijn)
    client.force_login(member)
    assert "knelpunt-title" not in client.get(page, **DRENTHE).content.decode()
    response = client.post(report, REPORT, **DRENTHE)
    assert "neem het knelpunt daar op" in response.content.decode()
    # Unknown organisations, and organisations that are no partner, do not exist here.
    assert (
        client.post(
            reverse("circles:organisation_bottleneck", args=["atlantis"]), REPORT, **DRENTHE
        ).status_code
        == 404
    )
    welzijn.is_partner = False
    welzijn.save()
    assert client.post(report, REPORT, **DRENTHE).status_code == 404
    assert not Bottleneck.objects.exists()


def test_personal_data_is_refused_and_the_text_kept(client, welzijn, member):
    client.force_login(member)
    text = (
        "Mevrouw Jansen, Dorpsstraat 12 in Exloo, krijgt minder bijstand sinds haar zoon "
        "thuis woont."
    )
    response = client.post(
        reverse("circles:organisation_bottleneck", args=[welzijn.slug]),
        {**REPORT, "knelpunt-description": text},
        **DRENTHE,
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Dorpsstraat 12" in html  # what was typed is still there
    assert "adres" in html.lower()
    assert not Bottleneck.objects.exists()
