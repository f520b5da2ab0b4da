"""The alliance's administrative action agenda ("bestuurlijke actieagenda") at /actieagenda/:
its spearheads, the targets it tracks and the steering group's meetings.

A spearhead's theme decides what its page gathers from the catalogue, the agenda, the
tracks and the circles' shared bottlenecks (gathering.py); this app sits above all of
them, so they know nothing of it."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from circles.models import Bottleneck
from core.models import BodyBlock, Organisation, RegionalPage, Theme

from .charts import progress_chart
from .querysets import TargetQuerySet


class ActionAgendaPage(RegionalPage):
    """/actieagenda/: the starting points, the spearheads, the targets and the steering
    group's meetings. One shared page, like the other overview pages."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("starting points"),
        help_text=_("What the alliance agreed on, before the spearheads."),
    )

    content_panels = [
        *RegionalPage.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel(
            "steering_group_meetings",
            heading=_("Steering group meetings"),
            label=_("Meeting"),
        ),
    ]
    search_fields = [*RegionalPage.search_fields, index.SearchField("intro")]
    parent_page_types = ["core.SharedContentRoot", "core.PortalHomePage"]
    subpage_types = ["actionagenda.SpearheadPage"]
    max_count = 1

    class Meta:
        verbose_name = _("action agenda")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        region = getattr(request, "region", None)
        context["spearheads"] = (
            SpearheadPage.objects.child_of(self).live().public().for_region(region).order_by("path")
        )
        context["charts"] = [
            progress_chart(target)
            for target in Target.objects.with_measurements().select_related("spearhead")
        ]
        context["meetings"] = self.steering_group_meetings.order_by("-held_on", "-pk")
        return context


class SteeringGroupMeeting(Orderable):
    """A meeting of the steering group, with its decisions in brief."""

    page = ParentalKey(
        ActionAgendaPage, on_delete=models.CASCADE, related_name="steering_group_meetings"
    )
    held_on = models.DateField(_("date"))
    decisions = models.TextField(
        _("decisions in brief"), help_text=_("One decision per line, in a short sentence.")
    )

    panels = [FieldPanel("held_on"), FieldPanel("decisions")]

    class Meta(Orderable.Meta):
        verbose_name = _("steering group meeting")
        verbose_name_plural = _("steering group meetings")

    @property
    def decision_list(self) -> list[str]:
        return [line.strip() for line in self.decisions.splitlines() if line.strip()]


class SpearheadStatus(models.TextChoices):
    PREPARING = "preparing", _("In preparation")
    RUNNING = "running", _("Under way")
    PAUSED = "paused", _("Paused")
    DONE = "done", _("Done")


class SpearheadForm(WagtailAdminPageForm):
    # Stored as a list in a JSON field, which works on SQLite and PostgreSQL alike; the
    # editor ticks the kinds.
    bottleneck_kinds = forms.MultipleChoiceField(
        label=_("Bottlenecks from the learning circles"),
        choices=Bottleneck.Kind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Bottlenecks of these kinds that circles shared with the region show here."),
    )


class SpearheadPage(RegionalPage):
    """One spearhead of the action agenda. Its theme decides which learning items, events
    and tracks its page gathers; the kinds of bottleneck which of the circles' shared ones."""

    theme = models.ForeignKey(
        Theme,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("theme"),
        help_text=_("Learning items, events and tracks with this theme show on the page."),
    )
    goal = models.TextField(_("goal"), help_text=_("What the spearhead wants to reach."))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=SpearheadStatus.choices,
        default=SpearheadStatus.PREPARING,
    )
    plans = RichTextField(_("plans"), features=["bold", "italic", "link", "ul", "ol", "h3"])
    partners = ParentalManyToManyField(
        Organisation,
        blank=True,
        related_name="+",
        verbose_name=_("responsible partners"),
    )
    bottleneck_kinds = models.JSONField(_("kinds of bottleneck"), default=list, blank=True)

    content_panels = [
        *RegionalPage.content_panels,
        FieldPanel("goal"),
        FieldPanel("status"),
        FieldPanel("plans"),
        FieldPanel("partners", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [FieldPanel("theme"), FieldPanel("bottleneck_kinds")],
            heading=_("What the page gathers"),
        ),
        InlinePanel("updates", heading=_("Updates"), label=_("Update")),
    ]
    base_form_class = SpearheadForm
    search_fields = [
        *RegionalPage.search_fields,
        index.SearchField("goal"),
        index.SearchField("plans"),
    ]
    parent_page_types = ["actionagenda.ActionAgendaPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("spearhead")
        verbose_name_plural = _("spearheads")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from .gathering import gather

        context = super().get_context(request, *args, **kwargs)
        context["gathered"] = gather(spearhead=self, region=getattr(request, "region", None))
        context["charts"] = [
            progress_chart(target)
            for target in Target.objects.with_measurements().filter(spearhead=self)
        ]
        context["updates"] = self.updates.order_by("-published_on", "-pk")
        context["partners"] = self.partners.all()
        # A spearhead sits right under the action agenda: its address minus the slug.
        context["agenda_url"] = (self.get_url(request) or "").removesuffix(f"{self.slug}/")
        return context


class SpearheadUpdate(Orderable):
    """A dated line of news about the spearhead, written by an editor."""

    page = ParentalKey(SpearheadPage, on_delete=models.CASCADE, related_name="updates")
    published_on = models.DateField(_("date"))
    text = models.TextField(_("what happened"))

    panels = [FieldPanel("published_on"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("update")
        verbose_name_plural = _("updates")


class Target(ClusterableModel):
    """A target the action agenda tracks, such as "250 people in poverty into training and
    work"; editors add a measurement with a date and a source whenever there is news."""

    title = models.CharField(
        _("title"),
        max_length=150,
        help_text=_("What is to be reached, e.g. '250 mensen in armoede naar scholing en werk'."),
    )
    spearhead = models.ForeignKey(
        SpearheadPage,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="targets",
        verbose_name=_("spearhead"),
    )
    goal_value = models.DecimalField(
        _("goal"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(0)],
        help_text=_("The number to reach, e.g. 250."),
    )
    unit = models.CharField(_("unit"), max_length=40, help_text=_("e.g. 'mensen'."))
    deadline = models.DateField(_("to reach by"), null=True, blank=True)
    is_example = models.BooleanField(
        _("example figures"),
        default=False,
        help_text=_("Tick while the figures are examples, not real measurements."),
    )

    objects = TargetQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        PageChooserPanel("spearhead", page_type="actionagenda.SpearheadPage"),
        FieldPanel("goal_value"),
        FieldPanel("unit"),
        FieldPanel("deadline"),
        FieldPanel("is_example"),
        InlinePanel("measurements", heading=_("Measurements"), label=_("Measurement")),
    ]

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(condition=Q(goal_value__gt=0), name="target_goal_is_positive")
        ]

    def __str__(self) -> str:
        return self.title


class TargetMeasurement(models.Model):
    """Where a target stood on a date, and who says so."""

    target = ParentalKey(Target, on_delete=models.CASCADE, related_name="measurements")
    measured_on = models.DateField(_("date"))
    value = models.DecimalField(
        _("value"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )
    source = models.CharField(
        _("source"),
        max_length=200,
        help_text=_("Who counted it, e.g. 'Telling van de partners in de stuurgroep'."),
    )

    panels = [FieldPanel("measured_on"), FieldPanel("value"), FieldPanel("source")]

    class Meta:
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        ordering = ["measured_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["target", "measured_on"], name="one_measurement_per_target_and_day"
            ),
            models.CheckConstraint(condition=Q(value__gte=0), name="measurement_is_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.target}: {self.value} ({self.measured_on})"
