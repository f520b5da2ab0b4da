"""The two portals, the shared content tree and the shared taxonomy."""

from __future__ import annotations

import hashlib
from typing import Any
from urllib.parse import urlencode, urlsplit

from django import forms
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager, PageViewRestriction, Site
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail.url_routing import RouteResult

from .cache import CACHE_SECONDS, page_cache, portal_data_key, remember, remember_in_process
from .portals import base_url, site_path
from .querysets import OutgoingEmailQuerySet, OutgoingMessageQuerySet
from .validators import cbs_code_validator, validate_accent_colour

# ---------------------------------------------------------------------------
# Taxonomy
# ---------------------------------------------------------------------------


class TaxonomyTerm(models.Model):
    """A named term editors maintain; the slug is what URLs and filters use."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    # Only the name has an English version: it is what labels, filters and lists show
    # beside the translated interface. Descriptions are content, like the pages, and stay
    # Dutch.
    name_en = models.CharField(
        _("name in English"),
        max_length=120,
        blank=True,
        help_text=_("Shown when a visitor reads the site in English. Empty: the Dutch name."),
    )
    slug = models.SlugField(
        _("slug"), max_length=120, unique=True, help_text=_("Used in web addresses and filters.")
    )
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        # The name follows the active language, so every list, join and form choice on
        # the site shows the English name when the visitor reads in English. /beheer/
        # runs in the editor's language too, so a Dutch editor still sees Dutch names.
        return self.name_en if self.is_shown_in_english else self.name

    @property
    def is_shown_in_english(self) -> bool:
        return bool(self.name_en) and get_language() == "en"

    @property
    def name_language(self) -> str:
        """The language of the name __str__ shows, for a lang attribute beside text in
        the interface language."""
        return "en" if self.is_shown_in_english else "nl"


class Region(TaxonomyTerm):
    """A province with its own portal: Groningen or Drenthe."""

    accent_colour = models.CharField(
        _("accent colour"),
        max_length=7,
        validators=[validate_accent_colour],
        help_text=_("Colour of the portal, e.g. #1f5f8b. Must contrast 4.5:1 with white."),
    )
    logo_text = models.CharField(
        _("logo text"), max_length=60, help_text=_("Shown beside the logo, e.g. 'Groningen'.")
    )

    panels = [*TaxonomyTerm.panels, FieldPanel("accent_colour"), FieldPanel("logo_text")]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")


class Municipality(models.Model):
    name = models.CharField(_("name"), max_length=120)
    cbs_code = models.CharField(
        _("CBS code"), max_length=6, unique=True, validators=[cbs_code_validator]
    )
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="municipalities", verbose_name=_("region")
    )
    is_veenkolonien = models.BooleanField(
        _("part of the Veenkoloniën"),
        default=False,
        help_text=_(
            "The region filters offer the Veenkoloniën as a group. Once the poverty monitor "
            "has definitions, the one chosen in its settings decides this."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("cbs_code"),
        FieldPanel("region"),
        FieldPanel("is_veenkolonien"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return self.name


class Sector(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")


class Role(TaxonomyTerm):
    """A job role ("functie", "doelgroep") a professional learns for."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("role")
        verbose_name_plural = _("roles")


class Theme(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")


# django-stubs cannot resolve the reverse relation from catalogue's page model, whose
# manager is built with from_queryset; the relation itself is fine.
class LearningForm(TaxonomyTerm):  # type: ignore[django-manager-missing]
    """A way of learning ("leervorm"), shown with an icon and always with its name."""

    class Icon(models.TextChoices):
        DOING = "doing", _("Doing (hands)")
        THEORY = "theory", _("Theory (book)")
        WATCHING = "watching", _("Watching (play)")
        LISTENING = "listening", _("Listening (headphones)")
        TRAINING = "training", _("Training together (group)")
        PEERS = "peers", _("Learning with peers (conversation)")

    icon = models.CharField(_("icon"), max_length=20, choices=Icon.choices)
    # Learning with peers happens in circles, which are no catalogue items: its tile on
    # the home page opens the circles page rather than an empty catalogue.
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("page"),
        help_text=_(
            "The home page's tile opens this page. Leave empty to open the catalogue with "
            "this learning form."
        ),
    )

    panels = [*TaxonomyTerm.panels, FieldPanel("icon"), FieldPanel("page")]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("learning form")
        verbose_name_plural = _("learning forms")

    def tile_url(self, request: HttpRequest) -> str:
        """Where the home page's tile leads: the chosen page while a portal shows it, else
        the catalogue with this learning form."""
        url = self.page.specific.get_url(request) if self.page and self.page.live else None
        return url or site_path("/aanbod/") + "?" + urlencode({"leervorm": self.slug})


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class EmailInvitation(models.Model):
    """An e-mailed, single-use link (into a circle, an organisation). Only the token's hash
    is stored, so a leaked database gives no working links."""

    email = models.EmailField(_("e-mail address"))
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    expires_at = models.DateTimeField(_("valid until"))
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("accepted by"),
    )

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.email

    @property
    def is_usable(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()


class Organisation(models.Model):
    """A partner organisation; what managers do with it lives in the organisations app."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_("The last part of the address of its page under /organisaties/."),
    )
    sector = models.ForeignKey(
        Sector, on_delete=models.PROTECT, related_name="organisations", verbose_name=_("sector")
    )
    is_partner = models.BooleanField(
        _("partner of the alliance"),
        default=False,
        help_text=_("Partners have a public page under /organisaties/."),
    )
    description = models.TextField(
        _("what it is"),
        blank=True,
        help_text=_("A few sentences on the organisation and its part in the alliance."),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("municipality"),
        help_text=_("Where the organisation is based; leave empty when it works region-wide."),
    )
    municipalities = models.ManyToManyField(
        Municipality,
        blank=True,
        related_name="working_organisations",
        verbose_name=_("municipalities it works in"),
    )
    website = models.URLField(_("website"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("sector"),
        FieldPanel("is_partner"),
        FieldPanel("description"),
        FieldPanel("municipality"),
        FieldPanel("municipalities", widget=forms.CheckboxSelectMultiple),
        FieldPanel("website"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Editors merging what people typed, and sign-up, name an organisation only.
        if not self.slug:
            self.slug = free_slug(Organisation, self.name)
        super().save(*args, **kwargs)


def free_slug(model: type[models.Model], name: str) -> str:
    """A slug from the name that no row of the model has yet: `naam`, `naam-2`, …"""
    base = slugify(name)[:190] or "organisatie"
    taken = set(model._default_manager.filter(slug__startswith=base).values_list("slug", flat=True))
    return next(
        candidate
        for candidate in (base if n == 1 else f"{base}-{n}" for n in range(1, len(taken) + 2))
        if candidate not in taken
    )


# ---------------------------------------------------------------------------
# Portals and the shared content tree
#
# Root
#  ├── PortalHomePage (Groningen)   root of the Groningen Site, with regional sections
#  ├── PortalHomePage (Drenthe)     root of the Drenthe Site
#  └── SharedContentRoot            content both portals serve, each what is marked for it
#
# A portal home routes a path it does not know itself into the shared tree, and a shared
# page builds its URL under the portal that asks for it. So /over/ on either portal is the
# one shared page "over", and each portal hides what is not marked for its region.
# ---------------------------------------------------------------------------


def portal_scope(request: HttpRequest) -> Q:
    """Which pages the asking portal serves: its own home's tree and the shared tree,
    less the regional pages not marked for its region. Use as Page.objects.filter(...)."""
    return site_scope(Site.find_for_request(request), getattr(request, "region", None))


def site_scope(site: Site | None, region: Region | None) -> Q:
    """Which pages the portal of this site and region serves (see portal_scope)."""
    if site is None:
        return Q(pk__in=[])
    roots = Page.objects.filter(Q(pk=site.root_page_id) | Q(sharedcontentroot__isnull=False))
    scope = Q(pk__in=[])
    for path in roots.values_list("path", flat=True):
        scope |= Q(path__startswith=path)
    hidden = RegionalPage.objects.exclude(regions=region)
    return scope & ~Q(pk__in=hidden.values("pk"))


def with_public_address(url_parts: Any) -> Any:
    """Wagtail's URL parts of a page with the portal's public address (core.portals) in
    place of the root URL Wagtail builds from the Site record's port."""
    if url_parts is None or url_parts[1] is None:
        return url_parts
    site_id, root_url, page_path = url_parts
    return site_id, base_url(urlsplit(root_url).hostname or ""), page_path


def portal_path(page: Page) -> str:
    """The path of a page below its portal home or the shared root: '/over/'."""
    return "/" + "".join(part + "/" for part in page.url_path.strip("/").split("/")[1:])


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("Heading"), form_classname="title", template="core/blocks/heading.html"
    )
    paragraph = blocks.RichTextBlock(
        label=_("Text"), features=["bold", "italic", "link", "ol", "ul", "h3"]
    )
    button = blocks.StructBlock(
        [
            ("label", blocks.CharBlock(label=_("Text on the button"))),
            ("page", blocks.PageChooserBlock(label=_("Page"))),
        ],
        label=_("Button to a page"),
        template="core/blocks/button.html",
    )
    callout = blocks.StructBlock(
        [
            ("title", blocks.CharBlock(label=_("Title"))),
            ("text", blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link"])),
        ],
        label=_("Callout"),
        template="core/blocks/callout.html",
    )


def _restricted_paths() -> list[str]:
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def _paths_with_view_restrictions() -> list[str]:
    """Paths under which Wagtail must look up view restrictions: restricted pages, and
    aliases (whose restrictions are their original's)."""
    aliases = Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True)
    return [*remember("restricted-paths", _restricted_paths), *aliases]


class ViewRestrictionsFromCacheMixin:
    """Wagtail asks two queries per page view for restrictions ("private" pages) that
    almost no page has; which pages have them is remembered until the next change."""

    path: str

    def get_view_restrictions(self) -> Any:
        paths = remember("view-restriction-paths", _paths_with_view_restrictions)
        if any(self.path.startswith(path) for path in paths):
            return super().get_view_restrictions()  # type: ignore[misc]
        return PageViewRestriction.objects.none()


class PortalHomePage(ViewRestrictionsFromCacheMixin, Page):
    """The home page of one regional portal; its children are that portal's own sections."""

    region = models.OneToOneField(
        Region, on_delete=models.PROTECT, related_name="home_page", verbose_name=_("region")
    )
    intro = models.TextField(
        _("introduction"), help_text=_("One or two sentences under the title.")
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("region"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("portal home page")

    def route(self, request: HttpRequest, path_components: list[str]) -> Any:
        """Which page an address shows is remembered until the next publish, so a page is
        found with no query: Wagtail's router asks two per level, and more for a page that
        lives under the shared root or checks its region."""
        if not path_components:
            return super().route(request, path_components)
        key = portal_data_key("route", str(self.pk), *path_components)
        found = page_cache.get(key)
        if found is not None:
            page, rest = found
            if isinstance(page, RoutablePageMixin):
                return page.route(request, rest)
            return RouteResult(page)
        result = self._route_through_tree(request, path_components)
        page = result.page
        # A sub-address of a routable page (a filter overview) is resolved again on a hit,
        # from the remembered page; every other page is the whole answer.
        rest = path_components[page.depth - self.depth :]
        if rest and not isinstance(page, RoutablePageMixin):
            return result
        page_cache.set(key, (page, rest), CACHE_SECONDS)
        return result

    def _route_through_tree(self, request: HttpRequest, path_components: list[str]) -> Any:
        try:
            return super().route(request, path_components)
        except Http404:
            shared_root = remember("shared-root", SharedContentRoot.objects.live().first)
            if not shared_root:
                raise
            return shared_root.route(request, path_components)

    def get_url_parts(self, request: HttpRequest | None = None) -> Any:
        return with_public_address(super().get_url_parts(request))

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["learning_forms"] = [
            (form, form.tile_url(request)) for form in LearningForm.objects.select_related("page")
        ]
        context["roles"] = Role.objects.all()
        context["themes"] = Theme.objects.all()
        return context


class SharedContentRoot(Page):
    """Holds the content both portals share; it is never shown itself."""

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("shared content")

    def route(self, request: HttpRequest, path_components: list[str]) -> Any:
        if not path_components:
            raise Http404
        return super().route(request, path_components)


class RegionalPageQuerySet(PageQuerySet):
    def for_region(self, region: Region | None) -> RegionalPageQuerySet:
        return self.filter(regions=region)

    def private_q(self) -> Q:
        """What `public()` leaves out. Wagtail asks the database which pages are private
        on every call; here the answer is remembered until the next change (see
        ViewRestrictionsFromCacheMixin)."""
        private = Q()
        for path in remember("restricted-paths", _restricted_paths):
            private |= Q(path__startswith=path)
        return private if private else Q(pk__in=[])


class RegionalPage(ViewRestrictionsFromCacheMixin, Page):
    """Base of every page that is marked for one region or both.

    Concrete rather than abstract, so one query can ask which pages of any type a
    portal shows (menus, sitemap, search) through one table of region marks.
    """

    regions = ParentalManyToManyField(
        Region,
        related_name="pages",
        verbose_name=_("regions"),
        help_text=_("The portals that show this page."),
    )

    objects = PageManager.from_queryset(RegionalPageQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("regions", widget=forms.CheckboxSelectMultiple),
    ]
    is_creatable = False

    class Meta:
        verbose_name = _("regional page")

    def route(self, request: HttpRequest, path_components: list[str]) -> Any:
        result = super().route(request, path_components)
        region = getattr(request, "region", None)
        if not path_components and not self.regions.filter(pk=getattr(region, "pk", None)).exists():
            raise Http404
        return result

    def get_url_parts(self, request: HttpRequest | None = None) -> Any:
        parts = super().get_url_parts(request)
        if parts is not None:
            return with_public_address(parts)
        # A shared page lies under no site root: place it under the asking portal when it
        # is marked for that portal's region, else under the first portal that shows it
        # (the other portal's full address), else nowhere: a link to it is not offered.
        site_id = self.portal_site_id(request)
        paths = next(
            (paths for paths in self._get_site_root_paths(request) if paths[0] == site_id), None
        )
        if paths is None:
            return None
        site_id, _root_path, root_url, _language = paths
        path = reverse("wagtail_serve", args=(portal_path(self).lstrip("/"),))
        return with_public_address((site_id, root_url, path))

    def portal_site_id(self, request: HttpRequest | None) -> int | None:
        """The site of the portal that serves this shared page to the asker, if any."""
        marks, sites = portal_marks()
        regions = marks[self.pk] if self.pk in marks else self.region_ids()
        shown_on = [site for region, site in sites.items() if region in regions]
        asking = Site.find_for_request(request) if request is not None else None
        if asking is not None and asking.pk in shown_on:
            return asking.pk
        return shown_on[0] if shown_on else None

    def region_ids(self) -> set[int]:
        # A page newer than the remembered marks (only within one transaction, as the
        # marks are remembered anew after every publish).
        return set(self.regions.values_list("pk", flat=True))


def portal_marks() -> tuple[dict[int, set[int]], dict[int, int]]:
    """The regions each regional page is marked for, and the site of each region's portal
    in the regions' order. Remembered as objects in the process until the next publish: a
    listing asks once per link, and it holds every regional page, too large to unpickle
    on each request."""
    return remember_in_process("portal-marks", _portal_marks)


def _portal_marks() -> tuple[dict[int, set[int]], dict[int, int]]:
    marks: dict[int, set[int]] = {}
    through = RegionalPage.regions.through.objects.values_list("regionalpage_id", "region_id")
    for page_id, region_id in through:
        marks.setdefault(page_id, set()).add(region_id)
    portals = (
        Site.objects.filter(root_page__portalhomepage__isnull=False)
        .order_by("root_page__portalhomepage__region__sort_order")
        .values_list("root_page__portalhomepage__region", "pk")
    )
    return marks, dict(portals)


class ContentPage(RegionalPage):
    """A plain page of text: about the platform, accessibility, a regional section."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"))

    content_panels = [*RegionalPage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")


# ---------------------------------------------------------------------------
# The outbox: every e-mail the platform sends (core.mail puts it in, core.tasks sends it)
# ---------------------------------------------------------------------------


class OutgoingEmail(models.Model):
    """One e-mail, written in the transaction of the change it tells about and kept until
    the mail server has it. A message is pending while `next_attempt_at` is set, sent once
    `sent_at` is, and failed when neither is (it gave up after its retries); an editor can
    send a failed or pending message again in /beheer/."""

    kind = models.CharField(
        _("kind"), max_length=100, help_text=_("Which e-mail this is, e.g. events.confirmed.")
    )
    recipients = models.TextField(_("recipients"))
    subject = models.CharField(_("subject"), max_length=255)
    # The whole message as core.mail.message_to_data makes it, attachments included (a
    # certificate's PDF); emptied some time after sending, as nobody needs it then.
    message = models.JSONField(default=dict)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)

    objects = OutgoingEmailQuerySet.as_manager()

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        indexes = [models.Index(fields=["next_attempt_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(sent_at=None) | Q(next_attempt_at=None),
                name="a_sent_email_has_no_next_attempt",
            )
        ]

    def __str__(self) -> str:
        return f"{self.subject} ({self.recipients})"

    @property
    def is_failed(self) -> bool:
        return self.sent_at is None and self.next_attempt_at is None

    @property
    def status(self) -> str:
        if self.sent_at is not None:
            return str(_("sent"))
        return str(_("failed")) if self.is_failed else str(_("waiting"))


class OutgoingMessage(models.Model):
    """One message to another system (a learning record store), written in the transaction
    of the change it tells about and kept until that system has it; core.outbox puts it in
    and core.tasks delivers it through the channel an app registered. Unlike an e-mail it
    never gives up: the receiver stores each `key` once, so a late or repeated delivery
    does no harm, and a lost one would leave a gap in its data."""

    channel = models.CharField(
        _("channel"), max_length=50, help_text=_("Who delivers it, e.g. learning.lrs.")
    )
    key = models.CharField(
        _("key"), max_length=100, help_text=_("What the receiver knows it by, e.g. an id.")
    )
    payload = models.JSONField(default=dict)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)

    objects = OutgoingMessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("outgoing message")
        verbose_name_plural = _("outgoing messages")
        indexes = [models.Index(fields=["next_attempt_at"])]
        constraints = [
            models.UniqueConstraint(fields=["channel", "key"], name="one_message_per_key"),
            models.CheckConstraint(
                condition=Q(sent_at=None) | Q(next_attempt_at=None),
                name="a_sent_message_has_no_next_attempt",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.channel} {self.key}"
