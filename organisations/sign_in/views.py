from __future__ import annotations

import requests
from allauth.account.utils import get_next_redirect_url
from allauth.socialaccount.providers.base.constants import AuthProcess
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from accounts.mfa import require_second_factor

from ..models import Domain, SignIn
from ..services import membership_of
from . import services
from .forms import SettingsForm, StartForm


@never_cache
@login_required
def settings_page(request: HttpRequest) -> HttpResponse:
    """The administrator sets up the organisation's own sign-in. Always the person's own
    organisation: there is no other organisation's address to guess."""
    membership = membership_of(request.user)
    if membership is None or not membership.is_admin:
        raise PermissionDenied
    require_second_factor(request)
    organisation = membership.organisation
    sign_in = SignIn.objects.select_related("app").filter(organisation=organisation).first()
    domains = Domain.objects.filter(organisation=organisation)
    initial = {}
    if sign_in is not None:
        initial = {
            "server_url": sign_in.app.settings.get("server_url", ""),
            "client_id": sign_in.app.client_id,
            "is_active": sign_in.is_active,
            "domains": list(sign_in.domains.all()),
        }
    form = SettingsForm(
        request.POST or None, initial=initial, domains=domains, has_secret=sign_in is not None
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.configure(
                organisation=organisation,
                actor=request.user,
                server_url=form.cleaned_data["server_url"],
                client_id=form.cleaned_data["client_id"],
                client_secret=form.cleaned_data["client_secret"],
                is_active=form.cleaned_data["is_active"],
                domains=list(form.cleaned_data["domains"]),
            )
        except services.SignInError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, _("The sign-in with your organisation's account is saved."))
            return redirect("organisations:sign_in_settings")
    callback_url = request.build_absolute_uri(
        reverse(
            "openid_connect_callback", kwargs={"provider_id": services.provider_id(organisation)}
        )
    )
    return render(
        request,
        "organisations/sign_in/settings.html",
        {
            "form": form,
            "organisation": organisation,
            "sign_in": sign_in,
            "callback_url": callback_url,
        },
    )


@never_cache
def start(request: HttpRequest) -> HttpResponse:
    """From the log-in page: the person's work address leads to their organisation's
    provider, when it has one switched on for that domain. No list of organisations: that
    would tell anyone who uses the platform."""
    form = StartForm(request.POST or None)
    no_sign_in = False
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        sign_in = services.for_address(email)
        if sign_in is None:
            no_sign_in = True
        else:
            provider = sign_in.app.get_provider(request)
            auth_params = {**provider.get_auth_params(), "login_hint": email}
            try:
                response = provider.redirect(
                    request,
                    process=AuthProcess.LOGIN,
                    next_url=get_next_redirect_url(request),
                    auth_params=auth_params,
                )
            except (requests.RequestException, KeyError, ValueError):
                form.add_error(
                    "email",
                    _(
                        "Your organisation's sign-in does not answer right now. Try again "
                        "later, or log in with your password."
                    ),
                )
            else:
                if not isinstance(response, HttpResponseRedirect):
                    return response  # allauth's page about a failed start
                # A page that goes on by itself, not a redirect: the site's policy allows
                # forms to send to the platform only (CSP form-action 'self'), and browsers
                # apply that to where a form's answer redirects, too.
                return render(
                    request,
                    "organisations/sign_in/continue.html",
                    {"provider_url": response.url},
                )
    return render(
        request,
        "organisations/sign_in/start.html",
        {"form": form, "no_sign_in": no_sign_in, "next": get_next_redirect_url(request)},
    )
