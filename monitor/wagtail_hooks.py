"""The monitor in the footer and the sitemap of both portals, and its models in /beheer/."""

from typing import Any

from django.contrib.sitemaps import Sitemap
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.models import Municipality

from .figures import municipality_slug
from .models import Figure, VeenkolonienDefinition


class MonitorSitemap(Sitemap):
    """/monitor/ and the page of every municipality with figures, once figures are loaded."""

    def items(self) -> list[str]:
        if not Figure.objects.exists():
            return []
        slugs = [
            municipality_slug(municipality)
            for municipality in Municipality.objects.filter(
                pk__in=Figure.objects.values("municipality")
            )
        ]
        return [reverse("monitor:index")] + [
            reverse("monitor:municipality", kwargs={"slug": slug}) for slug in sorted(slugs)
        ]

    def location(self, item: str) -> str:
        return item


@hooks.register("portal_sitemaps")
def monitor_sitemap(request: HttpRequest) -> dict[str, Any]:
    return {"monitor": MonitorSitemap()}


@hooks.register("footer_links")
def monitor_link(request: HttpRequest) -> list[dict[str, str]]:
    return [{"title": _("Poverty monitor"), "url": reverse("monitor:index")}]


class VeenkolonienDefinitionViewSet(SnippetViewSet):
    model = VeenkolonienDefinition
    icon = "table"
    menu_label = gettext_lazy("Veenkoloniën")
    list_display = ["name", "key"]


register_snippet(VeenkolonienDefinitionViewSet)
