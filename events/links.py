"""The links in a person's e-mails that act on their registration without a login: confirm
the address, cancel, accept an offered seat.

A link is a signed token with the registration and a mark of the moment it belongs to, one
salt per kind (a cancel link cannot be used to accept). Each kind lives as long as its use:

- confirm: three days after the e-mail, and never past the start of the session. The
  person is waiting for the mail, so three days is ample; an older link belongs to a
  registration nobody is holding on to, and registering again sends a fresh one.
- cancel: until the cancellation deadline of the session. After it a person can no longer
  cancel themselves anyway, and after the session the link would only mislead.
- accept: until the offer's own deadline (offer_expires_at), when the seat passes on.

The mark binds the link to one round of the registration: the moment of registering for
confirm and cancel (a row is reused when someone registers again), the offer's deadline for
accept. So a link from an earlier round (an offer that lapsed, a registration cancelled and
made again) does nothing. The services check the state again under the session's lock.
"""

from __future__ import annotations

import enum
from datetime import UTC, datetime, timedelta

from django.core import signing
from django.utils import timezone

from .models import CANCELLABLE_STATES, Registration, RegistrationState


class Kind(enum.StrEnum):
    CONFIRM = "confirm"
    CANCEL = "cancel"
    ACCEPT = "accept"


class Problem(enum.StrEnum):
    """Why a link does nothing (any more)."""

    INVALID = "invalid"  # tampered, cut off, or the registration is gone
    EXPIRED = "expired"  # older than its lifetime
    MOVED_ON = "moved_on"  # the registration is no longer where the link found it


# The e-mail and the page for an expired link say "three days" in words.
CONFIRM_MAX_AGE = timedelta(days=3)


class LinkError(Exception):
    """What the page says instead: the problem, and the registration when it is known."""

    def __init__(
        self, problem: Problem, kind: Kind, registration: Registration | None = None
    ) -> None:
        super().__init__(problem)
        self.problem = problem
        self.kind = kind
        self.registration = registration


def _salt(kind: Kind) -> str:
    return f"events.link.{kind}"


def _mark(registration: Registration, kind: Kind) -> int | None:
    moment = registration.offer_expires_at if kind == Kind.ACCEPT else registration.created_at
    return round(moment.timestamp()) if moment else None


def _expires_at(registration: Registration, kind: Kind, mark: int | None) -> datetime | None:
    """The end of the link's life in time (confirm also has its age, checked apart)."""
    if kind == Kind.CONFIRM:
        return registration.session.starts_at
    if kind == Kind.CANCEL:
        return registration.session.cancellation_deadline()
    # The offer's deadline as the link knows it: a link from a lapsed offer is too old
    # even when the registration was offered a seat again since.
    return datetime.fromtimestamp(mark, tz=UTC) if mark is not None else None


def _too_old(token: str, kind: Kind) -> bool:
    if kind != Kind.CONFIRM:
        return False
    try:
        signing.loads(token, salt=_salt(kind), max_age=CONFIRM_MAX_AGE)
    except signing.SignatureExpired:
        return True
    return False


def _still_applies(registration: Registration, kind: Kind) -> bool:
    if kind == Kind.CONFIRM:
        return registration.state == RegistrationState.PENDING
    if kind == Kind.CANCEL:
        return registration.state in CANCELLABLE_STATES
    return registration.state == RegistrationState.OFFERED


def make(registration: Registration, kind: Kind) -> str:
    return signing.dumps([registration.pk, _mark(registration, kind)], salt=_salt(kind))


def open_link(token: str, kind: Kind) -> Registration:
    """The registration the link may act on now; LinkError says why not. Writes nothing.
    Too old goes before moved on: the person learns the link's time is over, and what to
    do instead, rather than a state the link no longer speaks for."""
    try:
        pk, mark = signing.loads(token, salt=_salt(kind))
        registration = (
            Registration.objects.select_related("session__event__organiser")
            .filter(pk=int(pk))
            .first()
        )
    except (signing.BadSignature, TypeError, ValueError) as error:
        raise LinkError(Problem.INVALID, kind) from error
    if registration is None:
        raise LinkError(Problem.INVALID, kind)
    expires_at = _expires_at(registration, kind, mark)
    if _too_old(token, kind) or (expires_at is not None and timezone.now() >= expires_at):
        raise LinkError(Problem.EXPIRED, kind, registration)
    if mark != _mark(registration, kind) or not _still_applies(registration, kind):
        raise LinkError(Problem.MOVED_ON, kind, registration)
    return registration
