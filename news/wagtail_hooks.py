from datetime import timedelta
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.views.generic import EditView
from wagtail.admin.viewsets.model import ModelViewSet

from core.cache import remember
from core.periodic import PeriodicJob
from core.privacy import Holding, PersonalData, Removal
from core.templatetags.portal import top_level_pages

from . import services
from .models import CommunicationSettings, Message, NewsIndexPage, NewsPage

HOME_NEWS_COUNT = 3


class MessageEditView(EditView):
    def save_instance(self) -> Message:
        # The answer goes through the service, which e-mails it to the sender.
        return services.answer_message(
            message=self.object,
            answer=self.form.cleaned_data["answer"],
            editor=self.request.user,  # type: ignore[arg-type]
        )


def _moment(value: Any) -> str:
    return date_format(timezone.localtime(value), "j b Y, H:i") if value else ""


class MessageViewSet(ModelViewSet):
    """Messages from the contact and theme-idea forms; editors read and answer them."""

    model = Message
    name = "news_messages"
    url_prefix = "berichten"
    icon = "mail"
    menu_label = _("Messages")
    menu_order = 240
    add_to_admin_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = False
    edit_view_class = MessageEditView
    list_display = [
        "name",
        "kind",
        "region",
        Column("created_at", label=_("Received at"), accessor=lambda m: _moment(m.created_at)),
        StatusTagColumn(
            "answered_at",
            label=_("Answered"),
            accessor=lambda m: _("answered") if m.answered_at else _("open"),
            primary=lambda m: m.answered_at is None,
        ),
    ]
    list_filter = ["kind", "region"]
    search_fields = ["name", "email", "organisation", "text"]
    ordering = ["-created_at"]
    panels = [
        FieldPanel("kind", read_only=True),
        FieldPanel("name", read_only=True),
        FieldPanel("email", read_only=True),
        FieldPanel("organisation", read_only=True),
        FieldPanel("created_at", read_only=True),
        FieldPanel("text", read_only=True),
        FieldPanel("answer"),
    ]

    def get_common_view_kwargs(self, **kwargs: Any) -> dict[str, Any]:
        # Messages come from visitors only; editors answer them.
        return super().get_common_view_kwargs(add_url_name=None, **kwargs)


@hooks.register("register_admin_viewset")
def register_messages() -> MessageViewSet:
    return MessageViewSet()


@hooks.register("periodic_jobs")
def periodic_jobs() -> list[PeriodicJob]:
    return [
        PeriodicJob(
            "news-remove-expired-messages", timedelta(days=1), services.remove_expired_messages
        )
    ]


@hooks.register("personal_data")
def personal_data() -> list[PersonalData]:
    return [
        PersonalData(
            export=services.personal_data,
            prepare_removal=services.prepare_removal,
            holdings=[
                Holding(relation="news.Message.user", removal=Removal.DELETE, section="messages")
            ],
        )
    ]


def _index_url(request: HttpRequest) -> str:
    """/nieuws/ of the asking portal, from core's remembered top-level pages: no query."""
    content_type = ContentType.objects.get_for_model(NewsIndexPage)
    return next(
        (
            page["url"]
            for page in top_level_pages(request)
            if page["content_type_id"] == content_type.pk
        ),
        "",
    )


@hooks.register("portal_head")
def feed_link(request: HttpRequest) -> SafeString:
    url = _index_url(request)
    if not url:
        return SafeString("")
    return format_html(
        '<link rel="alternate" type="application/atom+xml" title="{}" href="{}feed/">',
        _("News"),
        url,
    )


@hooks.register("portal_home")
def latest_news(request: HttpRequest) -> SafeString:
    def render() -> str:
        items = list(NewsPage.objects.listed(getattr(request, "region", None))[:HOME_NEWS_COUNT])
        if not items:
            return ""
        index_url = _index_url(request)
        return render_to_string(
            "news/partials/latest.html", {"items": items, "index_url": index_url}, request=request
        )

    # Remembered as HTML until the next publish, so the home page asks no query for it.
    html = remember("news-latest", render, request.get_host(), get_language())
    return SafeString(html)


@hooks.register("portal_footer")
def follow_us(request: HttpRequest) -> SafeString:
    def channels() -> list[tuple[str, str]]:
        # Not load(): that creates the row, and a GET writes nothing.
        found = CommunicationSettings.objects.first()
        return found.channels if found else []

    found = remember("news-channels", channels)
    if not found:
        return SafeString("")
    return SafeString(render_to_string("news/partials/follow_us.html", {"channels": found}))
