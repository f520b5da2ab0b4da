"""The partners' pages in the footer and the sitemap of both portals."""

from typing import Any

from django.contrib.sitemaps import Sitemap
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from .models import Membership
from .views import partners


class PartnerSitemap(Sitemap):
    """/organisaties/ and every partner's page, once there are partners."""

    def items(self) -> list[str]:
        slugs = list(partners().order_by("slug").values_list("slug", flat=True))
        if not slugs:
            return []
        return [reverse("organisations:index")] + [
            reverse("organisations:detail", kwargs={"slug": slug}) for slug in slugs
        ]

    def location(self, item: str) -> str:
        return item


@hooks.register("portal_sitemaps")
def partner_sitemap(request: HttpRequest) -> dict[str, Any]:
    return {"organisations": PartnerSitemap()}


@hooks.register("footer_links")
def partners_link(request: HttpRequest) -> list[dict[str, str]]:
    return [{"title": _("Partners"), "url": reverse("organisations:index")}]


@hooks.register("organisation_workspace_links")
def sign_in_link(request: HttpRequest, membership: Membership) -> list[dict[str, str]]:
    if not membership.is_admin:
        return []
    return [
        {
            "title": _("Log in with your organisation"),
            "url": reverse("organisations:sign_in_settings"),
        }
    ]
