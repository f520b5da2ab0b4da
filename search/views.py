from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.formats import number_format
from django.utils.safestring import SafeString

from catalogue.models import CatalogueIndexPage
from core.cache import remember
from core.models import portal_path
from core.portals import site_path
from glossary.linking import GLOSSARY_PATH

from .forms import SearchForm
from .models import SearchEntry
from .querysets import RESULT_LIMIT
from .text import query_stems, snippet

PAGE_SIZE = 20


@dataclass(frozen=True)
class Result:
    entry: SearchEntry
    snippet: SafeString


def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    stems = query_stems(query)
    region = getattr(request, "region", None)
    ids = SearchEntry.objects.ranked_ids(stems, region=region, limit=RESULT_LIMIT)
    # Beyond the limit a count would cost as much as ranking every match and tells a
    # person nothing they can act on but "use a more precise word", which the page says.
    more_than_limit = len(ids) > RESULT_LIMIT
    ids = ids[:RESULT_LIMIT]
    results_page = Paginator(ids, PAGE_SIZE).get_page(request.GET.get("pagina"))
    entries = SearchEntry.objects.for_display().in_bulk(results_page.object_list)
    results = [
        Result(entry, snippet(entry.body, stems))
        for entry_id in results_page.object_list
        if (entry := entries.get(entry_id))
    ]
    query_without_page = request.GET.copy()
    query_without_page.pop("pagina", None)
    return render(
        request,
        "search/search.html",
        {
            "form": form,
            "query": query,
            "results": results,
            "results_page": results_page,
            "result_count": len(ids),
            "more_than_limit": more_than_limit,
            "result_limit": number_format(RESULT_LIMIT, force_grouping=True),
            "query_without_page": query_without_page.urlencode(),
            "catalogue_path": "" if ids else remember("catalogue-path", _catalogue_path),
            "glossary_path": site_path(GLOSSARY_PATH),
        },
    )


def _catalogue_path() -> str:
    catalogue = CatalogueIndexPage.objects.live().first()
    return site_path(portal_path(catalogue)) if catalogue else ""
