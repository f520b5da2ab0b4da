"""A worker process killed with SIGKILL in the middle of a batch, its transaction open:
the database rolls the batch back, and the clock's resume sends everyone exactly once.
Marked `concurrency` (a real second process), so it runs on PostgreSQL or on a file SQLite
database (TEST_SQLITE_FILE), as `make test` runs those."""

import os
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from core.models import OutgoingEmail
from core.tests.factories import create_portal, shared_root
from core.tests.test_shared_cache import database_url

from .. import services
from ..models import Delivery
from .factories import create_edition, create_newsletter_page, create_subscribers

ROOT = Path(__file__).resolve().parents[2]
DUMMY = "django_tasks.backends.dummy.DummyBackend"

pytestmark = [
    pytest.mark.concurrency,
    pytest.mark.skipif(
        connection.vendor == "sqlite" and not connection.settings_dict["TEST"].get("NAME"),
        reason="needs PostgreSQL or a file SQLite test database: TEST_SQLITE_FILE=<path>",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# The worker: one whole batch, then a second one that stops after five messages, says so,
# and waits (its transaction open) until it is killed.
WORKER = """
import sys
import django

django.setup()
from newsletter import services

sending_id = int(sys.argv[1])
services.send_batch(sending_id=sending_id)
real_queue_email = services.queue_email
calls = 0

def queue_then_hang(message, **options):
    global calls
    calls += 1
    if calls == 5:
        print("midway", flush=True)
        sys.stdin.read()
    return real_queue_email(message, **options)

services.queue_email = queue_then_hang
services.send_batch(sending_id=sending_id)
"""


def test_a_worker_killed_inside_a_batch_is_resumed_without_duplicates_or_misses(
    settings, django_capture_on_commit_callbacks
):
    settings.NEWSLETTER_BATCH_SIZE = 10
    groningen = create_portal("groningen", default=True)
    index = create_newsletter_page(shared_root(), [groningen.region])
    edition = create_edition(index, [groningen.region])
    readers = create_subscribers(35, [groningen.region])
    # The batches are the worker's: the first task goes to a queue nobody runs.
    with override_settings(TASKS={"default": {"BACKEND": DUMMY}}):
        sending = services.start_sending(edition=edition)

    # The worker's settings cache in the database, as every process of `make run` does.
    with override_settings(CACHES={"default": settings.SHARED_CACHE}):
        call_command("createcachetable", verbosity=0)
    worker = subprocess.Popen(
        [sys.executable, "-c", WORKER, str(sending.pk)],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.dev",
            "DEBUG": "false",
            "DATABASE_URL": database_url(),
            "NEWSLETTER_BATCH_SIZE": "10",
        },
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert worker.stdout is not None and worker.stderr is not None
    said = worker.stdout.readline().strip()
    assert said == "midway", worker.stderr.read()
    worker.send_signal(signal.SIGKILL)
    worker.wait()

    # The first batch is in the outbox; of the second nothing is left.
    assert Delivery.objects.filter(sending=sending, queued_at__isnull=False).count() == 10
    assert OutgoingEmail.objects.filter(kind="newsletter.edition").count() == 10

    with django_capture_on_commit_callbacks(execute=True):
        services.continue_sendings()
    recipients = Counter(
        OutgoingEmail.objects.filter(kind="newsletter.edition").values_list("recipients", flat=True)
    )
    assert recipients == Counter({reader.email: 1 for reader in readers})
    sending.refresh_from_db()
    assert sending.finished_at is not None
