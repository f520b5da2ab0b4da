from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.utils import timezone

from core.models import OutgoingEmail
from core.privacy import export_person, remove_person
from news import services
from news.models import CommunicationSettings, Message

from .factories import create_contact_page

VALID = {
    "name": "Sanne de Vries",
    "email": "sanne@example.org",
    "organisation": "Woningcorporatie Voorbeeld",
    "text": "Hebben jullie ook een training over bejegening aan de telefoon?",
}


@pytest.fixture
def contact(groningen, drenthe):
    page = create_contact_page([groningen.region, drenthe.region])
    CommunicationSettings.objects.create(coordinator_email="coordinator@example.org")
    return page


def test_a_message_is_kept_and_mailed_to_the_coordinator(
    client, contact, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/contact/", VALID)
    assert response.status_code == 302
    assert response["Location"] == "/contact/?verzonden=ja"
    assert "Bedankt voor je bericht" in client.get(response["Location"]).content.decode()

    message = Message.objects.get()
    assert (message.kind, message.name, message.region) == (
        Message.Kind.CONTACT,
        "Sanne de Vries",
        contact.regions.get(slug="groningen"),
    )
    email = OutgoingEmail.objects.get(kind="news.contact")
    assert email.recipients == "coordinator@example.org"
    assert email.message["reply_to"] == ["sanne@example.org"]
    assert "bejegening aan de telefoon" in email.message["body"]
    assert f"/beheer/berichten/edit/{message.pk}/" in email.message["body"]


def test_the_form_shows_a_privacy_line_and_dutch_errors_keeping_the_input(client, contact):
    html = client.get("/contact/").content.decode()
    assert 'href="/privacy/"' in html and "alleen om je te antwoorden" in html

    response = client.post("/contact/", {**VALID, "email": "geen-adres", "text": "Mijn vraag"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vul een e-mailadres in zoals naam@voorbeeld.nl." in html
    assert "Mijn vraag" in html
    assert not Message.objects.exists()


def test_the_form_is_limited_per_client(client, contact, settings):
    # 10 per hour per client (ACCOUNT_RATE_LIMITS["contact_message"]), whatever the address.
    for number in range(10):
        response = client.post("/contact/", {**VALID, "email": f"iemand{number}@example.org"})
        assert response.status_code == 302
    response = client.post("/contact/", {**VALID, "email": "nog.iemand@example.org"})
    assert response.status_code == 429
    html = response.content.decode()
    assert "Probeer het over een uur opnieuw" in html
    assert "bejegening aan de telefoon" in html  # the text is kept
    assert Message.objects.count() == 10


def test_the_form_is_limited_per_sender(client, contact):
    for _number in range(5):
        assert client.post("/contact/", VALID).status_code == 302
    assert client.post("/contact/", VALID).status_code == 429


def test_theme_ideas_have_their_own_page_and_kind(client, groningen):
    create_contact_page([groningen.region], slug="thema-idee", kind=Message.Kind.THEME_IDEA)
    html = client.get("/thema-idee/").content.decode()
    assert "Welk thema of welke leervraag stel je voor?" in html
    assert "Stuur je idee" in html
    client.post("/thema-idee/", VALID)
    assert Message.objects.get().kind == Message.Kind.THEME_IDEA
    # No coordinator's address set: the message is kept for /beheer/, and no e-mail.
    assert not OutgoingEmail.objects.exists()


def test_a_page_for_the_other_region_is_not_found(client, groningen, drenthe):
    create_contact_page([drenthe.region])
    assert client.get("/contact/").status_code == 404
    assert client.post("/contact/", VALID).status_code == 404


def test_the_answer_is_mailed_to_the_sender_once(contact, django_capture_on_commit_callbacks):
    editor = get_user_model().objects.create_user(username="redacteur", email="r@example.org")
    message = services.send_message(
        kind=Message.Kind.CONTACT,
        user=None,
        region=None,
        **VALID,
    )
    services.answer_message(message=message, answer="Ja, kijk in de agenda.", editor=editor)
    services.answer_message(message=message, answer="Ja, kijk in de agenda. ", editor=editor)
    message.refresh_from_db()
    assert message.answered_at is not None
    email = OutgoingEmail.objects.get(kind="news.answer")
    assert email.recipients == "sanne@example.org"
    assert "Ja, kijk in de agenda." in email.message["body"]


def test_editors_answer_in_the_admin(admin_client, contact):
    message = services.send_message(kind=Message.Kind.CONTACT, user=None, region=None, **VALID)
    index = admin_client.get("/beheer/berichten/")
    assert index.status_code == 200 and "Sanne de Vries" in index.content.decode()
    edit = admin_client.get(f"/beheer/berichten/edit/{message.pk}/")
    assert "bejegening aan de telefoon" in edit.content.decode()
    response = admin_client.post(
        f"/beheer/berichten/edit/{message.pk}/", {"answer": "Ja, in het voorjaar."}
    )
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.answer == "Ja, in het voorjaar."
    assert OutgoingEmail.objects.filter(kind="news.answer").count() == 1
    assert admin_client.get("/beheer/berichten/edit/999999/").status_code == 404


def test_messages_are_personal_data(contact):
    user = get_user_model().objects.create_user(username="sanne", email="Sanne@example.org")
    services.send_message(kind=Message.Kind.CONTACT, user=user, region=None, **VALID)
    # Sent before logging in, with the same address.
    services.send_message(kind=Message.Kind.THEME_IDEA, user=None, region=None, **VALID)
    other = services.send_message(
        kind=Message.Kind.CONTACT,
        user=None,
        region=None,
        **{**VALID, "email": "ander@example.org"},
    )
    exported = export_person(user=user, base_url="http://groningen.localhost")
    assert [message["kind"] for message in exported["messages"]] == [  # type: ignore[attr-defined]
        "theme_idea",
        "contact",
    ]
    remove_person(user=user)
    assert list(Message.objects.all()) == [other]


def test_old_messages_are_removed(contact):
    with time_machine.travel(timezone.now() - timedelta(days=400)):
        services.send_message(kind=Message.Kind.CONTACT, user=None, region=None, **VALID)
    recent = services.send_message(kind=Message.Kind.CONTACT, user=None, region=None, **VALID)
    assert services.remove_expired_messages() == 1
    assert list(Message.objects.all()) == [recent]
