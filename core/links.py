"""Links from a page to pages its own portals do not show.

Such a link still works, as it leads to the other portal's address (RegionalPage's URL),
or it is left out when no portal shows the page; but the visitor leaves their portal or
misses the link. Editors are warned in /beheer/ when they save such a page
(core.wagtail_hooks).
"""

from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel, get_all_child_relations
from wagtail.models import Page

from .models import PortalHomePage, Region, RegionalPage


def linked_page_ids(instance: models.Model) -> set[int]:
    """The pages an object links to as it is in memory (an unsaved draft too): its foreign
    keys and many-to-many fields to pages, the pages chosen or linked in its StreamFields
    and rich text, and the same for its child rows (a track's days)."""
    ids: set[int] = set()
    for field in instance._meta.get_fields():
        model = field.related_model
        to_page = isinstance(model, type) and issubclass(model, Page)
        # A child row's ParentalKey names its own page, and an alias its original: no links.
        if isinstance(field, ParentalKey) or field.name == "alias_of":
            continue
        if to_page and field.many_to_one and field.concrete:
            if (value := field.value_from_object(instance)) is not None:  # type: ignore[union-attr]
                ids.add(int(value))
        elif to_page and field.many_to_many and field.concrete:
            ids.update(page.pk for page in getattr(instance, field.name).all())  # in memory
        elif hasattr(field, "extract_references"):
            value = field.value_from_object(instance)  # type: ignore[union-attr]
            if value is not None:
                ids.update(
                    int(pk)
                    for to_model, pk, _model_path, _content_path in field.extract_references(value)
                    if issubclass(to_model, Page)
                )
    if isinstance(instance, ClusterableModel):
        for relation in get_all_child_relations(instance):
            for child in getattr(instance, relation.get_accessor_name()).all():
                ids |= linked_page_ids(child)
    return ids


def portal_regions(page: Page) -> list[Region]:
    """The regions whose portals show this page."""
    if isinstance(page, RegionalPage):
        return list(page.regions.all())
    if isinstance(page, PortalHomePage):
        return [page.region]
    return []


def links_off_portal(page: Page) -> list[tuple[RegionalPage, list[Region]]]:
    """Each linked regional page that a portal showing this page does not show (or no
    portal, as it is not published), with those portals' regions."""
    regions = portal_regions(page)
    ids = linked_page_ids(page) - {page.pk}
    if not regions or not ids:
        return []
    found = []
    targets = RegionalPage.objects.filter(pk__in=ids).prefetch_related("regions")
    for target in targets.order_by("title"):
        shown_on = set(target.regions.all()) if target.live else set()
        if missing := [region for region in regions if region not in shown_on]:
            found.append((target, missing))
    return found
