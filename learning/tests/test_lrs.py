"""Learning records reach a real learning record store (Ralph) exactly once, also across an
outage of the LRS."""

import os
from collections import Counter
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from accounts.tests.factories import OrganisationFactory, ProfileFactory
from catalogue.tests.factories import create_item
from core.models import OutgoingMessage
from core.tasks import send_due_messages
from learning import lrs
from learning.models import LearningRecord, Verb
from learning.services import complete_item, record_statement

from . import ralph as ralph_lrs


@pytest.fixture(scope="session")
def ralph_auth_file(tmp_path_factory) -> Path:
    if not ralph_lrs.is_installed():
        message = f"Ralph is not installed in {ralph_lrs.VENV}: run `make ralph`."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return ralph_lrs.make_auth_file(tmp_path_factory.mktemp("ralph-auth"))


@pytest.fixture
def ralph(tmp_path: Path, ralph_auth_file: Path):
    server = ralph_lrs.Ralph(tmp_path, auth_file=ralph_auth_file)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def lrs_settings(settings, ralph):
    settings.LRS_ENDPOINT = ralph.endpoint
    settings.LRS_USERNAME = ralph_lrs.USERNAME
    settings.LRS_PASSWORD = ralph_lrs.PASSWORD
    settings.LRS_TIMEOUT = 5
    return settings


@pytest.fixture
def items(catalogue, groningen):
    return [
        create_item(catalogue, slug=f"item-{number}", regions=[groningen.region])
        for number in range(6)
    ]


def test_every_record_arrives_once_across_an_outage(
    lrs_settings, ralph, items, django_capture_on_commit_callbacks
):
    people = [ProfileFactory.create(organisation=OrganisationFactory.create()) for _ in range(2)]
    # The LRS is up: each record is delivered when its transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        for profile in people:
            complete_item(user=profile.user, page=items[0])
    assert OutgoingMessage.objects.filter(sent_at__isnull=False).count() == 2

    ralph.stop()
    with django_capture_on_commit_callbacks(execute=True):
        for profile in people:
            for page in items[1:4]:
                complete_item(user=profile.user, page=page)
        record_statement(
            actor=people[0].user, verb=Verb.PROGRESSED, activity=items[4], progress=0.5
        )
    waiting = OutgoingMessage.objects.filter(sent_at=None)
    assert waiting.count() == 7
    assert all(message.attempts == 1 for message in waiting.all())
    assert all("not reached" in message.last_error for message in waiting.all())

    # The clock retries what is due and stops at the first failure: Ralph is still down.
    with time_machine.travel(timezone.now() + timedelta(minutes=3)):
        assert send_due_messages() == 0
    assert sorted(waiting.values_list("attempts", flat=True)) == [1] * 6 + [2]

    ralph.start()
    # Not due yet: nothing is sent before its next attempt.
    assert send_due_messages() == 0
    with time_machine.travel(timezone.now() + timedelta(minutes=10)):
        assert send_due_messages() == 7
    assert not waiting.all().exists()

    # Sent again (a worker that died after the LRS answered): the LRS keeps one copy.
    again = OutgoingMessage.objects.first()
    assert again is not None
    OutgoingMessage.objects.filter(pk=again.pk).update(sent_at=None, next_attempt_at=timezone.now())
    assert send_due_messages() == 1

    stored = ralph.statements()
    record_ids = {str(pk) for pk in LearningRecord.objects.values_list("pk", flat=True)}
    assert len(record_ids) == 9
    assert Counter(statement["id"] for statement in stored) == Counter(
        {record_id: 1 for record_id in record_ids}
    )


def test_the_lrs_gets_the_account_number_and_never_the_name_or_address(
    lrs_settings, ralph, items, django_capture_on_commit_callbacks
):
    profile = ProfileFactory.create(full_name="Fatima Bakker")
    with django_capture_on_commit_callbacks(execute=True):
        complete_item(user=profile.user, page=items[0])
    (stored,) = ralph.statements()
    record = LearningRecord.objects.get()
    assert stored["id"] == str(record.pk)
    assert stored["actor"]["account"]["name"] == str(profile.user.pk)
    assert stored["verb"]["id"] == "http://adlnet.gov/expapi/verbs/completed"
    assert stored["object"]["definition"]["name"]["nl-NL"] == items[0].title
    text = str(stored)
    assert "Fatima" not in text
    assert profile.user.email not in text


def test_without_an_lrs_nothing_is_queued(settings, items, django_capture_on_commit_callbacks):
    settings.LRS_ENDPOINT = ""
    with django_capture_on_commit_callbacks(execute=True):
        complete_item(user=ProfileFactory.create().user, page=items[0])
    assert not lrs.is_configured()
    assert not OutgoingMessage.objects.exists()


def test_records_from_before_the_lrs_are_sent_by_the_command(settings, ralph, items):
    settings.LRS_ENDPOINT = ""
    profile = ProfileFactory.create()
    for page in items[:3]:
        complete_item(user=profile.user, page=page)
    assert not OutgoingMessage.objects.exists()

    settings.LRS_ENDPOINT = ralph.endpoint
    settings.LRS_USERNAME = ralph_lrs.USERNAME
    settings.LRS_PASSWORD = ralph_lrs.PASSWORD
    call_command("send_records_to_lrs", stdout=StringIO())
    call_command("send_records_to_lrs", stdout=StringIO())  # queues nothing twice
    assert OutgoingMessage.objects.count() == 3
    assert send_due_messages() == 3
    assert sorted(statement["id"] for statement in ralph.statements()) == sorted(
        str(pk) for pk in LearningRecord.objects.values_list("pk", flat=True)
    )
