"""Personal learning routes and the needs scan.

The rules that turn a scan into a proposed route are pure functions over small value
objects (`Needs`, `Candidate`), so they are deterministic and tested without a database.
The services below them read the database in a fixed number of queries, and change a
route only when the person accepts a proposal, adds, moves or removes a step.
Whether a step is done is always read from the learning records.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from catalogue.models import LearningItemPage
from core.cache import remember_in_process
from core.models import LearningForm, Region, Role

from .models import LearningRecord, NeedsScan, NeedsScanSituation, RouteStep

WEEKS = 4  # a route is planned for about a month of the time a person has each week
MIN_STEPS = 3
MAX_STEPS = 8
# Introduction before deepening before expert; an item without a level sits in between.
LEVEL_RANK = {
    LearningItemPage.Level.INTRODUCTION: 0,
    "": 1,
    LearningItemPage.Level.DEEPENING: 1,
    LearningItemPage.Level.EXPERT: 2,
}
SITUATION_POINTS, ROLE_POINTS, FORM_POINTS = 3, 2, 1


class RouteError(Exception):
    """A route change that cannot be done; the message is for the person."""


# ---------------------------------------------------------------------------
# Rules (pure)
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Situation:
    text: str
    theme_ids: frozenset[int] = frozenset()
    capital_form_ids: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Needs:
    """What a scan says, as the rules need it."""

    role_id: int | None = None
    role_name: str = ""
    situations: tuple[Situation, ...] = ()
    learning_forms: dict[int, str] = field(default_factory=dict)  # id -> name
    minutes_per_week: int = 60


@dataclass(frozen=True)
class Candidate:
    """A learning item that could become a step."""

    page_id: int
    title: str
    duration_minutes: int
    level: str
    learning_form_id: int
    role_ids: frozenset[int] = frozenset()
    theme_ids: frozenset[int] = frozenset()
    capital_form_ids: frozenset[int] = frozenset()


@dataclass(frozen=True)
class ProposedStep:
    page_id: int
    reason: str
    points: int = 0


def assess(candidate: Candidate, needs: Needs) -> ProposedStep | None:
    """How well an item fits the needs, with the reason in words; None when it does not
    fit at all."""
    matched = [
        situation
        for situation in needs.situations
        if situation.theme_ids & candidate.theme_ids
        or situation.capital_form_ids & candidate.capital_form_ids
    ]
    fits_role = needs.role_id is not None and needs.role_id in candidate.role_ids
    form_name = needs.learning_forms.get(candidate.learning_form_id)
    points = (
        SITUATION_POINTS * len(matched)
        + ROLE_POINTS * fits_role
        + FORM_POINTS * (form_name is not None)
    )
    if not points:
        return None
    reasons = []
    if len(matched) > 1:
        reasons.append(
            _("Because you said you find it hard to %(situation)s and to %(other)s.")
            % {"situation": matched[0].text, "other": matched[1].text}
        )
    elif matched:
        reasons.append(
            _("Because you said you find it hard to %(situation)s.")
            % {"situation": matched[0].text}
        )
    elif fits_role:
        reasons.append(_("Because it fits your role %(role)s.") % {"role": needs.role_name})
    if form_name is not None:
        reasons.append(_("Because you like to learn by %(form)s.") % {"form": form_name.lower()})
    return ProposedStep(page_id=candidate.page_id, reason=" ".join(reasons), points=points)


def propose_steps(
    *,
    needs: Needs,
    candidates: Iterable[Candidate],
    excluded_ids: frozenset[int] | set[int] = frozenset(),
    reserved_minutes: int = 0,
) -> list[ProposedStep]:
    """The best fitting items that fit the time of about four weeks (at least MIN_STEPS
    when there are that many, at most MAX_STEPS), from introduction to expert level.

    `excluded_ids` are items done or already kept in the route; `reserved_minutes` is the
    time the kept steps still ask.
    """
    assessed: list[tuple[ProposedStep, Candidate]] = []
    for candidate in candidates:
        if candidate.page_id in excluded_ids:
            continue
        step = assess(candidate, needs)
        if step is not None:
            assessed.append((step, candidate))
    # Best first; among equals the easier, then the shorter: the same input always gives
    # the same route.
    assessed.sort(
        key=lambda pair: (
            -pair[0].points,
            LEVEL_RANK.get(pair[1].level, 1),
            pair[1].duration_minutes,
            pair[1].title,
            pair[1].page_id,
        )
    )
    budget = needs.minutes_per_week * WEEKS - reserved_minutes
    chosen: list[tuple[ProposedStep, Candidate]] = []
    used = 0
    for pair in assessed:
        if len(chosen) == MAX_STEPS:
            break
        if used + pair[1].duration_minutes <= budget:
            chosen.append(pair)
            used += pair[1].duration_minutes
    # A route of one or two steps helps little: top up with the next best, over the time.
    for pair in assessed:
        if len(chosen) >= MIN_STEPS:
            break
        if pair not in chosen:
            chosen.append(pair)
    chosen.sort(
        key=lambda pair: (
            LEVEL_RANK.get(pair[1].level, 1),
            -pair[0].points,
            pair[1].title,
            pair[1].page_id,
        )
    )
    return [step for step, _candidate in chosen]


@dataclass(frozen=True)
class ScanChanges:
    """How the answers of a scan differ from the scan before it."""

    previous_at: Any
    current_at: Any
    new_situations: list[str]
    resolved_situations: list[str]
    previous_role: str
    current_role: str
    previous_time: str
    current_time: str
    new_learning_forms: list[str]
    dropped_learning_forms: list[str]

    @property
    def role_changed(self) -> bool:
        return self.previous_role != self.current_role

    @property
    def time_changed(self) -> bool:
        return self.previous_time != self.current_time

    @property
    def has_changes(self) -> bool:
        return bool(
            self.new_situations
            or self.resolved_situations
            or self.role_changed
            or self.time_changed
            or self.new_learning_forms
            or self.dropped_learning_forms
        )


def compare_scans(previous: NeedsScan, current: NeedsScan) -> ScanChanges:
    """Uses the prefetched answers of `NeedsScan.objects.visible_to(user)`."""
    before = {s.pk: s.text for s in previous.situations.all()}
    after = {s.pk: s.text for s in current.situations.all()}
    forms_before = {f.pk: str(f) for f in previous.learning_forms.all()}
    forms_after = {f.pk: str(f) for f in current.learning_forms.all()}
    return ScanChanges(
        previous_at=previous.created_at,
        current_at=current.created_at,
        new_situations=[text for pk, text in after.items() if pk not in before],
        resolved_situations=[text for pk, text in before.items() if pk not in after],
        previous_role=str(previous.role or ""),
        current_role=str(current.role or ""),
        previous_time=str(previous.get_minutes_per_week_display()),
        current_time=str(current.get_minutes_per_week_display()),
        new_learning_forms=[name for pk, name in forms_after.items() if pk not in forms_before],
        dropped_learning_forms=[name for pk, name in forms_before.items() if pk not in forms_after],
    )


# ---------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------


def needs_of(scan: NeedsScan) -> Needs:
    situations = scan.situations.prefetch_related("themes", "capital_forms")
    return Needs(
        role_id=scan.role_id,
        role_name=str(scan.role or ""),
        situations=tuple(
            Situation(
                text=situation.text,
                theme_ids=frozenset(theme.pk for theme in situation.themes.all()),
                capital_form_ids=frozenset(form.pk for form in situation.capital_forms.all()),
            )
            for situation in situations
        ),
        learning_forms={form.pk: str(form) for form in scan.learning_forms.all()},
        minutes_per_week=scan.minutes_per_week,
    )


def candidates_in(region: Region | None) -> tuple[Candidate, ...]:
    """Every item the portal lists. The same for everyone until the next publish, so kept
    in the process: a person's dashboard does not fetch the whole catalogue."""
    return remember_in_process(
        "candidates", lambda: tuple(_load_candidates(region)), str(getattr(region, "pk", ""))
    )


def _load_candidates(region: Region | None) -> list[Candidate]:
    """Four queries whatever the size of the catalogue."""
    items = LearningItemPage.objects.listed(region)
    ids = items.values("pk")
    relations: dict[str, dict[int, set[int]]] = {}
    for name, target in (("roles", "role_id"), ("themes", "theme_id")):
        through = getattr(LearningItemPage, name).through
        rows = through.objects.filter(learningitempage_id__in=ids).values_list(
            "learningitempage_id", target
        )
        relations[name] = _group(rows)
    capital_through = LearningItemPage.capital_forms.through
    relations["capital_forms"] = _group(
        capital_through.objects.filter(learningitempage_id__in=ids).values_list(
            "learningitempage_id", "capitalform_id"
        )
    )
    rows = items.values_list("pk", "title", "duration_minutes", "level", "learning_form_id")
    return [
        Candidate(
            page_id=pk,
            title=title,
            duration_minutes=duration,
            level=level,
            learning_form_id=form_id,
            role_ids=frozenset(relations["roles"].get(pk, ())),
            theme_ids=frozenset(relations["themes"].get(pk, ())),
            capital_form_ids=frozenset(relations["capital_forms"].get(pk, ())),
        )
        for pk, title, duration, level, form_id in rows.order_by("pk")
    ]


def _group(rows: Iterable[tuple[int, int]]) -> dict[int, set[int]]:
    grouped: dict[int, set[int]] = defaultdict(set)
    for key, value in rows:
        grouped[key].add(value)
    return grouped


@dataclass(frozen=True)
class RouteEntry:
    step: RouteStep
    is_completed: bool

    @property
    def item(self) -> LearningItemPage:
        return self.step.item  # type: ignore[no-any-return]


@dataclass(frozen=True)
class RouteProgress:
    """A person's route with what is done: the context of `learning/partials/route_summary.html`
    (as `route`) and of the route page."""

    entries: list[RouteEntry]

    @property
    def total(self) -> int:
        return len(self.entries)

    @property
    def completed(self) -> int:
        return sum(entry.is_completed for entry in self.entries)

    @property
    def next_entries(self) -> list[RouteEntry]:
        return [entry for entry in self.entries if not entry.is_completed][:3]

    @property
    def is_done(self) -> bool:
        return bool(self.entries) and self.completed == self.total


def route_progress(user: Any, *, completed: set[int] | None = None) -> RouteProgress:
    """Two queries: the steps with their items, and the person's completions (one, when
    the caller knows them)."""
    steps = list(RouteStep.objects.of(user).with_pages())
    if completed is None:
        completed = LearningRecord.objects.of(user).completed_page_ids() if steps else set()
    return RouteProgress(
        entries=[RouteEntry(step=step, is_completed=step.page_id in completed) for step in steps]
    )


@dataclass(frozen=True)
class ProposedItem:
    item: LearningItemPage
    reason: str


@dataclass(frozen=True)
class RouteProposal:
    """What accepting a scan's proposal would do to the route."""

    kept: list[RouteEntry]  # done, or added by the person: they stay
    new: list[ProposedItem]
    leaving: list[RouteEntry]  # proposed before, not done, not proposed again

    @property
    def is_empty(self) -> bool:
        return not self.kept and not self.new


def propose_route(*, scan: NeedsScan, region: Region | None) -> RouteProposal:
    """Changes nothing: the person sees this and accepts it, or not."""
    route = route_progress(scan.user)
    kept = [e for e in route.entries if e.is_completed or e.step.origin == RouteStep.Origin.OWN]
    kept_ids = {entry.step.page_id for entry in kept}
    done_ids = LearningRecord.objects.of(scan.user).completed_page_ids()
    candidates = candidates_in(region)
    durations = {candidate.page_id: candidate.duration_minutes for candidate in candidates}
    reserved = sum(durations.get(entry.step.page_id, 0) for entry in kept if not entry.is_completed)
    steps = propose_steps(
        needs=needs_of(scan),
        candidates=candidates,
        excluded_ids=done_ids | kept_ids,
        reserved_minutes=reserved,
    )
    items = LearningItemPage.objects.listed(region).in_bulk([step.page_id for step in steps])
    new_ids = {step.page_id for step in steps}
    return RouteProposal(
        kept=kept,
        new=[ProposedItem(item=items[step.page_id], reason=step.reason) for step in steps],
        leaving=[
            entry
            for entry in route.entries
            if entry.step.page_id not in kept_ids and entry.step.page_id not in new_ids
        ],
    )


def latest_scan(user: Any) -> NeedsScan | None:
    return NeedsScan.objects.visible_to(user).first()


def scan_history(user: Any) -> list[tuple[NeedsScan, ScanChanges | None]]:
    """Every scan of the person, newest first, each with how it differed from the one
    before it: growth over time."""
    scans = list(NeedsScan.objects.visible_to(user))
    return [
        (scan, compare_scans(scans[index + 1], scan) if index + 1 < len(scans) else None)
        for index, scan in enumerate(scans)
    ]


def previous_scan(scan: NeedsScan) -> NeedsScan | None:
    scans = list(NeedsScan.objects.visible_to(scan.user))
    index = next(i for i, each in enumerate(scans) if each.pk == scan.pk)
    return scans[index + 1] if index + 1 < len(scans) else None


# ---------------------------------------------------------------------------
# Changes
# ---------------------------------------------------------------------------


def _lock_route_of(user: Any) -> None:
    """Route changes of one person happen one at a time: their user row guards them."""
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()


@transaction.atomic
def take_needs_scan(
    *,
    user: Any,
    role: Role | None,
    situations: Sequence[NeedsScanSituation],
    learning_forms: Sequence[LearningForm],
    minutes_per_week: int,
) -> NeedsScan:
    """Keeps a new take of the scan; the route stays as it is until the person accepts
    the proposal."""
    if minutes_per_week not in NeedsScan.Time.values:
        raise RouteError(_("Choose how much time you have each week."))
    scan = NeedsScan.objects.create(user=user, role=role, minutes_per_week=minutes_per_week)
    scan.situations.set(situations)
    scan.learning_forms.set(learning_forms)
    return scan


@transaction.atomic
def accept_route(*, user: Any, scan: NeedsScan, region: Region | None) -> RouteProposal:
    """Makes the scan's proposal the route: done and self-added steps stay in their order,
    other steps of an earlier proposal go, and the new steps follow."""
    if scan.user_id != user.pk:
        raise RouteError(_("This scan is not yours."))
    _lock_route_of(user)
    proposal = propose_route(scan=scan, region=region)
    # Every earlier proposed step that is not done goes, also one proposed again: it comes
    # back in its new place. What the person added themselves always stays.
    RouteStep.objects.visible_to(user).filter(origin=RouteStep.Origin.SCAN).exclude(
        pk__in=[entry.step.pk for entry in proposal.kept]
    ).delete()
    position = 0
    for position, entry in enumerate(proposal.kept, start=1):
        if entry.step.position != position:
            RouteStep.objects.filter(pk=entry.step.pk).update(position=position)
    RouteStep.objects.bulk_create(
        RouteStep(
            user=user,
            page=proposed.item,
            position=position + offset,
            reason=proposed.reason,
            origin=RouteStep.Origin.SCAN,
        )
        for offset, proposed in enumerate(proposal.new, start=1)
    )
    scan.accepted_at = timezone.now()
    scan.save(update_fields=["accepted_at"])
    return proposal


@transaction.atomic
def add_to_route(*, user: Any, item: LearningItemPage) -> tuple[RouteStep, bool]:
    """Adds an item at the end of the route; returns the step and whether it is new."""
    _lock_route_of(user)
    existing = RouteStep.objects.visible_to(user).filter(page_id=item.pk).first()
    if existing is not None:
        return existing, False
    last = RouteStep.objects.visible_to(user).aggregate(last=Max("position"))["last"] or 0
    step = RouteStep.objects.create(
        user=user,
        page=item,
        position=last + 1,
        reason=_("You added this yourself."),
        origin=RouteStep.Origin.OWN,
    )
    return step, True


@transaction.atomic
def move_step(*, user: Any, step: RouteStep, direction: Literal["up", "down"]) -> None:
    """Swaps the step with its neighbour; at the top or bottom nothing changes."""
    _lock_route_of(user)
    steps = list(RouteStep.objects.of(user))
    index = next((i for i, s in enumerate(steps) if s.pk == step.pk), None)
    if index is None:
        raise RouteError(_("This step is no longer in your route."))
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(steps):
        return
    steps[index], steps[other] = steps[other], steps[index]
    # Renumbering also repairs positions that two steps might share.
    for position, each in enumerate(steps, start=1):
        if each.position != position:
            each.position = position
            each.save(update_fields=["position"])


@transaction.atomic
def remove_step(*, user: Any, step: RouteStep) -> None:
    """Removes the step; what was learned stays in the learning records."""
    _lock_route_of(user)
    RouteStep.objects.visible_to(user).filter(pk=step.pk).delete()


def personal_data(*, user: Any, base_url: str = "") -> dict[str, Any]:
    """The person's scans and route, for "Download mijn gegevens" (JSON-serialisable)."""
    scans = [
        {
            "taken_at": scan.created_at.isoformat(),
            "role": str(scan.role or ""),
            "hard_situations": [situation.text for situation in scan.situations.all()],
            "learning_forms": [form.name for form in scan.learning_forms.all()],
            "minutes_per_week": scan.minutes_per_week,
            "route_accepted_at": scan.accepted_at.isoformat() if scan.accepted_at else None,
        }
        for scan in NeedsScan.objects.visible_to(user).order_by("created_at", "pk")
    ]
    route = [
        {
            "position": step.position,
            "title": step.page.title,
            "page_id": step.page_id,
            "reason": step.reason,
            "origin": step.origin,
            "added_at": step.created_at.isoformat(),
        }
        for step in RouteStep.objects.of(user).select_related("page")
    ]
    return {"needs_scans": scans, "learning_route": route}
