"""/organisaties/: the alliance's partners by sector, and a page per partner."""

from __future__ import annotations

from itertools import groupby

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from wagtail import hooks

from core.models import Organisation


def partners() -> QuerySet[Organisation]:
    return Organisation.objects.filter(is_partner=True)


def index(request: HttpRequest) -> HttpResponse:
    listed = (
        partners()
        .select_related("sector", "municipality")
        .order_by("sector__sort_order", "sector__name", "name")
    )
    sectors = [(sector, list(group)) for sector, group in groupby(listed, key=lambda o: o.sector)]
    return render(request, "organisations/index.html", {"sectors": sectors})


def detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(partners().select_related("sector", "municipality"), slug=slug)
    context = {
        "organisation": organisation,
        "municipalities": organisation.municipalities.all(),
        # Apps above this one (events, tracks, circles) show what the organisation takes
        # part in: each hook function takes the request and the organisation, returns HTML.
        "panels": [
            panel(request, organisation) for panel in hooks.get_hooks("organisation_panels")
        ],
    }
    return render(request, "organisations/detail.html", context)
