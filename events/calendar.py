"""Calendar files (iCalendar, RFC 5545) for sessions: per event, per person (the feed).

`sessions_for_calendar(user)` is the one place that says what belongs in a person's feed;
another app (circles) can add its own sessions by extending it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event
from wagtail import hooks

from .models import Registration, Session

PRODUCT_ID = "-//Leren over armoede//Agenda//NL"


def sessions_for_calendar(user: Any) -> list[Session]:
    """Every session the person has a confirmed seat for. Apps that build on sessions adjust
    the list through the `calendar_sessions` hook (a function of the user and the list that
    returns the new list), e.g. tracks puts the days of a track in place of its one seat."""
    sessions = [registration.session for registration in Registration.objects.for_calendar_of(user)]
    for adjust in hooks.get_hooks("calendar_sessions"):
        sessions = adjust(user, sessions)
    return sessions


def calendar_for(sessions: Iterable[Session], *, name: str, with_online_link: bool) -> bytes:
    """One VEVENT per session. The online link goes only into a participant's calendar."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for session in sessions:
        event = Event()
        event.add("uid", f"session-{session.pk}@leren-over-armoede")
        event.add("dtstamp", timezone.now())
        event.add("dtstart", session.starts_at)
        event.add("dtend", session.ends_at)
        event.add("summary", session.name)
        location = ", ".join(part for part in (session.place_name, session.address) if part)
        description = []
        if session.event:
            description.append(session.event.summary)
        if with_online_link and session.online_url:
            location = location or session.online_url
            description.append(session.online_url)
        if location:
            event.add("location", location)
        if description:
            event.add("description", "\n\n".join(description))
        calendar.add_component(event)
    return calendar.to_ical()
