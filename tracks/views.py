"""Track pages, registering, attendance, the editors' matrix, certificates and their check."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from accounts.mfa import require_second_factor
from catalogue.models import LearningItemPage
from core.exports import spreadsheet_filename, spreadsheet_response
from core.portals import request_base_url
from events.calendar import calendar_for
from events.models import Registration, RegistrationState
from learning.models import LearningRecord, Verb

from . import badge, services
from .certificate import certificate_pdf
from .forms import AttendanceForm, CodeForm
from .models import Certificate, Cohort, CohortDay, TrackPage, normalise_code
from .progress import TrackProgress, progress_for

# ---------------------------------------------------------------------------
# The Wagtail pages: /leergangen/ and a track
# ---------------------------------------------------------------------------


def track_index_context(request: HttpRequest) -> dict[str, Any]:
    """The portal's tracks, each with its groups still open to register (4 queries)."""
    region = getattr(request, "region", None)
    tracks = list(
        TrackPage.objects.listed(region).order_by("title")  # type: ignore[attr-defined]
    )
    by_track: dict[int, list[Cohort]] = defaultdict(list)
    for cohort in Cohort.objects.of_live_tracks(region).not_started().for_listing():
        by_track[cohort.track_id].append(cohort)
    for track in tracks:
        track.open_cohorts = by_track[track.pk]
    return {"tracks": tracks}


def track_page_context(request: HttpRequest, page: TrackPage) -> dict[str, Any]:
    user = request.user
    items = LearningItemPage.objects.order_by("title")
    programme = page.days.all()  # type: ignore[attr-defined]
    if page.pk and not getattr(request, "is_preview", False):
        programme = programme.select_related("assignment").prefetch_related(
            Prefetch("preparation_items", queryset=items)
        )
    cohorts = list(page.cohorts.not_finished().for_listing()) if page.pk else []  # type: ignore[attr-defined]
    own = {
        registration.session_id: registration
        for registration in Registration.objects.of(user)
        .filter(session__track_cohort__track=page.pk)
        .exclude(state=RegistrationState.CANCELLED)
    }
    for cohort in cohorts:
        cohort.my_registration = own.get(cohort.pk)
    progress = progress_for(list(own.values()))
    can_manage = page.pk is not None and page.can_manage(user)
    return {
        "programme": programme,
        "cohorts": cohorts,
        "my_progress": progress,
        "registered_cohort_ids": set(own),
        "managed_cohorts": list(
            Cohort.objects.filter(track=page.pk).prefetch_related("days__track_day")
        )
        if can_manage
        else [],
        "can_oversee": Cohort.objects.overseen_by(user).exists() if can_manage else False,
        "now": timezone.now(),
    }


def track_progress_of(*, user: Any) -> list[TrackProgress]:
    """For the dashboard partial (tracks/partials/my_tracks.html, as `track_progress`):
    each track the person takes part in or waits for, in a fixed number of queries."""
    registrations = list(
        Registration.objects.of(user)
        .filter(session__track_cohort__isnull=False)
        .exclude(state=RegistrationState.CANCELLED)
        .order_by("session__starts_at")
    )
    return progress_for(registrations)


# ---------------------------------------------------------------------------
# Registering, cancelling, calendar
# ---------------------------------------------------------------------------


def _cohort(request: HttpRequest, pk: int) -> Cohort:
    """A cohort of a published track of this portal; anything else is 404."""
    region = getattr(request, "region", None)
    return get_object_or_404(Cohort.objects.of_live_tracks(region).select_related("track"), pk=pk)


def _track_url(request: HttpRequest, cohort: Cohort) -> str:
    return (cohort.track.get_url(request) or "/") + f"#groep-{cohort.pk}"


@never_cache
@login_required
def register(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = _cohort(request, pk)
    if request.method != "POST":
        return redirect(_track_url(request, cohort))
    try:
        registration, created = services.register_for_track(cohort=cohort, user=request.user)
    except services.TrackError as error:
        messages.error(request, error.message)
        return redirect(_track_url(request, cohort))
    if not created:
        messages.info(request, _("You were already registered for this group."))
    elif registration.state == RegistrationState.WAITING:
        messages.success(request, _("The group is full. You are on the waiting list."))
    else:
        messages.success(request, _("You are registered. We have sent you a confirmation."))
    return redirect(_track_url(request, cohort))


@never_cache
@login_required
def cancel(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = _cohort(request, pk)
    registration = get_object_or_404(
        Registration.objects.of(request.user)
        .filter(session=cohort)
        .exclude(state=RegistrationState.CANCELLED)
    )
    error = ""
    if request.method == "POST":
        try:
            services.cancel_track_registration(registration=registration, actor=request.user)
        except services.TrackError as exc:
            error = exc.message
        else:
            messages.success(request, _("Your registration is cancelled."))
            return redirect(_track_url(request, cohort))
    return render(
        request,
        "tracks/cancel.html",
        {"cohort": cohort, "registration": registration, "error": error},
        status=400 if error else 200,
    )


def cohort_ics(request: HttpRequest, pk: int) -> HttpResponse:
    """Every day of a group in one calendar file (without online links)."""
    cohort = _cohort(request, pk)
    days = CohortDay.objects.filter(cohort=cohort).select_related("track_day__track")
    response = HttpResponse(
        calendar_for(days, name=cohort.title, with_online_link=False),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{cohort.track.slug}.ics"'
    return response


# ---------------------------------------------------------------------------
# Trainers and editors: attendance, and the matrix of who has done what
# ---------------------------------------------------------------------------


def _participants(cohort: Cohort) -> list[Registration]:
    return list(
        Registration.objects.filter(
            session=cohort, state__in=services.CONFIRMED_STATES, user__isnull=False
        ).for_participant_list()
    )


@never_cache
@login_required
def attendance(request: HttpRequest, pk: int, day_pk: int) -> HttpResponse:
    cohort = get_object_or_404(
        Cohort.objects.managed_by(request.user).select_related("track"), pk=pk
    )
    require_second_factor(request)
    days = list(cohort.days.select_related("track_day"))  # type: ignore[attr-defined]
    day = next((day for day in days if day.pk == day_pk), None)
    if day is None:
        raise Http404
    registrations = _participants(cohort)
    current = {
        actor_id: verb == Verb.ATTENDED
        for actor_id, verb in LearningRecord.objects.filter(
            activity_type=ContentType.objects.get_for_model(CohortDay),
            activity_id=day.pk,
            verb__in=(Verb.ATTENDED, Verb.ABSENT),
        )
        .order_by("timestamp")
        .values_list("actor_id", "verb")
    }
    form = AttendanceForm(request.POST or None, registrations=registrations, current=current)
    if request.method == "POST" and form.is_valid():
        try:
            for registration, attended in form.choices():
                services.mark_day_attendance(
                    day=day, user=registration.user, attended=attended, actor=request.user
                )
        except services.TrackError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Attendance is saved."))
            return redirect("tracks:attendance", pk=cohort.pk, day_pk=day.pk)
    return render(
        request,
        "tracks/attendance.html",
        {
            "cohort": cohort,
            "day": day,
            "days": days,
            "form": form,
            "has_started": timezone.now() >= day.starts_at,
        },
    )


NOT_YET = "\u2013"  # an en dash: nothing recorded yet


def _matrix(cohort: Cohort) -> tuple[list[tuple[str, list[str]]], list[Any]]:
    """Per programme day its requirement columns, and per participant one cell each."""
    progress = progress_for(_participants(cohort))
    columns: list[tuple[str, list[str]]] = []
    rows = []
    for number, item in enumerate(progress):
        cells = []
        for day in item.days:
            if number == 0:
                names = [_("Preparation"), _("Present")]
                names += [_("Assignment")] if day.assignment else []
                columns.append((day.day.track_day.title, names))
            done = sum(step.is_done for step in day.preparation)
            # "2 van 3", not "2/3", which Dutch Excel would open as the date 2 March.
            counted = {"done": done, "total": len(day.preparation)}
            cells.append(_("%(done)s of %(total)s") % counted if day.preparation else NOT_YET)
            present = day.attendance
            cells.append(_("yes") if present.is_done else _("no") if present.is_absent else NOT_YET)
            if day.assignment:
                cells.append(_("handed in") if day.assignment.is_done else NOT_YET)
        cells.append(
            timezone.localtime(item.certificate.issued_at).strftime("%d-%m-%Y")
            if item.certificate
            else NOT_YET
        )
        rows.append((item.registration, cells))
    return columns, rows


@never_cache
@login_required
def progress_matrix(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = get_object_or_404(
        Cohort.objects.overseen_by(request.user).select_related("track"), pk=pk
    )
    require_second_factor(request)
    columns, rows = _matrix(cohort)
    if request.GET.get("formaat") == "csv":
        headings = [f"{day}: {column}" for day, names in columns for column in names]
        return spreadsheet_response(
            headings=[_("Name"), _("Organisation"), *headings, _("Completed")],
            rows=(
                [registration.name, registration.organisation_name, *cells]
                for registration, cells in rows
            ),
            filename=spreadsheet_filename("voortgang", cohort.track.title, cohort.name),
        )
    return render(
        request,
        "tracks/matrix.html",
        {"cohort": cohort, "columns": columns, "rows": rows},
    )


# ---------------------------------------------------------------------------
# Certificates: the owner's PDF, the public check and the Open Badge
# ---------------------------------------------------------------------------


@login_required
def certificate(request: HttpRequest, pk: int) -> HttpResponse:
    own = get_object_or_404(Certificate.objects.visible_to(request.user), pk=pk)
    response = HttpResponse(
        certificate_pdf(own, base_url=request_base_url(request)), content_type="application/pdf"
    )
    response["Content-Disposition"] = 'attachment; filename="certificaat.pdf"'
    return response


def _by_code(code: str) -> Certificate:
    found = Certificate.objects.by_code(code).first()
    if found is None:
        raise Http404
    return found


def verify_form(request: HttpRequest) -> HttpResponse:
    form = CodeForm(request.GET or None)
    if form.is_valid():
        return redirect("tracks:verify", code=normalise_code(form.cleaned_data["code"]))
    return render(request, "tracks/verify_form.html", {"form": form})


def verify(request: HttpRequest, code: str) -> HttpResponse:
    """Says only that the certificate is genuine: name, track and date."""
    found = Certificate.objects.by_code(code).first()
    if found is None:
        response = render(request, "tracks/verify_unknown.html", {"form": CodeForm()}, status=404)
    elif found.code != code:
        return redirect("tracks:verify", code=found.code)
    else:
        response = render(request, "tracks/verify.html", {"certificate": found})
    # The check is for whoever holds the code, not for search engines.
    response["X-Robots-Tag"] = "noindex"
    return response


def _json(data: dict[str, Any], content_type: str = "application/json") -> HttpResponse:
    return HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type=f"{content_type}; charset=utf-8",
    )


def _track_url_of(request: HttpRequest, found: Certificate) -> str:
    track = found.track
    return (track.get_full_url(request) or "") if track and track.live else ""


def badge_json(request: HttpRequest, code: str) -> HttpResponse:
    found = _by_code(code)
    data = badge.credential(
        found, base_url=request_base_url(request), track_url=_track_url_of(request, found)
    )
    response = _json(data, "application/ld+json")
    # Like the check page: a holder may share it, search engines need not list the name.
    response["X-Robots-Tag"] = "noindex"
    return response


def badge_jwt(request: HttpRequest, code: str) -> HttpResponse:
    found = _by_code(code)
    token = badge.signed_credential(
        found, base_url=request_base_url(request), track_url=_track_url_of(request, found)
    )
    response = HttpResponse(token, content_type="application/vc+jwt")
    response["X-Robots-Tag"] = "noindex"
    return response


def badge_issuer(request: HttpRequest) -> HttpResponse:
    return _json(badge.issuer_profile(base_url=request_base_url(request)), "application/ld+json")


def badge_key(request: HttpRequest) -> HttpResponse:
    return _json(badge.public_jwk(base_url=request_base_url(request)), "application/jwk+json")
