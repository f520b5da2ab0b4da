"""/mijn/organisatie/: the organisation as a workspace.

Every member sees their organisation, role, teams and managers. Administrators manage its
people, teams, e-mail domains and invitations and read its history; managers read the
composition of their own teams. Objects are always looked up through the person's own
membership, so another organisation's team or person answers 404, and so does an
administrator's page for someone who is not one. Pages that show other people because of
a role need the second factor (accounts.mfa)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from wagtail import hooks

from accounts.mfa import require_second_factor
from core.portals import request_base_url

from . import services
from .forms import DomainForm, InvitationForm, RoleForm, TeamForm, TeamMemberForm
from .models import Domain, Invitation, Membership, OrganisationEvent, Team, TeamMember
from .services import OrganisationError

View = Callable[..., HttpResponse]
PEOPLE_PER_PAGE = 25
HISTORY_PER_PAGE = 50


def workspace_links(request: HttpRequest, membership: Membership) -> list[dict[str, str]]:
    """Apps above this one add their pages to the workspace with the hook
    `organisation_workspace_links`: each function takes the request and the membership and
    returns a list of {"title": ..., "url": ...} (or [] when it has nothing for them)."""
    return [
        link
        for links in hooks.get_hooks("organisation_workspace_links")
        for link in links(request, membership)
    ]


def _in_role(*roles: Membership.Role) -> Callable[[View], View]:
    """Logs in, finds the person's membership and lets the given roles through (404 for
    anyone else: the page does not exist for them), after the second factor."""

    def decorate(view: View) -> View:
        @never_cache
        @login_required
        @wraps(view)
        def wrapper(request: HttpRequest, **kwargs: Any) -> HttpResponse:
            membership = services.membership_of(request.user)
            if membership is None or membership.role not in roles:
                raise Http404
            require_second_factor(request)
            return view(request, membership=membership, **kwargs)

        return wrapper

    return decorate


admin_only = _in_role(Membership.Role.ADMIN)
admin_or_manager = _in_role(Membership.Role.ADMIN, Membership.Role.MANAGER)


def _page(
    request: HttpRequest, template: str, membership: Membership, section: str, **context: Any
) -> HttpResponse:
    return render(
        request,
        f"organisations/workspace/{template}",
        {
            "membership": membership,
            "organisation": membership.organisation,
            "section": section,
            **context,
        },
    )


def _people(membership: Membership) -> QuerySet[Membership]:
    return Membership.objects.filter(organisation=membership.organisation_id)


def _teams(membership: Membership) -> QuerySet[Team]:
    """The teams this person may see: all for an administrator, their own for a manager."""
    teams = Team.objects.filter(organisation=membership.organisation_id)
    if not membership.is_admin:
        teams = teams.filter(team_members__membership=membership, team_members__is_manager=True)
    return teams


def _managers() -> Prefetch[str, QuerySet[TeamMember], str]:
    return Prefetch(
        "team_members",
        queryset=TeamMember.objects.filter(is_manager=True).select_related(
            "membership__user__profile"
        ),
        to_attr="managers",
    )


# ---------------------------------------------------------------------------
# Every member
# ---------------------------------------------------------------------------


@never_cache
@login_required
def home(request: HttpRequest) -> HttpResponse:
    membership = services.membership_of(request.user)
    if membership is None:
        return render(request, "organisations/workspace/join.html")
    own_teams = (
        Team.objects.filter(team_members__membership=membership)
        .prefetch_related(_managers())
        .order_by("name")
    )
    return _page(
        request,
        "home.html",
        membership,
        "home",
        teams=own_teams,
        links=workspace_links(request, membership),
    )


@never_cache
@login_required
def leave(request: HttpRequest) -> HttpResponse:
    membership = services.membership_of(request.user)
    if membership is None:
        return redirect("organisations:workspace")
    error = None
    if request.method == "POST":
        try:
            services.leave(user=cast(User, request.user))
        except OrganisationError as refusal:
            error = refusal.message
        else:
            messages.success(
                request,
                _("You left %(organisation)s.") % {"organisation": membership.organisation.name},
            )
            return redirect("organisations:workspace")
    return _page(request, "leave.html", membership, "home", error=error)


@never_cache
def accept_invitation(request: HttpRequest, token: str) -> HttpResponse:
    """Anyone with the link sees who invites them; accepting needs an account. Whoever has
    none signs up or logs in and comes back through the same link (`next`). Unknown, used
    and expired links all answer the same page."""
    invitation = services.find_invitation(token)
    if invitation is None:
        return render(request, "organisations/workspace/invitation_invalid.html", status=404)
    current = services.membership_of(request.user)
    if request.method == "POST" and request.user.is_authenticated:
        try:
            services.accept_invitation(token=token, user=cast(User, request.user))
        except OrganisationError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("Welcome to %(organisation)s.") % {"organisation": invitation.organisation.name},
            )
            return redirect("organisations:workspace")
    return render(
        request,
        "organisations/workspace/invitation.html",
        {"invitation": invitation, "current": current},
    )


# ---------------------------------------------------------------------------
# People (administrators)
# ---------------------------------------------------------------------------


@admin_only
def people(request: HttpRequest, membership: Membership) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    found = (
        _people(membership)
        .select_related("user__profile")
        .prefetch_related(
            Prefetch("team_members", queryset=TeamMember.objects.select_related("team"))
        )
        .order_by("user__profile__full_name", "user__email")
    )
    if query:
        found = found.filter(
            Q(user__profile__full_name__icontains=query) | Q(user__email__icontains=query)
        )
    page = Paginator(found, PEOPLE_PER_PAGE).get_page(request.GET.get("pagina"))
    return _page(
        request,
        "people.html",
        membership,
        "people",
        page=page,
        query=query,
        query_string=urlencode({"q": query}) if query else "",
    )


def _person(membership: Membership, pk: int) -> Membership:
    return get_object_or_404(_people(membership).select_related("user__profile"), pk=pk)


@admin_only
def person(request: HttpRequest, membership: Membership, pk: int) -> HttpResponse:
    other = _person(membership, pk)
    form = RoleForm(request.POST or None, initial={"role": other.role})
    if request.method == "POST" and form.is_valid():
        try:
            services.set_role(
                membership=other,
                role=Membership.Role(form.cleaned_data["role"]),
                actor=request.user,
            )
        except OrganisationError as error:
            form.add_error("role", error.message)
        else:
            messages.success(request, _("The role is changed."))
            return redirect("organisations:person", pk=other.pk)
    places = other.team_members.select_related("team").order_by("team__name")
    return _page(
        request, "person.html", membership, "people", person=other, form=form, places=places
    )


@require_POST
@admin_only
def remove_person(request: HttpRequest, membership: Membership, pk: int) -> HttpResponse:
    other = _person(membership, pk)
    try:
        services.remove_member(membership=other, actor=request.user)
    except OrganisationError as error:
        messages.error(request, error.message)
        return redirect("organisations:person", pk=other.pk)
    messages.success(request, _("%(name)s is no longer a member.") % {"name": _name(other)})
    return redirect("organisations:people")


def _name(membership: Membership) -> str:
    profile = getattr(membership.user, "profile", None)
    return profile.full_name if profile else membership.user.email


# ---------------------------------------------------------------------------
# Teams (administrators; managers read their own)
# ---------------------------------------------------------------------------


@admin_or_manager
def teams(request: HttpRequest, membership: Membership) -> HttpResponse:
    form = TeamForm(request.POST or None)
    if request.method == "POST" and membership.is_admin and form.is_valid():
        try:
            team = services.create_team(
                organisation=membership.organisation,
                name=form.cleaned_data["name"],
                actor=request.user,
            )
        except OrganisationError as error:
            form.add_error("name", error.message)
        else:
            messages.success(request, _("The team %(name)s is made.") % {"name": team.name})
            return redirect("organisations:team", pk=team.pk)
    listed = (
        _teams(membership)
        .annotate(size=Count("team_members"))
        .prefetch_related(_managers())
        .order_by("name")
    )
    return _page(request, "teams.html", membership, "teams", teams=listed, form=form)


def _team(membership: Membership, pk: int) -> Team:
    return get_object_or_404(_teams(membership).select_related("organisation"), pk=pk)


def _render_team(
    request: HttpRequest,
    membership: Membership,
    team: Team,
    *,
    rename_form: TeamForm | None = None,
    member_form: TeamMemberForm | None = None,
) -> HttpResponse:
    members = team.team_members.select_related("membership__user__profile").order_by(
        "-is_manager", "membership__user__profile__full_name"
    )
    return _page(
        request,
        "team.html",
        membership,
        "teams",
        team=team,
        members=members,
        rename_form=rename_form or TeamForm(initial={"name": team.name}),
        member_form=member_form or TeamMemberForm(),
    )


@admin_or_manager
def team(request: HttpRequest, membership: Membership, pk: int) -> HttpResponse:
    return _render_team(request, membership, _team(membership, pk))


@require_POST
@admin_only
def rename_team(request: HttpRequest, membership: Membership, pk: int) -> HttpResponse:
    team = _team(membership, pk)
    form = TeamForm(request.POST)
    if form.is_valid():
        try:
            services.rename_team(team=team, name=form.cleaned_data["name"], actor=request.user)
        except OrganisationError as error:
            form.add_error("name", error.message)
        else:
            messages.success(request, _("The team is renamed."))
            return redirect("organisations:team", pk=team.pk)
    return _render_team(request, membership, team, rename_form=form)


@require_POST
@admin_only
def add_to_team(request: HttpRequest, membership: Membership, pk: int) -> HttpResponse:
    team = _team(membership, pk)
    form = TeamMemberForm(request.POST)
    if form.is_valid():
        other = (
            _people(membership)
            .select_related("user")
            .filter(user__email__iexact=form.cleaned_data["email"])
            .first()
        )
        if other is None:
            form.add_error("email", _("Nobody with this address is a member of the organisation."))
        else:
            try:
                services.put_in_team(
                    team=team,
                    membership=other,
                    is_manager=form.cleaned_data["is_manager"],
                    actor=request.user,
                )
            except OrganisationError as error:
                form.add_error("is_manager", error.message)
            else:
                messages.success(request, _("The team is changed."))
                return redirect("organisations:team", pk=team.pk)
    return _render_team(request, membership, team, member_form=form)


@require_POST
@admin_only
def change_team_member(
    request: HttpRequest, membership: Membership, pk: int, member_pk: int
) -> HttpResponse:
    """Make a member of the team its manager, or not, or take them out of the team."""
    team = _team(membership, pk)
    place = get_object_or_404(
        team.team_members.select_related("membership__user"), membership_id=member_pk
    )
    action = request.POST.get("action")
    try:
        if action == "remove":
            services.remove_from_team(team=team, membership=place.membership, actor=request.user)
        elif action in ("manager", "member"):
            services.put_in_team(
                team=team,
                membership=place.membership,
                is_manager=action == "manager",
                actor=request.user,
            )
        else:
            return HttpResponse(status=400)
    except OrganisationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The team is changed."))
    return redirect("organisations:team", pk=team.pk)


@require_POST
@admin_only
def delete_team(request: HttpRequest, membership: Membership, pk: int) -> HttpResponse:
    team = _team(membership, pk)
    services.delete_team(team=team, actor=request.user)
    messages.success(request, _("The team %(name)s is removed.") % {"name": team.name})
    return redirect("organisations:teams")


# ---------------------------------------------------------------------------
# Domains, invitations, history (administrators)
# ---------------------------------------------------------------------------


@admin_only
def domains(request: HttpRequest, membership: Membership) -> HttpResponse:
    form = DomainForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            domain = services.add_domain(
                organisation=membership.organisation,
                domain=form.cleaned_data["domain"],
                actor=request.user,
            )
        except OrganisationError as error:
            form.add_error("domain", error.message)
        else:
            messages.success(
                request,
                _("%(domain)s is registered. Colleagues with a verified address there join.")
                % {"domain": domain.domain},
            )
            return redirect("organisations:domains")
    registered = Domain.objects.filter(organisation=membership.organisation_id)
    return _page(request, "domains.html", membership, "domains", domains=registered, form=form)


@require_POST
@admin_only
def remove_domain(request: HttpRequest, membership: Membership, pk: int) -> HttpResponse:
    domain = get_object_or_404(
        Domain.objects.filter(organisation=membership.organisation_id), pk=pk
    )
    services.remove_domain(domain=domain, actor=request.user)
    messages.success(request, _("%(domain)s is removed.") % {"domain": domain.domain})
    return redirect("organisations:domains")


@admin_only
def invitations(request: HttpRequest, membership: Membership) -> HttpResponse:
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.invite(
                organisation=membership.organisation,
                email=form.cleaned_data["email"],
                role=Membership.Role(form.cleaned_data["role"]),
                actor=request.user,
                base_url=request_base_url(request),
            )
        except OrganisationError as error:
            form.add_error("email", error.message)
        else:
            messages.success(
                request,
                _("The invitation is sent to %(email)s.") % {"email": form.cleaned_data["email"]},
            )
            return redirect("organisations:invitations")
    open_ones = Invitation.objects.filter(
        organisation=membership.organisation_id,
        accepted_at__isnull=True,
        expires_at__gt=timezone.now(),
    ).select_related("invited_by__profile")
    return _page(
        request, "invitations.html", membership, "invitations", invitations=open_ones, form=form
    )


@require_POST
@admin_only
def withdraw_invitation(request: HttpRequest, membership: Membership, pk: int) -> HttpResponse:
    invitation = get_object_or_404(
        Invitation.objects.filter(organisation=membership.organisation_id), pk=pk
    )
    services.withdraw_invitation(invitation=invitation, actor=request.user)
    messages.success(
        request, _("The invitation to %(email)s is withdrawn.") % {"email": invitation.email}
    )
    return redirect("organisations:invitations")


@admin_only
def history(request: HttpRequest, membership: Membership) -> HttpResponse:
    events = OrganisationEvent.objects.filter(
        organisation=membership.organisation_id
    ).select_related("actor__profile", "subject__profile")
    page = Paginator(events, HISTORY_PER_PAGE).get_page(request.GET.get("pagina"))
    return _page(request, "history.html", membership, "history", page=page)
