from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.core.mail.backends.base import BaseEmailBackend
from icalendar import Calendar

from events import services
from events.models import EventEmail
from events.tasks import send_unsent_emails

from .factories import create_user


class DownBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


def test_mail_server_down_loses_nothing(session, settings, django_capture_on_commit_callbacks):
    settings.TASK_EMAIL_BACKEND = f"{__name__}.DownBackend"
    with django_capture_on_commit_callbacks(execute=True):
        registration, _ = services.register_user(session=session, user=create_user("sanne"))
    registration.refresh_from_db()
    assert registration.state == "confirmed"
    email = EventEmail.objects.get()
    assert email.sent_at is None and email.attempts == 1 and "down" in email.last_error
    assert mail.outbox == []

    settings.TASK_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send_unsent_emails() == 1
    assert send_unsent_emails() == 0
    [message] = mail.outbox
    assert message.to == ["sanne@example.org"]
    assert "ingeschreven" in message.subject or "registered" in message.subject


def test_confirmation_has_plain_html_and_a_valid_ics(session, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.register_user(session=session, user=create_user("sanne"))
    [message] = mail.outbox
    assert session.event.title in message.body
    assert isinstance(message, EmailMultiAlternatives)
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and session.event.title in str(html)
    filename, content, mimetype = message.attachments[0]
    assert filename == "uitnodiging.ics" and mimetype == "text/calendar"
    [vevent] = Calendar.from_ical(content).walk("VEVENT")
    assert str(vevent["summary"]) == session.event.title
