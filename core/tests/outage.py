"""A mail server that is down, for the tests of every app that sends e-mail."""

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend


class MailServerDown(BaseEmailBackend):
    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        raise ConnectionRefusedError(111, "Connection refused: the mail server is down")


@contextmanager
def mail_server_down(settings: Any) -> Iterator[None]:
    """Within the block the outbox's deliveries fail as with a real outage; afterwards
    the server is up again (the test outbox of Django, mail.outbox)."""
    up = settings.TASK_EMAIL_BACKEND
    settings.TASK_EMAIL_BACKEND = f"{__name__}.MailServerDown"
    try:
        yield
    finally:
        settings.TASK_EMAIL_BACKEND = up
