"""Every change to registrations: register, confirm, cancel, promote, offer, attend.

Each function locks the session row first (select_for_update; SQLite's IMMEDIATE
transactions serialise the same way), so seats are counted by one transaction at a time
and a session is never overbooked. Each change writes its audit row and its e-mail (a row
of core's outbox, sent after commit by core.tasks) in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Site

from core.models import Role
from learning.models import Verb
from learning.services import record_statement

from . import emails
from .models import (
    ATTENDANCE_STATES,
    CANCELLABLE_STATES,
    CalendarFeed,
    Evaluation,
    EventEmail,
    EventPage,
    PromotionMode,
    Registration,
    RegistrationChange,
    RegistrationState,
    SeatReservation,
    Session,
)
from .querysets import taken_seats

State = RegistrationState


class RegistrationError(Exception):
    """A rule stops the change; the message is for the person, in their language."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Visitor:
    name: str
    email: str
    organisation_name: str
    role: Role | None


# ---------------------------------------------------------------------------
# Helpers inside a transaction
# ---------------------------------------------------------------------------


def _lock(session: Session) -> Session:
    # The workshops of one round are locked together, in a fixed order, so two clicks on
    # two workshops of the round cannot both pass the one-workshop-per-round check.
    if session.round and session.event_id:
        list(
            Session.objects.select_for_update(of=("self",))
            .filter(event_id=session.event_id, round=session.round)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
    sessions = Session.objects.select_for_update(of=("self",))
    if Session.event.is_cached(session):  # type: ignore[attr-defined]
        # The event as the caller read it (a page with all its text): the lock guards the
        # seats, not the event's settings, and it is held no longer than it must be.
        locked = sessions.get(pk=session.pk)
        locked.event = session.event
        return locked
    return sessions.select_related("event").get(pk=session.pk)


def _move(
    registration: Registration,
    to_state: State,
    *,
    actor: Any,
    reason: str = "",
    now: datetime | None = None,
    offer_expires_at: datetime | None = None,
) -> None:
    now = now or timezone.now()
    from_state = registration.state
    registration.state = to_state
    registration.offer_expires_at = offer_expires_at
    if to_state == State.WAITING and from_state != State.WAITING:
        registration.waiting_since = now
    registration.save()
    RegistrationChange.objects.create(
        registration=registration,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        at=now,
        from_state=from_state,
        to_state=to_state,
        reason=reason,
    )


def _email(registration: Registration, kind: EventEmail.Kind, **fields: Any) -> EventEmail:
    """The e-mail into core's outbox, in the transaction of the change it tells about: two
    rows, its text is rendered when it is delivered (events.emails)."""
    email = EventEmail(registration=registration, kind=kind, **fields)
    emails.queue(email)
    email.save()
    return email


def _free_seats(session: Session) -> int:
    """Seats anybody may have: not held by a registration nor by an organisation's
    reservation (querysets.taken_seats, what every page shows too)."""
    taken = (
        Session.objects.filter(pk=session.pk)
        .annotate(taken=taken_seats())
        .values_list("taken", flat=True)
        .get()
    )
    return session.capacity - taken


def _confirm(registration: Registration, *, actor: Any, reason: str, now: datetime) -> None:
    """The seat is theirs: the audit row and the confirmation (with the calendar file)."""
    _move(registration, State.CONFIRMED, actor=actor, reason=reason, now=now)
    _email(registration, EventEmail.Kind.CONFIRMED)


def _place(
    registration: Registration, session: Session, *, actor: Any, reason: str, now: datetime
) -> None:
    """Give a seat if one is free and nobody waits for it; else the end of the queue."""
    queue_is_empty = not session.registrations.waiting_list().exists()  # type: ignore[attr-defined]
    if _free_seats(session) > 0 and queue_is_empty:
        _confirm(registration, actor=actor, reason=reason, now=now)
    else:
        _move(registration, State.WAITING, actor=actor, reason=reason, now=now)
        _email(registration, EventEmail.Kind.WAITING)


def _check_open(session: Session, now: datetime) -> None:
    if now >= session.starts_at:
        raise RegistrationError(_("This session has already started. You can no longer register."))
    event = session.event
    if event and event.registration_opens_at and now < event.registration_opens_at:
        opens = timezone.localtime(event.registration_opens_at)
        raise RegistrationError(
            _("Registration opens on %(date)s.") % {"date": opens.strftime("%d-%m-%Y %H:%M")}
        )
    if event and event.registration_closes_at and now >= event.registration_closes_at:
        raise RegistrationError(_("Registration for this event has closed."))


def _allowed_roles(session: Session) -> list[Role]:
    """The roles the session's event is only for; none: everyone may come."""
    return list(session.event.only_for_roles.all()) if session.event else []


def _check_role(session: Session, role: Role | None, allowed: list[Role] | None = None) -> None:
    if allowed is None:
        allowed = _allowed_roles(session)
    if allowed and role not in allowed:
        names = ", ".join(str(allowed_role) for allowed_role in allowed)
        raise RegistrationError(
            _("This event is only for: %(roles)s. Your role does not match.") % {"roles": names}
        )


def _check_one_per_round(session: Session, registrations: Any) -> None:
    """A person chooses one workshop per round: `registrations` are theirs."""
    if not session.round:
        return
    chosen = (
        registrations.active()
        .filter(session__event_id=session.event_id, session__round=session.round)
        .exclude(session=session)
        .select_related("session")
        .first()
    )
    if chosen:
        raise RegistrationError(
            _(
                "You have already chosen a workshop in %(round)s: %(workshop)s. Cancel that "
                "registration first if you want to switch."
            )
            % {"round": session.round, "workshop": chosen.session.title}
        )


# ---------------------------------------------------------------------------
# Registering
# ---------------------------------------------------------------------------


def register_user(
    *, session: Session, user: Any, portal: Site | None = None
) -> tuple[Registration, bool]:
    """One click for a person with an account. Returns the registration and whether it is
    new; a second click returns the existing registration unchanged. `portal` is the site
    the person registered through, where the links in their e-mails lead.

    When many people press at once, they wait for each other only while the session is
    locked: what does not depend on the seats (the person's profile, the event's roles) is
    read before, the learning record is written after the commit."""
    now = timezone.now()
    profile = getattr(user, "profile", None)
    role = getattr(profile, "role", None)
    allowed_roles = _allowed_roles(session)
    with transaction.atomic():
        session = _lock(session)
        existing = session.registrations.filter(user=user).first()  # type: ignore[attr-defined]
        if existing and existing.is_active:
            return existing, False
        _check_open(session, now)
        _check_role(session, role, allowed_roles)
        _check_one_per_round(session, Registration.objects.filter(user=user))
        registration = _of_account(existing or Registration(session=session), user, now)
        registration.portal = portal
        # _place saves it, with its seat or its place in the queue.
        _place(registration, session, actor=user, reason=_("Registered"), now=now)
    record_registered(session=session, user=user)
    return registration, True


def _of_account(registration: Registration, user: Any, now: datetime) -> Registration:
    """A registration (new, or a cancelled one reused) filled in from the person's account
    and profile, not yet saved."""
    profile = getattr(user, "profile", None)
    registration.user = user
    registration.name = getattr(profile, "full_name", "") or user.get_full_name() or user.email
    registration.email = user.email
    registration.organisation_name = getattr(profile, "organisation_name", "")
    registration.role = getattr(profile, "role", None)
    registration.state = registration.state or State.PENDING
    registration.created_at = now
    # A registration reused after an assigned seat was taken back is the person's own now.
    registration.reservation = None
    return registration


def record_registered(*, session: Session, user: Any) -> None:
    """A record of what the person did, for their history; the registration itself is the
    record of the seat, so this one need not hold the session's lock (call it after)."""
    record_statement(
        actor=user,
        verb=Verb.REGISTERED,
        activity=session.event or session,
        extensions={"session": session.pk},
    )


@transaction.atomic
def register_visitor(
    *, session: Session, visitor: Visitor, portal: Site | None = None
) -> tuple[Registration, bool]:
    """A visitor without an account: the registration waits for them to confirm their
    address and takes no seat until then."""
    now = timezone.now()
    session = _lock(session)
    email = visitor.email.strip().lower()
    existing = session.registrations.filter(user=None, email=email).first()  # type: ignore[attr-defined]
    if existing and existing.is_active:
        if existing.state == State.PENDING:
            _email(existing, EventEmail.Kind.CONFIRM_ADDRESS)
        return existing, False
    _check_open(session, now)
    _check_role(session, visitor.role)
    _check_one_per_round(session, Registration.objects.filter(user=None, email=email))
    registration = existing or Registration(session=session, email=email)
    registration.name = visitor.name
    registration.organisation_name = visitor.organisation_name
    registration.role = visitor.role
    registration.created_at = now
    registration.portal = portal
    from_state = registration.state
    registration.state = State.PENDING
    registration.save()
    RegistrationChange.objects.create(
        registration=registration,
        at=now,
        from_state=from_state,
        to_state=State.PENDING,
        reason=_("Registered without an account"),
    )
    _email(registration, EventEmail.Kind.CONFIRM_ADDRESS)
    return registration, True


@transaction.atomic
def confirm_visitor(*, registration: Registration) -> Registration:
    """The visitor confirmed their address with the link in their e-mail (events.links
    checked it); the registration now takes a seat or a place in the queue."""
    session = _lock(registration.session)
    registration = Registration.objects.select_related("session__event").get(pk=registration.pk)
    if registration.state != State.PENDING:
        return registration  # a second click on the link changes nothing
    now = timezone.now()
    _check_open(session, now)
    _place(registration, session, actor=None, reason=_("E-mail address confirmed"), now=now)
    return registration


# ---------------------------------------------------------------------------
# Cancelling and the waiting list
# ---------------------------------------------------------------------------


@transaction.atomic
def cancel_registration(
    *, registration: Registration, actor: Any, reason: str = "", by_link: bool = False
) -> Registration:
    """The person themselves before the deadline (or through the link in their e-mail),
    an editor or trainer at any time. A freed seat goes to the waiting list."""
    session = _lock(registration.session)
    registration = Registration.objects.select_related("session__event").get(pk=registration.pk)
    now = timezone.now()
    if by_link:
        allowed = registration.state in (
            State.PENDING,
            State.CONFIRMED,
            State.WAITING,
            State.OFFERED,
        )
        allowed = allowed and now < registration.session.cancellation_deadline()
    else:
        allowed = registration.can_be_cancelled_by(actor, now)
    if not allowed:
        if registration.state == State.CANCELLED:
            return registration
        raise RegistrationError(
            _(
                "You can no longer cancel this registration yourself: the deadline has passed. "
                "Please contact the organiser."
            )
        )
    held_seat = registration.state in (State.CONFIRMED, State.OFFERED)
    _move(registration, State.CANCELLED, actor=actor, reason=reason or _("Cancelled"), now=now)
    _email(registration, EventEmail.Kind.CANCELLED)
    if registration.user_id:
        record_statement(
            actor=registration.user,
            verb=Verb.CANCELLED,
            activity=session.event or session,
            extensions={"session": session.pk},
        )
    if held_seat:
        _promote(session, actor=actor, now=now)
    return registration


def _promote(session: Session, *, actor: Any, now: datetime) -> list[Registration]:
    """Fill free seats from the front of the queue; the caller holds the lock."""
    promoted = []
    offer = session.event is not None and session.event.promotion_mode == PromotionMode.OFFER
    for registration in session.registrations.waiting_list()[: max(_free_seats(session), 0)]:  # type: ignore[attr-defined]
        if offer:
            _move(
                registration,
                State.OFFERED,
                actor=actor,
                reason=_("A seat came free"),
                now=now,
                offer_expires_at=now + timedelta(hours=session.event.offer_hours),  # type: ignore[union-attr]
            )
            _email(registration, EventEmail.Kind.OFFERED)
        else:
            _move(registration, State.CONFIRMED, actor=actor, reason=_("A seat came free"), now=now)
            _email(registration, EventEmail.Kind.PROMOTED)
        promoted.append(registration)
    return promoted


@transaction.atomic
def promote_from_waiting_list(*, session: Session, actor: Any = None) -> list[Registration]:
    """Give free seats to the waiting list in order, e.g. after an editor added seats."""
    session = _lock(session)
    return _promote(session, actor=actor, now=timezone.now())


@transaction.atomic
def change_capacity(*, session: Session, capacity: int, actor: Any) -> Session:
    session = _lock(session)
    session.capacity = capacity
    session.save(update_fields=["capacity"])
    _promote(session, actor=actor, now=timezone.now())
    return session


@transaction.atomic
def accept_offer(*, registration: Registration, actor: Any) -> Registration:
    """The person accepts the seat offered to them (the link in their e-mail proves who)."""
    _lock(registration.session)
    registration = Registration.objects.select_related("session__event").get(pk=registration.pk)
    now = timezone.now()
    if registration.state == State.CONFIRMED:
        return registration
    if registration.state != State.OFFERED or (
        registration.offer_expires_at and registration.offer_expires_at <= now
    ):
        raise RegistrationError(_("This offer has expired. The seat has gone to the next person."))
    _move(registration, State.CONFIRMED, actor=actor, reason=_("Offer accepted"), now=now)
    _email(registration, EventEmail.Kind.CONFIRMED)
    return registration


def expire_offers(*, now: datetime | None = None) -> int:
    """Offers not accepted in time lapse and pass to the next in line. Safe to run often."""
    now = now or timezone.now()
    session_ids = set(
        Registration.objects.filter(state=State.OFFERED, offer_expires_at__lte=now).values_list(
            "session_id", flat=True
        )
    )
    expired = 0
    for session_id in session_ids:
        with transaction.atomic():
            session = _lock(Session(pk=session_id))
            for registration in session.registrations.filter(  # type: ignore[attr-defined]
                state=State.OFFERED, offer_expires_at__lte=now
            ):
                _move(
                    registration,
                    State.CANCELLED,
                    actor=None,
                    reason=_("Offer not accepted in time"),
                    now=now,
                )
                expired += 1
            _promote(session, actor=None, now=now)
    return expired


@transaction.atomic
def move_registration(
    *, registration: Registration, to_session: Session, actor: Any
) -> Registration:
    """An editor moves a person to another session: cancelled here, placed there."""
    first, second = sorted([registration.session, to_session], key=lambda s: s.pk)
    _lock(first)
    _lock(second)
    if to_session.registrations.filter(  # type: ignore[attr-defined]
        Q(user=registration.user)
        if registration.user_id
        else Q(user=None, email=registration.email)
    ).exists():
        raise RegistrationError(_("This person already has a registration for that session."))
    cancel_registration(
        registration=registration, actor=actor, reason=_("Moved to another session")
    )
    moved = Registration.objects.create(
        session=to_session,
        user=registration.user,
        name=registration.name,
        email=registration.email,
        organisation_name=registration.organisation_name,
        role=registration.role,
        state=State.PENDING,
    )
    _place(
        moved,
        _lock(to_session),
        actor=actor,
        reason=_("Moved from another session"),
        now=timezone.now(),
    )
    return moved


@transaction.atomic
def add_by_hand(*, session: Session, visitor: Visitor, user: Any, actor: Any) -> Registration:
    """An editor adds someone (by account or by name and address); rules of the window and
    roles do not apply, seats and the queue do."""
    session = _lock(session)
    lookup = Q(user=user) if user else Q(user=None, email=visitor.email.lower())
    existing = session.registrations.filter(lookup).first()  # type: ignore[attr-defined]
    if existing and existing.is_active:
        raise RegistrationError(_("This person is already registered for this session."))
    registration = existing or Registration(session=session, user=user)
    registration.name = visitor.name
    registration.email = visitor.email.lower()
    registration.organisation_name = visitor.organisation_name
    registration.role = visitor.role
    registration.state = State.PENDING
    # A new round of a reused row: the links in earlier e-mails (events.links) stop working.
    now = timezone.now()
    registration.created_at = now
    registration.save()
    _place(registration, session, actor=actor, reason=_("Added by an editor"), now=now)
    return registration


@transaction.atomic
def cancel_registrations_of_leaving_user(*, user: Any) -> int:
    """Before a person's account is deleted: every registration for a session still to
    come is cancelled, whatever the deadline, and each freed seat goes to the next on the
    waiting list (who is told by e-mail). The person gets no e-mail: the account is going.
    Sessions are locked in order of their id, as everywhere, so this cannot deadlock with
    a registration at the same moment. Returns the number cancelled."""
    now = timezone.now()
    upcoming = Registration.objects.of(user).filter(
        session__starts_at__gt=now, state__in=CANCELLABLE_STATES
    )
    cancelled = 0
    for session_id in sorted(set(upcoming.values_list("session_id", flat=True))):
        session = _lock(Session(pk=session_id))
        for registration in upcoming.filter(session_id=session_id):
            _move(registration, State.CANCELLED, actor=user, reason=_("Account deleted"), now=now)
            cancelled += 1
        _promote(session, actor=None, now=now)
    return cancelled


# ---------------------------------------------------------------------------
# Attendance, accreditation and evaluation
# ---------------------------------------------------------------------------


@transaction.atomic
def mark_attendance(*, registration: Registration, state: State, actor: Any) -> Registration:
    """Attended, partly attended or did not come; written as a learning record, so an
    attended event counts as completed in the person's history."""
    if state not in ATTENDANCE_STATES:
        raise RegistrationError(_("Choose attended, partly attended or did not come."))
    session = _lock(registration.session)
    registration = Registration.objects.get(pk=registration.pk)
    if session.event and not session.event.can_manage(actor):
        raise RegistrationError(_("Only trainers and editors can record attendance."))
    if registration.state not in (State.CONFIRMED, *ATTENDANCE_STATES):
        raise RegistrationError(_("Only confirmed participants can be marked present."))
    if registration.state == state:
        return registration
    _move(registration, state, actor=actor, reason=_("Attendance recorded"))
    if registration.user_id:
        record_statement(
            actor=registration.user,
            verb=Verb.ABSENT if state == State.NO_SHOW else Verb.ATTENDED,
            activity=session.event or session,
            completion=state == State.ATTENDED,
            duration_minutes=round(session.hours * 60),
            extensions={"session": session.pk},
        )
    return registration


def accreditation_points_for(user: Any) -> Decimal:
    """Points of the accredited events the person attended in full: every session of the
    event marked attended."""
    if not getattr(user, "is_authenticated", False):
        return Decimal(0)
    attended = accredited_attendance(Registration.objects.filter(user=user))
    return sum((row["points"] for row in attended), Decimal(0))


def accredited_attendance(registrations: QuerySet[Registration]) -> QuerySet[Any]:
    """Per person and accredited event among `registrations`, the event's points when the
    person attended every one of its sessions: rows of user, event and points, counted in
    the database (one query, whatever the number of people; the reach reports use it too)."""
    sessions_of_event = (
        Session.objects.filter(event=OuterRef("session__event"))
        .order_by()
        .values("event")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return (
        registrations.filter(
            state=State.ATTENDED,
            user__isnull=False,
            session__event__accreditation_points__isnull=False,
        )
        .order_by()
        .values("user", event=F("session__event"), points=F("session__event__accreditation_points"))
        .annotate(attended=Count("session", distinct=True), sessions=Subquery(sessions_of_event))
        .filter(attended=F("sessions"))
    )


def has_full_attendance(registration: Registration) -> bool:
    """Whether the person attended every session of the event, one workshop per round
    (for the certificate)."""
    event = registration.session.event
    if event is None or registration.state != State.ATTENDED:
        return False
    parts = event.sessions.values_list("pk", "round")  # type: ignore[attr-defined]
    sessions = len({round_label or pk for pk, round_label in parts})
    attended = Registration.objects.filter(
        session__event=event, user=registration.user, state=State.ATTENDED
    ).count()
    return registration.user_id is not None and attended == sessions


@transaction.atomic
def submit_evaluation(
    *, registration: Registration, user: Any, answers: dict[str, Any]
) -> Evaluation:
    if registration.user_id != user.pk or registration.state not in (
        State.ATTENDED,
        State.PARTLY_ATTENDED,
    ):
        raise RegistrationError(_("Only participants who attended can fill in the evaluation."))
    evaluation, _created = Evaluation.objects.update_or_create(
        registration=registration, defaults={"answers": answers, "submitted_at": timezone.now()}
    )
    return evaluation


# ---------------------------------------------------------------------------
# Reminders, evaluation requests and messages
# ---------------------------------------------------------------------------

REMINDER_BEFORE = timedelta(days=2)


def send_due_reminders(*, now: datetime | None = None) -> int:
    """A reminder to every confirmed participant of a session starting within two days,
    once (the outbox has one reminder per registration). Safe to run as often as wanted."""
    now = now or timezone.now()
    due = Registration.objects.filter(
        state=State.CONFIRMED,
        session__starts_at__gt=now,
        session__starts_at__lte=now + REMINDER_BEFORE,
    ).exclude(emails__kind=EventEmail.Kind.REMINDER)
    return _email_once(due, EventEmail.Kind.REMINDER)


def request_evaluations(*, now: datetime | None = None) -> int:
    """After a session, the people who attended get the evaluation, once."""
    now = now or timezone.now()
    due = Registration.objects.filter(
        state__in=(State.ATTENDED, State.PARTLY_ATTENDED),
        user__isnull=False,
        # Only events have an evaluation; circle meetings and track days do not.
        session__event__isnull=False,
        session__ends_at__lte=now,
        session__ends_at__gt=now - timedelta(days=30),
    ).exclude(emails__kind=EventEmail.Kind.EVALUATION)
    return _email_once(due, EventEmail.Kind.EVALUATION)


def _email_once(registrations: Any, kind: EventEmail.Kind) -> int:
    count = 0
    for registration in registrations:
        with transaction.atomic():
            if not EventEmail.objects.filter(registration=registration, kind=kind).exists():
                _email(registration, kind)
                count += 1
    return count


@transaction.atomic
def message_registrants(
    *, session: Session, subject: str, body: str, actor: Any, include_waiting_list: bool = True
) -> int:
    """An editor's message to everyone with a seat (confirmed or offered) and, unless left
    out, to the waiting list. Returns the number of e-mails."""
    if not actor.has_perm("events.change_registration"):
        raise RegistrationError(_("Only editors can send messages to participants."))
    states = [State.CONFIRMED, State.OFFERED]
    if include_waiting_list:
        states.append(State.WAITING)
    recipients = session.registrations.filter(state__in=states)  # type: ignore[attr-defined]
    for registration in recipients:
        _email(registration, EventEmail.Kind.MESSAGE, subject=subject, body=body)
    return len(recipients)


# ---------------------------------------------------------------------------
# Calendar feed and personal data
# ---------------------------------------------------------------------------


@transaction.atomic
def renew_calendar_feed(*, user: Any) -> CalendarFeed:
    """A new secret address: the person's first, or one that replaces the old, which stops
    working at once."""
    from .models import new_feed_token

    feed, created = CalendarFeed.objects.select_for_update().get_or_create(user=user)
    if not created:
        feed.token = new_feed_token()
        feed.created_at = timezone.now()
        feed.save()
    return feed


def personal_data(*, user: Any, base_url: str = "") -> dict[str, Any]:
    """What this app keeps about a person, for the privacy export."""
    registrations = Registration.objects.of(user).select_related("session__event", "role")
    changes_made = (
        RegistrationChange.objects.filter(actor=user)
        .exclude(registration__user=user)
        .select_related("registration__session__event")
    )
    feed = CalendarFeed.objects.filter(user=user).first()
    return {
        "registrations": [
            {
                "event": registration.session.name,
                "session_starts_at": registration.session.starts_at.isoformat(),
                "name": registration.name,
                "email": registration.email,
                "organisation": registration.organisation_name,
                "role": str(registration.role) if registration.role else None,
                "state": registration.state,
                "registered_at": registration.created_at.isoformat(),
                "history": [
                    {"at": change.at.isoformat(), "from": change.from_state, "to": change.to_state}
                    for change in registration.changes.all()
                ],
            }
            for registration in registrations.prefetch_related("changes")
        ],
        "evaluations": [
            {
                "event": evaluation.registration.session.name,
                "answers": evaluation.answers,
                "submitted_at": evaluation.submitted_at.isoformat(),
            }
            for evaluation in Evaluation.objects.filter(registration__user=user).select_related(
                "registration__session__event"
            )
        ],
        # What the person did to other people's registrations, as trainer or editor; whose
        # registration it was is the other person's data.
        "registration_changes_made": [
            {
                "session": change.registration.session.name,
                "at": change.at.isoformat(),
                "from": change.from_state,
                "to": change.to_state,
                "reason": change.reason,
            }
            for change in changes_made
        ],
        "seat_reservations_made": [
            {
                "organisation": reservation.organisation.name,
                "session": reservation.session.name,
                "seats": reservation.seats,
                "deadline": reservation.deadline.isoformat(),
                "reserved_at": reservation.created_at.isoformat(),
            }
            for reservation in SeatReservation.objects.filter(reserved_by=user).select_related(
                "organisation", "session__event"
            )
        ],
        "calendar_feed": {"created_at": feed.created_at.isoformat()} if feed else None,
        "trainer_of_events": list(
            EventPage.objects.filter(trainers=user).values_list("title", flat=True)
        ),
    }
