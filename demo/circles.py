"""Demo learning circles in Assen and Stadskanaal (both started in 2017, facilitated by
Movisie with Tinten, as the sources say). Every person is invented and marked
"(voorbeeld)"; their addresses are @example.org and they log in with DEMO_PASSWORD.
Cases are invented and anonymised. Loads once: an existing circle is left alone."""

# ruff: noqa: E501 (the Dutch demo sentences stay whole, one per line)

from datetime import date, timedelta
from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.models import Page

from accounts.models import Profile
from catalogue.models import CapitalForm, FamilyType
from circles import services
from circles.models import Case, Circle, CircleIndexPage, Comment
from core.models import (
    LearningForm,
    Municipality,
    Organisation,
    Region,
    Role,
    Sector,
    SharedContentRoot,
)
from demo.dates import at, working_day
from demo.pages import add_page

DEMO_PASSWORD = "leren-over-armoede"
COORDINATORS_GROUP = "Coördinatoren"

CIRCLE_INTRO = (
    "In een leerkring werken zo'n twintig professionals en vrijwilligers uit één gemeente "
    "samen aan armoede die van generatie op generatie gaat: uit welzijn, wonen, zorg en de "
    "gemeente. Ze bespreken anonieme casussen, maken afspraken en brengen knelpunten in het "
    "systeem naar wie ze kan oplossen. Wil je meedoen? Vraag het hieronder."
)

# username, name, role slug, organisation
PEOPLE: dict[str, list[tuple[str, str, str, str | None]]] = {
    "assen": [
        ("begeleider.assen", "Marieke Veldman (voorbeeld)", "begeleider-leerkring", "Movisie"),
        ("anouk.assen", "Anouk de Boer (voorbeeld)", "sociaal-team", "Gemeente Assen"),
        ("henk.assen", "Henk Smit (voorbeeld)", "schuldhulpverlener", "Gemeente Assen"),
        (
            "fatima.assen",
            "Fatima El Idrissi (voorbeeld)",
            "welzijnswerker",
            "Welzijn Drentse Monden (voorbeeld)",
        ),
        ("joost.assen", "Joost Kramer (voorbeeld)", "vrijwilliger", None),
    ],
    "stadskanaal": [
        ("begeleider.stadskanaal", "Peter Hoekstra (voorbeeld)", "begeleider-leerkring", "Tinten"),
        (
            "linda.stadskanaal",
            "Linda Mulder (voorbeeld)",
            "incassomedewerker",
            "Woonstichting Veenland (voorbeeld)",
        ),
        ("sandra.stadskanaal", "Sandra Bos (voorbeeld)", "sociaal-team", "Gemeente Stadskanaal"),
        (
            "gert.stadskanaal",
            "Gert Wiersma (voorbeeld)",
            "zorgprofessional",
            "Zorggroep De Vaart (voorbeeld)",
        ),
    ],
}
COORDINATOR = (
    "coordinator",
    "Coördinator CMO STAMM (voorbeeld)",
    "management-bestuur",
    "CMO STAMM",
)

CIRCLES: list[dict[str, Any]] = [
    {
        "slug": "assen",
        "name": "Leerkring Assen",
        "municipality": "GM0106",
        "started_on": date(2017, 3, 1),
        "goal": (
            "Professionals en vrijwilligers in Assen leren samen hoe ze gezinnen die al "
            "generaties in armoede leven eerder zien en beter helpen, over de grenzen van "
            "hun organisatie heen."
        ),
        "organisations": [
            "Gemeente Assen",
            "Welzijn Drentse Monden (voorbeeld)",
            "Movisie",
            "CMO STAMM",
        ],
        "items": [
            "vroegsignalering-in-vijf-bouwstenen",
            "schaarste-en-stress",
            "opdracht-huisbezoek-met-aandacht-voor-stress",
        ],
    },
    {
        "slug": "stadskanaal",
        "name": "Leerkring Stadskanaal",
        "municipality": "GM0037",
        "started_on": date(2017, 3, 1),
        "goal": (
            "In Stadskanaal werken wonen, welzijn, zorg en de gemeente samen aan een sluitende "
            "aanpak: van het eerste signaal van een huurachterstand tot hulp die blijft."
        ),
        "organisations": [
            "Gemeente Stadskanaal",
            "Woonstichting Veenland (voorbeeld)",
            "Zorggroep De Vaart (voorbeeld)",
            "Tinten",
            "Movisie",
        ],
        "items": [
            "opdracht-sociale-kaart-stadskanaal",
            "podcast-huurachterstand-eerst-rust",
            "leerkring-stadskanaal",
        ],
    },
]

CASES: dict[str, list[dict[str, Any]]] = {
    "assen": [
        {
            "author": "anouk.assen",
            "days_ago": 40,
            "title": "Een moeder die geen post meer opent",
            "situation": (
                "Een moeder van drie kinderen (4, 9 en 13 jaar) opent al maanden haar post niet. "
                "Er zijn achterstanden bij de energieleverancier en de zorgverzekeraar. Ze "
                "werkt twintig uur per week in de schoonmaak. Haar eigen ouders hadden ook "
                "altijd schulden; ze zegt: 'zo gaat het bij ons nu eenmaal'."
            ),
            "question": "Hoe bouwen we vertrouwen op zonder dat zij zich gecontroleerd voelt?",
            "capital": ["financieel-kapitaal", "emotioneel-kapitaal"],
            "family": ["generaties-weinig"],
            "went_well": "De wijkcoach kende het gezin al via school en kon een eerste gesprek regelen.",
            "could_be_better": "Drie organisaties stuurden elk hun eigen brief; niemand wist van de ander.",
            "comments": [
                (
                    "fatima.assen",
                    "Herkenbaar. Bij ons helpt het om samen de post open te maken, aan de keukentafel, zonder direct oplossingen.",
                ),
                (
                    "henk.assen",
                    "Vanuit schuldhulp kunnen we met één contactpersoon werken als zij dat goed vindt. Dan krijgt ze één brief in plaats van drie.",
                ),
                (
                    "begeleider.assen",
                    "Mooi voorbeeld van stress door schaarste. Laten we volgende keer bespreken hoe we brieven samen afstemmen.",
                ),
            ],
            "points": [
                "Eén contactpersoon per gezin afspreken tussen schuldhulp en sociaal team",
                "Brieven aan gezinnen eerst samen afstemmen",
            ],
        },
        {
            "author": "joost.assen",
            "days_ago": 12,
            "title": "Een vader die hulp afhoudt",
            "situation": (
                "Een alleenstaande vader met twee tieners heeft veel slechte ervaringen met "
                "instanties. Als vrijwilliger bij de voedselbank zie ik hem elke week. Hij wil "
                "geen hulp 'van de gemeente', maar vraagt mij wel om mee te lezen met formulieren."
            ),
            "question": "Hoe kan ik hem helpen zonder zijn vertrouwen te beschamen?",
            "capital": ["sociaal-kapitaal"],
            "family": ["hulp-mijdend"],
            "went_well": "",
            "could_be_better": "",
            "comments": [
                (
                    "anouk.assen",
                    "Jij bent juist de brug. Misschien kun je vragen of hij het goed vindt dat je eens samen met iemand van het sociaal team komt?",
                ),
            ],
            "points": [],
        },
    ],
    "stadskanaal": [
        {
            "author": "linda.stadskanaal",
            "days_ago": 25,
            "title": "Huurachterstand bij een jong gezin",
            "situation": (
                "Een jong stel met een baby heeft een huurachterstand van drie maanden. Beiden "
                "zijn opgegroeid in gezinnen met weinig geld. Hij heeft tijdelijk werk, zij "
                "volgt een opleiding. Op onze brieven en telefoontjes kwam geen reactie."
            ),
            "question": "Wat werkt bij jonge ouders om eerder in contact te komen?",
            "capital": ["financieel-kapitaal", "pedagogisch-kapitaal"],
            "family": ["jonge-gezinnen-opgegroeid-in-armoede"],
            "went_well": "Een huisbezoek samen met het sociaal team gaf rust: er kwam een betalingsregeling.",
            "could_be_better": "We kwamen pas na drie maanden in beeld; signalen van de zorg bereikten ons niet.",
            "comments": [
                (
                    "sandra.stadskanaal",
                    "Een gezamenlijk huisbezoek werkt bij ons ook het best. Belangrijk: eerst vragen hoe het met ze gaat, niet met het geld beginnen.",
                ),
                (
                    "gert.stadskanaal",
                    "Vanuit het consultatiebureau zien we jonge ouders vaak. Kunnen we afspreken dat we elkaar eerder bellen, met toestemming van de ouders?",
                ),
            ],
            "points": ["Na één maand achterstand een gezamenlijk huisbezoek aanbieden"],
        },
    ],
}

# days from today, agenda, minutes (past meetings only)
MEETINGS: dict[str, list[tuple[int, str, str]]] = {
    "assen": [
        (
            -42,
            "1. Welkom en kennismaking\n2. Casus: een moeder die geen post meer opent\n3. Afspraken",
            "We bespraken de casus van een moeder die haar post niet meer opent. Afgesproken: schuldhulp en sociaal team werken met één contactpersoon per gezin. Volgende keer: brieven in gewone taal.",
        ),
        (
            -14,
            "1. Terugblik op de afspraken\n2. Casus: een vader die hulp afhoudt\n3. Knelpunt: signalen delen",
            "De vrijwilliger van de voedselbank is een belangrijke brug. Het knelpunt over het delen van signalen is gedeeld met de regio.",
        ),
        (21, "1. Open afspraken\n2. Nieuwe casus\n3. Sociale kaart van Assen", ""),
    ],
    "stadskanaal": [
        (
            -30,
            "1. Welkom\n2. Casus: huurachterstand bij een jong gezin\n3. Samenwerking met het consultatiebureau",
            "Een gezamenlijk huisbezoek werkt. We spreken af na één maand achterstand samen langs te gaan.",
        ),
        (28, "1. Open afspraken\n2. Bijzondere bijstand: wat kan sneller?", ""),
    ],
}

AGREEMENTS: dict[str, list[tuple[str, str | None, int | None, str]]] = {
    "assen": [
        (
            "Schuldhulp en sociaal team spreken per gezin één contactpersoon af.",
            "henk.assen",
            30,
            "in_progress",
        ),
        (
            "We maken een gezamenlijke sociale kaart van Assen voor vrijwilligers.",
            "fatima.assen",
            60,
            "open",
        ),
        ("Brieven aan gezinnen worden in gewone taal geschreven (B1).", "anouk.assen", -20, "done"),
        ("Een vaste spreekuurplek in de bibliotheek.", None, None, "dropped"),
    ],
    "stadskanaal": [
        (
            "Na één maand huurachterstand bieden we samen een huisbezoek aan.",
            "linda.stadskanaal",
            45,
            "open",
        ),
        (
            "Het consultatiebureau en het sociaal team bellen elkaar bij zorgen, met toestemming van de ouders.",
            "gert.stadskanaal",
            20,
            "in_progress",
        ),
    ],
}

BOTTLENECKS: dict[str, list[dict[str, Any]]] = {
    "assen": [
        {
            "title": "Signalen van achterstand mogen niet gedeeld worden",
            "description": (
                "Energieleveranciers en zorgverzekeraars mogen betalingsachterstanden pas laat "
                "met de gemeente delen. Daardoor komt hulp vaak pas als de schuld al groot is."
            ),
            "kind": "law",
            "body": "Ministerie van Sociale Zaken en Werkgelegenheid",
            "shared": True,
            "response": (
                "Besproken in de stuurgroep van de Alliantie. De provincies hebben het signaal "
                "doorgegeven aan het ministerie; we houden jullie op de hoogte."
            ),
            "response_status": "raised",
        },
        {
            "title": "Geen gedeeld systeem voor wie contactpersoon is",
            "description": "Organisaties kunnen niet zien wie al contact heeft met een gezin.",
            "kind": "ict_privacy",
            "body": "Gemeente Assen",
            "shared": False,
        },
    ],
    "stadskanaal": [
        {
            "title": "Bijzondere bijstand pas na lange aanvraag",
            "description": (
                "Een aanvraag voor bijzondere bijstand duurt weken. Gezinnen met een acute nood "
                "haken af of lenen bij familie."
            ),
            "kind": "municipal_policy",
            "body": "Gemeente Stadskanaal",
            "shared": False,
        },
    ],
}


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


def _coordinator() -> Any:
    group, _created = Group.objects.get_or_create(name=COORDINATORS_GROUP)
    group.permissions.add(
        Permission.objects.get(
            content_type__app_label="circles", codename="view_regional_bottlenecks"
        )
    )
    user = _user(*COORDINATOR)
    user.groups.add(group)
    return user


def _index_page(regions: list[Region]) -> None:
    shared_root = SharedContentRoot.objects.first()
    if shared_root is None or CircleIndexPage.objects.exists():
        return
    page = CircleIndexPage(
        title="Leerkringen", slug="leerkringen", intro=CIRCLE_INTRO, show_in_menus=True
    )
    page.regions.set(regions)
    add_page(shared_root, page)
    # Circles are no catalogue items: the home page's tile for learning with peers opens
    # this page, not an empty catalogue.
    LearningForm.objects.filter(icon=LearningForm.Icon.PEERS, page=None).update(page=page)


def _backdate(model: Any, pk: int, days_ago: int) -> None:
    model.objects.filter(pk=pk).update(created_at=timezone.now() - timedelta(days=days_ago))


def _load_circle(data: dict[str, Any], coordinator: Any) -> None:
    slug = data["slug"]
    people = {row[0]: _user(*row) for row in PEOPLE[slug]}
    facilitator = people[f"begeleider.{slug}"]
    circle = Circle.objects.create(
        name=data["name"],
        slug=slug,
        municipality=Municipality.objects.get(cbs_code=data["municipality"]),
        goal=data["goal"],
        started_on=data["started_on"],
        facilitating_organisation=Organisation.objects.filter(name="Movisie").first(),
    )
    circle.organisations.set(Organisation.objects.filter(name__in=data["organisations"]))
    circle.catalogue_items.set(Page.objects.filter(slug__in=data["items"]))
    services.appoint_facilitator(circle=circle, user=facilitator)
    for user in people.values():
        if user != facilitator:
            services.add_member(circle=circle, user=user, by=facilitator)

    for case_data in CASES[slug]:
        case = services.bring_in_case(
            circle=circle,
            author=people[case_data["author"]],
            details=services.CaseDetails(
                title=case_data["title"],
                situation=case_data["situation"],
                question=case_data["question"],
                capital_forms=CapitalForm.objects.filter(slug__in=case_data["capital"]),
                family_types=FamilyType.objects.filter(slug__in=case_data["family"]),
                went_well=case_data["went_well"],
                could_be_better=case_data["could_be_better"],
            ),
        )
        _backdate(Case, case.pk, case_data["days_ago"])
        for number, (author, text) in enumerate(case_data["comments"]):
            comment = services.add_comment(case=case, author=people[author], text=text)
            _backdate(Comment, comment.pk, case_data["days_ago"] - 1 - number)
        for text in case_data["points"]:
            services.add_improvement_point(case=case, by=facilitator, text=text)

    for days, agenda, minutes in MEETINGS[slug]:
        starts_at = at(working_day(days), 14)
        meeting = services.plan_meeting(
            circle=circle,
            by=facilitator,
            details=services.MeetingDetails(
                starts_at=starts_at,
                ends_at=starts_at + timedelta(hours=2),
                agenda=agenda,
                place_name=f"Gemeentehuis {circle.municipality.name}" if days % 2 == 0 else "",
                online_url="" if days % 2 == 0 else "https://meet.example.org/leerkring",
            ),
        )
        if minutes:
            services.write_minutes(meeting=meeting, by=facilitator, minutes=minutes)

    today = timezone.localdate()
    for description, follow_up, due_in, status in AGREEMENTS[slug]:
        services.make_agreement(
            circle=circle,
            by=facilitator,
            details=services.AgreementDetails(
                description=description,
                follow_up_by=people.get(follow_up) if follow_up else None,
                due_on=today + timedelta(days=due_in) if due_in is not None else None,
                status=status,
            ),
        )
    first_case = Case.objects.filter(circle=circle).order_by("created_at").first()
    for bottleneck_data in BOTTLENECKS[slug]:
        bottleneck = services.record_bottleneck(
            circle=circle,
            by=facilitator,
            details=services.BottleneckDetails(
                title=bottleneck_data["title"],
                description=bottleneck_data["description"],
                kind=bottleneck_data["kind"],
                body=bottleneck_data["body"],
                case=first_case,
            ),
        )
        if bottleneck_data["shared"]:
            services.share_bottleneck(bottleneck=bottleneck, by=facilitator)
        if bottleneck_data.get("response"):
            services.respond_to_bottleneck(
                bottleneck=bottleneck,
                by=coordinator,
                response=bottleneck_data["response"],
                status=bottleneck_data["response_status"],
            )


def load() -> int:
    """Load the demo circles; returns how many were created."""
    _index_page(list(Region.objects.all()))
    # Tinten facilitates the circles with Movisie (see the 2018 article in the sources).
    Organisation.objects.get_or_create(
        name="Tinten", defaults={"sector": Sector.objects.get(slug="welzijn")}
    )
    coordinator = _coordinator()
    created = 0
    for data in CIRCLES:
        if Circle.objects.filter(slug=data["slug"]).exists():
            continue
        _load_circle(data, coordinator)
        created += 1
    return created
