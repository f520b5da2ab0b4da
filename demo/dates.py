"""Dates for the demo: relative to the day it is loaded, yet always on a working day."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone


def working_day(offset: int) -> date:
    """The day `offset` days from today, moved on to the Monday if it is a Saturday or a
    Sunday: trainings, track days and meetings happen on weekdays."""
    day = timezone.localdate() + timedelta(days=offset)
    if day.weekday() >= 5:
        day += timedelta(days=7 - day.weekday())
    return day


def at(day: date, hour: int, minute: int = 0) -> datetime:
    """The moment on `day` at the given local (Europe/Amsterdam) time."""
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))
