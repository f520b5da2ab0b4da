"""Every change to an organisation's workspace goes through these functions (views, sign-in,
demo and commands alike). Each checks who may do it, runs in one transaction and writes the
organisation's history."""

from __future__ import annotations

import re
import secrets
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth.models import AnonymousUser, User
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Profile
from core.mail import queue_email
from core.models import Organisation, hash_token

from .models import (
    Domain,
    Invitation,
    Membership,
    OrganisationEvent,
    Team,
    TeamMember,
)

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


# ---------------------------------------------------------------------------
# People: leaving, being removed, the first administrator
# ---------------------------------------------------------------------------


def _check_may_leave(membership: Membership) -> None:
    """The last administrator of an organisation with other members stays until someone
    else is administrator; an organisation of one may be left."""
    if not membership.is_admin:
        return
    others = Membership.objects.filter(organisation=membership.organisation_id).exclude(
        pk=membership.pk
    )
    if others.exists() and not others.filter(role=Membership.Role.ADMIN).exists():
        raise OrganisationError(
            _(
                "You are the organisation's only administrator. "
                "Make someone else administrator first."
            )
        )


@transaction.atomic
def leave(*, user: User) -> None:
    """The person leaves their organisation (and with it its teams)."""
    membership = Membership.objects.select_for_update().filter(user=user).first()
    if membership is None:
        raise OrganisationError(_("You are not a member of an organisation."))
    _check_may_leave(membership)
    log(membership.organisation, OrganisationEvent.Kind.LEFT, actor=user, subject=user)
    membership.delete()


@transaction.atomic
def remove_member(*, membership: Membership, actor: Person) -> None:
    """An administrator removes someone else from the organisation."""
    require_admin(membership.organisation, actor)
    if membership.user_id == actor.pk:
        raise OrganisationError(_("You cannot remove yourself. Leave the organisation instead."))
    locked = Membership.objects.select_for_update().get(pk=membership.pk)
    log(locked.organisation, OrganisationEvent.Kind.REMOVED, actor=actor, subject=locked.user)
    locked.delete()


def _is_editor(actor: Person, permission: str) -> bool:
    return actor.is_authenticated and actor.has_perm(permission)


@transaction.atomic
def appoint_admin(*, organisation: Organisation, user: User, actor: Person) -> Membership:
    """An editor (in /beheer/) makes someone an administrator: how an organisation
    starts, or goes on after its last administrator left. Someone of another organisation
    moves here."""
    if not _is_editor(actor, "organisations.add_membership"):
        raise OrganisationError(_("Only editors can appoint an administrator."))
    membership = Membership.objects.select_for_update().filter(user=user).first()
    if membership is not None and membership.organisation_id != organisation.pk:
        _check_may_leave(membership)
    membership = join(
        organisation=organisation,
        user=user,
        joined_by=Membership.JoinedBy.EDITOR,
        role=Membership.Role.ADMIN,
        actor=actor,
    )
    if not membership.is_admin:
        membership.role = Membership.Role.ADMIN
        membership.save(update_fields=["role"])
        log(
            organisation,
            OrganisationEvent.Kind.ROLE_CHANGED,
            actor=actor,
            subject=user,
            detail=membership.get_role_display(),
        )
    return membership


# ---------------------------------------------------------------------------
# E-mail domains
# ---------------------------------------------------------------------------

# Mail providers anyone can have an address at: registering one would let strangers in.
PUBLIC_MAIL_PROVIDERS = frozenset(
    {
        "aol.com",
        "caiway.nl",
        "casema.nl",
        "chello.nl",
        "freeler.nl",
        "gmail.com",
        "gmx.com",
        "gmx.net",
        "googlemail.com",
        "hetnet.nl",
        "home.nl",
        "hotmail.com",
        "hotmail.nl",
        "icloud.com",
        "kpnmail.nl",
        "kpnplanet.nl",
        "live.com",
        "live.nl",
        "mac.com",
        "mail.com",
        "me.com",
        "msn.com",
        "online.nl",
        "outlook.com",
        "outlook.nl",
        "planet.nl",
        "pm.me",
        "proton.me",
        "protonmail.com",
        "quicknet.nl",
        "solcon.nl",
        "tele2.nl",
        "telfort.nl",
        "tiscali.nl",
        "upcmail.nl",
        "versatel.nl",
        "xs4all.nl",
        "yahoo.com",
        "yahoo.nl",
        "ymail.com",
        "zeelandnet.nl",
        "ziggo.nl",
        "zonnet.nl",
    }
)
DOMAIN_PATTERN = re.compile(r"^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


def normalise_domain(domain: str) -> str:
    """ "@Gemeente.NL " and "gemeente.nl" are the same domain."""
    return domain.strip().lower().lstrip("@").rstrip(".")


def domain_of(email: str) -> str:
    return email.rpartition("@")[2].lower()


def verified_domains(user: User) -> set[str]:
    addresses = EmailAddress.objects.filter(user=user, verified=True)
    return {domain_of(email) for email in addresses.values_list("email", flat=True)}


@transaction.atomic
def add_domain(*, organisation: Organisation, domain: str, actor: Person) -> Domain:
    """Register an e-mail domain. An administrator needs a verified address at exactly
    that domain themselves (so nobody claims another's); an editor may register any. The
    verified people at the domain without an organisation join at once."""
    domain = normalise_domain(domain)
    if not DOMAIN_PATTERN.match(domain):
        raise OrganisationError(_("Type a domain such as gemeente.nl, without the @."))
    if domain in PUBLIC_MAIL_PROVIDERS:
        raise OrganisationError(
            _(
                "%(domain)s is a public mail provider: anyone can have an address there. "
                "Register your organisation's own domain."
            )
            % {"domain": domain}
        )
    if not _is_editor(actor, "organisations.add_domain"):
        require_admin(organisation, actor)
        assert isinstance(actor, User)  # an administrator is logged in
        if domain not in verified_domains(actor):
            raise OrganisationError(
                _(
                    "You can only register the domain of your own verified e-mail address. "
                    "Add and verify an address at %(domain)s first, or ask the platform's "
                    "editors."
                )
                % {"domain": domain}
            )
    if Domain.objects.filter(domain=domain).exists():
        raise OrganisationError(
            _("The domain %(domain)s is already registered.") % {"domain": domain}
        )
    registered = Domain.objects.create(
        organisation=organisation,
        domain=domain,
        added_by=actor if actor.is_authenticated else None,
    )
    log(organisation, OrganisationEvent.Kind.DOMAIN_ADDED, actor=actor, detail=domain)
    waiting = (
        EmailAddress.objects.filter(verified=True, email__iendswith="@" + domain)
        .filter(user__organisation_membership__isnull=True)
        .select_related("user")
    )
    for address in waiting:
        join(
            organisation=organisation,
            user=address.user,
            joined_by=Membership.JoinedBy.DOMAIN,
            actor=address.user,
        )
    return registered


@transaction.atomic
def remove_domain(*, domain: Domain, actor: Person) -> None:
    """Nobody joins through it any more; who joined stays."""
    if not _is_editor(actor, "organisations.delete_domain"):
        require_admin(domain.organisation, actor)
    log(
        domain.organisation,
        OrganisationEvent.Kind.DOMAIN_REMOVED,
        actor=actor,
        detail=domain.domain,
    )
    domain.delete()


@transaction.atomic
def join_by_verified_address(*, address: EmailAddress) -> Membership | None:
    """A verified address at a registered domain makes its owner a member, unless they
    already belong to an organisation (a domain never moves anyone)."""
    if not address.verified:
        return None
    domain = (
        Domain.objects.select_related("organisation")
        .filter(domain=domain_of(address.email))
        .first()
    )
    if domain is None:
        return None
    if Membership.objects.filter(user=address.user_id).exists():
        return None
    return join(
        organisation=domain.organisation,
        user=address.user,
        joined_by=Membership.JoinedBy.DOMAIN,
        actor=address.user,
    )


# ---------------------------------------------------------------------------
# Invitations
# ---------------------------------------------------------------------------

INVITATION_VALID_DAYS = 14


@transaction.atomic
def invite(
    *,
    organisation: Organisation,
    email: str,
    role: Membership.Role,
    actor: Person,
    base_url: str,
) -> tuple[Invitation, str]:
    """E-mail a single-use link into the organisation with a role; returns the invitation
    and its token (which is only ever e-mailed; the database keeps its hash)."""
    admin = require_admin(organisation, actor)
    email = email.strip().lower()
    if Membership.objects.filter(organisation=organisation, user__email__iexact=email).exists():
        raise OrganisationError(_("This person is already a member of the organisation."))
    if Invitation.objects.filter(
        organisation=organisation,
        email=email,
        accepted_at__isnull=True,
        expires_at__gt=timezone.now(),
    ).exists():
        raise OrganisationError(
            _("An invitation to this address is still open. Withdraw it to send a new one.")
        )
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        organisation=organisation,
        email=email,
        role=role,
        token_hash=hash_token(token),
        invited_by=admin.user,
        expires_at=timezone.now() + timedelta(days=INVITATION_VALID_DAYS),
    )
    # The history names the role, not the address: it outlives the invitation.
    log(
        organisation,
        OrganisationEvent.Kind.INVITED,
        actor=actor,
        detail=invitation.get_role_display(),
    )
    context = {
        "organisation": organisation,
        "role": invitation.get_role_display(),
        "url": base_url + reverse("organisations:accept_invitation", kwargs={"token": token}),
        "valid_until": invitation.expires_at,
    }
    message = EmailMultiAlternatives(
        subject=_("Invitation to join %(name)s") % {"name": organisation.name},
        body=render_to_string("organisations/email/invitation.txt", context),
        to=[email],
    )
    message.attach_alternative(
        render_to_string("organisations/email/invitation.html", context), "text/html"
    )
    queue_email(message, kind="organisations.invitation")
    return invitation, token


def find_invitation(token: str) -> Invitation | None:
    """The usable invitation of this token, or None: unknown, used and expired look alike."""
    invitation = (
        Invitation.objects.select_related("organisation")
        .filter(token_hash=hash_token(token))
        .first()
    )
    return invitation if invitation is not None and invitation.is_usable else None


@transaction.atomic
def accept_invitation(*, token: str, user: User) -> Membership:
    """Join with the invitation's role; someone of another organisation moves here."""
    invitation = Invitation.objects.select_for_update().filter(token_hash=hash_token(token)).first()
    if invitation is None or not invitation.is_usable:
        raise OrganisationError(
            _("This invitation link is no longer valid. Ask the administrator for a new one.")
        )
    current = Membership.objects.select_for_update().filter(user=user).first()
    if current is not None and current.organisation_id != invitation.organisation_id:
        _check_may_leave(current)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    if current is not None and current.organisation_id == invitation.organisation_id:
        return current
    return join(
        organisation=invitation.organisation,
        user=user,
        joined_by=Membership.JoinedBy.INVITATION,
        role=Membership.Role(invitation.role),
        actor=user,
    )


@transaction.atomic
def withdraw_invitation(*, invitation: Invitation, actor: Person) -> None:
    require_admin(invitation.organisation, actor)
    log(
        invitation.organisation,
        OrganisationEvent.Kind.INVITED,
        actor=actor,
        detail=_("withdrawn"),
    )
    invitation.delete()


# ---------------------------------------------------------------------------
# Teams
# ---------------------------------------------------------------------------


@transaction.atomic
def rename_team(*, team: Team, name: str, actor: Person) -> Team:
    require_admin(team.organisation, actor)
    name = name.strip()
    if not name:
        raise OrganisationError(_("Give the team a name."))
    others = Team.objects.filter(organisation=team.organisation_id).exclude(pk=team.pk)
    if others.filter(name__iexact=name).exists():
        raise OrganisationError(_("The organisation already has a team with this name."))
    old_name, team.name = team.name, name
    team.save(update_fields=["name"])
    log(
        team.organisation,
        OrganisationEvent.Kind.TEAM_CHANGED,
        actor=actor,
        detail=f"{old_name} → {name}",
    )
    return team


@transaction.atomic
def delete_team(*, team: Team, actor: Person) -> None:
    """The team goes; its members stay in the organisation."""
    require_admin(team.organisation, actor)
    log(
        team.organisation,
        OrganisationEvent.Kind.TEAM_CHANGED,
        actor=actor,
        detail=_("%(name)s removed") % {"name": team.name},
    )
    team.delete()


@transaction.atomic
def remove_from_team(*, team: Team, membership: Membership, actor: Person) -> None:
    require_admin(team.organisation, actor)
    TeamMember.objects.filter(team=team, membership=membership).delete()
    log(
        team.organisation,
        OrganisationEvent.Kind.TEAM_CHANGED,
        actor=actor,
        subject=membership.user,
        detail=team.name,
    )


# ---------------------------------------------------------------------------
# Personal data (core.privacy)
# ---------------------------------------------------------------------------


def personal_data(*, user: User, base_url: str) -> dict[str, object]:
    """The membership and its teams, invitations to and from the person, and the
    organisation's history about them. Not whom the person invited: that is someone else."""
    membership = membership_of(user)
    received = Invitation.objects.filter(email__in=_addresses(user)) | (
        Invitation.objects.filter(accepted_by=user)
    )
    history = OrganisationEvent.objects.filter(subject=user) | OrganisationEvent.objects.filter(
        actor=user
    )
    return {
        "organisation_membership": {
            "organisation": membership.organisation.name,
            "role": membership.get_role_display(),
            "joined_by": membership.get_joined_by_display(),
            "member_since": membership.created_at.isoformat(),
            "managers_may_see": membership.get_sharing_display(),
            "teams": [
                {"team": place.team.name, "manager": place.is_manager}
                for place in membership.team_members.select_related("team")
            ],
        }
        if membership
        else None,
        "organisation_invitations_received": [
            {
                "organisation": invitation.organisation.name,
                "role": invitation.get_role_display(),
                "sent_at": invitation.created_at.isoformat(),
                "accepted_at": invitation.accepted_at.isoformat()
                if invitation.accepted_at
                else None,
            }
            for invitation in received.distinct().select_related("organisation")
        ],
        "organisation_invitations_sent": [
            {
                "organisation": invitation.organisation.name,
                "role": invitation.get_role_display(),
                "sent_at": invitation.created_at.isoformat(),
            }
            for invitation in Invitation.objects.filter(invited_by=user).select_related(
                "organisation"
            )
        ],
        "organisation_domains_registered": [
            {"domain": domain.domain, "organisation": domain.organisation.name}
            for domain in Domain.objects.filter(added_by=user).select_related("organisation")
        ],
        "organisation_history": [
            {
                "organisation": event.organisation.name,
                "what": event.get_kind_display(),
                "by_you": event.actor_id == user.pk,
                "about_you": event.subject_id == user.pk,
                "detail": event.detail,
                "when": event.created_at.isoformat(),
            }
            for event in history.distinct().select_related("organisation")
        ],
    }


def _addresses(user: User) -> list[str]:
    emails = set(EmailAddress.objects.filter(user=user).values_list("email", flat=True))
    return sorted({email.lower() for email in emails | {user.email} if email})


def prepare_removal(*, user: User) -> None:
    """Before the account goes (core.privacy deletes the membership): the history says a
    former member left, and invitations to the person's addresses go, as they name them.
    An organisation left without administrator keeps working; editors appoint a new one."""
    membership = Membership.objects.select_related("organisation").filter(user=user).first()
    if membership is not None:
        log(membership.organisation, OrganisationEvent.Kind.LEFT, actor=None)
    Invitation.objects.filter(email__in=_addresses(user)).delete()
