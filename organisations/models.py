"""An organisation as a workspace: who belongs to it and in which role, its e-mail domains,
invitations, teams and history. The organisation itself is `core.Organisation` (taxonomy
that profiles, records and pages point at); everything here hangs off it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import EmailInvitation, Organisation


class Membership(models.Model):
    """A person's verified place in one organisation (one at a time, as a profile names one).
    `profile.organisation` follows it; a profile without a membership only says where the
    person claims to work."""

    class Role(models.TextChoices):
        ADMIN = "admin", _("Administrator")
        MANAGER = "manager", _("Manager")
        MEMBER = "member", _("Member")

    class JoinedBy(models.TextChoices):
        DOMAIN = "domain", _("E-mail address at the organisation's domain")
        INVITATION = "invitation", _("Invitation")
        SIGN_IN = "sign_in", _("Sign-in with the organisation's account")
        EDITOR = "editor", _("Added by an editor")

    class Sharing(models.TextChoices):
        """What the person's managers may see of their learning. Never answers to practice
        assignments and never anything of a circle, whatever is chosen."""

        NOTHING = "nothing", _("Nothing")
        ASSIGNED = "assigned", _("Whether I completed what my team was assigned")
        ALL = "all", _("That, and what else I completed on the platform")

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="organisation_membership",
        verbose_name=_("person"),
    )
    role = models.CharField(_("role"), max_length=8, choices=Role.choices, default=Role.MEMBER)
    joined_by = models.CharField(_("joined by"), max_length=10, choices=JoinedBy.choices)
    sharing = models.CharField(
        _("managers may see"), max_length=8, choices=Sharing.choices, default=Sharing.ASSIGNED
    )
    created_at = models.DateTimeField(_("member since"), default=timezone.now)

    class Meta:
        verbose_name = _("organisation membership")
        verbose_name_plural = _("organisation memberships")
        indexes = [models.Index(fields=["organisation", "role"])]

    def __str__(self) -> str:
        return f"{self.user} ({self.organisation})"

    @property
    def is_admin(self) -> bool:
        return self.role == self.Role.ADMIN


class Domain(models.Model):
    """An e-mail domain of the organisation: a person whose verified address ends in it joins
    the organisation. Only an administrator with a verified address at that very domain (or
    an editor) registers one, and public mail providers are refused, so nobody claims
    gmail.com for their organisation."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="domains",
        verbose_name=_("organisation"),
    )
    domain = models.CharField(_("domain"), max_length=253, unique=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("added by"),
    )
    created_at = models.DateTimeField(_("added at"), default=timezone.now)

    class Meta:
        verbose_name = _("e-mail domain")
        verbose_name_plural = _("e-mail domains")
        ordering = ["domain"]

    def __str__(self) -> str:
        return self.domain


class Invitation(EmailInvitation):
    """An e-mailed, single-use link into the organisation with a role."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("organisation"),
    )
    role = models.CharField(
        _("role"), max_length=8, choices=Membership.Role.choices, default=Membership.Role.MEMBER
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]


class Team(models.Model):
    """A group of the organisation's members with one or more managers."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="teams", verbose_name=_("organisation")
    )
    name = models.CharField(_("name"), max_length=120)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"], name="team_name_per_organisation"
            )
        ]

    def __str__(self) -> str:
        return self.name


class TeamMember(models.Model):
    """A member in a team; `is_manager` makes them one of its managers. Through the
    membership, leaving the organisation leaves its teams."""

    team = models.ForeignKey(
        Team, on_delete=models.CASCADE, related_name="team_members", verbose_name=_("team")
    )
    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="team_members", verbose_name=_("member")
    )
    is_manager = models.BooleanField(_("manager of the team"), default=False)

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        constraints = [
            models.UniqueConstraint(fields=["team", "membership"], name="one_place_per_team")
        ]

    def __str__(self) -> str:
        return f"{self.membership.user} ({self.team})"


class OrganisationEvent(models.Model):
    """One line of an organisation's history: who changed what, when."""

    class Kind(models.TextChoices):
        JOINED = "joined", _("joined")
        INVITED = "invited", _("invited someone")
        ROLE_CHANGED = "role_changed", _("changed a role")
        REMOVED = "removed", _("removed a member")
        LEFT = "left", _("left the organisation")
        DOMAIN_ADDED = "domain_added", _("registered an e-mail domain")
        DOMAIN_REMOVED = "domain_removed", _("removed an e-mail domain")
        TEAM_CHANGED = "team_changed", _("changed a team")
        SIGN_IN_CHANGED = (
            "sign_in_changed",
            _("changed the sign-in with the organisation's account"),
        )
        RESERVED = "reserved", _("reserved seats")

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="history",
        verbose_name=_("organisation"),
    )
    kind = models.CharField(_("what"), max_length=20, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
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

    class Meta:
        verbose_name = _("history entry")
        verbose_name_plural = _("history")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.created_at:%Y-%m-%d})"


class SignIn(models.Model):
    """Sign-in with the organisation's own account (OpenID Connect, e.g. a municipality's
    Microsoft Entra ID), set up by its administrator. The provider's address, client id and
    secret live in allauth's `SocialApp` (provider "openid_connect", provider_id
    "org-<slug>"), which allauth's views read; this row says whose it is, whether it is on
    and for which of the organisation's e-mail domains."""

    organisation = models.OneToOneField(
        Organisation,
        on_delete=models.CASCADE,
        related_name="sign_in",
        verbose_name=_("organisation"),
    )
    app = models.OneToOneField(
        "socialaccount.SocialApp",
        on_delete=models.CASCADE,
        related_name="organisation_sign_in",
        verbose_name=_("OpenID Connect app"),
    )
    is_active = models.BooleanField(_("on"), default=False)
    domains = models.ManyToManyField(
        Domain, blank=True, related_name="sign_ins", verbose_name=_("for addresses at")
    )
    updated_at = models.DateTimeField(_("changed at"), default=timezone.now)

    class Meta:
        verbose_name = _("sign-in with the organisation's account")
        verbose_name_plural = _("sign-ins with the organisation's account")

    def __str__(self) -> str:
        return str(self.organisation)
