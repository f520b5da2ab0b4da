"""Sending the e-mails about registrations, with retries.

Services write an EventEmail row in the transaction of the change and enqueue
`deliver_event_email` on commit. When the mail server is down the row stays unsent: the
task tries again later (where the task backend can defer), and `run_event_jobs` (run
periodically) sends whatever is still unsent. Nothing is lost and nothing is sent twice.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.utils import timezone
from django_tasks import default_task_backend, task

from .emails import build_message
from .models import EventEmail

MAX_ATTEMPTS = 8


@task()
def deliver_event_email(email_id: int) -> bool:
    """Send one outbox row; returns whether it went out."""
    with transaction.atomic():
        email = (
            EventEmail.objects.select_for_update(of=("self",))
            .select_related("registration__session__event")
            .filter(pk=email_id, sent_at=None)
            .first()
        )
        if email is None:
            return False  # sent already, or gone with its registration
        email.attempts += 1
        try:
            message = build_message(email)
            get_connection(backend=settings.TASK_EMAIL_BACKEND).send_messages([message])
        except Exception as error:
            email.last_error = str(error)[:250]
            email.save(update_fields=["attempts", "last_error"])
            _retry_later(email)
            return False
        email.sent_at = timezone.now()
        email.last_error = ""
        email.save(update_fields=["attempts", "sent_at", "last_error"])
        return True


def _retry_later(email: EventEmail) -> None:
    if email.attempts >= MAX_ATTEMPTS or not default_task_backend.supports_defer:
        return  # run_event_jobs picks it up
    delay = timedelta(minutes=2**email.attempts)
    transaction.on_commit(
        lambda: deliver_event_email.using(run_after=timezone.now() + delay).enqueue(
            email_id=email.pk
        )
    )


def send_unsent_emails() -> int:
    """Retry every unsent e-mail (e.g. after the mail server was down)."""
    sent = 0
    for email_id in EventEmail.objects.filter(sent_at=None).values_list("pk", flat=True):
        sent += bool(deliver_event_email.call(email_id=email_id))
    return sent
