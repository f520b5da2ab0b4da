"""The newsletter: subscribers with their consent, editions as Wagtail pages, and the
sending of an edition as one Delivery row per subscriber (exactly once, resumable)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.http import Http404, HttpRequest
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import PageManager

from core.models import Region, RegionalPage, Role, Theme

from .querysets import DeliveryQuerySet, EditionQuerySet, SubscriberQuerySet


class Subscriber(models.Model):
    """One address on the list, with the regions and interests it chose and its consent."""

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Subscribed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")
        SUSPENDED = "suspended", _("Suspended (bounce or complaint)")

    # Lower-cased by the services, so one address is one row.
    email = models.EmailField(_("e-mail address"), unique=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="newsletter_subscriber",
        verbose_name=_("account"),
    )
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.PENDING
    )
    regions = models.ManyToManyField(Region, related_name="+", verbose_name=_("regions"))
    roles = models.ManyToManyField(Role, blank=True, related_name="+", verbose_name=_("roles"))
    themes = models.ManyToManyField(Theme, blank=True, related_name="+", verbose_name=_("themes"))
    # The consent as it was given: when, where, and the words the person agreed to.
    consent_text = models.TextField(_("consent text"))
    consent_source = models.CharField(_("consent given at"), max_length=100)
    consented_at = models.DateTimeField(_("consent given on"))
    confirmed_at = models.DateTimeField(_("confirmed on"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed on"), null=True, blank=True)
    suspended_at = models.DateTimeField(_("suspended on"), null=True, blank=True)
    suspension_reason = models.CharField(_("reason for suspension"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("newsletter subscriber")
        verbose_name_plural = _("newsletter subscribers")
        ordering = ["email"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(state="confirmed") | Q(confirmed_at__isnull=False),
                name="newsletter_confirmed_subscriber_has_date",
            )
        ]

    def __str__(self) -> str:
        return self.email

    @property
    def is_confirmed(self) -> bool:
        return self.state == self.State.CONFIRMED


class EditionBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(
        label=_("Text"), features=["h2", "h3", "bold", "italic", "link", "ol", "ul"]
    )
    pages = blocks.StructBlock(
        [
            ("heading", blocks.CharBlock(label=_("Heading"))),
            ("pages", blocks.ListBlock(blocks.PageChooserBlock(label=_("Page")), label=_("Pages"))),
        ],
        label=_("Pages with a heading"),
        help_text=_("News, new items or events; each shows its title, summary and a link."),
    )


class NewsletterIndexPage(RoutablePageMixin, RegionalPage):
    """/nieuwsbrief/: the sign-up form, and the archive of the portal's sent editions."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*RegionalPage.content_panels, FieldPanel("intro")]
    parent_page_types = ["core.SharedContentRoot", "core.PortalHomePage"]
    subpage_types = ["newsletter.NewsletterEdition"]
    max_count = 1

    class Meta:
        verbose_name = _("newsletter")

    def _check_portal(self, request: HttpRequest) -> None:
        # RoutablePageMixin answers before RegionalPage.route checks the portal's region.
        if not self.regions.filter(pk=getattr(getattr(request, "region", None), "pk", None)):
            raise Http404

    @path("", name="subscribe")
    def subscribe(self, request: HttpRequest) -> TemplateResponse:
        from .views import subscribe

        self._check_portal(request)
        return subscribe(request, self)

    @path("archief/", name="archive")
    def archive(self, request: HttpRequest) -> TemplateResponse:
        self._check_portal(request)
        editions = NewsletterEdition.objects.archive(request.region)  # type: ignore[attr-defined]
        return self.render(
            request,
            context_overrides={"editions": editions},
            template="newsletter/archive.html",
        )

    def get_sitemap_urls(self, request: HttpRequest | None = None) -> list[dict[str, Any]]:
        urls = super().get_sitemap_urls(request)
        return [*urls, *({**url, "location": url["location"] + "archief/"} for url in urls)]


class NewsletterEdition(RegionalPage):
    """One edition: an introduction and blocks of chosen pages. Editors preview it as a page,
    then send it (newsletter.services) to the subscribers of its regions. Public in the
    archive only once its sending started."""

    subject = models.CharField(
        _("subject"), max_length=150, help_text=_("The subject line of the e-mail.")
    )
    intro = models.TextField(_("introduction"))
    body = StreamField(EditionBlock(), blank=True, verbose_name=_("content"))

    objects = PageManager.from_queryset(EditionQuerySet)()

    content_panels = [
        *RegionalPage.content_panels,
        FieldPanel("subject"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    parent_page_types = ["newsletter.NewsletterIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("newsletter edition")
        verbose_name_plural = _("newsletter editions")

    @property
    def is_sent(self) -> bool:
        """Sent (or being sent): from then on the edition is public in the archive, so
        the link "read it online" in the e-mail works."""
        return Sending.objects.filter(edition=self, started_at__isnull=False).exists()

    def route(self, request: HttpRequest, path_components: list[str]) -> Any:
        if not path_components and not self.is_sent:
            raise Http404  # editors see it through Wagtail's preview until it is sent
        return super().route(request, path_components)

    def get_sitemap_urls(self, request: HttpRequest | None = None) -> list[dict[str, Any]]:
        return super().get_sitemap_urls(request) if self.is_sent else []

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from .emails import edition_context

        context = super().get_context(request, *args, **kwargs)
        context.update(edition_context(self, region=getattr(request, "region", None)))
        return context


class Sending(models.Model):
    """The sending of one edition: scheduled, started (its deliveries made), finished.
    Not a field of the page, as publishing a revision would overwrite it."""

    edition = models.OneToOneField(
        NewsletterEdition,
        on_delete=models.CASCADE,
        related_name="sending",
        verbose_name=_("edition"),
    )
    scheduled_for = models.DateTimeField(_("scheduled for"), null=True, blank=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    total = models.PositiveIntegerField(_("recipients"), default=0)

    class Meta:
        verbose_name = _("sending")
        verbose_name_plural = _("sendings")
        constraints = [
            models.CheckConstraint(
                condition=Q(finished_at=None) | Q(started_at__isnull=False),
                name="newsletter_finished_sending_was_started",
            )
        ]

    def __str__(self) -> str:
        return str(self.edition)


class Delivery(models.Model):
    """One subscriber's copy of one edition. Made for every subscriber when the sending
    starts; a batch puts its message in the outbox and sets `queued_at` in one transaction,
    so a crash leaves either both or neither, and the unique pair sends nobody twice."""

    sending = models.ForeignKey(
        Sending, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("sending")
    )
    subscriber = models.ForeignKey(
        Subscriber,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("subscriber"),
    )
    queued_at = models.DateTimeField(_("queued at"), null=True, blank=True)
    # Set when the subscriber left the list between the start and their batch.
    is_skipped = models.BooleanField(_("skipped"), default=False)
    email = models.ForeignKey(
        "core.OutgoingEmail",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("e-mail"),
    )

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["sending", "subscriber"], name="newsletter_one_delivery_per_subscriber"
            )
        ]
        indexes = [models.Index(fields=["sending", "queued_at"])]

    def __str__(self) -> str:
        return f"{self.sending} → {self.subscriber}"
