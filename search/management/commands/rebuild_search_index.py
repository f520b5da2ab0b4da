from typing import Any

from django.core.management.base import BaseCommand

from search.services import rebuild_index


class Command(BaseCommand):
    help = "Index every live public learning item and every glossary term afresh."

    def handle(self, *args: Any, **options: Any) -> None:
        count = rebuild_index()
        self.stdout.write(f"Indexed {count} search entries.")
