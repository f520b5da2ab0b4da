"""Queue for the LRS every learning record it has not been given yet: those written before
LRS_ENDPOINT was set. The outbox delivers them (the worker at once, else the clock); the
LRS stores each statement once, so running it twice is harmless."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from learning import lrs


class Command(BaseCommand):
    help = "Send the learning records written before an LRS was configured to the LRS."

    def handle(self, *args: Any, **options: Any) -> None:
        if not lrs.is_configured():
            raise CommandError("LRS_ENDPOINT is not set.")
        queued = lrs.queue_unsent_records()
        self.stdout.write(f"{queued} learning record(s) queued for the LRS.")
