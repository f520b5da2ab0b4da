"""Cases are archived after a configurable number of days and deleted after a configurable
number of months; members see both dates."""

import io
from datetime import date, datetime, timedelta

import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from circles.models import Case
from circles.services import CircleError, add_comment, apply_case_retention

from .factories import make_case

START = datetime(2026, 1, 15, 10, 0, tzinfo=timezone.get_current_timezone())


def test_archive_and_delete_on_their_dates(client, circle, people, settings) -> None:
    settings.CIRCLES_CASE_ARCHIVE_AFTER_DAYS = 30
    settings.CIRCLES_CASE_DELETE_AFTER_MONTHS = 6
    with time_machine.travel(START):
        case = make_case(circle, people["member"])
    assert case.archive_on == date(2026, 2, 14)
    assert case.delete_on == date(2026, 7, 15)
    client.force_login(people["member"])
    html = client.get(case.get_absolute_url()).content.decode()
    assert "14 februari 2026" in html or "14 February 2026" in html

    with time_machine.travel(START + timedelta(days=29)):
        assert apply_case_retention() == (0, 0)
    with time_machine.travel(START + timedelta(days=30)):
        assert apply_case_retention() == (1, 0)
        assert apply_case_retention() == (0, 0)  # idempotent
    case.refresh_from_db()
    assert case.is_archived
    try:
        add_comment(case=case, author=people["member"], text="Nog iets")
    except CircleError:
        pass
    else:
        raise AssertionError("an archived case takes no comments")

    with time_machine.travel(datetime(2026, 7, 14, 12, tzinfo=START.tzinfo)):
        call_command("apply_case_retention", stdout=io.StringIO())
        assert Case.objects.exists()
    with time_machine.travel(datetime(2026, 7, 15, 12, tzinfo=START.tzinfo)):
        assert apply_case_retention() == (0, 1)
    assert not Case.objects.exists()
    assert client.get(reverse("circles:cases", kwargs={"slug": "assen"})).status_code == 200
