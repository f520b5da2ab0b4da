"""Every change to personal access tokens."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import AccessToken, hash_secret, new_secret

MAX_ACTIVE_TOKENS = 10


class TokenError(Exception):
    """A rule stops the change; the message is for the person, in their language."""


@transaction.atomic
def create_access_token(*, user: User, name: str) -> tuple[AccessToken, str]:
    """A new token and its secret, which is shown once and never stored."""
    name = name.strip()
    if not name:
        raise TokenError(_("Give the token a name, so you know later what it is for."))
    if AccessToken.objects.of(user).active().count() >= MAX_ACTIVE_TOKENS:
        raise TokenError(
            _("You have %(count)d active tokens. Revoke one you no longer use first.")
            % {"count": MAX_ACTIVE_TOKENS}
        )
    secret = new_secret()
    token = AccessToken.objects.create(
        user=user, name=name, secret_hash=hash_secret(secret), hint=secret[:8]
    )
    return token, secret


@transaction.atomic
def revoke_access_token(*, user: User, token_id: int) -> AccessToken:
    """Only the owner revokes; someone else's token is as unknown as a missing one."""
    token = AccessToken.objects.of(user).select_for_update().filter(pk=token_id).first()
    if token is None:
        raise TokenError(_("This token does not exist."))
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def note_token_use(*, token: AccessToken) -> None:
    """Keeps the day a token was last used, for its owner's list. It writes on a GET, as
    a session does, but at most once a day per token and only that one column."""
    today = timezone.localdate()
    if token.last_used_on != today:
        AccessToken.objects.filter(pk=token.pk).update(last_used_on=today)
        token.last_used_on = today
