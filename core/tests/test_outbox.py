"""The outbox (core.mail, core.tasks): a message is written with the change, sent once,
retried with back-off while the mail server is down, and never lost or doubled."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.mail import EmailMultiAlternatives, send_mail
from django.db import transaction
from django.utils import timezone
from django_tasks import default_task_backend

from core.mail import email_kind, message_from_data, message_to_data, queue_email
from core.models import OutgoingEmail
from core.tasks import (
    MAX_ATTEMPTS,
    deliver_email,
    deliver_emails,
    empty_sent_emails,
    send_due_emails,
)

from .outage import mail_server_down

pytestmark = pytest.mark.django_db


def a_message(to: str = "a@voorbeeld.nl", subject: str = "Hallo") -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(subject=subject, body="Tekst", to=[to])
    message.attach_alternative("<p>Tekst</p>", "text/html")
    return message


def test_a_message_is_written_with_the_change_and_sent_after_commit(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks() as callbacks:
        email = queue_email(a_message(), kind="test.hello")
    assert OutgoingEmail.objects.get() == email
    assert email.recipients == "a@voorbeeld.nl" and email.subject == "Hallo"
    assert mail.outbox == []
    for callback in callbacks:
        callback()
    [sent] = mail.outbox
    assert sent.subject == "Hallo"
    email.refresh_from_db()
    assert email.sent_at is not None and email.next_attempt_at is None and email.attempts == 1


def test_a_change_that_rolls_back_takes_its_message_along(django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        queue_email(a_message(), kind="test.hello")
        raise RuntimeError("the change fails")
    assert not OutgoingEmail.objects.exists()
    assert mail.outbox == []


def test_while_the_server_is_down_the_message_waits_with_back_off(
    settings, django_capture_on_commit_callbacks
):
    start = timezone.now()
    with time_machine.travel(start, tick=False), mail_server_down(settings):
        with django_capture_on_commit_callbacks(execute=True):
            email = queue_email(a_message(), kind="test.hello")
        email.refresh_from_db()
        assert email.sent_at is None and email.attempts == 1
        assert email.last_error.startswith("ConnectionRefusedError")
        assert email.next_attempt_at == start + timedelta(minutes=2)
        # Not due yet: neither the clock nor a stray task tries again.
        assert send_due_emails() == 0
        assert deliver_email.call(email_id=email.pk) is False
        email.refresh_from_db()
        assert email.attempts == 1

    with time_machine.travel(start + timedelta(minutes=2), tick=False), mail_server_down(settings):
        assert send_due_emails() == 0
        email.refresh_from_db()
        assert email.attempts == 2
        assert email.next_attempt_at == start + timedelta(minutes=2 + 4)

    # The server is up again: the next round sends it, and only once.
    with time_machine.travel(start + timedelta(minutes=6), tick=False):
        assert send_due_emails() == 1
        assert send_due_emails() == 0
        assert deliver_email.call(email_id=email.pk) is False
    assert len(mail.outbox) == 1
    email.refresh_from_db()
    assert email.sent_at is not None and email.attempts == 3


def test_after_its_last_attempt_a_message_has_failed_and_waits_for_an_editor(settings):
    email = queue_email(a_message(), kind="test.hello")  # the test's commit never comes
    now = timezone.now()
    with mail_server_down(settings):
        for _ in range(MAX_ATTEMPTS):
            with time_machine.travel(email.next_attempt_at, tick=False):
                now = timezone.now()
                assert deliver_email.call(email_id=email.pk) is False
            email.refresh_from_db()
            if email.next_attempt_at is not None:
                # Doubling, at most six hours apart.
                assert email.next_attempt_at - now <= timedelta(hours=6)
    assert email.attempts == MAX_ATTEMPTS and email.is_failed
    assert list(OutgoingEmail.objects.failed()) == [email]
    with time_machine.travel(now + timedelta(days=30)):
        assert send_due_emails() == 0
    assert mail.outbox == []


def test_a_failure_ends_the_clocks_round(settings):
    first = queue_email(a_message(subject="Eerste"), kind="test.hello")
    second = queue_email(a_message(subject="Tweede"), kind="test.hello")
    with mail_server_down(settings):
        assert send_due_emails() == 0
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.attempts, second.attempts) == (1, 0)


def test_a_bulk_sender_enqueues_one_task_for_many_messages(
    settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        emails = [
            queue_email(a_message(f"{n}@voorbeeld.nl"), kind="test.bulk", enqueue=False)
            for n in range(3)
        ]
    assert callbacks == []  # no task per message
    with mail_server_down(settings):
        assert deliver_emails.call(email_ids=[email.pk for email in emails]) == 0
    assert [email.attempts for email in OutgoingEmail.objects.order_by("pk")] == [1, 0, 0]
    assert send_due_emails() == 2  # the clock sends what the task left (the first is not due)
    assert deliver_emails.call(email_ids=[email.pk for email in emails]) == 0  # sent already
    assert sorted(m.to[0] for m in mail.outbox) == ["1@voorbeeld.nl", "2@voorbeeld.nl"]


def test_a_backend_that_can_defer_gets_the_retry_at_its_time(
    settings, django_capture_on_commit_callbacks
):
    email = queue_email(a_message(), kind="test.hello")
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with mail_server_down(settings), django_capture_on_commit_callbacks(execute=True):
        deliver_email.call(email_id=email.pk)
    email.refresh_from_db()
    [retry] = default_task_backend.results  # type: ignore[attr-defined]
    assert retry.task.name == deliver_email.name
    assert retry.kwargs == {"email_id": email.pk}
    assert retry.task.run_after == email.next_attempt_at


def test_a_message_with_attachments_survives_the_outbox_whole(django_capture_on_commit_callbacks):
    message = EmailMultiAlternatives(
        subject="Onderwerp",
        body="Tekst",
        from_email="Leren over armoede <noreply@voorbeeld.nl>",
        to=["a@voorbeeld.nl"],
        cc=["b@voorbeeld.nl"],
        bcc=["c@voorbeeld.nl"],
        reply_to=["d@voorbeeld.nl"],
        headers={"X-Soort": "test"},
    )
    message.attach_alternative("<p>Tekst</p>", "text/html")
    message.attach("certificaat.pdf", b"%PDF-1.4\x00\x01\xff", "application/pdf")
    message.attach("uitnodiging.ics", "BEGIN:VCALENDAR", "text/calendar")

    copy = message_from_data(message_to_data(message))
    for name in ("subject", "body", "from_email", "to", "cc", "bcc", "reply_to", "extra_headers"):
        assert getattr(copy, name) == getattr(message, name), name
    assert copy.alternatives[0][:2] == ("<p>Tekst</p>", "text/html")
    assert [tuple(attachment) for attachment in copy.attachments] == [
        ("certificaat.pdf", b"%PDF-1.4\x00\x01\xff", "application/pdf"),
        ("uitnodiging.ics", "BEGIN:VCALENDAR", "text/calendar"),
    ]

    with django_capture_on_commit_callbacks(execute=True):
        email = queue_email(message, kind="test.attachments")
    [sent] = mail.outbox
    assert sent.attachments == copy.attachments
    assert sent.recipients() == ["a@voorbeeld.nl", "b@voorbeeld.nl", "c@voorbeeld.nl"]
    assert email.recipients == "a@voorbeeld.nl, b@voorbeeld.nl, c@voorbeeld.nl"


def test_a_message_keeps_its_message_id_over_attempts(settings, django_capture_on_commit_callbacks):
    """Should a crash send it twice, receivers can tell the copy by its Message-ID."""
    with mail_server_down(settings), django_capture_on_commit_callbacks(execute=True):
        email = queue_email(a_message(), kind="test.hello")
    email.refresh_from_db()
    message_id = email.message["headers"]["Message-ID"]
    with time_machine.travel(email.next_attempt_at):
        send_due_emails()
    [sent] = mail.outbox
    assert sent.message()["Message-ID"] == message_id


def test_djangos_mail_api_writes_to_the_outbox_with_a_kind(
    settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "core.mail.TaskEmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        send_mail("Zomaar", "Tekst", None, ["a@voorbeeld.nl"])
        with email_kind("accounts.password_reset_key"):
            send_mail("Nieuw wachtwoord", "Tekst", None, ["a@voorbeeld.nl"])
        # Wagtail marks its notifications as automatic (wagtail.admin.mail.send_mail).
        message = EmailMultiAlternatives("Ter beoordeling", "Tekst", None, ["a@voorbeeld.nl"])
        message.extra_headers["Auto-Submitted"] = "auto-generated"
        message.send()
    kinds = dict(OutgoingEmail.objects.values_list("subject", "kind"))
    assert kinds == {
        "Zomaar": "other",
        "Nieuw wachtwoord": "accounts.password_reset_key",
        "Ter beoordeling": "wagtail",
    }
    assert len(mail.outbox) == 3


def test_the_text_of_old_sent_messages_is_dropped(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        sent = queue_email(a_message(subject="Verstuurd"), kind="test.hello")
    waiting = queue_email(a_message(subject="Wacht"), kind="test.hello")
    with time_machine.travel(timezone.now() + timedelta(days=29)):
        assert empty_sent_emails() == 0
    with time_machine.travel(timezone.now() + timedelta(days=31)):
        assert empty_sent_emails() == 1
        assert empty_sent_emails() == 0
    sent.refresh_from_db()
    waiting.refresh_from_db()
    assert sent.message == {} and sent.sent_at is not None and sent.subject == "Verstuurd"
    assert waiting.message["subject"] == "Wacht"


def test_the_outbox_jobs_are_periodic_jobs():
    from core.periodic import registered_jobs

    jobs = {job.name: job for job in registered_jobs()}
    assert jobs["core-send-due-email"].every == timedelta(minutes=1)
    assert jobs["core-send-due-email"].run is send_due_emails
    assert jobs["core-empty-sent-email"].run is empty_sent_emails
