"""Every change to an organisation's workspace goes through these functions (views, sign-in,
demo and commands alike). Each checks who may do it, runs in one transaction and writes the
organisation's history."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import Profile
from core.models import Organisation

from .models import Membership, OrganisationEvent, Team, TeamMember

Person = User | AnonymousUser


class OrganisationError(Exception):
    """A change that is not allowed; the message is translated for the person."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def membership_of(user: Person) -> Membership | None:
    """The person's verified membership, with its organisation, or None."""
    if not user.is_authenticated:
        return None
    return Membership.objects.select_related("organisation").filter(user=user).first()


def log(
    organisation: Organisation,
    kind: OrganisationEvent.Kind,
    *,
    actor: Person | None,
    subject: User | None = None,
    detail: str = "",
) -> None:
    OrganisationEvent.objects.create(
        organisation=organisation,
        kind=kind,
        actor=actor if actor is not None and actor.is_authenticated else None,
        subject=subject,
        detail=detail[:255],
    )


def require_admin(organisation: Organisation, actor: Person) -> Membership:
    """The actor's membership if they administer this organisation; otherwise an error."""
    membership = membership_of(actor)
    if (
        membership is None
        or membership.organisation_id != organisation.pk
        or not membership.is_admin
    ):
        raise OrganisationError(_("Only the organisation's administrators can do this."))
    return membership


@transaction.atomic
def join(
    *,
    organisation: Organisation,
    user: User,
    joined_by: Membership.JoinedBy,
    role: Membership.Role = Membership.Role.MEMBER,
    actor: Person | None = None,
) -> Membership:
    """Make the person a member (moving them from another organisation, leaving its teams).
    Their profile names the organisation from now on. Joining again keeps the role."""
    membership = Membership.objects.select_for_update().filter(user=user).first()
    if membership is not None and membership.organisation_id == organisation.pk:
        return membership
    if membership is not None:
        log(membership.organisation, OrganisationEvent.Kind.LEFT, actor=actor, subject=user)
        membership.delete()
    membership = Membership.objects.create(
        organisation=organisation, user=user, role=role, joined_by=joined_by
    )
    Profile.objects.filter(user=user).update(organisation=organisation, other_organisation="")
    log(
        organisation,
        OrganisationEvent.Kind.JOINED,
        actor=actor or user,
        subject=user,
        detail=membership.get_joined_by_display(),
    )
    return membership


@transaction.atomic
def set_role(*, membership: Membership, role: Membership.Role, actor: Person) -> Membership:
    require_admin(membership.organisation, actor)
    locked = Membership.objects.select_for_update().get(pk=membership.pk)
    if locked.role == Membership.Role.ADMIN and role != Membership.Role.ADMIN:
        admins = Membership.objects.filter(
            organisation=locked.organisation_id, role=Membership.Role.ADMIN
        )
        if admins.count() == 1:
            raise OrganisationError(
                _(
                    "An organisation keeps at least one administrator. "
                    "Make someone else administrator first."
                )
            )
    locked.role = role
    locked.save(update_fields=["role"])
    if role == Membership.Role.MEMBER:
        # Only administrators and managers manage teams.
        locked.team_members.update(is_manager=False)
    log(
        locked.organisation,
        OrganisationEvent.Kind.ROLE_CHANGED,
        actor=actor,
        subject=locked.user,
        detail=locked.get_role_display(),
    )
    return locked


@transaction.atomic
def create_team(*, organisation: Organisation, name: str, actor: Person) -> Team:
    require_admin(organisation, actor)
    name = name.strip()
    if not name:
        raise OrganisationError(_("Give the team a name."))
    if Team.objects.filter(organisation=organisation, name__iexact=name).exists():
        raise OrganisationError(_("The organisation already has a team with this name."))
    team = Team.objects.create(organisation=organisation, name=name)
    log(organisation, OrganisationEvent.Kind.TEAM_CHANGED, actor=actor, detail=name)
    return team


@transaction.atomic
def put_in_team(
    *, team: Team, membership: Membership, is_manager: bool = False, actor: Person
) -> TeamMember:
    """Add a member to a team, or change whether they manage it."""
    require_admin(team.organisation, actor)
    if membership.organisation_id != team.organisation_id:
        raise OrganisationError(_("Only members of the organisation can join its teams."))
    if is_manager and membership.role == Membership.Role.MEMBER:
        raise OrganisationError(_("Make this person a manager first; then they can lead a team."))
    place, _created = TeamMember.objects.update_or_create(
        team=team, membership=membership, defaults={"is_manager": is_manager}
    )
    log(
        team.organisation,
        OrganisationEvent.Kind.TEAM_CHANGED,
        actor=actor,
        subject=membership.user,
        detail=team.name,
    )
    return place


@transaction.atomic
def set_sharing(*, user: User, sharing: Membership.Sharing) -> Membership:
    """The person decides what their managers see; it applies at once."""
    membership = Membership.objects.select_for_update().filter(user=user).first()
    if membership is None:
        raise OrganisationError(_("You are not a member of an organisation."))
    membership.sharing = sharing
    membership.save(update_fields=["sharing"])
    return membership


def managed_team_ids(user: Person) -> list[int]:
    """The teams this person manages (as a team's manager; administrators manage all)."""
    membership = membership_of(user)
    if membership is None:
        return []
    teams = Team.objects.filter(organisation=membership.organisation_id)
    if not membership.is_admin:
        teams = teams.filter(team_members__membership=membership, team_members__is_manager=True)
    return list(teams.values_list("pk", flat=True))
