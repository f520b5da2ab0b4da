import io
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from icalendar import Calendar
from pypdf import PdfReader

from core.models import Role
from events import links, services
from events.models import Registration
from events.models import RegistrationState as State

from .factories import create_event, create_user

HOST: dict[str, Any] = {"HTTP_HOST": "groningen.localhost"}


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
    client.force_login(Registration.objects.select_related("user").get(state="confirmed").user)  # type: ignore[arg-type]
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
    feed = services.renew_calendar_feed(user=user)
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


@pytest.mark.parametrize("count", [10, 500])
def test_agenda_query_count_is_constant(
    client: Client, agenda, catalogue, regions, count, django_assert_num_queries
):
    # Ten events share the sessions: event pages are slow to build, sessions are not.
    for number in range(10):
        create_event(
            catalogue,
            slug=f"event-{number}",
            regions=regions,
            starts_in=timedelta(days=number + 1),
            sessions=count // 10,
        )
    client.force_login(create_user("sanne"))
    client.get("/agenda/", **HOST)  # warm the portal caches
    # Which sessions match is known from the first visit; their seats are counted afresh.
    with django_assert_num_queries(6):
        response = client.get("/agenda/", **HOST)
    assert response.status_code == 200
    assert response.context["result_count"] == count
    # A choice nobody made yet: its count and its page of sessions as well.
    with django_assert_num_queries(8):
        response = client.get("/agenda/?maand=", **HOST)
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


def test_visitor_form_shows_dutch_errors_and_keeps_the_input(client: Client, session):
    url = reverse("events:register", args=[session.pk])
    assert client.get(url, **HOST).status_code == 200
    response = client.post(url, {"name": "Vera", "email": "geen-adres"}, **HOST)
    assert "Vul een e-mailadres in zoals naam@voorbeeld.nl." in response.text
    assert "Vul de organisatie in waar je werkt." in response.text
    assert 'value="Vera"' in response.text
    assert not Registration.objects.exists()


def test_visitor_registers_and_confirms_through_the_pages(client: Client, session):
    role = Role.objects.get()
    visitor = {"name": "Vera", "email": "vera@example.org", "organisation_name": "Lefier"}
    response = client.post(
        reverse("events:register", args=[session.pk]), {**visitor, "role": role.pk}, **HOST
    )
    assert "Kijk in je e-mail" in response.text
    registration = Registration.objects.get()
    url = reverse("events:confirm", args=[links.make(registration, links.Kind.CONFIRM)])
    page = client.get(url, **HOST)
    assert session.event.title in page.text  # which session, before the button
    registration.refresh_from_db()
    assert registration.state == "pending"  # opening the link alone confirms nothing
    response = client.post(url, **HOST)
    assert "Je bent ingeschreven" in response.text
    registration.refresh_from_db()
    assert registration.state == "confirmed"


def test_anonymous_visitors_get_a_link_to_the_form_not_a_post(client: Client, session):
    response = client.get(session.event.url, **HOST)
    register_url = reverse("events:register", args=[session.pk])
    assert f'href="{register_url}"' in response.text
    assert f'action="{register_url}"' not in response.text


def test_offered_seat_is_accepted_from_the_event_page(client: Client, session):
    session.event.promotion_mode = "offer"
    session.event.save()
    first = services.register_user(session=session, user=create_user("a"))[0]
    services.register_user(session=session, user=create_user("b"))
    waiting = create_user("c")
    services.register_user(session=session, user=waiting)
    services.cancel_registration(registration=first, actor=first.user)
    offered = Registration.objects.get(user=waiting)
    assert offered.state == "offered"
    client.force_login(waiting)
    page = client.get(session.event.url, **HOST)
    url = reverse("events:accept_own_offer", args=[offered.pk])
    assert url in page.text
    client.post(url, **HOST)
    offered.refresh_from_db()
    assert offered.state == "confirmed"
    client.force_login(create_user("d"))
    assert client.post(url, **HOST).status_code == 404  # only the person themselves


def test_waiting_list_shows_the_place_in_the_queue(client: Client, session):
    for name in ("a", "b", "c"):
        services.register_user(session=session, user=create_user(name))
    last = create_user("d")
    services.register_user(session=session, user=last)
    client.force_login(last)
    assert "Je staat op plaats 2 van de wachtlijst" in client.get(session.event.url, **HOST).text


def test_certificate_pdf_reads_back(client: Client, session, django_user_model):
    event = session.event
    event.title = "Training bejegening — deel één"
    event.accreditation_register = "Registerplein"
    event.accreditation_number = "RP-123"
    event.accreditation_points = 3
    event.save()
    user = create_user("sanne")
    registration, _ = services.register_user(session=session, user=user)
    registration.name = "Sanne Dąbrowska"
    registration.save()
    editor = django_user_model.objects.create_superuser("editor", "e@example.org", "x")
    url = reverse("events:certificate", args=[registration.pk])
    client.force_login(user)
    assert client.get(url, **HOST).status_code == 404  # not attended yet
    services.mark_attendance(registration=registration, state=State.ATTENDED, actor=editor)
    response = client.get(url, **HOST)
    assert response["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    # One sentence in Dutch word order, across the lines of the name and the title.
    words = " ".join(text.split())
    assert (
        "Dit deelnamebewijs is uitgereikt aan Sanne Dąbrowska voor de deelname aan "
        "Training bejegening — deel één"
    ) in words
    issued = date_format(timezone.localdate(), "j F Y")
    for expected in (
        "Deelnamebewijs",
        "Datums",
        "RP-123",
        "Registerplein",
        f"Uitgereikt op {issued}.",
    ):
        assert expected in words
    assert "Hierbij" not in words and "heeft deelgenomen" not in words


def test_participant_list_prints_and_attendance_is_ticked(
    client: Client, session, django_user_model
):
    registration, _ = services.register_user(session=session, user=create_user("sanne"))
    editor = django_user_model.objects.create_superuser("editor", "e@example.org", "x")
    client.force_login(editor)
    page = client.get(reverse("events:participants", args=[session.pk]), **HOST)
    assert "Handtekening" in page.text  # the column that only shows on paper
    url = reverse("events:attendance", args=[session.pk])
    response = client.post(url, {f"r{registration.pk}": "attended"}, **HOST)
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.state == "attended"
