"""Archive and delete cases by age, by hand. `run_periodic_jobs` runs the same every hour
(registered in circles/wagtail_hooks.py); running it again does no harm."""

from typing import Any

from django.core.management.base import BaseCommand

from circles.services import apply_case_retention


class Command(BaseCommand):
    help = "Archive cases past the archive period and delete cases past the deletion period."

    def handle(self, *args: Any, **options: Any) -> None:
        archived, deleted = apply_case_retention()
        self.stdout.write(f"{archived} cases archived, {deleted} cases deleted.")
