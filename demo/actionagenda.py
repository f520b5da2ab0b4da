"""The alliance's administrative action agenda: three spearheads, a target with example
figures and a few steering group meetings, in our own words after the newsletter of
spring 2021. Persons are not named; figures that are not real say so."""

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from actionagenda.models import (
    ActionAgendaPage,
    SpearheadPage,
    SpearheadUpdate,
    SteeringGroupMeeting,
    Target,
)
from actionagenda.services import create_target, record_measurement
from core.models import Organisation, Region, SharedContentRoot, Theme
from demo.pages import add_page, stream

INTRO = (
    "De Alliantie van Kracht tegen Armoede werkt met een bestuurlijke actieagenda. "
    "Bestuurders van de partners spraken af waar ze samen aan werken. Hier lees je wat "
    "de speerpunten zijn, hoe ver ze zijn en wat de stuurgroep besloot."
)

STARTING_POINTS = [
    ("heading", "Waar we van uitgaan"),
    (
        "paragraph",
        "<ul>"
        "<li>We houden een lange adem: armoede die van generatie op generatie gaat, los je "
        "niet op in een project van een jaar.</li>"
        "<li>We kijken naar het hele gezin én naar de omgeving: werk, school, wonen en "
        "hulp.</li>"
        "<li>We beginnen vroeg: bij jonge gezinnen en de nieuwe generatie.</li>"
        "<li>We bedenken niets zonder de mensen om wie het gaat. De stem van gezinnen en "
        "ervaringsdeskundigen telt zwaar.</li>"
        "<li>Bestuurders, beleidsmakers en hulpverleners werken vanuit één gedeeld "
        "beeld.</li>"
        "</ul>",
    ),
]

SPEARHEADS: list[dict[str, Any]] = [
    {
        "slug": "ervaringsdeskundigheid-en-rolmodellen",
        "title": "Ervaringsdeskundigheid en rolmodellen",
        "theme": "ervaringsdeskundigheid",
        "status": "running",
        "goal": (
            "250 mensen die in armoede leven vinden een opleiding en werk. "
            "Ervaringsdeskundigen en rolmodellen laten zien dat het kan en gaan mee."
        ),
        "plans": (
            "<p>Een groep bestuurders werkt een startnotitie uit. Daarin staat hoe partners "
            "samen plekken maken om te leren en te werken, en hoe ervaringsdeskundigen "
            "deelnemers begeleiden.</p>"
            "<ul><li>Werkgevers maken banen op maat (jobcarving).</li>"
            "<li>Deelnemers volgen een opleiding die past bij wat ze al kunnen.</li>"
            "<li>Ervaringsdeskundigen krijgen een opleiding en een betaalde rol.</li></ul>"
        ),
        "partners": [
            "CMO STAMM",
            "Gemeente Veendam",
            "Woonstichting Veenland (voorbeeld)",
            "Welzijn Drentse Monden (voorbeeld)",
        ],
        "bottleneck_kinds": ["money"],
        "updates": [
            (300, "De stuurgroep sprak over het plan en vroeg om een startnotitie."),
            (200, "Een groep bestuurders besprak de startnotitie en koos de eerste gemeenten."),
            (60, "De eerste deelnemers begonnen aan een opleiding (voorbeeld)."),
        ],
    },
    {
        "slug": "vroegsignalering-en-preventie",
        "title": "Vroegsignalering en preventie",
        "theme": "vroegsignalering",
        "status": "running",
        "goal": ("Schulden voorkomen: geldzorgen eerder zien en mensen snel en dichtbij helpen."),
        "plans": (
            "<p>Managers dienstverlening van de partners maken samen een actieplan waar "
            "mensen met geldzorgen echt iets aan hebben. Het plan bouwt op wat nu al goed "
            "werkt bij de partners.</p>"
            "<p>Gemeenten leren in werksessies van elkaar hoe ze vroegsignalering onder de "
            "Wet gemeentelijke schuldhulpverlening inrichten: projectstructuur, "
            "samenwerkingspartners, privacy, ICT en monitoring. Daarna schuiven ook "
            "woningcorporaties, welzijn en vrijwilligers aan.</p>"
        ),
        "partners": [
            "CMO STAMM",
            "Gemeente Assen",
            "Gemeente Emmen",
            "Woonstichting Veenland (voorbeeld)",
        ],
        "bottleneck_kinds": ["ict_privacy", "cooperation"],
        "updates": [
            (280, "De stuurgroep hoorde het plan voor een gezamenlijk actieplan."),
            (170, "Het actieplan is klaar en besproken in de stuurgroep."),
            (90, "De eerste ronde werksessies voor gemeenten is afgerond."),
        ],
    },
    {
        "slug": "wet-en-regelgeving",
        "title": "Wet- en regelgeving",
        "theme": "wet-en-regelgeving",
        "status": "preparing",
        "goal": (
            "Gaten in wetten en regels zichtbaar maken en ze aankaarten bij wie ze kan veranderen."
        ),
        "plans": (
            "<p>Organisaties zonder wettelijke taak voor armoede leren welke mogelijkheden "
            "er zijn. Andersom horen we van hen waar regels knellen.</p>"
            "<p>Knelpunten uit de leerkringen komen hier samen. De stuurgroep kiest welke "
            "ze aankaart bij de provincie, de VNG of het Rijk.</p>"
        ),
        "partners": ["Movisie", "Sociaal Planbureau Groningen", "Gemeente Stadskanaal"],
        "bottleneck_kinds": ["law", "municipal_policy"],
        "updates": [
            (280, "Een bestuurder verkent hoe organisaties zonder wettelijke taak meedoen."),
            (45, "De eerste knelpunten uit de leerkringen zijn verzameld."),
        ],
    },
]

MEETINGS = [
    (
        290,
        "Drie bestuurders lichten hun plannen voor de speerpunten toe.\n"
        "De startnotitie over ervaringsdeskundigheid en werk gaat naar een groep bestuurders.",
    ),
    (
        170,
        "De stuurgroep stelt het actieplan vroegsignalering vast.\n"
        "De werksessies over de Wgs krijgen een vervolg met woningcorporaties en welzijn.",
    ),
    (
        50,
        "De stuurgroep kiest drie knelpunten uit de leerkringen om aan te kaarten.\n"
        "De voortgang op de doelen komt elk kwartaal terug op de agenda.",
    ),
]

# Example figures: the source is the alliance's plan, not a count.
TARGETS: list[dict[str, Any]] = [
    {
        "title": "250 mensen in armoede naar scholing en werk",
        "spearhead": "ervaringsdeskundigheid-en-rolmodellen",
        "goal_value": 250,
        "unit": "mensen",
        "years": 3,
        "measurements": [(330, 0), (240, 14), (150, 41), (60, 77), (10, 96)],
        "source": "Voorbeeldcijfer: telling van de partners",
    },
    {
        "title": "Werksessies vroegsignalering voor gemeenten",
        "spearhead": "vroegsignalering-en-preventie",
        "goal_value": 12,
        "unit": "werksessies",
        "years": 1,
        "measurements": [(200, 2), (120, 5), (30, 8)],
        "source": "Voorbeeldcijfer: planning van CMO STAMM",
    },
]


def _days_ago(days: int) -> date:
    return timezone.localdate() - timedelta(days=days)


def load() -> int:
    """Creates what is missing; returns the number of spearheads created."""
    shared_root = SharedContentRoot.objects.first()
    if shared_root is None or ActionAgendaPage.objects.exists():
        return 0
    regions = list(Region.objects.all())
    agenda = ActionAgendaPage(
        title="Actieagenda",
        slug="actieagenda",
        intro=INTRO,
        body=stream(STARTING_POINTS),
    )
    agenda.regions.set(regions)
    agenda.steering_group_meetings = [  # type: ignore[assignment]
        SteeringGroupMeeting(held_on=_days_ago(days), decisions=decisions)
        for days, decisions in MEETINGS
    ]
    add_page(shared_root, agenda)
    spearheads = {data["slug"]: _spearhead(agenda, data, regions) for data in SPEARHEADS}
    for data in TARGETS:
        if Target.objects.filter(title=data["title"]).exists():
            continue
        today = timezone.localdate()
        target = create_target(
            title=data["title"],
            goal_value=Decimal(data["goal_value"]),
            unit=data["unit"],
            spearhead=spearheads[data["spearhead"]],
            deadline=date(today.year + data["years"], 12, 31),
            is_example=True,
        )
        for days, value in data["measurements"]:
            record_measurement(
                target=target,
                measured_on=_days_ago(days),
                value=Decimal(value),
                source=data["source"],
            )
    return len(spearheads)


def _spearhead(
    agenda: ActionAgendaPage, data: dict[str, Any], regions: list[Region]
) -> SpearheadPage:
    page = SpearheadPage(
        title=data["title"],
        slug=data["slug"],
        theme=Theme.objects.get(slug=data["theme"]),
        goal=data["goal"],
        status=data["status"],
        plans=data["plans"],
        bottleneck_kinds=data["bottleneck_kinds"],
    )
    page.regions.set(regions)
    page.partners.set(Organisation.objects.filter(name__in=data["partners"]))
    page.updates = [  # type: ignore[assignment]
        SpearheadUpdate(published_on=_days_ago(days), text=text) for days, text in data["updates"]
    ]
    return add_page(agenda, page)  # type: ignore[return-value]
