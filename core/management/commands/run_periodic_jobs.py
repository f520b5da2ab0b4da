import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from core.periodic import run_due_jobs

ROUND_SECONDS = 60


class Command(BaseCommand):
    help = "Run the periodic jobs that are due; with --loop, check again every minute."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--loop", action="store_true", help="Keep running, once a minute.")

    def handle(self, *args: Any, loop: bool, **options: Any) -> None:
        while True:
            for name in run_due_jobs():
                self.stdout.write(f"Ran {name}.")
            if not loop:
                return
            time.sleep(ROUND_SECONDS)
