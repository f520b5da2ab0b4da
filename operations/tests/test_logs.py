"""Logs: JSON lines with the request id, which reaches the task the request queued; and the
journeys leave no name, e-mail address or case text in them."""

import io
import json
import logging.config
import uuid
from collections.abc import Iterator

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django_guid import clear_guid
from django_tasks_db.models import DBTaskResult

from events.models import Role
from operations.logs import logging_config

HOST = {"HTTP_HOST": "groningen.localhost"}
DB_QUEUE = {"default": {"BACKEND": "operations.tasks.RequestIdDatabaseBackend"}}
VISITOR = {
    "name": "Vera Klaassen-Bos",
    "email": "vera.klaassen@example.org",
    "organisation_name": "Stichting Lefier",
}
SIGN_UP = {"email": "henk.achterberg@example.org", "password1": "Een-lang-wachtwoord-42"}
CASE = {
    "title": "Achterstand bij de energieleverancier",
    "situation": "Een moeder van drie kinderen krijgt steeds aanmaningen van Vattenfall.",
    "question": "Wie kan het gesprek met de leverancier aangaan?",
}


@pytest.fixture
def json_log(settings) -> Iterator[io.StringIO]:
    """The production logging (JSON lines), everything down to DEBUG, into a buffer."""
    settings.DEBUG = False
    buffer = io.StringIO()
    config = logging_config(log_format="json", level="DEBUG")
    config["handlers"]["console"]["stream"] = buffer
    logging.config.dictConfig(config)
    try:
        yield buffer
    finally:
        logging.config.dictConfig(settings.LOGGING)
        clear_guid()


def read_log(buffer: io.StringIO) -> tuple[str, list[dict]]:
    text = buffer.getvalue()
    return text, [json.loads(line) for line in text.splitlines() if line.startswith("{")]


@override_settings(TASKS=DB_QUEUE, EMAIL_BACKEND="core.mail.TaskEmailBackend")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.concurrency  # transactional: run apart from the suite (see pyproject.toml)
def test_the_request_id_reaches_the_task_it_queued(client, session, json_log):
    """Committed as in production, so the outbox queues its task inside the request."""
    request_id = uuid.uuid4().hex  # nginx's $request_id: 32 hex digits
    if True:
        response = client.post(
            reverse("events:register", args=[session.pk]),
            {**VISITOR, "role": Role.objects.get().pk},
            HTTP_X_REQUEST_ID=request_id,
            **HOST,
        )
    assert response.status_code == 200
    assert response["X-Request-ID"] == request_id
    queued = DBTaskResult.objects.get()
    assert queued.args_kwargs["request_id"] == request_id
    assert queued.task_result.kwargs == {"email_id": queued.args_kwargs["kwargs"]["email_id"]}

    clear_guid()  # the worker is another process: nothing carries over but the row
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0")
    _text, lines = read_log(json_log)
    assert len(mail.outbox) == 1, "the worker sent the confirmation"
    task_lines = [line for line in lines if str(queued.id) in line["message"]]
    assert {line["message"].rsplit("=", 1)[1] for line in task_lines} >= {"RUNNING", "SUCCESSFUL"}
    assert {line["request_id"] for line in task_lines} == {request_id}
    assert {"time", "level", "logger", "message", "request_id"} <= set(task_lines[0])


@pytest.mark.django_db
def test_a_request_without_an_id_or_with_a_bad_one_gets_a_new_one(client, groningen):
    first = client.get("/", **HOST)["X-Request-ID"]
    second = client.get("/", HTTP_X_REQUEST_ID="x\nvals regel", **HOST)["X-Request-ID"]
    assert len({first, second}) == 2
    assert all(len(uuid.UUID(given).hex) == 32 for given in (first, second))


def test_text_format_is_readable_and_unknown_formats_are_refused():
    config = logging_config(log_format="text", level="INFO")
    assert "%(request_id)s" in config["formatters"]["platform"]["format"]
    with pytest.raises(ValueError, match="LOG_FORMAT"):
        logging_config(log_format="xml", level="INFO")


@override_settings(EMAIL_BACKEND="core.mail.TaskEmailBackend")
@pytest.mark.django_db
def test_the_journeys_leave_no_personal_data_in_the_log(
    client, session, circle, people, json_log, django_capture_on_commit_callbacks
):
    member = people["member"]
    secrets = [
        VISITOR["name"], VISITOR["email"], "Klaassen", SIGN_UP["email"], "achterberg",
        member.email, member.get_full_name(), CASE["situation"], "Vattenfall",
        SIGN_UP["password1"],
    ]  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        # Sign-up, with the confirmation e-mail through the outbox.
        client.post("/account/signup/", {**SIGN_UP, "password2": SIGN_UP["password1"]}, **HOST)
        # A visitor's registration, twice (the second time the address is known).
        for _ in range(2):
            client.post(
                reverse("events:register", args=[session.pk]),
                {**VISITOR, "role": Role.objects.get().pk},
                **HOST,
            )
        # A wrong password for a known address, and a page that does not exist.
        client.post("/account/login/", {"login": member.email, "password": "fout"}, **HOST)
        client.get(f"/bestaat-niet/?email={VISITOR['email']}", **HOST)
        # A case in a learning circle, refused once for a phone number, then saved.
        client.force_login(member)
        new_case = reverse("circles:case_new", kwargs={"slug": "assen"})
        client.post(new_case, {**CASE, "question": "Bel haar op 06-12345678."})
        client.post(new_case, CASE)
    assert len(mail.outbox) >= 3

    text, lines = read_log(json_log)
    assert len(lines) >= 5, "the journeys were logged at all"
    found = [secret for secret in secrets if secret and secret.lower() in text.lower()]
    leaks = [line for line in text.splitlines() if any(s.lower() in line.lower() for s in found)]
    assert found == [], f"personal data in the log: {found}: {leaks}"
