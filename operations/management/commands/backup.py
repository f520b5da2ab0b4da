from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from django.utils.translation import gettext as _

from operations.backup import BackupError, make_backup


class Command(BaseCommand):
    help = "Back up the database and the uploaded files into a new folder, while running."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", type=Path, help="A new or empty folder.")

    def handle(self, *args: Any, folder: Path, **options: Any) -> None:
        with translation.override(settings.LANGUAGE_CODE):
            try:
                manifest = make_backup(target=folder)
            except BackupError as error:
                raise CommandError(str(error)) from error
            self.stdout.write(
                _(
                    "Backup in %(folder)s: %(pages)s pages, %(people)s people, "
                    "%(files)s files, in %(seconds)s s."
                )
                % {"folder": folder, **manifest}
            )
