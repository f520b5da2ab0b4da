"""What a team's paths look like to its members and to its managers, read from the
learning records in a fixed number of queries (whatever the size of the team or path).

Done means what it means everywhere: the person's records about the item say completed
or attended (`LearningRecordQuerySet.completions`); a track is completed when its rules
hold and the certificate is issued, which writes that record. Managers see only what each
member allows (`Membership.sharing`), read on every request, so a change applies at once.
They never see answers to practice assignments or anything of a circle: only records
about learning item pages are read, and only whether they say completed.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Prefetch
from django.utils import timezone

from organisations.models import Membership, TeamMember

from .models import LearningRecord, TeamPath, TeamPathStep
from .team_paths import members_of


@dataclass(frozen=True)
class StepState:
    step: TeamPathStep
    is_done: bool
    is_overdue: bool


def _states(steps: list[TeamPathStep], done_ids: set[int], today: datetime.date) -> list[StepState]:
    return [
        StepState(
            step=step,
            is_done=step.item_id in done_ids,
            is_overdue=step.item_id not in done_ids and step.is_overdue(today),
        )
        for step in steps
    ]


# --- The member's view: "Toegewezen door je team" on /mijn/ ------------------------------


@dataclass(frozen=True)
class AssignedPath:
    path: TeamPath
    steps: list[StepState]

    @property
    def assigner(self) -> str:
        user = self.path.assigned_by
        if user is None:
            return ""
        profile = getattr(user, "profile", None)
        return getattr(profile, "full_name", "") or user.get_username()

    @property
    def done(self) -> int:
        return sum(state.is_done for state in self.steps)


def assigned_paths(
    user: User | AnonymousUser, *, completed: set[int] | None = None
) -> list[AssignedPath]:
    """The paths assigned to the teams the person is a member of, newest first, with their
    published items. Two queries (three when the caller does not pass the person's
    completed pages)."""
    if not user.is_authenticated:
        return []
    paths = list(
        TeamPath.objects.assigned()
        .filter(team__team_members__membership__user=user, team__team_members__is_manager=False)
        .select_related("team", "assigned_by__profile")
        .prefetch_related(
            Prefetch(
                "steps",
                queryset=TeamPathStep.objects.filter(item__live=True)
                .select_related("item")
                .order_by("position", "pk"),
            )
        )
        .order_by("-assigned_at", "-pk")
    )
    if not paths:
        return []
    if completed is None:
        completed = LearningRecord.objects.of(user).completed_page_ids()
    today = timezone.localdate()
    return [
        AssignedPath(path=path, steps=_states(list(path.steps.all()), completed, today))
        for path in paths
    ]


# --- The manager's view: the team's progress on one path --------------------------------


@dataclass(frozen=True)
class MemberProgress:
    place: TeamMember
    # None: the member shares nothing.
    steps: list[StepState] | None
    # Titles of what else they completed; None unless they share everything.
    other_completed: list[str] | None

    @property
    def name(self) -> str:
        user = self.place.membership.user
        profile = getattr(user, "profile", None)
        return getattr(profile, "full_name", "") or user.get_username()

    @property
    def done(self) -> int:
        return sum(state.is_done for state in self.steps or [])


@dataclass(frozen=True)
class PathProgress:
    path: TeamPath
    steps: list[TeamPathStep]
    members: list[MemberProgress]

    @property
    def sharing_count(self) -> int:
        return sum(member.steps is not None for member in self.members)

    def done_per_step(self) -> list[int]:
        return [
            sum(1 for member in self.members if member.steps and member.steps[index].is_done)
            for index in range(len(self.steps))
        ]


def path_progress(path: TeamPath) -> PathProgress:
    """Four queries: the steps, the members, their completions of the path's items, and
    what else those who share everything completed."""
    steps = list(path.steps.select_related("item").order_by("position", "pk"))
    members = members_of(path.team)
    item_ids = [step.item_id for step in steps]
    sharing = [m for m in members if m.membership.sharing != Membership.Sharing.NOTHING]
    shares_all = {
        m.membership.user_id for m in sharing if m.membership.sharing == Membership.Sharing.ALL
    }
    done: dict[int, set[int]] = defaultdict(set)
    if sharing and item_ids:
        for actor_id, item_id in (
            LearningRecord.objects.filter(
                actor_id__in=[m.membership.user_id for m in sharing], activity_id__in=item_ids
            )
            .about_pages()
            .completions()
            .values_list("actor_id", "activity_id")
        ):
            done[actor_id].add(item_id)
    others: dict[int, dict[int, str]] = defaultdict(dict)
    if shares_all:
        for actor_id, item_id, name in (
            LearningRecord.objects.filter(actor_id__in=shares_all)
            .exclude(activity_id__in=item_ids)
            .about_pages()
            .completions()
            .order_by("-timestamp")
            .values_list("actor_id", "activity_id", "activity_name")
        ):
            others[actor_id].setdefault(item_id, name)
    today = timezone.localdate()
    return PathProgress(
        path=path,
        steps=steps,
        members=[
            MemberProgress(
                place=member,
                steps=_states(steps, done[member.membership.user_id], today)
                if member.membership.sharing != Membership.Sharing.NOTHING
                else None,
                other_completed=list(others[member.membership.user_id].values())
                if member.membership.user_id in shares_all
                else None,
            )
            for member in members
        ],
    )
