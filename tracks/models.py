"""Learning tracks ("leergangen"): multi-day programmes that run in cohorts.

How a track reuses the events app (a track day IS an events session):

* `TrackPage` is a catalogue item (so /aanbod/ lists it) with an ordered programme of
  `TrackDay`s: goals, preparation items from the catalogue, a practice assignment, and
  whether the day must be attended. The completion rules are fields of the page.
* `Cohort` is an events `Session` itself (multi-table inheritance): its seats are the
  session's capacity and its registrations are the track registrations, so registering,
  the waiting list, cancelling, the audit trail and the e-mails about them are events'
  own services, unchanged. The cohort session is timed as the first meeting (derived from
  its days), because events closes registration and cancellation when a session starts
  and puts that time in its e-mails, reminder and calendar file.
* `CohortDay` is an events `Session` too (date, place, capacity), one per programme day.
  Attendance of a day is a learning record (attended or absent) about the cohort day,
  written by `services.mark_day_attendance`; the latest record counts.
* `Certificate` keeps what it says (name, track, dates, hours, points, organiser) when the
  person, the track or the cohort goes; its code is the key of the public check.
"""

from __future__ import annotations

import base64
import secrets
from datetime import date, datetime
from typing import Any

from django import forms
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from catalogue.models import LearningItemPage
from core.models import Organisation, RegionalPage
from events.models import Session

from .querysets import CertificateQuerySet, CohortQuerySet


class RequirementRule(models.TextChoices):
    ALL = "all", _("All of them must be completed")
    NONE = "none", _("None: they are recommended only")


class TrackPage(LearningItemPage):
    """A track with its programme and completion rules. Its target roles are the item's
    roles and its goals the item's outcomes, so the catalogue filters and shows them."""

    description = RichTextField(
        _("description"), features=["bold", "italic", "link", "ul", "ol", "h3"]
    )
    study_load_hours = models.PositiveSmallIntegerField(
        _("study load in hours"), help_text=_("Days, preparation and assignments together.")
    )
    organiser = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organiser"),
    )
    co_funders = ParentalManyToManyField(
        Organisation,
        blank=True,
        limit_choices_to={"is_partner": True},
        related_name="+",
        verbose_name=_("made possible by"),
        help_text=_(
            "Partners that fund it together with the organiser, e.g. the provinces or the VNG."
        ),
    )
    trainers = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="tracks_as_trainer",
        verbose_name=_("trainer accounts"),
        help_text=_("These people record attendance of the days."),
    )
    accreditation_register = models.CharField(
        _("quality register"), max_length=120, blank=True, help_text=_("e.g. Registerplein, SKJ")
    )
    accreditation_number = models.CharField(_("accreditation number"), max_length=60, blank=True)
    accreditation_points = models.DecimalField(
        _("accreditation points"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    preparation_rule = models.CharField(
        _("preparation items"),
        max_length=10,
        choices=RequirementRule.choices,
        default=RequirementRule.ALL,
        help_text=_("Must participants complete the preparation items of every day?"),
    )
    assignment_rule = models.CharField(
        _("practice assignments"),
        max_length=10,
        choices=RequirementRule.choices,
        default=RequirementRule.ALL,
        help_text=_("Must participants hand in the practice assignment of every day?"),
    )

    content_panels = [
        *LearningItemPage.content_panels,
        FieldPanel("description"),
        FieldPanel("study_load_hours"),
        MultiFieldPanel(
            [
                FieldPanel("organiser"),
                FieldPanel("trainers"),
                FieldPanel("co_funders", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Organiser and trainers"),
        ),
        InlinePanel("days", heading=_("Programme"), label=_("Day"), min_num=1),
        MultiFieldPanel(
            [FieldPanel("preparation_rule"), FieldPanel("assignment_rule")],
            heading=_("Completion rules"),
            help_text=_(
                "A participant completes the track when they attended every day marked "
                "'must be attended' and, where chosen here, completed the preparation items "
                "and handed in the practice assignments. The certificate follows at once."
            ),
        ),
        MultiFieldPanel(
            [
                FieldPanel("accreditation_register"),
                FieldPanel("accreditation_number"),
                FieldPanel("accreditation_points"),
            ],
            heading=_("Accreditation"),
        ),
    ]
    search_fields = [*LearningItemPage.search_fields, index.SearchField("description")]
    # Completion follows the rules above (services.evaluate_completion), not a click.
    is_completed_by_learner = False

    class Meta:
        verbose_name = _("learning track")
        verbose_name_plural = _("learning tracks")

    def get_context(self, request: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from .views import track_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(track_page_context(request, self))
        return context

    def clean(self) -> None:
        super().clean()
        # A track reads in days ("3 dagen"), and those are the days of its programme.
        self.duration_days = len(self.days.all()) or None

    @property
    def is_accredited(self) -> bool:
        return self.accreditation_points is not None

    def can_manage(self, user: Any) -> bool:
        """Editors and this track's trainers record attendance."""
        if not user.is_authenticated:
            return False
        return user.has_perm("tracks.change_cohort") or self.trainers.filter(pk=user.pk).exists()


class TrackDay(Orderable, ClusterableModel):
    """One day of the programme: what it is about, what to prepare, what to do after."""

    track = ParentalKey(TrackPage, on_delete=models.CASCADE, related_name="days")
    title = models.CharField(_("title"), max_length=200)
    goals = models.TextField(
        _("goals"), blank=True, help_text=_("One goal per line, e.g. 'Je herkent stress.'")
    )
    preparation_items = ParentalManyToManyField(
        LearningItemPage,
        blank=True,
        related_name="+",
        verbose_name=_("preparation items"),
        help_text=_("Catalogue items to study before the day."),
    )
    assignment = models.ForeignKey(
        "catalogue.PracticeAssignmentPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("practice assignment"),
        help_text=_("To do in practice after the day."),
    )
    must_attend = models.BooleanField(
        _("must be attended"), default=True, help_text=_("Needed for the certificate.")
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("goals"),
        FieldPanel("preparation_items", widget=forms.CheckboxSelectMultiple),
        FieldPanel("assignment"),
        FieldPanel("must_attend"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("programme day")
        verbose_name_plural = _("programme days")

    def __str__(self) -> str:
        return f"{self.track.title}: {self.title}"

    @property
    def goal_list(self) -> list[str]:
        return [line.strip() for line in self.goals.splitlines() if line.strip()]


class TrackIndexPage(RegionalPage):
    """/leergangen/: the portal's tracks with their open groups."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*RegionalPage.content_panels, FieldPanel("intro")]
    parent_page_types = ["core.SharedContentRoot", "core.PortalHomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = _("overview of learning tracks")

    def get_context(self, request: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from .views import track_index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(track_index_context(request))
        return context


class Cohort(ClusterableModel, Session):
    """A run of a track ("groep") with its own days, place and seats. Being an events
    session, its registrations are the registrations for the whole track."""

    session_ptr = models.OneToOneField(
        Session,
        on_delete=models.CASCADE,
        parent_link=True,
        primary_key=True,
        related_name="track_cohort",
    )
    track = models.ForeignKey(
        TrackPage, on_delete=models.CASCADE, related_name="cohorts", verbose_name=_("track")
    )
    name = models.CharField(
        _("name of the group"), max_length=100, help_text=_("e.g. 'Groep voorjaar 2027'")
    )
    registration_opens_at = models.DateTimeField(
        _("registration opens"), null=True, blank=True, help_text=_("Empty: open now.")
    )
    registration_closes_at = models.DateTimeField(
        _("registration closes"),
        null=True,
        blank=True,
        help_text=_("Empty: open until the first day starts."),
    )

    objects = CohortQuerySet.as_manager()

    panels = [
        FieldPanel("track"),
        FieldPanel("name"),
        FieldPanel("capacity", heading=_("seats")),
        FieldRowPanel([FieldPanel("registration_opens_at"), FieldPanel("registration_closes_at")]),
        InlinePanel(
            "days",
            heading=_("Days"),
            label=_("Day"),
            min_num=1,
            help_text=_("Plan every day of the programme once."),
        ),
    ]

    class Meta:
        verbose_name = _("group of a track")
        verbose_name_plural = _("groups of tracks")
        ordering = ["starts_at", "pk"]

    def __str__(self) -> str:
        return self.title or self.name

    def is_open_for_registration(self, now: datetime | None = None) -> bool:
        now = now or timezone.now()
        if now >= self.starts_at:
            return False
        if self.registration_opens_at and now < self.registration_opens_at:
            return False
        return not (self.registration_closes_at and now >= self.registration_closes_at)

    def registration_closes(self) -> datetime:
        """The group's own window (events' seat reservations end before it)."""
        closes = self.registration_closes_at
        return min(closes, self.starts_at) if closes else self.starts_at


class CohortDay(Session):
    """A programme day as planned for one cohort: an events session (date, place, seats)."""

    session_ptr = models.OneToOneField(
        Session,
        on_delete=models.CASCADE,
        parent_link=True,
        primary_key=True,
        related_name="track_cohort_day",
    )
    cohort = ParentalKey(Cohort, on_delete=models.CASCADE, related_name="days")
    track_day = models.ForeignKey(
        TrackDay,
        on_delete=models.CASCADE,
        related_name="cohort_days",
        verbose_name=_("programme day"),
    )

    panels = [
        FieldPanel("track_day"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldPanel("place_name"),
        FieldPanel("address"),
        FieldPanel("accessibility_notes"),
        FieldPanel("online_url"),
        FieldPanel("capacity"),
    ]

    class Meta:
        verbose_name = _("day of a group")
        verbose_name_plural = _("days of a group")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "track_day"], name="each_programme_day_once_per_cohort"
            )
        ]

    def __str__(self) -> str:
        return f"{self.track_day.title} ({timezone.localtime(self.starts_at):%d-%m-%Y})"

    @property
    def name(self) -> str:
        """What calendars show: the track and the day."""
        return f"{self.track_day.track.title}: {self.track_day.title}"


def new_certificate_code() -> str:
    """120 random bits in base32 (24 characters, A-Z and 2-7): unguessable and easy to
    type over from paper."""
    return base64.b32encode(secrets.token_bytes(15)).decode()


def normalise_code(code: str) -> str:
    """What a person types may have spaces, dashes or lower case."""
    return "".join(code.split()).replace("-", "").upper()


class Certificate(models.Model):
    """Proof of completing a track. It keeps its own copy of what it says, so it stays
    true and verifiable when the track or the cohort changes or goes. When the person
    removes their account, their certificates go too (they carry the name)."""

    code = models.CharField(
        _("verification code"), max_length=32, unique=True, default=new_certificate_code
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="track_certificates",
        verbose_name=_("account"),
    )
    track = models.ForeignKey(
        TrackPage,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="certificates",
        verbose_name=_("track"),
    )
    cohort = models.ForeignKey(
        Cohort,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="certificates",
        verbose_name=_("group"),
    )
    name = models.CharField(_("name"), max_length=150)
    track_title = models.CharField(_("track"), max_length=255)
    dates = models.JSONField(_("dates of the days"), default=list)
    study_load_hours = models.PositiveSmallIntegerField(_("study load in hours"))
    accreditation_register = models.CharField(_("quality register"), max_length=120, blank=True)
    accreditation_number = models.CharField(_("accreditation number"), max_length=60, blank=True)
    accreditation_points = models.DecimalField(
        _("accreditation points"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    organiser_name = models.CharField(_("organiser"), max_length=200, blank=True)
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "track"],
                condition=Q(user__isnull=False, track__isnull=False),
                name="one_certificate_per_person_and_track",
            ),
            models.CheckConstraint(
                condition=Q(code__regex=r"^[A-Z2-7]{24,32}$"),
                name="certificate_code_is_long_base32",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.track_title}: {self.name}"

    @property
    def display_code(self) -> str:
        """The code in groups of four, for reading aloud and typing over."""
        return "-".join(self.code[i : i + 4] for i in range(0, len(self.code), 4))

    @property
    def day_dates(self) -> list[date]:
        return [date.fromisoformat(value) for value in self.dates]
