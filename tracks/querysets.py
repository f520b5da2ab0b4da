"""Every read of cohorts and certificates, each with the joins it needs."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.db import models
from django.db.models import Exists, OuterRef
from django.utils import timezone

from events.querysets import SessionQuerySet

if TYPE_CHECKING:
    from core.models import Region


class CohortQuerySet(SessionQuerySet):
    """Cohorts are sessions, so events' `with_seat_counts()` counts their seats."""

    def of_live_tracks(self, region: Region | None) -> CohortQuerySet:
        from .models import TrackPage

        tracks = TrackPage.objects.live().public().for_region(region)  # type: ignore[attr-defined]
        return self.filter(track__in=tracks.values("pk"))

    def not_started(self, now: datetime | None = None) -> CohortQuerySet:
        """Cohorts whose first day is still to come: the ones people can register for."""
        return self.filter(starts_at__gt=now or timezone.now())

    def open_for_registration(self, now: datetime | None = None) -> CohortQuerySet:
        """What `Cohort.is_open_for_registration` says, as a filter; a group whose
        registration is still to open counts as open, as it is coming."""
        now = now or timezone.now()
        return self.not_started(now).filter(
            models.Q(registration_closes_at__isnull=True) | models.Q(registration_closes_at__gt=now)
        )

    def not_finished(self, now: datetime | None = None) -> CohortQuerySet:
        """Cohorts with a day still to come or going on."""
        from .models import CohortDay

        later_days = CohortDay.objects.filter(
            cohort=OuterRef("pk"), ends_at__gte=now or timezone.now()
        )
        return self.filter(Exists(later_days))

    def for_listing(self) -> CohortQuerySet:
        """With the seats taken and the days in order (a fixed number of queries)."""
        from .models import CohortDay

        return (
            self.with_seat_counts()  # type: ignore[return-value]
            .select_related("track")
            .prefetch_related(
                models.Prefetch(
                    "days",
                    queryset=CohortDay.objects.select_related("track_day"),
                    to_attr="planned_days",
                )
            )
            .order_by("starts_at", "pk")
        )

    def managed_by(self, user: Any) -> CohortQuerySet:
        """Cohorts whose attendance this person records: editors all, trainers theirs."""
        if not user.is_authenticated:
            return self.none()
        if user.has_perm("tracks.change_cohort"):
            return self
        return self.filter(track__trainers=user)

    def overseen_by(self, user: Any) -> CohortQuerySet:
        """Cohorts whose progress matrix this person may read: editors (staff) only."""
        if not (user.is_authenticated and user.is_staff and user.has_perm("tracks.view_cohort")):
            return self.none()
        return self


class CertificateQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> CertificateQuerySet:
        """A person's own certificates; nobody downloads another's."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(user=user)

    def by_code(self, code: str) -> CertificateQuerySet:
        from .models import normalise_code

        return self.filter(code=normalise_code(code))
