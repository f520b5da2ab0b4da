"""What a spearhead's page gathers from the other apps, each through that app's own
QuerySet methods, in one query per kind however much there is."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from catalogue.models import LearningItemPage
from circles.models import Bottleneck
from core.models import Region
from events.models import EventPage, Session
from news.models import NewsPage
from tracks.models import TrackPage

if TYPE_CHECKING:
    from .models import SpearheadPage

# A spearhead's page shows the newest few of each kind and links to the full lists.
SHOWN_PER_KIND = 6


@dataclass
class Gathered:
    items: list[LearningItemPage] = field(default_factory=list)
    sessions: list[Session] = field(default_factory=list)
    tracks: list[LearningItemPage] = field(default_factory=list)
    bottlenecks: list[Bottleneck] = field(default_factory=list)
    news: list[Any] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.items or self.sessions or self.tracks or self.bottlenecks or self.news)


def _on_offer(region: Region | None, theme_id: int) -> Any:
    """The portal's published learning items with the theme that one can still take."""
    return (
        LearningItemPage.objects.live()
        .public()
        .for_region(region)
        .with_closed_label()
        .on_offer()
        .filter(themes=theme_id)
        .select_related("learning_form")
        .order_by("-first_published_at", "pk")
    )


def gathered_news(*, spearhead: SpearheadPage, region: Region | None) -> list[NewsPage]:
    """The portal's newest news items with the spearhead's theme."""
    if spearhead.theme_id is None:
        return []
    news = NewsPage.objects.live().public().for_region(region).filter(themes=spearhead.theme_id)
    return list(news.defer_streamfields().order_by("-date", "-pk")[:SHOWN_PER_KIND])


def gather(*, spearhead: SpearheadPage, region: Region | None) -> Gathered:
    on_offer = _on_offer(region, spearhead.theme_id)
    return Gathered(
        items=list(on_offer.not_type(EventPage, TrackPage)[:SHOWN_PER_KIND]),
        tracks=list(on_offer.type(TrackPage)[:SHOWN_PER_KIND]),
        # The coming sessions of the same published events of the portal; asking through
        # the items above saves a second look at the view restrictions.
        sessions=list(
            Session.objects.upcoming()
            .filter(event__in=on_offer.type(EventPage).values("pk"))
            .select_related("event")
            .order_by("starts_at", "pk")[:SHOWN_PER_KIND]
        ),
        # Only what a circle chose to share with the region: title, kind, municipality
        # and status, never the case it came from (the template shows no more).
        bottlenecks=list(
            Bottleneck.objects.shared()
            .for_region(region)
            .filter(kind__in=spearhead.bottleneck_kinds or [])
            .order_by("-shared_at", "pk")[:SHOWN_PER_KIND]
        ),
        news=gathered_news(spearhead=spearhead, region=region),
    )
