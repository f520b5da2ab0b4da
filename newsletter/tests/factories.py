from __future__ import annotations

from typing import Any

from django.utils import timezone
from wagtail.models import Page

from core.models import Region

from ..models import NewsletterEdition, NewsletterIndexPage, Subscriber


def create_newsletter_page(parent: Page, regions: list[Region]) -> NewsletterIndexPage:
    page = NewsletterIndexPage(title="Nieuwsbrief", slug="nieuwsbrief", intro="Twee keer per jaar.")
    page.regions.set(regions)
    parent.add_child(instance=page)
    return page


def create_edition(
    index: NewsletterIndexPage, regions: list[Region], *, slug: str = "voorjaar", **fields: Any
) -> NewsletterEdition:
    edition = NewsletterEdition(
        title=fields.pop("title", "Nieuwsbrief voorjaar"),
        slug=slug,
        subject=fields.pop("subject", "Nieuwsbrief voorjaar"),
        intro=fields.pop("intro", "Dit is er nieuw in de leeromgeving."),
        **fields,
    )
    edition.regions.set(regions)
    index.add_child(instance=edition)
    edition.save_revision().publish()
    return edition


def create_subscriber(
    email: str, regions: list[Region], *, state: str = Subscriber.State.CONFIRMED, **fields: Any
) -> Subscriber:
    now = timezone.now()
    subscriber = Subscriber.objects.create(
        email=email,
        state=state,
        consent_text="Ja, stuur mij de nieuwsbrief.",
        consent_source="test",
        consented_at=now,
        confirmed_at=now if state == Subscriber.State.CONFIRMED else None,
        **fields,
    )
    subscriber.regions.set(regions)
    return subscriber


def create_subscribers(count: int, regions: list[Region]) -> list[Subscriber]:
    """Many at once, as the sending tests and the benchmark need them."""
    now = timezone.now()
    Subscriber.objects.bulk_create(
        Subscriber(
            email=f"lezer{n}@example.org",
            state=Subscriber.State.CONFIRMED,
            consent_text="Ja, stuur mij de nieuwsbrief.",
            consent_source="test",
            consented_at=now,
            confirmed_at=now,
        )
        for n in range(count)
    )
    subscribers = list(Subscriber.objects.filter(email__startswith="lezer"))
    through = Subscriber.regions.through
    through.objects.bulk_create(
        through(subscriber_id=s.pk, region_id=r.pk) for s in subscribers for r in regions
    )
    return subscribers
