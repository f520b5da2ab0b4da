"""`manage.py run_event_jobs` does each piece of time-driven work once, however often it
runs: expire offers, remind, ask for the evaluation."""

import io
from datetime import timedelta

import time_machine
from django.core import mail
from django.core.management import call_command

from events import services
from events.models import EventEmail, PromotionMode, Registration
from events.models import RegistrationState as State

from .factories import create_event, create_user


def run_jobs() -> str:
    out = io.StringIO()
    call_command("run_event_jobs", stdout=out)
    return out.getvalue().strip()


def test_jobs_do_their_work_once(
    catalogue, regions, django_user_model, django_capture_on_commit_callbacks
):
    editor = django_user_model.objects.create_superuser("editor", "e@example.org", "x")
    with django_capture_on_commit_callbacks(execute=True):
        event = create_event(
            catalogue,
            regions=regions,
            capacity=1,
            promotion_mode=PromotionMode.OFFER,
            offer_hours=24,
        )
        session = event.sessions.get()
        first, _ = services.register_user(session=session, user=create_user("first"))
        services.register_user(session=session, user=create_user("second"))
        services.register_user(session=session, user=create_user("third"))
        services.cancel_registration(registration=first, actor=first.user)  # second: an offer
        soon = create_event(catalogue, slug="binnenkort", regions=regions, capacity=5)
        services.register_user(session=soon.sessions.get(), user=create_user("dewi"))
        past = create_event(catalogue, slug="voorbij", regions=regions, capacity=5)
        attended, _ = services.register_user(session=past.sessions.get(), user=create_user("eva"))
        services.mark_attendance(registration=attended, state=State.ATTENDED, actor=editor)
    mail.outbox.clear()

    # A day before the sessions: the offer has expired, "voorbij" has just taken place.
    later = session.starts_at - timedelta(days=1)
    past_session = past.sessions.get()
    type(past_session).objects.filter(pk=past_session.pk).update(
        starts_at=later - timedelta(hours=5), ends_at=later - timedelta(hours=2)
    )
    with time_machine.travel(later), django_capture_on_commit_callbacks(execute=True):
        assert run_jobs() == "1 offers expired, 1 reminders, 1 evaluation requests."
        assert run_jobs() == "0 offers expired, 0 reminders, 0 evaluation requests."

    states = dict(Registration.objects.filter(session=session).values_list("name", "state"))
    assert states == {
        "first@example.org": "cancelled",
        "second@example.org": "cancelled",
        "third@example.org": "offered",
    }
    subjects = sorted(message.subject.split(" ")[0] for message in mail.outbox)
    assert len(mail.outbox) == 3  # the offer to third, a reminder, an evaluation
    assert "Herinnering:" in subjects and "Hoe" in subjects
    assert not EventEmail.objects.filter(message__sent_at=None).exists()
