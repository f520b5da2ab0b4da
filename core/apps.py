from typing import Any

from django.apps import AppConfig
from django.core.management import call_command
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


def create_cache_table(using: str, **kwargs: Any) -> None:
    """Every `migrate` (make run, a deploy, the benchmarks) creates the database cache's
    table when the settings use one; the command does nothing when it exists."""
    call_command("createcachetable", database=using, verbosity=0)


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Platform and taxonomy")

    def ready(self) -> None:
        from wagtail.admin.views.mixins import SpreadsheetExportMixin
        from wagtail.models import PageViewRestriction
        from wagtail.signals import page_published, page_unpublished

        from .cache import invalidate_page_cache
        from .exports import wagtail_as_spreadsheet

        # Signals rather than admin hooks, so scheduled publishing also refreshes pages.
        page_published.connect(invalidate_page_cache, dispatch_uid="page-cache-published")
        page_unpublished.connect(invalidate_page_cache, dispatch_uid="page-cache-unpublished")
        # Making a page private or public again changes who may see it (see
        # ViewRestrictionsFromCacheMixin); Wagtail offers no hook for it.
        for signal, name in ((post_save, "saved"), (post_delete, "deleted")):
            signal.connect(
                invalidate_page_cache,
                sender=PageViewRestriction,
                dispatch_uid=f"page-cache-restriction-{name}",
            )

        # Wagtail offers no setting for how its listings and reports export, so its one
        # writer is replaced: every "Download CSV/XLSX" in /beheer/ neutralises formulas
        # and writes what Dutch Excel opens (see core.exports).
        SpreadsheetExportMixin.as_spreadsheet = wagtail_as_spreadsheet
        post_migrate.connect(create_cache_table, sender=self)
