"""The links in e-mails (confirm, cancel, accept an offered seat) live as long as their use,
do nothing once the registration has moved on, and say in Dutch what to do instead."""

import re
from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.core import mail, signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from events import links, services
from events.models import Registration, RegistrationChange
from events.models import RegistrationState as State

from .factories import create_user

HOST: dict[str, Any] = {"HTTP_HOST": "groningen.localhost"}
URLS = {
    links.Kind.CONFIRM: "events:confirm",
    links.Kind.CANCEL: "events:cancel_by_link",
    links.Kind.ACCEPT: "events:accept_offer",
}
EXPIRED = "Deze link is verlopen"
MOVED_ON = "Deze link geldt niet meer"
INVALID = "Deze link werkt niet"
NOTHING_CHANGED = "Er is niets veranderd."


def url(registration: Registration, kind: links.Kind) -> str:
    return reverse(URLS[kind], args=[links.make(registration, kind)])


def visitor(session, email: str = "vera@example.org") -> Registration:
    registration, _created = services.register_visitor(
        session=session,
        visitor=services.Visitor(name="Vera", email=email, organisation_name="Lefier", role=None),
    )
    return registration


def confirmed_visitor(session) -> Registration:
    return services.confirm_visitor(registration=visitor(session))


@pytest.fixture
def offered(session) -> Registration:
    """The third person on a full session of two, offered the seat the first gave up."""
    session.event.promotion_mode = "offer"
    session.event.save()
    first = services.register_user(session=session, user=create_user("a"))[0]
    services.register_user(session=session, user=create_user("b"))
    waiting = services.register_user(session=session, user=create_user("c"))[0]
    services.cancel_registration(registration=first, actor=first.user)
    waiting.refresh_from_db()
    assert waiting.state == State.OFFERED
    return waiting


def assert_unchanged(registration: Registration, state: State) -> None:
    changes = RegistrationChange.objects.filter(registration=registration).count()
    registration.refresh_from_db()
    assert registration.state == state
    assert RegistrationChange.objects.filter(registration=registration).count() == changes


# --- Fresh links work, and only on a POST -----------------------------------------------


def test_a_fresh_confirm_link_confirms_after_the_button(client: Client, session):
    registration = visitor(session)
    link = url(registration, links.Kind.CONFIRM)
    assert client.get(link, **HOST).status_code == 200
    assert_unchanged(registration, State.PENDING)
    assert "Je bent ingeschreven" in client.post(link, **HOST).text
    registration.refresh_from_db()
    assert registration.state == State.CONFIRMED


def test_a_fresh_cancel_link_from_the_email_cancels(
    client: Client, session, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        registration = confirmed_visitor(session)
    link = re.search(r"http://\S+(/agenda/afmelden/\S+/)", str(mail.outbox[-1].body))
    assert link, mail.outbox[-1].body
    assert client.get(link.group(1), **HOST).status_code == 200
    assert_unchanged(registration, State.CONFIRMED)
    client.post(link.group(1), **HOST)
    registration.refresh_from_db()
    assert registration.state == State.CANCELLED


def test_a_fresh_accept_link_gives_the_seat(client: Client, offered):
    link = url(offered, links.Kind.ACCEPT)
    assert client.get(link, **HOST).status_code == 200
    assert_unchanged(offered, State.OFFERED)
    assert "De plaats is van jou" in client.post(link, **HOST).text
    offered.refresh_from_db()
    assert offered.state == State.CONFIRMED


# --- Too old: a calm Dutch page, 410, nothing changed -----------------------------------


def test_a_confirm_link_older_than_three_days_does_nothing(
    client: Client, session, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        registration = visitor(session)
    assert "De link werkt drie dagen." in str(mail.outbox[-1].body)
    link = url(registration, links.Kind.CONFIRM)
    with time_machine.travel(timezone.now() + timedelta(days=3, minutes=1)):
        for response in (client.get(link, **HOST), client.post(link, **HOST)):
            assert response.status_code == 410
            assert EXPIRED in response.text
            assert NOTHING_CHANGED in response.text
            assert "Schrijf je opnieuw in" in response.text  # what to do instead
    assert_unchanged(registration, State.PENDING)


def test_a_cancel_link_after_the_deadline_does_nothing(client: Client, session):
    registration = confirmed_visitor(session)
    link = url(registration, links.Kind.CANCEL)
    moments = {
        session.cancellation_deadline() + timedelta(minutes=1): "Laat het de organisator weten",
        session.ends_at + timedelta(days=30): "De bijeenkomst is al begonnen of voorbij.",
    }
    for moment, what_to_do in moments.items():
        with time_machine.travel(moment):
            for response in (client.get(link, **HOST), client.post(link, **HOST)):
                assert response.status_code == 410
                assert EXPIRED in response.text
                assert "niet meer zelf afmelden" in response.text
                assert what_to_do in response.text
    assert_unchanged(registration, State.CONFIRMED)


def test_an_accept_link_after_the_offer_lapsed_does_nothing(client: Client, session, offered):
    link = url(offered, links.Kind.ACCEPT)
    assert offered.offer_expires_at
    with time_machine.travel(offered.offer_expires_at + timedelta(minutes=1)):
        # Before the periodic job has passed the seat on, and after.
        response = client.post(link, **HOST)
        assert response.status_code == 410
        assert "De tijd om de plaats aan te nemen is voorbij" in response.text
        assert_unchanged(offered, State.OFFERED)
        services.expire_offers()
        assert client.post(link, **HOST).status_code == 410
    assert_unchanged(offered, State.CANCELLED)


def test_a_link_from_a_lapsed_offer_cannot_take_a_later_offer(client: Client, session, offered):
    old_link = url(offered, links.Kind.ACCEPT)
    # The offer lapses, the person registers again and is offered a seat once more.
    with time_machine.travel(offered.offer_expires_at + timedelta(minutes=1)):  # type: ignore[operator]
        services.expire_offers()
        services.register_user(session=session, user=create_user("d"))  # the free seat
        again = services.register_user(session=session, user=offered.user)[0]
        assert again.pk == offered.pk
        assert again.state == State.WAITING
        services.cancel_registration(
            registration=Registration.objects.get(user__username="b"),
            actor=create_user("editor", is_superuser=True),
        )
        offered.refresh_from_db()
        assert offered.state == State.OFFERED
        assert client.post(old_link, **HOST).status_code == 410
        assert_unchanged(offered, State.OFFERED)
        client.post(url(offered, links.Kind.ACCEPT), **HOST)
        assert_unchanged(offered, State.CONFIRMED)


# --- The registration moved on: the link does nothing and says where it stands ----------


def test_an_accept_link_after_cancelling_does_not_take_the_seat(client: Client, offered):
    link = url(offered, links.Kind.ACCEPT)
    services.cancel_registration(registration=offered, actor=offered.user)
    response = client.post(link, **HOST)
    assert response.status_code == 200
    assert MOVED_ON in response.text
    assert "Afgemeld" in response.text  # where the registration stands now
    assert NOTHING_CHANGED in response.text
    assert_unchanged(offered, State.CANCELLED)


def test_an_old_cancel_link_does_not_cancel_a_new_registration(client: Client, session):
    registration = confirmed_visitor(session)
    old_link = url(registration, links.Kind.CANCEL)
    client.post(old_link, **HOST)
    registration.refresh_from_db()
    assert registration.state == State.CANCELLED
    with time_machine.travel(timezone.now() + timedelta(minutes=5)):
        again = confirmed_visitor(session)
    assert again.pk == registration.pk  # the same row, a new round
    response = client.post(old_link, **HOST)
    assert response.status_code == 200
    assert MOVED_ON in response.text
    assert_unchanged(registration, State.CONFIRMED)


def test_a_used_confirm_link_only_shows_the_registration(client: Client, session):
    registration = visitor(session)
    link = url(registration, links.Kind.CONFIRM)
    client.post(link, **HOST)
    response = client.post(link, **HOST)
    assert response.status_code == 200
    assert MOVED_ON in response.text
    assert "Bevestigd" in response.text
    assert_unchanged(registration, State.CONFIRMED)


# --- Not ours at all: 404 with the explanation, never a 500 ------------------------------


@pytest.mark.parametrize("kind", list(links.Kind))
def test_a_tampered_link_gives_the_explanation(client: Client, session, kind):
    registration = confirmed_visitor(session)
    token = links.make(registration, kind)
    other_kind = next(other for other in links.Kind if other != kind)
    tokens = [
        token[:-1] + ("A" if token[-1] != "A" else "B"),  # a changed signature
        token[: len(token) // 2],  # cut off
        "x",
        links.make(registration, other_kind),  # a link of another kind
        signing.dumps("not a pair", salt=f"events.link.{kind}"),  # signed, but not ours
        signing.dumps([registration.pk + 1000, 0], salt=f"events.link.{kind}"),  # gone
    ]
    for bad in tokens:
        for method in (client.get, client.post):
            response = method(reverse(URLS[kind], args=[bad]), **HOST)
            assert response.status_code == 404, bad
            assert INVALID in response.text
    assert_unchanged(registration, State.CONFIRMED)
