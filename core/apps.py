from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Platform and taxonomy")

    def ready(self) -> None:
        from wagtail.admin.views.mixins import SpreadsheetExportMixin
        from wagtail.signals import page_published, page_unpublished

        from .cache import invalidate_page_cache
        from .exports import wagtail_as_spreadsheet

        # Signals rather than admin hooks, so scheduled publishing also refreshes pages.
        page_published.connect(invalidate_page_cache, dispatch_uid="page-cache-published")
        page_unpublished.connect(invalidate_page_cache, dispatch_uid="page-cache-unpublished")

        # Wagtail offers no setting for how its listings and reports export, so its one
        # writer is replaced: every "Download CSV/XLSX" in /beheer/ neutralises formulas
        # and writes what Dutch Excel opens (see core.exports).
        SpreadsheetExportMixin.as_spreadsheet = wagtail_as_spreadsheet
