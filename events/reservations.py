"""Seat reservations: an organisation holds seats of a session (or a track's group) for its
people; its managers assign them by name until the deadline; what is not assigned by then
goes back to everybody, the waiting list first.

The seats are events' own: every change locks the session row first (services._lock), as
registering does, and counts free seats with the same definition (querysets.taken_seats),
so reservations, assignments and public registrations together never exceed the capacity.
An assigned seat is an ordinary confirmed registration (same e-mail, calendar, learning
record, audit row), linked to the reservation.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail import hooks

from core.mail import queue_email
from core.models import Organisation
from core.portals import regions_base_url
from organisations.models import Membership, OrganisationEvent
from organisations.services import log, membership_of

from .models import (
    SEAT_STATES,
    EventEmail,
    Registration,
    RegistrationState,
    SeatReservation,
    Session,
)
from .services import (
    RegistrationError,
    _check_one_per_round,
    _check_role,
    _confirm,
    _email,
    _free_seats,
    _lock,
    _move,
    _of_account,
    _promote,
    record_registered,
)

State = RegistrationState
Person = AbstractBaseUser | AnonymousUser
MANAGING_ROLES = (Membership.Role.ADMIN, Membership.Role.MANAGER)


class ReservationError(RegistrationError):
    """A rule stops the change; the message is for the person, in their language, and
    `field` the form field it is about (None: the whole form)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


def managing_membership(user: Person) -> Membership | None:
    """The person's membership if they administer or manage in their organisation."""
    membership = membership_of(user)  # type: ignore[arg-type]
    return membership if membership is not None and membership.role in MANAGING_ROLES else None


def _require_manager(organisation_id: int, actor: Person) -> Membership:
    membership = managing_membership(actor)
    if membership is None or membership.organisation_id != organisation_id:
        raise ReservationError(
            _("Only the organisation's administrators and managers can reserve seats.")
        )
    return membership


def reservable_sessions() -> list[Any]:
    """Querysets of the sessions organisations may reserve seats of, one per app (hook
    `reservable_sessions`): events offers its own, tracks its groups. Each row is of the
    app's own model, so its `registration_closes()` is the right one."""
    return [provide() for provide in hooks.get_hooks("reservable_sessions")]


def _short(session: Session) -> str:
    return f"{session.name} ({date_format(timezone.localtime(session.starts_at), 'j-n-Y')})"


def reserve_seats(
    *,
    session: Session,
    organisation: Organisation,
    seats: int,
    deadline: datetime,
    actor: Person,
) -> SeatReservation:
    """Hold `seats` free seats for the organisation until `deadline`, which must come before
    registration for the session closes. Pass the session as its own app's model (a track's
    group as a Cohort), whose `registration_closes()` counts."""
    closes = session.registration_closes()
    now = timezone.now()
    with transaction.atomic():
        _require_manager(organisation.pk, actor)
        if seats < 1:
            raise ReservationError(_("Reserve at least one seat."), "seats")
        if deadline <= now:
            raise ReservationError(_("Choose a deadline in the future."), "deadline")
        if deadline > closes:
            raise ReservationError(
                _("Choose a deadline before registration closes, on %(date)s.")
                % {"date": date_format(timezone.localtime(closes), "j F Y, H:i")},
                "deadline",
            )
        locked = _lock(session)
        free = _free_seats(locked)
        if seats > free:
            if free <= 0:
                raise ReservationError(_("There are no free seats left for this session."), "seats")
            raise ReservationError(
                _(
                    "Only %(free)s seats are still free. Reserve at most that many, or join "
                    "the waiting list one by one."
                )
                % {"free": free},
                "seats",
            )
        reservation = SeatReservation.objects.create(
            session=locked,
            organisation=organisation,
            seats=seats,
            deadline=deadline,
            reserved_by=actor,  # type: ignore[misc]
            created_at=now,
        )
        log(
            organisation,
            OrganisationEvent.Kind.RESERVED,
            actor=actor,  # type: ignore[arg-type]
            detail=_("%(seats)s seats for %(session)s")
            % {"seats": seats, "session": _short(locked)},
        )
    return reservation


def assign_seat(*, reservation: SeatReservation, user: Any, actor: Person) -> Registration:
    """Give one of the reserved seats to a member of the organisation: a confirmed
    registration, as if they had registered themselves (the event's roles and one workshop
    per round still apply). Someone on the waiting list moves onto the reserved seat."""
    now = timezone.now()
    with transaction.atomic():
        _require_manager(reservation.organisation_id, actor)
        if not Membership.objects.filter(
            user=user, organisation_id=reservation.organisation_id
        ).exists():
            raise ReservationError(
                _("Only members of your organisation can get one of its reserved seats.")
            )
        session = _lock(reservation.session)
        reservation = SeatReservation.objects.get(pk=reservation.pk)
        if not reservation.is_open or now >= reservation.deadline:
            raise ReservationError(
                _("The deadline of this reservation has passed; its open seats are released.")
            )
        assigned = reservation.registrations.filter(state__in=SEAT_STATES).count()
        if assigned >= reservation.seats:
            raise ReservationError(_("Every seat of this reservation has been assigned."))
        existing = session.registrations.filter(user=user).first()  # type: ignore[attr-defined]
        if existing and existing.state in SEAT_STATES:
            raise ReservationError(
                _("%(name)s already has a seat at this session.") % {"name": existing.name}
            )
        profile = getattr(user, "profile", None)
        _check_role(session, getattr(profile, "role", None))
        _check_one_per_round(session, Registration.objects.filter(user=user))
        registration = _of_account(existing or Registration(session=session), user, now)
        registration.reservation = reservation
        _confirm(
            registration,
            actor=actor,
            reason=_("Reserved seat of %(organisation)s assigned")
            % {"organisation": reservation.organisation.name},
            now=now,
        )
        log(
            reservation.organisation,
            OrganisationEvent.Kind.RESERVED,
            actor=actor,  # type: ignore[arg-type]
            subject=user,
            detail=_("Seat assigned for %(session)s") % {"session": _short(session)},
        )
    record_registered(session=session, user=user)
    return registration


@transaction.atomic
def unassign(*, registration: Registration, actor: Person) -> Registration:
    """Take an assigned seat back: the registration is cancelled (the person is told) and
    the seat is open in the reservation again, or, once it is released, free for everybody
    (the waiting list first)."""
    reservation = registration.reservation
    if reservation is None:
        raise ReservationError(_("This registration is not a reserved seat."))
    _require_manager(reservation.organisation_id, actor)
    session = _lock(registration.session)
    registration = Registration.objects.select_related("session__event").get(pk=registration.pk)
    now = timezone.now()
    if now >= session.starts_at:
        raise ReservationError(_("This session has already started."))
    if registration.reservation_id != reservation.pk or registration.state != State.CONFIRMED:
        return registration  # taken back already, or cancelled by the person
    _move(
        registration,
        State.CANCELLED,
        actor=actor,
        reason=_("Reserved seat taken back by %(organisation)s")
        % {"organisation": reservation.organisation.name},
        now=now,
    )
    _email(registration, EventEmail.Kind.CANCELLED)
    log(
        reservation.organisation,
        OrganisationEvent.Kind.RESERVED,
        actor=actor,  # type: ignore[arg-type]
        subject=registration.user,
        detail=_("Seat taken back for %(session)s") % {"session": _short(session)},
    )
    _promote(session, actor=actor, now=now)
    return registration


@transaction.atomic
def cancel_reservation(*, reservation: SeatReservation, actor: Person) -> SeatReservation:
    """The organisation needs no more seats: the open ones go back to everybody now (the
    waiting list first); the people assigned keep theirs."""
    _require_manager(reservation.organisation_id, actor)
    session = _lock(reservation.session)
    returned = _release(SeatReservation.objects.get(pk=reservation.pk), actor=actor)
    if returned is not None:
        _promote(session, actor=actor, now=timezone.now())
    return SeatReservation.objects.get(pk=reservation.pk)


def release_expired_reservations(*, now: datetime | None = None) -> int:
    """Periodic: reservations past their deadline give their open seats back, the waiting
    list first. Idempotent, and two clocks running it at once return each seat once: each
    session is locked, and its reservations read again under the lock. Returns the number
    of seats returned."""
    now = now or timezone.now()
    session_ids = sorted(
        set(SeatReservation.objects.due_for_release(now).values_list("session_id", flat=True))
    )
    returned = 0
    for session_id in session_ids:
        with transaction.atomic():
            session = _lock(Session(pk=session_id))
            for reservation in SeatReservation.objects.due_for_release(now).filter(
                session_id=session_id
            ):
                returned += _release(reservation, actor=None, now=now, expired=True) or 0
            _promote(session, actor=None, now=now)
    return returned


def _release(
    reservation: SeatReservation,
    *,
    actor: Person | None,
    now: datetime | None = None,
    expired: bool = False,
) -> int | None:
    """Mark the reservation released (the caller holds the session's lock); returns the
    number of open seats it gave back, None when it was released before."""
    if not reservation.is_open:
        return None
    now = now or timezone.now()
    assigned = reservation.registrations.filter(state__in=SEAT_STATES).count()
    open_seats = max(reservation.seats - assigned, 0)
    reservation.released_at = now
    reservation.save(update_fields=["released_at"])
    session = reservation.session
    log(
        reservation.organisation,
        OrganisationEvent.Kind.RESERVED,
        actor=actor,  # type: ignore[arg-type]
        detail=(
            _("%(open)s open seats released after the deadline: %(session)s")
            if expired
            else _("Reservation cancelled, %(open)s open seats released: %(session)s")
        )
        % {"open": open_seats, "session": _short(session)},
    )
    if expired and open_seats and reservation.reserved_by and reservation.reserved_by.email:
        _email_reserver(reservation, open_seats=open_seats, assigned=assigned)
    return open_seats


def _email_reserver(reservation: SeatReservation, *, open_seats: int, assigned: int) -> None:
    """Tell who reserved that the open seats went back (in the outbox, sent on commit)."""
    session = reservation.session
    region_ids = session.event.regions.values_list("pk", flat=True) if session.event else []
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "reservation": reservation,
            "session_name": _short(session),
            "open_seats": open_seats,
            "assigned": assigned,
            "url": regions_base_url(region_ids) + reverse("events:reservations"),
        }
        message = EmailMessage(
            subject=_("Reserved seats released: %(session)s") % {"session": _short(session)},
            body=render_to_string("events/email/reservation_released.txt", context),
            to=[reservation.reserved_by.email],  # type: ignore[union-attr]
        )
    queue_email(message, kind="events.reservation_released")
