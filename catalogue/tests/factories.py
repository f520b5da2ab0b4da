from typing import Any

from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.rich_text import RichText

from catalogue.models import (
    ArticlePage,
    CatalogueIndexPage,
    LearningItemPage,
    PodcastEpisodePage,
    PracticeAssignmentPage,
)
from core.models import LearningForm, Region, Role, Theme
from core.tests.factories import shared_root


def term(model: Any, slug: str, **fields: Any) -> Any:
    defaults = {"name": slug.replace("-", " ").capitalize(), **fields}
    return model.objects.get_or_create(slug=slug, defaults=defaults)[0]


def learning_form(slug: str = "theorie", icon: str = "theory") -> LearningForm:
    return term(LearningForm, slug, icon=icon)


def create_catalogue(regions: list[Region]) -> CatalogueIndexPage:
    catalogue = CatalogueIndexPage(title="Aanbod", slug="aanbod", intro="Alles om te leren.")
    catalogue.regions.set(regions)
    shared_root().add_child(instance=catalogue)
    return catalogue


def create_item(
    catalogue: CatalogueIndexPage,
    *,
    slug: str,
    regions: list[Region],
    kind: type[LearningItemPage] = ArticlePage,
    roles: tuple[str, ...] = ("schuldhulpverlener",),
    themes: tuple[str, ...] = ("vroegsignalering",),
    form: LearningForm | None = None,
    **fields: Any,
) -> LearningItemPage:
    values: dict[str, Any] = {
        "title": slug.replace("-", " ").capitalize(),
        "slug": slug,
        "summary": f"Samenvatting van {slug}.",
        "learning_form": form or learning_form(),
        "duration_minutes": 10,
    }
    if kind is ArticlePage:
        values["body"] = [("paragraph", RichText("<p>Over schulden en gezinnen.</p>"))]
    elif kind is PodcastEpisodePage:
        values["audio"] = document("aflevering.ogg", b"OggS" + bytes(2000))
        values["transcript"] = "<p>Wat er gezegd wordt.</p>"
    elif kind is PracticeAssignmentPage:
        values["introduction"] = "<p>Doe dit in je werk.</p>"
        values["steps"] = [("step", RichText("<p>Stap een.</p>"))]
        values["reflection_questions"] = [("question", "Wat merkte je?")]
    values.update(fields)
    page = kind(**values)
    page.regions.set(regions)
    page.roles.set([term(Role, slug) for slug in roles])
    page.themes.set([term(Theme, slug) for slug in themes])
    catalogue.add_child(instance=page)
    return page


def document(name: str, content: bytes) -> Document:
    doc = Document(title=name)
    doc.file.save(name, ContentFile(content), save=False)
    doc.save()
    return doc
