import time
from typing import Any

from allauth.account import app_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.authentication import get_authentication_records
from django.http import HttpRequest
from django.urls import reverse

from core.mail import email_kind

from .middleware import ADMIN_PREFIX, can_use_admin
from .services import has_completed_onboarding

# After these, allauth redirects to pages that show no messages (the home page), so the
# message would only turn up later, out of place.
SILENT_MESSAGES = {"account/messages/logged_in.txt", "account/messages/logged_out.txt"}


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request: HttpRequest) -> str:
        """Editors go to the admin (which leads them to the second factor first), someone
        who has not told us about themselves yet goes to the onboarding."""
        if can_use_admin(request.user):
            return ADMIN_PREFIX
        if not has_completed_onboarding(request.user):
            return reverse("accounts:onboarding")
        return super().get_login_redirect_url(request)

    def is_reauthentication_required(self, *, app: str, **kwargs: Any) -> bool:
        """A log-in a moment ago counts as recent, as allauth's own re-authentication does:
        whoever sets up an authenticator app right after logging in is not asked for the
        password again."""
        records = get_authentication_records(self.request, self.request.user)
        if records and time.time() - records[-1]["at"] < app_settings.REAUTHENTICATION_TIMEOUT:
            return False
        return super().is_reauthentication_required(app=app, **kwargs)

    def get_signup_redirect_url(self, request: HttpRequest) -> str:
        return reverse("accounts:onboarding")

    def _get_login_attempts_cache_key(self, request: HttpRequest, **credentials: Any) -> str:
        """Count failed log-ins per address only. allauth adds the host name, but both
        portals and every host name share one account, so each would give 5 more tries."""
        return str(credentials.get("email", credentials.get("username", ""))).lower()

    def add_message(
        self,
        request: HttpRequest,
        level: int,
        message_template: str | None = None,
        message_context: dict[str, Any] | None = None,
        extra_tags: str = "",
        message: str | None = None,
    ) -> None:
        if message_template in SILENT_MESSAGES:
            return
        super().add_message(
            request, level, message_template, message_context, extra_tags, message=message
        )

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        """Into core's outbox, named after allauth's template, e.g. accounts.password_reset_key."""
        with email_kind("accounts." + template_prefix.rsplit("/", 1)[-1]):
            super().send_mail(template_prefix, email, context)
