"""A congres's programme: plenary parts and workshop rounds, one workshop per round."""

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client

from events import services
from events.models import EventPage, Registration, Session
from events.models import RegistrationState as State

from .factories import create_event, create_user

HOST: dict[str, Any] = {"HTTP_HOST": "groningen.localhost"}
# The catalogue page's own queries (page, portal, learner, terms, co-funders) plus one for
# the sessions with their seat counts, one for the visitor's registrations and one for
# their organisation (may they reserve seats?): none per session or per registration.
QUERIES = 16


@pytest.fixture
def congres(catalogue, regions) -> EventPage:
    """A plenary day (the event's own session) and two rounds of two workshops."""
    event = create_event(catalogue, slug="jaarcongres", regions=regions, kind="congres")
    day = event.sessions.get()
    for round_number in (1, 2):
        for letter in ("A", "B"):
            start = day.starts_at + timedelta(hours=round_number)
            Session.objects.create(
                event=event,
                round=f"Ronde {round_number}",
                title=f"Workshop {round_number}{letter}",
                speakers="Anne de Vries (voorbeeld)",
                starts_at=start,
                ends_at=start + timedelta(minutes=50),
                place_name="Zaal " + letter,
                capacity=2,
            )
    return event


def workshop(event: EventPage, title: str) -> Session:
    return event.sessions.get(title=title)  # type: ignore[attr-defined]


def test_a_person_chooses_one_workshop_per_round(congres):
    user = create_user("sanne")
    day = congres.sessions.get(round="")
    for session in (day, workshop(congres, "Workshop 1A"), workshop(congres, "Workshop 2B")):
        registration, created = services.register_user(session=session, user=user)
        assert created and registration.state == State.CONFIRMED

    with pytest.raises(services.RegistrationError) as refused:
        services.register_user(session=workshop(congres, "Workshop 1B"), user=user)
    assert "Ronde 1" in refused.value.message and "Workshop 1A" in refused.value.message
    assert not Registration.objects.filter(session__title="Workshop 1B").exists()

    # Switching: cancel the first choice, then the other workshop of the round is free.
    first = Registration.objects.get(user=user, session__title="Workshop 1A")
    services.cancel_registration(registration=first, actor=user)
    registration, _created = services.register_user(
        session=workshop(congres, "Workshop 1B"), user=user
    )
    assert registration.state == State.CONFIRMED


def test_a_visitor_chooses_one_workshop_per_round_too(congres):
    visitor = services.Visitor("Piet", "Piet@example.org", "", None)
    services.register_visitor(session=workshop(congres, "Workshop 2A"), visitor=visitor)
    with pytest.raises(services.RegistrationError):
        services.register_visitor(session=workshop(congres, "Workshop 2B"), visitor=visitor)
    # Another round is another choice.
    registration, created = services.register_visitor(
        session=workshop(congres, "Workshop 1B"), visitor=visitor
    )
    assert created and registration.state == State.PENDING


def test_a_workshop_is_never_overbooked(congres):
    chosen = workshop(congres, "Workshop 1A")
    states = [
        services.register_user(session=chosen, user=create_user(name))[0].state
        for name in ("a", "b", "c")
    ]
    assert states == [State.CONFIRMED, State.CONFIRMED, State.WAITING]
    assert Registration.objects.filter(session=chosen).holding_seats().count() == 2
    # The other workshop of the round keeps its own seats.
    other, _created = services.register_user(
        session=workshop(congres, "Workshop 1B"), user=create_user("d")
    )
    assert other.state == State.CONFIRMED


def test_the_certificate_asks_for_one_workshop_per_round(congres, django_user_model):
    user = create_user("sanne")
    editor = django_user_model.objects.create_superuser("beheer", "beheer@example.org", "x")
    day = congres.sessions.get(round="")
    registrations = [
        services.register_user(session=session, user=user)[0]
        for session in (day, workshop(congres, "Workshop 1A"), workshop(congres, "Workshop 2B"))
    ]
    for registration in registrations[:2]:
        services.mark_attendance(registration=registration, state=State.ATTENDED, actor=editor)
    day_registration = Registration.objects.get(pk=registrations[0].pk)
    assert day_registration.state == State.ATTENDED
    assert not services.has_full_attendance(day_registration)
    services.mark_attendance(registration=registrations[2], state=State.ATTENDED, actor=editor)
    assert services.has_full_attendance(day_registration)


def test_the_page_shows_the_programme(client: Client, congres):
    text = client.get(congres.url, **HOST).text
    assert "Programma" in text or "Programme" in text
    for title in ("Workshop 1A", "Workshop 1B", "Workshop 2A", "Workshop 2B"):
        assert title in text
    assert "Anne de Vries (voorbeeld)" in text
    assert "Zaal B" in text


@pytest.mark.parametrize("count", [10, 500])
def test_the_programme_page_query_count_is_constant(
    client: Client, congres, count, django_assert_num_queries
):
    day = congres.sessions.get(round="")
    day.capacity = 1000
    day.save()
    Registration.objects.bulk_create(
        Registration(session=day, name=f"D{n}", email=f"d{n}@example.org", state="confirmed")
        for n in range(count)
    )
    client.force_login(create_user("sanne"))
    client.get(congres.url, **HOST)  # warm the portal caches
    with django_assert_num_queries(QUERIES):
        response = client.get(congres.url, **HOST)
    assert response.status_code == 200
    assert "Workshop 2B" in response.text
