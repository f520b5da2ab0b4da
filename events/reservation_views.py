"""An organisation's reserved seats, for its administrators and managers, under
/mijn/organisatie/plaatsen/: the reservations, reserving seats of a session or a track's
group, assigning them by name. Everything is read through the person's own membership:
another organisation's reservation is a 404."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts.mfa import require_second_factor
from organisations.models import Membership

from . import reservations
from .forms import AssignSeatForm, ChooseSessionForm, ReserveSeatsForm
from .models import SEAT_STATES, Registration, SeatReservation, Session


def _managing(request: HttpRequest) -> Membership:
    membership = reservations.managing_membership(request.user)
    if membership is None:
        raise PermissionDenied
    # Managers see and place their colleagues by name: as every manager's page, after the
    # second factor.
    require_second_factor(request)
    return membership


def _reservation(membership: Membership, pk: int) -> SeatReservation:
    return get_object_or_404(
        SeatReservation.objects.of_organisation(membership.organisation_id), pk=pk
    )


def _reservable(pk: str | None) -> Session | None:
    """The session (as its own app's model) if organisations may reserve seats of it."""
    if not (pk or "").isdigit():
        return None
    for sessions in reservations.reservable_sessions():
        found = sessions.with_seat_counts().filter(pk=pk).first()
        if found is not None:
            return found  # type: ignore[no-any-return]
    return None


@never_cache
@login_required
def reservation_list(request: HttpRequest) -> HttpResponse:
    membership = _managing(request)
    rows = list(
        SeatReservation.objects.of_organisation(membership.organisation_id).order_by(
            F("released_at").desc(nulls_first=True), "deadline", "pk"
        )
    )
    return render(
        request,
        "events/reservations/list.html",
        {
            "organisation": membership.organisation,
            "current": [row for row in rows if row.is_open],
            "released": [row for row in rows if not row.is_open],
            "choose_form": ChooseSessionForm(sessions=_choices(), auto_id="kies-%s"),
        },
    )


def _choices() -> list[Session]:
    """Every session open for reservations, soonest first (one query per app)."""
    found = [session for sessions in reservations.reservable_sessions() for session in sessions]
    return sorted(found, key=lambda session: (session.starts_at, session.pk))


@never_cache
@login_required
def reserve(request: HttpRequest) -> HttpResponse:
    """A session chosen (?sessie=, from the list or the event's page): how many seats and
    until when. Without one: the choice of sessions."""
    membership = _managing(request)
    session = _reservable(request.POST.get("sessie") or request.GET.get("sessie"))
    if session is None:
        return render(
            request,
            "events/reservations/choose.html",
            {
                "choose_form": ChooseSessionForm(sessions=_choices(), auto_id="kies-%s"),
                "not_found": "sessie" in request.GET,
            },
        )
    form = ReserveSeatsForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            reservation = reservations.reserve_seats(
                session=session,
                organisation=membership.organisation,
                seats=form.cleaned_data["seats"],
                deadline=form.cleaned_data["deadline"],
                actor=request.user,
            )
        except reservations.ReservationError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(
                request,
                _("%(seats)s seats are reserved. Assign them by name before the deadline.")
                % {"seats": reservation.seats},
            )
            return redirect("events:reservation", pk=reservation.pk)
    return render(
        request,
        "events/reservations/reserve.html",
        {"session": session, "form": form, "closes": session.registration_closes()},
        status=400 if form.is_bound and form.errors else 200,
    )


@never_cache
@login_required
def reservation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Who has the seats, and a member's name for an open one."""
    membership = _managing(request)
    reservation = _reservation(membership, pk)
    # Visitors' registrations have no account: NOT IN with their NULL would exclude all.
    seated = Registration.objects.filter(
        session_id=reservation.session_id, state__in=SEAT_STATES, user__isnull=False
    ).values("user")
    members = (
        Membership.objects.filter(organisation_id=membership.organisation_id)
        .exclude(user__in=seated)
        .select_related("user__profile")
        .order_by("user__profile__full_name", "user__email", "pk")
    )
    form = AssignSeatForm(request.POST if request.method == "POST" else None, members=members)
    if form.is_valid():
        try:
            registration = reservations.assign_seat(
                reservation=reservation, user=form.cleaned_data["member"].user, actor=request.user
            )
        except reservations.ReservationError as error:
            form.add_error("member", error.message)
        else:
            messages.success(
                request,
                _("%(name)s has a seat now and gets the confirmation by e-mail.")
                % {"name": registration.name},
            )
            return redirect("events:reservation", pk=reservation.pk)
    assigned = list(
        reservation.registrations.filter(state__in=SEAT_STATES).order_by("name", "pk")  # type: ignore[attr-defined]
    )
    return render(
        request,
        "events/reservations/detail.html",
        {
            "reservation": reservation,
            "session": reservation.session,
            "assigned": assigned,
            "open_seats": max(reservation.seats - len(assigned), 0) if reservation.is_open else 0,
            "form": form,
            "may_assign": reservation.is_open and not reservation.session.has_started,
        },
        status=400 if form.is_bound and form.errors else 200,
    )


@require_POST
@login_required
def unassign(request: HttpRequest, pk: int, registration_pk: int) -> HttpResponse:
    membership = _managing(request)
    reservation = _reservation(membership, pk)
    registration = get_object_or_404(reservation.registrations, pk=registration_pk)  # type: ignore[attr-defined]
    try:
        reservations.unassign(registration=registration, actor=request.user)
    except reservations.ReservationError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("The seat of %(name)s is taken back; they get an e-mail about it.")
            % {"name": registration.name},
        )
    return redirect("events:reservation", pk=reservation.pk)


@require_POST
@login_required
def cancel(request: HttpRequest, pk: int) -> HttpResponse:
    membership = _managing(request)
    reservation = _reservation(membership, pk)
    try:
        reservations.cancel_reservation(reservation=reservation, actor=request.user)
    except reservations.ReservationError as error:
        messages.error(request, error.message)
        return redirect("events:reservation", pk=reservation.pk)
    messages.success(request, _("The open seats are free for everybody again."))
    return redirect(reverse("events:reservations"))
