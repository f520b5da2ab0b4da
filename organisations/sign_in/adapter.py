"""allauth's social accounts as the organisations' sign-in (settings.SOCIALACCOUNT_ADAPTER).

Only organisations' providers exist, and only those switched on count: allauth looks an
app up through `list_apps`, so the log-in and callback of a switched-off one answer 404.
"""

from __future__ import annotations

from typing import Any

from allauth.account.signals import user_logged_in
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.models import SocialApp, SocialLogin
from django.contrib import messages
from django.contrib.auth.models import User
from django.dispatch import receiver
from django.http import HttpRequest
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from ..models import SignIn
from . import services


def _claims(sociallogin: SocialLogin) -> dict[str, Any]:
    """What the provider said about the person, as allauth's OpenID Connect provider reads
    it: the userinfo response, else the ID token."""
    data = sociallogin.account.extra_data or {}
    return data.get("userinfo") or data.get("id_token") or {}


def _sign_in(sociallogin: SocialLogin) -> SignIn | None:
    return (
        SignIn.objects.select_related("organisation")
        .filter(app__provider_id=sociallogin.account.provider, is_active=True)
        .first()
    )


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def list_apps(
        self, request: HttpRequest, provider: str | None = None, client_id: str | None = None
    ) -> list[SocialApp]:
        apps = super().list_apps(request, provider=provider, client_id=client_id)
        active = set(
            SignIn.objects.filter(
                is_active=True, app__in=[app.pk for app in apps if app.pk]
            ).values_list("app_id", flat=True)
        )
        return [app for app in apps if app.pk in active]

    def pre_social_login(self, request: HttpRequest, sociallogin: SocialLogin) -> None:
        """Before allauth finds or makes the account: the address must be one the provider
        verified, at one of the organisation's domains the sign-in is for."""
        sign_in = _sign_in(sociallogin)
        try:
            if sign_in is None:
                raise services.SignInError(_("Your organisation's sign-in is switched off."))
            services.check_claims(sign_in, _claims(sociallogin))
        except services.SignInError as error:
            messages.error(request, error.message)
            raise ImmediateHttpResponse(redirect("account_login")) from None


@receiver(user_logged_in)
def land_in_organisation(sender: type, *, user: User, **kwargs: Any) -> None:
    """After a log-in through an organisation's provider (after the second factor, where
    it applies), the person is a member of that organisation."""
    sociallogin = kwargs.get("sociallogin")
    if sociallogin is None:
        return
    sign_in = _sign_in(sociallogin)
    if sign_in is not None:
        services.join_after_sign_in(user=user, sign_in=sign_in)
