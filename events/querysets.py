"""Every read of sessions and registrations, each with the joins it needs."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.db import models
from django.db.models import Count, Expression, OuterRef, Prefetch, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

if TYPE_CHECKING:
    from core.models import Region

# The values of RegistrationState that hold a seat (see models.SEAT_STATES); spelled out
# here because models imports this module.
SEAT_STATE_VALUES = ("confirmed", "offered", "attended", "partly", "no_show")


def taken_seats() -> Expression:
    """The seats of a session nobody else can have, as an annotation of sessions: every
    registration holding a seat, and the seats organisations still hold in reserve. A
    reservation not yet released counts all its seats (its assigned registrations are among
    them, never more: events.reservations sees to it); a released one only those it
    assigned, as ordinary registrations. The one definition of free seats: pages, API,
    admin and the services that place people under the session's lock all count this."""
    from .models import SeatReservation

    reserved = (
        SeatReservation.objects.filter(session=OuterRef("pk"), released_at__isnull=True)
        .values("session")
        .annotate(total=Sum("seats"))
        .values("total")
    )
    outside_reservations = Q(registrations__reservation__isnull=True) | Q(
        registrations__reservation__released_at__isnull=False
    )
    return Count(
        "registrations",
        filter=Q(registrations__state__in=SEAT_STATE_VALUES) & outside_reservations,
    ) + Coalesce(Subquery(reserved), 0)


class SessionQuerySet(models.QuerySet):
    def with_seat_counts(self) -> SessionQuerySet:
        """Adds `taken_seats` (see taken_seats()) and `waiting_count` in the same query."""
        return self.annotate(
            taken_seats=taken_seats(),
            waiting_count=Count("registrations", filter=Q(registrations__state="waiting")),
        )

    def with_events(self) -> SessionQuerySet:
        """Each session's event, with what lists show of it, in a query of its own: grouping
        the seat counts by every column of a page as well costs more than that query."""
        from .models import EventPage

        fields = ("title", "slug", "kind", "url_path", "path", "depth", "locale_id")
        return self.prefetch_related(Prefetch("event", queryset=EventPage.objects.only(*fields)))

    def of_live_events(self, region: Region | None) -> SessionQuerySet:
        """Sessions of the published events a portal shows."""
        from .models import EventPage

        events = EventPage.objects.live().public().for_region(region)  # type: ignore[attr-defined]
        return self.filter(event__in=events.values("pk"))

    def upcoming(self, now: datetime | None = None) -> SessionQuerySet:
        return self.filter(ends_at__gte=now or timezone.now())

    def past(self, now: datetime | None = None) -> SessionQuerySet:
        return self.filter(ends_at__lt=now or timezone.now())

    def managed_by(self, user: Any) -> SessionQuerySet:
        """Sessions whose participants this person may see: editors all, trainers theirs."""
        if not user.is_authenticated:
            return self.none()
        # Sessions without an event (track days, circle meetings) are managed by their
        # own app with its own rights.
        if user.has_perm("events.change_registration"):
            return self.filter(is_private=False, event__isnull=False)
        return self.filter(event__trainers=user, is_private=False)


class RegistrationQuerySet(models.QuerySet):
    def of(self, user: Any) -> RegistrationQuerySet:
        """A person's own registrations; nobody reads another's through the site."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(user=user)

    def visible_to(self, user: Any) -> RegistrationQuerySet:
        """Own registrations, and for editors and trainers those of their sessions."""
        if not user.is_authenticated:
            return self.none()
        from .models import Session

        managed = Session.objects.managed_by(user).values("pk")
        return self.filter(Q(user=user) | Q(session__in=managed)).select_related(
            "session__event", "user"
        )

    def for_editors(self) -> RegistrationQuerySet:
        """What /beheer/ lists: not the registrations of private sessions (circle meetings)."""
        return self.filter(session__is_private=False)

    def holding_seats(self) -> RegistrationQuerySet:
        return self.filter(state__in=SEAT_STATE_VALUES)

    def active(self) -> RegistrationQuerySet:
        return self.exclude(state="cancelled")

    def waiting_list(self) -> RegistrationQuerySet:
        """The queue, first in line first."""
        return self.filter(state="waiting").order_by("waiting_since", "pk")

    def upcoming_for(self, user: Any, now: datetime | None = None) -> RegistrationQuerySet:
        """A person's registrations for sessions still to come, soonest first (dashboard)."""
        return (
            self.of(user)
            .filter(session__ends_at__gte=now or timezone.now())
            .exclude(state="cancelled")
            .select_related("session__event")
            .order_by("session__starts_at", "pk")
        )

    def for_calendar_of(self, user: Any) -> RegistrationQuerySet:
        """What goes in a person's calendar feed: every session they have a seat for."""
        return (
            self.of(user)
            .filter(state__in=("confirmed", "attended", "partly"))
            .select_related("session__event")
            .order_by("session__starts_at")
        )

    def for_participant_list(self) -> RegistrationQuerySet:
        return self.select_related("user__profile", "role").order_by("name", "pk")


class SeatReservationQuerySet(models.QuerySet):
    def of_organisation(self, organisation_id: int) -> SeatReservationQuerySet:
        """An organisation's reservations, with the seats assigned (one query)."""
        return (
            self.filter(organisation_id=organisation_id)
            .select_related("session__event")
            .annotate(
                assigned=Count(
                    "registrations", filter=Q(registrations__state__in=SEAT_STATE_VALUES)
                )
            )
        )

    def due_for_release(self, now: datetime) -> SeatReservationQuerySet:
        """Past their deadline with their open seats still held."""
        return self.filter(released_at__isnull=True, deadline__lte=now)


class CalendarFeedQuerySet(models.QuerySet):
    def by_token(self, token: str) -> CalendarFeedQuerySet:
        return self.filter(token=token).select_related("user")

    def of(self, user: Any) -> CalendarFeedQuerySet:
        """A person's own feed; nobody reads another's address."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(user=user)
