"""Loads the Dutch demo content. Safe to run again: what exists is left as editors made it."""

from typing import Any

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Max
from wagtail.models import Page, Site

from catalogue.models import CatalogueIndexPage
from core.models import (
    ContentPage,
    LearningForm,
    Municipality,
    Organisation,
    OutgoingEmail,
    PortalHomePage,
    Region,
    Role,
    Sector,
    SharedContentRoot,
    Theme,
)
from demo import actionagenda as actionagenda_demo
from demo import circles as circles_demo
from demo import content, taxonomy
from demo import events as events_demo
from demo import learning as learning_demo
from demo import news as news_demo
from demo import newsletter as newsletter_demo
from demo import organisations as organisations_demo
from demo import reports as reports_demo
from demo import reservations as reservations_demo
from demo import team_paths as team_paths_demo
from demo import tracks as tracks_demo
from demo.catalogue_items import load_items
from demo.glossary_terms import load_terms
from demo.pages import add_page, stream
from glossary.models import GlossaryIndexPage
from monitor.services import import_data_dir

DEMO_EDITOR = {
    "username": "redacteur",
    "email": "redacteur@example.org",
    "password": "leren-over-armoede",
}


class Command(BaseCommand):
    help = "Load the Dutch demo content: taxonomy, both portals, pages and a demo editor."

    def handle(self, *args: Any, **options: Any) -> None:
        # The demo's people are invented: inviting members or registering them for
        # sessions goes through the real services, but no e-mail may leave for them. Their
        # messages leave the outbox before the transaction commits, so nothing sends them.
        with transaction.atomic():
            last_before = OutgoingEmail.objects.aggregate(last=Max("pk"))["last"] or 0
            self.load_all()
            OutgoingEmail.objects.filter(pk__gt=last_before).delete()
        call_command("rebuild_search_index", stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is loaded."))

    def load_all(self) -> None:
        regions = self.load_taxonomy()
        self.load_monitor()
        self.load_portals(regions)
        self.load_editor()
        self.stdout.write(f"{circles_demo.load()} learning circles created.")
        editor = get_user_model().objects.get(username=DEMO_EDITOR["username"])
        made = organisations_demo.load(editor=editor)
        self.stdout.write(f"{made} organisation workspaces created.")
        self.stdout.write(f"{actionagenda_demo.load()} spearheads of the action agenda created.")
        self.stdout.write(f"{reports_demo.load(editor=editor)} example professionals created.")
        # After the circles and events, which the news links to.
        regions = {region.slug: region for region in Region.objects.all()}
        self.stdout.write(f"{news_demo.load(regions=regions)} news items created.")
        # After the catalogue, events and tracks, whose items the path holds.
        self.stdout.write(f"{team_paths_demo.load()} team learning paths created.")

    def load_taxonomy(self) -> dict[str, Region]:
        regions = {}
        for order, (slug, name, logo_text, colour) in enumerate(taxonomy.REGIONS):
            regions[slug], _ = Region.objects.get_or_create(
                slug=slug,
                defaults={
                    "name": name,
                    "name_en": taxonomy.ENGLISH_NAMES["region"][slug],
                    "logo_text": logo_text,
                    "accent_colour": colour,
                    "sort_order": order,
                },
            )
        for code, name, region_slug, veenkolonien in taxonomy.MUNICIPALITIES:
            Municipality.objects.get_or_create(
                cbs_code=code,
                defaults={
                    "name": name,
                    "region": regions[region_slug],
                    "is_veenkolonien": veenkolonien,
                },
            )
        sectors = {}
        for order, (slug, name, description) in enumerate(taxonomy.SECTORS):
            sectors[slug], _ = Sector.objects.get_or_create(
                slug=slug,
                defaults={
                    "name": name,
                    "name_en": taxonomy.ENGLISH_NAMES["sector"][slug],
                    "description": description,
                    "sort_order": order,
                },
            )
        for order, (slug, name, description) in enumerate(taxonomy.ROLES):
            Role.objects.get_or_create(
                slug=slug,
                defaults={
                    "name": name,
                    "name_en": taxonomy.ENGLISH_NAMES["role"][slug],
                    "description": description,
                    "sort_order": order,
                },
            )
        for order, (slug, name) in enumerate(taxonomy.THEMES):
            Theme.objects.get_or_create(
                slug=slug,
                defaults={
                    "name": name,
                    "name_en": taxonomy.ENGLISH_NAMES["theme"][slug],
                    "sort_order": order,
                },
            )
        for order, (slug, name, icon, description) in enumerate(taxonomy.LEARNING_FORMS):
            LearningForm.objects.get_or_create(
                slug=slug,
                defaults={
                    "name": name,
                    "name_en": taxonomy.ENGLISH_NAMES["learningform"][slug],
                    "icon": icon,
                    "description": description,
                    "sort_order": order,
                },
            )
        for name, sector_slug, based_in, description, works_in in taxonomy.ORGANISATIONS:
            organisation, created = Organisation.objects.get_or_create(
                name=name,
                defaults={
                    "sector": sectors[sector_slug],
                    "municipality": Municipality.objects.filter(cbs_code=based_in).first(),
                    "is_partner": True,
                    "description": description,
                },
            )
            if created:
                organisation.municipalities.set(Municipality.objects.filter(cbs_code__in=works_in))
        return regions

    def load_monitor(self) -> None:
        """The real CBS figures when ../shared/data is beside the checkout (they are never
        copied into it); without them the monitor says how to import them."""
        result = import_data_dir(directory=settings.MONITOR_DATA_DIR)
        if result is None:
            self.stdout.write(f"No monitor figures in {settings.MONITOR_DATA_DIR}: skipped.")
        else:
            self.stdout.write(f"{result.figures} monitor figures of {result.year} imported.")

    def load_portals(self, regions: dict[str, Region]) -> None:
        root = Page.get_first_root_node()
        # Wagtail's own welcome page and its localhost site make way for the two portals.
        welcome = root.get_children().filter(content_type__model="page", slug="home").first()
        if welcome:
            Site.objects.filter(root_page=welcome).delete()
            welcome.delete()

        # The shared tree comes first, so its pages (the catalogue first) lead the menus.
        shared_root = SharedContentRoot.objects.first() or add_page(
            root, SharedContentRoot(title="Gedeelde inhoud", slug="gedeeld")
        )
        catalogue = CatalogueIndexPage.objects.first()
        if catalogue is None:
            catalogue = CatalogueIndexPage(
                title="Aanbod", slug="aanbod", intro=content.CATALOGUE_INTRO, show_in_menus=True
            )
            catalogue.regions.set(regions.values())
            add_page(shared_root, catalogue)
        if not GlossaryIndexPage.objects.exists():
            glossary = GlossaryIndexPage(
                title="Begrippenlijst",
                slug="begrippen",
                intro=content.GLOSSARY_INTRO,
                show_in_menus=True,
            )
            glossary.regions.set(regions.values())
            add_page(shared_root, glossary)
        created = load_terms()
        self.stdout.write(f"{created} glossary terms created.")
        created = load_items(catalogue=catalogue, regions=regions)
        self.stdout.write(f"{created} learning items created.")
        self.stdout.write(f"{learning_demo.load()} needs scan situations created.")
        self.stdout.write(f"{events_demo.load()} events created.")
        self.stdout.write(f"{tracks_demo.load()} learning tracks created.")
        # After the events: a partner's reserved seats at one of them.
        self.stdout.write(f"{reservations_demo.load()} seat reservations created.")
        created = newsletter_demo.load(list(regions.values()))
        self.stdout.write(f"{created} newsletter editions created.")
        for page in [*content.SHARED_PAGES, news_demo.DISCLAIMER]:
            self.add_content_page(
                shared_root,
                page,
                regions=list(regions.values()),
                show_in_menus=page["show_in_menus"],
            )

        for slug, home_content in content.HOMES.items():
            region = regions[slug]
            home = PortalHomePage.objects.filter(region=region).first() or add_page(
                root,
                PortalHomePage(
                    slug=slug,
                    region=region,
                    title=home_content["title"],
                    intro=home_content["intro"],
                    body=stream(
                        [
                            ("button", {"label": "Bekijk het aanbod", "page": catalogue}),
                            *content.HOME_BODY,
                        ]
                    ),
                ),
            )
            Site.objects.get_or_create(
                root_page=home,
                defaults={
                    # No port: the address comes from PORTAL_BASE_URL (core/portals.py).
                    "hostname": f"{slug}.localhost",
                    "site_name": home_content["title"],
                    "is_default_site": slug == "groningen",
                },
            )
            section = content.REGIONAL_SECTIONS[slug]
            self.add_content_page(home, section, regions=[region], show_in_menus=True)

    def add_content_page(
        self, parent: Page, data: dict[str, Any], *, regions: list[Region], show_in_menus: bool
    ) -> None:
        if parent.get_children().filter(slug=data["slug"]).exists():
            return
        page = ContentPage(
            slug=data["slug"],
            title=data["title"],
            intro=data["intro"],
            body=stream(data["body"]),
            show_in_menus=show_in_menus,
        )
        page.regions.set(regions)
        add_page(parent, page)

    def load_editor(self) -> None:
        user_model = get_user_model()
        editor = user_model.objects.filter(username=DEMO_EDITOR["username"]).first()
        if editor is None:
            editor = user_model.objects.create_superuser(
                username=DEMO_EDITOR["username"],
                email=DEMO_EDITOR["email"],
                password=DEMO_EDITOR["password"],
                first_name="Demo",
                last_name="Redacteur (voorbeeld)",
            )
            self.stdout.write("Demo editor created.")
        # Log-in is by e-mail and needs a verified address; the demo's is made up.
        EmailAddress.objects.get_or_create(
            user=editor,
            email=DEMO_EDITOR["email"],
            defaults={"verified": True, "primary": True},
        )
