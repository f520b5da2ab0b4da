"""The glossary ("begrippenlijst"): a shared language for everyone who works on poverty."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import models
from django.db.models.functions import Lower
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from core.cache import remember
from core.models import RegionalPage

from .linking import TermLink
from .querysets import TermQuerySet, letter_index, synonym_lines


class Term(models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        unique=True,
        help_text=_("Used in the web address of the term on the glossary page."),
    )
    short_definition = models.CharField(
        _("short definition"),
        max_length=300,
        help_text=_("One or two plain sentences, shown when someone points at the term."),
    )
    description = RichTextField(
        _("description"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("A longer explanation for the glossary page."),
    )
    synonyms = models.TextField(
        _("synonyms"),
        blank=True,
        help_text=_("Other words for the same thing, one per line. They link to the term too."),
    )
    related_terms = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="referenced_by",
        verbose_name=_("related terms"),
        help_text=_("Terms a reader may want to look up next."),
    )

    objects = TermQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("short_definition", widget=forms.Textarea(attrs={"rows": 3})),
        FieldPanel("description"),
        FieldPanel("synonyms"),
        FieldPanel("related_terms", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta:
        # The glossary page orders accents as plain letters itself (see sort_key).
        ordering = [Lower("name")]
        verbose_name = _("term")
        verbose_name_plural = _("terms")

    def __str__(self) -> str:
        return self.name

    @property
    def synonym_list(self) -> list[str]:
        return synonym_lines(self.synonyms)


def glossary_terms() -> list[TermLink]:
    """Every term as linking needs it, cached with the pages, so most requests ask no query.
    Editing a term in the admin refreshes the cache (see core.wagtail_hooks)."""
    return remember("glossary-terms", Term.objects.as_links)


class GlossaryIndexPage(RegionalPage):
    """The glossary page, /begrippen/: every term from A to Z."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*RegionalPage.content_panels, FieldPanel("intro")]
    search_fields = [*RegionalPage.search_fields, index.SearchField("intro")]
    parent_page_types = ["core.SharedContentRoot"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = _("glossary page")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        groups = Term.objects.with_related_terms().by_letter()
        context["letter_groups"] = groups
        context["letter_index"] = letter_index(groups)
        return context
