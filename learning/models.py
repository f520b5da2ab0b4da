"""Learning records: every learning event of a person, shaped like an xAPI statement.

Records are append-only and the single source of truth for progress: what is shown as
started, completed or attended anywhere is read from them. When an account is removed,
its records stay without the link to the person (actor empty), so aggregate reports stay
right.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Max, Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from core.models import Organisation, Role

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

    def started_page_ids(self) -> set[int]:
        return set(self.about_pages().values_list("activity_id", flat=True))

    def latest_page_activity(self) -> Any:
        """One row per page with the moment of its last record, newest first."""
        return (
            self.about_pages()
            .values("activity_id")
            .annotate(last_at=Max("timestamp"))
            .order_by("-last_at")
        )


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
        indexes = [
            models.Index(fields=["actor", "activity_type", "activity_id"]),
            models.Index(fields=["activity_type", "activity_id", "verb"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__isnull=True) | Q(progress__gte=0, progress__lte=1),
                name="learning_record_progress_is_a_fraction",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_verb_display()} {self.activity_name}"


class AssignmentAnswersQuerySet(models.QuerySet["AssignmentAnswers"]):
    def of(self, user: Any) -> AssignmentAnswersQuerySet:
        """Answers are private: only their writer reads them, editors included."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(user=user)


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
