"""Time-driven work of events; idempotent, so run it every few minutes (cron, a loop in
`make run`, or a scheduler): expire unaccepted offers, send reminders two days before and
ask for evaluations afterwards. The e-mails go through core's outbox, which retries them."""

from typing import Any

from django.core.management.base import BaseCommand

from events import services


class Command(BaseCommand):
    help = "Expire offers, send due reminders and evaluation requests."

    def handle(self, *args: Any, **options: Any) -> None:
        expired = services.expire_offers()
        reminders = services.send_due_reminders()
        evaluations = services.request_evaluations()
        self.stdout.write(
            f"{expired} offers expired, {reminders} reminders, {evaluations} evaluation requests."
        )
