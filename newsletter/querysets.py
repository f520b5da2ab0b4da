from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import Count, Q

from core.models import Region, RegionalPageQuerySet


class SubscriberQuerySet(models.QuerySet):
    def by_email(self, email: str) -> SubscriberQuerySet:
        return self.filter(email=email.strip().lower())

    def confirmed(self) -> SubscriberQuerySet:
        return self.filter(state="confirmed")

    def for_regions(self, regions: Any) -> SubscriberQuerySet:
        """Confirmed subscribers of any of these regions, each once."""
        from .models import Subscriber

        through = Subscriber.regions.through
        ids = through.objects.filter(region__in=regions).values("subscriber_id")
        return self.confirmed().filter(pk__in=ids)

    def of_person(self, user: Any) -> SubscriberQuerySet:
        """The rows about a person: linked to the account, or with one of its addresses."""
        from allauth.account.models import EmailAddress

        emails = [
            user.email,
            *EmailAddress.objects.filter(user=user).values_list("email", flat=True),
        ]
        return self.filter(Q(user=user) | Q(email__in=[e.lower() for e in emails if e]))


class EditionQuerySet(RegionalPageQuerySet):
    def sent(self) -> EditionQuerySet:
        return self.filter(sending__started_at__isnull=False)

    def archive(self, region: Region | None) -> EditionQuerySet:
        """The portal's sent editions, newest first, for the public archive."""
        return (
            self.live()
            .public()
            .for_region(region)
            .sent()
            .select_related("sending")
            .order_by("-sending__started_at")
        )


class DeliveryQuerySet(models.QuerySet):
    def waiting(self) -> DeliveryQuerySet:
        return self.filter(queued_at=None)

    def progress(self, sending: Any) -> dict[str, int]:
        return self.filter(sending=sending).aggregate(
            queued=Count("pk", filter=Q(queued_at__isnull=False, is_skipped=False)),
            skipped=Count("pk", filter=Q(is_skipped=True)),
            waiting=Count("pk", filter=Q(queued_at=None)),
        )
