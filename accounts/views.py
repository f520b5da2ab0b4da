import textwrap
from typing import Any

from allauth.account.utils import get_next_redirect_url
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.views import ViewRecoveryCodesView
from allauth.mfa.totp.views import ActivateTOTPView
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from wagtail import hooks
from wagtail.admin.auth import permission_required

from .forms import ActivateAuthenticatorForm, MergeOtherOrganisationForm, ProfileForm
from .mfa import record_set_up
from .models import Profile
from .services import (
    ProfileError,
    complete_onboarding,
    merge_other_organisation,
    update_profile,
    vouched_organisation,
)


@never_cache
@login_required
def onboarding(request: HttpRequest) -> HttpResponse:
    if Profile.objects.visible_to(request.user).exists():
        return redirect("accounts:profile")
    form = ProfileForm(request.POST or None, vouched=vouched_organisation(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            complete_onboarding(user=request.user, details=form.details())
        except ProfileError as error:
            form.add_error(None, str(error))
        else:
            return redirect(settings.LOGIN_REDIRECT_URL)
    return render(request, "accounts/onboarding.html", {"form": form})


@never_cache
@login_required
def profile(request: HttpRequest) -> HttpResponse:
    own_profile = Profile.objects.visible_to(request.user).first()
    if own_profile is None:
        return redirect("accounts:onboarding")
    form = ProfileForm(
        request.POST or None,
        initial=ProfileForm.initial_from(own_profile),
        vouched=vouched_organisation(request.user),
    )
    if request.method == "POST" and form.is_valid():
        try:
            update_profile(user=request.user, details=form.details())
        except ProfileError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your changes are saved."))
            return redirect("accounts:profile")
    # Apps above accounts add links here (e.g. the API's personal access tokens): each
    # function of the `profile_links` hook takes the request and returns (label, url).
    links = [link(request) for link in hooks.get_hooks("profile_links")]
    return render(
        request,
        "accounts/profile.html",
        {"form": form, "profile": own_profile, "profile_links": links},
    )


# Wagtail's decorator: someone in the admin without the right is sent to the admin's home
# page with a message, as on every other admin page (Django's would ask them to log in).
@permission_required("accounts.change_profile")
def merge_other_organisations(request: HttpRequest) -> HttpResponse:
    """Admin view (under /beheer/): typed organisation names, and merging them."""
    form = MergeOtherOrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organisation = form.cleaned_data["organisation"]
        count = merge_other_organisation(profile_ids=form.profile_ids(), organisation=organisation)
        messages.success(
            request,
            _("%(count)d profiles now belong to %(organisation)s.")
            % {"count": count, "organisation": organisation},
        )
        return redirect("accounts_merge_other_organisations")
    names = (
        Profile.objects.with_other_organisation()
        .values("other_organisation")
        .annotate(count=Count("pk"))
        .order_by("other_organisation")
    )
    return render(request, "accounts/admin/merge.html", {"form": form, "names": names})


class ActivateAuthenticatorView(ActivateTOTPView):
    """allauth's set-up of an authenticator app, as one path: it counts as this session's
    second step and hands `next` on to the recovery codes, whose page leads there."""

    form_class = ActivateAuthenticatorForm

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        # In groups of four, as people type it over from the screen into the app.
        context["typed_key"] = " ".join(textwrap.wrap(context["form"].secret, 4))
        return context

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        record_set_up(
            self.request,
            Authenticator.objects.get(user=self.request.user, type=Authenticator.Type.TOTP),
        )
        return response

    def get_success_url(self) -> str:
        next_url = get_next_redirect_url(self.request)
        if not self.did_generate_recovery_codes:
            return next_url or super().get_success_url()
        url = super().get_success_url()
        return f"{url}?{urlencode({'next': next_url})}" if next_url else url


class RecoveryCodesView(ViewRecoveryCodesView):
    """allauth's recovery codes, with the way on: to `next`, or to the overview of the
    second step."""

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["continue_url"] = get_next_redirect_url(self.request) or reverse("mfa_index")
        return context
