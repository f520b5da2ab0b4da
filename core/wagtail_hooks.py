from collections.abc import Mapping
from datetime import timedelta
from functools import partial
from typing import Any

from allauth.account.models import EmailAddress
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.http import HttpRequest
from django.utils.text import get_text_list
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.log_actions import LogActionRegistry
from wagtail.models import (
    Comment,
    CommentReply,
    ModelLogEntry,
    Page,
    PageLogEntry,
    PageSubscription,
)
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup
from wagtail.users.models import UserProfile

from .admin_views import OutgoingEmailViewSet, OutgoingMessageViewSet
from .cache import invalidate_page_cache
from .links import links_off_portal
from .models import (
    LearningForm,
    Municipality,
    Organisation,
    OutgoingEmail,
    Region,
    Role,
    Sector,
    Theme,
)
from .periodic import PeriodicJob
from .privacy import Holding, PersonalData, Removal
from .services import SEND_AGAIN
from .tasks import empty_sent_emails, send_due_emails, send_due_messages


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


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_of_links_off_portal(request: HttpRequest, page: Page) -> None:
    """Tell the editor which linked pages a portal that shows this page does not show."""
    for target, regions in links_off_portal(page):
        text = ngettext(
            "This page links to “%(title)s”, which the %(portals)s portal does not show. "
            "Its visitors are sent to another portal, or do not see the link.",
            "This page links to “%(title)s”, which the portals %(portals)s do not show. "
            "Their visitors are sent to another portal, or do not see the link.",
            len(regions),
        )
        names = get_text_list([region.name for region in regions], gettext("and"))
        messages.warning(request, text % {"title": target.title, "portals": names})


@hooks.register("register_admin_viewset")
def register_outbox() -> OutgoingEmailViewSet:
    return OutgoingEmailViewSet()


@hooks.register("register_admin_viewset")
def register_message_outbox() -> OutgoingMessageViewSet:
    return OutgoingMessageViewSet()


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
        PeriodicJob("core-send-due-messages", timedelta(minutes=1), send_due_messages),
        PeriodicJob(
            "wagtail-publish-scheduled",
            timedelta(minutes=1),
            partial(call_command, "publish_scheduled", verbosity=0),
        ),
    ]


CONTENT = "the site's content, edited by a team"


def editor_data(*, user: Any, base_url: str) -> Mapping[str, object]:
    """What an editor did in /beheer/, for the download. Content stays the site's."""
    preferences = UserProfile.objects.filter(user=user).first()
    history = [
        *PageLogEntry.objects.filter(user=user).values("timestamp", "action", "label"),
        *ModelLogEntry.objects.filter(user=user).values("timestamp", "action", "label"),
    ]
    comments = [
        *Comment.objects.filter(user=user).values("created_at", "text", "page__title"),
        *CommentReply.objects.filter(user=user).values(
            "created_at", "text", "comment__page__title"
        ),
    ]
    uploads = [
        *get_document_model().objects.filter(uploaded_by_user=user).values("title", "created_at"),
        *get_image_model().objects.filter(uploaded_by_user=user).values("title", "created_at"),
    ]
    return {
        "admin_preferences": {
            "language": preferences.preferred_language,
            "time_zone": preferences.current_time_zone,
            "submitted_notifications": preferences.submitted_notifications,
            "approved_notifications": preferences.approved_notifications,
            "rejected_notifications": preferences.rejected_notifications,
            "updated_comments_notifications": preferences.updated_comments_notifications,
        }
        if preferences
        else None,
        "editor_history": [
            {"at": row["timestamp"].isoformat(), "action": row["action"], "about": row["label"]}
            for row in sorted(history, key=lambda row: row["timestamp"])
        ],
        "editor_comments": [
            {
                "at": row["created_at"].isoformat(),
                "page": row.get("page__title") or row.get("comment__page__title"),
                "text": row["text"],
            }
            for row in comments
        ],
        "pages_owned": list(Page.objects.filter(owner=user).values_list("title", flat=True)),
        "page_subscriptions": list(
            PageSubscription.objects.filter(user=user).values_list("page__title", flat=True)
        ),
        "uploads": [
            {"title": row["title"], "at": row["created_at"].isoformat()} for row in uploads
        ],
    }


def before_removal(*, user: Any) -> None:
    """The file of an editor's photo (its row goes with the profile), and the admin's
    history of changes to the account itself, whose label is the person's name."""
    for preferences in UserProfile.objects.filter(user=user).exclude(avatar=""):
        preferences.avatar.delete(save=False)
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(user), object_id=str(user.pk)
    ).delete()
    # The outbox knows people only by address: their messages, sent or waiting, go too.
    addresses = {
        user.email,
        *EmailAddress.objects.filter(user=user).values_list("email", flat=True),
    }
    for address in filter(None, addresses):
        OutgoingEmail.objects.filter(recipients__icontains=address).delete()


@hooks.register("personal_data")
def personal_data() -> list[PersonalData]:
    """Wagtail's and Django's own tables that point at people: mostly editors' work."""
    delete, unlink = Removal.DELETE, Removal.UNLINK
    return [
        PersonalData(
            export=editor_data,
            prepare_removal=before_removal,
            holdings=[
                Holding(
                    relation="wagtailusers.UserProfile.user",
                    removal=delete,
                    section="admin_preferences",
                ),
                Holding(
                    relation="wagtailcore.PageLogEntry.user",
                    removal=unlink,
                    kept_because="the history of the site's pages",
                    section="editor_history",
                ),
                Holding(
                    relation="wagtailcore.ModelLogEntry.user",
                    removal=unlink,
                    kept_because="the history of the site's snippets and settings",
                    section="editor_history",
                ),
                Holding(
                    relation="wagtailcore.Comment.user", removal=delete, section="editor_comments"
                ),
                Holding(
                    relation="wagtailcore.CommentReply.user",
                    removal=delete,
                    section="editor_comments",
                ),
                Holding(
                    relation="wagtailcore.Comment.resolved_by",
                    removal=unlink,
                    kept_because="another editor's comment, marked resolved",
                    not_exported_because="another editor's text; only who resolved it",
                ),
                Holding(
                    relation="wagtailcore.PageSubscription.user",
                    removal=delete,
                    section="page_subscriptions",
                ),
                Holding(
                    relation="wagtailcore.Page.owner",
                    removal=unlink,
                    kept_because=CONTENT,
                    section="pages_owned",
                ),
                Holding(
                    relation="wagtailcore.Page.locked_by",
                    removal=unlink,
                    kept_because=CONTENT,
                    not_exported_because="a lock lasts while someone edits",
                ),
                Holding(
                    relation="wagtailcore.Revision.user",
                    removal=unlink,
                    kept_because=CONTENT,
                    not_exported_because="a revision is content; editor_history says "
                    "what the person did",
                ),
                Holding(
                    relation="wagtailcore.WorkflowState.requested_by",
                    removal=unlink,
                    kept_because="the moderation history of a page",
                    not_exported_because="in editor_history",
                ),
                Holding(
                    relation="wagtailcore.TaskState.finished_by",
                    removal=unlink,
                    kept_because="the moderation history of a page",
                    not_exported_because="in editor_history",
                ),
                Holding(
                    relation="wagtaildocs.Document.uploaded_by_user",
                    removal=unlink,
                    kept_because=CONTENT,
                    section="uploads",
                ),
                Holding(
                    relation="wagtailimages.Image.uploaded_by_user",
                    removal=unlink,
                    kept_because=CONTENT,
                    section="uploads",
                ),
                Holding(
                    relation="wagtailcore.UploadedFile.uploaded_by_user",
                    removal=delete,
                    not_exported_because="a file halfway through being uploaded",
                ),
                Holding(
                    relation="wagtailadmin.EditingSession.user",
                    removal=delete,
                    not_exported_because="which page an editor has open, for an hour",
                ),
                Holding(
                    relation="wagtailadmin.FormState.user",
                    removal=delete,
                    not_exported_because="an unsaved copy of a page in the editor",
                ),
                Holding(
                    relation="wagtailcore.APIToken.user",
                    removal=delete,
                    not_exported_because="the digest of a key to Wagtail's API",
                ),
                Holding(
                    relation="admin.LogEntry.user",
                    removal=delete,
                    not_exported_because="Django's own admin is not served, so it writes nothing",
                ),
            ],
        )
    ]
