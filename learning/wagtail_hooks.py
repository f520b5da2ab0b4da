from typing import Any

from django.contrib.auth.models import Permission
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.safestring import SafeString
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from catalogue.models import (
    LearningItemPage,
    PodcastEpisodePage,
    PracticeAssignmentPage,
    VideoClipPage,
)
from core.privacy import Holding, PersonalData, Removal
from organisations.models import Membership
from organisations.services import managed_team_ids

from . import (
    lrs,
    routes,
    scan_hooks,  # noqa: F401  (registers the needs scan's situations)
    services,
)
from .admin_views import PERMISSION, ResearchExportDownloadView, ResearchExportView
from .models import RouteStep, TeamPath
from .progress import item_progress


@hooks.register("catalogue_item_panels")
def progress_panel(request: HttpRequest, page: LearningItemPage) -> SafeString:
    """Where the person stands with this item, and the way to complete it."""
    context = {"page": page, "request": request}
    if request.user.is_authenticated:
        context.update(
            progress=item_progress(user=request.user, page=page),
            is_media=isinstance(page, VideoClipPage | PodcastEpisodePage),
            is_assignment=isinstance(page, PracticeAssignmentPage),
            is_in_route=RouteStep.objects.of(request.user).filter(page=page).exists(),
        )
    return render_to_string("learning/partials/item_panel.html", context, request=request)


@hooks.register("register_admin_urls")
def research_export_urls() -> list:
    return [
        path("onderzoek/", ResearchExportView.as_view(), name="learning_research_export"),
        path(
            "onderzoek/download/",
            ResearchExportDownloadView.as_view(),
            name="learning_research_export_download",
        ),
    ]


class ResearchExportMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return request.user.has_perm(PERMISSION)


@hooks.register("register_reports_menu_item")
def research_export_menu_item() -> MenuItem:
    return ResearchExportMenuItem(
        _("Learning records for research"),
        reverse("learning_research_export"),
        icon_name="download",
        order=900,
    )


@hooks.register("register_permissions")
def research_export_permission() -> object:
    """So that it can be given to a group under Settings → Groups."""
    return Permission.objects.filter(
        content_type__app_label="learning", codename="export_research_data"
    )


@hooks.register("outbox_channels")
def outbox_channels() -> dict[str, object]:
    """Core's outbox delivers the statements of learning records to the LRS."""
    return {lrs.CHANNEL: lrs.deliver}


@hooks.register("personal_data")
def personal_data() -> list[PersonalData]:
    return [
        PersonalData(
            export=services.personal_data,
            holdings=[
                Holding(
                    relation="learning.LearningRecord.actor",
                    removal=Removal.UNLINK,
                    kept_because="reports of use per role and organisation stay right; a "
                    "record without its actor names nobody",
                    section="learning_records",
                ),
                Holding(
                    relation="learning.AssignmentAnswers.user",
                    removal=Removal.DELETE,
                    section="assignment_answers",
                ),
            ],
        ),
        PersonalData(
            export=routes.personal_data,
            holdings=[
                Holding(
                    relation="learning.NeedsScan.user",
                    removal=Removal.DELETE,
                    section="needs_scans",
                ),
                Holding(
                    relation="learning.RouteStep.user",
                    removal=Removal.DELETE,
                    section="learning_route",
                ),
            ],
        ),
    ]


@hooks.register("organisation_workspace_links")
def team_path_links(request: HttpRequest, membership: Membership) -> list[dict[str, str]]:
    """Every member chooses what their managers see; managers find their teams' paths."""
    links = [{"title": gettext("What your managers see"), "url": reverse("learning:sharing")}]
    if managed_team_ids(request.user):
        links.insert(
            0,
            {
                "title": gettext("Learning paths of your teams"),
                "url": reverse("learning:team_overview"),
            },
        )
    return links


def team_paths_data(*, user: Any, base_url: str) -> dict[str, Any]:
    """The paths the person assigned as a manager (what their team was assigned is the
    team's, and shows on their dashboard)."""
    return {
        "team_paths_assigned": [
            {
                "team": path.team.name,
                "title": path.title,
                "assigned_at": path.assigned_at.isoformat() if path.assigned_at else None,
            }
            for path in TeamPath.objects.filter(assigned_by=user).select_related("team")
        ]
    }


@hooks.register("personal_data")
def team_paths_personal_data() -> list[PersonalData]:
    return [
        PersonalData(
            export=team_paths_data,
            holdings=[
                Holding(
                    relation="learning.TeamPath.assigned_by",
                    removal=Removal.UNLINK,
                    kept_because="the team keeps its learning path when the manager who "
                    "assigned it leaves; the path then names nobody",
                    section="team_paths_assigned",
                )
            ],
        )
    ]
