"""The offer ("menukaart"): learning items in every learning form and the catalogue page.

`LearningItemPage` is the base of everything the catalogue lists. Events, tracks and a
circle's public page subclass it later, so /aanbod/ lists them without importing them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Case, Count, Q, QuerySet, Value, When
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks, hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageBlock
from wagtail.models import PageManager
from wagtail.search import index

from core.cache import KeptRows, remember
from core.models import (
    BodyBlock,
    LearningForm,
    Municipality,
    RegionalPage,
    RegionalPageQuerySet,
    Role,
    TaxonomyTerm,
    Theme,
)

from .durations import describe_duration

CHECKBOXES = forms.CheckboxSelectMultiple


class FamilyType(TaxonomyTerm):
    """A type of family in intergenerational poverty, from the RUG research."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("family type")
        verbose_name_plural = _("family types")


class CapitalForm(TaxonomyTerm):
    """One of the five forms of capital: financial, social, pedagogical, emotional, cultural."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("form of capital")
        verbose_name_plural = _("forms of capital")


class ArticleBodyBlock(BodyBlock):
    image = ImageBlock(label=_("Image"), required=True)


def closed_items(now: datetime) -> list[tuple[str, QuerySet[Any]]]:
    """Items no longer on offer, each kind with the word that says so: an event whose
    sessions are over ("Afgelopen"), a track whose groups all closed. The apps of those
    kinds know when that is; they plug in through the `catalogue_closed_items` hook, a
    function that takes the moment and returns the word and a queryset of page ids."""
    return [closed(now) for closed in hooks.get_hooks("catalogue_closed_items")]


class LearningItemQuerySet(RegionalPageQuerySet):
    def listed(self, region: Any) -> LearningItemQuerySet:
        """Published items of a portal, with what list cards show, in a fixed number of
        queries."""
        return (
            self.live()
            .public()
            .for_region(region)
            .with_closed_label()
            .select_related("learning_form")
            .prefetch_related("roles")
        )

    def with_terms(self) -> LearningItemQuerySet:
        """Every term an item is tagged with, for lists that show them all (the API)."""
        return self.prefetch_related("themes", "family_types", "capital_forms", "regions")

    def with_closed_label(self) -> LearningItemQuerySet:
        """Adds `closed_label`: empty while the item is on offer, else why it is not."""
        return self.annotate(
            closed_label=Case(
                *[
                    When(pk__in=ids, then=Value(label))
                    for label, ids in closed_items(timezone.now())
                ],
                default=Value(""),
                output_field=models.CharField(),
            )
        )

    def on_offer(self) -> LearningItemQuerySet:
        """Only what one can still take part in; needs `with_closed_label` first."""
        return self.filter(closed_label="")


class LearningItemPage(RegionalPage):
    class Level(models.TextChoices):
        INTRODUCTION = "introduction", _("Introduction")
        DEEPENING = "deepening", _("Deepening")
        EXPERT = "expert", _("Expert")

    summary = models.TextField(
        _("summary"), max_length=300, help_text=_("One or two sentences, shown in lists.")
    )
    learning_form = models.ForeignKey(
        LearningForm,
        on_delete=models.PROTECT,
        related_name="learning_items",
        verbose_name=_("learning form"),
    )
    duration_minutes = models.PositiveIntegerField(
        _("duration in minutes"), help_text=_("How long it takes, roughly.")
    )
    duration_days = models.PositiveSmallIntegerField(
        _("duration in days"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Only for what takes whole days, such as a training of three days: "
            "the duration then reads in days."
        ),
    )
    level = models.CharField(_("level"), max_length=20, choices=Level.choices, blank=True)
    roles = ParentalManyToManyField(Role, related_name="learning_items", verbose_name=_("roles"))
    themes = ParentalManyToManyField(Theme, related_name="learning_items", verbose_name=_("themes"))
    family_types = ParentalManyToManyField(
        FamilyType, blank=True, related_name="learning_items", verbose_name=_("family types")
    )
    capital_forms = ParentalManyToManyField(
        CapitalForm, blank=True, related_name="learning_items", verbose_name=_("forms of capital")
    )
    # Where it takes place or which municipalities it is about; the region filter's
    # "Veenkoloniën" is every item with a municipality of the Veenkoloniën.
    municipalities = ParentalManyToManyField(
        Municipality,
        blank=True,
        related_name="learning_items",
        verbose_name=_("municipalities"),
        help_text=_(
            "Only where it takes place in, or is about, particular municipalities. "
            "Empty: the whole region."
        ),
    )
    outcomes = models.TextField(
        _("what you will be able to do"),
        blank=True,
        help_text=_("One outcome per line, e.g. 'Je herkent signalen van stress.'"),
    )
    source = models.CharField(
        _("source"),
        max_length=250,
        blank=True,
        help_text=_(
            "Where the knowledge comes from, e.g. research by the Rijksuniversiteit Groningen."
        ),
    )
    related_items = ParentalManyToManyField(
        "self", blank=True, symmetrical=False, verbose_name=_("related items")
    )
    has_transcript = models.BooleanField(_("transcript"), default=False)
    has_captions = models.BooleanField(_("captions"), default=False)
    has_audio_description = models.BooleanField(_("audio description"), default=False)
    has_easy_read = models.BooleanField(_("easy-read text (B1)"), default=False)
    made_with_experts = models.BooleanField(
        _("made with experts by experience"),
        default=False,
        help_text=_("Made together with people who know poverty from their own life."),
    )
    link_glossary_terms = models.BooleanField(
        _("link glossary terms"),
        default=True,
        help_text=_("Link the first mention of each glossary term to its definition."),
    )

    objects = PageManager.from_queryset(LearningItemQuerySet)()

    # Most items are completed by the learner ("Afgerond"); an event is completed by
    # attending it, so its page turns this off.
    is_completed_by_learner = True

    content_panels = [
        *RegionalPage.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("learning_form"),
                FieldPanel("duration_minutes"),
                FieldPanel("duration_days"),
                FieldPanel("level"),
                FieldPanel("roles", widget=CHECKBOXES),
                FieldPanel("themes", widget=CHECKBOXES),
                FieldPanel("family_types", widget=CHECKBOXES),
                FieldPanel("capital_forms", widget=CHECKBOXES),
                FieldPanel("municipalities", widget=CHECKBOXES),
            ],
            heading=_("Catalogue"),
        ),
        FieldPanel("outcomes"),
    ]
    promote_panels = [
        *RegionalPage.promote_panels,
        FieldPanel("source"),
        FieldPanel("related_items"),
        MultiFieldPanel(
            [
                FieldPanel("has_transcript"),
                FieldPanel("has_captions"),
                FieldPanel("has_audio_description"),
                FieldPanel("has_easy_read"),
                FieldPanel("made_with_experts"),
                FieldPanel("link_glossary_terms"),
            ],
            heading=_("Accessibility and origin"),
        ),
    ]
    search_fields = [
        *RegionalPage.search_fields,
        index.SearchField("summary"),
        index.SearchField("outcomes"),
    ]
    parent_page_types = ["catalogue.CatalogueIndexPage"]
    subpage_types: list[str] = []
    is_creatable = False

    class Meta:
        verbose_name = _("learning item")
        verbose_name_plural = _("learning items")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        # Items sit right under the catalogue, so its address is the item's minus the slug;
        # the pages per family type and form of capital hang below it.
        context["catalogue_url"] = (self.get_url(request) or "").removesuffix(f"{self.slug}/")
        # Apps above the catalogue (e.g. progress in `learning`) add panels to item pages
        # through this hook: each function takes the request and the page and returns HTML.
        context["item_panels"] = [
            panel(request, self) for panel in hooks.get_hooks("catalogue_item_panels")
        ]
        context["closed_label"] = (
            LearningItemPage.objects.filter(pk=self.pk)
            .with_closed_label()
            .values_list("closed_label", flat=True)
            .first()
        )
        return context

    @property
    def duration_label(self) -> str:
        return describe_duration(self.duration_minutes, self.duration_days)

    @property
    def outcome_list(self) -> list[str]:
        return [line.strip() for line in self.outcomes.splitlines() if line.strip()]

    @property
    def accessibility_labels(self) -> list[str]:
        return [
            str(field.verbose_name)
            for field in self._meta.get_fields()
            if field.name in ACCESSIBILITY_FIELDS and getattr(self, field.name)
        ]


ACCESSIBILITY_FIELDS = ("has_transcript", "has_captions", "has_audio_description", "has_easy_read")


class ArticlePage(LearningItemPage):
    """Article or theory."""

    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"))

    content_panels = [*LearningItemPage.content_panels, FieldPanel("body")]
    search_fields = [*LearningItemPage.search_fields, index.SearchField("body")]

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")


class PublicationPage(LearningItemPage):
    """A publication or research summary with a downloadable document."""

    body = StreamField(BodyBlock(), verbose_name=_("summary text"))
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("document"),
    )

    content_panels = [*LearningItemPage.content_panels, FieldPanel("body"), FieldPanel("document")]
    search_fields = [*LearningItemPage.search_fields, index.SearchField("body")]

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")


def transcript_field() -> RichTextField:
    """Video and audio need a transcript. Wagtail defers required text fields when a
    draft is saved, so this is enforced when the page is published."""
    return RichTextField(
        _("transcript"),
        help_text=_(
            "The full text of what is said. Required before publishing: visitors who are deaf "
            "or hard of hearing, or who cannot play sound, read it instead."
        ),
    )


class VideoClipPage(LearningItemPage):
    """A short video ("kennisclip"): an uploaded file with captions, or an embed."""

    video = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("video file"),
        help_text=_("WebM or MP4."),
    )
    captions = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("captions (WebVTT)"),
    )
    poster = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("poster image"),
    )
    embed_url = models.URLField(
        _("embed address"),
        blank=True,
        help_text=_(
            "Only when there is no file: the video loads from there after a click on play."
        ),
    )
    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    transcript = transcript_field()

    content_panels = [
        *LearningItemPage.content_panels,
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                FieldPanel("video"),
                FieldPanel("captions"),
                FieldPanel("poster"),
                FieldPanel("embed_url"),
            ],
            heading=_("Video"),
        ),
        FieldPanel("transcript"),
    ]

    search_fields = [*LearningItemPage.search_fields, index.SearchField("transcript")]

    class Meta:
        verbose_name = _("video clip")
        verbose_name_plural = _("video clips")

    @property
    def embed_host(self) -> str:
        return urlsplit(self.embed_url).hostname or ""

    def clean(self) -> None:
        super().clean()
        # The labels follow what the editor provided, so the facet cannot disagree with it.
        self.has_transcript = bool(self.transcript)
        self.has_captions = bool(self.captions_id)
        if not self.video_id and not self.embed_url:
            raise ValidationError({"video": _("Upload a video file or give an embed address.")})
        if self.video_id and not self.captions_id:
            raise ValidationError(
                {"captions": _("An uploaded video needs captions (a WebVTT file).")}
            )


class PodcastEpisodePage(LearningItemPage):
    audio = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("audio file"),
        help_text=_("Ogg, MP3 or M4A."),
    )
    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    transcript = transcript_field()

    content_panels = [
        *LearningItemPage.content_panels,
        FieldPanel("introduction"),
        FieldPanel("audio"),
        FieldPanel("transcript"),
    ]

    search_fields = [*LearningItemPage.search_fields, index.SearchField("transcript")]

    class Meta:
        verbose_name = _("podcast episode")
        verbose_name_plural = _("podcast episodes")

    def clean(self) -> None:
        super().clean()
        self.has_transcript = bool(self.transcript)


class PracticeAssignmentPage(LearningItemPage):
    """A practice assignment ("praktijkopdracht"): steps to take and questions to reflect on."""

    introduction = RichTextField(_("introduction"), features=["bold", "italic", "link", "ul"])
    steps = StreamField(
        [
            (
                "step",
                blocks.RichTextBlock(label=_("Step"), features=["bold", "italic", "link", "ul"]),
            )
        ],
        verbose_name=_("steps"),
    )
    reflection_questions = StreamField(
        [("question", blocks.CharBlock(label=_("Question")))],
        verbose_name=_("reflection questions"),
    )

    content_panels = [
        *LearningItemPage.content_panels,
        FieldPanel("introduction"),
        FieldPanel("steps"),
        FieldPanel("reflection_questions"),
    ]
    search_fields = [
        *LearningItemPage.search_fields,
        index.SearchField("introduction"),
        index.SearchField("steps"),
        index.SearchField("reflection_questions"),
    ]

    class Meta:
        verbose_name = _("practice assignment")
        verbose_name_plural = _("practice assignments")


class ToolPage(LearningItemPage):
    """A tool or checklist, e.g. a conversation guide for collection officers."""

    body = StreamField(BodyBlock(), verbose_name=_("explanation"))
    checklist = StreamField(
        [("item", blocks.CharBlock(label=_("Checklist item")))],
        blank=True,
        verbose_name=_("checklist"),
    )

    content_panels = [*LearningItemPage.content_panels, FieldPanel("body"), FieldPanel("checklist")]
    search_fields = [
        *LearningItemPage.search_fields,
        index.SearchField("body"),
        index.SearchField("checklist"),
    ]

    class Meta:
        verbose_name = _("tool or checklist")
        verbose_name_plural = _("tools and checklists")


SORTS = {
    "nieuwste": ("-first_published_at", "title"),
    "titel": ("title",),
    "duur": ("duration_minutes", "title"),
}
PAGE_SIZE = 20
SHOW_CLOSED = "afgelopen"


class CatalogueIndexPage(RoutablePageMixin, RegionalPage):
    """The catalogue at /aanbod/: every published learning item of the portal, faceted.
    Each family type and form of capital has its own page below it, listing what helps."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*RegionalPage.content_panels, FieldPanel("intro")]
    parent_page_types = ["core.SharedContentRoot", "core.PortalHomePage"]
    subpage_types = [
        "catalogue.ArticlePage",
        "catalogue.PublicationPage",
        "catalogue.VideoClipPage",
        "catalogue.PodcastEpisodePage",
        "catalogue.PracticeAssignmentPage",
        "catalogue.ToolPage",
        "events.EventPage",
        "tracks.TrackPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("catalogue")

    def get_context(
        self, request: HttpRequest, *args: Any, listing: bool = True, **kwargs: Any
    ) -> dict[str, Any]:
        from .cards import item_cards
        from .facets import apply_facets

        context = super().get_context(request, *args, **kwargs)
        if not listing:  # the pages below it show their own items
            return context
        region = getattr(request, "region", None)
        # What is over (a past event, a track without an open group) leaves the listing
        # unless asked for: it is still there to read back.
        show_closed = request.GET.get(SHOW_CLOSED) == "ja"
        listed = LearningItemPage.objects.listed(region)
        scope = f"region-{getattr(region, 'pk', None)}-closed-{show_closed}"
        items, facets, choice = apply_facets(
            listed if show_closed else listed.on_offer(), request.GET, scope=scope
        )
        sort = request.GET.get("sorteer", "")
        if sort not in SORTS:
            sort = "nieuwste"
        # Counting and ordering thousands of items is the same for everyone with this choice:
        # kept with the page generation, so only the page's own cards are looked up.
        ordered = items.order_by(*SORTS[sort]).values_list("pk", "closed_label")
        rows = KeptRows("catalogue", ordered, scope, choice, sort)
        paginator: Paginator[Any] = Paginator(rows, PAGE_SIZE)  # type: ignore[arg-type]
        items_page = paginator.get_page(request.GET.get("pagina", "1"))
        context.update(
            facets=facets,
            # The filters show the same options and counts to everyone with this choice.
            filters=remember(
                "catalogue-filters",
                lambda: render_to_string(
                    "catalogue/partials/filters.html",
                    {"facets": facets, "show_closed": show_closed},
                    request,
                ),
                scope,
                choice,
                get_language() or "",
            ),
            items_page=items_page,
            cards=item_cards(request, list(items_page.object_list), listed),
            result_count=paginator.count,
            sort=sort,
            sorts=[
                ("nieuwste", _("Newest first")),
                ("titel", _("Title")),
                ("duur", _("Shortest first")),
            ],
            chosen=[
                {
                    "facet": facet.label,
                    "label": option.label,
                    "lang": option.lang,
                    "remove_url": "?"
                    + _query_without(request, "pagina", remove=(facet.param, option.value)),
                }
                for facet in facets
                for option in facet.selected
            ],
            query_without_page=_query_without(request, "pagina"),
            show_closed=show_closed,
        )
        return context

    @path("gezinstype/", name="family_types")
    def family_types(self, request: HttpRequest) -> TemplateResponse:
        return self._overview(request, FamilyType, "gezinstype")

    @path("kapitaal/", name="capital_forms")
    def capital_forms(self, request: HttpRequest) -> TemplateResponse:
        return self._overview(request, CapitalForm, "kapitaal")

    def _overview(
        self, request: HttpRequest, model: type[TaxonomyTerm], param: str
    ) -> TemplateResponse:
        """Every term of a kind with how much the portal offers for it, in one query."""
        offered = (
            LearningItemPage.objects.live()
            .public()
            .for_region(getattr(request, "region", None))
            .with_closed_label()
            .on_offer()
        )
        terms = model.objects.annotate(  # type: ignore[attr-defined]
            item_count=Count(
                "learning_items",
                filter=Q(learning_items__in=offered.values("pk")),
                distinct=True,
            )
        )
        return self.render(
            request,
            listing=False,
            context_overrides={
                "terms": terms,
                "param": param,
                "heading": capfirst(model._meta.verbose_name_plural),
            },
            template="catalogue/overview_page.html",
        )

    @path("gezinstype/<slug:slug>/", name="family_type")
    def family_type(self, request: HttpRequest, slug: str) -> TemplateResponse:
        return self._concept_page(
            request, get_object_or_404(FamilyType, slug=slug), "family_types", "family_types"
        )

    @path("kapitaal/<slug:slug>/", name="capital_form")
    def capital_form(self, request: HttpRequest, slug: str) -> TemplateResponse:
        return self._concept_page(
            request, get_object_or_404(CapitalForm, slug=slug), "capital_forms", "capital_forms"
        )

    def _concept_page(
        self, request: HttpRequest, term: TaxonomyTerm, relation: str, overview: str
    ) -> TemplateResponse:
        region = getattr(request, "region", None)
        items = (
            LearningItemPage.objects.listed(region)
            .on_offer()
            .filter(**{relation: term})
            .order_by("title")
        )
        return self.render(
            request,
            listing=False,
            context_overrides={
                "term": term,
                "term_kind": capfirst(term._meta.verbose_name),
                "items": items,
                "overview_url": (self.get_url(request) or "") + self.reverse_subpage(overview),
                "overview_name": term._meta.verbose_name_plural,
            },
            template="catalogue/concept_page.html",
        )

    def get_template(self, request: HttpRequest, *args: Any, **kwargs: Any) -> str:
        if getattr(request, "htmx", False):
            return "catalogue/catalogue_index_page.html#results"
        return super().get_template(request, *args, **kwargs)


def _query_without(request: HttpRequest, *names: str, remove: tuple[str, str] | None = None) -> str:
    """The current query string without the named parameters and one chosen value."""
    query = request.GET.copy()
    for name in names:
        query.pop(name, None)
    if remove:
        param, value = remove
        query.setlist(param, [v for v in query.getlist(param) if v != value])
    return query.urlencode()
