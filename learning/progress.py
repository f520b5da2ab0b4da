"""What a person's learning records say about one item (derived, never stored)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from wagtail.models import Page

from .models import LearningRecord, Verb


@dataclass(frozen=True)
class ItemProgress:
    started_at: datetime | None = None
    completed_at: datetime | None = None
    furthest: Decimal | None = None

    @property
    def is_completed(self) -> bool:
        return self.completed_at is not None

    @property
    def percentage(self) -> int:
        return int((self.furthest or 0) * 100)


def item_progress(*, user: Any, page: Page) -> ItemProgress:
    """One query over this person's records about the item."""
    started_at = completed_at = furthest = None
    for verb, progress, timestamp in (
        LearningRecord.objects.of(user)
        .about(page)
        .order_by("timestamp")
        .values_list("verb", "progress", "timestamp")
    ):
        started_at = started_at or timestamp
        if verb in (Verb.COMPLETED, Verb.ATTENDED):
            completed_at = completed_at or timestamp
        if progress is not None and (furthest is None or progress > furthest):
            furthest = progress
    return ItemProgress(started_at=started_at, completed_at=completed_at, furthest=furthest)
