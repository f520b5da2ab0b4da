from datetime import timedelta
from unittest import mock

import pytest
import time_machine
from django.utils import timezone

from core.periodic import PeriodicJob, hold_clock_lease, release_clock_lease, run_due_jobs


@pytest.fixture
def jobs():
    calls: list[str] = []

    def broken() -> None:
        calls.append("broken")
        raise RuntimeError("mail server down")

    provided = [
        PeriodicJob("often", timedelta(minutes=5), lambda: calls.append("often")),
        PeriodicJob("daily", timedelta(days=1), lambda: calls.append("daily")),
        PeriodicJob("broken", timedelta(minutes=5), broken),
    ]
    # Only these jobs: the apps' own jobs are tested in their apps.
    with mock.patch("core.periodic.hooks.get_hooks", return_value=[lambda: provided]):
        yield calls


def test_jobs_run_when_their_interval_has_passed(jobs):
    start = timezone.now()
    assert run_due_jobs(now=start) == ["often", "daily"]
    assert run_due_jobs(now=start + timedelta(minutes=1)) == []
    assert run_due_jobs(now=start + timedelta(minutes=6)) == ["often"]
    assert run_due_jobs(now=start + timedelta(days=1)) == ["often", "daily"]


def test_a_failing_job_is_tried_again_and_does_not_stop_the_others(jobs):
    start = timezone.now()
    run_due_jobs(now=start)
    run_due_jobs(now=start + timedelta(minutes=1))
    assert jobs.count("broken") == 2, "not marked as run, so tried at the next round"
    assert jobs.count("often") == 1


def test_one_clock_holds_the_lease_and_another_takes_over_when_it_ends():
    assert hold_clock_lease(holder="host-a:1", seconds=180)
    assert not hold_clock_lease(holder="host-b:2", seconds=180), "a second clock stands by"
    assert hold_clock_lease(holder="host-a:1", seconds=180), "the holder renews"
    release_clock_lease(holder="host-b:2")  # not its lease: nothing happens
    assert not hold_clock_lease(holder="host-b:2", seconds=180)
    release_clock_lease(holder="host-a:1")
    assert hold_clock_lease(holder="host-b:2", seconds=180)


def test_a_lease_whose_holder_died_runs_out():
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        assert hold_clock_lease(holder="host-a:1", seconds=180)
        traveller.shift(timedelta(seconds=179))
        assert not hold_clock_lease(holder="host-b:2", seconds=180)
        traveller.shift(timedelta(seconds=2))
        assert hold_clock_lease(holder="host-b:2", seconds=180)
