from datetime import datetime, time
from io import StringIO
from zoneinfo import ZoneInfo

import time_machine
from django.core.management import call_command

from demo.dates import working_day
from events.models import Session

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def test_a_weekend_day_moves_on_to_the_monday():
    # Monday 7 December 2026: the offsets 5 and 6 are the Saturday and the Sunday.
    with time_machine.travel(datetime(2026, 12, 7, 10, tzinfo=AMSTERDAM)):
        assert working_day(4).isoformat() == "2026-12-11"
        assert working_day(5).isoformat() == "2026-12-14"
        assert working_day(6).isoformat() == "2026-12-14"
        assert working_day(-2).isoformat() == "2026-12-07"


def test_every_demo_session_is_on_a_weekday_within_working_hours(db):
    # A Thursday: the demo's offsets (8, 12, 20 days, ...) land on weekends from here.
    with time_machine.travel(datetime(2026, 12, 3, 10, tzinfo=AMSTERDAM), tick=False):
        call_command("load_demo", stdout=StringIO())
    # Trainings, congres parts, track days, whole cohorts and circle meetings are sessions.
    sessions = list(Session.objects.all())
    assert len(sessions) > 20
    for session in sessions:
        starts = session.starts_at.astimezone(AMSTERDAM)
        ends = session.ends_at.astimezone(AMSTERDAM)
        assert starts.weekday() < 5 and ends.weekday() < 5, (session, starts)
        assert time(9) <= starts.time() and ends.time() <= time(17), (session, starts, ends)
