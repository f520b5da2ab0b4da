"""allauth's forms that e-mail a typed address send a few e-mails per address per hour,
whether or not the address has an account."""

from datetime import timedelta

import time_machine
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from .factories import PASSWORD, UserFactory


def test_30_password_resets_for_one_address_send_3_emails(
    client: Client, db, django_capture_on_commit_callbacks
) -> None:
    user = UserFactory.create()
    answers = {}
    with django_capture_on_commit_callbacks(execute=True):
        for email, ip in ((user.email, "192.0.2.1"), ("onbekend@voorbeeld.nl", "192.0.2.2")):
            answers[email] = [
                client.post(
                    reverse("account_reset_password"), {"email": email}, REMOTE_ADDR=ip
                ).status_code
                for _post in range(30)
            ]
    assert answers[user.email] == answers["onbekend@voorbeeld.nl"] == [302] * 3 + [429] * 27
    assert [message.to for message in mail.outbox] == [[user.email]] * 3 + [
        ["onbekend@voorbeeld.nl"]
    ] * 3
    refused = client.post(
        reverse("account_reset_password"), {"email": user.email}, REMOTE_ADDR="192.0.2.3"
    )
    assert "Probeer het over een uur opnieuw" in refused.content.decode()


def test_30_sign_ups_with_one_address_send_1_email(
    client: Client, db, django_capture_on_commit_callbacks
) -> None:
    form = {"email": "nieuw@voorbeeld.nl", "password1": PASSWORD, "password2": PASSWORD}
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(30):
            Client().post(reverse("account_signup"), form, REMOTE_ADDR=f"192.0.2.{number}")
    assert len(mail.outbox) == 1


def test_resending_the_confirmation_of_a_new_address_all_hour_sends_3_emails(
    client: Client, db, django_capture_on_commit_callbacks
) -> None:
    """The e-mail change: the new address gets its confirmation after allauth's cool-down
    of 3 minutes, and at most 3 times per hour."""
    user = UserFactory.create()
    client.force_login(user)
    email_page = reverse("account_email")
    start = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(email_page, {"action_add": "", "email": "nieuw@voorbeeld.nl"})
    for minute in range(2, 62, 2):
        # The outbox sends what is due at the moment of sending: deliver at that minute.
        with (
            time_machine.travel(start + timedelta(minutes=minute), tick=False),
            django_capture_on_commit_callbacks(execute=True),
        ):
            client.post(email_page, {"action_send": "", "email": "nieuw@voorbeeld.nl"})
    assert [message.to for message in mail.outbox] == [["nieuw@voorbeeld.nl"]] * 3
