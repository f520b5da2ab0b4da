"""The search index: one row per thing a visitor can find at /zoeken/.

The row keeps the text as shown (title and body for the snippet) and as searched (the
stems from search.text). Each database indexes the stems its own way, set up in
migration 0002: an FTS5 table kept in step by triggers on SQLite, a generated tsvector
column with a GIN index on PostgreSQL. So rows can be written with the plain ORM,
bulk_create included. A later migration that makes SQLite copy this table (most field
changes do) drops the triggers with the old table: create them again in that migration.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from core.models import Region

from .querysets import SearchEntryManager


class SearchEntry(models.Model):
    class Kind(models.TextChoices):
        ITEM = "item", _("learning item")
        TERM = "term", _("glossary term")
        NEWS = "news", _("news item")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    page = models.OneToOneField(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("page"),
    )
    term = models.OneToOneField(
        "glossary.Term",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("term"),
    )
    content_type = models.ForeignKey(
        ContentType,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("content type"),
        help_text=_("The specific type, whose name is shown with the result."),
    )
    title = models.CharField(_("title"), max_length=255)
    body = models.TextField(_("text"), blank=True)
    url_path = models.CharField(
        _("path"), max_length=500, help_text=_("Below the portal's address, e.g. /aanbod/slug/.")
    )
    regions = models.ManyToManyField(
        Region, blank=True, related_name="+", verbose_name=_("regions")
    )
    in_all_regions = models.BooleanField(_("shown in every region"), default=False)
    title_stems = models.TextField(_("title stems"))
    body_stems = models.TextField(_("body stems"), blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = SearchEntryManager()

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.CheckConstraint(
                name="search_entry_page_or_term",
                condition=Q(page__isnull=False, term__isnull=True)
                | Q(page__isnull=True, term__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def kind_label(self) -> str:
        """The name of the specific type, e.g. "Kennisclip" or "Begrip"."""
        model = self.content_type.model_class()
        return str(capfirst(model._meta.verbose_name)) if model else ""
