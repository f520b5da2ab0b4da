"""allauth's e-mail goes through core's outbox (core.mail, core.tasks), named by kind."""

import pytest
from django.core import mail
from django.urls import reverse
from django_tasks import default_task_backend

from core.models import OutgoingEmail
from core.tasks import deliver_email

from .factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def sign_up(client):
    return client.post(
        reverse("account_signup"),
        {"email": "nieuw@voorbeeld.nl", "password1": PASSWORD, "password2": PASSWORD},
    )


def test_a_sign_up_mails_through_the_outbox_after_commit(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        sign_up(client)
    email = OutgoingEmail.objects.get()
    assert email.kind == "accounts.email_confirmation_signup"
    assert email.recipients == "nieuw@voorbeeld.nl"
    assert mail.outbox == []
    assert len(callbacks) == 1
    callbacks[0]()
    assert [message.subject for message in mail.outbox] == [
        "Leren over armoede: Bevestig je e-mailadres"
    ]


def test_with_a_queue_the_delivery_is_only_enqueued(
    client, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client)
    assert mail.outbox == []
    [result] = default_task_backend.results  # type: ignore[attr-defined]
    assert result.task.name == deliver_email.name
    assert result.kwargs == {"email_id": OutgoingEmail.objects.get().pk}


def test_password_reset_mail_is_dutch(client, django_capture_on_commit_callbacks):
    user = UserFactory.create()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_reset_password"), {"email": user.email})
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == [user.email]
    assert message.subject == "Leren over armoede: Nieuw wachtwoord"
    assert "/account/password/reset/key/" in str(message.body)
    assert OutgoingEmail.objects.get().kind == "accounts.password_reset_key"
    # What to do when you did not ask comes first; the link follows the line about it.
    assert (
        "Heb je dit niet gevraagd? Dan kun je deze e-mail negeren. Wil je wel een nieuw "
        "wachtwoord? Klik dan op de link hieronder.\n\nhttp"
    ) in str(message.body)


def test_a_reset_for_an_unknown_address_is_in_our_voice(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_reset_password"), {"email": "onbekend@voorbeeld.nl"})
    [message] = mail.outbox
    assert message.subject == "Leren over armoede: Onbekend account"
    body = str(message.body)
    assert "Heb je dit niet zelf gedaan? Dan kun je deze e-mail negeren." in body
    assert "mail gerust" not in body
