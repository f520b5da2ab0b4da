"""The outbox in /beheer/: what waits or failed, for editors only, with "send again"."""

from typing import Any

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry

from core import services
from core.mail import queue_email
from core.models import OutgoingEmail
from core.tasks import MAX_ATTEMPTS, deliver_email

from .outage import mail_server_down
from .test_outbox import a_message

pytestmark = pytest.mark.django_db

HOST: dict[str, Any] = {"HTTP_HOST": "groningen.localhost"}
INDEX = reverse("core_outbox:index")
SECRET = "Je code om een nieuw wachtwoord te kiezen"


def send_again_url(email: OutgoingEmail) -> str:
    return reverse("core_outbox:send_again", args=[email.pk])


@pytest.fixture
def outbox(settings, django_capture_on_commit_callbacks) -> dict[str, OutgoingEmail]:
    """One message sent, one waiting for its next attempt, one that gave up."""
    with django_capture_on_commit_callbacks(execute=True):
        sent = queue_email(a_message("sent@voorbeeld.nl"), kind="events.confirmed")
    with mail_server_down(settings), django_capture_on_commit_callbacks(execute=True):
        message = a_message("waiting@voorbeeld.nl", subject="Nieuw wachtwoord")
        message.body = SECRET
        waiting = queue_email(message, kind="accounts.password_reset_key")
        failed = queue_email(a_message("failed@voorbeeld.nl"), kind="circles.news")
    OutgoingEmail.objects.filter(pk=failed.pk).update(attempts=MAX_ATTEMPTS, next_attempt_at=None)
    mail.outbox.clear()
    return {"sent": sent, "waiting": waiting, "failed": failed}


@pytest.fixture
def editor(django_user_model):
    """An editor who is not a superuser: the rights come from a group."""
    user = django_user_model.objects.create_user("editor", "editor@example.org", "x")
    group = Group.objects.create(name="Redactie")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_outgoingemail"),
        Permission.objects.get(codename="change_outgoingemail"),
    )
    user.groups.add(group)
    return user


def test_only_editors_reach_the_outbox(client: Client, django_user_model, outbox):
    failed = outbox["failed"]
    assert client.get(INDEX, **HOST)["Location"].startswith("/account/login/")
    assert client.post(send_again_url(failed), **HOST)["Location"].startswith("/account/login/")

    # Into the admin, but without a right on the outbox.
    staff = django_user_model.objects.create_user("staff", "staff@example.org", "x")
    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(staff)
    assert client.get(INDEX, **HOST)["Location"] == "/beheer/"
    assert client.post(send_again_url(failed), **HOST)["Location"] == "/beheer/"

    # Looking is not sending again.
    staff.user_permissions.add(Permission.objects.get(codename="view_outgoingemail"))
    client.force_login(django_user_model.objects.get(pk=staff.pk))
    assert client.get(INDEX, **HOST).status_code == 200
    assert client.post(send_again_url(failed), **HOST)["Location"] == "/beheer/"
    failed.refresh_from_db()
    assert failed.is_failed and mail.outbox == []
    with pytest.raises(services.OutboxError, match="redacteuren"):
        services.send_again(email=failed, actor=staff)


def test_the_list_shows_what_waits_and_failed_without_the_text(client: Client, editor, outbox):
    client.force_login(editor)
    page = client.get(INDEX, **HOST).content.decode()
    assert "waiting@voorbeeld.nl" in page and "failed@voorbeeld.nl" in page
    assert "sent@voorbeeld.nl" not in page
    assert "accounts.password_reset_key" in page and "ConnectionRefusedError" in page
    assert SECRET not in page
    assert "Uitgaande e-mail" in page and "Verstuur opnieuw" in page

    failed_only = client.get(INDEX, {"status": "failed"}, **HOST).content.decode()
    assert "failed@voorbeeld.nl" in failed_only and "waiting@voorbeeld.nl" not in failed_only
    by_kind = client.get(INDEX, {"kind": "accounts.password_reset_key"}, **HOST)
    assert "waiting@voorbeeld.nl" in by_kind.content.decode()
    assert "failed@voorbeeld.nl" not in by_kind.content.decode()


@pytest.mark.parametrize("rows", [10, 500])
def test_the_list_takes_the_same_queries_for_10_and_500_messages(
    client: Client, editor, rows, django_assert_num_queries
):
    OutgoingEmail.objects.bulk_create(
        OutgoingEmail(kind="test", recipients=f"{n}@voorbeeld.nl", subject="Hallo")
        for n in range(rows)
    )
    client.force_login(editor)
    with django_assert_num_queries(13):
        assert client.get(INDEX, **HOST).status_code == 200


def test_send_again_sends_a_failed_message_once_and_logs_it(
    client: Client, editor, outbox, django_capture_on_commit_callbacks
):
    failed = outbox["failed"]
    client.force_login(editor)
    confirm = client.get(send_again_url(failed), **HOST)
    assert confirm.status_code == 200
    assert "failed@voorbeeld.nl" in confirm.content.decode()
    failed.refresh_from_db()
    assert failed.is_failed and not ModelLogEntry.objects.exists()  # a GET changes nothing

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(send_again_url(failed), **HOST)
    assert response["Location"] == INDEX
    [message] = mail.outbox
    assert message.to == ["failed@voorbeeld.nl"]
    failed.refresh_from_db()
    assert failed.sent_at is not None and failed.attempts == 1
    [entry] = ModelLogEntry.objects.all()
    assert entry.action == services.SEND_AGAIN and entry.user == editor

    # Sent now: out of the list, and not sent a second time.
    assert client.post(send_again_url(failed), **HOST).status_code == 404
    with pytest.raises(services.OutboxError, match="al verstuurd"):
        services.send_again(email=failed, actor=editor)
    assert deliver_email.call(email_id=failed.pk) is False
    assert len(mail.outbox) == 1


def test_send_again_while_the_server_is_still_down_starts_the_retries_afresh(
    settings, editor, outbox, django_capture_on_commit_callbacks
):
    failed = outbox["failed"]
    with mail_server_down(settings), django_capture_on_commit_callbacks(execute=True):
        services.send_again(email=failed, actor=editor)
    failed.refresh_from_db()
    assert failed.attempts == 1 and failed.next_attempt_at is not None
    assert mail.outbox == []
