"""The outbox: every e-mail the platform sends is first a row of `OutgoingEmail`.

`queue_email` writes the row in the caller's transaction, so the message exists exactly
when the change it tells about does, and enqueues its delivery (core.tasks) on commit.
Django's mail API (allauth, Wagtail) reaches it through `TaskEmailBackend`; the apps' own
e-mail calls `queue_email` with the kind of message. Whatever the mail server does, the
row stays until it is sent: core.tasks retries with back-off and /beheer/ shows what waits.

A change that must be quick, such as a seat taken while a session is locked, calls
`queue_email_to_render` instead: the row then holds only the name of the app's renderer
(the `email_renderers` hook), which writes the text when the message is delivered, from
the rows that link to it. The row is still written in the change's transaction, so the
message is never lost; its text no longer costs time while the change holds its locks.
"""

import base64
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from email.mime.base import MIMEBase
from email.utils import make_msgid
from typing import Any

from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.utils import DNS_NAME
from django.db import transaction
from django.utils import timezone
from wagtail import hooks

from .models import OutgoingEmail

_current_kind: ContextVar[str | None] = ContextVar("email_kind", default=None)


@contextmanager
def email_kind(kind: str) -> Iterator[None]:
    """The kind of the messages Django's mail API sends in this block (for allauth, which
    sends through the mail API and cannot pass a kind itself)."""
    token = _current_kind.set(kind)
    try:
        yield
    finally:
        _current_kind.reset(token)


def queue_email(message: EmailMessage, *, kind: str, enqueue: bool = True) -> OutgoingEmail:
    """Put the message in the outbox; it goes out after the current transaction commits.
    A sender of many messages at once passes enqueue=False and enqueues one
    `core.tasks.deliver_emails` for all of them (one task instead of one per message);
    should that task be lost, the clock sends the rows anyway, as they are due."""
    from .tasks import deliver_email  # core.tasks imports this module

    data = message_to_data(message)
    # A fixed Message-ID: should a message go out twice after a crash, mail servers and
    # clients can tell it is the same one (see core.tasks.deliver_email).
    data["headers"].setdefault("Message-ID", make_msgid(domain=DNS_NAME))
    email = OutgoingEmail.objects.create(
        kind=kind,
        recipients=", ".join(message.recipients()),
        subject=data["subject"][:255],
        message=data,
        next_attempt_at=timezone.now(),
    )
    if enqueue:
        transaction.on_commit(lambda: deliver_email.enqueue(email_id=email.pk))
    return email


def queue_email_to_render(
    *, renderer: str, kind: str, recipients: Sequence[str], subject: str
) -> OutgoingEmail:
    """Put a message in the outbox whose text the renderer of that name writes when it is
    delivered; the caller links its own row to the one returned, for the renderer to find."""
    from .tasks import deliver_email

    email = OutgoingEmail.objects.create(
        kind=kind,
        recipients=", ".join(recipients),
        subject=subject[:255],
        # The Message-ID is fixed now, as queue_email fixes it, for the same reason.
        message={"render": renderer, "headers": {"Message-ID": make_msgid(domain=DNS_NAME)}},
        next_attempt_at=timezone.now(),
    )
    transaction.on_commit(lambda: deliver_email.enqueue(email_id=email.pk))
    return email


def rendered_data(email: OutgoingEmail) -> dict[str, Any] | None:
    """The message of a row queued by queue_email_to_render, as data with its text; None
    when what it was about is gone (e.g. the registration of a deleted account)."""
    render = _renderer(email.message["render"])
    message = render(email)
    if message is None:
        return None
    data = message_to_data(message)
    data["headers"]["Message-ID"] = email.message["headers"]["Message-ID"]
    return data


def needs_rendering(email: OutgoingEmail) -> bool:
    return "render" in email.message


def _renderer(name: str) -> Callable[[OutgoingEmail], EmailMessage | None]:
    for renderers in hooks.get_hooks("email_renderers"):
        found = renderers()
        if name in found:
            return found[name]  # type: ignore[no-any-return]
    raise LookupError(f"No e-mail renderer named {name!r}")


def message_to_data(message: EmailMessage) -> dict[str, Any]:
    """The message as JSON-serialisable data, for the outbox row."""
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
    """Django's mail API into the outbox (EMAIL_BACKEND); TASK_EMAIL_BACKEND delivers."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        for message in email_messages:
            queue_email(message, kind=_current_kind.get() or _kind_of(message))
        return len(email_messages)


def _kind_of(message: EmailMessage) -> str:
    # Wagtail marks its notifications (moderation, comments) as automatic; the rest of
    # Django's mail API here is allauth's, which names its kind.
    if message.extra_headers.get("Auto-Submitted") == "auto-generated":
        return "wagtail"
    return "other"
