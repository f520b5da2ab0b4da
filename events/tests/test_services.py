from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from core.models import OutgoingEmail, Role
from events import services
from events.models import EventEmail, PromotionMode, Registration, RegistrationState
from learning.models import LearningRecord, Verb

from .factories import create_user

State = RegistrationState


def register(session, name):
    registration, _created = services.register_user(session=session, user=create_user(name))
    return registration


def test_seats_then_waiting_list_in_order(session):
    first, second, third, fourth = (register(session, n) for n in ("a", "b", "c", "d"))
    assert [r.state for r in (first, second, third, fourth)] == [
        State.CONFIRMED,
        State.CONFIRMED,
        State.WAITING,
        State.WAITING,
    ]
    services.cancel_registration(registration=second, actor=second.user)
    third.refresh_from_db()
    fourth.refresh_from_db()
    assert third.state == State.CONFIRMED
    assert fourth.state == State.WAITING
    steps = list(third.changes.values_list("from_state", "to_state"))
    assert steps == [("pending", "waiting"), ("waiting", "confirmed")]
    kinds = list(EventEmail.objects.filter(registration=third).values_list("kind", flat=True))
    assert kinds == ["waiting", "promoted"]


def test_registering_twice_returns_the_existing_registration(session):
    user = create_user("a")
    first, created = services.register_user(session=session, user=user)
    again, created_again = services.register_user(session=session, user=user)
    assert created and not created_again
    assert again.pk == first.pk
    assert Registration.objects.count() == 1


def test_raising_capacity_promotes_the_waiting_list(session):
    for name in "abcd":
        register(session, name)
    services.change_capacity(session=session, capacity=3, actor=None)
    states = list(Registration.objects.order_by("pk").values_list("state", flat=True))
    assert states == ["confirmed", "confirmed", "confirmed", "waiting"]


def test_offer_mode_expires_and_passes_on(session):
    session.event.promotion_mode = PromotionMode.OFFER
    session.event.offer_hours = 48
    session.event.save()
    a, _b, c, d = (register(session, n) for n in "abcd")
    services.cancel_registration(registration=a, actor=a.user)
    c.refresh_from_db()
    assert c.state == State.OFFERED and c.offer_expires_at is not None
    with time_machine.travel(timezone.now() + timedelta(hours=49)):
        assert services.expire_offers() == 1
    c.refresh_from_db()
    d.refresh_from_db()
    assert c.state == State.CANCELLED
    assert d.state == State.OFFERED
    services.accept_offer(registration=d, actor=d.user)
    d.refresh_from_db()
    assert d.state == State.CONFIRMED


def test_own_cancel_is_refused_after_the_deadline_but_an_editor_may(session, django_user_model):
    registration = register(session, "a")
    with time_machine.travel(session.starts_at - timedelta(hours=10)):
        with pytest.raises(services.RegistrationError):
            services.cancel_registration(registration=registration, actor=registration.user)
        editor = django_user_model.objects.create_superuser("editor", "e@example.org", "x")
        services.cancel_registration(registration=registration, actor=editor, reason="ziek")
    registration.refresh_from_db()
    assert registration.state == State.CANCELLED
    change = registration.changes.last()
    assert change.actor == editor and change.reason == "ziek"


def test_registration_window_and_role_restriction(session):
    event = session.event
    event.registration_opens_at = timezone.now() + timedelta(days=1)
    event.save()
    with pytest.raises(services.RegistrationError, match="opent op"):
        register(session, "early")
    event.registration_opens_at = None
    event.registration_closes_at = timezone.now() - timedelta(minutes=1)
    event.save()
    with pytest.raises(services.RegistrationError, match="gesloten"):
        register(session, "late")
    event.registration_closes_at = None
    event.save()
    event.only_for_roles.set([Role.objects.create(name="Bestuurder", slug="bestuurder")])
    event.save()
    with pytest.raises(services.RegistrationError, match="alleen voor"):
        register(session, "worker")
    assert not Registration.objects.exists()


def test_visitor_counts_only_after_confirming(session, django_capture_on_commit_callbacks):
    visitor = services.Visitor(
        name="Piet (voorbeeld)", email="Piet@Example.org", organisation_name="Lefier", role=None
    )
    with django_capture_on_commit_callbacks(execute=True):
        registration, _ = services.register_visitor(session=session, visitor=visitor)
    assert registration.state == State.PENDING
    assert registration.email == "piet@example.org"
    assert OutgoingEmail.objects.get(event_email__registration=registration).sent_at
    [message] = mail.outbox
    assert "/agenda/bevestigen/" in message.body
    confirmed = services.confirm_visitor(registration=registration)
    assert confirmed.state == State.CONFIRMED
    assert services.confirm_visitor(registration=registration).state == State.CONFIRMED
    assert registration.changes.filter(to_state=State.CONFIRMED).count() == 1


def test_attendance_writes_learning_records_and_awards_points(session, django_user_model):
    event = session.event
    event.accreditation_points = 3
    event.save()
    registration = register(session, "a")
    editor = django_user_model.objects.create_superuser("editor", "e@example.org", "x")
    services.mark_attendance(registration=registration, state=State.ATTENDED, actor=editor)
    record = LearningRecord.objects.of(registration.user).get(verb=Verb.ATTENDED)
    assert record.activity_id == event.pk and record.extensions == {"session": session.pk}
    assert event.pk in LearningRecord.objects.of(registration.user).completed_page_ids()
    assert services.accreditation_points_for(registration.user) == 3
    other = register(session, "b")
    services.mark_attendance(registration=other, state=State.NO_SHOW, actor=editor)
    assert LearningRecord.objects.of(other.user).filter(verb=Verb.ABSENT).exists()
    assert services.accreditation_points_for(other.user) == 0


def test_attendance_by_a_stranger_is_refused(session):
    registration = register(session, "a")
    with pytest.raises(services.RegistrationError):
        services.mark_attendance(
            registration=registration, state=State.ATTENDED, actor=create_user("stranger")
        )


def test_reminders_and_evaluation_requests_are_sent_once(
    session, django_user_model, django_capture_on_commit_callbacks
):
    registration = register(session, "a")
    with (
        time_machine.travel(session.starts_at - timedelta(days=1)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert services.send_due_reminders() == 1
        assert services.send_due_reminders() == 0
    assert len(mail.outbox) == 1
    assert mail.outbox[0].attachments[0][0] == "uitnodiging.ics"
    editor = django_user_model.objects.create_superuser("editor", "e@example.org", "x")
    services.mark_attendance(registration=registration, state=State.ATTENDED, actor=editor)
    with (
        time_machine.travel(session.ends_at + timedelta(hours=1)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert services.request_evaluations() == 1
        assert services.request_evaluations() == 0
    assert "/evaluatie/" in mail.outbox[-1].body


def test_personal_data_is_json(session):
    import json

    registration = register(session, "a")
    data = services.personal_data(user=registration.user)
    assert json.loads(json.dumps(data))["registrations"][0]["state"] == "confirmed"
