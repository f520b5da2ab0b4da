"""The personal pages under /mijn/: the dashboard and what a person does with their data."""

import json
from datetime import timedelta
from decimal import Decimal
from typing import Any, cast

from django.contrib.auth import logout
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from wagtail import hooks

from accounts.models import Profile
from catalogue.models import LearningItemPage
from circles.models import Circle
from core.portals import request_base_url
from core.privacy import export_person, remove_person
from events.models import Registration
from events.services import accreditation_points_for
from learning.models import LearningRecord
from learning.progress import history_of
from learning.recommendations import recommend
from learning.routes import route_progress
from learning.team_progress import assigned_paths
from organisations.services import membership_of
from tracks.views import track_progress_of

from .forms import DeleteAccountForm

CONTINUE_COUNT = 3
COMPLETED_COUNT = 10
RECOMMENDATIONS = 4
# A membership this new is announced on the dashboard (the person may have joined while
# away, when their organisation registered its e-mail domain).
RECENT_MEMBERSHIP_DAYS = 14


@never_cache
@login_required
def home(request: HttpRequest) -> HttpResponse:
    profile = Profile.objects.visible_to(request.user).first()
    if profile is None:
        return redirect("accounts:onboarding")
    records = LearningRecord.objects.of(request.user)
    completed: list[dict[str, Any]] = [
        dict(row)
        for row in records.about_pages()
        .completions()
        .order_by("-timestamp")
        .values("activity_id", "activity_name", "timestamp")[:COMPLETED_COUNT]
    ]
    history = history_of(request.user)
    in_progress_ids = history.in_progress[:CONTINUE_COUNT]
    pages = (
        LearningItemPage.objects.live()
        .public()
        .in_bulk(in_progress_ids + [row["activity_id"] for row in completed])
    )
    for row in completed:
        row["page"] = pages.get(row["activity_id"])
    track_progress = track_progress_of(user=request.user)
    return render(
        request,
        "dashboard/home.html",
        {
            "profile": profile,
            "route": route_progress(request.user, completed=history.completed),
            "team_paths": assigned_paths(request.user, completed=history.completed),
            "registrations": Registration.objects.upcoming_for(request.user),
            # Accredited events attended in full, plus accredited tracks completed.
            "points": accreditation_points_for(request.user)
            + sum(
                (
                    progress.certificate.accreditation_points or 0
                    for progress in track_progress
                    if progress.certificate
                ),
                Decimal(0),
            ),
            "track_progress": track_progress,
            "circles": Circle.objects.visible_to(request.user).order_by("name"),
            "recommendations": recommend(
                user=request.user,
                region=getattr(request, "region", None),
                limit=RECOMMENDATIONS,
                history=history,
            ),
            "continue_items": [pages[pk] for pk in in_progress_ids if pk in pages],
            "completed": completed,
            "completed_count": len(history.completed),
            "membership": membership_of(request.user),
            "recent": timezone.now() - timedelta(days=RECENT_MEMBERSHIP_DAYS),
            # Higher apps offer pages for a person's work here, e.g. the reach reports.
            "work_links": [
                link for links in hooks.get_hooks("dashboard_links") for link in links(request)
            ],
        },
    )


@never_cache
@login_required
def download_data(request: HttpRequest) -> HttpResponse:
    user = cast(AbstractBaseUser, request.user)  # login_required: never anonymous
    data = export_person(user=user, base_url=request_base_url(request))
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    filename = f"mijn-gegevens-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@never_cache
@login_required
def delete(request: HttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = cast(AbstractBaseUser, request.user)  # login_required: never anonymous
        logout(request)
        remove_person(user=user)
        # Rendered, not redirected: there is no session left to carry a message.
        return render(request, "dashboard/deleted.html")
    return render(request, "dashboard/delete.html", {"form": form})
