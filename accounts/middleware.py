from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.http import urlencode

from .mfa import SecondFactorRequired, is_verified, second_factor_redirect

ADMIN_PREFIX = "/beheer/"
PRIVATE_PREFIXES = ("/account/", "/mijn/")


class PrivateAccountPagesMiddleware:
    """Account pages hold personal data or a form, so no browser or proxy may keep them.

    Not all of allauth's views say so themselves (e.g. the password reset form). The
    anonymous page cache of core already passes them by: rendering a CSRF token makes the
    response set the CSRF cookie, and responses that set cookies are never cached.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path_info.startswith(PRIVATE_PREFIXES):
            add_never_cache_headers(response)
        return response


def can_use_admin(user: object) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and (getattr(user, "is_staff", False) or user.has_perm("wagtailadmin.access_admin"))  # type: ignore[attr-defined]
    )


class SecondFactorMiddleware:
    """The second factor (see accounts.mfa): for all of /beheer/ by prefix, and for the
    front-end views that raise `SecondFactorRequired`.

    Wagtail's own log-in form would skip the code question, so it sends people to
    allauth's log-in instead.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not settings.ADMIN_REQUIRES_TOTP or not request.path_info.startswith(ADMIN_PREFIX):
            return self.get_response(request)
        if request.path_info == f"{ADMIN_PREFIX}login/":
            next_url = request.GET.get("next", reverse("wagtailadmin_home"))
            return redirect(f"{reverse('account_login')}?{urlencode({'next': next_url})}")
        if can_use_admin(request.user) and not is_verified(request):
            return second_factor_redirect(request)
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, SecondFactorRequired):
            return second_factor_redirect(request)
        return None
