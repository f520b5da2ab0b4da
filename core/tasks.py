"""Background work of core: sending e-mail that Django's mail API handed to the queue."""

from typing import Any

from django.conf import settings
from django.core.mail import get_connection
from django_tasks import task

from .mail import message_from_data


@task()
def send_email_message(message: dict[str, Any]) -> int:
    """Send one message (as made by core.mail.message_to_data) with the real backend."""
    connection = get_connection(backend=settings.TASK_EMAIL_BACKEND)
    return connection.send_messages([message_from_data(message)]) or 0
