"""List cards of learning items, rendered once and shared by every visitor.

A card shows only what editors publish (title, summary, form, duration, roles), so it is the
same for everyone who sees it on a portal in a language. It is kept in this process's page
memory under the page generation, which every publish moves on: an editor's change shows at
once, and a list page renders only the cards it has not shown since."""

from __future__ import annotations

from collections.abc import Sequence

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from core.cache import CACHE_SECONDS, page_cache, portal_data_key

from .models import LearningItemQuerySet

TEMPLATE = "catalogue/partials/item_card.html"


def item_cards(
    request: HttpRequest, rows: Sequence[tuple[int, str]], items: LearningItemQuerySet
) -> list[SafeString]:
    """The cards of the items in `rows` (primary key, closed label), in that order; those not
    rendered yet are fetched from `items` (which must bring what a card shows)."""
    # The card's links depend on the portal (host) it is shown on.
    parts = (request.get_host(), get_language() or "")
    keys = [portal_data_key("item-card", str(pk), closed, *parts) for pk, closed in rows]
    found: dict[str, str] = page_cache.get_many(keys)
    missing = {pk: key for (pk, _closed), key in zip(rows, keys, strict=True) if key not in found}
    if missing:
        rendered = {
            missing[item.pk]: render_to_string(TEMPLATE, {"item": item}, request)
            for item in items.filter(pk__in=list(missing))
        }
        page_cache.set_many(rendered, CACHE_SECONDS)
        found.update(rendered)
    # An item unpublished since the list was made has no card: it is left out.
    return [mark_safe(found[key]) for key in keys if key in found]
