"""The private workspace of a circle and the regional overview of shared bottlenecks.

Every workspace view fetches the circle through `Circle.objects.visible_to(user)`: who is
not an active member gets 404, editors and superusers included. Visitors are sent to log
in first, for any address below /leerkringen/<slug>/, whether the circle exists or not.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from http import HTTPStatus
from itertools import groupby
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from wagtail.models import Page

from accounts.mfa import require_second_factor
from core.exports import spreadsheet_filename, spreadsheet_response
from core.ratelimit import TOO_MANY_MAILS, may_send_mail

from . import services
from .forms import (
    AgreementForm,
    AttendanceForm,
    BottleneckForm,
    CaseForm,
    CommentForm,
    HandOverForm,
    ImprovementPointForm,
    InviteForm,
    MeetingForm,
    MinutesForm,
    NotificationsForm,
    ResponseForm,
)
from .models import (
    Agreement,
    Bottleneck,
    Case,
    Circle,
    CircleEvent,
    Comment,
    ImprovementPoint,
    Meeting,
    Membership,
    person_name,
)
from .services import CircleError

View = Callable[..., HttpResponse]


def workspace(view: View) -> View:
    """Logs in, finds the circle among the person's own and passes it with the membership."""

    @never_cache
    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, slug: str, **kwargs: Any) -> HttpResponse:
        circle = get_object_or_404(Circle.objects.visible_to(request.user), slug=slug)
        membership = Membership.objects.get(circle=circle, user=request.user)  # type: ignore[misc]
        if membership.is_facilitator:
            # Every workspace page offers a facilitator's tools over the other members.
            require_second_factor(request)
        return view(request, circle=circle, membership=membership, **kwargs)

    return wrapper


def facilitator_only(membership: Membership) -> None:
    if not membership.is_facilitator:
        raise PermissionDenied


def render_workspace(
    request: HttpRequest,
    template: str,
    *,
    circle: Circle,
    membership: Membership,
    section: str,
    **context: Any,
) -> HttpResponse:
    return render(
        request,
        f"circles/{template}",
        {"circle": circle, "membership": membership, "section": section, **context},
    )


def _done(
    request: HttpRequest, message: str, to: str, circle: Circle, **kwargs: Any
) -> HttpResponse:
    messages.success(request, message)
    return redirect(to, slug=circle.slug, **kwargs)


def _refused(
    request: HttpRequest, error: CircleError, to: str, circle: Circle, **kwargs: Any
) -> HttpResponse:
    messages.error(request, str(error))
    return redirect(to, slug=circle.slug, **kwargs)


# ---------------------------------------------------------------------------
# Joining
# ---------------------------------------------------------------------------


@never_cache
@login_required
def request_join(request: HttpRequest, slug: str) -> HttpResponse:
    """The public list's "ask to join" button leads here; a facilitator decides."""
    circle = get_object_or_404(Circle.objects.active(), slug=slug)
    if Circle.objects.visible_to(request.user).filter(pk=circle.pk).exists():
        return redirect("circles:overview", slug=circle.slug)
    membership = Membership.objects.filter(circle=circle, user=request.user).first()  # type: ignore[misc]
    error = None
    status = HTTPStatus.OK
    # The circle's facilitators get the e-mail, whoever asks; counted per person asking.
    recipient = f"circle {circle.pk}, asked by user {request.user.pk}"
    if request.method == "POST" and not may_send_mail(
        request, action="circle_join_request", recipient=recipient
    ):
        error, status = str(TOO_MANY_MAILS), HTTPStatus.TOO_MANY_REQUESTS
    elif request.method == "POST":
        try:
            services.request_to_join(circle=circle, user=request.user)
        except CircleError as refusal:
            error = str(refusal)
        else:
            messages.success(request, _("Your request is sent. A facilitator will answer soon."))
            return redirect("circles:request_join", slug=circle.slug)
    return render(
        request,
        "circles/request_join.html",
        {"circle": circle, "membership": membership, "error": error},
        status=status,
    )


@never_cache
def accept_invitation(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    """Anyone with the link sees which circle invites them; accepting needs an account.
    Whoever has no account signs up and comes back through the same link (`next`)."""
    circle = get_object_or_404(Circle.objects.active(), slug=slug)
    invitation = services.find_invitation(circle=circle, token=token)
    if invitation is None:
        return render(request, "circles/invitation_invalid.html", {"circle": circle}, status=404)
    if request.method == "POST" and request.user.is_authenticated:
        try:
            services.accept_invitation(circle=circle, token=token, user=request.user)
        except CircleError as error:
            messages.error(request, str(error))
            return redirect("/")
        messages.success(request, _("Welcome to the circle."))
        return redirect("circles:overview", slug=circle.slug)
    return render(request, "circles/invitation.html", {"circle": circle, "invitation": invitation})


# ---------------------------------------------------------------------------
# Overview, cases and comments
# ---------------------------------------------------------------------------


@workspace
def overview(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    return render_workspace(
        request,
        "overview.html",
        circle=circle,
        membership=membership,
        section="overview",
        agreements=Agreement.objects.filter(circle=circle).open().listed()[:5],
        cases=Case.objects.of_circle(circle).listed()[:5],
        comments=Comment.objects.recent_in(circle)[:5],
        answered=Bottleneck.objects.filter(circle=circle, responded_at__isnull=False)[:3],
        catalogue_items=Page.objects.live()
        .filter(pk__in=circle.catalogue_items.values("pk"))
        .order_by("title"),
        next_meeting=Meeting.objects.filter(circle=circle).upcoming().first(),
    )


@workspace
def cases(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    return render_workspace(
        request,
        "cases.html",
        circle=circle,
        membership=membership,
        section="cases",
        cases=Case.objects.of_circle(circle).listed(),
    )


@workspace
def case_new(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    form = CaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            case = services.bring_in_case(
                circle=circle, author=request.user, details=form.details()
            )
        except CircleError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your case is saved. Members can now respond."))
            return redirect(case.get_absolute_url())
    return render_workspace(
        request, "case_form.html", circle=circle, membership=membership, section="cases", form=form
    )


def _case(circle: Circle, user: Any, pk: int) -> Case:
    return get_object_or_404(Case.objects.visible_to(user).filter(circle=circle), pk=pk)


@workspace
def case_detail(
    request: HttpRequest, circle: Circle, membership: Membership, pk: int
) -> HttpResponse:
    case = _case(circle, request.user, pk)
    return _render_case(request, circle, membership, case)


def _render_case(
    request: HttpRequest,
    circle: Circle,
    membership: Membership,
    case: Case,
    *,
    comment_form: CommentForm | None = None,
    point_form: ImprovementPointForm | None = None,
) -> HttpResponse:
    return render_workspace(
        request,
        "case_detail.html",
        circle=circle,
        membership=membership,
        section="cases",
        case=case,
        comments=case.comments.with_authors(),
        points=case.improvement_points.select_related("agreement"),
        capital_forms=case.capital_forms.all(),
        family_types=case.family_types.all(),
        can_edit=services.can_edit_case(case, request.user),
        comment_form=comment_form or CommentForm(),
        point_form=point_form or ImprovementPointForm(),
        author_name=person_name(case.author),
    )


@workspace
def case_edit(
    request: HttpRequest, circle: Circle, membership: Membership, pk: int
) -> HttpResponse:
    case = _case(circle, request.user, pk)
    if not services.can_edit_case(case, request.user) or case.is_archived:
        raise PermissionDenied
    form = CaseForm(request.POST or None, initial=CaseForm.initial_from(case))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_case(case=case, by=request.user, details=form.details())
        except CircleError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your changes are saved."))
            return redirect(case.get_absolute_url())
    return render_workspace(
        request,
        "case_form.html",
        circle=circle,
        membership=membership,
        section="cases",
        form=form,
        case=case,
    )


@require_POST
@workspace
def comment(request: HttpRequest, circle: Circle, membership: Membership, pk: int) -> HttpResponse:
    case = _case(circle, request.user, pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.add_comment(case=case, author=request.user, text=form.cleaned_data["text"])
        except CircleError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your comment is posted."))
            return redirect(case.get_absolute_url() + "#reacties")
    return _render_case(request, circle, membership, case, comment_form=form)


@require_POST
@workspace
def improvement_point(
    request: HttpRequest, circle: Circle, membership: Membership, pk: int
) -> HttpResponse:
    case = _case(circle, request.user, pk)
    form = ImprovementPointForm(request.POST)
    if form.is_valid():
        try:
            services.add_improvement_point(
                case=case, by=request.user, text=form.cleaned_data["text"]
            )
        except CircleError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The improvement point is added."))
            return redirect(case.get_absolute_url() + "#verbeterpunten")
    return _render_case(request, circle, membership, case, point_form=form)


@require_POST
@workspace
def point_to_agreement(
    request: HttpRequest, circle: Circle, membership: Membership, pk: int
) -> HttpResponse:
    point = get_object_or_404(
        ImprovementPoint.objects.filter(
            case__in=Case.objects.visible_to(request.user), case__circle=circle
        ),
        pk=pk,
    )
    try:
        services.turn_into_agreement(point=point, by=request.user)
    except CircleError as error:
        return _refused(request, error, "circles:case_detail", circle, pk=point.case_id)
    return _done(
        request,
        _("The improvement point is now an open agreement. Add who follows up and by when."),
        "circles:agreements",
        circle,
    )


# ---------------------------------------------------------------------------
# Meetings
# ---------------------------------------------------------------------------


@workspace
def meetings(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    circle_meetings = Meeting.objects.filter(circle=circle)
    return render_workspace(
        request,
        "meetings.html",
        circle=circle,
        membership=membership,
        section="meetings",
        upcoming=circle_meetings.upcoming(),
        past=circle_meetings.past(),
    )


@workspace
def meeting_form(
    request: HttpRequest, circle: Circle, membership: Membership, pk: int | None = None
) -> HttpResponse:
    facilitator_only(membership)
    meeting = None
    if pk is not None:
        meeting = get_object_or_404(
            Meeting.objects.visible_to(request.user).filter(circle=circle), pk=pk
        )
    initial = MeetingForm.initial_from(meeting) if meeting else None
    form = MeetingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if meeting:
                meeting = services.update_meeting(
                    meeting=meeting, by=request.user, details=form.details()
                )
            else:
                meeting = services.plan_meeting(
                    circle=circle, by=request.user, details=form.details()
                )
        except CircleError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The meeting is saved. Members find it in their calendar."))
            return redirect(meeting.get_absolute_url())
    return render_workspace(
        request,
        "meeting_form.html",
        circle=circle,
        membership=membership,
        section="meetings",
        form=form,
        meeting=meeting,
    )


def _meeting(circle: Circle, user: Any, pk: int) -> Meeting:
    return get_object_or_404(Meeting.objects.visible_to(user).filter(circle=circle), pk=pk)


def _attendance_registrations(meeting: Meeting) -> Any:
    return meeting.session.registrations.filter(  # type: ignore[attr-defined]
        user__isnull=False, state__in=["confirmed", "attended", "no_show"]
    ).order_by("name")


@workspace
def meeting_detail(
    request: HttpRequest, circle: Circle, membership: Membership, pk: int
) -> HttpResponse:
    return _render_meeting(request, circle, membership, _meeting(circle, request.user, pk))


def _render_meeting(
    request: HttpRequest,
    circle: Circle,
    membership: Membership,
    meeting: Meeting,
    *,
    minutes_form: MinutesForm | None = None,
) -> HttpResponse:
    registrations = list(_attendance_registrations(meeting))
    return render_workspace(
        request,
        "meeting_detail.html",
        circle=circle,
        membership=membership,
        section="meetings",
        meeting=meeting,
        session=meeting.session,
        agreements=Agreement.objects.filter(circle=circle).open().listed(),
        registrations=registrations,
        minutes_form=minutes_form or MinutesForm(initial={"minutes": meeting.minutes}),
        attendance_form=AttendanceForm(
            registrations=registrations,
            initial={"present": [str(r.user_id) for r in registrations if r.state == "attended"]},
        ),
    )


@require_POST
@workspace
def minutes(request: HttpRequest, circle: Circle, membership: Membership, pk: int) -> HttpResponse:
    facilitator_only(membership)
    meeting = _meeting(circle, request.user, pk)
    form = MinutesForm(request.POST)
    if form.is_valid():
        try:
            services.write_minutes(
                meeting=meeting, by=request.user, minutes=form.cleaned_data["minutes"]
            )
        except CircleError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The minutes are saved. Members can read them now."))
            return redirect(meeting.get_absolute_url())
    return _render_meeting(request, circle, membership, meeting, minutes_form=form)


@require_POST
@workspace
def attendance(
    request: HttpRequest, circle: Circle, membership: Membership, pk: int
) -> HttpResponse:
    facilitator_only(membership)
    meeting = _meeting(circle, request.user, pk)
    form = AttendanceForm(request.POST, registrations=_attendance_registrations(meeting))
    if not form.is_valid():
        messages.error(request, _("Tick who was there."))
        return redirect(meeting.get_absolute_url())
    try:
        services.record_attendance(
            meeting=meeting, by=request.user, present_user_ids=form.present_user_ids()
        )
    except CircleError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Attendance is saved."))
    return redirect(meeting.get_absolute_url())


# ---------------------------------------------------------------------------
# Agreements
# ---------------------------------------------------------------------------


@workspace
def agreements(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    return render_workspace(
        request,
        "agreements.html",
        circle=circle,
        membership=membership,
        section="agreements",
        agreements=Agreement.objects.filter(circle=circle)
        .listed()
        .select_related("improvement_point__case"),
    )


@workspace
def agreements_download(
    request: HttpRequest, circle: Circle, membership: Membership
) -> HttpResponse:
    """The agreements as a spreadsheet (CSV) to take to a meeting."""
    return spreadsheet_response(
        headings=[
            _("What we agree"),
            _("Organisations"),
            _("Who follows up"),
            _("By when"),
            _("Status"),
        ],
        rows=(
            [
                agreement.description,
                ", ".join(o.name for o in agreement.organisations.all()),
                person_name(agreement.follow_up_by) if agreement.follow_up_by else "",
                agreement.due_on,
                agreement.get_status_display(),
            ]
            for agreement in Agreement.objects.filter(circle=circle).listed()
        ),
        filename=spreadsheet_filename("afspraken", circle.name),
    )


@workspace
def agreement_form(
    request: HttpRequest, circle: Circle, membership: Membership, pk: int | None = None
) -> HttpResponse:
    agreement = None
    if pk is not None:
        agreement = get_object_or_404(
            Agreement.objects.visible_to(request.user).filter(circle=circle), pk=pk
        )
    initial = AgreementForm.initial_from(agreement) if agreement else None
    form = AgreementForm(request.POST or None, circle=circle, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if agreement:
                services.update_agreement(
                    agreement=agreement, by=request.user, details=form.details()
                )
            else:
                services.make_agreement(circle=circle, by=request.user, details=form.details())
        except CircleError as error:
            form.add_error(None, str(error))
        else:
            return _done(request, _("The agreement is saved."), "circles:agreements", circle)
    return render_workspace(
        request,
        "agreement_form.html",
        circle=circle,
        membership=membership,
        section="agreements",
        form=form,
        agreement=agreement,
    )


# ---------------------------------------------------------------------------
# Bottlenecks
# ---------------------------------------------------------------------------


@workspace
def bottlenecks(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    return render_workspace(
        request,
        "bottlenecks.html",
        circle=circle,
        membership=membership,
        section="bottlenecks",
        bottlenecks=Bottleneck.objects.filter(circle=circle).select_related("case"),
    )


@workspace
def bottleneck_form(
    request: HttpRequest, circle: Circle, membership: Membership, pk: int | None = None
) -> HttpResponse:
    bottleneck = None
    if pk is not None:
        bottleneck = get_object_or_404(
            Bottleneck.objects.visible_to(request.user).filter(circle=circle), pk=pk
        )
    initial = BottleneckForm.initial_from(bottleneck) if bottleneck else None
    form = BottleneckForm(request.POST or None, circle=circle, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_bottleneck(
                circle=circle, by=request.user, details=form.details(), bottleneck=bottleneck
            )
        except CircleError as error:
            form.add_error(None, str(error))
        else:
            return _done(request, _("The bottleneck is saved."), "circles:bottlenecks", circle)
    return render_workspace(
        request,
        "bottleneck_form.html",
        circle=circle,
        membership=membership,
        section="bottlenecks",
        form=form,
        bottleneck=bottleneck,
    )


@require_POST
@workspace
def bottleneck_share(
    request: HttpRequest, circle: Circle, membership: Membership, pk: int
) -> HttpResponse:
    bottleneck = get_object_or_404(
        Bottleneck.objects.visible_to(request.user).filter(circle=circle), pk=pk
    )
    try:
        services.share_bottleneck(bottleneck=bottleneck, by=request.user)
    except CircleError as error:
        return _refused(request, error, "circles:bottlenecks", circle)
    return _done(
        request,
        _("The bottleneck is shared with the region. Coordinators can now read its description."),
        "circles:bottlenecks",
        circle,
    )


# ---------------------------------------------------------------------------
# Members and history
# ---------------------------------------------------------------------------


@workspace
def members(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    return _render_members(request, circle, membership)


def _render_members(
    request: HttpRequest,
    circle: Circle,
    membership: Membership,
    *,
    invite_form: InviteForm | None = None,
) -> HttpResponse:
    return render_workspace(
        request,
        "members.html",
        circle=circle,
        membership=membership,
        section="members",
        members=Membership.objects.active().filter(circle=circle).with_people(),
        requests=Membership.objects.requested().filter(circle=circle).with_people()
        if membership.is_facilitator
        else [],
        invite_form=invite_form or InviteForm(),
        notifications_form=NotificationsForm(initial={"notifications": membership.notifications}),
        hand_over_form=HandOverForm(circle=circle, exclude=request.user),
    )


@require_POST
@workspace
def invite(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    facilitator_only(membership)
    form = InviteForm(request.POST)
    if form.is_valid() and not may_send_mail(
        request, action="circle_invitation", recipient=form.cleaned_data["email"]
    ):
        form.add_error("email", TOO_MANY_MAILS)
    elif form.is_valid():
        try:
            services.invite_to_circle(
                circle=circle, email=form.cleaned_data["email"], by=request.user
            )
        except CircleError as error:
            form.add_error("email", str(error))
        else:
            return _done(
                request,
                _("The invitation is sent to %(email)s.") % {"email": form.cleaned_data["email"]},
                "circles:members",
                circle,
            )
    return _render_members(request, circle, membership, invite_form=form)


def _other_membership(circle: Circle, pk: int) -> Membership:
    return get_object_or_404(Membership.objects.filter(circle=circle), pk=pk)


@require_POST
@workspace
def decide_request(
    request: HttpRequest, circle: Circle, membership: Membership, pk: int
) -> HttpResponse:
    facilitator_only(membership)
    other = _other_membership(circle, pk)
    approve = request.POST.get("decision") == "approve"
    try:
        services.decide_join_request(membership=other, by=request.user, approve=approve)
    except CircleError as error:
        return _refused(request, error, "circles:members", circle)
    message = (
        _("%(name)s is now a member.") if approve else _("The request of %(name)s is declined.")
    )
    return _done(request, message % {"name": person_name(other.user)}, "circles:members", circle)


@workspace
def remove(request: HttpRequest, circle: Circle, membership: Membership, pk: int) -> HttpResponse:
    """Asks first (GET), removes on the confirming POST."""
    facilitator_only(membership)
    other = get_object_or_404(Membership.objects.active().filter(circle=circle), pk=pk)
    if request.method != "POST":
        return render_workspace(
            request,
            "remove_member.html",
            circle=circle,
            membership=membership,
            section="members",
            other=other,
        )
    try:
        services.remove_member(membership=other, by=request.user)
    except CircleError as error:
        return _refused(request, error, "circles:members", circle)
    return _done(
        request,
        _("%(name)s is no longer a member.") % {"name": person_name(other.user)},
        "circles:members",
        circle,
    )


@require_POST
@workspace
def hand_over(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    facilitator_only(membership)
    form = HandOverForm(request.POST, circle=circle, exclude=request.user)
    if not form.is_valid():
        messages.error(request, _("Choose the member who takes over."))
        return redirect("circles:members", slug=circle.slug)
    to = form.cleaned_data["membership"]
    try:
        services.hand_over_facilitator(circle=circle, by=request.user, to=to)
    except CircleError as error:
        return _refused(request, error, "circles:members", circle)
    return _done(
        request,
        _("%(name)s is now the facilitator.") % {"name": person_name(to.user)},
        "circles:members",
        circle,
    )


@require_POST
@workspace
def leave(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    try:
        services.leave_circle(membership=membership)
    except CircleError as error:
        return _refused(request, error, "circles:members", circle)
    messages.success(request, _("You have left %(name)s.") % {"name": circle.name})
    return redirect("/")


@require_POST
@workspace
def notifications(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    form = NotificationsForm(request.POST)
    if form.is_valid():
        services.set_notifications(membership=membership, choice=form.cleaned_data["notifications"])
        return _done(request, _("Your choice is saved."), "circles:members", circle)
    messages.error(request, _("Choose how you want to hear about news."))
    return redirect("circles:members", slug=circle.slug)


@workspace
def history(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    return render_workspace(
        request,
        "history.html",
        circle=circle,
        membership=membership,
        section="history",
        events=CircleEvent.objects.filter(circle=circle).listed(),
    )


@workspace
def workspace_home(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    return redirect("circles:overview", slug=circle.slug)


# ---------------------------------------------------------------------------
# The region
# ---------------------------------------------------------------------------


@never_cache
@login_required
@permission_required(services.REGIONAL_PERMISSION, raise_exception=True)
def regional_bottlenecks(request: HttpRequest) -> HttpResponse:
    """Shared bottlenecks of the portal's region, by kind and municipality; never cases."""
    require_second_factor(request)
    shared = list(Bottleneck.objects.shared().for_region(getattr(request, "region", None)))
    by_kind = []
    for kind, items in groupby(shared, key=lambda b: b.kind):
        rows = list(items)
        by_kind.append(
            {
                "label": Bottleneck.Kind(kind).label,
                "source_count": len({(b.circle_id, b.organisation_id) for b in rows}),
                "municipalities": [
                    (municipality, list(group))
                    for municipality, group in groupby(rows, key=lambda b: b.municipality)
                ],
            }
        )
    return render(
        request, "circles/regional_bottlenecks.html", {"kinds": by_kind, "total": len(shared)}
    )


@never_cache
@login_required
@permission_required(services.REGIONAL_PERMISSION, raise_exception=True)
def respond(request: HttpRequest, pk: int) -> HttpResponse:
    require_second_factor(request)
    bottleneck = get_object_or_404(
        Bottleneck.objects.shared().for_region(getattr(request, "region", None)), pk=pk
    )
    form = ResponseForm(
        request.POST or None,
        initial={"response": bottleneck.regional_response, "status": bottleneck.status},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.respond_to_bottleneck(
                bottleneck=bottleneck, by=request.user, **form.cleaned_data
            )
        except CircleError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, _("Your answer is saved. The circle sees it in its workspace.")
            )
            return redirect("circles:regional_bottlenecks")
    return render(request, "circles/respond.html", {"bottleneck": bottleneck, "form": form})
