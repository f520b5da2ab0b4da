from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db import models
from django.db.models import Prefetch
from django.utils import timezone

from core.models import RegionalPageQuerySet


class NewsPageQuerySet(RegionalPageQuerySet):
    def listed(self, region: Any) -> NewsPageQuerySet:
        """A portal's published news, newest first, with its image and that image's
        renditions, in a fixed number of queries."""
        from wagtail.images import get_image_model

        renditions = get_image_model().get_rendition_model().objects.all()  # type: ignore[attr-defined]
        return (
            self.live()
            .public()
            .for_region(region)
            .select_related("image")
            .prefetch_related(Prefetch("image__renditions", queryset=renditions))
            .defer_streamfields()
            .order_by("-date", "-pk")
        )


class MessageQuerySet(models.QuerySet):  # type: ignore[type-arg]
    def unanswered(self) -> MessageQuerySet:
        return self.filter(answered_at=None)

    def expired(self, *, days: int) -> MessageQuerySet:
        """Messages older than `days`; what is kept no longer than needed."""
        return self.filter(created_at__lt=timezone.now() - timedelta(days=days))

    def of_person(self, user: Any) -> MessageQuerySet:
        """Sent from the person's account, or before that with the person's address."""
        query = models.Q(user=user)
        if getattr(user, "email", ""):
            query |= models.Q(email__iexact=user.email)
        return self.filter(query)
