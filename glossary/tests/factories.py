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


def create_glossary_page(
    *, parent: Page, regions: list[Region], slug: str = "begrippen", **fields: object
) -> GlossaryIndexPage:
    page = GlossaryIndexPage(title=fields.pop("title", "Begrippenlijst"), slug=slug, **fields)
    page.regions.set(regions)
    parent.add_child(instance=page)
    return page
