"""Named reads of core's models."""

from __future__ import annotations

from datetime import datetime

from django.db import models


class OutgoingEmailQuerySet(models.QuerySet):
    def unsent(self) -> OutgoingEmailQuerySet:
        """Waiting for an attempt or failed: what editors see in /beheer/."""
        return self.filter(sent_at=None)

    def due(self, now: datetime) -> OutgoingEmailQuerySet:
        return self.filter(sent_at=None, next_attempt_at__lte=now).order_by("next_attempt_at")

    def pending(self) -> OutgoingEmailQuerySet:
        return self.filter(sent_at=None, next_attempt_at__isnull=False)

    def failed(self) -> OutgoingEmailQuerySet:
        return self.filter(sent_at=None, next_attempt_at=None)


class OutgoingMessageQuerySet(models.QuerySet):
    def due(self, now: datetime) -> OutgoingMessageQuerySet:
        return self.filter(sent_at=None, next_attempt_at__lte=now).order_by("next_attempt_at")

    def pending(self) -> OutgoingMessageQuerySet:
        return self.filter(sent_at=None)
