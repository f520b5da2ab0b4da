"""Time-driven work of events; idempotent, so run it every few minutes (cron, a loop in
`make run`, or a scheduler): expire unaccepted offers, send reminders two days before,
ask for evaluations afterwards, and retry e-mails that could not be sent."""

from typing import Any

from django.core.management.base import BaseCommand

from events import services
from events.tasks import send_unsent_emails


class Command(BaseCommand):
    help = "Expire offers, send due reminders and evaluation requests, retry unsent e-mail."

    def handle(self, *args: Any, **options: Any) -> None:
        expired = services.expire_offers()
        reminders = services.send_due_reminders()
        evaluations = services.request_evaluations()
        sent = send_unsent_emails()
        self.stdout.write(
            f"{expired} offers expired, {reminders} reminders, "
            f"{evaluations} evaluation requests, {sent} earlier e-mails sent."
        )
