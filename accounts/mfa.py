"""The second factor (allauth's MFA) for everything beyond a learner's own rights.

Where the line is. A learner reads and changes their own data (profile, registrations,
progress, answers, certificates) and shares the workspace of the circles they belong to.
Every right beyond that needs a session that passed the second factor:

- /beheer/, Wagtail's admin (editors, moderators, coordinators), guarded by prefix in
  `accounts.middleware.SecondFactorMiddleware`;
- each front-end view that serves or changes other people's data because of a right: the
  participant lists and attendance of sessions and track groups (editors, trainers),
  someone else's registration, the progress matrix and its CSV (editors), the regional
  bottlenecks (coordinators), and a circle's workspace for its facilitators (join
  requests, removing members, attendance). Each calls `require_second_factor(request)`
  right after the check that granted the right, so a guessed address still gives 404 to
  someone without the right. Links to these pages may show: following one leads to the
  second factor and back.

The person is led to set up an authenticator app when they have none, or to enter a code
when this session has not seen one, and then returns to where they were (`next`).
`tests/test_second_factor.py` walks every URL pattern to prove the line holds.

settings.ADMIN_REQUIRES_TOTP switches all of it; the test settings turn it off, so the
tests of the other apps log people in with a password only.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from allauth.account.authentication import get_authentication_records
from allauth.mfa.base.internal.flows import post_authentication
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy as _

SET_UP_MESSAGE = _(
    "This page needs a second step, because it shows other people's data or manages the "
    "platform. Set up an authenticator app; after that you continue where you were."
)
CODE_MESSAGE = _(
    "This page needs a second step, because it shows other people's data or manages the "
    "platform. Enter the code from your authenticator app; after that you continue where "
    "you were."
)


class SecondFactorRequired(PermissionDenied):
    """Raised by a view about to use a right beyond the learner's own in a session without
    the second factor. The middleware turns it into the way to that step; without the
    middleware it is still a refusal (403)."""


def is_verified(request: HttpRequest) -> bool:
    """Whether this session passed the second factor. allauth records a step "mfa" when a
    code or recovery code is entered, at log-in or to confirm; `record_set_up` records one
    when an authenticator app is set up with a code."""
    records = get_authentication_records(request, request.user)  # type: ignore[arg-type]
    return any(record.get("method") == "mfa" for record in records)


def require_second_factor(request: HttpRequest) -> None:
    if settings.ADMIN_REQUIRES_TOTP and not is_verified(request):
        raise SecondFactorRequired


def record_set_up(request: HttpRequest, authenticator: Authenticator) -> None:
    """Setting up the app is proven with a code from it: that is this session's second
    step, so the person goes on at once instead of being asked for another code."""
    post_authentication(request, authenticator)


def has_authenticator(user: object) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def second_factor_redirect(request: HttpRequest) -> HttpResponseRedirect:
    """To setting up the app (none yet) or to entering its code, and back afterwards."""
    if has_authenticator(request.user):
        url, message = reverse("mfa_reauthenticate"), CODE_MESSAGE
    else:
        url, message = reverse("mfa_activate_totp"), SET_UP_MESSAGE
    messages.warning(request, message)
    return HttpResponseRedirect(f"{url}?{urlencode({'next': _return_path(request)})}")


def _return_path(request: HttpRequest) -> str:
    """The page to come back to. After a form was sent, that is the page with the form:
    the address it was sent to may answer only POST."""
    referer = request.headers.get("referer", "")
    if request.method not in ("GET", "HEAD") and url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return urlsplit(referer)._replace(scheme="", netloc="").geturl() or "/"
    return request.get_full_path()
