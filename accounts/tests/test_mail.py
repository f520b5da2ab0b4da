"""E-mail through the task queue (core.mail, core.tasks), as allauth's mail uses it."""

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse
from django_tasks import default_task_backend

from core.mail import message_from_data, message_to_data
from core.tasks import send_email_message

from .factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def sign_up(client):
    return client.post(
        reverse("account_signup"),
        {"email": "nieuw@voorbeeld.nl", "password1": PASSWORD, "password2": PASSWORD},
    )


def test_a_sign_up_mails_through_the_task_after_commit(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        sign_up(client)
    assert mail.outbox == []
    assert len(callbacks) == 1
    callbacks[0]()
    assert [message.subject for message in mail.outbox] == [
        "Leren over armoede: Bevestig je e-mailadres"
    ]


def test_with_a_queue_the_mail_is_only_enqueued(
    client, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client)
    assert mail.outbox == []
    [result] = default_task_backend.results  # type: ignore[attr-defined]
    assert result.task.name == send_email_message.name
    [data] = result.args
    assert data["to"] == ["nieuw@voorbeeld.nl"]
    assert data["subject"] == "Leren over armoede: Bevestig je e-mailadres"


def test_a_message_survives_the_queue_whole():
    message = EmailMultiAlternatives(
        subject="Onderwerp",
        body="Tekst",
        from_email="Leren over armoede <noreply@voorbeeld.nl>",
        to=["a@voorbeeld.nl"],
        cc=["b@voorbeeld.nl"],
        bcc=["c@voorbeeld.nl"],
        reply_to=["d@voorbeeld.nl"],
        headers={"X-Soort": "test"},
    )
    message.attach_alternative("<p>Tekst</p>", "text/html")
    message.attach("bijlage.txt", b"\x00\x01", "application/octet-stream")

    copy = message_from_data(message_to_data(message))

    for name in ("subject", "body", "from_email", "to", "cc", "bcc", "reply_to", "extra_headers"):
        assert getattr(copy, name) == getattr(message, name), name
    assert copy.alternatives[0][:2] == ("<p>Tekst</p>", "text/html")
    assert tuple(copy.attachments[0]) == ("bijlage.txt", b"\x00\x01", "application/octet-stream")


def test_the_task_sends_with_the_real_backend(settings):
    message = EmailMultiAlternatives(subject="Hallo", body="Tekst", to=["a@voorbeeld.nl"])
    assert send_email_message.call(message_to_data(message)) == 1
    assert [sent.subject for sent in mail.outbox] == ["Hallo"]


def test_password_reset_mail_is_dutch(client, django_capture_on_commit_callbacks):
    user = UserFactory.create()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_reset_password"), {"email": user.email})
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == [user.email]
    assert message.subject == "Leren over armoede: Nieuw wachtwoord"
    assert "/account/password/reset/key/" in str(message.body)
