"""The alliance's public communication: news at /nieuws/ with its Atom feed, and the
contact and theme-idea forms whose messages reach the coordinator."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from core.models import BodyBlock, RegionalPage, Theme

from .querysets import MessageQuerySet, NewsPageQuerySet

PAGE_SIZE = 10


class NewsIndexPage(RoutablePageMixin, RegionalPage):
    """/nieuws/: the portal's news, newest first, and its Atom feed at /nieuws/feed/."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*RegionalPage.content_panels, FieldPanel("intro")]
    parent_page_types = ["core.SharedContentRoot"]
    subpage_types = ["news.NewsPage"]
    max_count = 1

    class Meta:
        verbose_name = _("news overview")

    def _check_region(self, request: HttpRequest) -> None:
        # RoutablePageMixin answers before RegionalPage.route checks the portal's region.
        if not self.regions.filter(pk=getattr(getattr(request, "region", None), "pk", None)):
            raise Http404

    @path("", name="listing")
    def listing(self, request: HttpRequest) -> TemplateResponse:
        self._check_region(request)
        items = NewsPage.objects.listed(getattr(request, "region", None))
        news_page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("pagina", "1"))
        return self.render(request, context_overrides={"news_page": news_page})

    @path("feed/", name="feed")
    def feed(self, request: HttpRequest) -> HttpResponse:
        from .feeds import NewsFeed

        self._check_region(request)
        return NewsFeed(index_page=self)(request)


class NewsPage(RegionalPage):
    """A news item, shown on the portals it is marked for."""

    date = models.DateField(_("date"), default=timezone.localdate)
    summary = models.TextField(
        _("summary"), max_length=300, help_text=_("One or two sentences, shown in lists.")
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("image"),
    )
    image_alt = models.CharField(
        _("alternative text"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it. Needed with an image."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"))
    themes = ParentalManyToManyField(
        Theme, blank=True, related_name="news_pages", verbose_name=_("themes")
    )

    objects = PageManager.from_queryset(NewsPageQuerySet)()

    content_panels = [
        *RegionalPage.content_panels,
        FieldPanel("date"),
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
        FieldPanel("body"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        InlinePanel("related_pages", heading=_("Related items"), label=_("related item")),
    ]
    search_fields = [
        *RegionalPage.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    def clean(self) -> None:
        super().clean()
        if self.image_id and not self.image_alt.strip():
            raise ValidationError(
                {"image_alt": _("Describe what the image shows, for people who cannot see it.")}
            )

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        # Only what this portal shows: a regional page not marked for it would give 404.
        region = getattr(request, "region", None)
        ids = list(self.related_pages.values_list("page_id", flat=True))
        hidden = RegionalPage.objects.filter(pk__in=ids).exclude(regions=region)
        shown = {
            page.pk: page
            for page in Page.objects.live()
            .public()
            .filter(pk__in=ids)
            .exclude(pk__in=hidden.values("pk"))
            .defer_streamfields()
            .specific()
        }
        context["related"] = [shown[pk] for pk in ids if pk in shown]
        return context


class NewsRelatedPage(Orderable):
    news_page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="related_pages")
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )

    panels = [FieldPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("related item")
        verbose_name_plural = _("related items")


# ---------------------------------------------------------------------------
# Contact and theme ideas
# ---------------------------------------------------------------------------


class Message(models.Model):
    """What a visitor sent through the contact or theme-idea form; the coordinator gets
    it by e-mail and answers it in /beheer/. Personal data: kept no longer than
    NEWS_MESSAGE_RETENTION_DAYS (a periodic job removes it)."""

    class Kind(models.TextChoices):
        CONTACT = "contact", _("Question or remark")
        THEME_IDEA = "theme_idea", _("Idea for a theme")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail address"))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    text = models.TextField(_("message"), max_length=5000)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("account"),
        help_text=_("Set when the sender was logged in."),
    )
    region = models.ForeignKey(
        "core.Region",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("portal"),
    )
    created_at = models.DateTimeField(_("received at"), default=timezone.now)
    answer = models.TextField(
        _("answer"),
        blank=True,
        help_text=_("Saving an answer e-mails it to the sender once."),
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    objects = MessageQuerySet.as_manager()

    panels = [FieldPanel("answer")]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        indexes = [models.Index(fields=["created_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.name}"


@register_setting(icon="mail")
class CommunicationSettings(BaseGenericSetting):
    """Where messages go and the alliance's channels ("Volg ons"): one coordinator and
    one set of channels serve both portals."""

    coordinator_email = models.EmailField(
        _("coordinator's e-mail address"),
        blank=True,
        help_text=_(
            "Messages from the contact and theme-idea forms go here. Empty: they are only "
            "kept in the admin under Messages."
        ),
    )
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)

    panels = [
        FieldPanel("coordinator_email"),
        MultiFieldPanel(
            [
                FieldPanel("linkedin_url"),
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
                FieldPanel("youtube_url"),
            ],
            heading=_("Follow us: leave empty where the alliance has no channel"),
        ),
    ]

    class Meta:
        verbose_name = _("communication")

    @property
    def channels(self) -> list[tuple[str, str]]:
        return [
            (str(self._meta.get_field(name).verbose_name), getattr(self, name))
            for name in ("linkedin_url", "facebook_url", "instagram_url", "youtube_url")
            if getattr(self, name)
        ]


class ContactFormPage(RegionalPage):
    """A page with a form that reaches the coordinator: the contact page, or the page where
    professionals suggest a theme or a need for learning."""

    kind = models.CharField(
        _("form"), max_length=20, choices=Message.Kind.choices, default=Message.Kind.CONTACT
    )
    intro = models.TextField(_("introduction"), blank=True)
    thanks = models.TextField(
        _("thank-you text"),
        default="",
        blank=True,
        help_text=_("Shown after sending. Empty: a standard text."),
    )

    content_panels = [
        *RegionalPage.content_panels,
        FieldPanel("kind"),
        FieldPanel("intro"),
        FieldPanel("thanks"),
    ]
    parent_page_types = ["core.SharedContentRoot", "core.PortalHomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("contact form page")

    def serve(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        from .views import serve_contact_form

        return serve_contact_form(request, page=self)
