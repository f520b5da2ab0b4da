"""The outbox for other systems (core.outbox): written with the change, delivered on commit
through the channel an app registers, retried with back-off for as long as it takes."""

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail import hooks

from core.models import OutgoingMessage
from core.outbox import queue_message
from core.tasks import MAX_DELAY, deliver_message, send_due_messages

pytestmark = pytest.mark.django_db


class Receiver:
    """A system elsewhere that stores each key once, and can be down."""

    def __init__(self) -> None:
        self.is_up = True
        self.stored: dict[str, dict[str, Any]] = {}
        self.calls = 0

    def deliver(self, payload: dict[str, Any]) -> None:
        self.calls += 1
        if not self.is_up:
            raise ConnectionError("receiver is down")
        self.stored[payload["key"]] = payload


@pytest.fixture
def receivers():
    found = {"test.one": Receiver(), "test.two": Receiver()}
    with hooks.register_temporarily(
        "outbox_channels", lambda: {name: r.deliver for name, r in found.items()}
    ):
        yield found


def queue(channel: str, key: str) -> OutgoingMessage:
    return queue_message(channel=channel, key=key, payload={"key": key})


def test_a_message_is_delivered_when_its_change_commits(
    receivers, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        message = queue("test.one", "a")
        assert receivers["test.one"].stored == {}
    message.refresh_from_db()
    assert message.sent_at is not None and message.next_attempt_at is None
    assert receivers["test.one"].stored == {"a": {"key": "a"}}
    assert deliver_message.call(message_id=message.pk) is False  # delivered once
    assert receivers["test.one"].calls == 1


def test_a_change_that_rolls_back_leaves_no_message(receivers):
    with pytest.raises(RuntimeError), transaction.atomic():
        queue("test.one", "a")
        raise RuntimeError
    assert not OutgoingMessage.objects.exists()
    assert receivers["test.one"].calls == 0


def test_a_receiver_that_is_down_gets_it_later_and_it_never_gives_up(
    receivers, django_capture_on_commit_callbacks
):
    receivers["test.one"].is_up = False
    with django_capture_on_commit_callbacks(execute=True):
        message = queue("test.one", "a")
    message.refresh_from_db()
    assert (message.attempts, message.last_error) == (1, "ConnectionError: receiver is down")
    assert message.next_attempt_at is not None
    assert message.next_attempt_at - timezone.now() > timedelta(minutes=1)
    assert send_due_messages() == 0  # not due yet: not even tried
    assert receivers["test.one"].calls == 1

    for _attempt in range(20):
        tried_at = message.next_attempt_at + timedelta(seconds=1)
        with time_machine.travel(tried_at, tick=False):
            send_due_messages()
        message.refresh_from_db()
    assert message.attempts == 21
    # Still waiting after days of outage, MAX_DELAY apart.
    assert message.next_attempt_at - tried_at == MAX_DELAY

    receivers["test.one"].is_up = True
    with time_machine.travel(message.next_attempt_at + timedelta(seconds=1)):
        assert send_due_messages() == 1
    message.refresh_from_db()
    assert message.sent_at is not None and message.last_error == ""


def test_the_clock_stops_at_a_channel_that_fails_and_goes_on_with_others(
    receivers, django_capture_on_commit_callbacks
):
    receivers["test.one"].is_up = False
    with django_capture_on_commit_callbacks(execute=False):
        for key in "abc":
            queue("test.one", key)
            queue("test.two", key)
    assert send_due_messages() == 3
    assert receivers["test.one"].calls == 1  # one time-out per round, not one per message
    assert set(receivers["test.two"].stored) == {"a", "b", "c"}


def test_a_key_is_queued_once_per_channel(receivers):
    queue("test.one", "a")
    queue("test.two", "a")
    with pytest.raises(IntegrityError), transaction.atomic():
        queue("test.one", "a")
    assert OutgoingMessage.objects.count() == 2


def test_an_unknown_channel_waits_for_its_app(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = queue("test.gone", "a")
    message.refresh_from_db()
    assert message.sent_at is None and message.next_attempt_at is not None
    assert "No outbox channel named 'test.gone'" in message.last_error


INDEX = "/beheer/uitgaande-berichten/"
HOST: dict[str, Any] = {"HTTP_HOST": "groningen.localhost"}


@pytest.fixture
def viewer(django_user_model):
    user = django_user_model.objects.create_user("editor", "editor@example.org", "x")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_outgoingmessage"),
    )
    return user


def test_editors_see_what_waits_and_why_without_the_payload(
    client, viewer, receivers, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        queue_message(channel="test.one", key="delivered", payload={"key": "geheim-1"})
    receivers["test.one"].is_up = False
    with django_capture_on_commit_callbacks(execute=True):
        queue_message(channel="test.one", key="waiting", payload={"key": "geheim-2"})
    client.force_login(viewer)
    page = client.get(INDEX, **HOST).content.decode()
    assert "waiting" in page and "ConnectionError: receiver is down" in page
    assert "delivered" not in page and "geheim" not in page
    assert "Uitgaande berichten" in page


def test_without_the_right_the_list_is_refused(client, django_user_model):
    staff = django_user_model.objects.create_user("staff", "staff@example.org", "x")
    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(staff)
    assert client.get(INDEX, **HOST)["Location"] == "/beheer/"
    client.logout()
    assert client.get(INDEX, **HOST)["Location"].startswith("/account/login/")


@pytest.mark.parametrize("rows", [10, 500])
def test_the_list_takes_the_same_queries_for_10_and_500_messages(
    client, viewer, rows, django_assert_num_queries
):
    OutgoingMessage.objects.bulk_create(
        OutgoingMessage(channel="test.one", key=str(n), next_attempt_at=timezone.now())
        for n in range(rows)
    )
    client.force_login(viewer)
    with django_assert_num_queries(12):
        assert client.get(INDEX, **HOST).status_code == 200
