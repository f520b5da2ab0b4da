"""Health endpoints for the proxy and the monitoring.

`/gezond/` says the process lives (it answers without touching anything); `/gezond/klaar/`
says whether this installation can do its work: the database, the shared cache and the file
storage answer, the oldest task waiting in the queue waits less than
HEALTH_QUEUE_MAX_WAIT seconds (else no worker runs), and the clock finished a round in the
last HEALTH_CLOCK_MAX_AGE seconds. Both answer JSON with 200 or 503.

Outsiders learn only "ok" or "fout". A request with the header `X-Health-Token` equal to
HEALTH_TOKEN also gets each check with its state and a short reason (seconds, the kind of
error); never personal data, host names or passwords.

The middleware answers before every other middleware, so a probe is not redirected to
HTTPS, needs no allowed host name (a proxy probes by IP address), opens no session, does not
resolve a portal, is never served from or stored in the page cache and counts toward no
rate limit. Every check only reads: a probe every few seconds from each proxy writes nothing.

We did not take django-health-check: its storage and cache checks write (a file, a key) on
every probe, its database check would need our own queue and clock checks beside it anyway,
and answering ahead of the middleware, without host checks, is ours to do all the same.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from core.periodic import last_round

logger = logging.getLogger(__name__)

LIVE_PATH = "/gezond/"
READY_PATH = "/gezond/klaar/"
TOKEN_HEADER = "X-Health-Token"


@dataclass(frozen=True)
class Outcome:
    ok: bool
    reason: str = ""


def check_database() -> Outcome:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:
        # A broken connection is not reused: the next probe connects anew.
        connection.close_if_unusable_or_obsolete()
        return Outcome(False, type(error).__name__)
    return Outcome(True)


def check_cache() -> Outcome:
    try:
        cache.get("health:probe")  # reading a missing key still asks Redis or the table
    except Exception as error:
        return Outcome(False, type(error).__name__)
    return Outcome(True)


def check_storage() -> Outcome:
    location = getattr(default_storage, "location", None)
    try:
        if location is not None and not settings.STORAGES["default"]["BACKEND"].endswith(
            ("s3.S3Storage", "S3Boto3Storage")
        ):
            # Local files: the folder (or, before the first upload, the folder the storage
            # will create it in) must be writable; checked without writing to it.
            folder = Path(location)
            while not folder.exists() and folder != folder.parent:
                folder = folder.parent
            if not (folder.is_dir() and os.access(folder, os.W_OK)):
                return Outcome(False, "media folder not writable")
        else:
            default_storage.exists("health-probe")  # one HEAD request to the bucket
    except Exception as error:
        return Outcome(False, type(error).__name__)
    return Outcome(True)


def check_task_queue() -> Outcome:
    """The oldest task that is due and waits: when a worker runs, it is young."""
    backend = settings.TASKS["default"]["BACKEND"]
    if "django_tasks_db" not in backend and not backend.startswith("operations."):
        return Outcome(True, "no queue: tasks run at once")
    from django_tasks_db.models import DBTaskResult, get_date_max

    try:
        oldest = DBTaskResult.objects.ready().order_by("enqueued_at").first()
    except Exception as error:
        return Outcome(False, type(error).__name__)
    if oldest is None:
        return Outcome(True, "empty")
    due = oldest.enqueued_at
    if oldest.run_after != get_date_max():  # deferred: it waits from the moment it is due
        due = max(due, oldest.run_after)
    waited = timezone.now() - due
    seconds = int(waited.total_seconds())
    return Outcome(waited.total_seconds() < settings.HEALTH_QUEUE_MAX_WAIT, f"{seconds} s")


def check_clock() -> Outcome:
    try:
        last = last_round()
    except Exception as error:
        return Outcome(False, type(error).__name__)
    if last is None:
        return Outcome(False, "no round recorded")
    seconds = int((timezone.now() - last).total_seconds())
    return Outcome(seconds < settings.HEALTH_CLOCK_MAX_AGE, f"{seconds} s ago")


CHECKS: dict[str, Callable[[], Outcome]] = {
    "database": check_database,
    "cache": check_cache,
    "storage": check_storage,
    "task_queue": check_task_queue,
    "clock": check_clock,
}


def _json(data: dict[str, object], *, ok: bool) -> HttpResponse:
    response = HttpResponse(
        json.dumps(data), content_type="application/json", status=200 if ok else 503
    )
    response["Cache-Control"] = "no-store"
    # Django would log every 503 as an error (and the error reports would take each one,
    # every few seconds per proxy); readiness logs its own warning instead.
    response._has_been_logged = True  # type: ignore[attr-defined]
    return response


def _is_insider(request: HttpRequest) -> bool:
    token = settings.HEALTH_TOKEN
    given = request.headers.get(TOKEN_HEADER, "")
    return bool(token) and secrets.compare_digest(given.encode(), token.encode())


def readiness(request: HttpRequest) -> HttpResponse:
    outcomes = {name: check() for name, check in CHECKS.items()}
    ok = all(outcome.ok for outcome in outcomes.values())
    if not ok:
        failing = ", ".join(f"{name} ({o.reason})" for name, o in outcomes.items() if not o.ok)
        logger.warning("Not ready: %s", failing)
    data: dict[str, object] = {"status": "ok" if ok else "fout"}
    if _is_insider(request):
        data["checks"] = {
            name: {"status": "ok" if o.ok else "fout", "detail": o.reason}
            for name, o in outcomes.items()
        }
    return _json(data, ok=ok)


class HealthMiddleware:
    """First in MIDDLEWARE: answers the two health addresses before anything else runs."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        path = request.path_info
        if path not in (LIVE_PATH, READY_PATH):
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            response = HttpResponse(status=405)
            response["Allow"] = "GET, HEAD"
            return response
        if path == LIVE_PATH:
            return _json({"status": "ok"}, ok=True)
        return readiness(request)
