"""The needs scan, its proposal, the personal route and the recommendations page."""

from __future__ import annotations

from typing import Literal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts.models import Profile
from catalogue.models import LearningItemPage

from .models import NeedsScan, RouteStep
from .recommendations import recommend
from .routes import (
    RouteError,
    accept_route,
    add_to_route,
    compare_scans,
    latest_scan,
    move_step,
    previous_scan,
    propose_route,
    remove_step,
    route_progress,
    scan_history,
    take_needs_scan,
)
from .scan_forms import NeedsScanForm, RoleChoiceForm

ROLE_COOKIE = "rol"  # functional: remembers a visitor's role for recommendations
ROLE_COOKIE_SECONDS = 365 * 24 * 60 * 60


@never_cache
@login_required
def needs_scan(request: HttpRequest) -> HttpResponse:
    last = latest_scan(request.user)
    profile = Profile.objects.visible_to(request.user).first()
    form = NeedsScanForm(
        request.POST or None, initial=NeedsScanForm.initial_from(scan=last, profile=profile)
    )
    if request.method == "POST" and form.is_valid():
        try:
            scan = take_needs_scan(user=request.user, **form.cleaned_data)
        except RouteError as error:
            form.add_error(None, str(error))
        else:
            return redirect("learning:scan_proposal", scan_id=scan.pk)
    return render(
        request,
        "learning/scan/scan.html",
        {"form": form, "history": scan_history(request.user)},
    )


@never_cache
@login_required
def scan_proposal(request: HttpRequest, scan_id: int) -> HttpResponse:
    scan = get_object_or_404(NeedsScan.objects.visible_to(request.user), pk=scan_id)
    previous = previous_scan(scan)
    return render(
        request,
        "learning/scan/proposal.html",
        {
            "scan": scan,
            "proposal": propose_route(scan=scan, region=getattr(request, "region", None)),
            "changes": compare_scans(previous, scan) if previous else None,
        },
    )


@require_POST
@login_required
def accept_scan_route(request: HttpRequest, scan_id: int) -> HttpResponse:
    scan = get_object_or_404(NeedsScan.objects.visible_to(request.user), pk=scan_id)
    accept_route(user=request.user, scan=scan, region=getattr(request, "region", None))
    messages.success(request, _("Your learning route is ready."))
    return redirect("learning:route")


@never_cache
@login_required
def route(request: HttpRequest) -> HttpResponse:
    last = latest_scan(request.user)
    return render(
        request,
        "learning/scan/route.html",
        {
            "route": route_progress(request.user),
            "open_proposal": last if last and last.accepted_at is None else None,
        },
    )


@require_POST
@login_required
def move_route_step(request: HttpRequest, step_id: int) -> HttpResponse:
    step = get_object_or_404(RouteStep.objects.visible_to(request.user), pk=step_id)
    direction: Literal["up", "down"] = "up" if request.POST.get("richting") == "omhoog" else "down"
    try:
        move_step(user=request.user, step=step, direction=direction)
    except RouteError as error:
        messages.error(request, str(error))
    # Back to the moved step, so the person sees where it went.
    return redirect(f"{reverse('learning:route')}#stap-{step.pk}")


@require_POST
@login_required
def remove_route_step(request: HttpRequest, step_id: int) -> HttpResponse:
    step = get_object_or_404(
        RouteStep.objects.visible_to(request.user).select_related("page"), pk=step_id
    )
    remove_step(user=request.user, step=step)
    messages.success(
        request, _("“%(title)s” is no longer in your route.") % {"title": step.page.title}
    )
    return redirect("learning:route")


@require_POST
@login_required
def add_item_to_route(request: HttpRequest, page_id: int) -> HttpResponse:
    item = get_object_or_404(
        LearningItemPage.objects.listed(getattr(request, "region", None)), pk=page_id
    )
    _step, is_new = add_to_route(user=request.user, item=item)
    if is_new:
        messages.success(request, _("“%(title)s” is now in your route.") % {"title": item.title})
    else:
        messages.info(request, _("“%(title)s” was already in your route.") % {"title": item.title})
    return redirect("learning:route")


@never_cache
def recommended(request: HttpRequest) -> HttpResponse:
    """Recommendations for a chosen role (remembered in a cookie), or for the logged-in
    person. Never cached: the answer depends on the cookie and the person."""
    region = getattr(request, "region", None)
    form = RoleChoiceForm(request.GET if "rol" in request.GET else None)
    role = None
    if form.is_bound:
        role = form.cleaned_data["rol"] if form.is_valid() else None
    else:
        remembered = RoleChoiceForm({"rol": request.COOKIES.get(ROLE_COOKIE, "")})
        if remembered.is_valid():
            role = remembered.cleaned_data["rol"]
            form = RoleChoiceForm(initial={"rol": role})
        elif profile := Profile.objects.visible_to(request.user).first():
            # A logged-in person gets their own recommendations, their role preselected.
            form = RoleChoiceForm(initial={"rol": profile.role})
    if role is not None or request.user.is_authenticated:
        recommendations = recommend(user=request.user, role=role, region=region)
    else:
        recommendations = []
    response = render(
        request,
        "learning/scan/recommended.html",
        {"form": form, "role": role, "recommendations": recommendations},
    )
    if form.is_bound and role is not None:
        response.set_cookie(
            ROLE_COOKIE,
            role.slug,
            max_age=ROLE_COOKIE_SECONDS,
            secure=request.is_secure(),
            httponly=True,
            samesite="Lax",
        )
    return response
