"""Whole-page cache for anonymous visitors.

A library such as wagtail-cache strips cookies from the cache key, but here two functional
cookies change the HTML (the toolbar levels and the chosen language), so the key holds
them. Anything that could be personal is never cached: requests with a session, responses
that set a cookie or say private/no-store. Publishing bumps a generation number, so an
editor's change shows at once; the short lifetime covers what no hook reports.

The generation lives in the default cache, which every process shares; the pages and
portal data live in each process's own memory (the "pages" cache), under keys that hold the
generation. So a publish in any process (a web worker, the clock's scheduled publishing)
makes them stale in all processes at once, while a hit costs one small shared read.
"""

import hashlib
import time
import uuid
from collections.abc import Callable, Sequence
from contextvars import ContextVar
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import cache, caches
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils.connection import ConnectionProxy

from .display import COOKIE_NAME as DISPLAY_COOKIE

CACHE_SECONDS = 60
GENERATION_KEY = "page-cache:generation"
HEADER = "X-Page-Cache"
T = TypeVar("T")

page_cache = ConnectionProxy(caches, "pages")


def invalidate_page_cache(*args: Any, **kwargs: Any) -> None:
    """Make every cached page stale; the arguments of signals and hooks are ignored.

    After the commit, or a request in between would cache the old content under the new
    generation. A new random value rather than incr(): two publishes at once can never end
    on the same number, and set() is atomic in every cache."""
    transaction.on_commit(lambda: cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None))


# The generation as first read while serving a request: one shared read per request, however
# many cached parts the page uses, and none for a request that uses none.
_request_generation: ContextVar[list[str] | None] = ContextVar("page_generation", default=None)


def generation() -> str:
    known = _request_generation.get()
    if known is None:
        return cache.get(GENERATION_KEY, "")  # type: ignore[no-any-return]
    if not known:
        known.append(cache.get(GENERATION_KEY, ""))
    return known[0]


def portal_data_key(name: str, *parts: str) -> str:
    """The key of what `remember` keeps. The parts come from requests, so they are hashed
    into a key of fixed length and safe characters."""
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"portal-data:{name}:{generation()}:{digest}"


def remember(name: str, compute: Callable[[], T], *parts: str) -> T:
    """Cache-aside for what many pages share (a portal's site, region and menus, facet
    counts, glossary terms), refreshed together with the page cache."""
    key = portal_data_key(name, *parts)
    value = page_cache.get(key)
    if value is None:
        value = compute()
        page_cache.set(key, value, CACHE_SECONDS)
    return value  # type: ignore[no-any-return]


def remember_each(
    name: str,
    rows: Sequence[tuple[Any, ...]],
    compute: Callable[[list[tuple[Any, ...]]], dict[tuple[Any, ...], T]],
    *parts: str,
) -> list[T]:
    """As `remember`, for one value per row of a list (an item's card, an item's data): one
    look-up for all rows, and `compute` is asked only for the rows not kept yet. The values
    come back in the rows' order; a row `compute` has no value for is left out."""
    keys = [portal_data_key(name, *map(str, row), *parts) for row in rows]
    found: dict[str, T] = page_cache.get_many(keys)
    missing = [row for row, key in zip(rows, keys, strict=True) if key not in found]
    if missing:
        made = compute(missing)
        fresh = {key: made[row] for row, key in zip(rows, keys, strict=True) if row in made}
        page_cache.set_many(fresh, CACHE_SECONDS)
        found.update(fresh)
    return [found[key] for key in keys if key in found]


class KeptRows:
    """The rows of an ordered list as a paginator asks for them (its count and a slice per
    page), each kept per choice with `remember`. Which rows match a choice, and in which
    order, changes when editors publish; counting and ordering thousands of them costs more
    than anything else on the page. The rows are fetched afresh when the list's data must be
    current (free seats, say)."""

    def __init__(self, name: str, rows: Any, *choice: str) -> None:
        self.name, self.rows, self.choice = name, rows, choice

    def count(self) -> int:
        return remember(f"{self.name}-count", self.rows.count, *self.choice)

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, part: slice) -> list[Any]:
        rows = self.rows
        return remember(
            f"{self.name}-rows", lambda: list(rows[part]), *self.choice, f"{part.start}:{part.stop}"
        )


_in_process: dict[tuple[str, ...], tuple[str, float, Any]] = {}


def remember_in_process(name: str, compute: Callable[[], T], *parts: str) -> T:
    """As `remember`, for a large value that many requests use whole (every listed item
    with its facets, which recommendations weigh): kept as objects in this process rather
    than unpickled from a cache on each use. The value must never be changed by its users.
    One entry per name and parts, replaced when the generation moves on."""
    key = (name, *parts)
    current, now = generation(), time.monotonic()
    entry = _in_process.get(key)
    if entry is None or entry[0] != current or entry[1] < now:
        entry = (current, now + CACHE_SECONDS, compute())
        _in_process[key] = entry
    return entry[2]  # type: ignore[no-any-return]


def forget_in_process() -> None:
    """For tests, which empty every cache between them."""
    _in_process.clear()


def _is_cacheable_request(request: HttpRequest) -> bool:
    return (
        request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path_info.startswith(("/beheer/", "/django-admin/"))
    )


def _is_cacheable_response(response: HttpResponse) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and response.get("Content-Type", "").startswith("text/html")
        and not any(word in cache_control for word in ("private", "no-cache", "no-store"))
    )


def _key(request: HttpRequest) -> str:
    parts = [
        generation(),
        request.get_host(),
        request.get_full_path(),
        getattr(request, "LANGUAGE_CODE", ""),
        request.COOKIES.get(DISPLAY_COOKIE, ""),
        # htmx asks the same URL for just a part of the page.
        request.headers.get("HX-Request", ""),
    ]
    return "page-cache:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _request_generation.set([])
        try:
            return self.serve(request)
        finally:
            _request_generation.reset(token)

    def serve(self, request: HttpRequest) -> HttpResponse:
        if not _is_cacheable_request(request):
            return self.get_response(request)
        key = _key(request)
        cached = page_cache.get(key)
        if cached is not None:
            cached[HEADER] = "hit"
            return cached  # type: ignore[no-any-return]
        response = self.get_response(request)
        if _is_cacheable_response(response):
            page_cache.set(key, response, CACHE_SECONDS)
            response[HEADER] = "miss"
        return response
