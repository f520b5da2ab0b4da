import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from newsletter.bounces import handle_event


class Command(BaseCommand):
    help = (
        "Suspend newsletter addresses from Postmark bounce or spam-complaint events "
        "(one JSON object or a list), from a file or '-' for standard input."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file", help="a JSON file, or - for standard input")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["file"] == "-":
                payload = json.load(sys.stdin)
            else:
                with open(options["file"], encoding="utf-8") as file:
                    payload = json.load(file)
        except (OSError, ValueError) as error:
            raise CommandError(f"Cannot read the events: {error}") from error
        for event in payload if isinstance(payload, list) else [payload]:
            try:
                outcome = handle_event(event)
            except ValueError as error:
                self.stderr.write(f"skipped: {error}")
                continue
            state = "suspended" if outcome.suspended else "kept"
            self.stdout.write(f"{outcome.email}: {state} ({outcome.reason})")
