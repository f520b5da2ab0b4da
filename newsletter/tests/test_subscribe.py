import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from ..models import Subscriber
from .factories import create_subscriber

pytestmark = pytest.mark.django_db
HOST = {"HTTP_HOST": "groningen.localhost"}


def _post(client, region, **fields):
    data = {"email": "ans@example.org", "regions": [region.pk], "consent": "on", **fields}
    return client.post("/nieuwsbrief/", data, **HOST)


def _link(message, path):
    found = re.search(rf"http://groningen\.localhost(/nieuwsbrief/{path}/[^/\s]+/)", message.body)
    assert found is not None
    return found[1]


def test_double_opt_in_end_to_end(
    client, newsletter_page, groningen, django_capture_on_commit_callbacks
):
    page = client.get("/nieuwsbrief/", **HOST)
    assert page.status_code == 200
    assert "Schrijf je in voor de nieuwsbrief" in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = _post(client, groningen.region, email="Ans@Example.org ")
    assert "Kijk in je mailbox" in response.content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "ans@example.org"
    assert subscriber.state == Subscriber.State.PENDING
    assert subscriber.consent_source == "form: groningen.localhost"
    assert subscriber.consent_text.startswith("Ja, stuur mij de nieuwsbrief")
    assert subscriber.consented_at is not None
    assert [m.to for m in mail.outbox] == [["ans@example.org"]]
    confirm_path = _link(mail.outbox[0], "bevestigen")

    # Opening the link (a mail scanner does) confirms nothing; the button does.
    assert client.get(confirm_path, **HOST).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.state == Subscriber.State.PENDING
    response = client.post(confirm_path, **HOST)
    assert "Je bent ingeschreven" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.state == Subscriber.State.CONFIRMED
    assert subscriber.confirmed_at is not None


def test_confirm_link_expires_after_five_days(
    client, newsletter_page, groningen, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _post(client, groningen.region)
    confirm_path = _link(mail.outbox[0], "bevestigen")
    with time_machine.travel(timezone.now() + timedelta(days=5, minutes=1)):
        response = client.post(confirm_path, **HOST)
    assert response.status_code == 410
    assert Subscriber.objects.get().state == Subscriber.State.PENDING


def test_a_known_address_gets_the_same_answer_and_no_change(
    client, newsletter_page, groningen, drenthe, django_capture_on_commit_callbacks
):
    subscriber = create_subscriber("ans@example.org", [groningen.region])
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(client, drenthe.region)
    assert "Kijk in je mailbox" in response.content.decode()
    subscriber.refresh_from_db()
    assert list(subscriber.regions.all()) == [groningen.region]
    assert "al" in mail.outbox[0].subject and "afmelden" in mail.outbox[0].body


def test_errors_are_dutch_and_keep_the_input(client, newsletter_page, groningen):
    response = client.post("/nieuwsbrief/", {"email": "ans@example"}, **HOST)
    assert response.status_code == 400
    text = response.content.decode()
    assert "Vul een e-mailadres in zoals naam@voorbeeld.nl." in text
    assert "Kies minstens één regio." in text
    assert "Zet een vinkje" in text
    assert 'value="ans@example"' in text
    assert not Subscriber.objects.exists()


def test_limits_per_address(client, newsletter_page, groningen, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(4):
            response = _post(client, groningen.region)
    assert response.status_code == 400
    assert "we nu even geen e-mail meer" in response.content.decode()
    assert len(mail.outbox) == 3


def test_limits_per_client(client, newsletter_page, groningen, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(31):
            response = _post(client, groningen.region, email=f"lezer{n}@example.org")
    assert response.status_code == 400
    assert len(mail.outbox) == 30


def test_other_portal_without_the_page_gives_404(client, newsletter_page, groningen):
    newsletter_page.regions.set([groningen.region])
    newsletter_page.save()
    assert client.get("/nieuwsbrief/", HTTP_HOST="drenthe.localhost").status_code == 404
