"""Enqueue the daily e-mail for members who chose a digest. Run once a day (e.g. cron
`0 7 * * *`); the digest covers the 24 hours before it runs."""

from typing import Any

from django.core.management.base import BaseCommand

from circles.tasks import send_daily_digests


class Command(BaseCommand):
    help = "Send the daily digest of new cases and comments to members who chose it."

    def handle(self, *args: Any, **options: Any) -> None:
        send_daily_digests.enqueue()
        self.stdout.write("Daily digests queued.")
