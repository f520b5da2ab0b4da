"""Every learning record is written here; other apps call `record_statement`."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from .models import LearningRecord, Verb, activity_type_and_id


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
    content_type, object_id = activity_type_and_id(activity)
    profile = getattr(actor, "profile", None)
    return LearningRecord.objects.create(
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


@transaction.atomic
def record_once(*, actor: Any, verb: Verb, activity: models.Model, **result: Any) -> bool:
    """Record `verb` unless this person already has it for this activity (e.g. a second
    click on "Afgerond"). Returns whether a record was written."""
    if LearningRecord.objects.of(actor).about(activity).filter(verb=verb).exists():
        return False
    record_statement(actor=actor, verb=verb, activity=activity, **result)
    return True
