"""Every change in tracks: plan a cohort, register and cancel, record attendance, complete.

Registering for a track is registering for its cohort, which is an events session: the
seats, the waiting list, cancelling, the audit trail and the e-mails are events' services.
What tracks adds is the cohort's registration window, attendance per day, and completion:
`evaluate_completion` runs on the act that can complete a track: a learning record of
completion or attendance (an item marked done, an assignment handed in, a day ticked), which
`learning` announces through its `learning_record_written` hook (see wagtail_hooks). The
hourly periodic job and `manage.py check_track_completion` run it for everyone, as a safety
net. It is idempotent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from core.cache import invalidate_page_cache
from core.portals import regions_base_url
from events import services as events_services
from events.models import Registration
from learning.models import LearningRecord, Verb
from learning.services import record_once, record_statement

from .models import Certificate, Cohort, CohortDay, TrackDay, TrackPage


class TrackError(Exception):
    """A rule stops the change; the message is for the person, in their language."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# ---------------------------------------------------------------------------
# Planning a cohort
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DayPlan:
    track_day: TrackDay
    starts_at: datetime
    ends_at: datetime
    place_name: str
    address: str = ""
    accessibility_notes: str = ""
    online_url: str = ""
    capacity: int | None = None


def check_programme(track: TrackPage, track_day_ids: list[int]) -> None:
    """A cohort plans every day of its track's programme exactly once."""
    programme = set(track.days.values_list("pk", flat=True))  # type: ignore[attr-defined]
    if len(track_day_ids) != len(set(track_day_ids)) or set(track_day_ids) != programme:
        raise TrackError(_("Plan every day of the programme once, and only days of this track."))


def take_first_meeting(cohort: Cohort, days: list[Any]) -> None:
    """The cohort session is timed and placed as its first day (see models), and named
    after the track, because events shows that name in its e-mails and calendars."""
    first = min(days, key=lambda day: day.starts_at)
    cohort.title = f"{cohort.track.title} ({cohort.name})"[:200]
    cohort.starts_at, cohort.ends_at = first.starts_at, first.ends_at
    cohort.place_name, cohort.address = first.place_name, first.address
    cohort.accessibility_notes = first.accessibility_notes
    cohort.online_url = first.online_url


@transaction.atomic
def plan_cohort(
    *,
    track: TrackPage,
    name: str,
    seats: int,
    days: list[DayPlan],
    registration_opens_at: datetime | None = None,
    registration_closes_at: datetime | None = None,
) -> Cohort:
    """A new cohort with its days (the admin form does the same for editors)."""
    check_programme(track, [plan.track_day.pk for plan in days])
    cohort = Cohort(
        track=track,
        name=name,
        capacity=seats,
        registration_opens_at=registration_opens_at,
        registration_closes_at=registration_closes_at,
    )
    take_first_meeting(cohort, list(days))
    cohort.save()
    for plan in days:
        CohortDay.objects.create(
            cohort=cohort,
            track_day=plan.track_day,
            starts_at=plan.starts_at,
            ends_at=plan.ends_at,
            place_name=plan.place_name,
            address=plan.address,
            accessibility_notes=plan.accessibility_notes,
            online_url=plan.online_url,
            capacity=plan.capacity or seats,
        )
    # A new group opens the track in the lists the site keeps until the next publish.
    invalidate_page_cache()
    return cohort


# ---------------------------------------------------------------------------
# Registering and cancelling: events' services on the cohort session
# ---------------------------------------------------------------------------


@transaction.atomic
def register_for_track(*, cohort: Cohort, user: Any) -> tuple[Registration, bool]:
    """A seat in the cohort, or a place on its waiting list. A second click returns the
    registration the person has."""
    existing = Registration.objects.filter(session=cohort, user=user).first()
    if existing and existing.is_active:
        return existing, False
    now = timezone.now()
    if not cohort.is_open_for_registration(now):
        if cohort.registration_opens_at and now < cohort.registration_opens_at:
            opens = timezone.localtime(cohort.registration_opens_at)
            raise TrackError(
                _("Registration opens on %(date)s.") % {"date": opens.strftime("%d-%m-%Y")}
            )
        raise TrackError(_("Registration for this group has closed."))
    try:
        return events_services.register_user(session=cohort, user=user)
    except events_services.RegistrationError as error:
        raise TrackError(error.message) from error


def cancel_track_registration(*, registration: Registration, actor: Any) -> Registration:
    """Until the first day starts; the freed seat goes to the waiting list (events)."""
    try:
        return events_services.cancel_registration(registration=registration, actor=actor)
    except events_services.RegistrationError as error:
        raise TrackError(error.message) from error


# ---------------------------------------------------------------------------
# Attendance and completion
# ---------------------------------------------------------------------------


def _locked_registration(cohort: Cohort, user: Any) -> Registration | None:
    return (
        Registration.objects.select_for_update(of=("self",))
        .filter(session=cohort, user=user)
        .first()
    )


@transaction.atomic
def mark_day_attendance(*, day: CohortDay, user: Any, attended: bool, actor: Any) -> bool:
    """Attended or absent, as a learning record about the day; a correction is a new record
    (records are append-only, the latest counts). Returns whether anything changed."""
    day = CohortDay.objects.select_related("cohort__track", "track_day").get(pk=day.pk)
    cohort = day.cohort
    if not cohort.track.can_manage(actor):
        raise TrackError(_("Only trainers and editors can record attendance."))
    if timezone.now() < day.starts_at:
        raise TrackError(_("You can record attendance once the day has started."))
    registration = _locked_registration(cohort, user)
    if registration is None or not registration.is_confirmed:
        raise TrackError(_("Only confirmed participants can be marked present."))
    verb = Verb.ATTENDED if attended else Verb.ABSENT
    latest = (
        LearningRecord.objects.of(user)
        .about(day)
        .filter(verb__in=(Verb.ATTENDED, Verb.ABSENT))
        .order_by("-timestamp")
        .values_list("verb", flat=True)
        .first()
    )
    if latest == verb:
        return False
    record_statement(
        actor=user,
        verb=verb,
        activity=day,
        completion=attended,
        duration_minutes=round(day.hours * 60) if attended else None,
        extensions={"track": cohort.track_id, "cohort": cohort.pk},
    )
    return True


@transaction.atomic
def evaluate_completion(*, registration: Registration) -> Certificate | None:
    """When the track's rules hold for this registration: the completion record, the
    certificate and the e-mail, each once. Returns the certificate when there is one."""
    from .emails import queue_certificate_email  # it uses portal_base_url from here
    from .progress import progress_for

    registration = Registration.objects.select_for_update(of=("self",)).get(pk=registration.pk)
    if registration.user_id is None:
        return None
    found = progress_for([registration])
    if not found:
        return None  # not a track registration
    progress = found[0]
    if progress.certificate or not progress.rules_hold:
        return progress.certificate
    cohort, track = progress.cohort, progress.cohort.track
    user = registration.user
    profile = getattr(user, "profile", None)
    certificate = Certificate.objects.create(
        user=user,
        track=track,
        cohort=cohort,
        name=getattr(profile, "full_name", "") or registration.name,
        track_title=track.title,
        dates=[timezone.localdate(day.day.starts_at).isoformat() for day in progress.days],
        study_load_hours=track.study_load_hours,
        accreditation_register=track.accreditation_register,
        accreditation_number=track.accreditation_number,
        accreditation_points=track.accreditation_points,
        organiser_name=str(track.organiser) if track.organiser else "",
    )
    # Once per person and track: a second group of the same track gives a certificate, but
    # the track was completed before.
    record_once(
        actor=user,
        verb=Verb.COMPLETED,
        activity=track,
        completion=True,
        extensions={"cohort": cohort.pk, "certificate": certificate.code},
    )
    queue_certificate_email(certificate)
    return certificate


# The registration states of a participant (events' confirmed and attendance states).
CONFIRMED_STATES = ("confirmed", "attended", "partly", "no_show")


def evaluate_completion_of(*, user: Any) -> None:
    """Every track the person takes part in and has no certificate of yet: called when a
    learning record of theirs is written (wagtail_hooks)."""
    for registration in Registration.objects.filter(
        user=user, session__track_cohort__isnull=False, state__in=CONFIRMED_STATES
    ).exclude(session__track_cohort__certificates__user=user):
        evaluate_completion(registration=registration)


def check_all_completions() -> int:
    """Every confirmed participant of a cohort without a certificate from it; returns how
    many certificates were issued. Safe to run as often as wanted."""
    registrations = Registration.objects.filter(
        session__track_cohort__isnull=False, state__in=CONFIRMED_STATES, user__isnull=False
    ).exclude(session__track_cohort__certificates__user=F("user"))
    return sum(
        evaluate_completion(registration=registration) is not None for registration in registrations
    )


# ---------------------------------------------------------------------------
# Links, and a person's data
# ---------------------------------------------------------------------------


def portal_base_url(track: TrackPage | None) -> str:
    """The address of a portal that shows the track, for links in e-mails and PDFs."""
    return regions_base_url(track.regions.values_list("pk", flat=True) if track else [])


def personal_data(*, user: Any, base_url: str = "") -> dict[str, Any]:
    """What this app keeps about a person, for the privacy export. Registrations and
    attendance are in events' export and the learning records."""
    return {
        "trainer_of_tracks": list(
            TrackPage.objects.filter(trainers=user).values_list("title", flat=True)
        ),
        "track_certificates": [
            {
                "track": certificate.track_title,
                "name": certificate.name,
                "dates": certificate.dates,
                "study_load_hours": certificate.study_load_hours,
                "accreditation_points": str(certificate.accreditation_points)
                if certificate.accreditation_points is not None
                else None,
                "organiser": certificate.organiser_name,
                "verification_code": certificate.code,
                "issued_at": certificate.issued_at.isoformat(),
            }
            for certificate in Certificate.objects.visible_to(user)
        ],
    }
