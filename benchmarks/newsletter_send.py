"""Speed of sending a newsletter edition to many subscribers.

    .venv/bin/python benchmarks/newsletter_send.py [--subscribers 10000] [--batch 200]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsletter \
        .venv/bin/python benchmarks/newsletter_send.py

Builds a throw-away database (SQLite in a temporary folder; PostgreSQL when DATABASE_URL
points at a server, in a database of its own that is dropped afterwards) with two portals,
one published edition and --subscribers confirmed subscribers. Then, as a worker does:
starts the sending (one delivery row per subscriber), runs the batches one after another
(each renders the edition, puts a message per subscriber in core's outbox with its own
unsubscribe link, marks its deliveries, and enqueues the outbox's delivery tasks in the
database queue) and prints the time to start, the median and 95th percentile per batch and
the total; then it delivers the whole outbox into Django's in-memory mail backend, one
message per `deliver_email` call as the worker does, and prints that time too. Wall-clock
times on this machine, which other work shares.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
os.environ["DEBUG"] = "false"
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.mkdtemp()}/benchmark.sqlite3")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.core import mail  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import override_settings  # noqa: E402
from wagtail.models import Page  # noqa: E402

from core.models import OutgoingEmail  # noqa: E402
from core.tasks import deliver_email  # noqa: E402
from core.tests.factories import create_portal, shared_root  # noqa: E402
from newsletter import services  # noqa: E402
from newsletter.tests.factories import (  # noqa: E402
    create_edition,
    create_newsletter_page,
    create_subscribers,
)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * len(ordered)))]


def run(subscribers: int) -> None:
    Page.objects.filter(depth=2).delete()
    groningen = create_portal("groningen", default=True)
    drenthe = create_portal("drenthe")
    regions = [groningen.region, drenthe.region]
    index = create_newsletter_page(shared_root(), regions)
    edition = create_edition(index, regions)
    create_subscribers(subscribers, [groningen.region])

    start = time.perf_counter()
    sending = services.start_sending(edition=edition)
    started = time.perf_counter() - start

    batches: list[float] = []
    while True:
        begin = time.perf_counter()
        count = services.send_batch(sending_id=sending.pk)
        if not count:
            break
        batches.append(time.perf_counter() - begin)
    queued = sum(batches)
    sending.refresh_from_db()
    assert sending.finished_at is not None
    assert OutgoingEmail.objects.filter(kind="newsletter.edition").count() == subscribers

    with override_settings(TASK_EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        mail.outbox = []
        begin = time.perf_counter()
        for email_id in OutgoingEmail.objects.order_by("pk").values_list("pk", flat=True):
            deliver_email.call(email_id=email_id)
        delivered = time.perf_counter() - begin
    assert len(mail.outbox) == subscribers
    assert len({message.to[0] for message in mail.outbox}) == subscribers

    print(f"{subscribers} subscribers on {connection.vendor}, batches of {services.batch_size()}")
    print(f"start (delivery rows):        {started:8.2f} s")
    print(
        f"batches into the outbox:      {queued:8.2f} s in {len(batches)} batches "
        f"(median {statistics.median(batches) * 1000:.0f} ms, "
        f"p95 {percentile(batches, 0.95) * 1000:.0f} ms per batch; "
        f"{subscribers / queued:.0f} messages/s)"
    )
    print(
        f"outbox to the mail backend:   {delivered:8.2f} s "
        f"({subscribers / delivered:.0f} messages/s, one transaction per message)"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=200)
    args = parser.parse_args()
    settings.NEWSLETTER_BATCH_SIZE = args.batch
    database = settings.DATABASES["default"]
    database["TEST"]["NAME"] = (
        database["NAME"] if connection.vendor == "sqlite" else "benchmark_newsletter"
    )
    original_name = connection.creation.create_test_db(
        verbosity=0, autoclobber=True, serialize=False
    )
    try:
        run(args.subscribers)
    finally:
        connection.creation.destroy_test_db(original_name, verbosity=0)


if __name__ == "__main__":
    main()
