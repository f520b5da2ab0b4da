"""/monitor/: the figures per municipality as a map and a table, and a page per municipality."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail import hooks

from core.models import Municipality, Organisation

from . import figures
from .indicators import DEFAULT_INDICATOR, INDICATORS

SORT_COLUMNS = ("gemeente", "provincie", "waarde")
DEFAULT_SORT = "gemeente"


def _sort_links(indicator: str, sort: str) -> dict[str, dict[str, str]]:
    """Per column: the address that sorts by it (again: the other way) and its aria-sort."""
    links = {}
    for column in SORT_COLUMNS:
        is_current = sort.removeprefix("-") == column
        descending = sort.startswith("-")
        next_sort = f"-{column}" if is_current and not descending else column
        links[column] = {
            "url": "?" + urlencode({"indicator": indicator, "sorteer": next_sort}),
            "aria_sort": ("descending" if descending else "ascending") if is_current else "",
        }
    return links


def index(request: HttpRequest) -> HttpResponse:
    indicator = request.GET.get("indicator", DEFAULT_INDICATOR)
    if indicator not in INDICATORS:
        indicator = DEFAULT_INDICATOR
    sort = request.GET.get("sorteer", DEFAULT_SORT)
    if sort.removeprefix("-") not in SORT_COLUMNS:
        sort = DEFAULT_SORT
    context: dict[str, Any] = {
        "overview": figures.overview(indicator_key=indicator, sort=sort),
        "sort_links": _sort_links(indicator, sort),
        "data_dir": settings.MONITOR_DATA_DIR,
    }
    template = "monitor/index.html"
    if getattr(request, "htmx", False):
        template += "#results"
    return render(request, template, context)


def municipality(request: HttpRequest, slug: str) -> HttpResponse:
    # A few hundred rows at most; a slug column in core would only mirror the name.
    found = next(
        (
            candidate
            for candidate in Municipality.objects.select_related("region")
            if figures.municipality_slug(candidate) == slug
        ),
        None,
    )
    if found is None:
        raise Http404(_("This municipality is not in the monitor."))
    context = {
        "municipality": found,
        "figures": figures.municipality_figures(found),
        # Apps above the monitor (circles, events) show what they offer here: each hook
        # function takes the request and the municipality and returns HTML.
        "offers": [offer(request, found) for offer in hooks.get_hooks("municipality_offer")],
        # Based here, or working here: partners link to their page under /organisaties/.
        "organisations": Organisation.objects.filter(
            Q(municipality=found) | Q(municipalities=found)
        )
        .select_related("sector")
        .distinct(),
    }
    return render(request, "monitor/municipality.html", context)
