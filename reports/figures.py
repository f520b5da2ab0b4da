"""The reach report's figures, counted in the database with a fixed number of queries.

Who counts: only people who agreed in their profile that their progress is counted in
anonymous reports (`Profile.has_report_consent`); records whose person removed their
account have no person to ask and are left out. Where a figure comes from:

- Learning records (people reached, completions, attendance, hours, learning forms,
  sectors, roles) carry the person's role and organisation at the moment of learning
  (see learning/models.py); sector is that organisation's sector.
- Certificates, evaluations and accreditation points carry no such moment: they take the
  person's role and organisation from their profile now.
- Municipality and province are where the person works (their profile), for every figure.
- Circles and bottlenecks: by the circle's municipality (or the reporting organisation's),
  and by the organisations taking part; a sector or role filter leaves them as they are.

Every figure passes `reports.suppression` before anyone sees it.
"""

from __future__ import annotations

import datetime
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.db.models import Count, F, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from catalogue.models import LearningItemPage
from circles.models import Bottleneck, Case, Circle, Meeting
from circles.models import Membership as CircleMembership
from core.models import LearningForm, Municipality, Organisation, Role, Sector
from events.models import Evaluation, EventPage, Registration
from events.services import accredited_attendance
from learning.models import BEGUN_VERBS, LearningRecord, LearningRecordQuerySet, Verb
from tracks.models import Certificate

from . import suppression
from .suppression import Figure


@dataclass(frozen=True)
class Criteria:
    """What a report is about. `regions` None: every province (the coordinator's)."""

    start: datetime.date
    end: datetime.date
    regions: tuple[int, ...] | None = None
    municipality: Municipality | None = None
    veenkolonien: bool = False
    sector: Sector | None = None
    organisation: Organisation | None = None
    role: Role | None = None

    def key(self) -> str:
        """The criteria as a cache key's part: dates and the chosen rows' primary keys."""
        chosen = (self.municipality, self.sector, self.organisation, self.role)
        parts = [self.start.isoformat(), self.end.isoformat(), repr(self.regions)]
        parts += [str(getattr(row, "pk", "")) for row in chosen] + [str(self.veenkolonien)]
        return "|".join(parts)

    def moments(self) -> tuple[datetime.datetime, datetime.datetime]:
        """The period as aware moments: from the start of `start` to the end of `end`."""
        first = timezone.make_aware(datetime.datetime.combine(self.start, datetime.time.min))
        after = timezone.make_aware(
            datetime.datetime.combine(self.end + datetime.timedelta(days=1), datetime.time.min)
        )
        return first, after


@dataclass(frozen=True)
class People:
    """Where a fact's person, role and organisation are found from its model."""

    person: str
    role: str
    organisation: str

    def q(self, criteria: Criteria) -> Q:
        profile = f"{self.person}__profile"
        q = Q(**{f"{profile}__has_report_consent": True})
        if criteria.regions is not None:
            q &= Q(**{f"{profile}__municipality__region__in": criteria.regions})
        if criteria.municipality is not None:
            q &= Q(**{f"{profile}__municipality": criteria.municipality})
        if criteria.veenkolonien:
            q &= Q(**{f"{profile}__municipality__is_veenkolonien": True})
        if criteria.organisation is not None:
            q &= Q(**{self.organisation: criteria.organisation})
        if criteria.sector is not None:
            q &= Q(**{f"{self.organisation}__sector": criteria.sector})
        if criteria.role is not None:
            q &= Q(**{self.role: criteria.role})
        return q


RECORDS = People(person="actor", role="role", organisation="organisation")
REGISTRATIONS = People(
    person="user", role="user__profile__role", organisation="user__profile__organisation"
)
EVALUATIONS = People(
    person="registration__user",
    role="registration__user__profile__role",
    organisation="registration__user__profile__organisation",
)
CERTIFICATES = REGISTRATIONS


@dataclass
class Row:
    label: str
    figure: Figure


@dataclass
class Breakdown:
    """A table with a chart beside it."""

    key: str
    title: str
    heading: str
    rows: list[Row]


@dataclass
class Question:
    text: str
    answers: Figure
    average: Figure
    spread: list[Figure] = field(default_factory=list)


@dataclass
class Report:
    criteria: Criteria
    is_small: bool
    summary: list[Row]
    breakdowns: list[Breakdown]
    questions: list[Question]
    circles: list[Row]
    bottlenecks: list[Row]


# A report over months changes little in a few minutes, and counting it takes a few dozen
# aggregate queries: it is kept that long for everyone who asks the same, in the shared cache.
REPORT_SECONDS = 300


def build_kept(criteria: Criteria) -> Report:
    """`build`, kept for a few minutes per criteria and language."""
    key = (
        "reach-report:" + hashlib.sha256(f"{criteria.key()}|{get_language()}".encode()).hexdigest()
    )
    return cache.get_or_set(key, lambda: build(criteria), REPORT_SECONDS)  # type: ignore[return-value]


def build(criteria: Criteria) -> Report:
    first, after = criteria.moments()
    records = LearningRecord.objects.filter(
        RECORDS.q(criteria), timestamp__gte=first, timestamp__lt=after, actor__isnull=False
    )
    totals = _record_totals(records)
    is_small = totals["people"] < suppression.THRESHOLD
    circles = _circles(criteria, first, after)
    bottlenecks = _bottlenecks(criteria, first, after)
    if is_small:
        return Report(
            criteria=criteria,
            is_small=True,
            summary=[Row(_("People reached"), suppression.count(totals["people"]))],
            breakdowns=[],
            questions=[],
            circles=circles,
            bottlenecks=bottlenecks,
        )
    breakdowns, veenkolonien = _breakdowns(records, totals)
    summary = _summary(totals, criteria, first, after, veenkolonien=veenkolonien)
    return Report(
        criteria=criteria,
        is_small=False,
        summary=summary,
        breakdowns=breakdowns,
        questions=_questions(criteria, first, after),
        circles=circles,
        bottlenecks=bottlenecks,
    )


def _record_totals(records: QuerySet[LearningRecord]) -> dict[str, Any]:
    begun = Q(verb__in=BEGUN_VERBS)
    completed = Q(verb=Verb.COMPLETED)
    attended = Q(verb=Verb.ATTENDED)
    registered = Q(verb=Verb.REGISTERED)
    veenkolonien = begun & Q(actor__profile__municipality__is_veenkolonien=True)
    return records.aggregate(
        people=Count("actor", filter=begun, distinct=True),
        organisations=Count("organisation", filter=begun, distinct=True),
        municipalities=Count("actor__profile__municipality", filter=begun, distinct=True),
        veenkolonien=Count("actor", filter=veenkolonien, distinct=True),
        completions=Count("pk", filter=completed),
        completing=Count("actor", filter=completed, distinct=True),
        registrations=Count("pk", filter=registered),
        registering=Count("actor", filter=registered, distinct=True),
        attendances=Count("pk", filter=attended),
        attending=Count("actor", filter=attended, distinct=True),
        minutes=Sum("duration_minutes", filter=attended),
    )


def _summary(
    totals: dict[str, Any],
    criteria: Criteria,
    first: datetime.datetime,
    after: datetime.datetime,
    *,
    veenkolonien: Figure,
) -> list[Row]:
    attended = accredited_attendance(
        Registration.objects.filter(
            REGISTRATIONS.q(criteria), session__starts_at__gte=first, session__starts_at__lt=after
        )
    )
    points_rows = list(attended.values_list("user", "points"))
    certificates = Certificate.objects.filter(
        CERTIFICATES.q(criteria), issued_at__gte=first, issued_at__lt=after
    ).aggregate(count=Count("pk"), people=Count("user", distinct=True))
    count = suppression.count
    return [
        Row(_("People reached"), count(totals["people"])),
        Row(_("Organisations"), Figure(totals["organisations"])),
        Row(_("Municipalities"), Figure(totals["municipalities"])),
        Row(_("People reached in the Veenkoloniën"), veenkolonien),
        Row(
            _("Registrations for events"),
            count(totals["registrations"], people=totals["registering"]),
        ),
        Row(_("Attendances"), count(totals["attendances"], people=totals["attending"])),
        Row(_("People who attended"), count(totals["attending"])),
        Row(
            _("Hours attended"),
            suppression.points((totals["minutes"] or 0) / 60, people=totals["attending"]),
        ),
        Row(_("Completions"), count(totals["completions"], people=totals["completing"])),
        Row(_("People who completed something"), count(totals["completing"])),
        Row(
            _("Accreditation points earned"),
            suppression.points(
                float(sum(points for _user, points in points_rows)),
                people=len({user for user, _points in points_rows}),
            ),
        ),
        Row(
            _("Certificates of tracks"), count(certificates["count"], people=certificates["people"])
        ),
    ]


def _breakdowns(
    records: LearningRecordQuerySet, totals: dict[str, Any]
) -> tuple[list[Breakdown], Figure]:
    """The breakdowns, and the Veenkoloniën's figure as the municipalities allow it."""
    begun = records.filter(verb__in=BEGUN_VERBS).order_by()
    per_sector = begun.values(name=F("organisation__sector__name"))
    per_role = begun.values(name=F("role__name"))
    municipality_rows, veenkolonien = _municipalities(begun, totals["veenkolonien"])
    breakdowns = [
        Breakdown("sectors", _("People reached per sector"), _("Sector"), _rows(per_sector)),
        Breakdown("roles", _("People reached per role"), _("Role"), _rows(per_role)),
        Breakdown(
            "municipalities",
            _("People reached per municipality"),
            _("Municipality"),
            municipality_rows,
        ),
        Breakdown(
            "learning_forms",
            _("People reached per learning form"),
            _("Learning form"),
            _learning_forms(begun),
        ),
    ]
    return breakdowns, veenkolonien


def _municipalities(
    begun: LearningRecordQuerySet, in_veenkolonien: int
) -> tuple[list[Row], Figure]:
    """Per municipality, and the Veenkoloniën together: a group total over some of the
    cells, hidden where it would single out the one hidden cell inside it."""
    counts = list(
        begun.values(
            name=F("actor__profile__municipality__name"),
            veen=F("actor__profile__municipality__is_veenkolonien"),
        )
        .annotate(people=Count("actor", distinct=True))
        .order_by("name")
        .values_list("name", "veen", "people")
    )
    figures = suppression.breakdown([(people, people) for _name, _veen, people in counts])
    rows = [
        Row(name or _("Not known"), figure)
        for (name, _veen, _people), figure in zip(counts, figures, strict=True)
    ]
    inside = [
        figure for (_name, veen, _people), figure in zip(counts, figures, strict=True) if veen
    ]
    veenkolonien = suppression.group(in_veenkolonien, inside)
    if in_veenkolonien:
        rows.append(Row(_("Veenkoloniën together"), veenkolonien))
    return rows, veenkolonien


def _rows(values: QuerySet[Any]) -> list[Row]:
    counts = list(
        values.annotate(people=Count("actor", distinct=True))
        .order_by("name")
        .values_list("name", "people")
    )
    figures = suppression.breakdown([(people, people) for _name, people in counts])
    return [
        Row(name or _("Not known"), figure)
        for (name, _people), figure in zip(counts, figures, strict=True)
    ]


def _learning_forms(begun: LearningRecordQuerySet) -> list[Row]:
    form_of_page = LearningItemPage.objects.filter(pk=OuterRef("activity_id")).values(
        "learning_form"
    )[:1]
    counts = dict(
        begun.about_pages()
        .annotate(form=Subquery(form_of_page, output_field=IntegerField()))
        .filter(form__isnull=False)
        .values("form")
        .annotate(people=Count("actor", distinct=True))
        .values_list("form", "people")
    )
    forms = [form for form in LearningForm.objects.all() if form.pk in counts]
    figures = suppression.breakdown([(counts[form.pk], counts[form.pk]) for form in forms])
    return [Row(form.name, figure) for form, figure in zip(forms, figures, strict=True)]


def _questions(
    criteria: Criteria, first: datetime.datetime, after: datetime.datetime
) -> list[Question]:
    """Rating questions across events, by their text: the same question asked at several
    events (the default questions, or an editor's own asked twice) adds up."""
    evaluations = list(
        Evaluation.objects.filter(
            EVALUATIONS.q(criteria),
            submitted_at__gte=first,
            submitted_at__lt=after,
            registration__session__event__isnull=False,
        ).values_list("registration__session__event", "answers")
    )
    events = EventPage.objects.filter(pk__in={event for event, _answers in evaluations})
    questions = {event.pk: event.evaluation_question_list() for event in events}
    ratings: dict[str, list[int]] = defaultdict(list)
    for event, answers in evaluations:
        for key, kind, text in questions.get(event, []):
            value = str(answers.get(key, ""))
            if kind == "rating" and value.isdigit() and 1 <= int(value) <= 5:
                ratings[text].append(int(value))
    result = []
    for text, numbers in ratings.items():
        if len(numbers) < suppression.THRESHOLD:
            hidden = Figure(None)
            result.append(Question(text, hidden, hidden, [hidden] * 5))
            continue
        spread = [numbers.count(n) for n in range(1, 6)]
        result.append(
            Question(
                text=text,
                answers=suppression.count(len(numbers)),
                average=suppression.average(sum(numbers), len(numbers)),
                spread=suppression.breakdown([(n, n) for n in spread]),
            )
        )
    return result


def _circles_of(criteria: Criteria) -> QuerySet[Circle]:
    circles = Circle.objects.all()
    if criteria.regions is not None:
        circles = circles.filter(municipality__region__in=criteria.regions)
    if criteria.municipality is not None:
        circles = circles.filter(municipality=criteria.municipality)
    if criteria.veenkolonien:
        circles = circles.filter(municipality__is_veenkolonien=True)
    if criteria.organisation is not None:
        circles = circles.filter(
            Q(organisations=criteria.organisation)
            | Q(facilitating_organisation=criteria.organisation)
        ).distinct()
    return circles


def _circles(criteria: Criteria, first: datetime.datetime, after: datetime.datetime) -> list[Row]:
    """Counts only: never a title, a case or a name."""
    circles = _circles_of(criteria)
    ids = Subquery(circles.values("pk"))
    active = circles.filter(status=Circle.Status.ACTIVE).order_by().count()
    meetings = Meeting.objects.filter(
        circle__in=ids, session__starts_at__gte=first, session__starts_at__lt=after
    ).count()
    cases = Case.objects.filter(
        circle__in=ids, created_at__gte=first, created_at__lt=after
    ).aggregate(count=Count("pk"), people=Count("author", distinct=True))
    members = (
        CircleMembership.objects.active()
        .filter(circle__in=ids)
        .aggregate(people=Count("user", distinct=True))["people"]
    )
    return [
        Row(_("Active learning circles"), Figure(active)),
        Row(_("Meetings held"), Figure(meetings)),
        Row(_("Cases brought in"), suppression.count(cases["count"], people=cases["people"])),
        Row(_("Members of learning circles"), suppression.count(members)),
    ]


def _bottlenecks(
    criteria: Criteria, first: datetime.datetime, after: datetime.datetime
) -> list[Row]:
    """From circles and from organisations without one; answered: the region responded."""
    of_organisation = Q(circle__isnull=True)
    if criteria.regions is not None:
        of_organisation &= Q(organisation__municipality__region__in=criteria.regions)
    if criteria.municipality is not None:
        of_organisation &= Q(organisation__municipality=criteria.municipality)
    if criteria.veenkolonien:
        of_organisation &= Q(organisation__municipality__is_veenkolonien=True)
    if criteria.organisation is not None:
        of_organisation &= Q(organisation=criteria.organisation)
    of_circles = Q(circle__in=Subquery(_circles_of(criteria).values("pk")))
    totals = Bottleneck.objects.filter(
        of_organisation | of_circles, created_at__gte=first, created_at__lt=after
    ).aggregate(
        raised=Count("pk"),
        from_organisations=Count("pk", filter=Q(circle__isnull=True)),
        shared=Count("pk", filter=Q(shared_at__isnull=False)),
        answered=Count("pk", filter=Q(responded_at__isnull=False)),
    )
    return [
        Row(_("Bottlenecks raised"), Figure(totals["raised"])),
        Row(_("of which by organisations without a circle"), Figure(totals["from_organisations"])),
        Row(_("Shared with the region"), Figure(totals["shared"])),
        Row(_("Answered by the region"), Figure(totals["answered"])),
    ]
