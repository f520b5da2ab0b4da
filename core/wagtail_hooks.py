from datetime import timedelta
from functools import partial

from django.core.management import call_command
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogActionRegistry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_views import OutgoingEmailViewSet
from .cache import invalidate_page_cache
from .models import LearningForm, Municipality, Organisation, Region, Role, Sector, Theme
from .periodic import PeriodicJob
from .services import SEND_AGAIN
from .tasks import empty_sent_emails, send_due_emails


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    list_display = ["name", "logo_text", "accent_colour"]


class MunicipalityViewSet(SnippetViewSet):
    model = Municipality
    icon = "home"
    list_display = ["name", "cbs_code", "region", "is_veenkolonien"]
    list_filter = ["region", "is_veenkolonien"]
    search_fields = ["name", "cbs_code"]


class SectorViewSet(SnippetViewSet):
    model = Sector
    icon = "group"


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "sector", "municipality"]
    list_filter = ["sector"]
    search_fields = ["name"]


class RoleViewSet(SnippetViewSet):
    model = Role
    icon = "user"


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"


class LearningFormViewSet(SnippetViewSet):
    model = LearningForm
    icon = "list-ul"
    list_display = ["name", "icon"]


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomy")
    menu_icon = "folder-open-inverse"
    menu_order = 300
    items = (
        RegionViewSet,
        MunicipalityViewSet,
        SectorViewSet,
        OrganisationViewSet,
        RoleViewSet,
        ThemeViewSet,
        LearningFormViewSet,
    )


register_snippet(TaxonomyViewSetGroup)

# Changes that alter what public pages show, besides publishing (see CoreConfig.ready).
for hook_name in (
    "after_delete_page",
    "after_move_page",
    "after_create_snippet",
    "after_edit_snippet",
    "after_delete_snippet",
):
    hooks.register(hook_name, invalidate_page_cache)


@hooks.register("register_admin_viewset")
def register_outbox() -> OutgoingEmailViewSet:
    return OutgoingEmailViewSet()


@hooks.register("register_log_actions")
def register_outbox_actions(actions: LogActionRegistry) -> None:
    actions.register_action(SEND_AGAIN, _("Send again"), _("E-mail sent again"))


@hooks.register("periodic_jobs")
def periodic_jobs() -> list[PeriodicJob]:
    """The outbox: send what is due (what the workers have not sent already) and forget the
    text of messages sent long ago. Wagtail's scheduled publishing and unpublishing, by the
    clock within a minute; the publish signal refreshes the page cache of every process
    (core.cache)."""
    return [
        PeriodicJob("core-send-due-email", timedelta(minutes=1), send_due_emails),
        PeriodicJob("core-empty-sent-email", timedelta(days=1), empty_sent_emails),
        PeriodicJob(
            "wagtail-publish-scheduled",
            timedelta(minutes=1),
            partial(call_command, "publish_scheduled", verbosity=0),
        ),
    ]
