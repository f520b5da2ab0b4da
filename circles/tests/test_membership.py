"""Invitations, requests to join, removing, handing over, leaving, and the history."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from circles.models import CircleEvent, Invitation, Membership
from circles.services import (
    CircleError,
    accept_invitation,
    hand_over_facilitator,
    invite_to_circle,
    leave_circle,
    remove_member,
)

from .factories import make_user, membership


def invitation_path(circle, people, django_capture_on_commit_callbacks) -> str:
    with django_capture_on_commit_callbacks(execute=True):
        invite_to_circle(circle=circle, email="Nieuw@Example.org", by=people["facilitator"])
    [message] = mail.outbox
    assert message.to == ["nieuw@example.org"]
    match = re.search(
        r"https?://[^/\s]+(/leerkringen/assen/uitnodiging/[\w-]+/)", str(message.body)
    )
    assert match, message.body
    return match.group(1)


def test_invitation_link_lets_a_new_member_in_once(
    client, circle, people, django_capture_on_commit_callbacks
) -> None:
    path = invitation_path(circle, people, django_capture_on_commit_callbacks)
    token = path.rstrip("/").rsplit("/", 1)[1]
    assert len(token) >= 43  # 256 bits, URL-safe base64
    assert not Invitation.objects.filter(token_hash=token).exists()  # only the hash is kept

    # Without an account: sign up or log in, and come back here.
    response = client.get(path)
    assert response.status_code == 200
    assert f"/account/signup/?next={path}" in response.content.decode()

    newcomer = make_user("nieuw")
    client.force_login(newcomer)
    response = client.post(path)
    assert response["Location"] == reverse("circles:overview", kwargs={"slug": "assen"})
    assert membership(circle, newcomer).is_active
    assert CircleEvent.objects.filter(circle=circle, kind="joined", subject=newcomer).exists()

    # Single use: the same link opens nothing for anyone else.
    client.force_login(people["outsider"])
    assert client.get(path).status_code == 404
    assert client.post(path).status_code == 404
    assert not Membership.objects.filter(user=people["outsider"]).exists()


def test_an_expired_invitation_opens_nothing(
    client, circle, people, django_capture_on_commit_callbacks
) -> None:
    path = invitation_path(circle, people, django_capture_on_commit_callbacks)
    client.force_login(people["outsider"])
    with time_machine.travel(timezone.now() + timedelta(days=15)):
        assert client.get(path).status_code == 404
        assert client.post(path).status_code == 404
    assert not Membership.objects.filter(user=people["outsider"]).exists()


def test_a_token_for_one_circle_does_not_open_another(
    client, circle, other_circle, people, django_capture_on_commit_callbacks
) -> None:
    path = invitation_path(circle, people, django_capture_on_commit_callbacks)
    other_path = path.replace("/assen/", "/stadskanaal/")
    client.force_login(people["outsider"])
    assert client.get(other_path).status_code == 404
    assert client.post(other_path).status_code == 404
    token = path.rstrip("/").rsplit("/", 1)[1]
    with pytest.raises(CircleError):
        accept_invitation(circle=other_circle, token=token, user=people["outsider"])
    assert not Membership.objects.filter(user=people["outsider"]).exists()


def test_only_facilitators_invite(circle, people) -> None:
    with pytest.raises(CircleError):
        invite_to_circle(circle=circle, email="x@example.org", by=people["member"])


def test_asking_to_join_and_the_facilitators_answer(
    client, circle, people, django_capture_on_commit_callbacks
) -> None:
    join = reverse("circles:request_join", kwargs={"slug": "assen"})
    assert client.get(join)["Location"].startswith("/account/login/")
    client.force_login(people["outsider"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(join)
    request = membership(circle, people["outsider"])
    assert request.status == "requested"
    [message] = mail.outbox
    assert message.to == [people["facilitator"].email]
    # Still no access while waiting.
    assert client.get(reverse("circles:overview", kwargs={"slug": "assen"})).status_code == 404

    client.force_login(people["facilitator"])
    members_page = client.get(reverse("circles:members", kwargs={"slug": "assen"}))
    assert "Buitenstaander (voorbeeld)" in members_page.content.decode()
    client.post(
        reverse("circles:decide_request", kwargs={"slug": "assen", "pk": request.pk}),
        {"decision": "approve"},
    )
    assert membership(circle, people["outsider"]).is_active
    assert CircleEvent.objects.filter(kind="approved", subject=people["outsider"]).exists()


def test_declining_a_request(client, circle, people) -> None:
    client.force_login(people["outsider"])
    client.post(reverse("circles:request_join", kwargs={"slug": "assen"}))
    request = membership(circle, people["outsider"])
    client.force_login(people["facilitator"])
    client.post(
        reverse("circles:decide_request", kwargs={"slug": "assen", "pk": request.pk}),
        {"decision": "decline"},
    )
    assert membership(circle, people["outsider"]).status == "declined"
    assert CircleEvent.objects.filter(kind="declined").exists()


def test_remove_hand_over_and_leave_are_kept_in_the_history(client, circle, people) -> None:
    member = membership(circle, people["member"])
    with pytest.raises(CircleError):
        leave_circle(membership=membership(circle, people["facilitator"]))  # the only one

    hand_over_facilitator(circle=circle, by=people["facilitator"], to=member)
    assert membership(circle, people["member"]).is_facilitator
    assert not membership(circle, people["facilitator"]).is_facilitator
    with pytest.raises(CircleError):
        remove_member(membership=member, by=people["facilitator"])  # no longer facilitator

    remove_member(membership=membership(circle, people["facilitator"]), by=people["member"])
    assert membership(circle, people["facilitator"]).status == "removed"

    newcomer = make_user("nieuw")
    Membership.objects.create(circle=circle, user=newcomer, status="active")
    leave_circle(membership=membership(circle, newcomer))
    assert membership(circle, newcomer).status == "left"

    client.force_login(people["member"])
    response = client.get(reverse("circles:history", kwargs={"slug": "assen"}))
    kinds = [event.kind for event in response.context["events"]]
    assert kinds[:3] == ["left", "removed", "handed_over"]
    assert "Lid (voorbeeld)" in response.content.decode()


def test_notification_choice_is_saved(client, circle, people) -> None:
    client.force_login(people["member"])
    client.post(
        reverse("circles:notifications", kwargs={"slug": "assen"}), {"notifications": "daily"}
    )
    assert membership(circle, people["member"]).notifications == "daily"
