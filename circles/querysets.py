"""Every read of circles data. Private data is only reachable through `visible_to(user)`:
a circle's members (active membership) see it; nobody else, editors and superusers
included, so a guessed address gives 404."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

if TYPE_CHECKING:
    from .models import (  # noqa: F401 (named in the QuerySet type parameters)
        Agreement,
        Bottleneck,
        Case,
        Circle,
        CircleEvent,
        Comment,
        Meeting,
        Membership,
    )


def _member_filter(user: Any, prefix: str = "") -> Q:
    return Q(
        **{
            f"{prefix}memberships__user": user,
            f"{prefix}memberships__status": "active",
        }
    )


class CircleQuerySet(models.QuerySet["Circle"]):
    def active(self) -> CircleQuerySet:
        return self.filter(status="active")

    def for_region(self, region: Any) -> CircleQuerySet:
        return self.filter(municipality__region=region)

    def visible_to(self, user: Any) -> CircleQuerySet:
        """The circles the person is an active member (or facilitator) of."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(_member_filter(user)).select_related("municipality__region")

    def listed(self, region: Any) -> CircleQuerySet:
        """The public list of a portal: what the card shows, in a fixed number of queries."""
        return (
            self.active()
            .for_region(region)
            .select_related("municipality")
            .prefetch_related("organisations")
            .annotate(member_count=Count("memberships", filter=Q(memberships__status="active")))
            .order_by("name")
        )

    def with_next_meeting(self) -> CircleQuerySet:
        """Adds `next_meeting_at`: the start of the circle's next meeting, or None."""
        from .models import Meeting

        upcoming = Meeting.objects.filter(
            circle=OuterRef("pk"), session__starts_at__gte=timezone.now()
        ).order_by("session__starts_at")
        return self.annotate(next_meeting_at=Subquery(upcoming.values("session__starts_at")[:1]))


class MeetingQuerySet(models.QuerySet["Meeting"]):
    def visible_to(self, user: Any) -> MeetingQuerySet:
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(_member_filter(user, "circle__")).select_related("session")

    def upcoming(self) -> MeetingQuerySet:
        return (
            self.filter(session__ends_at__gte=timezone.now())
            .select_related("session")
            .order_by("session__starts_at")
        )

    def past(self) -> MeetingQuerySet:
        return (
            self.filter(session__ends_at__lt=timezone.now())
            .select_related("session")
            .order_by("-session__starts_at")
        )


class MembershipQuerySet(models.QuerySet["Membership"]):
    def active(self) -> MembershipQuerySet:
        return self.filter(status="active")

    def requested(self) -> MembershipQuerySet:
        return self.filter(status="requested")

    def facilitators(self) -> MembershipQuerySet:
        return self.active().filter(role="facilitator")

    def with_people(self) -> MembershipQuerySet:
        """With name and organisation; facilitators ("facilitator" < "member") first."""
        return self.select_related("user__profile__organisation").order_by(
            "role", "user__profile__full_name", "user__email"
        )


class CaseQuerySet(models.QuerySet["Case"]):
    def visible_to(self, user: Any) -> CaseQuerySet:
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(_member_filter(user, "circle__")).select_related("circle", "author")

    def of_circle(self, circle: Circle) -> CaseQuerySet:
        return self.filter(circle=circle)

    def listed(self) -> CaseQuerySet:
        return (
            self.select_related("author__profile", "circle")
            .annotate(comment_count=Count("comments"))
            .order_by("-created_at")
        )


class CommentQuerySet(models.QuerySet["Comment"]):
    def with_authors(self) -> CommentQuerySet:
        return self.select_related("author__profile").order_by("created_at")

    def recent_in(self, circle: Circle) -> CommentQuerySet:
        return (
            self.filter(case__circle=circle)
            .select_related("author__profile", "case__circle")
            .order_by("-created_at")
        )


class AgreementQuerySet(models.QuerySet["Agreement"]):
    def visible_to(self, user: Any) -> AgreementQuerySet:
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(_member_filter(user, "circle__"))

    def open(self) -> AgreementQuerySet:
        return self.filter(status__in=["open", "in_progress"])

    def listed(self) -> AgreementQuerySet:
        return (
            self.select_related("follow_up_by__profile")
            .prefetch_related("organisations")
            .order_by("status", "due_on", "pk")
        )


class BottleneckQuerySet(models.QuerySet["Bottleneck"]):
    def visible_to(self, user: Any) -> BottleneckQuerySet:
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(_member_filter(user, "circle__"))

    def shared(self) -> BottleneckQuerySet:
        """What the region sees: shared bottlenecks with their circle or organisation and
        municipality."""
        return (
            self.filter(shared_at__isnull=False)
            .select_related(
                "circle__municipality", "organisation__municipality", "responded_by__profile"
            )
            .order_by(
                "kind",
                Coalesce("circle__municipality__name", "organisation__municipality__name"),
                "-shared_at",
            )
        )

    def for_region(self, region: Any) -> BottleneckQuerySet:
        """A circle's by its municipality; an organisation working region-wide reaches both."""
        return self.filter(
            Q(circle__municipality__region=region)
            | Q(organisation__municipality__region=region)
            | Q(organisation__isnull=False, organisation__municipality__isnull=True)
        )


class CircleEventQuerySet(models.QuerySet["CircleEvent"]):
    def listed(self) -> CircleEventQuerySet:
        return self.select_related("actor__profile", "subject__profile").order_by(
            "-created_at", "-pk"
        )
