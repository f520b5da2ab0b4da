"""The pages of a team's learning paths under /mijn/organisatie/: the manager composes,
assigns and follows a path; a member chooses what their managers may see.

A team is looked up only among the teams the person manages (its managers and the
organisation's administrators), so another team, also of another organisation, is not
found; a path and a step only within that team. Nothing is cached: a member's change of
consent shows on the manager's next request.
"""

from __future__ import annotations

from typing import Literal, cast
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts.mfa import require_second_factor
from organisations.models import Membership, Team
from organisations.services import membership_of, set_sharing

from . import team_paths as services
from .models import TeamPath
from .team_forms import AddStepForm, DueDateForm, ItemSearchForm, PathForm, SharingForm
from .team_progress import path_progress


def _user(request: HttpRequest) -> User:
    return cast(User, request.user)  # login_required: never anonymous


def _managed_teams(request: HttpRequest) -> QuerySet[Team]:
    return Team.objects.filter(pk__in=services.managed_team_ids(request.user))


def _team(request: HttpRequest, team_id: int) -> Team:
    team = get_object_or_404(_managed_teams(request).select_related("organisation"), pk=team_id)
    # A manager reads colleagues' progress: as every manager's page, after the second factor.
    require_second_factor(request)
    return team


def _path(team: Team, path_id: int) -> TeamPath:
    path = get_object_or_404(TeamPath.objects.filter(team=team), pk=path_id)
    path.team = team  # the one just looked up, with its organisation
    return path


def _compose_url(path: TeamPath, anchor: str = "") -> str:
    url = reverse("learning:team_path", args=[path.team_id, path.pk])
    return f"{url}#{anchor}" if anchor else url


@never_cache
@login_required
def teams(request: HttpRequest) -> HttpResponse:
    """ "Leerpaden van je teams": every team the person manages, with its paths."""
    managed = list(
        _managed_teams(request)
        .annotate(member_count=Count("team_members"))
        .prefetch_related(Prefetch("learning_paths", queryset=TeamPath.objects.order_by("title")))
        .order_by("name")
    )
    if not managed:
        raise Http404
    require_second_factor(request)
    return render(request, "learning/team/teams.html", {"teams": managed})


@never_cache
@login_required
def team_paths(request: HttpRequest, team_id: int) -> HttpResponse:
    team = _team(request, team_id)
    form = PathForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        path = services.create_path(
            team=team,
            title=form.cleaned_data["title"],
            description=form.cleaned_data["description"],
            actor=_user(request),
        )
        messages.success(request, _("Path created. Now add items from the catalogue."))
        return redirect(_compose_url(path, "zoeken"))
    paths = team.learning_paths.annotate(step_count=Count("steps")).order_by("-created_at")
    return render(
        request,
        "learning/team/paths.html",
        {
            "team": team,
            "paths": paths,
            "form": form,
            "member_count": len(services.members_of(team)),
        },
    )


@never_cache
@login_required
def compose(request: HttpRequest, team_id: int, path_id: int) -> HttpResponse:
    """The path's title, its steps with due dates, and a search to add items: plain forms
    and links, so it works without JavaScript; htmx only refreshes the search results."""
    team = _team(request, team_id)
    path = _path(team, path_id)
    form = PathForm(request.POST or None, instance=path)
    if request.method == "POST" and form.is_valid():
        services.edit_path(
            path=path,
            title=form.cleaned_data["title"],
            description=form.cleaned_data["description"],
            actor=_user(request),
        )
        messages.success(request, _("Saved."))
        return redirect(_compose_url(path))
    steps = list(path.steps.select_related("item").order_by("position", "pk"))
    search = ItemSearchForm(request.GET)
    return render(
        request,
        "learning/team/compose.html",
        {
            "team": team,
            "path": path,
            "form": form,
            "steps": steps,
            "search": search,
            "results": search.results(exclude=[step.item_id for step in steps]),
        },
    )


@require_POST
@login_required
def add_step(request: HttpRequest, team_id: int, path_id: int) -> HttpResponse:
    path = _path(_team(request, team_id), path_id)
    form = AddStepForm(request.POST)
    if form.is_valid():
        item = form.cleaned_data["item"]
        try:
            services.add_step(
                path=path, item=item, due_date=form.cleaned_data["due_date"], actor=_user(request)
            )
        except services.TeamPathError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("“%(title)s” added to the path.") % {"title": item.title})
    else:
        for problem in form.errors.get("item", []) + form.errors.get("due_date", []):
            messages.error(request, str(problem))
    # Back to the same search, so the next item is one click away.
    query = urlencode({"q": request.POST.get("q", "")[:100]})
    return redirect(f"{_compose_url(path)}?{query}#zoeken")


@require_POST
@login_required
def change_step(request: HttpRequest, team_id: int, path_id: int, step_id: int) -> HttpResponse:
    """Move a step, remove it or change its due date (the button pressed says which)."""
    path = _path(_team(request, team_id), path_id)
    step = get_object_or_404(path.steps.select_related("item"), pk=step_id)
    step.path = path
    actor, action = _user(request), request.POST.get("action")
    if action in ("up", "down"):
        services.move_step(step=step, direction=cast(Literal["up", "down"], action), actor=actor)
    elif action == "remove":
        services.remove_step(step=step, actor=actor)
        messages.success(
            request, _("“%(title)s” removed from the path.") % {"title": step.item.title}
        )
        return redirect(_compose_url(path, "stappen"))
    else:
        form = DueDateForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Enter the due date as a date, for example 31-12-2026."))
        else:
            services.set_due_date(step=step, due_date=form.cleaned_data["due_date"], actor=actor)
            messages.success(request, _("Due date saved."))
    return redirect(_compose_url(path, f"stap-{step.pk}"))


@require_POST
@login_required
def assign(request: HttpRequest, team_id: int, path_id: int) -> HttpResponse:
    path = _path(_team(request, team_id), path_id)
    try:
        mailed = services.assign_path(path=path, actor=_user(request))
    except services.TeamPathError as error:
        messages.error(request, error.message)
        return redirect(_compose_url(path))
    messages.success(
        request,
        _("The path is assigned; %(count)s members got an e-mail.") % {"count": mailed},
    )
    return redirect("learning:team_path_progress", team_id=path.team_id, path_id=path.pk)


@never_cache
@login_required
def delete(request: HttpRequest, team_id: int, path_id: int) -> HttpResponse:
    team = _team(request, team_id)
    path = _path(team, path_id)
    if request.method == "POST":
        services.delete_path(path=path, actor=_user(request))
        messages.success(request, _("“%(title)s” removed.") % {"title": path.title})
        return redirect("learning:team_paths", team_id=team.pk)
    return render(request, "learning/team/delete.html", {"team": team, "path": path})


@never_cache
@login_required
def progress(request: HttpRequest, team_id: int, path_id: int) -> HttpResponse:
    path = _path(_team(request, team_id), path_id)
    found = path_progress(path)
    return render(
        request,
        "learning/team/progress.html",
        {
            "team": path.team,
            "path": path,
            "progress": found,
            "done_per_step": list(zip(found.steps, found.done_per_step(), strict=True)),
        },
    )


@never_cache
@login_required
def sharing(request: HttpRequest) -> HttpResponse:
    """A member chooses what the managers of their teams may see; it applies at once."""
    membership = membership_of(request.user)
    if membership is None:
        raise Http404
    form = SharingForm(request.POST or None, initial={"sharing": membership.sharing})
    if request.method == "POST" and form.is_valid():
        set_sharing(user=_user(request), sharing=Membership.Sharing(form.cleaned_data["sharing"]))
        messages.success(request, _("Saved. Your managers see this from now on."))
        return redirect("learning:sharing")
    return render(request, "learning/team/sharing.html", {"form": form, "membership": membership})
