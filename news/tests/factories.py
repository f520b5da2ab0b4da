from datetime import date
from typing import Any

from django.core.files.base import ContentFile
from wagtail.images.models import Image
from wagtail.models import Page
from wagtail.rich_text import RichText

from core.models import Region
from core.tests.factories import shared_root
from news.models import ContactFormPage, Message, NewsIndexPage, NewsPage, NewsRelatedPage

# The smallest valid GIF: one transparent pixel.
PIXEL = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00"
    b"\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)


def create_news_index(regions: list[Region]) -> NewsIndexPage:
    index = NewsIndexPage(title="Nieuws", slug="nieuws", intro="Nieuws van de alliantie.")
    index.regions.set(regions)
    shared_root().add_child(instance=index)
    return index


def image(title: str = "Foto") -> Image:
    return Image.objects.create(title=title, file=ContentFile(PIXEL, name="foto.gif"))


def create_news(
    index: NewsIndexPage,
    *,
    slug: str,
    regions: list[Region],
    on: date | None = None,
    related: list[Page] | None = None,
    **fields: Any,
) -> NewsPage:
    values: dict[str, Any] = {
        "title": slug.replace("-", " ").capitalize(),
        "slug": slug,
        "summary": f"Kort nieuws over {slug}.",
        "body": [("paragraph", RichText("<p>Wat er gebeurde.</p>"))],
        **fields,
    }
    if on is not None:
        values["date"] = on
    page = NewsPage(**values)
    page.regions.set(regions)
    page.related_pages = [NewsRelatedPage(page=each) for each in related or []]  # type: ignore[assignment]
    index.add_child(instance=page)
    return page


def create_contact_page(
    regions: list[Region], *, slug: str = "contact", kind: str = Message.Kind.CONTACT
) -> ContactFormPage:
    page = ContactFormPage(title=slug.title(), slug=slug, kind=kind, intro="Stel je vraag.")
    page.regions.set(regions)
    shared_root().add_child(instance=page)
    return page
