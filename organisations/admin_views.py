"""/beheer/: editors start an organisation's workspace by appointing its first
administrator (or a new one after the last left), and register e-mail domains."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.models import User
from django.db.models import Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.auth import permission_required

from core.models import Organisation

from . import services
from .models import Membership
from .services import OrganisationError


class AppointForm(forms.Form):
    organisation = forms.ModelChoiceField(
        Organisation.objects.all(), label=gettext_lazy("Organisation")
    )
    email = forms.EmailField(
        label=gettext_lazy("E-mail address of the new administrator"),
        help_text=gettext_lazy("The person needs an account on the platform."),
    )

    def clean_email(self) -> User:
        email = self.cleaned_data["email"]
        user = User.objects.filter(
            Q(email__iexact=email) | Q(emailaddress__email__iexact=email)
        ).first()
        if user is None:
            raise forms.ValidationError(_("Nobody has an account with this address."))
        return user


class AdminDomainForm(forms.Form):
    organisation = forms.ModelChoiceField(
        Organisation.objects.all(), label=gettext_lazy("Organisation")
    )
    domain = forms.CharField(label=gettext_lazy("E-mail domain"), max_length=253)


@permission_required("organisations.add_membership")
def workspaces(request: HttpRequest) -> HttpResponse:
    appoint_form = AppointForm(request.POST if "appoint" in request.POST else None, prefix="a")
    domain_form = AdminDomainForm(request.POST if "domain" in request.POST else None, prefix="d")
    try:
        if appoint_form.is_bound and appoint_form.is_valid():
            membership = services.appoint_admin(
                organisation=appoint_form.cleaned_data["organisation"],
                user=appoint_form.cleaned_data["email"],
                actor=request.user,
            )
            messages.success(
                request,
                _("%(email)s is now an administrator of %(organisation)s.")
                % {"email": membership.user.email, "organisation": membership.organisation},
            )
            return redirect("organisations_workspaces")
    except OrganisationError as error:
        appoint_form.add_error("email", error.message)
    try:
        if domain_form.is_bound and domain_form.is_valid():
            domain = services.add_domain(
                organisation=domain_form.cleaned_data["organisation"],
                domain=domain_form.cleaned_data["domain"],
                actor=request.user,
            )
            messages.success(request, _("%(domain)s is registered.") % {"domain": domain})
            return redirect("organisations_workspaces")
    except OrganisationError as error:
        domain_form.add_error("domain", error.message)
    context: dict[str, Any] = {
        "appoint_form": appoint_form,
        "domain_form": domain_form,
        "organisations": Organisation.objects.filter(
            Q(memberships__isnull=False) | Q(domains__isnull=False)
        )
        .distinct()
        .order_by("name")
        .prefetch_related(
            "domains",
            Prefetch(
                "memberships",
                queryset=Membership.objects.filter(role=Membership.Role.ADMIN).select_related(
                    "user"
                ),
                to_attr="admins",
            ),
        ),
    }
    return render(request, "organisations/admin/workspaces.html", context)
