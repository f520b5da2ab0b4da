from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from django.utils.translation import gettext as _

from operations.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup made by `backup` into an empty installation "
        "(stop the web processes, worker and clock first)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", type=Path, help="The folder `backup` wrote.")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Overwrite a database that is not empty.",
        )

    def handle(self, *args: Any, folder: Path, replace: bool, **options: Any) -> None:
        with translation.override(settings.LANGUAGE_CODE):
            try:
                result = restore_backup(source=folder, replace=replace)
            except BackupError as error:
                raise CommandError(str(error)) from error
            found = result["restored"]
            self.stdout.write(
                _(
                    "Restored from %(folder)s in %(seconds)s s: %(pages)s pages, "
                    "%(people)s people, %(files)s files (the backup had %(b_pages)s, "
                    "%(b_people)s and %(b_files)s)."
                )
                % {
                    "folder": folder,
                    "seconds": result["restore_seconds"],
                    **found,
                    "b_pages": result["pages"],
                    "b_people": result["people"],
                    "b_files": result["files"],
                }
            )
            if (found["pages"], found["people"]) != (result["pages"], result["people"]):
                raise CommandError(_("The counts differ from the backup's."))
