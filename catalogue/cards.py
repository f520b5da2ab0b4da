"""List cards of learning items, rendered once and shared by every visitor.

A card shows only what editors publish (title, summary, form, duration, roles), so it is the
same for everyone who sees it on a portal in a language. It is kept in this process's page
memory under the page generation, which every publish moves on: an editor's change shows at
once, and a list page renders only the cards it has not shown since."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from core.cache import remember_each

from .models import LearningItemQuerySet

TEMPLATE = "catalogue/partials/item_card.html"


def item_cards(
    request: HttpRequest, rows: Sequence[tuple[int, str]], items: LearningItemQuerySet
) -> list[SafeString]:
    """The cards of the items in `rows` (primary key, closed label), in that order; those not
    rendered yet are fetched from `items` (which must bring what a card shows). An item
    unpublished since the list was made has no card: it is left out."""

    def render(missing: list[tuple[Any, ...]]) -> dict[tuple[Any, ...], SafeString]:
        row_of = {row[0]: row for row in missing}
        fetched = items.filter(pk__in=list(row_of))
        return {
            row_of[item.pk]: render_to_string(TEMPLATE, {"item": item}, request) for item in fetched
        }

    # The card's links depend on the portal (host) it is shown on.
    return remember_each("item-card", rows, render, request.get_host(), get_language() or "")
