"""Import CBS figures (and optionally boundaries and Veenkoloniën definitions) for the
poverty monitor. Run it again on next year's table of the same columns to add that year."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from django.utils.translation import gettext as _

from monitor import services

BAR_WIDTH = 30


class Command(BaseCommand):
    help = (
        "Import a CBS indicators table (CSV, the columns of ../shared/data/README.md), "
        "optionally the boundaries (GeoJSON) and the Veenkoloniën definitions (JSON). "
        "Without files: everything in MONITOR_DATA_DIR."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("figures", nargs="?", type=Path, help="the indicators CSV")
        parser.add_argument(
            "--year", type=int, help="the year of the figures (default: from the file name)"
        )
        parser.add_argument("--source", default="", help="the source line shown with the figures")
        parser.add_argument("--licence", default=services.LICENCE)
        parser.add_argument("--boundaries", type=Path, help="the boundaries GeoJSON")
        parser.add_argument("--veenkolonien", type=Path, help="veenkolonien_gemeenten.json")
        parser.add_argument(
            "--if-present",
            action="store_true",
            help="without files: do nothing when MONITOR_DATA_DIR has no figures (make run)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        # The messages are for the person at the terminal: in the site's language.
        with translation.override(settings.LANGUAGE_CODE):
            self.run(options)

    def run(self, options: dict[str, Any]) -> None:
        try:
            if options["figures"] is None:
                self.import_data_dir(if_present=options["if_present"])
            else:
                self.import_files(options)
        except services.MonitorImportError as error:
            raise CommandError(
                _("Nothing was imported:") + "\n" + "\n".join(f"- {line}" for line in error.errors)
            ) from None

    def import_data_dir(self, *, if_present: bool) -> None:
        directory = Path(settings.MONITOR_DATA_DIR)
        result = services.import_data_dir(directory=directory, progress=self.progress)
        if result is None and if_present:
            self.stdout.write(
                _("No figures in %(folder)s: the monitor stays as it is.") % {"folder": directory}
            )
            return
        if result is None:
            raise CommandError(
                _("No figures found in %(folder)s (MONITOR_DATA_DIR).") % {"folder": directory}
            )
        self.report(result)

    def import_files(self, options: dict[str, Any]) -> None:
        result = services.import_figures(
            path=options["figures"],
            year=options["year"],
            source=options["source"],
            licence=options["licence"],
            progress=self.progress,
        )
        self.report(result)
        if options["boundaries"]:
            count = services.import_boundaries(path=options["boundaries"], progress=self.progress)
            self.stdout.write(_("%(count)s municipal boundaries read.") % {"count": count})
        if options["veenkolonien"]:
            count = services.import_veenkolonien(path=options["veenkolonien"])
            self.stdout.write(
                _("%(count)s definitions of the Veenkoloniën read.") % {"count": count}
            )

    def progress(self, done: int, total: int) -> None:
        filled = BAR_WIDTH * done // total
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        self.stdout.write(f"\r[{bar}] {done}/{total}", ending="\n" if done == total else "")
        self.stdout.flush()

    def report(self, result: services.ImportResult) -> None:
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "%(figures)s figures of %(municipalities)s municipalities for %(year)s "
                    "read (%(created)s municipalities new)."
                )
                % {
                    "figures": result.figures,
                    "municipalities": result.municipalities,
                    "year": result.year,
                    "created": result.created_municipalities,
                }
            )
        )
