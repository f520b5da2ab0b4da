"""Demo learning tracks at /leergangen/: the three-day track for professionals and the
two-day track for boards and management, each with a group that is running now (dates
relative to the day the demo is loaded) and a next group open for registration.

The participants are invented and marked "(voorbeeld)"; their addresses are @example.org
and they log in with DEMO_PASSWORD ("leren-over-armoede"). They stand at different points:
one of them has completed the two-day track and has a certificate. A demo trainer
(trainer.leergangen@example.org) records attendance. Loads once: an existing track is
left as editors made it. No e-mail is sent for these invented people.
"""

# ruff: noqa: E501 (the Dutch demo sentences stay whole, one per line)

from datetime import timedelta
from decimal import Decimal
from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts.models import Profile
from catalogue.models import CatalogueIndexPage, LearningItemPage, PracticeAssignmentPage
from core.models import LearningForm, Organisation, Region, Role, SharedContentRoot, Theme
from demo.dates import at, working_day
from demo.pages import add_page
from events.models import Registration
from learning.services import complete_item, save_answers
from tracks.models import Cohort, TrackDay, TrackIndexPage, TrackPage
from tracks.services import DayPlan, mark_day_attendance, plan_cohort

DEMO_PASSWORD = "leren-over-armoede"

INDEX_INTRO = (
    "Een leergang is een programma van een paar dagen met een vaste groep. Je bereidt je "
    "voor met onderdelen uit het aanbod, je leert samen op de dagen en je oefent daarna in "
    "je eigen werk. Rond je alles af? Dan krijg je meteen een certificaat."
)

TRAINER = ("trainer.leergangen", "Trainer CMO STAMM (voorbeeld)", "beleidsmedewerker", "CMO STAMM")

TRACKS: list[dict[str, Any]] = [
    {
        "slug": "driedaagse-leergang-de-armoedespiraal-doorbreken",
        "title": "Driedaagse leergang: de armoedespiraal doorbreken",
        "summary": "Drie dagen voor professionals in de hulp- en dienstverlening: begrijp generatiearmoede, werk stress-sensitief en sta samen sterker.",
        "description": (
            "<p>In de Veenkoloniën leven gezinnen soms al generaties in armoede. Eén knop "
            "omdraaien helpt dan niet. Deze leergang geeft je een beter en vollediger beeld "
            "van wat je kunt doen, in je eigen werk en samen met anderen.</p>"
            "<p>De leergang volgt de lessen uit het onderzoek van de Rijksuniversiteit "
            "Groningen. Je leert met collega's uit andere organisaties: van de "
            "woningcorporatie, het sociaal team, de schuldhulp en het welzijnswerk. Zo "
            "groeit een gedeelde taal en een gedeelde aanpak.</p>"
        ),
        "outcomes": "Je herkent generatiearmoede en de vijf vormen van kapitaal.\nJe voert een gesprek dat rust geeft in plaats van stress.\nJe weet wie je in je regio betrekt en hoe je warm overdraagt.",
        "roles": [
            "sociaal-team",
            "schuldhulpverlener",
            "incassomedewerker",
            "welzijnswerker",
            "zorgprofessional",
        ],
        "themes": [
            "typologieen-van-families",
            "stress-sensitieve-dienstverlening",
            "bejegening",
            "samenwerking-in-de-keten",
        ],
        "hours": 24,
        "points": Decimal(18),
        "days": [
            {
                "title": "Dag 1: generatiearmoede begrijpen",
                "goals": "Je weet wat overerfbare armoede is en hoe die ontstaat.\nJe kijkt naar een gezin met de vijf vormen van kapitaal.",
                "items": ["wat-is-overerfbare-armoede", "kennisclip-vijf-vormen-van-kapitaal"],
                "assignment": "opdracht-je-eigen-beeld-van-armoede",
            },
            {
                "title": "Dag 2: stress, schaarste en bejegening",
                "goals": "Je begrijpt wat geldzorgen met het denken doen.\nJe oefent een eerste gesprek dat contact houdt.",
                "items": ["schaarste-en-stress", "bejegening-het-eerste-contact"],
                "assignment": "opdracht-huisbezoek-met-aandacht-voor-stress",
            },
            {
                "title": "Dag 3: samen verder met vroegsignalering",
                "goals": "Je kent de bouwstenen van vroegsignalering.\nJe gebruikt ervaringskennis en draagt warm over.",
                "items": ["vroegsignalering-in-vijf-bouwstenen", "ervaringskennis-als-fundament"],
                "assignment": "opdracht-vijf-vormen-van-kapitaal-in-kaart",
            },
        ],
        "running": {
            "name": "Groep najaar",
            "days": [-21, -7, 7],
            "place": ("Het Kielzog", "Kerkstraat 2, Hoogezand"),
        },
        "next": {
            "name": "Groep voorjaar",
            "days": [56, 70, 84],
            "place": ("De Nieuwe Kolk", "Nieuwe Kolk 1, Assen"),
        },
        # username, name, role, organisation, days prepared, attendance per day, assignments handed in
        "participants": [
            (
                "mirjam.leergang",
                "Mirjam Bakker (voorbeeld)",
                "sociaal-team",
                "Gemeente Stadskanaal",
                [0, 1, 2],
                {0: True, 1: True},
                [0],
            ),
            (
                "ayla.leergang",
                "Ayla Demir (voorbeeld)",
                "incassomedewerker",
                "Woonstichting Veenland (voorbeeld)",
                [0, 1],
                {0: True, 1: True},
                [0, 1],
            ),
            (
                "kees.leergang",
                "Kees Dijkstra (voorbeeld)",
                "schuldhulpverlener",
                "Gemeente Veendam",
                [0],
                {0: True, 1: False},
                [],
            ),
        ],
    },
    {
        "slug": "tweedaagse-leergang-overerfbare-armoede-in-de-organisatie",
        "title": "Tweedaagse leergang: nieuwe kennis over overerfbare armoede in de organisatie",
        "summary": "Twee dagen voor bestuur en management: breng wat we nu weten over overerfbare armoede in de praktijk van je organisatie.",
        "description": (
            "<p>Professionals kunnen alleen anders werken als hun organisatie daar ruimte "
            "voor maakt. Deze leergang is voor bestuurders en managers van gemeenten, "
            "woningcorporaties, welzijn en zorg.</p>"
            "<p>Je hoort wat het onderzoek heeft opgeleverd en wat dat vraagt: een lange "
            "adem, maatwerk en samenwerking over de grenzen van je organisatie heen. Je kijkt "
            "met een frisse blik naar je eigen regels en routes, samen met mensen die armoede "
            "van binnenuit kennen.</p>"
        ),
        "outcomes": "Je kent de belangrijkste lessen uit het onderzoek naar overerfbare armoede.\nJe ziet waar je eigen organisatie stress geeft in plaats van rust.\nJe maakt afspraken die ruimte geven voor maatwerk.",
        "roles": ["management-bestuur"],
        "themes": ["typologieen-van-families", "wet-en-regelgeving", "ervaringsdeskundigheid"],
        "hours": 12,
        "points": None,
        "days": [
            {
                "title": "Dag 1: wat het onderzoek ons leert",
                "goals": "Je weet welke mechanismen armoede van generatie op generatie doorgeven.\nJe begrijpt waarom korte projecten niet genoeg zijn.",
                "items": ["samenvatting-onderzoek-overerfbare-armoede", "een-lange-adem"],
                "assignment": "opdracht-klantreis-met-een-stressbril",
            },
            {
                "title": "Dag 2: van inzicht naar beleid",
                "goals": "Je vertaalt de actieagenda naar je eigen organisatie.\nJe spreekt af wat je de komende jaren anders doet.",
                "items": [
                    "bestuurlijke-actieagenda-in-het-kort",
                    "podcast-rust-als-voorwaarde-organisatie",
                ],
                "assignment": "opdracht-ervaringsdeskundige-laten-meelezen",
            },
        ],
        "running": {
            "name": "Groep najaar",
            "days": [-28, -3],
            "place": ("Provinciehuis Drenthe", "Westerbrink 1, Assen"),
        },
        "next": {
            "name": "Groep voorjaar",
            "days": [63, 77],
            "place": ("Gemeentehuis Veendam", "Raadhuisplein 1, Veendam"),
        },
        "participants": [
            (
                "hanneke.leergang",
                "Hanneke Post (voorbeeld)",
                "management-bestuur",
                "Woonstichting Veenland (voorbeeld)",
                [0, 1],
                {0: True, 1: True},
                [0, 1],
            ),
            (
                "wouter.leergang",
                "Wouter Veenstra (voorbeeld)",
                "management-bestuur",
                "Gemeente Emmen",
                [0, 1],
                {0: True, 1: True},
                [],
            ),
        ],
    },
]


def _user(username: str, full_name: str, role: str, organisation: str | None) -> Any:
    user_model = get_user_model()
    email = f"{username}@example.org"
    user = user_model.objects.filter(username=username).first()
    if user is None:
        user = user_model.objects.create_user(
            username=username, email=email, password=DEMO_PASSWORD
        )
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    if not Profile.objects.filter(user=user).exists():
        Profile.objects.create(
            user=user,
            full_name=full_name,
            role=Role.objects.filter(slug=role).first(),
            organisation=Organisation.objects.filter(name=organisation).first()
            if organisation
            else None,
        )
    return user


def _index_page(regions: list[Region]) -> None:
    shared_root = SharedContentRoot.objects.first()
    if shared_root is None or TrackIndexPage.objects.exists():
        return
    page = TrackIndexPage(
        title="Leergangen", slug="leergangen", intro=INDEX_INTRO, show_in_menus=True
    )
    page.regions.set(regions)
    add_page(shared_root, page)


def _track(
    data: dict[str, Any], catalogue: CatalogueIndexPage, regions: list[Region], trainer: Any
) -> TrackPage:
    items = {page.slug: page for page in LearningItemPage.objects.all()}
    assignments = {page.slug: page for page in PracticeAssignmentPage.objects.all()}
    track = TrackPage(
        title=data["title"],
        slug=data["slug"],
        summary=data["summary"],
        description=data["description"],
        outcomes=data["outcomes"],
        learning_form=LearningForm.objects.filter(slug="samen-trainen").first()
        or LearningForm.objects.first(),
        duration_minutes=data["hours"] * 60,
        study_load_hours=data["hours"],
        organiser=Organisation.objects.filter(name="CMO STAMM").first(),
        accreditation_register="Registerplein" if data["points"] else "",
        accreditation_number="RP-2026-0042 (voorbeeld)" if data["points"] else "",
        accreditation_points=data["points"],
        source="Onderzoek van de Rijksuniversiteit Groningen naar overerfbare armoede in de Veenkoloniën.",
    )
    track.regions.set(regions)
    track.co_funders.set(Organisation.objects.filter(name__startswith="Provincie "))
    track.roles.set(Role.objects.filter(slug__in=data["roles"]))
    track.themes.set(Theme.objects.filter(slug__in=data["themes"]))
    track.trainers.set([trainer])
    track.days = [  # type: ignore[assignment]
        TrackDay(
            title=day["title"],
            goals=day["goals"],
            preparation_items=[items[slug] for slug in day["items"] if slug in items],
            assignment=assignments.get(day["assignment"]),
        )
        for day in data["days"]
    ]
    return add_page(catalogue, track)  # type: ignore[return-value]


def _plan(track: TrackPage, group: dict[str, Any], seats: int) -> Cohort:
    days = []
    for track_day, offset in zip(track.days.all(), group["days"], strict=True):  # type: ignore[attr-defined]
        start = at(working_day(offset), 9, 30)
        days.append(
            DayPlan(
                track_day=track_day,
                starts_at=start,
                ends_at=start + timedelta(hours=6, minutes=30),
                place_name=group["place"][0],
                address=group["place"][1],
                accessibility_notes="Toegankelijk met rolstoel; ringleiding in de zaal.",
            )
        )
    return plan_cohort(track=track, name=group["name"], seats=seats, days=days)


def _progress(cohort: Cohort, trainer: Any, person: tuple[Any, ...]) -> None:
    """Register the person and bring them to their point: attendance first, then what they
    studied and handed in; a certificate that is due follows from the last of these acts."""
    username, name, role, organisation, prepared, attended, handed_in = person
    user = _user(username, name, role, organisation)
    Registration.objects.create(
        session=cohort,
        user=user,
        name=name,
        email=user.email,
        organisation_name=organisation or "",
        role=Role.objects.filter(slug=role).first(),
        state="confirmed",
        created_at=timezone.now() - timedelta(days=40),
    )
    days = list(cohort.days.select_related("track_day__assignment").order_by("starts_at"))  # type: ignore[attr-defined]
    for number, present in attended.items():
        mark_day_attendance(day=days[number], user=user, attended=present, actor=trainer)
    for number in prepared:
        for item in days[number].track_day.preparation_items.all():
            complete_item(user=user, page=item)
    for number in handed_in:
        assignment = days[number].track_day.assignment
        if assignment is not None:
            answers = {
                block.id: "Ik heb dit in mijn werk uitgeprobeerd (voorbeeld)."
                for block in assignment.reflection_questions
            }
            save_answers(user=user, page=assignment, answers=answers, submit=True)


def load() -> int:
    """Creates what is missing; returns the number of tracks created."""
    regions = list(Region.objects.all())
    catalogue = CatalogueIndexPage.objects.first()
    if catalogue is None:
        return 0
    _index_page(regions)
    trainer = _user(*TRAINER)
    created = 0
    for data in TRACKS:
        if TrackPage.objects.filter(slug=data["slug"]).exists():
            continue
        track = _track(data, catalogue, regions, trainer)
        running = _plan(track, data["running"], seats=16)
        _plan(track, data["next"], seats=16)
        for person in data["participants"]:
            _progress(running, trainer, person)
        created += 1
    return created
