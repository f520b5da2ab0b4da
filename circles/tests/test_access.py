"""Who reaches what: every private page and action of a circle, for every kind of person.
Non-members get 404, exactly as for a circle that does not exist: no hint."""

from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from circles.models import Bottleneck, ImprovementPoint
from circles.services import (
    AgreementDetails,
    BottleneckDetails,
    MeetingDetails,
    add_comment,
    make_agreement,
    plan_meeting,
    record_bottleneck,
)

from .factories import make_case, membership

GET_PAGES = [
    "overview",
    "meetings",
    "meeting_detail",
    "meeting_new",
    "meeting_edit",
    "cases",
    "case_new",
    "case_detail",
    "case_edit",
    "agreements",
    "agreements_download",
    "agreement_new",
    "agreement_edit",
    "bottlenecks",
    "bottleneck_new",
    "bottleneck_edit",
    "members",
    "remove",
    "history",
]
POST_ACTIONS = [
    "meeting_new",
    "meeting_edit",
    "minutes",
    "attendance",
    "case_new",
    "case_edit",
    "comment",
    "improvement_point",
    "point_to_agreement",
    "agreement_new",
    "agreement_edit",
    "bottleneck_new",
    "bottleneck_edit",
    "bottleneck_share",
    "invite",
    "decide_request",
    "remove",
    "hand_over",
    "leave",
    "notifications",
]
FACILITATOR_ONLY = {
    "invite",
    "decide_request",
    "remove",
    "hand_over",
    "meeting_new",
    "meeting_edit",
    "minutes",
    "attendance",
}
FACILITATOR_PAGES = {"meeting_new", "meeting_edit", "remove"}
NON_MEMBERS = ["outsider", "other_member", "editor", "coordinator"]


@pytest.fixture
def objects(circle, other_circle, people) -> dict[str, Any]:
    case = make_case(circle, people["member"])
    add_comment(case=case, author=people["facilitator"], text="Herkenbaar.")
    point = ImprovementPoint.objects.create(case=case, text="Eerder bellen.")
    agreement = make_agreement(
        circle=circle, by=people["member"], details=AgreementDetails(description="Overleg")
    )
    meeting = plan_meeting(
        circle=circle,
        by=people["facilitator"],
        details=MeetingDetails(
            starts_at=timezone.now() + timedelta(days=7),
            ends_at=timezone.now() + timedelta(days=7, hours=2),
            agenda="Casus bespreken",
            place_name="Stadhuis",
        ),
    )
    bottleneck = record_bottleneck(
        circle=circle,
        by=people["member"],
        details=BottleneckDetails(
            title="Privacyregels", description="Gegevens delen mag niet.", kind="ict_privacy"
        ),
    )
    return {
        "case": case,
        "point": point,
        "agreement": agreement,
        "bottleneck": bottleneck,
        "meeting": meeting,
        "membership": membership(circle, people["member"]),
    }


def url(name: str, slug: str, objects: dict[str, Any]) -> str:
    pk = {
        "meeting_detail": objects["meeting"].pk,
        "meeting_edit": objects["meeting"].pk,
        "minutes": objects["meeting"].pk,
        "attendance": objects["meeting"].pk,
        "case_detail": objects["case"].pk,
        "case_edit": objects["case"].pk,
        "comment": objects["case"].pk,
        "improvement_point": objects["case"].pk,
        "point_to_agreement": objects["point"].pk,
        "agreement_edit": objects["agreement"].pk,
        "bottleneck_edit": objects["bottleneck"].pk,
        "bottleneck_share": objects["bottleneck"].pk,
        "decide_request": objects["membership"].pk,
        "remove": objects["membership"].pk,
    }.get(name)
    kwargs: dict[str, Any] = {"slug": slug}
    if pk is not None:
        kwargs["pk"] = pk
    return reverse(f"circles:{name}", kwargs=kwargs)


@pytest.mark.parametrize("who", NON_MEMBERS)
def test_non_members_get_404_on_every_page_and_action(client, people, objects, who) -> None:
    client.force_login(people[who])
    for name in GET_PAGES:
        assert client.get(url(name, "assen", objects)).status_code == 404, name
        # A circle that does not exist answers the same.
        assert client.get(url(name, "bestaat-niet", objects)).status_code == 404, name
    for name in POST_ACTIONS:
        response = client.post(url(name, "assen", objects), {"text": "x", "email": "a@b.nl"})
        assert response.status_code == 404, name
    # Nothing changed on the way.
    assert objects["case"].comments.count() == 1
    assert not Bottleneck.objects.filter(shared_at__isnull=False).exists()
    assert membership(objects["case"].circle, people["member"]).is_active


def test_visitors_are_sent_to_log_in_whether_the_circle_exists_or_not(client, objects) -> None:
    for name in GET_PAGES:
        for slug in ("assen", "bestaat-niet"):
            response = client.get(url(name, slug, objects))
            assert response.status_code == 302, name
            assert response["Location"].startswith("/account/login/"), name
    for name in POST_ACTIONS:
        response = client.post(url(name, "assen", objects))
        assert response.status_code == 302, name
        assert response["Location"].startswith("/account/login/"), name


@pytest.mark.parametrize("who", ["member", "facilitator"])
def test_members_reach_every_page(client, people, objects, who) -> None:
    client.force_login(people[who])
    for name in GET_PAGES:
        response = client.get(url(name, "assen", objects))
        expected = 403 if who == "member" and name in FACILITATOR_PAGES else 200
        assert response.status_code == expected, name
        if expected == 200:
            assert "no-store" in response["Cache-Control"], name
    assert client.get(url("overview", "stadskanaal", objects)).status_code == 404


def test_members_cannot_do_what_only_facilitators_do(client, people, objects) -> None:
    client.force_login(people["member"])
    for name in FACILITATOR_ONLY:
        assert client.post(url(name, "assen", objects)).status_code == 403, name
    client.post(url("point_to_agreement", "assen", objects))
    assert not ImprovementPoint.objects.get().agreement
    client.post(url("bottleneck_share", "assen", objects))
    assert not Bottleneck.objects.get().is_shared


def test_regional_overview_is_for_coordinators_only(client, people, objects) -> None:
    regional = reverse("circles:regional_bottlenecks")
    respond = reverse("circles:respond", kwargs={"pk": objects["bottleneck"].pk})
    assert client.get(regional).status_code == 302
    for who in ("member", "facilitator", "outsider", "editor"):
        client.force_login(people[who])
        if who == "editor":
            # A superuser has every permission, so editors with full rights see it.
            assert client.get(regional, HTTP_HOST="drenthe.localhost").status_code == 200
            continue
        assert client.get(regional).status_code == 403, who
        assert client.post(respond, {"response": "x", "status": "answered"}).status_code == 403
    client.force_login(people["coordinator"])
    assert client.get(regional, HTTP_HOST="drenthe.localhost").status_code == 200
    # Only shared bottlenecks can be answered; this one is not shared.
    assert client.get(respond).status_code == 404
