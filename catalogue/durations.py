"""Durations as people say them: "45 minuten", "1,5 uur", "3 uur", "2 dagen"."""

from __future__ import annotations

from django.utils.formats import number_format
from django.utils.translation import ngettext


def describe_duration(minutes: int, days: int | None = None) -> str:
    """A training of several days reads in days; an hour or more in whole or half hours
    (rounded, as nobody plans a quarter of an hour within half a day); less in minutes."""
    if days:
        return ngettext("%(days)s day", "%(days)s days", days) % {"days": days}
    if minutes < 60 or (minutes < 180 and minutes % 30):
        return ngettext("%(minutes)s minute", "%(minutes)s minutes", minutes) % {"minutes": minutes}
    halves = round(minutes / 30)
    hours = number_format(halves / 2, decimal_pos=0 if halves % 2 == 0 else 1)
    return ngettext("%(hours)s hour", "%(hours)s hours", 1 if halves == 2 else 2) % {"hours": hours}
