"""Recommendations: items that fit a person's role, preferred learning forms and the themes
of what they completed, spread over learning forms; never what they completed, are in the
middle of (a track they take part in included) or have on their route.

Without history they follow what colleagues in the same role completed most; a visitor
without an account gets them for a role they choose. The whole catalogue is scored in
Python from a fixed number of queries, so the cost in queries does not grow with it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from django.db.models import Count
from django.utils.translation import gettext as _

from accounts.models import Profile
from catalogue.models import LearningItemPage
from core.models import Region, Role, Theme

from .models import LearningRecord, RouteStep
from .progress import History, history_of
from .routes import LEVEL_RANK, Candidate, candidates_in

PER_FORM = 2  # at most this many of one learning form, while other forms are left
ROLE_POINTS, FORM_POINTS, THEME_POINTS, COLLEAGUE_POINTS = 3, 2, 1, 4
T = TypeVar("T")


@dataclass(frozen=True)
class Recommendation:
    page: LearningItemPage
    reason: str


@dataclass(frozen=True)
class Scored:
    candidate: Candidate
    points: int
    # Which reason is the strongest, and what it names (a theme, a role, a learning form):
    # put in words only for the few items shown, not for every item scored.
    why: str
    subject: Any = None

    @property
    def reason(self) -> str:
        if self.why == "colleagues":
            return _("Colleagues in your role often completed this.")
        if self.why == "theme":
            return _("Because you learned about %(theme)s before.") % {"theme": self.subject}
        if self.why == "role":
            return _("Because it fits your role %(role)s.") % {"role": self.subject}
        return _("Because you like to learn by %(form)s.") % {"form": str(self.subject).lower()}


def score(
    candidate: Candidate,
    *,
    role: Role | None,
    learning_forms: dict[int, str],
    done_themes: dict[int, str],
    colleague_counts: dict[int, int],
) -> Scored | None:
    """Points for one item, and the strongest reason in words; None when nothing fits."""
    shared_themes = sorted(candidate.theme_ids & done_themes.keys())
    fits_role = role is not None and role.pk in candidate.role_ids
    form_name = learning_forms.get(candidate.learning_form_id)
    colleagues = colleague_counts.get(candidate.page_id, 0)
    points = (
        COLLEAGUE_POINTS * colleagues
        + THEME_POINTS * min(len(shared_themes), 3)
        + ROLE_POINTS * fits_role
        + FORM_POINTS * (form_name is not None)
    )
    if not points:
        return None
    if colleagues:
        return Scored(candidate=candidate, points=points, why="colleagues")
    if shared_themes:
        return Scored(candidate, points, "theme", done_themes[shared_themes[0]])
    if fits_role:
        return Scored(candidate, points, "role", role)
    return Scored(candidate, points, "form", form_name)


def diversify(
    ranked: Sequence[T], *, form_of: Callable[[T], int], limit: int, per_form: int = PER_FORM
) -> list[T]:
    """The best `limit` in order, with no more than `per_form` of one learning form while
    items of other forms are left."""
    chosen: list[T] = []
    held_back: list[T] = []
    counts: Counter[int] = Counter()
    for entry in ranked:
        if len(chosen) == limit:
            return chosen
        if counts[form_of(entry)] >= per_form:
            held_back.append(entry)
            continue
        chosen.append(entry)
        counts[form_of(entry)] += 1
    return chosen + held_back[: limit - len(chosen)]


def recommend(
    *,
    user: Any = None,
    role: Role | None = None,
    region: Region | None,
    limit: int = 6,
    history: History | None = None,
) -> list[Recommendation]:
    """For a logged-in `user` (their profile's role unless `role` is given; their
    `history` when the caller has read it), or for a visitor by `role`."""
    learning_forms: dict[int, str] = {}
    completed: set[int] = set()
    taken: set[int] = set()
    if user is not None and user.is_authenticated:
        profile = Profile.objects.visible_to(user).prefetch_related("learning_forms").first()
        if profile is not None:
            role = role or profile.role
            learning_forms = {form.pk: str(form) for form in profile.learning_forms.all()}
        history = history or history_of(user)
        completed = history.completed
        taken = (
            completed
            | history.begun.keys()
            | set(RouteStep.objects.of(user).values_list("page_id", flat=True))
        )
    candidates = candidates_in(region)
    done_theme_ids = {
        theme_id
        for candidate in candidates
        if candidate.page_id in completed
        for theme_id in candidate.theme_ids
    }
    done_themes = (
        dict(Theme.objects.filter(pk__in=done_theme_ids).values_list("pk", "name"))
        if done_theme_ids
        else {}
    )
    colleague_counts = colleague_completions(role) if role is not None and not completed else {}
    scored = [
        result
        for candidate in candidates
        if candidate.page_id not in taken
        and (
            result := score(
                candidate,
                role=role,
                learning_forms=learning_forms,
                done_themes=done_themes,
                colleague_counts=colleague_counts,
            )
        )
    ]
    scored.sort(
        key=lambda s: (
            -s.points,
            LEVEL_RANK.get(s.candidate.level, 1),
            s.candidate.title,
            s.candidate.page_id,
        )
    )
    best = diversify(scored, form_of=lambda s: s.candidate.learning_form_id, limit=limit)
    pages = LearningItemPage.objects.listed(region).in_bulk([s.candidate.page_id for s in best])
    return [Recommendation(page=pages[s.candidate.page_id], reason=s.reason) for s in best]


def colleague_completions(role: Role) -> dict[int, int]:
    """Per page, how many completions people had while in this role. Records of removed
    accounts count too: they keep the role, without the person."""
    rows = (
        LearningRecord.objects.about_pages()
        .completions()
        .filter(role=role)
        .values("activity_id")
        .annotate(people=Count("pk"))
    )
    return {row["activity_id"]: row["people"] for row in rows}
