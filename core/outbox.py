"""The outbox for other systems: what the platform tells a system elsewhere (a learning
record store) is first a row of `OutgoingMessage`, as every e-mail is first a row of
`OutgoingEmail` (core.mail).

`queue_message` writes the row in the caller's transaction, so the message exists exactly
when the change it tells about does, and enqueues its delivery (core.tasks) on commit; the
clock delivers whatever is due every minute, so a lost task or an outage of the receiver
loses nothing. Core knows no receiver: an app registers a channel with the Wagtail hook
`outbox_channels` (a function returning {name: deliver}), and `deliver(payload)` returns
when the receiver has the message and raises when it has not. A receiver must store a
message once per `key` (as an LRS stores a statement once per id), because a message can
be delivered again: after a crash between the receiver's answer and our commit, or when an
answer came too late.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone
from wagtail import hooks

from .models import OutgoingMessage

Deliver = Callable[[dict[str, Any]], None]


def queue_message(*, channel: str, key: str, payload: dict[str, Any]) -> OutgoingMessage:
    """Put a message in the outbox; it is delivered after the current transaction commits."""
    from .tasks import deliver_message  # core.tasks imports this module

    message = OutgoingMessage.objects.create(
        channel=channel, key=key, payload=payload, next_attempt_at=timezone.now()
    )
    transaction.on_commit(lambda: deliver_message.enqueue(message_id=message.pk))
    return message


def channels() -> Mapping[str, Deliver]:
    found: dict[str, Deliver] = {}
    for provide in hooks.get_hooks("outbox_channels"):
        found.update(provide())
    return found


def deliverer(channel: str) -> Deliver:
    try:
        return channels()[channel]
    except KeyError:
        raise LookupError(f"No outbox channel named {channel!r}") from None
