"""Learning records: every learning event of a person, shaped like an xAPI statement.

Records are append-only and the single source of truth for progress: what is shown as
started, completed or attended anywhere is read from them. When an account is removed,
its records stay without the link to the person (actor empty), so aggregate reports stay
right.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from core.models import LearningForm, Organisation, Role, Theme

XAPI_VERBS = "http://adlnet.gov/expapi/verbs/"
PLATFORM_VERBS = "https://leeromgeving.example.org/xapi/verbs/"


class Verb(models.TextChoices):
    """What happened. The value is the last part of the verb's xAPI IRI (see `iri`)."""

    STARTED = "launched", _("started")
    PROGRESSED = "progressed", _("progressed")
    COMPLETED = "completed", _("completed")
    ANSWERED = "answered", _("answered")
    REGISTERED = "registered", _("registered")
    CANCELLED = "cancelled", _("cancelled")
    ATTENDED = "attended", _("attended")
    ABSENT = "absent", _("absent")
    EARNED = "earned", _("earned")

    @property
    def iri(self) -> str:
        # "cancelled", "absent" and "earned" are not among ADL's verbs: ours get our own IRI.
        standard = {"launched", "progressed", "completed", "answered", "registered", "attended"}
        return (XAPI_VERBS if self.value in standard else PLATFORM_VERBS) + self.value


# What a person really began: played or listened (progressed), handed in, completed,
# registered, attended. Opening a page is not beginning: it writes no record at all. Records
# "started" written by page visits before this rule stay (append-only) and count for nothing.
BEGUN_VERBS = (Verb.PROGRESSED, Verb.ANSWERED, Verb.COMPLETED, Verb.REGISTERED, Verb.ATTENDED)


def activity_type_and_id(activity: models.Model) -> tuple[ContentType, int]:
    """Pages are recorded as Wagtail pages (whatever their specific type), so the records of
    an item are found from any page object; other activities as their concrete model."""
    model = Page if isinstance(activity, Page) else type(activity)._meta.concrete_model
    return ContentType.objects.get_for_model(model), int(activity.pk)  # type: ignore[arg-type]


class LearningRecordQuerySet(models.QuerySet["LearningRecord"]):
    def of(self, user: Any) -> LearningRecordQuerySet:
        """A person's own records; nobody reads another's."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(actor=user)

    def about(self, activity: models.Model) -> LearningRecordQuerySet:
        content_type, object_id = activity_type_and_id(activity)
        return self.filter(activity_type=content_type, activity_id=object_id)

    def about_pages(self) -> LearningRecordQuerySet:
        return self.filter(activity_type=ContentType.objects.get_for_model(Page))

    def completions(self) -> LearningRecordQuerySet:
        return self.filter(Q(verb=Verb.COMPLETED) | Q(verb=Verb.ATTENDED))

    def completed_page_ids(self) -> set[int]:
        return set(self.about_pages().completions().values_list("activity_id", flat=True))

    def begun_pages(self) -> dict[int, datetime]:
        """Per page the person began, the moment of their last act on it. A registration
        they cancelled afterwards no longer counts."""
        rows = (
            self.about_pages()
            .values("activity_id")
            .annotate(
                last_at=Max("timestamp", filter=Q(verb__in=BEGUN_VERBS)),
                cancelled_at=Max("timestamp", filter=Q(verb=Verb.CANCELLED)),
            )
            .filter(last_at__isnull=False)
        )
        return {
            row["activity_id"]: row["last_at"]
            for row in rows
            if row["cancelled_at"] is None or row["cancelled_at"] < row["last_at"]
        }


class LearningRecord(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    timestamp = models.DateTimeField(_("moment"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="learning_records",
        verbose_name=_("person"),
    )
    verb = models.CharField(_("verb"), max_length=20, choices=Verb.choices)
    activity_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, related_name="+", verbose_name=_("activity type")
    )
    activity_id = models.PositiveBigIntegerField(_("activity id"))
    activity_name = models.CharField(
        _("activity name"),
        max_length=255,
        help_text=_("The title when it happened, kept when the activity changes or goes."),
    )
    # xAPI result: only what is set is exported.
    completion = models.BooleanField(_("completed"), null=True, blank=True)
    progress = models.DecimalField(
        _("progress"), max_digits=4, decimal_places=3, null=True, blank=True
    )
    score = models.DecimalField(_("score"), max_digits=7, decimal_places=2, null=True, blank=True)
    duration_minutes = models.PositiveIntegerField(_("duration in minutes"), null=True, blank=True)
    # xAPI context: what the person was when it happened, kept after anonymisation.
    role = models.ForeignKey(
        Role, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    extensions = models.JSONField(_("extensions"), default=dict, blank=True)

    objects = LearningRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("learning record")
        verbose_name_plural = _("learning records")
        ordering = ["-timestamp"]
        permissions = [
            (
                "export_research_data",
                _("Can export anonymised learning records for research"),
            )
        ]
        indexes = [
            models.Index(fields=["actor", "activity_type", "activity_id"]),
            models.Index(fields=["activity_type", "activity_id", "verb"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__isnull=True) | Q(progress__gte=0, progress__lte=1),
                name="learning_record_progress_is_a_fraction",
            ),
            # A person completes an activity once; two clicks at the same moment must not
            # write two completions (`services.record_once` turns the refusal into "already
            # done"). Other verbs repeat by nature: progress, attendance after a correction.
            models.UniqueConstraint(
                fields=["actor", "activity_type", "activity_id"],
                condition=Q(verb="completed", actor__isnull=False),
                name="one_completion_per_person_and_activity",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_verb_display()} {self.activity_name}"


class AssignmentAnswersQuerySet(models.QuerySet["AssignmentAnswers"]):
    def of(self, user: Any) -> AssignmentAnswersQuerySet:
        """Answers are private: only their writer reads them, editors included."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(user=user)

    def drafted_pages(self) -> dict[int, datetime]:
        """Per assignment with a draft that is not handed in yet, when it was last saved. A
        draft without a word in it is not a beginning."""
        rows = self.filter(submitted_at__isnull=True).values_list(
            "page_id", "updated_at", "answers"
        )
        return {page_id: saved for page_id, saved, answers in rows if any(answers.values())}


class AssignmentAnswers(models.Model):
    """A person's answers to the reflection questions of one practice assignment: a draft
    until submitted. Keyed by the id of each question block, so reordering questions keeps
    the answers with their question."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="assignment_answers",
        verbose_name=_("person"),
    )
    page = models.ForeignKey(
        Page, on_delete=models.CASCADE, related_name="+", verbose_name=_("practice assignment")
    )
    answers = models.JSONField(_("answers"), default=dict)
    updated_at = models.DateTimeField(_("saved at"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)

    objects = AssignmentAnswersQuerySet.as_manager()

    class Meta:
        verbose_name = _("answers to a practice assignment")
        verbose_name_plural = _("answers to practice assignments")
        constraints = [
            models.UniqueConstraint(fields=["user", "page"], name="one_answer_set_per_assignment")
        ]

    def __str__(self) -> str:
        return str(self.page)

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None


# ---------------------------------------------------------------------------
# The needs scan ("leerbehoefte-scan") and the personal learning route
# ---------------------------------------------------------------------------


class NeedsScanSituation(models.Model):
    """A situation a professional can find hard, edited in the admin. It finishes the
    sentence "Ik vind het lastig om …", so the scan and the route's reasons read well."""

    text = models.CharField(
        _("what is hard"),
        max_length=200,
        help_text=_(
            "Finish the sentence 'Ik vind het lastig om …', for example 'met gezinnen over "
            "geldzorgen te praten'."
        ),
    )
    themes = models.ManyToManyField(
        Theme, blank=True, related_name="needs_scan_situations", verbose_name=_("themes")
    )
    capital_forms = models.ManyToManyField(
        "catalogue.CapitalForm",
        blank=True,
        related_name="needs_scan_situations",
        verbose_name=_("forms of capital"),
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    panels = [
        FieldPanel("text"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("capital_forms", widget=forms.CheckboxSelectMultiple),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = _("situation in the needs scan")
        verbose_name_plural = _("situations in the needs scan")
        ordering = ["sort_order", "text"]
        constraints = [models.UniqueConstraint(fields=["text"], name="needs_scan_situation_text")]

    def __str__(self) -> str:
        return self.text


class NeedsScanQuerySet(models.QuerySet["NeedsScan"]):
    def visible_to(self, user: Any) -> NeedsScanQuerySet:
        """Only a person's own scans, newest first, with their answers."""
        if not user.is_authenticated:
            return self.none()
        return (
            self.filter(user=user)
            .select_related("role")
            .prefetch_related("situations", "learning_forms")
            .order_by("-created_at", "-pk")
        )


class NeedsScan(models.Model):
    """One take of the needs scan. Every take is kept, so a person sees how their answers
    changed over time."""

    class Time(models.IntegerChoices):
        HALF_HOUR = 30, _("Half an hour a week")
        HOUR = 60, _("An hour a week")
        TWO_HOURS = 120, _("Two hours a week")
        HALF_DAY = 240, _("Half a day a week")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="needs_scans",
        verbose_name=_("person"),
    )
    created_at = models.DateTimeField(_("taken at"), default=timezone.now)
    role = models.ForeignKey(
        Role, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    situations = models.ManyToManyField(
        NeedsScanSituation, blank=True, related_name="scans", verbose_name=_("hard situations")
    )
    learning_forms = models.ManyToManyField(
        LearningForm, blank=True, related_name="+", verbose_name=_("preferred learning forms")
    )
    minutes_per_week = models.PositiveSmallIntegerField(
        _("time per week"), choices=Time.choices, default=Time.HOUR
    )
    accepted_at = models.DateTimeField(
        _("route accepted at"),
        null=True,
        blank=True,
        help_text=_("When the person took over the route this scan proposed."),
    )

    objects = NeedsScanQuerySet.as_manager()

    class Meta:
        verbose_name = _("needs scan")
        verbose_name_plural = _("needs scans")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(minutes_per_week__in=[30, 60, 120, 240]),
                name="needs_scan_minutes_per_week_is_a_choice",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.created_at:%Y-%m-%d}"


class RouteStepQuerySet(models.QuerySet["RouteStep"]):
    def visible_to(self, user: Any) -> RouteStepQuerySet:
        """Only a person's own steps; nobody reads or changes another's route."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(user=user)

    def of(self, user: Any) -> RouteStepQuerySet:
        return self.visible_to(user).order_by("position", "pk")

    def with_pages(self) -> RouteStepQuerySet:
        """Each step with its item as the learning item page (so its address and learning
        form are at hand) in the same query. `step.item` is None for a page of another
        kind."""
        return self.select_related("page__regionalpage__learningitempage__learning_form").filter(
            page__live=True
        )


class RouteStep(models.Model):
    """One step of a person's learning route. Whether it is done is read from the learning
    records, never stored here."""

    class Origin(models.TextChoices):
        SCAN = "scan", _("proposed by the needs scan")
        OWN = "own", _("added by the person")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="route_steps",
        verbose_name=_("person"),
    )
    page = models.ForeignKey(
        Page, on_delete=models.CASCADE, related_name="+", verbose_name=_("item")
    )
    position = models.PositiveIntegerField(_("position"))
    reason = models.TextField(_("reason"), blank=True)
    origin = models.CharField(_("origin"), max_length=10, choices=Origin.choices)
    created_at = models.DateTimeField(_("added at"), default=timezone.now)

    objects = RouteStepQuerySet.as_manager()

    class Meta:
        verbose_name = _("route step")
        verbose_name_plural = _("route steps")
        ordering = ["user", "position", "pk"]
        # Positions are not unique in the database: a move swaps two positions, which a
        # unique constraint would need to defer, and SQLite cannot defer it.
        constraints = [
            models.UniqueConstraint(fields=["user", "page"], name="route_step_once_per_page"),
            models.CheckConstraint(
                condition=Q(origin__in=["scan", "own"]), name="route_step_origin_is_known"
            ),
        ]

    def __str__(self) -> str:
        return str(self.page)

    @property
    def item(self) -> Any:
        """The step's page as a learning item, when `with_pages()` fetched it."""
        regional = getattr(self.page, "regionalpage", None)
        return getattr(regional, "learningitempage", None) if regional else None


# ---------------------------------------------------------------------------
# Learning paths a manager assigns to a team
# ---------------------------------------------------------------------------


class TeamPathQuerySet(models.QuerySet["TeamPath"]):
    def assigned(self) -> TeamPathQuerySet:
        """Paths the team's members see: a path being composed is the manager's only."""
        return self.filter(assigned_at__isnull=False)


class TeamPath(models.Model):
    """A learning path a manager composes for one team and assigns to its members. What
    each member completed is read from their learning records, never stored here."""

    team = models.ForeignKey(
        "organisations.Team",
        on_delete=models.CASCADE,
        related_name="learning_paths",
        verbose_name=_("team"),
    )
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(_("description"), blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assigned by"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    assigned_at = models.DateTimeField(_("assigned at"), null=True, blank=True)

    objects = TeamPathQuerySet.as_manager()

    class Meta:
        verbose_name = _("team learning path")
        verbose_name_plural = _("team learning paths")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_assigned(self) -> bool:
        return self.assigned_at is not None


class TeamPathStep(models.Model):
    """One item of a team's path (an article, an event, a track: every kind is a learning
    item page), with the date by which the members should have done it."""

    path = models.ForeignKey(
        TeamPath, on_delete=models.CASCADE, related_name="steps", verbose_name=_("path")
    )
    item = models.ForeignKey(
        "catalogue.LearningItemPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("item"),
    )
    position = models.PositiveIntegerField(_("position"))
    due_date = models.DateField(_("due date"), null=True, blank=True)

    class Meta:
        verbose_name = _("step of a team learning path")
        verbose_name_plural = _("steps of team learning paths")
        ordering = ["path", "position", "pk"]
        # Positions are not unique in the database, as with a personal route's steps.
        constraints = [
            models.UniqueConstraint(fields=["path", "item"], name="team_path_step_once_per_item")
        ]

    def __str__(self) -> str:
        return str(self.item)

    def is_overdue(self, today: date) -> bool:
        return self.due_date is not None and self.due_date < today
