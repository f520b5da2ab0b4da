"""What a person's learning records say about one item, and what they are in the middle of
(derived, never stored)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from wagtail import hooks
from wagtail.models import Page

from catalogue.models import PracticeAssignmentPage

from .models import BEGUN_VERBS, AssignmentAnswers, LearningRecord, Verb


@dataclass(frozen=True)
class ItemProgress:
    started_at: datetime | None = None
    completed_at: datetime | None = None
    furthest: Decimal | None = None

    @property
    def is_started(self) -> bool:
        return self.started_at is not None

    @property
    def is_completed(self) -> bool:
        return self.completed_at is not None

    @property
    def percentage(self) -> int:
        return int((self.furthest or 0) * 100)


def item_progress(*, user: Any, page: Page) -> ItemProgress:
    """One query over this person's records about the item (and one for a practice
    assignment's draft)."""
    started_at = completed_at = furthest = None
    for verb, progress, timestamp in (
        LearningRecord.objects.of(user)
        .about(page)
        .filter(verb__in=BEGUN_VERBS)
        .order_by("timestamp")
        .values_list("verb", "progress", "timestamp")
    ):
        started_at = started_at or timestamp
        if verb in (Verb.COMPLETED, Verb.ATTENDED):
            completed_at = completed_at or timestamp
        if progress is not None and (furthest is None or progress > furthest):
            furthest = progress
    if started_at is None and isinstance(page, PracticeAssignmentPage):
        started_at = (
            AssignmentAnswers.objects.of(user).filter(page=page).drafted_pages().get(page.pk)
        )
    return ItemProgress(started_at=started_at, completed_at=completed_at, furthest=furthest)


def begun_pages(user: Any) -> dict[int, datetime]:
    """Per page a person began (completed ones included), the moment of their last act on
    it: played, drafted, registered, attended, completed, and what apps above `learning`
    say the person takes part in through the `learning_pages_begun` hook (a function of
    the user returning the same kind of dict; `tracks` gives the tracks of their groups)."""
    begun = LearningRecord.objects.of(user).begun_pages()
    others = [AssignmentAnswers.objects.of(user).drafted_pages()] + [
        pages_of(user) for pages_of in hooks.get_hooks("learning_pages_begun")
    ]
    for pages in others:
        for page_id, moment in pages.items():
            begun[page_id] = max(moment, begun.get(page_id, moment))
    return begun


@dataclass(frozen=True)
class History:
    """What a person completed and began, read once by a page that shows several things
    derived from it (the dashboard: continue, route, recommendations)."""

    completed: set[int]
    begun: dict[int, datetime]

    @property
    def in_progress(self) -> list[int]:
        """The pages begun and not completed, the latest first."""
        latest_first = sorted(self.begun.items(), key=lambda entry: entry[1], reverse=True)
        return [page_id for page_id, _moment in latest_first if page_id not in self.completed]


def history_of(user: Any) -> History:
    return History(
        completed=LearningRecord.objects.of(user).completed_page_ids(), begun=begun_pages(user)
    )
