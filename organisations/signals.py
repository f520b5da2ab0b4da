"""Joining by e-mail domain: when allauth verifies an address, or someone signs up with an
address that is verified already, its owner joins the organisation that registered the
domain, and is told so on their next page. Who signs up through an organisation's own
sign-in joins that organisation through the sign-in instead."""

from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress
from allauth.account.signals import email_confirmed, user_signed_up
from django.contrib import messages
from django.dispatch import receiver
from django.http import HttpRequest
from django.utils.translation import gettext as _

from .models import Membership
from .services import join_by_verified_address


def _tell(request: HttpRequest | None, membership: Membership | None, email: str) -> None:
    if request is not None and membership is not None:
        messages.success(
            request,
            _(
                "Your e-mail address is at %(domain)s, so you are now a member of "
                "%(organisation)s. See “My organisation” in My learning environment."
            )
            % {
                "domain": email.rpartition("@")[2],
                "organisation": membership.organisation.name,
            },
        )


@receiver(email_confirmed)
def join_on_confirmation(
    sender: Any, request: HttpRequest | None, email_address: EmailAddress, **kwargs: Any
) -> None:
    _tell(request, join_by_verified_address(address=email_address), email_address.email)


@receiver(user_signed_up)
def join_on_sign_up(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if kwargs.get("sociallogin") is not None:
        # Signed in with the organisation's own account: the sign-in puts them in the
        # organisation whose provider vouched for them (organisations.sign_in).
        return
    for address in EmailAddress.objects.filter(user=user, verified=True):
        membership = join_by_verified_address(address=address)
        if membership is not None:
            _tell(request, membership, address.email)
            return
