from collections.abc import Sequence
from typing import Any

import factory
from django.utils.text import slugify
from wagtail.models import Page

from core.models import Region
from glossary.models import GlossaryIndexPage, Term


class TermFactory(factory.django.DjangoModelFactory[Term]):
    class Meta:
        model = Term
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Begrip {n}")
    slug = factory.LazyAttribute(lambda term: slugify(term.name))
    short_definition = factory.LazyAttribute(lambda term: f"Korte uitleg van {term.name}.")

    @factory.post_generation
    def related_terms(self, create: bool, extracted: list[Term] | None, **kwargs: object) -> None:
        if create and extracted:
            self.related_terms.set(extracted)


def create_terms(count: int, *, related: Sequence[Term] = (), **fields: Any) -> list[Term]:
    """Many terms in a few queries, for tests at 500 rows; each refers to `related`."""
    terms = Term.objects.bulk_create(
        Term(
            name=f"{chr(ord('A') + number % 26)}-begrip {number}",
            slug=f"veel-{number}",
            short_definition=f"Korte uitleg van begrip {number}.",
            **fields,
        )
        for number in range(count)
    )
    Term.related_terms.through.objects.bulk_create(
        Term.related_terms.through(from_term=term, to_term=other)
        for term in terms
        for other in related
    )
    return terms


def create_glossary_page(
    *, parent: Page, regions: list[Region], slug: str = "begrippen", **fields: object
) -> GlossaryIndexPage:
    page = GlossaryIndexPage(title=fields.pop("title", "Begrippenlijst"), slug=slug, **fields)
    page.regions.set(regions)
    parent.add_child(instance=page)
    return page
