"""Delivering the outbox (core.mail): each message once, with retries and back-off.

`deliver_email` locks the row, checks it is still unsent and due, sends it through the
backend of TASK_EMAIL_BACKEND and marks it sent, all in one transaction. So two workers,
a deferred retry and the clock never send one message twice: whoever comes second waits
for the lock (or skips a locked row) and finds it sent or not yet due. When sending fails
the row records the error and the next attempt (2, 4, 8 … minutes, at most six hours
apart); after MAX_ATTEMPTS it counts as failed until an editor sends it again.

One window is left: a process that dies after the mail server accepted the message but
before the commit leaves the row unsent, and it goes out again. That is at-least-once by
choice (the alternative, marking it sent before sending, loses mail in the same crash);
the message keeps its Message-ID, so mail servers and clients can tell the copy. Rows are
locked across the send, which on SQLite holds the database's write lock for as long as
the mail server takes; EMAIL_TIMEOUT keeps that short. A message queued to be rendered
(core.mail.queue_email_to_render) gets its text before the lock is taken and keeps it in
its row from the first attempt on.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .mail import message_from_data, needs_rendering, rendered_data
from .models import OutgoingEmail, OutgoingMessage
from .outbox import deliverer

MAX_ATTEMPTS = 12  # with the back-off: a mail server may be down for a day
MAX_DELAY = timedelta(hours=6)
KEEP_SENT_CONTENT = timedelta(days=30)


@task()
def deliver_email(email_id: int) -> bool:
    """Send one message of the outbox if it is due; returns whether it went out."""
    now = timezone.now()
    text = _render(email_id)
    with transaction.atomic():
        email = (
            OutgoingEmail.objects.select_for_update(skip_locked=True)
            .filter(pk=email_id, sent_at=None, next_attempt_at__lte=now)
            .first()
        )
        if email is None:
            return False  # sent, being sent, failed for good, or not due yet
        changed = ["attempts"]
        if needs_rendering(email):
            text = text or rendered_data(email)
            if text is None:
                email.delete()  # what it was about is gone, and so is whom to tell
                return False
            # Kept, so a retry sends the very same message.
            email.message = text
            changed.append("message")
        email.attempts += 1
        try:
            connection = get_connection(backend=settings.TASK_EMAIL_BACKEND)
            connection.send_messages([message_from_data(email.message)])
        except Exception as error:
            email.last_error = f"{type(error).__name__}: {error}"[:500]
            email.next_attempt_at = next_attempt(email.attempts, now=now)
            email.save(update_fields=[*changed, "last_error", "next_attempt_at"])
            _retry_later(email)
            return False
        email.sent_at = timezone.now()
        email.next_attempt_at = None
        email.save(update_fields=[*changed, "sent_at", "next_attempt_at"])
        return True


@task()
def deliver_emails(email_ids: list[int]) -> int:
    """Send several messages of the outbox, each as `deliver_email` does (for senders of
    many messages, core.mail.queue_email(enqueue=False)). Stops at the first that does not
    go out, as send_due_emails does; the clock sends the rest. Returns how many went out."""
    sent = 0
    for email_id in email_ids:
        if not deliver_email.call(email_id=email_id):
            break
        sent += 1
    return sent


def _render(email_id: int) -> dict[str, Any] | None:
    """The text of a message queued to be rendered, written before its row is locked: on
    SQLite that lock is the whole database's, which the web workers need as well."""
    email = OutgoingEmail.objects.filter(pk=email_id, sent_at=None).first()
    if email is None or not needs_rendering(email):
        return None
    return rendered_data(email)


def next_attempt(attempts: int, *, now: datetime) -> datetime | None:
    """When to try again after this many failed attempts; None: give up."""
    if attempts >= MAX_ATTEMPTS:
        return None
    return now + min(timedelta(minutes=2**attempts), MAX_DELAY)


def _retry_later(email: OutgoingEmail) -> None:
    # The clock (send_due_emails) retries anyway; a backend that can defer retries at the
    # right moment in a worker, without waiting for the clock.
    run_after = email.next_attempt_at
    if run_after is None or not deliver_email.get_backend().supports_defer:
        return
    transaction.on_commit(
        lambda: deliver_email.using(run_after=run_after).enqueue(email_id=email.pk)
    )


def send_due_emails(*, now: datetime | None = None) -> int:
    """Send what is due, oldest first (a periodic job). A message that does not go out ends
    the round: the mail server is probably down (or a worker is sending that message), and
    the rest would only wait for its time-out one by one. They go in the next round."""
    sent = 0
    for email_id in OutgoingEmail.objects.due(now or timezone.now()).values_list("pk", flat=True):
        if not deliver_email.call(email_id=email_id):
            break
        sent += 1
    return sent


def empty_sent_emails(*, now: datetime | None = None) -> int:
    """Drop the text and attachments of messages sent long ago (a periodic job): the row
    stays as the record that it was sent, the links and personal text in it go."""
    cutoff = (now or timezone.now()) - KEEP_SENT_CONTENT
    return OutgoingEmail.objects.filter(sent_at__lt=cutoff).exclude(message={}).update(message={})


# ---------------------------------------------------------------------------
# Messages to other systems (core.outbox)
# ---------------------------------------------------------------------------


@task()
def deliver_message(message_id: int) -> bool:
    """Deliver one message of core.outbox if it is due; returns whether the receiver has it.

    Unlike an e-mail, the row is not locked while the receiver answers: its receiver stores
    each key once, so a second delivery is harmless, and no database lock (on SQLite, the
    whole database) waits for another system. The attempt is claimed first, in its own
    short transaction, by moving the next attempt on with the back-off: another worker or
    the clock finds it not due, and should this process die, it is simply due again then.
    """
    now = timezone.now()
    with transaction.atomic():
        message = (
            OutgoingMessage.objects.select_for_update(skip_locked=True)
            .filter(pk=message_id, sent_at=None, next_attempt_at__lte=now)
            .first()
        )
        if message is None:
            return False  # delivered, being delivered, or not due yet
        message.attempts += 1
        message.next_attempt_at = next_message_attempt(message.attempts, now=now)
        message.save(update_fields=["attempts", "next_attempt_at"])
    try:
        deliverer(message.channel)(message.payload)
    except Exception as error:
        OutgoingMessage.objects.filter(pk=message.pk, sent_at=None).update(
            last_error=f"{type(error).__name__}: {error}"[:500]
        )
        _retry_message_later(message)
        return False
    OutgoingMessage.objects.filter(pk=message.pk).update(
        sent_at=timezone.now(), next_attempt_at=None, last_error=""
    )
    return True


def next_message_attempt(attempts: int, *, now: datetime) -> datetime:
    """2, 4, 8 … minutes after this many attempts, at most MAX_DELAY apart, for ever."""
    return now + min(timedelta(minutes=2 ** min(attempts, 16)), MAX_DELAY)


def _retry_message_later(message: OutgoingMessage) -> None:
    # As for e-mail: the clock retries anyway; a backend that can defer retries on time.
    run_after = message.next_attempt_at
    if run_after is None or not deliver_message.get_backend().supports_defer:
        return
    deliver_message.using(run_after=run_after).enqueue(message_id=message.pk)


def send_due_messages(*, now: datetime | None = None) -> int:
    """Deliver what is due, oldest first (a periodic job). As with e-mail, a message that
    does not go out ends the round for its channel: its receiver is probably down, and the
    rest would only wait for its time-out one by one. Returns how many went out."""
    sent = 0
    stopped: set[str] = set()
    due = OutgoingMessage.objects.due(now or timezone.now()).values_list("pk", "channel")  # type: ignore[attr-defined]
    for message_id, channel in due:
        if channel in stopped:
            continue
        if deliver_message.call(message_id=message_id):
            sent += 1
        else:
            stopped.add(channel)
    return sent
