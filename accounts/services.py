"""Every change to a profile goes through these functions (views, admin, demo alike)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail import hooks

from core.models import LearningForm, Municipality, Organisation, Role

from .models import Profile


class ProfileError(Exception):
    """A profile change that is not allowed; the message is translated for the person."""


@dataclass(frozen=True, kw_only=True)
class ProfileDetails:
    """What a person tells about themselves in the onboarding and on their profile page."""

    full_name: str
    role: Role | None
    organisation: Organisation | None = None
    other_organisation: str = ""
    municipality: Municipality | None = None
    learning_forms: Sequence[LearningForm] = field(default_factory=tuple)
    has_newsletter_consent: bool = False
    has_report_consent: bool = False

    def fields(self) -> dict[str, Any]:
        return {
            "full_name": self.full_name.strip(),
            "role": self.role,
            "organisation": self.organisation,
            # A chosen organisation wins over a typed name; the form sends one of both.
            "other_organisation": "" if self.organisation else self.other_organisation.strip(),
            "municipality": self.municipality,
            "has_newsletter_consent": self.has_newsletter_consent,
            "has_report_consent": self.has_report_consent,
        }


@dataclass(frozen=True)
class VouchedOrganisation:
    """An organisation another app vouches for (organisations: a verified membership), and
    the page where the person manages it."""

    organisation: Organisation
    url: str


def vouched_organisation(user: Any) -> VouchedOrganisation | None:
    """Apps above accounts vouch for a person's organisation with the hook
    `profile_organisation`: functions (user) -> VouchedOrganisation | None. The profile
    then names that organisation and the person cannot change it there, so the profile
    and the membership never disagree."""
    for vouch in hooks.get_hooks("profile_organisation"):
        if (found := vouch(user)) is not None:
            return found  # type: ignore[no-any-return]
    return None


def _with_vouched_organisation(user: Any, details: ProfileDetails) -> ProfileDetails:
    vouched = vouched_organisation(user)
    if vouched is None:
        return details
    return replace(details, organisation=vouched.organisation, other_organisation="")


def _check(details: ProfileDetails) -> None:
    if not details.full_name.strip():
        raise ProfileError(_("Fill in your name."))
    if details.role is None:
        raise ProfileError(_("Choose your role."))


def has_completed_onboarding(user: Any) -> bool:
    return bool(user.is_authenticated and Profile.objects.filter(user=user).exists())


@transaction.atomic
def complete_onboarding(*, user: Any, details: ProfileDetails) -> Profile:
    """Make the profile of someone who just signed up."""
    _check(details)
    details = _with_vouched_organisation(user, details)
    if Profile.objects.filter(user=user).exists():
        raise ProfileError(_("You have already filled in your profile."))
    profile = Profile.objects.create(user=user, **details.fields())
    profile.learning_forms.set(details.learning_forms)
    _profile_saved(profile)
    return profile


@transaction.atomic
def update_profile(*, user: Any, details: ProfileDetails) -> Profile:
    """Change a person's own profile; only the owner can, so it is looked up by user."""
    _check(details)
    details = _with_vouched_organisation(user, details)
    profile = Profile.objects.select_for_update().filter(user=user).first()
    if profile is None:
        raise ProfileError(_("Fill in your profile first."))
    for name, value in details.fields().items():
        setattr(profile, name, value)
    profile.save()
    profile.learning_forms.set(details.learning_forms)
    _profile_saved(profile)
    return profile


def _profile_saved(profile: Profile) -> None:
    """Higher apps act on what a person chose on their profile (the newsletter follows
    its consent) with the hook `profile_saved`, in the same transaction."""
    for follow in hooks.get_hooks("profile_saved"):
        follow(profile=profile)


@transaction.atomic
def withdraw_newsletter_consent(*, user: Any) -> None:
    """The person left the newsletter elsewhere (a link in an edition): the profile says
    so too. Not a profile save, so the hook does not run again."""
    Profile.objects.filter(user=user).update(has_newsletter_consent=False)


def merge_other_organisation(*, profile_ids: Iterable[int], organisation: Organisation) -> int:
    """Link profiles that typed an organisation name to the organisation from the list.

    Returns how many profiles changed. Profiles that already chose an organisation from
    the list are left alone.
    """
    # One UPDATE statement, so no row lock is needed.
    profiles = Profile.objects.filter(pk__in=list(profile_ids)).exclude(other_organisation="")
    return profiles.update(organisation=organisation, other_organisation="")


def personal_data(*, user: Any, base_url: str) -> dict[str, Any]:
    """The account, its addresses, second factor and sign-ins through an organisation's
    provider, and the profile, for the download.
    Never a password hash or the secret of an authenticator."""
    profile = Profile.objects.visible_to(user).prefetch_related("learning_forms").first()
    return {
        "account": {
            "username": user.username,
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "groups": list(user.groups.values_list("name", flat=True)),
            "permissions": list(user.user_permissions.values_list("codename", flat=True)),
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user)
        ],
        "second_factor": [
            {
                "type": authenticator.type,
                "set_up_at": authenticator.created_at.isoformat(),
                "last_used_at": authenticator.last_used_at.isoformat()
                if authenticator.last_used_at
                else None,
            }
            for authenticator in Authenticator.objects.filter(user=user)
        ],
        # Accounts at organisations' own sign-in (organisations.sign_in): what their
        # provider said about the person at the last log-in.
        "organisation_sign_ins": [
            {
                "provider": account.provider,
                "subject": account.uid,
                "connected_at": account.date_joined.isoformat(),
                "last_login": account.last_login.isoformat(),
                "details_from_provider": account.extra_data,
            }
            for account in SocialAccount.objects.filter(user=user)
        ],
        "profile": {
            "full_name": profile.full_name,
            "role": str(profile.role) if profile.role else None,
            "organisation": profile.organisation_name,
            "municipality": str(profile.municipality) if profile.municipality else None,
            "preferred_learning_forms": [str(form) for form in profile.learning_forms.all()],
            "wants_newsletter": profile.has_newsletter_consent,
            "progress_in_anonymous_reports": profile.has_report_consent,
        }
        if profile
        else None,
    }
