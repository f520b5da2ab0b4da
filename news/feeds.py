"""The portal's news as an Atom feed (RFC 4287) at /nieuws/feed/."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from .models import NewsIndexPage, NewsPage

FEED_SIZE = 20


class NewsFeed(Feed):  # type: ignore[type-arg]
    feed_type = Atom1Feed
    author_name = "Alliantie van Kracht tegen Armoede"

    def __init__(self, *, index_page: NewsIndexPage) -> None:
        super().__init__()
        self.index_page = index_page

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpRequest:
        return request

    def title(self, request: HttpRequest) -> str:
        region = getattr(request, "region", None)
        return _("News · Learning about poverty %(region)s") % {
            "region": region.logo_text if region else ""
        }

    def subtitle(self, request: HttpRequest) -> str:
        return self.index_page.intro

    # Full addresses from the portal's public address (core.portals), not the request's
    # host as Django's syndication would make them.
    def link(self, request: HttpRequest) -> str:
        return self.index_page.get_full_url(request) or "/"

    def feed_url(self, request: HttpRequest) -> str:
        return (self.index_page.get_full_url(request) or "/") + "feed/"

    def items(self, request: HttpRequest) -> list[NewsPage]:
        self.request = request
        return list(NewsPage.objects.listed(getattr(request, "region", None))[:FEED_SIZE])

    def item_title(self, item: NewsPage) -> str:
        return item.title

    def item_description(self, item: NewsPage) -> str:
        return item.summary

    def item_link(self, item: NewsPage) -> str:
        return item.get_full_url(self.request) or "/"

    def item_pubdate(self, item: NewsPage) -> datetime:
        return timezone.make_aware(datetime.combine(item.date, time(9)))

    def item_updateddate(self, item: NewsPage) -> datetime:
        return item.last_published_at or self.item_pubdate(item)
