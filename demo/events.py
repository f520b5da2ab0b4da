"""Demo trainings and events, dated relative to the day the demo is loaded, and /agenda/."""

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from catalogue.models import CatalogueIndexPage
from core.models import (
    LearningForm,
    Municipality,
    Organisation,
    Region,
    Role,
    SharedContentRoot,
    Theme,
)
from demo.dates import at, working_day
from demo.pages import add_page
from events.models import EventIndexPage, EventPage, Session

# The yearly congres: the day itself (its plenary opening and closing, registration for
# the whole day) and two rounds of three workshops; a participant chooses one per round.
# (title, round, speakers, start, end, room, seats, taken)
PROGRAMME: list[tuple[str, str, str, tuple[int, int], tuple[int, int], str, int, int]] = [
    (
        "Congresdag met plenaire opening en afsluiting",
        "",
        "Dagvoorzitter Marieke Bos; slotwoord Henk Smit (voorbeeldnamen)",
        (9, 30),
        (16, 30),
        "Grote zaal",
        250,
        120,
    ),
    (
        "Stress-sensitief werken in de schuldhulp",
        "Ronde 1",
        "Fatima El Idrissi (voorbeeldnaam)",
        (11, 0),
        (12, 15),
        "Zaal 1",
        40,
        38,
    ),
    (
        "Vroegsignalering: samen eerder bij gezinnen",
        "Ronde 1",
        "Jeroen Bakker (voorbeeldnaam)",
        (11, 0),
        (12, 15),
        "Zaal 2",
        40,
        21,
    ),
    (
        "Ervaringsdeskundigen als collega",
        "Ronde 1",
        "Linda Mulder en Kees Hoekstra (voorbeeldnamen)",
        (11, 0),
        (12, 15),
        "Zaal 3",
        30,
        30,
    ),
    (
        "Vijf vormen van kapitaal aan de keukentafel",
        "Ronde 2",
        "Sanne Visser (voorbeeldnaam)",
        (13, 30),
        (14, 45),
        "Zaal 1",
        40,
        17,
    ),
    (
        "Jonge gezinnen: preventie voor de volgende generatie",
        "Ronde 2",
        "Ahmed Yilmaz (voorbeeldnaam)",
        (13, 30),
        (14, 45),
        "Zaal 2",
        40,
        26,
    ),
    (
        "Brieven in gewone taal",
        "Ronde 2",
        "Ingrid de Boer (voorbeeldnaam)",
        (13, 30),
        (14, 45),
        "Zaal 3",
        30,
        12,
    ),
]

PROGRAMME_TEXT = (
    "<h3>Programma</h3><ul>"
    "<li>09.30 uur: inloop met koffie</li>"
    "<li>10.00 uur: plenaire opening, met ervaringsdeskundigen over een lange adem</li>"
    "<li>11.00 uur: workshopronde 1 (je kiest één workshop)</li>"
    "<li>12.15 uur: lunch en informatiemarkt</li>"
    "<li>13.30 uur: workshopronde 2 (je kiest één workshop)</li>"
    "<li>15.00 uur: plenaire afsluiting: wat nemen we mee naar het komende jaar?</li>"
    "<li>16.00 uur: borrel</li></ul>"
    "<p>De Oosterpoort ligt op tien minuten lopen van station Groningen. De zalen zijn "
    "toegankelijk met een rolstoel en hebben een ringleiding. De namen van de sprekers "
    "zijn voorbeelden.</p>"
)

# (slug, municipality, title, kind, regions, theme, roles, days from today, hours, seats,
# taken, place, summary)
EVENTS: list[dict[str, Any]] = [
    {
        "slug": "training-bejegening",
        "municipality": "Midden-Groningen",
        "title": "Training bejegening: het gesprek over een betalingsachterstand",
        "kind": "training",
        "regions": ["groningen"],
        "themes": ["bejegening"],
        "roles": ["incassomedewerker"],
        "days": 12,
        "seats": 16,
        "taken": 14,
        "place": ("Het Kielzog", "Kerkstraat 2, Hoogezand"),
        "summary": "Oefen met acteurs hoe je een huurder met schulden zo benadert dat die "
        "contact houdt.",
        "points": Decimal(3),
    },
    {
        "slug": "training-stress-sensitieve-dienstverlening",
        "municipality": "Assen",
        "title": "Training stress-sensitieve dienstverlening",
        "kind": "training",
        "regions": ["groningen", "drenthe"],
        "themes": ["stress-sensitieve-dienstverlening"],
        "roles": ["sociaal-team", "schuldhulpverlener"],
        "days": 20,
        "seats": 20,
        "taken": 6,
        "place": ("De Nieuwe Kolk", "Nieuwe Kolk 1, Assen"),
        "summary": "Wat stress doet met denken en doen, en hoe je je dienstverlening daarop "
        "aanpast.",
        "points": Decimal(4),
        "sessions": 2,
    },
    {
        "slug": "werksessie-vroegsignalering-privacy",
        "municipality": "Emmen",
        "title": "Werksessie vroegsignalering: privacy en ICT-systemen",
        "kind": "werksessie",
        "regions": ["drenthe"],
        "themes": ["vroegsignalering"],
        "roles": ["schuldhulpverlener", "beleidsmedewerker"],
        "days": 8,
        "seats": 25,
        "taken": 10,
        "place": ("Gemeentehuis Emmen", "Raadhuisplein 1, Emmen"),
        "summary": "Welke gegevens mag je delen om schulden vroeg te zien, en hoe regel je "
        "dat in de systemen?",
    },
    {
        "slug": "werksessie-vroegsignalering-samenwerking",
        "municipality": "Stadskanaal",
        "title": "Werksessie vroegsignalering: projectstructuur en samenwerkingspartners",
        "kind": "werksessie",
        "regions": ["groningen"],
        "themes": ["vroegsignalering"],
        "roles": ["schuldhulpverlener", "beleidsmedewerker"],
        "days": -21,
        "seats": 25,
        "taken": 18,
        "place": ("Gemeentehuis Stadskanaal", "Raadhuisstraat 2, Stadskanaal"),
        "summary": "Wie doet wat bij vroegsignalering? Samen zetten we de partners en de "
        "monitoring op een rij.",
    },
    {
        "slug": "workshop-wet-gemeentelijke-schuldhulpverlening",
        "municipality": "Assen",
        "title": "Workshop de Wet gemeentelijke schuldhulpverlening in de praktijk",
        "kind": "workshop",
        "regions": ["groningen", "drenthe"],
        "themes": ["schuldhulpverlening-wgs"],
        "roles": ["schuldhulpverlener", "beleidsmedewerker"],
        "days": 30,
        "seats": 30,
        "taken": 3,
        "place": ("Provinciehuis Drenthe", "Westerbrink 1, Assen"),
        "summary": "Wat de Wgs van gemeenten vraagt, en hoe je de ruimte in de wet gebruikt.",
    },
    {
        "slug": "webinar-generatiearmoede",
        "title": "Webinar: wat werkt bij generatiearmoede",
        "kind": "webinar",
        "regions": ["groningen", "drenthe"],
        "themes": ["typologieen-van-families"],
        "roles": ["sociaal-team", "welzijnswerker"],
        "days": 5,
        "seats": 100,
        "taken": 40,
        "place": None,
        "summary": "Een uur online over de lessen uit het onderzoek van de Rijksuniversiteit "
        "Groningen.",
    },
    {
        "slug": "congres-alliantie-van-kracht-tegen-armoede",
        "municipality": "Groningen",
        "title": "Jaarcongres van de Alliantie van Kracht tegen Armoede",
        "kind": "congres",
        "regions": ["groningen", "drenthe"],
        "themes": ["ervaringsdeskundigheid"],
        "roles": ["management-bestuur", "beleidsmedewerker"],
        "days": 60,
        "seats": 250,
        "taken": 120,
        "place": ("De Oosterpoort", "Trompsingel 27, Groningen"),
        "summary": "Een dag voor bestuurders, beleidsmakers en professionals: een lange adem "
        "tegen armoede. Met een plenaire opening en afsluiting en twee workshoprondes.",
        "programme": PROGRAMME,
    },
]


PROVINCES = ["Provincie Groningen", "Provincie Drenthe"]
# The sources name who makes the work sessions on early detection possible.
WORK_SESSION_FUNDERS = [
    *PROVINCES,
    "Vereniging van Nederlandse Gemeenten (VNG)",
    "Vereniging van Drentse Gemeenten (VDG)",
    "Vereniging van Groninger Gemeenten (VGG)",
]


def load() -> int:
    """Creates what is missing; returns the number of events created."""
    regions = {region.slug: region for region in Region.objects.all()}
    shared_root = SharedContentRoot.objects.first()
    catalogue = CatalogueIndexPage.objects.first()
    if shared_root is None or catalogue is None:
        return 0
    if not EventIndexPage.objects.exists():
        agenda = EventIndexPage(
            title="Agenda",
            slug="agenda",
            intro="Trainingen, werksessies, webinars en het congres: schrijf je in.",
            show_in_menus=True,
        )
        agenda.regions.set(regions.values())
        add_page(shared_root, agenda)
    form = LearningForm.objects.filter(slug="samen-trainen").first() or LearningForm.objects.first()
    organiser = Organisation.objects.filter(name="CMO STAMM").first()
    created = 0
    for data in EVENTS:
        if EventPage.objects.filter(slug=data["slug"]).exists():
            continue
        event = EventPage(
            title=data["title"],
            slug=data["slug"],
            summary=data["summary"],
            description=f"<p>{data['summary']}</p><p>Voor wie met gezinnen in armoede werkt. "
            "Je oefent met situaties uit je eigen praktijk.</p>",
            kind=data["kind"],
            learning_form=form,
            duration_minutes=60 if data["kind"] == "webinar" else 180,
            organiser=organiser,
            trainer_names="Trainers van CMO STAMM (voorbeeld)",
            accreditation_register="Registerplein" if data.get("points") else "",
            accreditation_number="RP-2026-0001 (voorbeeld)" if data.get("points") else "",
            accreditation_points=data.get("points"),
        )
        event.regions.set([regions[slug] for slug in data["regions"] if slug in regions])
        event.municipalities.set(Municipality.objects.filter(name=data.get("municipality")))
        event.co_funders.set(
            Organisation.objects.filter(
                name__in=WORK_SESSION_FUNDERS if data["kind"] == "werksessie" else PROVINCES
            )
        )
        event.themes.set(Theme.objects.filter(slug__in=data["themes"]))
        event.roles.set(Role.objects.filter(slug__in=data["roles"]))
        day = working_day(data["days"])
        if "programme" in data:
            event.description += PROGRAMME_TEXT
            event.duration_minutes = 7 * 60
            event.trainer_names = ""
            _add_programme(event, day, data)
        for number in range(0 if "programme" in data else data.get("sessions", 1)):
            # A week apart, so a second day falls on a weekday too.
            start = at(day + timedelta(days=7 * number), 13 if data["place"] is None else 9, 30)
            # Added to the unsaved page, so they are part of its published revision.
            event.sessions.add(  # type: ignore[attr-defined]
                Session(
                    title=f"Dag {number + 1}" if data.get("sessions", 1) > 1 else "",
                    starts_at=start,
                    ends_at=start + timedelta(hours=1 if data["place"] is None else 3),
                    place_name=data["place"][0] if data["place"] else "",
                    address=data["place"][1] if data["place"] else "",
                    accessibility_notes="Toegankelijk met rolstoel; ringleiding in de zaal."
                    if data["place"]
                    else "",
                    online_url="https://meet.example.org/webinar-generatiearmoede"
                    if data["place"] is None
                    else "",
                    capacity=data["seats"],
                )
            )
        add_page(catalogue, event)
        if "programme" in data:
            taken = {row[0]: row[7] for row in data["programme"]}
            for session in event.sessions.all():  # type: ignore[attr-defined]
                _fill_seats(session, taken[session.title])
        else:
            for session in event.sessions.all():  # type: ignore[attr-defined]
                _fill_seats(session, data["taken"])
        created += 1
    return created


def _add_programme(event: EventPage, day: date, data: dict[str, Any]) -> None:
    place_name, address = data["place"]
    for title, round_label, speakers, start, end, room, seats, _taken in data["programme"]:
        event.sessions.add(  # type: ignore[attr-defined]
            Session(
                title=title,
                round=round_label,
                speakers=speakers,
                starts_at=at(day, *start),
                ends_at=at(day, *end),
                place_name=f"{place_name}, {room}",
                address=address,
                accessibility_notes="Toegankelijk met rolstoel; ringleiding in de zaal.",
                capacity=seats,
            )
        )


def _fill_seats(session: Session, taken: int) -> None:
    """Example participants, so seat counts look lived-in (some sessions nearly full)."""
    from events.models import Registration

    Registration.objects.bulk_create(
        Registration(
            session=session,
            name=f"Deelnemer {n + 1} (voorbeeld)",
            email=f"deelnemer{n + 1}.{session.pk}@example.org",
            state="confirmed",
        )
        for n in range(taken)
    )
