"""Every learning record is written here; other apps call `record_statement`.

After a record is written, in the same transaction, every function registered with the
Wagtail hook `learning_record_written` is called with it. Apps above `learning` plug in
there to act on what a person just did: `tracks` checks whether it completes a track.
Nothing is written when a person only looks at a page. With a learning record store
configured, each record also goes there through core's outbox (learning.lrs).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import IntegrityError, models, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Page

from . import lrs
from .models import AssignmentAnswers, LearningRecord, Verb, activity_type_and_id
from .xapi import statements_of


def record_statement(
    *,
    actor: Any,
    verb: Verb,
    activity: models.Model,
    completion: bool | None = None,
    progress: Decimal | float | None = None,
    score: Decimal | float | None = None,
    duration_minutes: int | None = None,
    extensions: dict[str, Any] | None = None,
) -> LearningRecord:
    """Append one record. The context (role, organisation) is taken from the profile now,
    so a later change of job does not rewrite history."""
    record = _append(
        actor=actor,
        verb=verb,
        activity=activity,
        completion=completion,
        progress=progress,
        score=score,
        duration_minutes=duration_minutes,
        extensions=extensions,
    )
    _announce(record)
    return record


def _append(
    *,
    actor: Any,
    verb: Verb,
    activity: models.Model,
    completion: bool | None = None,
    progress: Decimal | float | None = None,
    score: Decimal | float | None = None,
    duration_minutes: int | None = None,
    extensions: dict[str, Any] | None = None,
) -> LearningRecord:
    content_type, object_id = activity_type_and_id(activity)
    profile = getattr(actor, "profile", None)
    record = LearningRecord.objects.create(
        timestamp=timezone.now(),
        actor=actor,
        verb=verb,
        activity_type=content_type,
        activity_id=object_id,
        activity_name=str(getattr(activity, "title", None) or activity)[:255],
        completion=completion,
        progress=None if progress is None else Decimal(str(round(float(progress), 3))),
        score=None if score is None else Decimal(str(score)),
        duration_minutes=duration_minutes,
        role_id=getattr(profile, "role_id", None),
        organisation_id=getattr(profile, "organisation_id", None),
        extensions=extensions or {},
    )
    lrs.queue_record(record)  # in this transaction: the statement exists when the record does
    return record


def _announce(record: LearningRecord) -> None:
    for act_on in hooks.get_hooks("learning_record_written"):
        act_on(record=record)


@transaction.atomic
def record_once(*, actor: Any, verb: Verb, activity: models.Model, **result: Any) -> bool:
    """Record `verb` unless this person already has it for this activity (e.g. a second
    click on "Afgerond"). Returns whether a record was written.

    Two requests at the same moment both find nothing and both insert; for completions the
    constraint `one_completion_per_person_and_activity` refuses the second, which then
    returns False like a later click."""
    existing = LearningRecord.objects.of(actor).about(activity).filter(verb=verb)
    if existing.exists():
        return False
    try:
        with transaction.atomic():
            record = _append(actor=actor, verb=verb, activity=activity, **result)
    except IntegrityError:
        if not existing.exists():
            raise
        return False
    _announce(record)
    return True


class LearningError(Exception):
    """A learning action that is not possible; the message is translated for the person."""


MEDIA_COMPLETION = Decimal("0.9")


def complete_item(*, user: Any, page: Page) -> bool:
    """The "Afgerond" button. Returns False when the item was already completed."""
    return record_once(actor=user, verb=Verb.COMPLETED, activity=page, completion=True)


@transaction.atomic
def record_media_progress(*, user: Any, page: Page, progress: Decimal) -> bool:
    """What the player reports while someone watches or listens: a record only when it is
    further than before, and completion at 90 %. Returns whether the item is completed."""
    if not Decimal(0) <= progress <= Decimal(1):
        raise LearningError(_("Progress must be between 0 and 1."))
    records = LearningRecord.objects.of(user).about(page)
    furthest = records.filter(verb=Verb.PROGRESSED).aggregate(furthest=Max("progress"))["furthest"]
    if furthest is None or progress > furthest:
        record_statement(actor=user, verb=Verb.PROGRESSED, activity=page, progress=progress)
    if progress >= MEDIA_COMPLETION:
        complete_item(user=user, page=page)
        return True
    return records.filter(verb=Verb.COMPLETED).exists()


@transaction.atomic
def save_answers(
    *, user: Any, page: Page, answers: dict[str, str], submit: bool
) -> AssignmentAnswers:
    """Keep a draft, or hand in: handing in needs every question answered and completes the
    assignment. The answers themselves never go into the learning record."""
    own, _created = AssignmentAnswers.objects.select_for_update().get_or_create(
        user=user, page=page
    )
    own.answers = {key: value.strip() for key, value in answers.items()}
    if submit:
        if not all(own.answers.values()):
            raise LearningError(_("Answer every question before you hand in your answers."))
        own.submitted_at = timezone.now()
        record_statement(actor=user, verb=Verb.ANSWERED, activity=page, completion=True)
        complete_item(user=user, page=page)
    own.save()
    return own


def personal_data(*, user: Any, base_url: str) -> dict[str, Any]:
    """The person's learning records as xAPI statements and their answers, for the
    download."""
    return {
        "learning_records": statements_of(user, base_url=base_url),
        "assignment_answers": [
            {
                "assignment": answers.page.title,
                "answers": answers.answers,
                "saved_at": answers.updated_at.isoformat(),
                "submitted_at": answers.submitted_at.isoformat() if answers.submitted_at else None,
            }
            for answers in AssignmentAnswers.objects.of(user).select_related("page")
        ],
    }
