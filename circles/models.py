"""Learning circles ("leerkringen"): private local groups with cases, agreements and
bottlenecks. Only the circle itself (name, municipality, goal, organisations, member count)
is public; everything else is read by its members only (see querysets.py)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from catalogue.models import CapitalForm, FamilyType
from core.models import EmailInvitation, Municipality, Organisation, RegionalPage
from events.models import Session

from .querysets import (
    AgreementQuerySet,
    BottleneckQuerySet,
    CaseQuerySet,
    CircleEventQuerySet,
    CircleQuerySet,
    CommentQuerySet,
    MeetingQuerySet,
    MembershipQuerySet,
)

# Paths under /leerkringen/ that are not circles.
RESERVED_SLUGS = {"knelpunten"}

# How long cases are kept (see Case.archive_on and the apply_case_retention command); the
# periods are settings, read from the environment (config/settings/base.py).


def archive_after_days() -> int:
    return int(settings.CIRCLES_CASE_ARCHIVE_AFTER_DAYS)


def delete_after_months() -> int:
    return int(settings.CIRCLES_CASE_DELETE_AFTER_MONTHS)


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for last_day in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last_day))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def validate_not_reserved(value: str) -> None:
    if value in RESERVED_SLUGS:
        raise ValidationError(_("This web address is taken by the platform; choose another."))


def person_name(user: Any) -> str:
    """How a person is shown to other members: the name from their profile, else e-mail."""
    if user is None:
        return str(_("a former member"))
    # A person without a profile yet (not onboarded) raises here; getattr turns that into None.
    profile = getattr(user, "profile", None)
    return profile.full_name if profile else user.email


class Circle(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        CLOSED = "closed", _("Closed")

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(
        _("web address"),
        max_length=80,
        unique=True,
        validators=[validate_not_reserved],
        help_text=_("Used in the address of the circle's workspace, e.g. 'assen'."),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="circles",
        verbose_name=_("municipality"),
    )
    goal = models.TextField(
        _("what the circle works on"), help_text=_("Two or three sentences, shown publicly.")
    )
    organisations = models.ManyToManyField(
        Organisation, blank=True, related_name="circles", verbose_name=_("organisations")
    )
    facilitating_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="facilitated_circles",
        verbose_name=_("facilitating organisation"),
    )
    catalogue_items = models.ManyToManyField(
        Page,
        blank=True,
        related_name="+",
        verbose_name=_("catalogue items the circle works with"),
    )
    started_on = models.DateField(_("started on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = CircleQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("municipality"),
        FieldPanel("goal"),
        FieldPanel("organisations"),
        FieldPanel("facilitating_organisation"),
        FieldPanel("started_on"),
        FieldPanel("status"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("learning circle")
        verbose_name_plural = _("learning circles")
        permissions = [
            ("view_regional_bottlenecks", _("Can see and answer bottlenecks shared regionally"))
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("circles:overview", kwargs={"slug": self.slug})

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE


class Membership(models.Model):
    class Role(models.TextChoices):
        MEMBER = "member", _("Member")
        FACILITATOR = "facilitator", _("Facilitator")

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Asked to join")
        ACTIVE = "active", _("Member")
        DECLINED = "declined", _("Request declined")
        LEFT = "left", _("Left")
        REMOVED = "removed", _("Removed")

    class Notifications(models.TextChoices):
        EACH = "each", _("An e-mail for each new case or comment")
        DAILY = "daily", _("One e-mail a day with what is new")
        NONE = "none", _("No e-mail")

    circle = models.ForeignKey(
        Circle, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("circle")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="circle_memberships",
        verbose_name=_("person"),
    )
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    notifications = models.CharField(
        _("e-mail about news in the circle"),
        max_length=5,
        choices=Notifications.choices,
        default=Notifications.EACH,
    )
    digest_sent_at = models.DateTimeField(
        _("last daily e-mail covered up to"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["circle", "user"], name="one_membership_per_circle"),
            models.CheckConstraint(
                condition=Q(role="member") | Q(status="active"),
                name="facilitator_is_active_member",
            ),
        ]

    def __str__(self) -> str:
        return f"{person_name(self.user)} ({self.circle})"

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE

    @property
    def is_facilitator(self) -> bool:
        return self.is_active and self.role == self.Role.FACILITATOR


class Invitation(EmailInvitation):
    """An e-mailed, single-use link into one circle."""

    circle = models.ForeignKey(
        Circle, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("circle")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]


class Case(models.Model):
    """An anonymised case a member brings in. Never e-mailed, never indexed for search."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open for discussion")
        ARCHIVED = "archived", _("Archived")

    circle = models.ForeignKey(
        Circle, on_delete=models.CASCADE, related_name="cases", verbose_name=_("circle")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("brought in by"),
    )
    title = models.CharField(
        _("title"), max_length=150, help_text=_("A short title without names.")
    )
    situation = models.TextField(
        _("situation"), help_text=_("What is going on? Leave out names, numbers and addresses.")
    )
    question = models.TextField(
        _("question to the circle"), help_text=_("What would you like to think about together?")
    )
    capital_forms = models.ManyToManyField(
        CapitalForm, blank=True, related_name="+", verbose_name=_("forms of capital")
    )
    family_types = models.ManyToManyField(
        FamilyType, blank=True, related_name="+", verbose_name=_("family types")
    )
    went_well = models.TextField(_("what went well"), blank=True)
    could_be_better = models.TextField(_("what could be better"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    created_at = models.DateTimeField(_("brought in at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    archived_at = models.DateTimeField(_("archived at"), null=True, blank=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="open", archived_at__isnull=True)
                | Q(status="archived", archived_at__isnull=False),
                name="archived_case_has_archive_moment",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("circles:case_detail", kwargs={"slug": self.circle.slug, "pk": self.pk})

    @property
    def is_archived(self) -> bool:
        return self.status == self.Status.ARCHIVED

    @property
    def archive_on(self) -> date:
        return (timezone.localtime(self.created_at) + timedelta(days=archive_after_days())).date()

    @property
    def delete_on(self) -> date:
        return add_months(timezone.localtime(self.created_at).date(), delete_after_months())


class Comment(models.Model):
    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="comments", verbose_name=_("case")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("written by"),
    )
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("written at"), default=timezone.now)

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{person_name(self.author)}: {self.created_at:%Y-%m-%d}"


class Agreement(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    circle = models.ForeignKey(
        Circle, on_delete=models.CASCADE, related_name="agreements", verbose_name=_("circle")
    )
    description = models.TextField(_("what we agree"))
    organisations = models.ManyToManyField(
        Organisation, blank=True, related_name="+", verbose_name=_("organisations")
    )
    follow_up_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who follows up"),
    )
    due_on = models.DateField(_("by when"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.OPEN
    )
    created_at = models.DateTimeField(_("made at"), default=timezone.now)

    objects = AgreementQuerySet.as_manager()

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["status", "due_on", "pk"]

    def __str__(self) -> str:
        return self.description[:80]

    @property
    def is_open(self) -> bool:
        return self.status in {self.Status.OPEN, self.Status.IN_PROGRESS}


class ImprovementPoint(models.Model):
    """What a case taught the circle to do better; can become an agreement in one step."""

    case = models.ForeignKey(
        Case,
        on_delete=models.CASCADE,
        related_name="improvement_points",
        verbose_name=_("case"),
    )
    text = models.TextField(_("improvement point"))
    agreement = models.OneToOneField(
        Agreement,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="improvement_point",
        verbose_name=_("agreement"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("improvement point")
        verbose_name_plural = _("improvement points")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:80]


class Bottleneck(models.Model):
    class Kind(models.TextChoices):
        LAW = "law", _("Law or regulation")
        MUNICIPAL_POLICY = "municipal_policy", _("Municipal policy")
        COOPERATION = "cooperation", _("Cooperation between organisations")
        ICT_PRIVACY = "ict_privacy", _("ICT and privacy")
        MONEY = "money", _("Money")

    class Status(models.TextChoices):
        SIGNALLED = "signalled", _("Signalled")
        RAISED = "raised", _("Raised with the body that can change it")
        ANSWERED = "answered", _("Answered")
        SOLVED = "solved", _("Solved")

    # A circle records it, or an organisation without a circle reports it from its page.
    circle = models.ForeignKey(
        Circle,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="bottlenecks",
        verbose_name=_("circle"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="bottlenecks",
        verbose_name=_("organisation"),
    )
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(
        _("what stands in the way"),
        help_text=_("Describe the bottleneck itself, not the case it came from."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    body = models.CharField(
        _("who can change it"),
        max_length=200,
        blank=True,
        help_text=_("For example: the municipality, the ministry, the housing corporation."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SIGNALLED
    )
    case = models.ForeignKey(
        Case,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="bottlenecks",
        verbose_name=_("case it came from"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    shared_at = models.DateTimeField(_("shared with the region at"), null=True, blank=True)
    regional_response = models.TextField(_("what the region did with it"), blank=True)
    responded_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )

    objects = BottleneckQuerySet.as_manager()

    class Meta:
        verbose_name = _("bottleneck")
        verbose_name_plural = _("bottlenecks")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(responded_at__isnull=True) | Q(shared_at__isnull=False),
                name="only_shared_bottlenecks_are_answered",
            ),
            models.CheckConstraint(
                condition=Q(circle__isnull=True, organisation__isnull=False)
                | Q(circle__isnull=False, organisation__isnull=True),
                name="bottleneck_has_a_circle_or_an_organisation",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def source(self) -> Circle | Organisation:
        """Who raised it: the circle, or the organisation that has none."""
        return self.circle or self.organisation  # type: ignore[return-value]

    @property
    def municipality(self) -> Municipality | None:
        return self.circle.municipality if self.circle else self.organisation.municipality  # type: ignore[union-attr]

    @property
    def is_shared(self) -> bool:
        return self.shared_at is not None


class CircleEvent(models.Model):
    """One line of a circle's history: who changed what in the membership, and when."""

    class Kind(models.TextChoices):
        INVITED = "invited", _("invited someone")
        JOINED = "joined", _("joined through an invitation")
        REQUESTED = "requested", _("asked to join")
        APPROVED = "approved", _("approved a request to join")
        DECLINED = "declined", _("declined a request to join")
        REMOVED = "removed", _("removed a member")
        LEFT = "left", _("left the circle")
        HANDED_OVER = "handed_over", _("handed over the facilitator role")
        APPOINTED = "appointed", _("made someone facilitator")
        SHARED_BOTTLENECK = "shared_bottleneck", _("shared a bottleneck with the region")

    circle = models.ForeignKey(
        Circle, on_delete=models.CASCADE, related_name="events", verbose_name=_("circle")
    )
    kind = models.CharField(_("what"), max_length=20, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("about"),
    )
    detail = models.CharField(_("detail"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    objects = CircleEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("history entry")
        verbose_name_plural = _("history")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.created_at:%Y-%m-%d})"


class Meeting(models.Model):
    """A circle meeting is an events Session without an event page: the events app gives
    it the calendar feed, the reminder and attendance (as learning records); the circle
    adds the agenda and the minutes, which only members read."""

    circle = models.ForeignKey(
        Circle, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("circle")
    )
    session = models.OneToOneField(
        Session,
        on_delete=models.CASCADE,
        related_name="circle_meeting",
        verbose_name=_("session"),
    )
    agenda = models.TextField(_("agenda"))
    minutes = models.TextField(_("minutes"), blank=True)
    minutes_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("minutes written by"),
    )

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self) -> str:
        return str(self.session)

    def get_absolute_url(self) -> str:
        return reverse("circles:meeting_detail", kwargs={"slug": self.circle.slug, "pk": self.pk})


class CircleIndexPage(RegionalPage):
    """/leerkringen/: the portal's circles, public. The workspaces are Django views below
    this path (circles/urls.py), so nothing private is ever a page or in the search index."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*RegionalPage.content_panels, FieldPanel("intro")]
    parent_page_types = ["core.SharedContentRoot", "core.PortalHomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = _("learning circles page")

    def get_context(self, request: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["circles"] = Circle.objects.listed(
            getattr(request, "region", None)
        ).with_next_meeting()
        context["my_circle_ids"] = set(
            Circle.objects.visible_to(request.user).values_list("pk", flat=True)
        )
        context["can_see_regional_bottlenecks"] = request.user.has_perm(
            "circles.view_regional_bottlenecks"
        )
        return context
