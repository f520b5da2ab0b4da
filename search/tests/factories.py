from typing import Any

from catalogue.models import ArticlePage, CatalogueIndexPage, LearningItemPage
from catalogue.tests.factories import create_item
from core.models import Region
from search.services import index_page


def indexed_item(
    catalogue: CatalogueIndexPage, *, slug: str, regions: list[Region], **fields: Any
) -> LearningItemPage:
    """A learning item in the search index, as publishing it would leave it. An article's
    body is empty unless given, so the words a test chooses are all the page holds."""
    if fields.get("kind", ArticlePage) is ArticlePage:
        fields.setdefault("body", [])
    page = create_item(catalogue, slug=slug, regions=regions, **fields)
    index_page(page=page)
    return page
