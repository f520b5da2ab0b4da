"""Every change to a circle goes through these functions (views, demo and commands alike).
Each checks who may do it, runs in one transaction, writes the circle's history and puts
its e-mail in core's outbox. E-mails never hold case text: only that something is new,
with a link."""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, override

from catalogue.models import CapitalForm, FamilyType
from core.mail import queue_email
from core.models import Organisation, hash_token
from core.portals import regions_base_url
from events import services as event_services
from events.models import Registration, RegistrationState, Session

from .models import (
    Agreement,
    Bottleneck,
    Case,
    Circle,
    CircleEvent,
    Comment,
    ImprovementPoint,
    Invitation,
    Meeting,
    Membership,
    add_months,
    archive_after_days,
    delete_after_months,
)
from .personal_data import Finding, find_personal_data

INVITATION_VALID_DAYS = 14
REGIONAL_PERMISSION = "circles.view_regional_bottlenecks"


class CircleError(Exception):
    """A change that is not allowed; the message is translated for the person."""


class PersonalDataError(CircleError):
    """Text that holds personal data; `findings` says per field label what and where."""

    def __init__(self, findings: list[tuple[str, Finding]]) -> None:
        self.findings = findings
        super().__init__(_("The text holds personal data. Remove it and try again."))


def ensure_anonymous(texts: dict[str, str]) -> None:
    """Refuse text with personal data; `texts` maps a field's label to its text."""
    findings = [
        (label, finding) for label, text in texts.items() for finding in find_personal_data(text)
    ]
    if findings:
        raise PersonalDataError(findings)


def _active_membership(circle: Circle, user: Any) -> Membership:
    membership = Membership.objects.filter(circle=circle, user=user, status="active").first()
    if membership is None:
        raise CircleError(_("Only members of this circle can do this."))
    return membership


def _facilitator(circle: Circle, user: Any) -> Membership:
    membership = _active_membership(circle, user)
    if not membership.is_facilitator:
        raise CircleError(_("Only a facilitator of this circle can do this."))
    return membership


def _log(
    circle: Circle, kind: str, *, actor: Any, subject: Any = None, detail: str = ""
) -> CircleEvent:
    return CircleEvent.objects.create(
        circle=circle, kind=kind, actor=actor, subject=subject, detail=detail[:255]
    )


def portal_base_url(circle: Circle) -> str:
    """The address of the portal of the circle's region, for links in e-mail."""
    return regions_base_url([circle.municipality.region_id])


def send_circle_mail(
    *, to: Sequence[str], subject: str, template: str, context: dict[str, Any]
) -> None:
    text = render_to_string(f"circles/email/{template}.txt", context)
    html = render_to_string(f"circles/email/{template}.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text, to=list(to))
    message.attach_alternative(html, "text/html")
    queue_email(message, kind=f"circles.{template}")


# ---------------------------------------------------------------------------
# Membership
# ---------------------------------------------------------------------------


@transaction.atomic
def appoint_facilitator(*, circle: Circle, user: Any, by: Any = None) -> Membership:
    """Make someone facilitator (the admin or demo starting a circle, or a facilitator)."""
    if by is not None:
        _facilitator(circle, by)
    membership, _created = Membership.objects.select_for_update().update_or_create(
        circle=circle, user=user, defaults={"role": "facilitator", "status": "active"}
    )
    _log(circle, CircleEvent.Kind.APPOINTED, actor=by, subject=user)
    return membership


def check_facilitators(*, circle: Circle, users: Iterable[Any]) -> None:
    members = set(
        Membership.objects.filter(circle=circle).active().values_list("user_id", flat=True)
    )
    outsiders = [user for user in users if user.pk not in members]
    if members and outsiders:
        raise CircleError(
            _("Only members of the circle can become its facilitator. Invite %(name)s first.")
            % {"name": outsiders[0].email}
        )


@transaction.atomic
def set_facilitators(*, circle: Circle, users: Iterable[Any], actor: Any) -> None:
    """The admin (/beheer/) names a circle's facilitators: those chosen become (or stay)
    facilitator, other facilitators stay on as members. Only people with a right to change
    circles reach this (Wagtail's snippet permissions). An editor cannot make someone a
    member this way (not even themselves: cases are for members only); only a circle
    without facilitators may get its first one from the admin, to start it."""
    check_facilitators(circle=circle, users=users)
    chosen = {user.pk: user for user in users}
    current = Membership.objects.select_for_update().filter(circle=circle).facilitators()
    for membership in current.exclude(user_id__in=chosen):
        membership.role = "member"
        membership.save(update_fields=["role", "updated_at"])
        _log(circle, CircleEvent.Kind.HANDED_OVER, actor=actor, subject=membership.user)
    for user in chosen.values():
        existing = Membership.objects.filter(circle=circle, user=user).first()
        if existing is not None and existing.is_facilitator:
            continue
        was_member = existing is not None and existing.is_active
        Membership.objects.update_or_create(
            circle=circle, user=user, defaults={"role": "facilitator", "status": "active"}
        )
        _log(circle, CircleEvent.Kind.APPOINTED, actor=actor, subject=user)
        if not was_member:
            _register_for_upcoming(circle, user)


@transaction.atomic
def add_member(*, circle: Circle, user: Any, by: Any = None) -> Membership:
    """Add someone directly (demo and admin); members join through invitations."""
    if by is not None:
        _facilitator(circle, by)
    membership, _created = Membership.objects.select_for_update().update_or_create(
        circle=circle, user=user, defaults={"status": "active"}
    )
    _log(circle, CircleEvent.Kind.JOINED, actor=by or user, subject=user)
    _register_for_upcoming(circle, user)
    return membership


def new_token() -> str:
    """256 random bits, URL-safe."""
    return secrets.token_urlsafe(32)


@transaction.atomic
def invite_to_circle(*, circle: Circle, email: str, by: Any) -> tuple[Invitation, str]:
    """Send an invitation link; returns the invitation and its token (only ever e-mailed)."""
    _facilitator(circle, by)
    if not circle.is_active:
        raise CircleError(_("This circle is closed; you cannot invite anyone."))
    email = email.strip().lower()
    if Membership.objects.active().filter(circle=circle, user__email__iexact=email).exists():
        raise CircleError(_("This person is already a member of the circle."))
    token = new_token()
    invitation = Invitation.objects.create(
        circle=circle,
        email=email,
        token_hash=hash_token(token),
        invited_by=by,
        expires_at=timezone.now() + timedelta(days=INVITATION_VALID_DAYS),
    )
    _log(circle, CircleEvent.Kind.INVITED, actor=by)
    path = reverse("circles:accept_invitation", kwargs={"slug": circle.slug, "token": token})
    send_circle_mail(
        to=[email],
        subject=_("Invitation to the learning circle %(name)s") % {"name": circle.name},
        template="invitation",
        context={
            "circle": circle,
            "url": portal_base_url(circle) + path,
            "valid_until": invitation.expires_at,
        },
    )
    return invitation, token


def find_invitation(*, circle: Circle, token: str) -> Invitation | None:
    """The usable invitation for this circle and token, or None (wrong circle, used, expired
    and unknown all look the same)."""
    invitation = Invitation.objects.filter(circle=circle, token_hash=hash_token(token)).first()
    return invitation if invitation and invitation.is_usable else None


@transaction.atomic
def accept_invitation(*, circle: Circle, token: str, user: Any) -> Membership:
    invitation = (
        Invitation.objects.select_for_update()
        .filter(circle=circle, token_hash=hash_token(token))
        .first()
    )
    if invitation is None or not invitation.is_usable:
        raise CircleError(
            _("This invitation link is no longer valid. Ask the facilitator for a new one.")
        )
    if not circle.is_active:
        raise CircleError(_("This circle is closed."))
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    membership = Membership.objects.select_for_update().filter(circle=circle, user=user).first()
    if membership is not None and membership.is_active:
        return membership
    membership, _created = Membership.objects.update_or_create(
        circle=circle, user=user, defaults={"status": "active", "role": "member"}
    )
    _log(circle, CircleEvent.Kind.JOINED, actor=user, subject=user)
    _register_for_upcoming(circle, user)
    return membership


@transaction.atomic
def request_to_join(*, circle: Circle, user: Any) -> Membership:
    if not circle.is_active:
        raise CircleError(_("This circle is closed; you cannot join it."))
    membership = Membership.objects.select_for_update().filter(circle=circle, user=user).first()
    if membership is not None and membership.status == "active":
        raise CircleError(_("You are already a member of this circle."))
    if membership is not None and membership.status == "requested":
        raise CircleError(_("You have already asked to join. A facilitator will answer soon."))
    membership, _created = Membership.objects.update_or_create(
        circle=circle, user=user, defaults={"status": "requested", "role": "member"}
    )
    _log(circle, CircleEvent.Kind.REQUESTED, actor=user, subject=user)
    facilitators = Membership.objects.facilitators().filter(circle=circle)
    path = reverse("circles:members", kwargs={"slug": circle.slug})
    send_circle_mail(
        to=list(facilitators.values_list("user__email", flat=True)),
        subject=_("Someone asks to join %(name)s") % {"name": circle.name},
        template="join_request",
        context={"circle": circle, "url": portal_base_url(circle) + path},
    )
    return membership


@transaction.atomic
def decide_join_request(*, membership: Membership, by: Any, approve: bool) -> Membership:
    _facilitator(membership.circle, by)
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.status != "requested":
        raise CircleError(_("This request has already been answered."))
    membership.status = "active" if approve else "declined"
    membership.save(update_fields=["status", "updated_at"])
    kind = CircleEvent.Kind.APPROVED if approve else CircleEvent.Kind.DECLINED
    _log(membership.circle, kind, actor=by, subject=membership.user)
    if approve:
        _register_for_upcoming(membership.circle, membership.user)
    return membership


@transaction.atomic
def remove_member(*, membership: Membership, by: Any) -> None:
    _facilitator(membership.circle, by)
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.user_id == by.pk:
        raise CircleError(_("You cannot remove yourself. Hand over your role, then leave."))
    if not membership.is_active:
        raise CircleError(_("This person is not a member."))
    membership.status, membership.role = "removed", "member"
    membership.save(update_fields=["status", "role", "updated_at"])
    _log(membership.circle, CircleEvent.Kind.REMOVED, actor=by, subject=membership.user)
    _cancel_upcoming(membership.circle, membership.user)


@transaction.atomic
def hand_over_facilitator(*, circle: Circle, by: Any, to: Membership) -> None:
    """The facilitator's role passes to another member; the giver stays a member."""
    # Lock both rows in a fixed order (by id), so two hand-overs cannot deadlock.
    rows = {
        m.pk: m
        for m in Membership.objects.select_for_update()
        .filter(
            circle=circle,
            pk__in=[
                to.pk,
                *Membership.objects.filter(circle=circle, user=by).values_list("pk", flat=True),
            ],
        )
        .order_by("pk")
    }
    giver = next((m for m in rows.values() if m.user_id == by.pk), None)
    receiver = rows.get(to.pk)
    if giver is None or not giver.is_facilitator:
        raise CircleError(_("Only a facilitator of this circle can do this."))
    if receiver is None or not receiver.is_active or receiver.pk == giver.pk:
        raise CircleError(_("Choose another member of this circle."))
    receiver.role, giver.role = "facilitator", "member"
    receiver.save(update_fields=["role", "updated_at"])
    giver.save(update_fields=["role", "updated_at"])
    _log(circle, CircleEvent.Kind.HANDED_OVER, actor=by, subject=receiver.user)


@transaction.atomic
def leave_circle(*, membership: Membership) -> None:
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if not membership.is_active:
        raise CircleError(_("You are not a member of this circle."))
    if (
        membership.is_facilitator
        and not Membership.objects.facilitators()
        .filter(circle=membership.circle)
        .exclude(pk=membership.pk)
        .exists()
    ):
        raise CircleError(
            _("You are the only facilitator. Hand over your role to another member first.")
        )
    membership.status, membership.role = "left", "member"
    membership.save(update_fields=["status", "role", "updated_at"])
    _log(membership.circle, CircleEvent.Kind.LEFT, actor=membership.user, subject=membership.user)
    _cancel_upcoming(membership.circle, membership.user)


def set_notifications(*, membership: Membership, choice: str) -> Membership:
    if choice not in Membership.Notifications.values:
        raise CircleError(_("Choose how you want to hear about news."))
    # One UPDATE of the person's own row; nothing to count, so no lock.
    Membership.objects.filter(pk=membership.pk).update(notifications=choice)
    membership.notifications = choice
    return membership


# ---------------------------------------------------------------------------
# Cases and comments
# ---------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class CaseDetails:
    title: str
    situation: str
    question: str
    capital_forms: Iterable[CapitalForm] = field(default_factory=tuple)
    family_types: Iterable[FamilyType] = field(default_factory=tuple)
    went_well: str = ""
    could_be_better: str = ""

    def texts(self) -> dict[str, str]:
        return {
            str(Case._meta.get_field(name).verbose_name).capitalize(): getattr(  # type: ignore[union-attr]
                self, name
            )
            for name in ("title", "situation", "question", "went_well", "could_be_better")
        }


NEWS_SUBJECTS = {
    "case": gettext_noop("A new case in %(name)s"),
    "comment": gettext_noop("A new comment in %(name)s"),
}


def _notify(circle: Circle, *, what: str, path: str, exclude: Any) -> None:
    """One e-mail to each member who wants one per item, in the transaction of the news."""
    recipients = (
        Membership.objects.active()
        .filter(circle=circle, notifications=Membership.Notifications.EACH)
        .exclude(user=exclude)
        .values_list("user__email", flat=True)
    )
    url = portal_base_url(circle) + path
    with override("nl"):
        for email in recipients:
            send_circle_mail(
                to=[email],
                subject=_(NEWS_SUBJECTS[what]) % {"name": circle.name},
                template="news",
                context={"circle": circle, "what": what, "url": url},
            )


@transaction.atomic
def bring_in_case(*, circle: Circle, author: Any, details: CaseDetails) -> Case:
    _active_membership(circle, author)
    ensure_anonymous(details.texts())
    case = Case.objects.create(
        circle=circle,
        author=author,
        title=details.title.strip(),
        situation=details.situation,
        question=details.question,
        went_well=details.went_well,
        could_be_better=details.could_be_better,
    )
    case.capital_forms.set(details.capital_forms)
    case.family_types.set(details.family_types)
    _notify(circle, what="case", path=case.get_absolute_url(), exclude=author)
    return case


def can_edit_case(case: Case, user: Any) -> bool:
    membership = Membership.objects.filter(circle=case.circle, user=user, status="active").first()
    return bool(membership and (membership.is_facilitator or case.author_id == user.pk))


@transaction.atomic
def update_case(*, case: Case, by: Any, details: CaseDetails) -> Case:
    case = Case.objects.select_for_update().select_related("circle").get(pk=case.pk)
    if not can_edit_case(case, by):
        raise CircleError(
            _("Only the member who brought in the case or a facilitator can edit it.")
        )
    if case.is_archived:
        raise CircleError(_("This case is archived and can no longer be changed."))
    ensure_anonymous(details.texts())
    for name in ("title", "situation", "question", "went_well", "could_be_better"):
        setattr(case, name, getattr(details, name))
    case.save()
    case.capital_forms.set(details.capital_forms)
    case.family_types.set(details.family_types)
    return case


@transaction.atomic
def add_comment(*, case: Case, author: Any, text: str) -> Comment:
    case = Case.objects.select_for_update().select_related("circle").get(pk=case.pk)
    _active_membership(case.circle, author)
    if case.is_archived:
        raise CircleError(_("This case is archived; you cannot comment any more."))
    ensure_anonymous({_("Your comment"): text})
    comment = Comment.objects.create(case=case, author=author, text=text.strip())
    _notify(case.circle, what="comment", path=case.get_absolute_url(), exclude=author)
    return comment


@transaction.atomic
def add_improvement_point(*, case: Case, by: Any, text: str) -> ImprovementPoint:
    _active_membership(case.circle, by)
    if case.is_archived:
        raise CircleError(_("This case is archived and can no longer be changed."))
    ensure_anonymous({_("Improvement point"): text})
    return ImprovementPoint.objects.create(case=case, text=text.strip())


# ---------------------------------------------------------------------------
# Agreements and bottlenecks
# ---------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class AgreementDetails:
    description: str
    organisations: Iterable[Organisation] = field(default_factory=tuple)
    follow_up_by: Any = None
    due_on: date | None = None
    status: str = Agreement.Status.OPEN


def _check_follow_up(circle: Circle, person: Any) -> None:
    if (
        person is not None
        and not Membership.objects.active().filter(circle=circle, user=person).exists()
    ):
        raise CircleError(_("Who follows up must be a member of the circle."))


@transaction.atomic
def make_agreement(*, circle: Circle, by: Any, details: AgreementDetails) -> Agreement:
    _active_membership(circle, by)
    _check_follow_up(circle, details.follow_up_by)
    ensure_anonymous({_("What we agree"): details.description})
    agreement = Agreement.objects.create(
        circle=circle,
        description=details.description.strip(),
        follow_up_by=details.follow_up_by,
        due_on=details.due_on,
        status=details.status,
    )
    agreement.organisations.set(details.organisations)
    return agreement


@transaction.atomic
def update_agreement(*, agreement: Agreement, by: Any, details: AgreementDetails) -> Agreement:
    agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)
    _active_membership(agreement.circle, by)
    _check_follow_up(agreement.circle, details.follow_up_by)
    ensure_anonymous({_("What we agree"): details.description})
    agreement.description = details.description.strip()
    agreement.follow_up_by = details.follow_up_by
    agreement.due_on = details.due_on
    agreement.status = details.status
    agreement.save()
    agreement.organisations.set(details.organisations)
    return agreement


@transaction.atomic
def turn_into_agreement(*, point: ImprovementPoint, by: Any) -> Agreement:
    """One step from an improvement point of a case to an open agreement of the circle."""
    point = (
        ImprovementPoint.objects.select_for_update().select_related("case__circle").get(pk=point.pk)
    )
    _facilitator(point.case.circle, by)
    if point.agreement_id is not None:
        raise CircleError(_("This improvement point is already an agreement."))
    point.agreement = Agreement.objects.create(
        circle=point.case.circle, description=point.text, status=Agreement.Status.OPEN
    )
    point.save(update_fields=["agreement"])
    return point.agreement


@dataclass(frozen=True, kw_only=True)
class BottleneckDetails:
    title: str
    description: str
    kind: str
    body: str = ""
    status: str = Bottleneck.Status.SIGNALLED
    case: Case | None = None


@transaction.atomic
def record_bottleneck(
    *, circle: Circle, by: Any, details: BottleneckDetails, bottleneck: Bottleneck | None = None
) -> Bottleneck:
    """Add a bottleneck, or change one (pass `bottleneck`)."""
    _active_membership(circle, by)
    if details.case is not None and details.case.circle_id != circle.pk:
        raise CircleError(_("Choose a case of this circle."))
    ensure_anonymous(
        {
            _("Title"): details.title,
            _("What stands in the way"): details.description,
            _("Who can change it"): details.body,
        }
    )
    if bottleneck is None:
        bottleneck = Bottleneck(circle=circle)
    else:
        bottleneck = Bottleneck.objects.select_for_update().get(pk=bottleneck.pk, circle=circle)
    bottleneck.title = details.title.strip()
    bottleneck.description = details.description.strip()
    bottleneck.kind = details.kind
    bottleneck.body = details.body.strip()
    bottleneck.status = details.status
    bottleneck.case = details.case
    bottleneck.save()
    return bottleneck


@transaction.atomic
def report_organisation_bottleneck(
    *, organisation: Organisation, by: Any, details: BottleneckDetails
) -> Bottleneck:
    """A member of an organisation without a learning circle reports a bottleneck in laws
    and regulations; it goes straight to the region's overview, where coordinators answer
    it as they answer the circles'."""
    if not may_report_for(organisation, by):
        raise CircleError(_("Only members of this organisation can report a bottleneck here."))
    if Circle.objects.active().filter(organisations=organisation).exists():
        raise CircleError(
            _("Your organisation takes part in a learning circle: record the bottleneck there.")
        )
    ensure_anonymous(
        {
            _("Title"): details.title,
            _("What stands in the way"): details.description,
            _("Who can change it"): details.body,
        }
    )
    return Bottleneck.objects.create(
        organisation=organisation,
        title=details.title.strip(),
        description=details.description.strip(),
        kind=Bottleneck.Kind.LAW,
        body=details.body.strip(),
        shared_at=timezone.now(),
    )


def may_report_for(organisation: Organisation, user: Any) -> bool:
    profile = getattr(user, "profile", None) if user.is_authenticated else None
    return profile is not None and profile.organisation_id == organisation.pk


@transaction.atomic
def share_bottleneck(*, bottleneck: Bottleneck, by: Any) -> Bottleneck:
    """Put the description (never the case) on the regional overview."""
    # An organisation's bottleneck is shared when reported: only a circle's waits.
    bottleneck = (
        Bottleneck.objects.select_for_update()
        .select_related("circle")
        .get(pk=bottleneck.pk, circle__isnull=False)
    )
    assert bottleneck.circle is not None
    _facilitator(bottleneck.circle, by)
    if bottleneck.is_shared:
        raise CircleError(_("This bottleneck is already shared with the region."))
    bottleneck.shared_at = timezone.now()
    bottleneck.save(update_fields=["shared_at"])
    _log(bottleneck.circle, CircleEvent.Kind.SHARED_BOTTLENECK, actor=by, detail=bottleneck.title)
    return bottleneck


@transaction.atomic
def respond_to_bottleneck(
    *, bottleneck: Bottleneck, by: Any, response: str, status: str
) -> Bottleneck:
    """A coordinator records what the region did; the circle reads it in its workspace."""
    if not by.has_perm(REGIONAL_PERMISSION):
        raise CircleError(_("Only coordinators can answer bottlenecks."))
    bottleneck = Bottleneck.objects.select_for_update().get(pk=bottleneck.pk)
    if not bottleneck.is_shared:
        raise CircleError(_("This bottleneck is not shared with the region."))
    if status not in {
        Bottleneck.Status.RAISED,
        Bottleneck.Status.ANSWERED,
        Bottleneck.Status.SOLVED,
    }:
        raise CircleError(_("Choose what happened with the bottleneck."))
    bottleneck.regional_response = response.strip()
    bottleneck.status = status
    bottleneck.responded_at = timezone.now()
    bottleneck.responded_by = by
    bottleneck.save(update_fields=["regional_response", "status", "responded_at", "responded_by"])
    return bottleneck


# ---------------------------------------------------------------------------
# Meetings: events sessions, so the agenda's feed, reminders and attendance apply
# ---------------------------------------------------------------------------

# Every member has a seat; the number only has to exceed any circle's size.
MEETING_CAPACITY = 500


@dataclass(frozen=True, kw_only=True)
class MeetingDetails:
    starts_at: datetime
    ends_at: datetime
    agenda: str
    place_name: str = ""
    address: str = ""
    online_url: str = ""


def _register_for_upcoming(circle: Circle, user: Any) -> None:
    """A new member gets every upcoming meeting in their calendar feed and reminders."""
    for meeting in Meeting.objects.filter(circle=circle).upcoming():
        if meeting.session.starts_at > timezone.now():
            event_services.register_user(session=meeting.session, user=user)


def _cancel_upcoming(circle: Circle, user: Any) -> None:
    """Whoever leaves or is removed loses the seats at upcoming meetings (recorded as
    their own cancellation: the events app lets a person cancel their own seat)."""
    registrations = Registration.objects.filter(
        session__circle_meeting__circle=circle,
        session__starts_at__gt=timezone.now(),
        user=user,
        state__in=[RegistrationState.CONFIRMED, RegistrationState.WAITING],
    )
    for registration in registrations:
        event_services.cancel_registration(
            registration=registration, actor=user, reason=_("Left the learning circle")
        )


def _check_meeting(details: MeetingDetails) -> None:
    if details.ends_at <= details.starts_at:
        raise CircleError(_("A meeting must end after it starts."))
    if not (details.place_name.strip() or details.online_url.strip()):
        raise CircleError(_("Fill in a place or an online link."))
    ensure_anonymous({_("Agenda"): details.agenda})


@transaction.atomic
def plan_meeting(*, circle: Circle, by: Any, details: MeetingDetails) -> Meeting:
    _facilitator(circle, by)
    _check_meeting(details)
    session = Session.objects.create(
        title=_("Meeting of %(name)s") % {"name": circle.name},
        starts_at=details.starts_at,
        ends_at=details.ends_at,
        place_name=details.place_name.strip(),
        address=details.address.strip(),
        online_url=details.online_url.strip(),
        capacity=MEETING_CAPACITY,
        is_private=True,
    )
    meeting = Meeting.objects.create(circle=circle, session=session, agenda=details.agenda)
    if details.starts_at > timezone.now():
        # The events app confirms each seat by e-mail with a calendar file, adds it to the
        # member's feed and reminds them two days before.
        for membership in Membership.objects.active().filter(circle=circle).select_related("user"):
            event_services.register_user(session=session, user=membership.user)
    return meeting


@transaction.atomic
def update_meeting(*, meeting: Meeting, by: Any, details: MeetingDetails) -> Meeting:
    _facilitator(meeting.circle, by)
    _check_meeting(details)
    session = Session.objects.select_for_update().get(pk=meeting.session_id)
    session.starts_at, session.ends_at = details.starts_at, details.ends_at
    session.place_name = details.place_name.strip()
    session.address = details.address.strip()
    session.online_url = details.online_url.strip()
    session.save()
    Meeting.objects.filter(pk=meeting.pk).update(agenda=details.agenda)
    meeting.refresh_from_db()
    return meeting


@transaction.atomic
def write_minutes(*, meeting: Meeting, by: Any, minutes: str) -> Meeting:
    """The minutes ("verslag") by a facilitator; every member reads them."""
    _facilitator(meeting.circle, by)
    ensure_anonymous({_("Minutes"): minutes})
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    meeting.minutes, meeting.minutes_by = minutes.strip(), by
    meeting.save(update_fields=["minutes", "minutes_by"])
    return meeting


def record_attendance(*, meeting: Meeting, by: Any, present_user_ids: Iterable[int]) -> int:
    """Who came, as the events app records it: a learning record per member (attended or
    absent). Returns how many were marked present."""
    _facilitator(meeting.circle, by)
    if meeting.session.starts_at > timezone.now():
        raise CircleError(_("You can record attendance once the meeting has started."))
    present = set(present_user_ids)
    registrations = Registration.objects.filter(
        session=meeting.session,
        state__in=[
            RegistrationState.CONFIRMED,
            RegistrationState.ATTENDED,
            RegistrationState.NO_SHOW,
        ],
    )
    for registration in registrations:
        state = (
            RegistrationState.ATTENDED
            if registration.user_id in present
            else RegistrationState.NO_SHOW
        )
        event_services.mark_attendance(registration=registration, state=state, actor=by)
    return len(present)


# ---------------------------------------------------------------------------
# Retention
# ---------------------------------------------------------------------------


def apply_case_retention(*, today: date | None = None) -> tuple[int, int]:
    """Archive and delete cases on the days `Case.archive_on` and `Case.delete_on` say
    (whole days, as members see them). Safe to run again and again; run it daily.
    Returns (archived, deleted)."""
    today = today or timezone.localdate()
    archive_up_to = today - timedelta(days=archive_after_days())
    delete_up_to = add_months(today, -delete_after_months())
    with transaction.atomic():
        archived = Case.objects.filter(status="open", created_at__date__lte=archive_up_to).update(
            status="archived", archived_at=timezone.now()
        )
        expired = Case.objects.filter(created_at__date__lte=delete_up_to)
        deleted = expired.delete()[1].get("circles.Case", 0)
    return archived, deleted


# ---------------------------------------------------------------------------
# A person's data: the download and the removal of their account
# ---------------------------------------------------------------------------


@transaction.atomic
def leave_circles_of_leaving_user(*, user: Any) -> None:
    """Before a person's account is removed: the circles' history says they left, and
    invitations still waiting for one of their addresses go (they hold the address).
    Seats at coming meetings are freed by events; what they wrote stays, unlinked."""
    memberships = Membership.objects.active().filter(user=user)
    CircleEvent.objects.bulk_create(
        CircleEvent(circle_id=circle_id, kind=CircleEvent.Kind.LEFT, actor=user, subject=user)
        for circle_id in memberships.values_list("circle_id", flat=True)
    )
    addresses = {
        address.lower()
        for address in [user.email, *user.emailaddress_set.values_list("email", flat=True)]
    }
    Invitation.objects.filter(email__in=addresses, accepted_at__isnull=True).delete()


def personal_data(*, user: Any, base_url: str = "") -> dict[str, Any]:
    """What the circles hold about a person, for the download: memberships with their
    e-mail choice, what they wrote and follow up, and the history about them. Other
    members' names and texts are theirs, so they are left out."""
    history = (
        CircleEvent.objects.filter(Q(actor=user) | Q(subject=user))
        .select_related("circle")
        .order_by("created_at", "pk")
    )
    return {
        "circle_memberships": [
            {
                "circle": membership.circle.name,
                "role": membership.role,
                "status": membership.status,
                "email_about_news": membership.notifications,
                "since": membership.created_at.isoformat(),
            }
            for membership in Membership.objects.filter(user=user).select_related("circle")
        ],
        "circle_cases": [
            {
                "circle": case.circle.name,
                "title": case.title,
                "situation": case.situation,
                "question": case.question,
                "went_well": case.went_well,
                "could_be_better": case.could_be_better,
                "forms_of_capital": [str(form) for form in case.capital_forms.all()],
                "family_types": [str(kind) for kind in case.family_types.all()],
                "status": case.status,
                "brought_in_at": case.created_at.isoformat(),
            }
            for case in Case.objects.filter(author=user)
            .select_related("circle")
            .prefetch_related("capital_forms", "family_types")
        ],
        "circle_comments": [
            {"case": comment.case.title, "text": comment.text, "at": comment.created_at.isoformat()}
            for comment in Comment.objects.filter(author=user).select_related("case")
        ],
        "circle_agreements_to_follow_up": [
            {
                "circle": agreement.circle.name,
                "agreement": agreement.description,
                "due_on": agreement.due_on.isoformat() if agreement.due_on else None,
                "status": agreement.status,
            }
            for agreement in Agreement.objects.filter(follow_up_by=user).select_related("circle")
        ],
        "circle_minutes_written": [
            {
                "circle": meeting.circle.name,
                "meeting": meeting.session.starts_at.isoformat(),
                "minutes": meeting.minutes,
            }
            for meeting in Meeting.objects.filter(minutes_by=user).select_related(
                "circle", "session"
            )
        ],
        "circle_bottlenecks_answered": [
            {
                "circle": str(bottleneck.source),
                "bottleneck": bottleneck.title,
                "answer": bottleneck.regional_response,
                "at": bottleneck.responded_at.isoformat() if bottleneck.responded_at else None,
            }
            for bottleneck in Bottleneck.objects.filter(responded_by=user).select_related(
                "circle", "organisation"
            )
        ],
        "circle_invitations_sent": [
            {
                "circle": invitation.circle.name,
                "sent_at": invitation.created_at.isoformat(),
                "accepted": invitation.accepted_at is not None,
            }
            for invitation in Invitation.objects.filter(invited_by=user).select_related("circle")
        ],
        "circle_invitations_accepted": [
            {
                "circle": invitation.circle.name,
                "accepted_at": invitation.accepted_at.isoformat()
                if invitation.accepted_at
                else None,
            }
            for invitation in Invitation.objects.filter(accepted_by=user).select_related("circle")
        ],
        "circle_history": [
            {
                "circle": event.circle.name,
                "what": str(event.get_kind_display()),
                "by_you": event.actor_id == user.pk,
                "about_you": event.subject_id == user.pk,
                "detail": event.detail,
                "at": event.created_at.isoformat(),
            }
            for event in history
        ],
    }
