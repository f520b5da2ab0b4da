"""What the dashboard (/mijn/) and account deletion use from events: upcoming
registrations and their partial, accreditation points, personal data, and cancelling the
registrations of a person who leaves."""

import json
from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from events import services
from events.models import PromotionMode, Registration
from events.models import RegistrationState as State

from .factories import create_event, create_user

HOST: dict[str, Any] = {"HTTP_HOST": "groningen.localhost"}


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "x")


def test_upcoming_for_lists_a_persons_coming_sessions_soonest_first(catalogue, regions, editor):
    user = create_user("sanne")
    later = create_event(catalogue, slug="later", regions=regions, starts_in=timedelta(days=20))
    sooner = create_event(catalogue, slug="sooner", regions=regions, starts_in=timedelta(days=3))
    cancelled = create_event(catalogue, slug="weg", regions=regions)
    past = create_event(catalogue, slug="voorbij", regions=regions, starts_in=timedelta(days=-5))
    for event in (later, sooner, cancelled):
        services.register_user(session=event.sessions.get(), user=user)
    gone = Registration.objects.get(session__event=cancelled)
    services.cancel_registration(registration=gone, actor=user)
    Registration.objects.create(
        session=past.sessions.get(), user=user, name="Sanne", email=user.email, state="attended"
    )
    services.register_user(session=later.sessions.get(), user=create_user("other"))

    upcoming = Registration.objects.upcoming_for(user)
    assert [r.session.event.slug for r in upcoming] == ["sooner", "later"]
    assert not Registration.objects.upcoming_for(AnonymousUser()).exists()


def test_my_sessions_partial_offers_calendar_cancel_and_accept(catalogue, regions):
    user = create_user("sanne")
    event = create_event(catalogue, regions=regions, capacity=1, promotion_mode="offer")
    session = event.sessions.get()
    first, _ = services.register_user(session=session, user=create_user("first"))
    mine, _ = services.register_user(session=session, user=user)
    services.cancel_registration(registration=first, actor=first.user)
    request = RequestFactory().get("/mijn/", **HOST)
    request.user = user
    html = render_to_string(
        "events/partials/my_sessions.html",
        {"registrations": Registration.objects.upcoming_for(user)},
        request=request,
    )
    assert "Plaats aangeboden" in html
    assert reverse("events:accept_own_offer", args=[mine.pk]) in html
    assert reverse("events:cancel", args=[mine.pk]) in html
    assert reverse("events:session_ics", args=[session.pk]) not in html  # no seat yet

    services.accept_offer(registration=mine, actor=user)
    html = render_to_string(
        "events/partials/my_sessions.html",
        {"registrations": Registration.objects.upcoming_for(user)},
        request=request,
    )
    assert reverse("events:session_ics", args=[session.pk]) in html
    empty = render_to_string("events/partials/my_sessions.html", {"registrations": []})
    assert "Je bent nog niet ingeschreven voor een bijeenkomst." in empty


@pytest.mark.parametrize("count", [10, 500])
def test_my_calendar_query_count_is_constant(
    client: Client, catalogue, regions, count, django_assert_num_queries
):
    user = create_user("sanne")
    # Ten events share the sessions (event pages are slow to build); the registrations
    # are made in bulk, as 500 through the service would take long.
    sessions = [
        session
        for number in range(10)
        for session in create_event(
            catalogue, slug=f"e{number}", regions=regions, sessions=count // 10
        ).sessions.all()
    ]
    Registration.objects.bulk_create(
        Registration(
            session=session, user=user, name="Sanne", email=user.email, state=State.CONFIRMED
        )
        for session in sessions
    )
    client.force_login(user)
    services.renew_calendar_feed(user=user)
    client.get(reverse("events:my_calendar"), **HOST)  # warms the portal cache
    with django_assert_num_queries(5):
        response = client.get(reverse("events:my_calendar"), **HOST)
    assert len(response.context["registrations"]) == count


def test_accreditation_points_need_every_session_attended(catalogue, regions, editor):
    user = create_user("sanne")
    event = create_event(catalogue, regions=regions, sessions=2, accreditation_points=6, capacity=5)
    first, second = (
        services.register_user(session=session, user=user)[0]
        for session in event.sessions.order_by("starts_at")
    )
    services.mark_attendance(registration=first, state=State.ATTENDED, actor=editor)
    assert services.accreditation_points_for(user) == 0
    services.mark_attendance(registration=second, state=State.ATTENDED, actor=editor)
    assert services.accreditation_points_for(user) == 6
    assert services.accreditation_points_for(AnonymousUser()) == 0


def test_personal_data_holds_registrations_history_and_evaluations(session, editor):
    user = create_user("sanne")
    registration, _ = services.register_user(session=session, user=user)
    registration = services.mark_attendance(
        registration=registration, state=State.ATTENDED, actor=editor
    )
    services.submit_evaluation(registration=registration, user=user, answers={"q0": "5"})
    data = json.loads(json.dumps(services.personal_data(user=user)))
    [entry] = data["registrations"]
    assert entry["state"] == "attended"
    assert [step["to"] for step in entry["history"]] == ["confirmed", "attended"]
    assert data["evaluations"][0]["answers"] == {"q0": "5"}
    assert services.personal_data(user=create_user("other")) == {
        "registrations": [],
        "evaluations": [],
        "registration_changes_made": [],
        "seat_reservations_made": [],
        "calendar_feed": None,
        "trainer_of_events": [],
    }
    # The editor's own download says what they changed, not whose registration it was.
    [change] = services.personal_data(user=editor)["registration_changes_made"]
    assert change["to"] == "attended" and "sanne" not in json.dumps(change)


def test_leaving_user_frees_seats_for_the_waiting_list(
    catalogue, regions, django_capture_on_commit_callbacks
):
    leaver = create_user("leaver")
    soon = create_event(catalogue, slug="soon", regions=regions, capacity=1)
    offer = create_event(
        catalogue, slug="offer", regions=regions, capacity=1, promotion_mode=PromotionMode.OFFER
    )
    past = create_event(catalogue, slug="past", regions=regions, starts_in=timedelta(days=-3))
    services.register_user(session=soon.sessions.get(), user=leaver)
    services.register_user(session=offer.sessions.get(), user=leaver)
    next_in_line = create_user("next")
    services.register_user(session=soon.sessions.get(), user=next_in_line)
    services.register_user(session=offer.sessions.get(), user=create_user("second"))
    attended = Registration.objects.create(
        session=past.sessions.get(), user=leaver, name="L", email=leaver.email, state="attended"
    )
    mail.outbox.clear()

    # Within the cancellation deadline, when the person could no longer cancel themselves.
    with (
        time_machine.travel(timezone.now() + timedelta(days=9, hours=12)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert services.cancel_registrations_of_leaving_user(user=leaver) == 2
        assert services.cancel_registrations_of_leaving_user(user=leaver) == 0

    mine = Registration.objects.filter(user=leaver)
    states = dict(mine.values_list("session__event__slug", "state"))
    assert states == {"soon": "cancelled", "offer": "cancelled", "past": "attended"}
    assert Registration.objects.get(user=next_in_line).state == State.CONFIRMED
    assert Registration.objects.get(user__username="second").state == State.OFFERED
    attended.refresh_from_db()
    assert attended.state == State.ATTENDED
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == ["next@example.org", "second@example.org"]  # not the leaver
