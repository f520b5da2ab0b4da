import base64
import io
import json

import pytest
from django.core.management import call_command

from ..models import Subscriber
from .factories import create_subscriber

pytestmark = pytest.mark.django_db
URL = "/nieuwsbrief/bounces/"

# Postmark's bounce webhook, as its documentation shows it
# (https://postmarkapp.com/developer/webhooks/bounce-webhook).
HARD_BOUNCE = {
    "RecordType": "Bounce",
    "MessageStream": "outbound",
    "ID": 4323372036854775807,
    "Type": "HardBounce",
    "TypeCode": 1,
    "Name": "Hard bounce",
    "Tag": "nieuwsbrief",
    "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483",
    "Metadata": {},
    "ServerID": 23,
    "Description": "The server was unable to deliver your message "
    "(ex: unknown user, mailbox not found).",
    "Details": "smtp;550 5.1.1 The email account that you tried to reach does not exist.",
    "Email": "Weg@Example.org",
    "From": "noreply@leren-over-armoede.nl",
    "BouncedAt": "2026-12-07T10:14:15Z",
    "DumpAvailable": True,
    "Inactive": True,
    "CanActivate": True,
    "Subject": "Nieuwsbrief voorjaar",
    "Content": "",
}
SPAM_COMPLAINT = {
    **HARD_BOUNCE,
    "RecordType": "SpamComplaint",
    "Type": "SpamComplaint",
    "TypeCode": 512,
    "Name": "Spam complaint",
    "Email": "klacht@example.org",
}
SOFT_BOUNCE = {
    **HARD_BOUNCE,
    "Type": "SoftBounce",
    "TypeCode": 4096,
    "Inactive": False,
    "Email": "vol@example.org",
}


def _auth(secret):
    return {
        "HTTP_AUTHORIZATION": "Basic " + base64.b64encode(f"postmark:{secret}".encode()).decode()
    }


@pytest.fixture(autouse=True)
def _secret(settings):
    settings.NEWSLETTER_WEBHOOK_SECRET = "geheim-van-de-webhook"


@pytest.fixture
def readers(groningen):
    return {
        email: create_subscriber(email, [groningen.region])
        for email in ("weg@example.org", "klacht@example.org", "vol@example.org")
    }


def _post(client, payload, secret="geheim-van-de-webhook"):
    return client.post(URL, json.dumps(payload), content_type="application/json", **_auth(secret))


def test_a_hard_bounce_suspends_the_address(client, readers):
    response = _post(client, HARD_BOUNCE)
    assert response.json() == {"suspended": True, "reason": "bounce: HardBounce"}
    subscriber = Subscriber.objects.get(email="weg@example.org")
    assert subscriber.state == Subscriber.State.SUSPENDED
    assert subscriber.suspension_reason == "bounce: HardBounce"


def test_a_complaint_suspends_and_a_soft_bounce_does_not(client, readers):
    _post(client, SPAM_COMPLAINT)
    _post(client, SOFT_BOUNCE)
    states = dict(Subscriber.objects.values_list("email", "state"))
    assert states["klacht@example.org"] == Subscriber.State.SUSPENDED
    assert states["vol@example.org"] == Subscriber.State.CONFIRMED


def test_without_the_secret_nothing_happens(client, readers, settings):
    assert _post(client, HARD_BOUNCE, secret="fout").status_code == 401
    assert (
        client.post(URL, json.dumps(HARD_BOUNCE), content_type="application/json").status_code
        == 401
    )
    settings.NEWSLETTER_WEBHOOK_SECRET = ""
    assert _post(client, HARD_BOUNCE, secret="").status_code == 401
    assert Subscriber.objects.get(email="weg@example.org").is_confirmed


def test_a_payload_that_is_not_postmarks_is_refused(client, readers):
    assert _post(client, {"event": "bounce"}).status_code == 400
    response = client.post(
        URL, "geen json", content_type="application/json", **_auth("geheim-van-de-webhook")
    )
    assert response.status_code == 400


def test_the_command_reads_the_same_payloads(readers, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps([HARD_BOUNCE, SOFT_BOUNCE])))
    out = io.StringIO()
    call_command("newsletter_bounces", "-", stdout=out)
    assert Subscriber.objects.get(email="weg@example.org").state == Subscriber.State.SUSPENDED
    assert Subscriber.objects.get(email="vol@example.org").is_confirmed
    assert "weg@example.org" in out.getvalue().lower()
