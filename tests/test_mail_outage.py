"""The mail server is down while every kind of e-mail the platform sends is made, each
through its real code path; then it is up again and the clock's job runs: every message
arrives, and each exactly once."""

from collections import Counter
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core import mail
from django.db.models import F, Max
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import PASSWORD, UserFactory
from catalogue.tests.factories import create_catalogue
from circles import services as circle_services
from circles.models import Membership
from circles.tasks import send_daily_digests
from circles.tests.factories import make_case, make_circle
from circles.tests.factories import make_user as make_circle_user
from core.models import OutgoingEmail
from core.tasks import send_due_emails
from core.tests.conftest import drenthe, groningen  # noqa: F401
from core.tests.outage import mail_server_down
from events import services as event_services
from events.models import PromotionMode, Session
from events.models import RegistrationState as State
from events.tests.factories import create_event, create_user
from learning.services import complete_item, save_answers
from tracks import services as track_services
from tracks.tests.factories import create_track, make_editor, plan
from tracks.tests.factories import make_user as make_track_user

pytestmark = pytest.mark.django_db

EVERY_KIND = {
    "accounts.email_confirmation_signup",
    "accounts.password_reset_key",
    "accounts.email_confirmation",
    "circles.invitation",
    "circles.join_request",
    "circles.news",
    "circles.digest",
    "tracks.certificate",
    "events.confirmed",
    "events.waiting",
    "events.cancelled",
    "events.promoted",
    "events.confirm_address",
    "events.message",
    "events.reminder",
    "events.offered",
    "events.evaluation",
    "wagtail",
}


def accounts_mail(client: Client) -> None:
    """Sign-up confirmation, password reset and the confirmation of a changed address."""
    client.post(
        reverse("account_signup"),
        {"email": "nieuw@voorbeeld.nl", "password1": PASSWORD, "password2": PASSWORD},
    )
    client.logout()
    forgetful = UserFactory.create()
    client.post(reverse("account_reset_password"), {"email": forgetful.email})
    moving = UserFactory.create()
    client.force_login(moving)
    client.post(reverse("account_email"), {"action_add": "", "email": "verhuisd@voorbeeld.nl"})
    client.logout()


def events_mail(catalogue, regions) -> None:
    event = create_event(catalogue, regions=regions, capacity=1)
    session = event.sessions.get()
    first, _ = event_services.register_user(session=session, user=create_user("eerste"))
    second, _ = event_services.register_user(session=session, user=create_user("tweede"))
    event_services.cancel_registration(registration=first, actor=first.user)  # 2nd promoted
    # An event that offers a freed seat instead of giving it at once.
    offering = create_event(
        catalogue,
        slug="training-met-aanbod",
        regions=regions,
        capacity=1,
        promotion_mode=PromotionMode.OFFER,
    ).sessions.get()
    holder, _ = event_services.register_user(session=offering, user=create_user("houder"))
    event_services.register_user(session=offering, user=create_user("wachtend"))
    event_services.cancel_registration(registration=holder, actor=holder.user)  # seat offered
    event_services.register_visitor(
        session=session,
        visitor=event_services.Visitor(
            name="Bezoeker (voorbeeld)",
            email="bezoeker@voorbeeld.nl",
            organisation_name="Lefier",
            role=None,
        ),
    )
    editor = create_user("redacteur-agenda", is_superuser=True, is_staff=True)
    event_services.message_registrants(
        session=session, subject="Andere zaal", body="We zitten in zaal 2.", actor=editor
    )
    event_services.send_due_reminders(now=session.starts_at - timedelta(days=1))
    # The session is over (moved into the past, so its messages are queued at the time the
    # outbox tries them): the one who came gets the evaluation.
    shift = session.ends_at - timezone.now() + timedelta(hours=1)
    Session.objects.filter(pk=session.pk).update(
        starts_at=F("starts_at") - shift, ends_at=F("ends_at") - shift
    )
    event_services.mark_attendance(registration=second, state=State.ATTENDED, actor=editor)
    event_services.request_evaluations()


def circles_mail(region) -> None:
    facilitator = make_circle_user("begeleider")
    daily = make_circle_user("dagelijks")
    circle = make_circle(
        slug="assen",
        region=region,
        facilitator=facilitator,
        members=(make_circle_user("lid"), daily),
    )
    Membership.objects.filter(user=daily).update(notifications=Membership.Notifications.DAILY)
    circle_services.invite_to_circle(circle=circle, email="collega@voorbeeld.nl", by=facilitator)
    circle_services.request_to_join(circle=circle, user=make_circle_user("buitenstaander"))
    make_case(circle, facilitator)  # news for the member who wants each item
    send_daily_digests.call()


def certificate_mail(catalogue, regions) -> None:
    cohort = plan(create_track(catalogue, regions=regions))
    participant = make_track_user("sanne", full_name="Sanne de Vries (voorbeeld)")
    trainer = make_editor()
    track_services.register_for_track(cohort=cohort, user=participant)
    for day in cohort.track.days.all():
        for item in day.preparation_items.all():
            complete_item(user=participant, page=item)
        if day.assignment:
            save_answers(user=participant, page=day.assignment, answers={"q": "Rust."}, submit=True)
    # The days are over: moved into the past rather than travelling to after them, so the
    # certificate's message is queued at the time the outbox then tries to deliver it.
    last_day = cohort.days.order_by("-starts_at").first()
    shift = last_day.ends_at - timezone.now() + timedelta(hours=1)
    cohort.days.update(starts_at=F("starts_at") - shift, ends_at=F("ends_at") - shift)
    for day in cohort.days.all():
        track_services.mark_day_attendance(day=day, user=participant, attended=True, actor=trainer)


def wagtail_mail(page) -> None:
    """A page submitted to the moderators (Wagtail's default workflow) notifies them."""
    moderator = create_user("moderator")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    author = create_user("auteur", is_staff=True)
    page.save_revision(user=author)
    page.get_workflow().start(page, author)


@pytest.fixture
def regions(groningen, drenthe):  # noqa: F811
    return [groningen.region, drenthe.region]


def test_every_kind_of_mail_survives_an_outage_and_arrives_once(
    client, settings, regions, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "core.mail.TaskEmailBackend"  # allauth and Wagtail, as live
    catalogue = create_catalogue(regions)
    with mail_server_down(settings):
        for make_mail in (
            lambda: accounts_mail(client),
            lambda: events_mail(catalogue, regions),
            lambda: circles_mail(regions[1]),
            lambda: certificate_mail(catalogue, regions),
            lambda: wagtail_mail(catalogue),
        ):
            with django_capture_on_commit_callbacks(execute=True):
                make_mail()
    assert mail.outbox == []
    outbox = OutgoingEmail.objects.all()
    assert set(outbox.values_list("kind", flat=True)) == EVERY_KIND
    assert all(email.sent_at is None and email.attempts == 1 for email in outbox), [
        (email.kind, email.sent_at, email.attempts) for email in outbox
    ]

    # The server is up again; the clock runs, more than once.
    latest = outbox.aggregate(latest=Max("next_attempt_at"))["latest"]
    with time_machine.travel(latest, tick=False):
        assert send_due_emails() == len(outbox)
        assert send_due_emails() == 0

    expected = Counter(email.message["headers"]["Message-ID"] for email in outbox)
    arrived = Counter(message.message()["Message-ID"] for message in mail.outbox)
    assert arrived == expected and set(arrived.values()) == {1}
    assert not OutgoingEmail.objects.unsent().exists()
