from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from events import services
from events.models import Registration

from .factories import create_event, create_user

HOST = {"HTTP_HOST": "groningen.localhost"}


def test_event_page_shows_seats_and_registers_in_one_click(client: Client, session):
    response = client.get(session.event.url, **HOST)
    assert response.status_code == 200
    assert "2 plaatsen" in response.text or "2 seats left" in response.text
    user = create_user("sanne")
    client.force_login(user)
    response = client.post(reverse("events:register", args=[session.pk]), **HOST)
    assert response.status_code == 302
    assert Registration.objects.get(user=user).state == "confirmed"
    response = client.post(reverse("events:register", args=[session.pk]), follow=True, **HOST)
    assert Registration.objects.filter(user=user).count() == 1


def test_online_link_only_for_confirmed_participants(client: Client, catalogue, regions):
    event = create_event(catalogue, slug="webinar", regions=regions, kind="webinar", capacity=1)
    session = event.sessions.get()
    secret = "https://meet.example.org/geheim"
    assert secret not in client.get(event.url, **HOST).text
    ics = client.get(reverse("events:session_ics", args=[session.pk]), **HOST)
    assert secret.encode() not in ics.content
    services.register_user(session=session, user=create_user("first"))
    waiting = create_user("second")
    services.register_user(session=session, user=waiting)
    client.force_login(waiting)
    assert secret not in client.get(event.url, **HOST).text
    client.force_login(Registration.objects.get(state="confirmed").user)
    assert secret in client.get(event.url, **HOST).text


def test_session_ics_parses(client: Client, session):
    response = client.get(reverse("events:session_ics", args=[session.pk]), **HOST)
    calendar = Calendar.from_ical(response.content)
    [vevent] = calendar.walk("VEVENT")
    assert vevent["summary"] == session.event.title
    assert vevent.decoded("dtstart") == session.starts_at.replace(microsecond=0)


def test_personal_feed_has_confirmed_sessions_and_can_be_revoked(client: Client, session):
    user = create_user("sanne")
    services.register_user(session=session, user=user)
    feed = services.calendar_feed_for(user=user)
    url = reverse("events:feed", args=[feed.token])
    calendar = Calendar.from_ical(client.get(url, **HOST).content)
    assert len(calendar.walk("VEVENT")) == 1
    services.renew_calendar_feed(user=user)
    assert client.get(url, **HOST).status_code == 404


def test_participant_list_is_only_for_trainers_and_editors(
    client: Client, session, django_user_model
):
    services.register_user(session=session, user=create_user("sanne"))
    url = reverse("events:participants", args=[session.pk])
    client.force_login(create_user("stranger"))
    assert client.get(url, **HOST).status_code == 404
    trainer = create_user("trainer")
    session.event.trainers.add(trainer)
    session.event.save()
    client.force_login(trainer)
    response = client.get(url, **HOST)
    assert response.status_code == 200
    assert "sanne" in response.text


@pytest.mark.parametrize("count", [3, 30])
def test_agenda_query_count_is_constant(
    client: Client, agenda, catalogue, regions, count, django_assert_num_queries
):
    for number in range(count):
        create_event(
            catalogue, slug=f"event-{number}", regions=regions, starts_in=timedelta(days=number + 1)
        )
    client.force_login(create_user("sanne"))
    client.get("/agenda/", **HOST)  # warm the portal caches
    with django_assert_num_queries(14):
        response = client.get("/agenda/", **HOST)
    assert response.status_code == 200
    assert response.context["result_count"] == count


def test_agenda_filters_and_archive(client: Client, agenda, catalogue, regions):
    create_event(catalogue, slug="werksessie-privacy", regions=regions, kind="werksessie")
    create_event(
        catalogue,
        slug="oud-congres",
        regions=regions,
        kind="congres",
        starts_in=timedelta(days=-30),
    )
    response = client.get("/agenda/?soort=werksessie", **HOST)
    assert "Werksessie privacy" in response.text
    response = client.get("/agenda/?soort=training", **HOST)
    assert "Werksessie privacy" not in response.text
    response = client.get("/agenda/archief/", **HOST)
    assert "Oud congres" in response.text and "Werksessie privacy" not in response.text
