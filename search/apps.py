from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self) -> None:
        from wagtail.models import PageViewRestriction
        from wagtail.signals import (
            page_published,
            page_slug_changed,
            page_unpublished,
            post_page_move,
        )

        from glossary.models import Term

        # Deleting a page or a term deletes its entry through the foreign key's cascade,
        # which also covers queryset deletes that send no signal per object.
        page_published.connect(_index_page, dispatch_uid="search-page-published")
        page_unpublished.connect(_remove_page, dispatch_uid="search-page-unpublished")
        # These change the addresses of a page and everything below it.
        post_page_move.connect(_reindex_below, dispatch_uid="search-page-moved")
        page_slug_changed.connect(_reindex_below, dispatch_uid="search-slug-changed")
        # A private page must leave the index at once: its text would show in snippets.
        post_save.connect(
            _reindex_restricted, sender=PageViewRestriction, dispatch_uid="search-restricted"
        )
        post_delete.connect(
            _reindex_restricted, sender=PageViewRestriction, dispatch_uid="search-unrestricted"
        )
        post_save.connect(_index_term, sender=Term, dispatch_uid="search-term-saved")


def _index_page(sender: Any, instance: Any, **kwargs: Any) -> None:
    from .services import index_page

    index_page(page=instance)


def _remove_page(sender: Any, instance: Any, **kwargs: Any) -> None:
    from .services import remove_page

    remove_page(page=instance)


def _reindex_below(sender: Any, instance: Any, **kwargs: Any) -> None:
    from .services import reindex_below

    reindex_below(page=instance)


def _reindex_restricted(sender: Any, instance: Any, **kwargs: Any) -> None:
    from django.db import transaction
    from wagtail.models import Page

    from .services import reindex_below

    def reindex() -> None:
        # After the commit: a restriction also goes when its page is deleted, and the
        # page's entry must not be written again then.
        page = Page.objects.filter(pk=page_id).first()
        if page is not None:
            reindex_below(page=page)

    page_id = instance.page_id
    transaction.on_commit(reindex)


def _index_term(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    from .services import index_term

    # Fixtures load raw rows; the demo loader rebuilds the index afterwards.
    if not raw:
        index_term(term=instance)
