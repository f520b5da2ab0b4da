import time
from io import StringIO
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from demo import reports as reports_demo
from reports import figures
from reports.access import audience_of


def test_the_demo_year_shows_in_the_reports(db: Any, monkeypatch: Any) -> None:
    took: list[float] = []
    load = reports_demo.load

    def timed(**kwargs: Any) -> int:
        start = time.monotonic()
        created = load(**kwargs)
        took.append(time.monotonic() - start)
        return created

    monkeypatch.setattr(reports_demo, "load", timed)
    call_command("load_demo", stdout=StringIO())
    assert took[0] < 20, "a year of example activity loads in seconds"
    today = timezone.localdate()
    report = figures.build(figures.Criteria(start=today.replace(year=today.year - 1), end=today))
    summary = {row.label: row.figure for row in report.summary}
    assert (summary["Bereikte mensen"].value or 0) >= 25
    assert (summary["Behaalde accreditatiepunten"].value or 0) > 0
    assert (summary["Keren aanwezig"].value or 0) > 0
    assert report.questions and report.questions[0].average.value
    assert {breakdown.key for breakdown in report.breakdowns if breakdown.rows} == {
        "sectors",
        "roles",
        "municipalities",
        "learning_forms",
    }
    # The demo's readers: a coordinator and Groningen's funder.
    funder = get_user_model().objects.get(username=reports_demo.FUNDER)
    assert [region.slug for region in audience_of(funder).regions] == ["groningen"]  # type: ignore[union-attr]
    # Again: nothing added.
    assert reports_demo.load(editor=None) == 0
