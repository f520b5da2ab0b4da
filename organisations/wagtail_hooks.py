"""The partners' pages in the footer and the sitemap of both portals."""

from typing import Any

from django.contrib.sitemaps import Sitemap
from django.http import HttpRequest
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from accounts.services import VouchedOrganisation
from core.privacy import Holding, PersonalData, Removal

from . import admin_views, services
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


@hooks.register("profile_organisation")
def membership_names_the_organisation(user: Any) -> VouchedOrganisation | None:
    membership = services.membership_of(user)
    if membership is None:
        return None
    return VouchedOrganisation(
        organisation=membership.organisation, url=reverse("organisations:workspace")
    )


@hooks.register("profile_links")
def workspace_link(request: HttpRequest) -> tuple[str, str]:
    return _("My organisation"), reverse("organisations:workspace")


@hooks.register("register_admin_urls")
def register_workspaces_url() -> list:
    return [
        path(
            "organisatie-werkruimtes/",
            admin_views.workspaces,
            name="organisations_workspaces",
        )
    ]


class WorkspacesMenuItem(MenuItem):
    def is_shown(self, request) -> bool:  # type: ignore[no-untyped-def]
        return request.user.has_perm("organisations.add_membership")


@hooks.register("register_settings_menu_item")
def register_workspaces_menu_item() -> MenuItem:
    return WorkspacesMenuItem(
        gettext_lazy("Organisation workspaces"),
        reverse("organisations_workspaces"),
        icon_name="group",
        order=910,
    )


@hooks.register("personal_data")
def personal_data() -> list[PersonalData]:
    history = "the organisation's history, without the person's name"
    return [
        PersonalData(
            export=services.personal_data,
            prepare_removal=services.prepare_removal,
            holdings=[
                Holding(
                    relation="organisations.Membership.user",
                    removal=Removal.DELETE,
                    section="organisation_membership",
                ),
                Holding(
                    relation="organisations.Invitation.accepted_by",
                    removal=Removal.DELETE,
                    section="organisation_invitations_received",
                ),
                Holding(
                    relation="organisations.Invitation.invited_by",
                    removal=Removal.UNLINK,
                    kept_because="the invitation is for someone else, until used or expired",
                    section="organisation_invitations_sent",
                ),
                Holding(
                    relation="organisations.Domain.added_by",
                    removal=Removal.UNLINK,
                    kept_because="the organisation's domain; others join through it",
                    section="organisation_domains_registered",
                ),
                Holding(
                    relation="organisations.OrganisationEvent.actor",
                    removal=Removal.UNLINK,
                    kept_because=history,
                    section="organisation_history",
                ),
                Holding(
                    relation="organisations.OrganisationEvent.subject",
                    removal=Removal.UNLINK,
                    kept_because=history,
                    section="organisation_history",
                ),
            ],
        )
    ]


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
