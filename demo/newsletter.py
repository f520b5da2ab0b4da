"""The newsletter page at /nieuwsbrief/ and one sent edition for the archive, written
through the newsletter's services. The demo has no subscribers of its own: the people in
it are invented, and loading the demo sends no e-mail."""

from __future__ import annotations

from wagtail.models import Page

from catalogue.models import LearningItemPage
from core.models import Region, SharedContentRoot
from events.models import EventPage
from newsletter import services
from newsletter.models import NewsletterEdition, NewsletterIndexPage

from .pages import add_page

INTRO = (
    "Twee keer per jaar, in het voorjaar en in het najaar, lees je in de nieuwsbrief wat er "
    "nieuw is in de leeromgeving: nieuw aanbod, trainingen die eraan komen en wat "
    "leerkringen in de regio leerden."
)


def load(regions: list[Region]) -> int:
    """Returns the number of editions created."""
    shared_root = SharedContentRoot.objects.get()
    index = NewsletterIndexPage.objects.first()
    if index is None:
        index = NewsletterIndexPage(title="Nieuwsbrief", slug="nieuwsbrief", intro=INTRO)
        index.regions.set(regions)
        add_page(shared_root, index)
    if NewsletterEdition.objects.exists():
        return 0
    # Pages both portals show, as the edition goes to both regions.
    in_both = LearningItemPage.objects.live()
    for region in regions:
        in_both = in_both.filter(regions=region)
    items = list(in_both.not_type(EventPage).order_by("pk")[:3])
    events = list(in_both.type(EventPage).order_by("pk")[:2])
    edition = NewsletterEdition(
        title="Nieuwsbrief najaar (voorbeeld)",
        slug="najaar",
        subject="Nieuwsbrief Leren over armoede: najaar",
        intro=(
            "In deze voorbeeldeditie lees je wat er nieuw is in het aanbod en welke "
            "trainingen eraan komen. Kies wat bij jouw werk past."
        ),
        body=[
            ("pages", {"heading": "Nieuw in het aanbod", "pages": items}),
            ("pages", {"heading": "Trainingen die eraan komen", "pages": events}),
        ],
    )
    edition.regions.set(regions)
    add_page(index, edition)
    services.start_sending(edition=Page.objects.get(pk=edition.pk).specific)
    return 1
