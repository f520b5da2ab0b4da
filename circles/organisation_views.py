"""A partner's page (organisations app): the circles it takes part in, and for its members
without a circle, the form to report a bottleneck in laws and regulations with the
region's answers."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.models import Organisation

from . import services
from .forms import OrganisationBottleneckForm
from .models import Bottleneck, Circle
from .services import CircleError


def organisation_panel(
    request: HttpRequest, organisation: Organisation, form: OrganisationBottleneckForm | None = None
) -> SafeString:
    circles = list(Circle.objects.active().filter(organisations=organisation).order_by("name"))
    may_report = not circles and services.may_report_for(organisation, request.user)
    return render_to_string(
        "circles/partials/organisation_circles.html",
        {
            "organisation": organisation,
            "circles": circles,
            "may_report": may_report,
            "form": form or OrganisationBottleneckForm(),
            "reported": (
                Bottleneck.objects.filter(organisation=organisation)
                .select_related("responded_by__profile")
                .order_by("-created_at")
                if may_report
                else []
            ),
        },
        request=request,
    )


@require_POST
@login_required
def report_bottleneck(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation.objects.filter(is_partner=True), slug=slug)
    form = OrganisationBottleneckForm(request.POST)
    if form.is_valid():
        try:
            services.report_organisation_bottleneck(
                organisation=organisation, by=request.user, details=form.details()
            )
        except CircleError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _(
                    "Thank you. The bottleneck is with the region's coordinators; their answer "
                    "shows here."
                ),
            )
            return redirect("organisations:detail", slug=organisation.slug)
    # The form again, with what was typed and the message, on a page of its own.
    return render(
        request,
        "circles/organisation_bottleneck.html",
        {"organisation": organisation, "panel": organisation_panel(request, organisation, form)},
        status=400,
    )
