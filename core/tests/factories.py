import factory
from wagtail.models import Page, Site

from core.models import ContentPage, PortalHomePage, Region, SharedContentRoot


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Regio {n}")
    slug = factory.Sequence(lambda n: f"regio-{n}")
    logo_text = factory.SelfAttribute("name")
    accent_colour = "#1e5a8c"


def create_portal(slug: str, *, colour: str = "#1e5a8c", default: bool = False) -> PortalHomePage:
    """A region with its home page as the root of a site at <slug>.localhost."""
    region = RegionFactory(
        slug=slug, name=slug.title(), logo_text=slug.title(), accent_colour=colour
    )
    home = PortalHomePage(
        title=f"Leren in {region.name}", slug=slug, region=region, intro="Welkom."
    )
    Page.get_first_root_node().add_child(instance=home)
    Site.objects.create(
        hostname=f"{slug}.localhost", port=80, root_page=home, is_default_site=default
    )
    return home


def shared_root() -> SharedContentRoot:
    existing = SharedContentRoot.objects.first()
    if existing:
        return existing
    root = SharedContentRoot(title="Gedeeld", slug="gedeeld")
    Page.get_first_root_node().add_child(instance=root)
    return root


def create_content_page(
    *, parent: Page, slug: str, regions: list[Region], live: bool = True, **fields: object
) -> ContentPage:
    page = ContentPage(title=fields.pop("title", slug.title()), slug=slug, live=live, **fields)
    page.regions.set(regions)
    parent.add_child(instance=page)
    return page
