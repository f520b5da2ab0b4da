"""The action agenda with its spearheads, and what they gather."""

from datetime import date
from decimal import Decimal
from typing import Any

from wagtail.rich_text import RichText

from actionagenda.models import ActionAgendaPage, SpearheadPage, SteeringGroupMeeting
from actionagenda.services import create_target, record_measurement
from catalogue.tests.factories import term
from core.models import Region, Theme
from core.tests.factories import shared_root


def create_agenda_page(regions: list[Region], **fields: Any) -> ActionAgendaPage:
    page = ActionAgendaPage(
        title="Actieagenda",
        slug="actieagenda",
        intro="Wat de alliantie samen wil bereiken.",
        **fields,
    )
    page.regions.set(regions)
    shared_root().add_child(instance=page)
    return page


def create_spearhead(
    agenda: ActionAgendaPage,
    *,
    slug: str = "vroegsignalering-en-preventie",
    theme: str = "vroegsignalering",
    regions: list[Region],
    bottleneck_kinds: tuple[str, ...] = (),
    **fields: Any,
) -> SpearheadPage:
    values: dict[str, Any] = {
        "title": slug.replace("-", " ").capitalize(),
        "slug": slug,
        "theme": term(Theme, theme),
        "goal": f"Doel van {slug}.",
        "status": "running",
        "plans": RichText("<p>Een actieplan met de partners.</p>"),
        "bottleneck_kinds": list(bottleneck_kinds),
        **fields,
    }
    page = SpearheadPage(**values)
    page.regions.set(regions)
    agenda.add_child(instance=page)
    return page


def add_meeting(agenda: ActionAgendaPage, held_on: date, decisions: str) -> SteeringGroupMeeting:
    return SteeringGroupMeeting.objects.create(page=agenda, held_on=held_on, decisions=decisions)


def create_target_with(
    spearhead: SpearheadPage | None, values: list[tuple[date, int]], **fields: Any
) -> Any:
    target = create_target(
        title=fields.pop("title", "250 mensen in armoede naar scholing en werk"),
        goal_value=Decimal(fields.pop("goal_value", 250)),
        unit=fields.pop("unit", "mensen"),
        spearhead=spearhead,
        **fields,
    )
    for measured_on, value in values:
        record_measurement(
            target=target, measured_on=measured_on, value=Decimal(value), source="Telling"
        )
    return target
