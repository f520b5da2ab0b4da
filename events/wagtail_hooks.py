"""Editors' side of events in /beheer/: the registrations listing (events.admin_views) and
the waiting list moving up when an editor publishes more seats."""

from datetime import datetime, timedelta
from typing import Any

from django.db.models import Case, Min, Q, Value, When
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.timezone import now
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button

from core.models import Municipality, Organisation
from core.periodic import PeriodicJob
from core.privacy import Holding, PersonalData, Removal

from . import emails, reservations, services
from .admin_views import RegistrationViewSet
from .models import EventPage, Session

MUNICIPALITY_SESSIONS = 5


@hooks.register("register_admin_viewset")
def register_registrations() -> RegistrationViewSet:
    return RegistrationViewSet()


@hooks.register("register_page_listing_more_buttons")
def event_page_buttons(page: Any, user: Any, next_url: str | None = None) -> list[Button]:
    """From an event in the page tree to its registrations and its evaluation results."""
    may_see = user.has_perm("events.view_registration") or user.has_perm(
        "events.change_registration"
    )
    if not may_see or not isinstance(page.specific_deferred, EventPage):
        return []
    return [
        Button(
            _("Registrations"),
            reverse("events_registration:index") + f"?event={page.pk}",
            icon_name="list-ul",
            priority=60,
        ),
        Button(
            _("Evaluation results"),
            reverse("events_registration:evaluation_results", args=[page.pk]),
            icon_name="doc-full",
            priority=61,
        ),
    ]


@hooks.register("after_publish_page")
def fill_seats_after_publishing(request: HttpRequest, page: Any) -> None:
    """More seats on the published page: the waiting list moves up at once."""
    if isinstance(page.specific, EventPage):
        for session in page.specific.sessions.all():
            services.promote_from_waiting_list(session=session, actor=request.user)


@hooks.register("email_renderers")
def email_renderers() -> dict[str, Any]:
    """The outbox (core.mail) renders this app's e-mails when it delivers them."""
    return {emails.RENDERER: emails.render_queued}


@hooks.register("periodic_jobs")
def periodic_jobs() -> list[PeriodicJob]:
    """What `manage.py run_event_jobs` does, every five minutes; each step is idempotent."""
    return [
        PeriodicJob("events-expire-offers", timedelta(minutes=5), services.expire_offers),
        PeriodicJob("events-reminders", timedelta(minutes=5), services.send_due_reminders),
        PeriodicJob("events-evaluations", timedelta(minutes=5), services.request_evaluations),
        PeriodicJob(
            "events-release-reservations",
            timedelta(minutes=5),
            reservations.release_expired_reservations,
        ),
    ]


@hooks.register("reservable_sessions")
def reservable_event_sessions() -> Any:
    """Sessions of published events still open for registration (an organisation's seats
    are for sessions anybody can see; not for circles' meetings)."""
    moment = now()
    open_events = (
        EventPage.objects.live()
        .public()
        .filter(Q(registration_closes_at__isnull=True) | Q(registration_closes_at__gt=moment))
    )
    return Session.objects.filter(
        event__in=open_events.values("pk"), is_private=False, starts_at__gt=moment
    ).select_related("event")


@hooks.register("organisation_workspace_links")
def reservations_link(request: HttpRequest, membership: Any) -> list[dict[str, str]]:
    if membership.role not in reservations.MANAGING_ROLES:
        return []
    return [{"title": str(_("Reserved seats")), "url": reverse("events:reservations")}]


@hooks.register("personal_data")
def personal_data() -> list[PersonalData]:
    """Registrations go with the person, after their seats at coming sessions have passed
    to the waiting list; the audit trail of other people's registrations stays."""
    return [
        PersonalData(
            export=services.personal_data,
            prepare_removal=services.cancel_registrations_of_leaving_user,
            holdings=[
                Holding(
                    relation="events.Registration.user",
                    removal=Removal.DELETE,
                    section="registrations",
                ),
                Holding(
                    relation="events.RegistrationChange.actor",
                    removal=Removal.UNLINK,
                    kept_because="the audit trail of other people's registrations (the "
                    "person's own go with their registrations)",
                    section="registration_changes_made",
                ),
                Holding(
                    relation="events.SeatReservation.reserved_by",
                    removal=Removal.UNLINK,
                    kept_because="the organisation's reservation, whose seats its members hold",
                    section="seat_reservations_made",
                ),
                Holding(
                    relation="events.CalendarFeed.user",
                    removal=Removal.DELETE,
                    section="calendar_feed",
                ),
                Holding(
                    relation="events.EventPage.trainers",
                    removal=Removal.DELETE,
                    section="trainer_of_events",
                ),
            ],
        )
    ]


@hooks.register("catalogue_closed_items")
def past_events(now: datetime) -> tuple[str, Any]:
    """An event with sessions, all of them over."""
    # Sessions of tracks and circles have no event; NOT IN would fail on their NULL.
    sessions = Session.objects.filter(event__isnull=False)
    return str(_("Past")), EventPage.objects.filter(pk__in=sessions.values("event_id")).exclude(
        pk__in=sessions.filter(ends_at__gte=now).values("event_id")
    ).values("pk")


@hooks.register("municipality_offer")
def sessions_near(request: HttpRequest, municipality: Municipality) -> SafeString:
    """The monitor's page of a municipality: upcoming sessions this portal shows, those held
    in the municipality itself first (the event names it, or the session's place does)."""
    sessions = (
        Session.objects.of_live_events(getattr(request, "region", None))
        .upcoming()
        .select_related("event")
        .annotate(
            is_here=Case(
                When(
                    Q(event__in=EventPage.objects.filter(municipalities=municipality))
                    | Q(place_name__icontains=municipality.name)
                    | Q(address__icontains=municipality.name),
                    then=Value(0),
                ),
                default=Value(1),
            )
        )
        .order_by("is_here", "starts_at", "pk")[:MUNICIPALITY_SESSIONS]
    )
    return render_to_string(
        "events/partials/municipality_sessions.html",
        {"sessions": sessions, "municipality": municipality},
        request=request,
    )


@hooks.register("organisation_panels")
def events_of(request: HttpRequest, organisation: Organisation) -> SafeString:
    """A partner's page: the coming events it organises or makes possible."""
    sessions = Session.objects.of_live_events(getattr(request, "region", None)).upcoming()
    events = (
        EventPage.objects.filter(pk__in=sessions.values("event_id"))
        .filter(Q(organiser=organisation) | Q(co_funders=organisation))
        # The aggregate groups by event, so an event with several co-funders shows once.
        .annotate(next_start=Min("sessions__starts_at", filter=Q(sessions__ends_at__gte=now())))
        .order_by("next_start", "pk")
    )
    return render_to_string(
        "events/partials/organisation_events.html",
        {"events": events, "organisation": organisation},
        request=request,
    )
