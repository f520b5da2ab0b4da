"""Limits per client, counted in the shared cache so every web worker counts together."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import Throttled
from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle


class TooManyRequests(Throttled):
    default_detail = _("You sent too many requests to the API.")
    extra_detail_singular = _("Try again in {wait} second.")
    extra_detail_plural = _("Try again in {wait} seconds.")


class ClientRateThrottle(SimpleRateThrottle):
    """Per token for the personal API, else per client address (the address the proxy
    names, see `NUM_PROXIES`). DRF keeps the counts in the default cache: the database
    cache or Redis, shared by all processes."""

    scope = "api"

    def get_rate(self) -> str:
        # Read at each request rather than at import, so settings can change it (tests).
        return settings.API_RATE_LIMIT  # type: ignore[no-any-return]

    def get_cache_key(self, request: Request, view: Any) -> str:
        token = getattr(request, "auth", None)
        ident = f"token-{token.pk}" if token is not None else self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}
