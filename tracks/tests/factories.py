"""Tracks with a programme, cohorts planned through the service, and participants."""

from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from accounts.models import Profile
from catalogue.models import ArticlePage, CatalogueIndexPage, PracticeAssignmentPage
from catalogue.tests.factories import create_item, learning_form, term
from core.models import Organisation, Region, Role, Sector
from core.tests.factories import shared_root
from tracks.models import Cohort, TrackDay, TrackIndexPage, TrackPage
from tracks.services import DayPlan, plan_cohort

PASSWORD = "een-lang-wachtwoord-voor-tests"


def create_track(
    catalogue: CatalogueIndexPage,
    *,
    regions: list[Region],
    slug: str = "driedaagse-leergang",
    days: int = 3,
    items_per_day: int = 1,
    with_assignments: bool = True,
    **fields: Any,
) -> TrackPage:
    """A track whose days each have their own preparation items and assignment."""
    programme = []
    for number in range(1, days + 1):
        items = [
            create_item(
                catalogue,
                slug=f"{slug}-voorbereiding-{number}-{n}",
                regions=regions,
                kind=ArticlePage,
            )
            for n in range(1, items_per_day + 1)
        ]
        assignment = (
            create_item(
                catalogue,
                slug=f"{slug}-opdracht-{number}",
                regions=regions,
                kind=PracticeAssignmentPage,
            )
            if with_assignments
            else None
        )
        programme.append(
            TrackDay(
                title=f"Dag {number}",
                goals="Je herkent stress.\nJe weet wat werkt.",
                preparation_items=items,
                assignment=assignment,
            )
        )
    values: dict[str, Any] = {
        "title": slug.replace("-", " ").capitalize(),
        "slug": slug,
        "summary": "Een leergang in dagen.",
        "description": "<p>Wat je leert.</p>",
        "learning_form": learning_form("samen-trainen", "training"),
        "duration_minutes": 60 * 6 * days,
        "study_load_hours": 8 * days,
        "organiser": Organisation.objects.get_or_create(
            name="CMO STAMM", defaults={"sector": term(Sector, "welzijn")}
        )[0],
        "accreditation_register": "Registerplein",
        "accreditation_number": "RP-123",
        "accreditation_points": Decimal(days * 6),
        **fields,
    }
    track = TrackPage(**values)
    track.regions.set(regions)
    track.roles.set([term(Role, "sociaal-team")])
    track.themes.set([])
    track.days = programme  # type: ignore[assignment]
    catalogue.add_child(instance=track)
    return track


def plan(
    track: TrackPage,
    *,
    starts_in: timedelta = timedelta(days=10),
    seats: int = 10,
    name: str = "Groep voorjaar",
    **fields: Any,
) -> Cohort:
    start = (timezone.now() + starts_in).replace(microsecond=0)
    return plan_cohort(
        track=track,
        name=name,
        seats=seats,
        days=[
            DayPlan(
                track_day=day,
                starts_at=start + timedelta(weeks=number),
                ends_at=start + timedelta(weeks=number, hours=6),
                place_name="Het Kielzog",
                address="Kerkstraat 2, Hoogezand",
            )
            for number, day in enumerate(track.days.all())  # type: ignore[attr-defined]
        ],
        **fields,
    )


def create_track_index(regions: list[Region]) -> TrackIndexPage:
    page = TrackIndexPage(title="Leergangen", slug="leergangen", intro="Leren in dagen.")
    page.regions.set(regions)
    shared_root().add_child(instance=page)
    return page


def make_user(username: str, *, full_name: str = "", **fields: Any) -> Any:
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password=PASSWORD, **fields
    )
    Profile.objects.create(user=user, full_name=full_name or f"{username.title()} (voorbeeld)")
    return user


def make_editor(username: str = "redacteur") -> Any:
    """Staff with the permissions of the editors' group for tracks."""
    user = make_user(username, is_staff=True)
    group, _created = Group.objects.get_or_create(name="Redacteuren leergangen")
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="tracks", codename__in=["change_cohort", "view_cohort"]
        )
    )
    user.groups.add(group)
    return user
