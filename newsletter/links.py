"""The links in newsletter e-mails that act without a login: confirm a subscription, and
unsubscribe. Signed tokens as in events.links, one salt per kind.

- confirm: five days after the e-mail. The person is waiting for it; an older link
  belongs to a request nobody holds on to, and subscribing again sends a fresh one. The
  mark is the moment of consent, so a link from an earlier request does nothing.
- unsubscribe: no end. Leaving the list must always be possible, also from an edition
  found in an archive years later. The mark is a hash of the address, so a link never
  acts on a row that holds another address.
"""

from __future__ import annotations

import enum
from datetime import timedelta

from django.core import signing
from django.utils.crypto import salted_hmac

from .models import Subscriber


class Kind(enum.StrEnum):
    CONFIRM = "confirm"
    UNSUBSCRIBE = "unsubscribe"


# The e-mail and the page for an expired link say "five days" in words.
CONFIRM_MAX_AGE = timedelta(days=5)


class LinkError(Exception):
    def __init__(self, *, expired: bool = False) -> None:
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


def _mark(subscriber: Subscriber, kind: Kind) -> str:
    if kind == Kind.CONFIRM:
        return str(round(subscriber.consented_at.timestamp()))
    return salted_hmac("newsletter.address", subscriber.email).hexdigest()[:12]


def make(subscriber: Subscriber, kind: Kind) -> str:
    return signing.dumps([subscriber.pk, _mark(subscriber, kind)], salt=f"newsletter.{kind}")


def open_link(token: str, kind: Kind) -> Subscriber:
    """The subscriber the link is for; LinkError when it is not ours (any more)."""
    max_age = CONFIRM_MAX_AGE if kind == Kind.CONFIRM else None
    try:
        pk, mark = signing.loads(token, salt=f"newsletter.{kind}", max_age=max_age)
        subscriber = Subscriber.objects.filter(pk=int(pk)).first()
    except signing.SignatureExpired as error:
        raise LinkError(expired=True) from error
    except (signing.BadSignature, TypeError, ValueError) as error:
        raise LinkError() from error
    if subscriber is None or mark != _mark(subscriber, kind):
        raise LinkError()
    return subscriber
