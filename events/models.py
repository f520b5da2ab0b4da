"""Trainings and events: dated sessions with seats, registrations with a waiting list,
the audit trail of every registration change, personal calendar feeds and evaluations.

A registration belongs to one session, not to the whole event: each session has its own
seats, date and attendance, and a person registers for the sessions they come to. The
session does not need an event page (its `event` may be empty), so other apps (circles)
can plan their meetings as sessions and reuse registrations, calendar files and feeds.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django import forms
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.http import Http404, HttpRequest
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.contrib.routable_page.models import path as route
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from catalogue.models import LearningItemPage
from core.models import Organisation, RegionalPage, Role

from .querysets import (
    CalendarFeedQuerySet,
    RegistrationQuerySet,
    SeatReservationQuerySet,
    SessionQuerySet,
)


class EventKind(models.TextChoices):
    TRAINING = "training", _("Training")
    WORKSHOP = "workshop", _("Workshop")
    WORK_SESSION = "werksessie", _("Work session")
    WEBINAR = "webinar", _("Webinar")
    CONGRESS = "congres", _("Congress")


class PromotionMode(models.TextChoices):
    IMMEDIATELY = "immediately", _("The first on the waiting list gets the seat at once")
    OFFER = "offer", _("The first on the waiting list gets an offer to accept in time")


class EvaluationQuestionBlock(blocks.StreamBlock):
    rating = blocks.CharBlock(
        label=_("Rating question (1 to 5)"), help_text=_("e.g. 'Hoe bruikbaar was de training?'")
    )
    open = blocks.CharBlock(label=_("Open question"))


# Used when an editor sets no questions of their own.
DEFAULT_EVALUATION = [
    ("rating", _("How useful was this for your work?")),
    ("rating", _("How did you like the trainer?")),
    ("open", _("What will you do differently from now on?")),
    ("open", _("What could be better?")),
]


@dataclass
class QuestionResult:
    text: str
    kind: str
    count: int
    average: float | None = None
    distribution: list[tuple[int, int]] = field(default_factory=list)
    answers: list[str] = field(default_factory=list)


@dataclass
class EvaluationResults:
    responses: int
    attended: int
    questions: list[QuestionResult]


class EventPage(LearningItemPage):
    """A training, workshop, work session, webinar or congress with one or more sessions."""

    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    description = RichTextField(
        _("description"), features=["bold", "italic", "link", "ul", "ol", "h3"]
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
    trainer_names = models.CharField(
        _("trainers"), max_length=250, blank=True, help_text=_("Shown on the event page.")
    )
    trainers = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="events_as_trainer",
        verbose_name=_("trainer accounts"),
        help_text=_("These people see the participant lists and tick attendance."),
    )
    registration_opens_at = models.DateTimeField(
        _("registration opens"), null=True, blank=True, help_text=_("Empty: open now.")
    )
    registration_closes_at = models.DateTimeField(
        _("registration closes"),
        null=True,
        blank=True,
        help_text=_("Empty: open until a session starts."),
    )
    cancellation_deadline_hours = models.PositiveIntegerField(
        _("cancel up to (hours before the start)"),
        default=48,
        help_text=_("After this, only an editor can cancel a registration."),
    )
    only_for_roles = ParentalManyToManyField(
        Role,
        blank=True,
        related_name="+",
        verbose_name=_("only for"),
        help_text=_("Leave empty when everyone may register, e.g. management and boards only."),
    )
    promotion_mode = models.CharField(
        _("when a seat comes free"),
        max_length=20,
        choices=PromotionMode.choices,
        default=PromotionMode.IMMEDIATELY,
    )
    offer_hours = models.PositiveIntegerField(_("hours to accept an offered seat"), default=48)
    accreditation_register = models.CharField(
        _("quality register"), max_length=120, blank=True, help_text=_("e.g. Registerplein, SKJ")
    )
    accreditation_number = models.CharField(_("accreditation number"), max_length=60, blank=True)
    accreditation_points = models.DecimalField(
        _("accreditation points"),
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        help_text=_("One point per net hour of accredited training."),
    )
    evaluation_questions = StreamField(
        EvaluationQuestionBlock(),
        blank=True,
        verbose_name=_("evaluation questions"),
        help_text=_("Empty: the standard questions."),
    )

    content_panels = [
        *LearningItemPage.content_panels,
        FieldPanel("kind"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("organiser"),
                FieldPanel("trainer_names"),
                FieldPanel("trainers"),
                FieldPanel("co_funders", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Organiser and trainers"),
        ),
        InlinePanel("sessions", heading=_("Sessions"), label=_("Session"), min_num=1),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("registration_opens_at"), FieldPanel("registration_closes_at")]
                ),
                FieldPanel("cancellation_deadline_hours"),
                FieldPanel("only_for_roles", widget=forms.CheckboxSelectMultiple),
                FieldPanel("promotion_mode"),
                FieldPanel("offer_hours"),
            ],
            heading=_("Registration"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("accreditation_register"),
                FieldPanel("accreditation_number"),
                FieldPanel("accreditation_points"),
            ],
            heading=_("Accreditation"),
        ),
        FieldPanel("evaluation_questions"),
    ]
    search_fields = [*LearningItemPage.search_fields, index.SearchField("description")]
    # Attending completes an event (a learning record from attendance), not a click.
    is_completed_by_learner = False

    class Meta:
        verbose_name = _("training or event")
        verbose_name_plural = _("trainings and events")

    def get_context(self, request: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        sessions = list(self.sessions.all().with_seat_counts())  # type: ignore[attr-defined]
        mine = {
            registration.session_id: registration
            for registration in Registration.objects.of(request.user).filter(session__event=self)
        }
        for session in sessions:
            session.my_registration = mine.get(session.pk)
        context["sessions"] = sessions
        context["programme"] = programme_of(sessions)
        context["has_rounds"] = any(session.round for session in sessions)
        context["now"] = timezone.now()
        # The certificate is for the whole event: every session attended, one workshop
        # per round.
        attended = [r for r in mine.values() if r.state == RegistrationState.ATTENDED]
        needed = len({session.round or session.pk for session in sessions})
        context["certificate_registration"] = (
            attended[0] if attended and len(attended) == needed else None
        )
        return context

    def is_open_for_registration(self, now: datetime | None = None) -> bool:
        now = now or timezone.now()
        if self.registration_opens_at and now < self.registration_opens_at:
            return False
        return not (self.registration_closes_at and now >= self.registration_closes_at)

    def evaluation_question_list(self) -> list[tuple[str, str, str]]:
        """(key, kind, text) of every question; keys stay with their question when an
        editor reorders them."""
        if self.evaluation_questions:
            return [
                (block.id, block.block_type, block.value) for block in self.evaluation_questions
            ]
        return [(f"q{n}", kind, str(text)) for n, (kind, text) in enumerate(DEFAULT_EVALUATION)]

    def evaluation_results(self) -> EvaluationResults:
        """The answers of every session's evaluation, per question: for a rating the
        average and how often each number was chosen, for an open question the answers."""
        evaluations = list(
            Evaluation.objects.filter(registration__session__event=self).values_list(
                "answers", flat=True
            )
        )
        attended = Registration.objects.filter(
            session__event=self, state__in=(RegistrationState.ATTENDED, "partly")
        ).count()
        questions = []
        for key, kind, text in self.evaluation_question_list():
            given = [answers.get(key) for answers in evaluations if answers.get(key)]
            if kind == "rating":
                numbers = [int(value) for value in given if str(value).isdigit()]
                questions.append(
                    QuestionResult(
                        text=text,
                        kind=kind,
                        count=len(numbers),
                        average=round(sum(numbers) / len(numbers), 1) if numbers else None,
                        distribution=[(n, numbers.count(n)) for n in range(1, 6)],
                    )
                )
            else:
                answers = [str(value).strip() for value in given if str(value).strip()]
                questions.append(
                    QuestionResult(text=text, kind=kind, count=len(answers), answers=answers)
                )
        return EvaluationResults(responses=len(evaluations), attended=attended, questions=questions)

    def can_manage(self, user: Any) -> bool:
        """Editors and this event's trainers manage participants and attendance."""
        if not user.is_authenticated:
            return False
        if user.has_perm("events.change_registration"):
            return True
        return self.trainers.filter(pk=user.pk).exists()


def programme_of(sessions: list[Session]) -> list[tuple[str, list[Session]]]:
    """The sessions in their order, the workshops of a round together, as (round, sessions);
    a session outside a round stands alone with round ""."""
    groups: list[tuple[str, list[Session]]] = []
    for session in sessions:
        if session.round and groups and groups[-1][0] == session.round:
            groups[-1][1].append(session)
        else:
            groups.append((session.round, [session]))
    return groups


class Session(Orderable):
    """One dated meeting ("bijeenkomst", "dagdeel") with its own seats."""

    event = ParentalKey(
        EventPage,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="sessions",
        verbose_name=_("event"),
    )
    title = models.CharField(
        _("name"), max_length=200, blank=True, help_text=_("e.g. 'Dag 1'. Optional.")
    )
    # A congres's programme: workshops with the same round run side by side, and a
    # person chooses one of them (events.services checks this). Empty: a plenary part or
    # an ordinary session.
    round = models.CharField(
        _("workshop round"),
        max_length=100,
        blank=True,
        help_text=_(
            "e.g. 'Ronde 1'. Workshops in the same round run at the same time; a person "
            "chooses one. Empty for a plenary part or an ordinary session."
        ),
    )
    speakers = models.CharField(
        _("speakers"), max_length=250, blank=True, help_text=_("Shown on the event page.")
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place_name = models.CharField(_("place"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=250, blank=True)
    accessibility_notes = models.TextField(
        _("accessibility"), blank=True, help_text=_("e.g. lift, parking, hearing loop.")
    )
    online_url = models.URLField(
        _("online link"), blank=True, help_text=_("Only confirmed participants see it.")
    )
    capacity = models.PositiveIntegerField(_("seats"))
    is_private = models.BooleanField(
        _("private"),
        default=False,
        help_text=_(
            "Who takes part is shown only by the app that owns the session (e.g. a learning "
            "circle's meeting), not in the participant lists and registrations of editors."
        ),
    )

    objects = SessionQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("round"), FieldPanel("speakers")]),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldPanel("place_name"),
        FieldPanel("address"),
        FieldPanel("accessibility_notes"),
        FieldPanel("online_url"),
        FieldPanel("capacity"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="session_ends_after_it_starts",
                violation_error_message=_("A session must end after it starts."),
            )
        ]

    def __str__(self) -> str:
        """How editors see a session wherever one is listed or picked (filters, forms,
        exports): what it belongs to and when, "Training bejegening — dinsdag 2 maart 2027,
        09:30". Load the event with it (select_related)."""
        name = self.name or _("Session")
        start = date_format(timezone.localtime(self.starts_at), "l j F Y, H:i")
        return f"{name} — {start}"

    @property
    def name(self) -> str:
        """The event's title, with the session's own name when it has one."""
        if self.event and self.title:
            return f"{self.event.title}: {self.title}"
        return self.event.title if self.event else self.title

    @property
    def label(self) -> str:
        """What tells this session apart from the others of its event on the event's page
        (hidden text of its buttons): a workshop's title, else its date."""
        if self.round and self.title:
            return self.title
        return date_format(timezone.localtime(self.starts_at), "j F Y")

    @property
    def is_online(self) -> bool:
        return bool(self.online_url) and not self.place_name

    @property
    def has_started(self) -> bool:
        return timezone.now() >= self.starts_at

    @property
    def hours(self) -> float:
        return round((self.ends_at - self.starts_at) / timedelta(hours=1), 1)

    @property
    def seats_left(self) -> int:
        """Needs `with_seat_counts()`."""
        return max(self.capacity - self.taken_seats, 0)  # type: ignore[attr-defined]

    def cancellation_deadline(self) -> datetime:
        hours = self.event.cancellation_deadline_hours if self.event else 0
        return self.starts_at - timedelta(hours=hours)

    def registration_closes(self) -> datetime:
        """Until when people can register: the event's closing time, at the latest the
        start. Sessions of other apps with their own window (a track's group) override it."""
        closes = self.event.registration_closes_at if self.event else None
        return min(closes, self.starts_at) if closes else self.starts_at


class RegistrationState(models.TextChoices):
    PENDING = "pending", _("Waiting for e-mail confirmation")
    CONFIRMED = "confirmed", _("Confirmed")
    WAITING = "waiting", _("On the waiting list")
    OFFERED = "offered", _("Offered a seat")
    CANCELLED = "cancelled", _("Cancelled")
    ATTENDED = "attended", _("Attended")
    PARTLY_ATTENDED = "partly", _("Partly attended")
    NO_SHOW = "no_show", _("Did not come")


# The states that hold one of the session's seats; an offer holds it until it expires.
SEAT_STATES = (
    RegistrationState.CONFIRMED,
    RegistrationState.OFFERED,
    RegistrationState.ATTENDED,
    RegistrationState.PARTLY_ATTENDED,
    RegistrationState.NO_SHOW,
)
ACTIVE_STATES = (*SEAT_STATES, RegistrationState.WAITING, RegistrationState.PENDING)
CANCELLABLE_STATES = (
    RegistrationState.PENDING,
    RegistrationState.CONFIRMED,
    RegistrationState.WAITING,
    RegistrationState.OFFERED,
)
ATTENDANCE_STATES = (
    RegistrationState.ATTENDED,
    RegistrationState.PARTLY_ATTENDED,
    RegistrationState.NO_SHOW,
)


class Registration(models.Model):
    """A person's place at one session: an account holder, or a visitor by e-mail."""

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("session")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="event_registrations",
        verbose_name=_("account"),
    )
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail address"))
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    role = models.ForeignKey(
        Role, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    state = models.CharField(_("state"), max_length=20, choices=RegistrationState.choices)
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)
    # The place in the queue: the moment the person joined the waiting list.
    waiting_since = models.DateTimeField(_("on the waiting list since"), null=True, blank=True)
    offer_expires_at = models.DateTimeField(_("offer valid until"), null=True, blank=True)
    # A seat of an organisation's reservation, assigned to this person by its manager.
    reservation = models.ForeignKey(
        "SeatReservation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registrations",
        verbose_name=_("reserved seat of"),
    )
    # The portal the person registered through: the links in their e-mails lead back there
    # (an event shown on both portals would otherwise send a Drenthe visitor to Groningen).
    portal = models.ForeignKey(
        "wagtailcore.Site",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("portal"),
    )

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "session"],
                condition=Q(user__isnull=False),
                name="one_registration_per_user_and_session",
            ),
            models.UniqueConstraint(
                fields=["email", "session"],
                condition=Q(user__isnull=True),
                name="one_registration_per_visitor_and_session",
            ),
            models.CheckConstraint(
                condition=~Q(state="waiting") | Q(waiting_since__isnull=False),
                name="waiting_registration_has_a_place_in_the_queue",
            ),
            models.CheckConstraint(
                condition=Q(state="offered", offer_expires_at__isnull=False)
                | (~Q(state="offered") & Q(offer_expires_at__isnull=True)),
                name="only_an_offer_has_an_expiry",
            ),
        ]
        indexes = [models.Index(fields=["session", "state", "waiting_since"])]

    def __str__(self) -> str:
        return f"{self.name}: {self.session}"

    @property
    def is_confirmed(self) -> bool:
        return self.state in (RegistrationState.CONFIRMED, *ATTENDANCE_STATES)

    @property
    def is_active(self) -> bool:
        return self.state in ACTIVE_STATES

    @property
    def state_label(self) -> str:
        """The state in words, for exports."""
        return str(self.get_state_display())

    @property
    def place_in_queue(self) -> int | None:
        """1 for the first on the waiting list; None when not waiting."""
        if self.state != RegistrationState.WAITING:
            return None
        ahead = Registration.objects.filter(
            session_id=self.session_id, state=RegistrationState.WAITING
        ).filter(
            Q(waiting_since__lt=self.waiting_since)
            | Q(waiting_since=self.waiting_since, pk__lt=self.pk)
        )
        return ahead.count() + 1

    def can_be_cancelled_by(self, user: Any, now: datetime | None = None) -> bool:
        if self.state not in CANCELLABLE_STATES:
            return False
        if self.session.event and self.session.event.can_manage(user):
            return True
        is_own = user.is_authenticated and self.user_id == user.pk
        return is_own and (now or timezone.now()) < self.session.cancellation_deadline()


class SeatReservation(models.Model):
    """Seats of a session (or a track's group) an organisation holds for its people until
    the deadline; its manager assigns them by name (each a registration pointing here). The
    seats not assigned by then go back to everybody, the waiting list first: `released_at`
    is when that happened (or when the organisation cancelled the reservation). Changed only
    by events.reservations, under the session's lock."""

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="reservations", verbose_name=_("session")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="seat_reservations",
        verbose_name=_("organisation"),
    )
    seats = models.PositiveIntegerField(_("seats"))
    deadline = models.DateTimeField(_("assign the seats before"))
    reserved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reserved by"),
    )
    created_at = models.DateTimeField(_("reserved at"), default=timezone.now)
    released_at = models.DateTimeField(_("open seats released at"), null=True, blank=True)

    objects = SeatReservationQuerySet.as_manager()

    class Meta:
        verbose_name = _("seat reservation")
        verbose_name_plural = _("seat reservations")
        ordering = ["deadline", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(seats__gt=0), name="a_reservation_holds_seats")
        ]
        indexes = [models.Index(fields=["released_at", "deadline"])]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.seats}, {self.session}"

    @property
    def is_open(self) -> bool:
        """Seats can still be assigned."""
        return self.released_at is None


class RegistrationChange(models.Model):
    """One step in a registration's life: who moved it from which state to which, and why."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="changes")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("when"), default=timezone.now)
    from_state = models.CharField(
        _("from"), max_length=20, choices=RegistrationState.choices, blank=True
    )
    to_state = models.CharField(_("to"), max_length=20, choices=RegistrationState.choices)
    reason = models.CharField(_("why"), max_length=250, blank=True)

    class Meta:
        verbose_name = _("registration change")
        verbose_name_plural = _("registration changes")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.from_state} → {self.to_state}"


class EventEmail(models.Model):
    """Which e-mail a registration got, written in the same transaction as the change it
    tells about, with the message itself in core's outbox (`message`), which delivers it.
    One reminder and one evaluation request per registration, by constraint.
    """

    class Kind(models.TextChoices):
        CONFIRM_ADDRESS = "confirm_address", _("Confirm your e-mail address")
        CONFIRMED = "confirmed", _("Registration confirmed")
        WAITING = "waiting", _("On the waiting list")
        OFFERED = "offered", _("A seat is offered")
        PROMOTED = "promoted", _("Moved up from the waiting list")
        CANCELLED = "cancelled", _("Registration cancelled")
        REMINDER = "reminder", _("Reminder")
        EVALUATION = "evaluation", _("Evaluation request")
        MESSAGE = "message", _("Message from the organiser")

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="emails")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    subject = models.CharField(_("subject"), max_length=200, blank=True)
    body = models.TextField(_("message"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    # Empty only for e-mails from before the outbox.
    message = models.OneToOneField(
        "core.OutgoingEmail",
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="event_email",
    )

    class Meta:
        verbose_name = _("e-mail about a registration")
        verbose_name_plural = _("e-mails about registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "kind"],
                condition=Q(kind__in=["reminder", "evaluation"]),
                name="one_reminder_and_evaluation_request_per_registration",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.registration}"


def new_feed_token() -> str:
    return secrets.token_urlsafe(24)


class CalendarFeed(models.Model):
    """The secret address of a person's calendar feed; a new token revokes the old one."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(default=timezone.now)

    objects = CalendarFeedQuerySet.as_manager()

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self) -> str:
        return str(self.user)


class Evaluation(models.Model):
    """A participant's answers to the evaluation of the session they attended."""

    registration = models.OneToOneField(
        Registration, on_delete=models.CASCADE, related_name="evaluation"
    )
    answers = models.JSONField(_("answers"), default=dict)
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")

    def __str__(self) -> str:
        return str(self.registration)


class EventIndexPage(RoutablePageMixin, RegionalPage):
    """The agenda at /agenda/: upcoming sessions of the portal, filterable; and an archive."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*RegionalPage.content_panels, FieldPanel("intro")]
    parent_page_types = ["core.SharedContentRoot", "core.PortalHomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = _("agenda")

    @route("", name="upcoming")
    def upcoming(self, request: HttpRequest) -> TemplateResponse:
        return self._render_agenda(request, archive=False)

    @route("archief/", name="archive")
    def archive(self, request: HttpRequest) -> TemplateResponse:
        return self._render_agenda(request, archive=True)

    def _render_agenda(self, request: HttpRequest, *, archive: bool) -> TemplateResponse:
        from .views import agenda_context

        # RoutablePageMixin answers before RegionalPage.route checks the portal's region.
        if not self.regions.filter(pk=getattr(getattr(request, "region", None), "pk", None)):
            raise Http404
        return self.render(request, context_overrides=agenda_context(request, archive=archive))
