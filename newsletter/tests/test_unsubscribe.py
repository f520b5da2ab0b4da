import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.test import Client

from accounts.models import Profile

from .. import links, services
from ..models import Subscriber
from .factories import create_subscriber

pytestmark = pytest.mark.django_db
HOST = {"HTTP_HOST": "groningen.localhost"}


def _path(subscriber):
    return f"/nieuwsbrief/afmelden/{links.make(subscriber, links.Kind.UNSUBSCRIBE)}/"


def test_rfc_8058_one_click_post_without_csrf(groningen):
    subscriber = create_subscriber("ans@example.org", [groningen.region])
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        _path(subscriber),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
        headers={"host": "groningen.localhost"},
    )
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.state == Subscriber.State.UNSUBSCRIBED
    assert subscriber.unsubscribed_at is not None


def test_the_link_shows_a_button_and_a_get_changes_nothing(client, groningen):
    subscriber = create_subscriber("ans@example.org", [groningen.region])
    response = client.get(_path(subscriber), **HOST)
    assert "Meld je af" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.is_confirmed
    response = client.post(_path(subscriber), **HOST)
    assert "Je bent afgemeld" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.state == Subscriber.State.UNSUBSCRIBED
    # Again: harmless, and the page says where it stands.
    assert "staat niet meer op de lijst" in client.get(_path(subscriber), **HOST).content.decode()


def test_the_unsubscribe_link_never_expires(groningen):
    import time_machine
    from django.utils import timezone

    subscriber = create_subscriber("ans@example.org", [groningen.region])
    token = links.make(subscriber, links.Kind.UNSUBSCRIBE)
    with time_machine.travel(timezone.now() + timedelta(days=3650)):
        assert links.open_link(token, links.Kind.UNSUBSCRIBE) == subscriber


def test_a_tampered_or_other_kind_of_link_gives_404(client, groningen):
    subscriber = create_subscriber("ans@example.org", [groningen.region])
    confirm_token = links.make(subscriber, links.Kind.CONFIRM)
    assert client.post(f"/nieuwsbrief/afmelden/{confirm_token}/", **HOST).status_code == 404
    assert client.post(_path(subscriber)[:-3] + "x/", **HOST).status_code == 404
    subscriber.refresh_from_db()
    assert subscriber.is_confirmed


def test_an_account_leaving_by_link_withdraws_the_profile_consent(client, groningen):
    from events.tests.factories import create_user

    user = create_user("ans")
    Profile.objects.create(user=user, full_name="Ans", has_newsletter_consent=True)
    subscriber = create_subscriber("ans@example.org", [groningen.region], user=user)
    client.post(_path(subscriber), **HOST)
    assert not Profile.objects.get(user=user).has_newsletter_consent


def test_the_confirmation_mail_of_a_stranger_can_be_ignored(
    groningen, outbox_mail, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.subscribe(email="ans@example.org", regions=[groningen.region], source="test")
    assert "Doe dan niets" in mail.outbox[0].body
    message = mail.outbox[0]
    assert isinstance(message, EmailMultiAlternatives)
    assert re.search(r"/nieuwsbrief/bevestigen/", str(message.alternatives[0][0]))
