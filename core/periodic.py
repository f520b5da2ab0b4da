"""Jobs that must run on a clock (reminders, expiring offers, retention, digests).

django-tasks runs work that is enqueued but has no scheduler, so apps register their
periodic jobs with the Wagtail hook `periodic_jobs` (a function returning `PeriodicJob`s) and
one process runs `manage.py run_periodic_jobs --loop` (started by `make run`). Every job must
be idempotent: after a restart a job may run again sooner than its interval.

Started on several hosts, one clock runs the jobs: it holds a lease in the shared cache
(Redis, or the database's cache table; both add a key atomically) and renews it every
round; the others wait, and one of them takes over when the lease runs out, a few rounds
after its holder stopped or at once when the holder stops cleanly.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.cache import cache
from django.utils import timezone
from wagtail import hooks

logger = logging.getLogger(__name__)

# When the clock last finished a round, in the shared cache, so every web process can tell
# whether the clock runs (operations.health): one key, written once a minute.
LAST_ROUND_KEY = "periodic-jobs:last-round"


LEASE_KEY = "periodic-clock-lease"


def hold_clock_lease(*, holder: str, seconds: int) -> bool:
    """Whether this holder is the installation's clock for the next `seconds`: it takes the
    lease when nobody holds it and renews its own."""
    if cache.add(LEASE_KEY, holder, timeout=seconds):
        return True
    # Renew only our own; between the read and the renewal the lease would have to run out
    # and be taken, which the lease's length (several rounds) makes a non-event.
    return cache.get(LEASE_KEY) == holder and cache.touch(LEASE_KEY, timeout=seconds)


def release_clock_lease(*, holder: str) -> None:
    """Let another host's clock take over at once (a clean stop)."""
    if cache.get(LEASE_KEY) == holder:
        cache.delete(LEASE_KEY)


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    every: timedelta
    run: Callable[[], object]


def registered_jobs() -> list[PeriodicJob]:
    return [job for provide in hooks.get_hooks("periodic_jobs") for job in provide()]


def run_due_jobs(*, now: datetime | None = None) -> list[str]:
    """Run every job whose interval has passed since its last run; a failing job is logged
    and tried again at the next round, the others go on. Returns the names that ran."""
    now = now or timezone.now()
    ran = []
    for job in registered_jobs():
        key = f"periodic-job:{job.name}"
        last_run = cache.get(key)
        if last_run is not None and now - last_run < job.every:
            continue
        try:
            job.run()
        except Exception:
            logger.exception("Periodic job %s failed", job.name)
            continue
        cache.set(key, now, timeout=None)
        ran.append(job.name)
    cache.set(LAST_ROUND_KEY, now, timeout=None)
    return ran


def last_round() -> datetime | None:
    """When the clock last went through the jobs (None: not since the cache was emptied)."""
    return cache.get(LAST_ROUND_KEY)
