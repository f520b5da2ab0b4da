"""Keeping the search index in step with pages and glossary terms."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Page
from wagtail.rich_text import get_text_for_indexing
from wagtail.search import index

from catalogue.models import LearningItemPage
from core.models import PortalHomePage, portal_path
from glossary.linking import GLOSSARY_PATH
from glossary.models import Term
from news.models import NewsPage

from .models import SearchEntry
from .text import stems


def page_text(page: Page) -> str:
    """The plain text of a page's declared search fields other than the title, in their
    order, so a new page type is indexed as its own search_fields say."""
    parts: list[str] = []
    for field in page.get_search_fields():
        if isinstance(field, index.SearchField) and field.field_name != "title":
            parts.extend(_strings(field.get_value(page)))
    return _one_line(parts)


@transaction.atomic
def index_page(*, page: Page) -> None:
    """Add or refresh the page's entry; remove it when the page is not for everyone."""
    page = page.specific
    if not isinstance(page, (LearningItemPage, NewsPage)):
        return
    if not page.live or page.get_view_restrictions().exists():
        remove_page(page=page)
        return
    body = page_text(page)
    entry, _created = SearchEntry.objects.update_or_create(
        page=page,
        defaults={
            "kind": SearchEntry.Kind.NEWS if isinstance(page, NewsPage) else SearchEntry.Kind.ITEM,
            "content_type": ContentType.objects.get_for_model(page),
            "title": page.title,
            "body": body,
            "url_path": portal_path(page),
            "in_all_regions": False,
            **_stem_fields(page.title, body),
        },
    )
    entry.regions.set(_shown_in(page))


@transaction.atomic
def remove_page(*, page: Page) -> None:
    SearchEntry.objects.filter(page_id=page.pk).delete()


@transaction.atomic
def reindex_below(*, page: Page) -> None:
    """Index the learning items and news at or below a page afresh, after their address or
    who may see them changed."""
    below = Page.objects.descendant_of(page, inclusive=True)
    for item in below.type(LearningItemPage, NewsPage):
        index_page(page=item)


@transaction.atomic
def index_term(*, term: Term) -> None:
    body = _one_line([term.short_definition, get_text_for_indexing(term.description)])
    # A synonym is another name for the term, so it weighs as much as the name.
    SearchEntry.objects.update_or_create(
        term=term,
        defaults={
            "kind": SearchEntry.Kind.TERM,
            "content_type": ContentType.objects.get_for_model(Term),
            "title": term.name,
            "body": body,
            "url_path": f"{GLOSSARY_PATH}#{term.slug}",
            "in_all_regions": True,
            **_stem_fields(f"{term.name}\n{term.synonyms}", body),
        },
    )


@transaction.atomic
def rebuild_index() -> int:
    """Index every live public learning item, news item and glossary term afresh; returns
    the number of entries."""
    SearchEntry.objects.all().delete()
    for model in (LearningItemPage, NewsPage):
        for page in model.objects.live().public().specific().iterator():
            index_page(page=page)
    for term in Term.objects.iterator():
        index_term(term=term)
    return SearchEntry.objects.count()


def _shown_in(page: LearningItemPage | NewsPage) -> list[int]:
    """The regions whose portal shows the page: those it is marked for, and below one
    portal's home only that portal's region, as core.models.portal_scope decides."""
    region_ids = [region.pk for region in page.regions.all()]
    home_path = page.path[: 2 * Page.steplen]
    home_region = (
        PortalHomePage.objects.filter(path=home_path).values_list("region_id", flat=True).first()
    )
    if home_region is None:
        return region_ids
    return [region_id for region_id in region_ids if region_id == home_region]


def _stem_fields(title: str, body: str) -> dict[str, str]:
    return {"title_stems": " ".join(stems(title)), "body_stems": " ".join(stems(body))}


def _strings(value: Any) -> Iterable[str]:
    if value is None:
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, Iterable):
        for item in value:
            yield from _strings(item)
    else:
        yield str(value)


def _one_line(parts: Iterable[str]) -> str:
    """One run of text, as a snippet shows it. Composed (NFC), so a letter with its
    diacritic is one character that search.text reads as part of its word."""
    return unicodedata.normalize("NFC", " ".join(" ".join(parts).split()))
