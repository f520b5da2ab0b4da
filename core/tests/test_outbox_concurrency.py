"""Two deliveries of one message at the same moment (a worker's task and the clock): the
row lock lets only one send it."""

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from django.core.mail import EmailMultiAlternatives
from django.core.mail.backends.base import BaseEmailBackend
from django.db import connection, connections
from django.utils import timezone

from core.mail import message_to_data
from core.models import OutgoingEmail
from core.tasks import deliver_email

sending = threading.Event()
release = threading.Event()
sent: list[str] = []


class SlowMailServer(BaseEmailBackend):
    """Accepts a message only when the test says so."""

    def send_messages(self, email_messages: Any) -> int:
        sending.set()
        assert release.wait(timeout=60), "never released"
        sent.extend(message.subject for message in email_messages)
        return len(email_messages)


def deliver(email_id: int) -> bool:
    try:
        return deliver_email.call(email_id=email_id)
    finally:
        connections.close_all()


@pytest.mark.concurrency
@pytest.mark.skipif(
    connection.vendor == "sqlite" and not connection.settings_dict["TEST"].get("NAME"),
    reason="needs PostgreSQL or a file SQLite test database: TEST_SQLITE_FILE=<path> "
    "(`make test` runs it so)",
)
# Rolled back to the migrated state, as every concurrency test is: they run one after the
# other and each one expects it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_message_being_sent_is_not_sent_again_at_the_same_time(settings):
    settings.TASK_EMAIL_BACKEND = f"{__name__}.SlowMailServer"
    message = EmailMultiAlternatives(subject="Eén keer", body="Tekst", to=["a@voorbeeld.nl"])
    email = OutgoingEmail.objects.create(
        kind="test",
        recipients="a@voorbeeld.nl",
        subject="Eén keer",
        message=message_to_data(message),
        next_attempt_at=timezone.now(),
    )
    with ThreadPoolExecutor(max_workers=2) as pool:
        first = pool.submit(deliver, email.pk)
        assert sending.wait(timeout=60)  # the first holds the row and talks to the server
        second = pool.submit(deliver, email.pk)
        if connection.vendor == "postgresql":
            # PostgreSQL: the second skips the locked row and is done while the first sends.
            assert second.result(timeout=60) is False
            release.set()
        else:
            # SQLite locks the whole database: the second waits until the first commits.
            release.set()
            assert second.result(timeout=60) is False
        assert first.result(timeout=60) is True
    assert sent == ["Eén keer"]
    email.refresh_from_db()
    assert email.sent_at is not None and email.attempts == 1
