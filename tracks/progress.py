"""Where participants stand in a track, derived from their learning records (never stored).

A participant's steps, in programme order, per day: the preparation items (completed when
the item has a completion record), attending the day (the latest attended or absent record
about the cohort day counts), and the practice assignment (handed in, which completes it).
The track's rules say which steps are required; `TrackProgress.rules_hold` is what
`services.evaluate_completion` checks. `progress_for` reads any number of registrations in
a fixed number of queries, for the track page, the dashboard and the editors' matrix.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch
from django.utils import timezone

from catalogue.models import LearningItemPage
from events.models import Registration
from learning.models import LearningRecord, Verb

from .models import Certificate, Cohort, CohortDay, RequirementRule

# The last day's assignment is due this long after that day; earlier ones before the next day.
LAST_ASSIGNMENT_WITHIN = timedelta(weeks=4)


class StepKind:
    PREPARATION = "preparation"
    ATTENDANCE = "attendance"
    ASSIGNMENT = "assignment"


@dataclass
class Step:
    kind: str
    title: str
    is_required: bool
    is_done: bool
    due_at: datetime
    page: Any = None
    is_absent: bool = False
    is_next: bool = False

    def is_overdue(self, now: datetime | None = None) -> bool:
        return not self.is_done and (now or timezone.now()) >= self.due_at

    @property
    def state(self) -> str:
        """done, absent, next, waiting (a day that has been, attendance not yet recorded),
        late or open: one word the templates turn into text and a style."""
        if self.is_done:
            return "done"
        if self.is_absent:
            return "absent"
        if self.is_next:
            return "next"
        if self.is_overdue():
            return "waiting" if self.kind == StepKind.ATTENDANCE else "late"
        return "open"


@dataclass
class DayProgress:
    day: CohortDay
    preparation: list[Step]
    attendance: Step
    assignment: Step | None

    @property
    def steps(self) -> list[Step]:
        return [*self.preparation, self.attendance, *([self.assignment] if self.assignment else [])]


@dataclass
class TrackProgress:
    registration: Registration
    cohort: Cohort
    days: list[DayProgress]
    certificate: Certificate | None = None
    steps: list[Step] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.steps = [step for day in self.days for step in day.steps]
        upcoming = next(
            (step for step in self.steps if step.is_required and not step.is_done), None
        )
        if upcoming is not None:
            upcoming.is_next = True

    @property
    def track(self) -> Any:
        return self.cohort.track

    @property
    def required_steps(self) -> list[Step]:
        return [step for step in self.steps if step.is_required]

    @property
    def done_count(self) -> int:
        return sum(step.is_done for step in self.required_steps)

    @property
    def percentage(self) -> int:
        required = self.required_steps
        return round(100 * self.done_count / len(required)) if required else 100

    @property
    def next_step(self) -> Step | None:
        return next((step for step in self.steps if step.is_next), None)

    @property
    def rules_hold(self) -> bool:
        return self.registration.is_confirmed and all(step.is_done for step in self.required_steps)


def cohorts_with_programme(cohort_ids: list[int]) -> dict[int, Cohort]:
    """The cohorts with their days, each day's programme, items and assignment (4 queries)."""
    days = CohortDay.objects.select_related("track_day__assignment", "track_day__track")
    items = LearningItemPage.objects.order_by("title")
    cohorts = (
        Cohort.objects.filter(pk__in=cohort_ids)
        .select_related("track__organiser")
        .prefetch_related(
            Prefetch("days", queryset=days, to_attr="planned_days"),
            Prefetch("planned_days__track_day__preparation_items", queryset=items),
        )
    )
    return {cohort.pk: cohort for cohort in cohorts}


def progress_for(
    registrations: list[Registration], *, now: datetime | None = None
) -> list[TrackProgress]:
    """The progress of each registration (for a cohort), in 7 queries however many."""
    now = now or timezone.now()
    if not registrations:
        return []
    cohorts = cohorts_with_programme(sorted({r.session_id for r in registrations}))
    registrations = [r for r in registrations if r.session_id in cohorts]
    user_ids = {r.user_id for r in registrations if r.user_id}
    day_ids = [day.pk for cohort in cohorts.values() for day in cohort.planned_days]  # type: ignore[attr-defined]

    completed: dict[int, set[int]] = {user_id: set() for user_id in user_ids}
    records = LearningRecord.objects.filter(actor__in=user_ids)
    for actor_id, page_id in (
        records.about_pages().completions().values_list("actor_id", "activity_id")
    ):
        completed[actor_id].add(page_id)

    attended: dict[tuple[int, int], bool] = {}
    for actor_id, day_id, verb in (
        records.filter(
            activity_type=ContentType.objects.get_for_model(CohortDay),
            activity_id__in=day_ids,
            verb__in=(Verb.ATTENDED, Verb.ABSENT),
        )
        .order_by("timestamp")
        .values_list("actor_id", "activity_id", "verb")
    ):
        attended[(actor_id, day_id)] = verb == Verb.ATTENDED  # the latest counts

    certificates = {
        (certificate.user_id, certificate.track_id): certificate
        for certificate in Certificate.objects.filter(
            user__in=user_ids, track__in={cohort.track_id for cohort in cohorts.values()}
        )
    }
    result = []
    for registration in registrations:
        cohort = cohorts[registration.session_id]
        result.append(
            TrackProgress(
                registration=registration,
                cohort=cohort,
                days=_days(
                    cohort,
                    completed.get(registration.user_id, set()),  # type: ignore[arg-type]
                    {
                        day_id: value
                        for (actor_id, day_id), value in attended.items()
                        if actor_id == registration.user_id
                    },
                ),
                certificate=certificates.get((registration.user_id, cohort.track_id)),
            )
        )
    return result


def _days(cohort: Cohort, completed: set[int], attended: dict[int, bool]) -> list[DayProgress]:
    track = cohort.track
    prepare = track.preparation_rule == RequirementRule.ALL
    hand_in = track.assignment_rule == RequirementRule.ALL
    planned = sorted(cohort.planned_days, key=lambda day: (day.starts_at, day.pk))  # type: ignore[attr-defined]
    days = []
    for number, day in enumerate(planned):
        track_day = day.track_day
        following = planned[number + 1] if number + 1 < len(planned) else None
        assignment = track_day.assignment
        days.append(
            DayProgress(
                day=day,
                preparation=[
                    Step(
                        kind=StepKind.PREPARATION,
                        title=item.title,
                        page=item,
                        is_required=prepare,
                        is_done=item.pk in completed,
                        due_at=day.starts_at,
                    )
                    for item in track_day.preparation_items.all()
                ],
                attendance=Step(
                    kind=StepKind.ATTENDANCE,
                    title=track_day.title,
                    is_required=track_day.must_attend,
                    is_done=attended.get(day.pk) is True,
                    is_absent=attended.get(day.pk) is False,
                    due_at=day.starts_at,
                ),
                assignment=Step(
                    kind=StepKind.ASSIGNMENT,
                    title=assignment.title,
                    page=assignment,
                    is_required=hand_in,
                    is_done=assignment.pk in completed,
                    due_at=following.starts_at
                    if following
                    else day.ends_at + LAST_ASSIGNMENT_WITHIN,
                )
                if assignment
                else None,
            )
        )
    return days
