"""An e-mail backend that puts each message on the task queue.

Django's mail API (used by allauth and Wagtail) sends at once, inside the request. This
backend turns every message into plain data and enqueues one task per message after the
transaction commits; the task sends it through the backend in TASK_EMAIL_BACKEND.
"""

import base64
from collections.abc import Sequence
from email.mime.base import MIMEBase
from functools import partial
from typing import Any

from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction


def message_to_data(message: EmailMessage) -> dict[str, Any]:
    """The message as JSON-serialisable data, for a task argument."""
    alternatives = getattr(message, "alternatives", [])
    html = next((content for content, mimetype in alternatives if mimetype == "text/html"), None)
    attachments = []
    for attachment in message.attachments:
        if isinstance(attachment, MIMEBase):
            # Rare (a ready-made MIME part); send it as its bytes with its type.
            filename = attachment.get_filename()
            payload = attachment.get_payload(decode=True)
            content: str | bytes = payload if isinstance(payload, bytes) else b""
            mimetype = attachment.get_content_type()
        else:
            filename, content, mimetype = attachment
        if isinstance(content, bytes):
            attachments.append([filename, base64.b64encode(content).decode(), mimetype, True])
        else:
            attachments.append([filename, content, mimetype, False])
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": {name: str(value) for name, value in message.extra_headers.items()},
        "html": str(html) if html is not None else None,
        "attachments": attachments,
    }


def message_from_data(data: dict[str, Any]) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
    )
    if data["html"] is not None:
        message.attach_alternative(data["html"], "text/html")
    for filename, content, mimetype, is_base64 in data.get("attachments", []):
        message.attach(filename, base64.b64decode(content) if is_base64 else content, mimetype)
    return message


class TaskEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        # Imported here: core.tasks imports this module for message_from_data.
        from .tasks import send_email_message

        for message in email_messages:
            transaction.on_commit(partial(send_email_message.enqueue, message_to_data(message)))
        return len(email_messages)
