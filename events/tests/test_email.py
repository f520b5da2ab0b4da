import time_machine
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from icalendar import Calendar

from core.models import OutgoingEmail
from core.tasks import deliver_email, send_due_emails
from core.tests.outage import mail_server_down
from events import services
from events.models import EventEmail, Registration

from .factories import create_user


def test_mail_server_down_loses_nothing(session, settings, django_capture_on_commit_callbacks):
    with mail_server_down(settings), django_capture_on_commit_callbacks(execute=True):
        registration, _ = services.register_user(session=session, user=create_user("sanne"))
    registration.refresh_from_db()
    assert registration.state == "confirmed"
    email = EventEmail.objects.select_related("message").get()
    assert email.message is not None
    assert email.message.sent_at is None and email.message.attempts == 1
    assert "down" in email.message.last_error
    assert email.message.kind == "events.confirmed"
    assert mail.outbox == []

    assert email.message.next_attempt_at is not None
    with time_machine.travel(email.message.next_attempt_at):
        assert send_due_emails() == 1
        assert send_due_emails() == 0
    [message] = mail.outbox
    assert message.to == ["sanne@example.org"]
    assert "ingeschreven" in message.subject or "registered" in message.subject


def test_confirmation_has_plain_html_and_a_valid_ics(session, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.register_user(session=session, user=create_user("sanne"))
    [message] = mail.outbox
    assert session.event.title in message.body
    # In Dutch word order, the verb at the end of the clause, in both parts of the e-mail.
    cancel = (
        "Kun je toch niet komen? Meld je dan af op je eigen pagina, zodat iemand anders je "
        "plaats kan krijgen."
    )
    assert "We kijken ernaar uit je te zien." in message.body
    assert isinstance(message, EmailMultiAlternatives)
    html, mimetype = message.alternatives[0]
    assert cancel in message.body and cancel in str(html)
    assert mimetype == "text/html" and session.event.title in str(html)
    filename, content, mimetype = message.attachments[0]
    assert filename == "uitnodiging.ics" and mimetype == "text/calendar"
    [vevent] = Calendar.from_ical(content).walk("VEVENT")
    assert str(vevent["summary"]) == session.event.title


def test_the_text_is_written_when_the_outbox_delivers_it_and_kept_for_a_retry(session, settings):
    # The registration writes only the rows; the text costs nothing while the session is
    # locked. The first attempt renders it, and a retry sends that very message again.
    with mail_server_down(settings):
        registration, _ = services.register_user(session=session, user=create_user("sanne"))
        outgoing = OutgoingEmail.objects.get(event_email__registration=registration)
        assert outgoing.recipients == "sanne@example.org"
        assert "body" not in outgoing.message
        message_id = outgoing.message["headers"]["Message-ID"]
        assert deliver_email.call(email_id=outgoing.pk) is False
    outgoing.refresh_from_db()
    assert session.event.title in outgoing.message["body"]
    assert outgoing.message["headers"]["Message-ID"] == message_id
    Registration.objects.filter(pk=registration.pk).update(name="Iemand anders")
    with time_machine.travel(outgoing.next_attempt_at):
        assert send_due_emails() == 1
    [message] = mail.outbox
    assert message.message()["Message-ID"] == message_id
    assert message.body == outgoing.message["body"]


def test_a_message_about_a_deleted_registration_is_dropped(session):
    registration, _ = services.register_user(session=session, user=create_user("sanne"))
    outgoing = OutgoingEmail.objects.get(event_email__registration=registration)
    registration.delete()
    assert deliver_email.call(email_id=outgoing.pk) is False
    assert not OutgoingEmail.objects.exists()
    assert mail.outbox == []
