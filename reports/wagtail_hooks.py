"""Funders in /beheer/, the reports' links for those who read them, and the funder rows in
a person's data."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.privacy import Holding, PersonalData, Removal

from .access import reads_regional_reports
from .models import Funder


class FunderViewSet(SnippetViewSet):
    model = Funder
    icon = "group"
    menu_label = gettext_lazy("Funders")
    add_to_admin_menu = False
    list_display = ["user", "region", "created_at"]
    list_filter = ["region"]


register_snippet(FunderViewSet)


def _link() -> dict[str, str]:
    return {"title": _("Reach reports"), "url": reverse("reports:report")}


@hooks.register("organisation_workspace_links")
def administrator_link(request: HttpRequest, membership: Any) -> list[dict[str, str]]:
    """In the organisation's workspace, for its administrator."""
    return [_link()] if membership.is_admin else []


@hooks.register("dashboard_links")
def reader_link(request: HttpRequest) -> list[dict[str, str]]:
    """On /mijn/ for coordinators and funders (administrators find it in their workspace)."""
    return [_link()] if reads_regional_reports(request.user) else []


def personal_data(*, user: Any, base_url: str = "") -> dict[str, Any]:
    return {
        "report_funder": [
            {"province": funder.region.name, "since": funder.created_at.isoformat()}
            for funder in Funder.objects.filter(user=user).select_related("region")
        ]
    }


@hooks.register("personal_data")
def reports_personal_data() -> list[PersonalData]:
    return [
        PersonalData(
            export=personal_data,
            holdings=[
                Holding(
                    relation="reports.Funder.user", removal=Removal.DELETE, section="report_funder"
                )
            ],
        )
    ]
