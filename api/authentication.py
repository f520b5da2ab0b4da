"""The personal API's log-in: `Authorization: Bearer <token>`, nothing else (no session,
so a page on another site cannot use the visitor's log-in through CORS)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.request import Request

from .models import AccessToken
from .services import note_token_use

UNKNOWN = _("This access token is unknown or revoked. Make a new one on your profile.")


class AccessTokenAuthentication(BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request: Request) -> tuple[Any, AccessToken] | None:
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != self.keyword.lower().encode():
            return None
        if len(parts) != 2:
            raise AuthenticationFailed(UNKNOWN)
        try:
            secret = parts[1].decode()
        except UnicodeDecodeError as error:
            raise AuthenticationFailed(UNKNOWN) from error
        token = AccessToken.objects.by_secret(secret).first()
        if token is None or not token.user.is_active:
            raise AuthenticationFailed(UNKNOWN)
        note_token_use(token=token)
        return token.user, token

    def authenticate_header(self, request: Request) -> str:
        # Makes a missing or wrong token a 401 (with this challenge), not a 403.
        return f'{self.keyword} realm="api"'
