"""Every change to the action agenda's targets. Editors make the same changes in /beheer/
through Wagtail's forms, which keep the same rules (the model's validators and constraints)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from .models import SpearheadPage, Target, TargetMeasurement


class TargetError(Exception):
    """A change to a target that cannot be made; the message is for the person."""


@transaction.atomic
def create_target(
    *,
    title: str,
    goal_value: Decimal,
    unit: str,
    spearhead: SpearheadPage | None = None,
    deadline: date | None = None,
    is_example: bool = False,
) -> Target:
    if goal_value <= 0:
        raise TargetError(_("A target needs a goal above zero."))
    return Target.objects.create(
        title=title,
        goal_value=goal_value,
        unit=unit,
        spearhead=spearhead,
        deadline=deadline,
        is_example=is_example,
    )


@transaction.atomic
def record_measurement(
    *, target: Target, measured_on: date, value: Decimal, source: str
) -> TargetMeasurement:
    """Where the target stood on a day; a second measurement of the same day replaces the
    first, as it is a correction."""
    if value < 0:
        raise TargetError(_("A measurement cannot be below zero."))
    if not source.strip():
        raise TargetError(_("Say where the figure comes from."))
    measurement, _created = TargetMeasurement.objects.update_or_create(
        target=target, measured_on=measured_on, defaults={"value": value, "source": source}
    )
    return measurement
