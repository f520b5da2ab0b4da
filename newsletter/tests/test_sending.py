"""Sending an edition: every confirmed subscriber of its regions exactly once, through
core's outbox, in batches; and a worker killed midway resumed with no duplicates and no
one missed. Run this file on PostgreSQL too: DATABASE_URL=postgres://… pytest <file>."""

from collections import Counter
from datetime import timedelta
from email import message_from_bytes

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives

from core.models import OutgoingEmail

from .. import services
from ..models import Delivery, Sending, Subscriber
from .factories import create_subscriber, create_subscribers

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _small_batches(settings, outbox_mail):
    settings.NEWSLETTER_BATCH_SIZE = 10


def test_sends_each_subscriber_of_the_regions_once(
    edition, groningen, drenthe, django_capture_on_commit_callbacks
):
    readers = create_subscribers(25, [groningen.region])
    create_subscriber("drenthe@example.org", [drenthe.region])
    create_subscriber("wacht@example.org", [groningen.region], state=Subscriber.State.PENDING)
    with django_capture_on_commit_callbacks(execute=True):
        sending = services.start_sending(edition=edition)
    assert sending.total == 25
    assert sorted(m.to[0] for m in mail.outbox) == sorted(r.email for r in readers)
    sending.refresh_from_db()
    assert sending.finished_at is not None
    assert not Delivery.objects.waiting().exists()
    assert (
        OutgoingEmail.objects.filter(kind="newsletter.edition", sent_at__isnull=False).count() == 25
    )


def test_an_edition_has_one_click_unsubscribe_headers_html_and_plain_text(
    edition, groningen, django_capture_on_commit_callbacks
):
    create_subscriber("ans@example.org", [groningen.region])
    with django_capture_on_commit_callbacks(execute=True):
        services.start_sending(edition=edition)
    (message,) = mail.outbox
    parsed = message_from_bytes(message.message().as_bytes())
    link = parsed["List-Unsubscribe"].replace("\n", "").strip()  # unfolded
    assert link.startswith("<http://groningen.localhost/nieuwsbrief/afmelden/")
    assert parsed["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert link[1:-1] in message.body
    assert isinstance(message, EmailMultiAlternatives)
    html, mimetype = str(message.alternatives[0][0]), message.alternatives[0][1]
    assert mimetype == "text/html"
    assert link[1:-1] in html and '<html lang="nl">' in html and "<img" not in html
    assert "Dit is er nieuw in de leeromgeving." in message.body


def test_someone_who_leaves_after_the_start_is_skipped(
    edition, groningen, django_capture_on_commit_callbacks
):
    readers = create_subscribers(15, [groningen.region])
    sending = services.start_sending(edition=edition)  # the batches wait for the commit
    services.unsubscribe(subscriber=readers[-1])
    with django_capture_on_commit_callbacks(execute=True):
        services.continue_sendings()
    assert len(mail.outbox) == 14
    assert Delivery.objects.get(subscriber=readers[-1]).is_skipped
    assert Delivery.objects.progress(sending) == {"queued": 14, "skipped": 1, "waiting": 0}


def test_an_edition_is_sent_once(edition, groningen):
    services.start_sending(edition=edition)
    with pytest.raises(services.NewsletterError, match="al verstuurd"):
        services.start_sending(edition=edition)


def test_only_the_published_version_is_sent(edition):
    edition.intro = "Nieuwe tekst"
    edition.save_revision()
    with pytest.raises(services.NewsletterError, match="Publiceer"):
        services.start_sending(edition=edition)


class WorkerKilled(Exception):
    """Stands for the worker dying: its open transaction is rolled back, as the database
    does when a process's connection drops."""


def test_a_killed_worker_is_resumed_without_duplicates_or_misses(
    edition, groningen, monkeypatch, django_capture_on_commit_callbacks
):
    readers = create_subscribers(35, [groningen.region])
    real_queue_email = services.queue_email
    calls = 0

    def dies_in_the_second_batch(message, **options):
        nonlocal calls
        calls += 1
        if calls == 15:  # midway through the second batch of ten
            raise WorkerKilled
        return real_queue_email(message, **options)

    monkeypatch.setattr(services, "queue_email", dies_in_the_second_batch)
    with django_capture_on_commit_callbacks(execute=True):
        sending = services.start_sending(edition=edition)
    # The first batch went out; the second left nothing behind, and the chain stopped.
    assert len(mail.outbox) == 10
    assert Delivery.objects.filter(sending=sending, queued_at__isnull=False).count() == 10
    assert OutgoingEmail.objects.filter(kind="newsletter.edition").count() == 10
    sending.refresh_from_db()
    assert sending.finished_at is None

    # The clock finds the unfinished sending and goes on where it stopped.
    monkeypatch.setattr(services, "queue_email", real_queue_email)
    with django_capture_on_commit_callbacks(execute=True):
        services.continue_sendings()
        services.continue_sendings()  # a second run finds nothing more to do
    received = Counter(m.to[0] for m in mail.outbox)
    assert received == Counter({reader.email: 1 for reader in readers})
    assert OutgoingEmail.objects.filter(kind="newsletter.edition").count() == 35
    sending.refresh_from_db()
    assert sending.finished_at is not None


def test_a_batch_task_started_twice_sends_nothing_twice(
    edition, groningen, django_capture_on_commit_callbacks
):
    create_subscribers(12, [groningen.region])
    sending = services.start_sending(edition=edition)
    assert services.send_batch(sending_id=sending.pk) == 10
    assert services.send_batch(sending_id=sending.pk) == 2
    assert services.send_batch(sending_id=sending.pk) == 0
    assert Delivery.objects.filter(sending=sending).count() == 12
    assert OutgoingEmail.objects.filter(kind="newsletter.edition").count() == 12
    assert Sending.objects.get(pk=sending.pk).finished_at is not None


def test_scheduled_sending_starts_on_the_clock(
    edition, groningen, django_capture_on_commit_callbacks
):
    import time_machine
    from django.utils import timezone

    create_subscriber("ans@example.org", [groningen.region])
    at = timezone.now() + timedelta(hours=2)
    services.schedule_sending(edition=edition, at=at)
    with django_capture_on_commit_callbacks(execute=True):
        services.continue_sendings()
    assert not mail.outbox
    with (
        time_machine.travel(at + timedelta(minutes=1)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.continue_sendings()
    assert [m.to for m in mail.outbox] == [["ans@example.org"]]


def test_test_to_myself_sends_the_draft_to_the_editor_only(
    edition, groningen, django_capture_on_commit_callbacks
):
    from events.tests.factories import create_user

    create_subscriber("ans@example.org", [groningen.region])
    editor = create_user("redacteur")
    edition.intro = "Concepttekst"
    edition.save_revision()
    with django_capture_on_commit_callbacks(execute=True):
        services.send_test(edition=edition, user=editor)
    (message,) = mail.outbox
    assert message.to == ["redacteur@example.org"]
    assert message.subject.startswith("[Test]")
    assert "Concepttekst" in message.body
    assert not Sending.objects.filter(started_at__isnull=False).exists()
