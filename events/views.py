"""Registering, cancelling, calendar files, participant lists, certificates, evaluation."""

from __future__ import annotations

from datetime import date
from http import HTTPStatus
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from wagtail.models import Site

from accounts.mfa import require_second_factor
from catalogue.facets import VEENKOLONIEN
from core.cache import KeptRows, remember
from core.models import Region
from core.portals import request_base_url
from core.ratelimit import TOO_MANY_MAILS, may_send_mail

from . import links, services
from .calendar import calendar_for, sessions_for_calendar
from .certificate import certificate_pdf
from .forms import AgendaFilterForm, AttendanceForm, EvaluationForm, VisitorForm
from .models import CalendarFeed, EventPage, Registration, RegistrationState, Session
from .querysets import SessionQuerySet

PAGE_SIZE = 20


def agenda_context(request: HttpRequest, *, archive: bool) -> dict[str, Any]:
    """The sessions of /agenda/ (or its archive), filtered by the GET form."""
    rows, form, asked = kept_sessions(request, archive=archive)
    paginator: Paginator[Any] = Paginator(rows, PAGE_SIZE)  # type: ignore[arg-type]
    sessions_page = paginator.get_page(request.GET.get("pagina", "1"))
    sessions_page.object_list = with_free_seats(sessions_page.object_list)
    query = request.GET.copy()
    query.pop("pagina", None)
    return {
        "filter_form": form,
        # What the filter form shows: the same for everyone who asks the same.
        "filter_key": asked,
        "archive": archive,
        "sessions_page": sessions_page,
        "result_count": paginator.count,
        "query_without_page": query.urlencode(),
    }


def kept_sessions(request: HttpRequest, *, archive: bool) -> tuple[KeptRows, AgendaFilterForm, str]:
    """The agenda's matching sessions as kept rows of primary keys (which match a choice, and
    in which order, changes when editors publish or a session ends: kept a minute at most),
    the filter form, and what was asked of it."""
    sessions, form = agenda_sessions(request, archive=archive)
    asked = "&".join(f"{name}={request.GET.get(name, '')}" for name in form.fields)
    choice = (
        str(getattr(getattr(request, "region", None), "pk", None)),
        str(archive),
        asked if form.is_valid() else "",
    )
    return KeptRows("agenda", sessions.values_list("pk", flat=True), *choice), form, asked


def with_free_seats(ids: Any) -> list[Session]:
    """The sessions of these primary keys, in that order, with their free seats counted now."""
    found = Session.objects.filter(pk__in=list(ids)).with_seat_counts().with_events()
    by_pk = {session.pk: session for session in found}
    return [by_pk[pk] for pk in ids if pk in by_pk]


def agenda_sessions(
    request: HttpRequest, *, archive: bool
) -> tuple[SessionQuerySet, AgendaFilterForm]:
    """The portal's coming (or past) sessions, filtered by the agenda's GET form; the
    public API lists the same."""
    region = getattr(request, "region", None)
    now = timezone.now()
    sessions = Session.objects.of_live_events(region).select_related("event")
    sessions = (
        sessions.past(now).order_by("-starts_at", "pk")
        if archive
        else sessions.upcoming(now).order_by("starts_at", "pk")
    )
    months = remember(
        "agenda-months",
        lambda: _months(sessions),
        str(getattr(region, "pk", None)),
        str(archive),
        get_language() or "",
    )
    form = AgendaFilterForm(request.GET or None, months=months, regions=Region.objects.all())
    if form.is_valid():
        data = form.cleaned_data
        if data["soort"]:
            sessions = sessions.filter(event__kind=data["soort"])
        if data["thema"]:
            sessions = sessions.filter(event__themes=data["thema"])
        if data["functie"]:
            sessions = sessions.filter(event__roles=data["functie"])
        if data["regio"] == VEENKOLONIEN:
            sessions = sessions.filter(
                event__in=EventPage.objects.filter(municipalities__is_veenkolonien=True)
            )
        elif data["regio"]:
            sessions = sessions.filter(event__regions__slug=data["regio"])
        if data["maand"]:
            year, month = (int(part) for part in data["maand"].split("-"))
            sessions = sessions.filter(starts_at__year=year, starts_at__month=month)
    return sessions.distinct(), form


def _months(sessions: Any) -> list[tuple[str, str]]:
    """The months that have sessions, for the month filter (one query)."""
    seen = {
        (moment.year, moment.month)
        for moment in (
            timezone.localtime(start) for start in sessions.values_list("starts_at", flat=True)
        )
    }
    return [
        (f"{year}-{month:02d}", date_format(date(year, month, 1), "F Y"))
        for year, month in sorted(seen)
    ]


def _session(request: HttpRequest, pk: int, *, seat_counts: bool = True) -> Session:
    """A session of a published event on this portal; anything else is 404."""
    region = getattr(request, "region", None)
    sessions = Session.objects.of_live_events(region).select_related("event")
    return get_object_or_404(sessions.with_seat_counts() if seat_counts else sessions, pk=pk)


def _event_url(request: HttpRequest, session: Session) -> str:
    return session.event.get_url(request) if session.event else "/"  # type: ignore[return-value]


@never_cache
def register(request: HttpRequest, pk: int) -> HttpResponse:
    """One click for a logged-in person; a short form for a visitor."""
    # The click needs no seat counts: the service counts the seats under the session's
    # lock, and in a rush every query less before it counts.
    session = _session(request, pk, seat_counts=not request.user.is_authenticated)
    if request.user.is_authenticated:
        if request.method != "POST":
            return redirect(_event_url(request, session))
        try:
            registration, created = services.register_user(
                session=session, user=request.user, portal=Site.find_for_request(request)
            )
        except services.RegistrationError as error:
            messages.error(request, error.message)
            return redirect(_event_url(request, session))
        if not created:
            messages.info(request, _("You were already registered. This is your registration."))
        elif registration.state == RegistrationState.WAITING:
            messages.success(request, _("The session is full. You are on the waiting list."))
        else:
            messages.success(request, _("You are registered. We have sent you a confirmation."))
        return redirect(_event_url(request, session) + f"#sessie-{session.pk}")

    form = VisitorForm(request.POST if request.method == "POST" else None)
    status = HTTPStatus.OK
    posted = request.method == "POST" and form.is_valid()
    if posted and not may_send_mail(
        request, action="event_registration", recipient=form.cleaned_data["email"]
    ):
        form.add_error(None, TOO_MANY_MAILS)
        status = HTTPStatus.TOO_MANY_REQUESTS
    elif posted:
        try:
            registration, created = services.register_visitor(
                session=session,
                visitor=services.Visitor(**form.cleaned_data),
                portal=Site.find_for_request(request),
            )
        except services.RegistrationError as error:
            form.add_error(None, error.message)
        else:
            return render(
                request,
                "events/visitor_check_email.html",
                {"session": session, "registration": registration, "created": created},
            )
    return render(
        request,
        "events/visitor_form.html",
        {"session": session, "form": form, "event_url": _event_url(request, session)},
        status=status,
    )


@never_cache
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The link in a visitor's e-mail: a button, so a mail scanner that opens links does
    not confirm on the person's behalf."""
    try:
        registration = links.open_link(token, links.Kind.CONFIRM)
    except links.LinkError as error:
        return _link_done(request, error)
    if request.method == "POST":
        try:
            registration = services.confirm_visitor(registration=registration)
        except services.RegistrationError as error:
            return render(
                request,
                "events/message.html",
                {"title": _("Not confirmed"), "text": error.message},
                status=400,
            )
        return render(request, "events/visitor_confirmed.html", {"registration": registration})
    return render(request, "events/confirm.html", {"registration": registration})


def _link_done(request: HttpRequest, error: links.LinkError) -> HttpResponse:
    """A link from an e-mail that does nothing (any more): what happened, what to do now.
    A link that was never ours is 404, as a guessed id is. One past its time is 410 Gone,
    which also tells mail scanners and browsers not to come back. One whose registration
    moved on is 200: it is no error, the page shows where the registration stands now."""
    status = {
        links.Problem.INVALID: HTTPStatus.NOT_FOUND,
        links.Problem.EXPIRED: HTTPStatus.GONE,
        links.Problem.MOVED_ON: HTTPStatus.OK,
    }[error.problem]
    registration = error.registration
    session = registration.session if registration else None
    session_to_come = session is not None and timezone.now() < session.starts_at
    # Registering again helps when the registration lapsed or ended; a visitor whose
    # confirm link expired gets a fresh link that way.
    lapsed = error.problem == links.Problem.EXPIRED and error.kind != links.Kind.CANCEL
    ended = registration is not None and not registration.is_active
    return render(
        request,
        "events/link_done.html",
        {
            "problem": error.problem,
            "kind": error.kind,
            "registration": registration,
            "session": session,
            "session_to_come": session_to_come,
            "register_again_url": (
                _event_url(request, session) + f"#sessie-{session.pk}"
                if session and session.event and session_to_come and (lapsed or ended)
                else ""
            ),
        },
        status=status,
    )


@login_required
@never_cache
def cancel(request: HttpRequest, pk: int) -> HttpResponse:
    registration = get_object_or_404(Registration.objects.visible_to(request.user), pk=pk)
    if registration.user_id != request.user.pk:
        require_second_factor(request)  # an editor's or trainer's right over someone else's
    return _cancel_page(request, registration, by_link=False)


@never_cache
def cancel_by_link(request: HttpRequest, token: str) -> HttpResponse:
    try:
        registration = links.open_link(token, links.Kind.CANCEL)
    except links.LinkError as error:
        return _link_done(request, error)
    return _cancel_page(request, registration, by_link=True)


def _cancel_page(
    request: HttpRequest, registration: Registration, *, by_link: bool
) -> HttpResponse:
    error = ""
    if request.method == "POST":
        try:
            services.cancel_registration(
                registration=registration, actor=request.user, by_link=by_link
            )
        except services.RegistrationError as exc:
            error = exc.message
        else:
            messages.success(request, _("Your registration is cancelled."))
            if registration.session.event:
                return redirect(registration.session.event.get_url(request) or "/")
            return redirect("/")
    return render(
        request,
        "events/cancel.html",
        {"registration": registration, "error": error},
        status=400 if error else 200,
    )


@never_cache
def accept_offer(request: HttpRequest, token: str) -> HttpResponse:
    """The link in the e-mail that offers a seat."""
    try:
        registration = links.open_link(token, links.Kind.ACCEPT)
    except links.LinkError as error:
        return _link_done(request, error)
    return _accept_offer_page(request, registration)


@login_required
@never_cache
def accept_own_offer(request: HttpRequest, pk: int) -> HttpResponse:
    """The same, from the event page or the dashboard of the person logged in."""
    registration = get_object_or_404(
        Registration.objects.of(request.user).select_related("session__event"), pk=pk
    )
    return _accept_offer_page(request, registration)


def _accept_offer_page(request: HttpRequest, registration: Registration) -> HttpResponse:
    error = ""
    if request.method == "POST":
        try:
            registration = services.accept_offer(registration=registration, actor=request.user)
        except services.RegistrationError as exc:
            error = exc.message
        else:
            return render(
                request,
                "events/message.html",
                {
                    "title": _("The seat is yours"),
                    "text": _("You are registered. We have sent you a confirmation."),
                },
            )
    return render(
        request,
        "events/accept_offer.html",
        {"registration": registration, "error": error},
        status=400 if error else 200,
    )


def session_ics(request: HttpRequest, pk: int) -> HttpResponse:
    """The public calendar file of one session (without the online link)."""
    session = _session(request, pk)
    return _ics(calendar_for([session], name=session.name, with_online_link=False), "sessie.ics")


def event_ics(request: HttpRequest, page_id: int) -> HttpResponse:
    region = getattr(request, "region", None)
    event = get_object_or_404(EventPage.objects.live().public().for_region(region), pk=page_id)  # type: ignore[attr-defined]
    return _ics(
        calendar_for(event.sessions.all(), name=event.title, with_online_link=False),
        f"{event.slug}.ics",
    )


def feed(request: HttpRequest, token: str) -> HttpResponse:
    """A person's calendar feed; the secret token is the only key (calendar apps cannot log
    in), so it includes the online links of their sessions."""
    calendar_feed = get_object_or_404(CalendarFeed.objects.by_token(token))
    sessions = sessions_for_calendar(calendar_feed.user)
    return _ics(
        calendar_for(sessions, name=_("My sessions"), with_online_link=True),
        "agenda.ics",
        inline=True,
    )


def _ics(content: bytes, filename: str, *, inline: bool = False) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


@login_required
@never_cache
def my_calendar(request: HttpRequest) -> HttpResponse:
    """The person's sessions and the address of their calendar feed, which they make with
    a button (a GET writes nothing) and can renew."""
    calendar_feed = CalendarFeed.objects.of(request.user).first()
    if request.method == "POST":
        services.renew_calendar_feed(user=request.user)
        messages.success(
            request,
            _("You have a new calendar address. The old one no longer works.")
            if calendar_feed
            else _("Your calendar address is ready. Add it to your calendar app."),
        )
        return redirect("events:my_calendar")
    context: dict[str, Any] = {
        "registrations": Registration.objects.upcoming_for(request.user),
        "points": services.accreditation_points_for(request.user),
    }
    if calendar_feed:
        feed_url = request_base_url(request) + reverse("events:feed", args=[calendar_feed.token])
        context.update(feed_url=feed_url, webcal_url="webcal://" + feed_url.split("://", 1)[1])
    return render(request, "events/my_calendar.html", context)


def _managed_session(request: HttpRequest, pk: int) -> Session:
    session = get_object_or_404(
        Session.objects.managed_by(request.user).select_related("event"), pk=pk
    )
    require_second_factor(request)
    return session


@login_required
@never_cache
def participants(request: HttpRequest, pk: int) -> HttpResponse:
    """The printable participant list of a session, for its trainers and editors."""
    session = _managed_session(request, pk)
    registrations = session.registrations.active().for_participant_list()  # type: ignore[attr-defined]
    return render(
        request,
        "events/participants.html",
        {
            "session": session,
            "confirmed": [
                r for r in registrations if r.is_confirmed or r.state == RegistrationState.OFFERED
            ],
            "waiting": sorted(
                (r for r in registrations if r.state == RegistrationState.WAITING),
                key=lambda r: (r.waiting_since, r.pk),
            ),
        },
    )


@login_required
@never_cache
def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    """Tick attendance on a phone: one group of three choices per participant."""
    session = _managed_session(request, pk)
    registrations = list(
        session.registrations.filter(  # type: ignore[attr-defined]
            Q(state=RegistrationState.CONFIRMED) | Q(state__in=("attended", "partly", "no_show"))
        ).for_participant_list()
    )
    form = AttendanceForm(request.POST or None, registrations=registrations)
    if request.method == "POST" and form.is_valid():
        try:
            for registration, _field in form.rows():
                state = form.cleaned_data.get(f"r{registration.pk}")
                if state:
                    services.mark_attendance(
                        registration=registration,
                        state=RegistrationState(state),
                        actor=request.user,
                    )
        except services.RegistrationError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Attendance is saved."))
            return redirect("events:attendance", pk=session.pk)
    return render(request, "events/attendance.html", {"session": session, "form": form})


@login_required
def certificate(request: HttpRequest, pk: int) -> HttpResponse:
    registration = get_object_or_404(
        Registration.objects.of(request.user).select_related("session__event"), pk=pk
    )
    if not services.has_full_attendance(registration):
        raise Http404
    response = HttpResponse(certificate_pdf(registration), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="deelnamebewijs.pdf"'
    return response


@login_required
@never_cache
def evaluation(request: HttpRequest, pk: int) -> HttpResponse:
    registration = get_object_or_404(
        Registration.objects.of(request.user).select_related("session__event"), pk=pk
    )
    event = registration.session.event
    if event is None or registration.state not in ("attended", "partly"):
        raise Http404
    existing = getattr(registration, "evaluation", None)
    form = EvaluationForm(
        request.POST or None, event=event, initial=existing.answers if existing else None
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_evaluation(
                registration=registration, user=request.user, answers=form.cleaned_data
            )
        except services.RegistrationError as error:
            raise PermissionDenied(error.message) from error
        return render(
            request,
            "events/message.html",
            {
                "title": _("Thank you"),
                "text": _("Your answers are saved. They help us make the next training better."),
            },
        )
    return render(
        request,
        "events/evaluation.html",
        {"registration": registration, "event": event, "form": form},
    )
