from datetime import timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone

from catalogue.models import CatalogueIndexPage
from catalogue.tests.factories import learning_form, term
from core.models import Region, Role, Theme
from events.models import EventIndexPage, EventPage, Session

PASSWORD = "een-lang-wachtwoord"


def create_event(
    catalogue: CatalogueIndexPage,
    *,
    slug: str = "training-bejegening",
    regions: list[Region],
    capacity: int = 20,
    starts_in: timedelta = timedelta(days=10),
    sessions: int = 1,
    **fields: Any,
) -> EventPage:
    values: dict[str, Any] = {
        "title": slug.replace("-", " ").capitalize(),
        "slug": slug,
        "summary": "Een training.",
        "description": "<p>Wat je leert.</p>",
        "learning_form": learning_form("samen-trainen", "training"),
        "duration_minutes": 180,
        "kind": "training",
        **fields,
    }
    event = EventPage(**values)
    event.regions.set(regions)
    event.roles.set([term(Role, "schuldhulpverlener")])
    event.themes.set([term(Theme, "bejegening")])
    catalogue.add_child(instance=event)
    start = timezone.now() + starts_in
    for number in range(sessions):
        Session.objects.create(
            event=event,
            starts_at=start + timedelta(days=7 * number),
            ends_at=start + timedelta(days=7 * number, hours=3),
            place_name="Het Kielzog",
            address="Kerkstraat 1, Hoogezand",
            capacity=capacity,
            online_url="https://meet.example.org/geheim" if fields.get("kind") == "webinar" else "",
        )
    return event


def create_agenda(parent: Any, regions: list[Region]) -> EventIndexPage:
    agenda = EventIndexPage(title="Agenda", slug="agenda", intro="Trainingen en bijeenkomsten.")
    agenda.regions.set(regions)
    parent.add_child(instance=agenda)
    return agenda


def create_user(name: str = "sanne", **fields: Any) -> Any:
    return get_user_model().objects.create_user(
        username=name, email=f"{name}@example.org", password=PASSWORD, **fields
    )
