"""Learning paths a manager composes for a team and assigns to its members.

Every change goes through these services: each checks that the actor manages the team
(`organisations.services.managed_team_ids`: the team's managers and the organisation's
administrators), runs in one transaction and writes a line of the organisation's history.
Assigning a path e-mails the team's members once, through core's outbox.
"""

from __future__ import annotations

import datetime
from typing import Literal

from django.conf import settings
from django.contrib.auth.models import User
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from catalogue.models import LearningItemPage
from core.mail import queue_email
from core.portals import regions_base_url, site_base_url
from core.tasks import deliver_emails
from organisations.models import OrganisationEvent, Team, TeamMember
from organisations.services import OrganisationError, Person, log, managed_team_ids

from .models import TeamPath, TeamPathStep

TITLE_LENGTH = TeamPath._meta.get_field("title").max_length


class TeamPathError(OrganisationError):
    """A change to a team's path that is not allowed; the message is for the person."""


def _require_manager(team: Team, actor: Person) -> None:
    if team.pk not in managed_team_ids(actor):
        raise TeamPathError(_("Only a manager of this team can do this."))


def _locked(path: TeamPath, actor: Person) -> TeamPath:
    """The path, locked for this change, after checking the actor manages its team."""
    _require_manager(path.team, actor)
    return TeamPath.objects.select_for_update().select_related("team").get(pk=path.pk)


def _log(path: TeamPath, actor: Person, what: str) -> None:
    log(
        path.team.organisation,
        OrganisationEvent.Kind.TEAM_CHANGED,
        actor=actor,
        detail=f"{path.team.name}: {what}",
    )


def _clean_title(title: str) -> str:
    title = title.strip()
    if not title:
        raise TeamPathError(_("Give the path a title."))
    return title[:TITLE_LENGTH]


@transaction.atomic
def create_path(*, team: Team, title: str, description: str = "", actor: User) -> TeamPath:
    _require_manager(team, actor)
    path = TeamPath.objects.create(
        team=team, title=_clean_title(title), description=description.strip(), assigned_by=actor
    )
    _log(path, actor, _("learning path “%(title)s” created") % {"title": path.title})
    return path


@transaction.atomic
def edit_path(*, path: TeamPath, title: str, description: str, actor: User) -> TeamPath:
    path = _locked(path, actor)
    path.title, path.description = _clean_title(title), description.strip()
    path.save(update_fields=["title", "description"])
    _log(path, actor, _("learning path “%(title)s” changed") % {"title": path.title})
    return path


@transaction.atomic
def delete_path(*, path: TeamPath, actor: User) -> None:
    path = _locked(path, actor)
    _log(path, actor, _("learning path “%(title)s” removed") % {"title": path.title})
    path.delete()


@transaction.atomic
def add_step(
    *,
    path: TeamPath,
    item: LearningItemPage,
    due_date: datetime.date | None = None,
    actor: User,
) -> TeamPathStep:
    path = _locked(path, actor)
    if path.steps.filter(item=item).exists():
        raise TeamPathError(_("“%(title)s” is already in this path.") % {"title": item.title})
    last = path.steps.aggregate(last=Max("position"))["last"]
    step = TeamPathStep.objects.create(
        path=path, item=item, due_date=due_date, position=0 if last is None else last + 1
    )
    _log(
        path,
        actor,
        _("“%(item)s” added to learning path “%(title)s”")
        % {"item": item.title, "title": path.title},
    )
    return step


@transaction.atomic
def set_due_date(*, step: TeamPathStep, due_date: datetime.date | None, actor: User) -> None:
    path = _locked(step.path, actor)
    TeamPathStep.objects.filter(pk=step.pk, path=path).update(due_date=due_date)
    _log(
        path,
        actor,
        _("due date of “%(item)s” in learning path “%(title)s” changed")
        % {"item": step.item.title, "title": path.title},
    )


@transaction.atomic
def move_step(*, step: TeamPathStep, direction: Literal["up", "down"], actor: User) -> None:
    """Swap the step with its neighbour; at either end nothing changes."""
    path = _locked(step.path, actor)
    steps = list(path.steps.order_by("position", "pk"))
    index = next(i for i, each in enumerate(steps) if each.pk == step.pk)
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(steps):
        return
    steps[index], steps[other] = steps[other], steps[index]
    for position, each in enumerate(steps):
        if each.position != position:
            each.position = position
            each.save(update_fields=["position"])
    _log(path, actor, _("order of learning path “%(title)s” changed") % {"title": path.title})


@transaction.atomic
def remove_step(*, step: TeamPathStep, actor: User) -> None:
    path = _locked(step.path, actor)
    TeamPathStep.objects.filter(pk=step.pk, path=path).delete()
    _log(
        path,
        actor,
        _("“%(item)s” removed from learning path “%(title)s”")
        % {"item": step.item.title, "title": path.title},
    )


def members_of(team: Team) -> list[TeamMember]:
    """Whom a team's path is for: its members, not its managers."""
    return list(
        TeamMember.objects.filter(team=team, is_manager=False)
        .select_related("membership__user__profile")
        .order_by("membership__user__profile__full_name", "membership__user__username")
    )


@transaction.atomic
def assign_path(*, path: TeamPath, actor: User) -> int:
    """Members see the path from now on, with the actor as who assigned it; each gets one
    e-mail. Returns how many were e-mailed."""
    path = _locked(path, actor)
    if path.is_assigned:
        raise TeamPathError(_("This path has already been assigned."))
    if not path.steps.exists():
        raise TeamPathError(_("Add at least one item before you assign the path."))
    path.assigned_at, path.assigned_by = timezone.now(), actor
    path.save(update_fields=["assigned_at", "assigned_by"])
    _log(path, actor, _("learning path “%(title)s” assigned") % {"title": path.title})
    return _mail_members(path, actor)


def _mail_members(path: TeamPath, actor: User) -> int:
    organisation = path.team.organisation
    base_url = (
        regions_base_url([organisation.municipality.region_id])
        if organisation.municipality
        else site_base_url(None)
    )
    recipients = [
        place.membership.user
        for place in members_of(path.team)
        if place.membership.user.email and place.membership.user != actor
    ]
    assigner = getattr(getattr(actor, "profile", None), "full_name", "") or actor.get_username()
    email_ids = []
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "path": path,
            "assigner": assigner,
            "url": base_url + reverse("dashboard:home") + "#toegewezen",
        }
        subject = _("New learning path for your team: %(title)s") % {"title": path.title}
        body = render_to_string("learning/email/team_path_assigned.txt", context)
        for user in recipients:
            message = EmailMessage(subject=subject, body=body, to=[user.email])
            email_ids.append(queue_email(message, kind="learning.team_path", enqueue=False).pk)
    if email_ids:
        transaction.on_commit(lambda: deliver_emails.enqueue(email_ids=email_ids))
    return len(email_ids)
