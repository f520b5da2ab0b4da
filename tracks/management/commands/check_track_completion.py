"""Issue the certificates that are due, by hand; `run_periodic_jobs` runs the same every
hour (tracks/wagtail_hooks.py). Completing a preparation item or handing in an assignment
happens in `learning`, which does not call tracks; this catches completions nobody has
looked at yet."""

from typing import Any

from django.core.management.base import BaseCommand

from tracks.services import check_all_completions


class Command(BaseCommand):
    help = "Issue certificates to participants who meet their track's completion rules."

    def handle(self, *args: Any, **options: Any) -> None:
        issued = check_all_completions()
        self.stdout.write(f"{issued} certificate(s) issued.")
