"""Demo news, a contact page, a page for theme ideas and a disclaimer, in our own words.

News is dated relative to the day the demo is loaded; every item has an image with alt
text (the title slides of the demo's own video clips), related items and themes."""

from typing import Any

from wagtail.images.models import Image
from wagtail.models import Page

from core.models import Region, SharedContentRoot, Theme
from demo.dates import working_day
from demo.pages import add_page, stream
from news.models import ContactFormPage, Message, NewsIndexPage, NewsPage, NewsRelatedPage

NEWS_INTRO = (
    "Nieuws van de Alliantie van Kracht tegen Armoede en de leeromgeving: wat er in de regio "
    "gebeurt, wat er nieuw is om te leren en wat professionals samen ontdekken."
)

SLIDE = "Titeldia van de kennisclip"
IMAGES = {
    "kapitaal": (
        "Kennisclip: Vijf vormen van kapitaal (beeld)",
        f"{SLIDE} 'Vijf vormen van kapitaal': financieel, sociaal, pedagogisch, emotioneel en "
        "cultureel kapitaal bij generatiearmoede.",
    ),
    "keukentafel": (
        "Kennisclip: Vragen aan de keukentafel: één per vorm van kapitaal (beeld)",
        f"{SLIDE} 'Vragen aan de keukentafel: één per vorm van kapitaal'.",
    ),
    "jonge-gezinnen": (
        "Kennisclip: Jonge gezinnen: kijk verder dan geld (beeld)",
        f"{SLIDE} 'Jonge gezinnen: kijk verder dan geld'.",
    ),
    "administratie": (
        "Kennisclip: Thuisadministratie: meer dan papieren op orde (beeld)",
        f"{SLIDE} 'Thuisadministratie: meer dan papieren op orde'.",
    ),
}

# (slug, title, days ago, regions, image, themes, related page slugs, summary, body)
NEWS: list[dict[str, Any]] = [
    {
        "slug": "leeromgeving-gelanceerd-op-het-jaarcongres",
        "title": "Leeromgeving gelanceerd op het jaarcongres van de alliantie",
        "days_ago": 75,
        "regions": ["groningen", "drenthe"],
        "image": "kapitaal",
        "themes": ["ervaringsdeskundigheid", "samenwerking-in-de-keten"],
        "related": ["congres-alliantie-van-kracht-tegen-armoede", "een-lange-adem", "aanbod"],
        "summary": "Op het jaarcongres van de Alliantie van Kracht tegen Armoede ging de "
        "leeromgeving open: één plek waar professionals uit Groningen en Drenthe leren wat "
        "werkt tegen armoede die van generatie op generatie overgaat.",
        "body": [
            (
                "paragraph",
                "<p>Bestuurders, beleidsmakers, professionals en ervaringsdeskundigen kwamen "
                "samen op het jaarcongres van de alliantie. Daar opende de leeromgeving. Je "
                "vindt er trainingen, kennisclips, podcasts, praktijkopdrachten en leerkringen "
                "naast elkaar, zodat iedereen kan leren op de manier die bij hem past.</p>",
            ),
            ("heading", "Waarom een leeromgeving?"),
            (
                "paragraph",
                "<p>Het onderzoek van de Rijksuniversiteit Groningen laat zien dat maatwerk "
                "alleen lukt als professionals elkaar kennen, dezelfde taal spreken en lang "
                "volhouden. De leeromgeving helpt daarbij: wat de een leert, kan de ander "
                "gebruiken.</p>",
            ),
            (
                "callout",
                {
                    "title": "Dit jaar weer een congres",
                    "text": "<p>Ook dit jaar is er een jaarcongres. Je kunt je aanmelden via "
                    "de agenda.</p>",
                },
            ),
        ],
    },
    {
        "slug": "eerste-leerkringen-van-start-in-assen-en-stadskanaal",
        "title": "Eerste leerkringen van start in Assen en Stadskanaal",
        "days_ago": 50,
        "regions": ["drenthe", "groningen"],
        "image": "keukentafel",
        "themes": ["samenwerking-in-de-keten"],
        "related": ["leerkringen"],
        "summary": "In Assen en Stadskanaal leren professionals uit wonen, welzijn, zorg en de "
        "gemeente voortaan samen in een leerkring, met een vaste begeleider.",
        "body": [
            (
                "paragraph",
                "<p>In een leerkring bespreken ongeveer twintig professionals uit één gemeente "
                "samen situaties uit hun werk, altijd zonder namen. Ze maken afspraken over "
                "hoe ze elkaar sneller vinden en benoemen waar regels knellen. Die knelpunten "
                "gaan naar de coördinator, zodat ook andere gemeenten ervan leren.</p>",
            ),
        ],
    },
    {
        "slug": "nieuwe-kennisclips-over-jonge-gezinnen",
        "title": "Nieuwe kennisclips over jonge gezinnen en het gesprek aan de keukentafel",
        "days_ago": 30,
        "regions": ["groningen", "drenthe"],
        "image": "jonge-gezinnen",
        "themes": ["preventie-jonge-gezinnen", "kapitaalsvormen"],
        "related": [
            "kennisclip-jonge-gezinnen-verder-dan-geld",
            "kennisclip-vragen-aan-de-keukentafel",
        ],
        "summary": "Twee korte kennisclips laten zien waar je op let bij jonge gezinnen en "
        "welke vragen je aan de keukentafel kunt stellen. Met ondertiteling en een "
        "uitgeschreven tekst.",
        "body": [
            (
                "paragraph",
                "<p>Voorkomen dat een nieuwe generatie in armoede opgroeit, begint bij jonge "
                "gezinnen. De nieuwe kennisclips duren elk een paar minuten en passen tussen "
                "twee huisbezoeken door.</p>",
            ),
        ],
    },
    {
        "slug": "woningcorporaties-in-groningen-oefenen-met-bejegening",
        "title": "Woningcorporaties in Groningen oefenen met bejegening",
        "days_ago": 21,
        "regions": ["groningen"],
        "image": "keukentafel",
        "themes": ["bejegening", "stress-sensitieve-dienstverlening"],
        "related": ["training-bejegening", "bejegening-het-eerste-contact"],
        "summary": "Incassomedewerkers van Groningse woningcorporaties volgen samen de training "
        "bejegening: hoe voer je een rustig gesprek over een huurachterstand?",
        "body": [
            (
                "paragraph",
                "<p>Wie schulden heeft, staat vaak onder grote druk. Een brief of telefoontje "
                "kan dan veel stress geven. In de training oefenen incassomedewerkers met "
                "gesprekken die rust geven, zodat er ruimte komt voor een oplossing.</p>",
            ),
        ],
    },
    {
        "slug": "drentse-gemeenten-werken-aan-vroegsignalering",
        "title": "Drentse gemeenten werken samen aan vroegsignalering",
        "days_ago": 14,
        "regions": ["drenthe"],
        "image": "administratie",
        "themes": ["vroegsignalering", "schuldhulpverlening-wgs"],
        "related": [
            "handreiking-vroegsignalering-gemeenten",
            "werksessie-vroegsignalering-privacy",
        ],
        "summary": "In werksessies bespreken Drentse gemeenten en hun partners hoe ze signalen "
        "van betalingsachterstanden eerder oppakken, met oog voor privacy.",
        "body": [
            (
                "paragraph",
                "<p>Hoe eerder iemand hulp krijgt bij geldzorgen, hoe kleiner de schuld. De "
                "werksessies gaan over de opzet van het project, samenwerkingspartners, privacy "
                "en de ICT-systemen die daarbij horen.</p>",
            ),
        ],
    },
    {
        "slug": "ervaringsdeskundigen-denken-mee-over-het-aanbod",
        "title": "Ervaringsdeskundigen denken mee over het aanbod",
        "days_ago": 7,
        "regions": ["groningen", "drenthe"],
        "image": "kapitaal",
        "themes": ["ervaringsdeskundigheid"],
        "related": ["ervaringskennis-als-fundament", "opdracht-ervaringsdeskundige-laten-meelezen"],
        "summary": "Niets ontwerpen zonder de mensen voor wie het is: ervaringsdeskundigen "
        "lezen mee met nieuwe leerstof en geven aan wat beter kan.",
        "body": [
            (
                "paragraph",
                "<p>De stem van gezinnen en ervaringsdeskundigen weegt zwaar in de aanpak van "
                "de alliantie. Daarom lezen zij mee voordat nieuwe leerstof online komt. Heb "
                "je zelf een idee voor een thema? Laat het ons weten via het formulier voor "
                "thema-ideeën.</p>",
            ),
        ],
    },
]

CONTACT_PAGES: list[dict[str, Any]] = [
    {
        "slug": "contact",
        "title": "Contact",
        "kind": Message.Kind.CONTACT,
        "intro": "Heb je een vraag over de leeromgeving, een training of een leerkring? Stuur "
        "de coördinator een bericht. Je krijgt antwoord per e-mail.",
    },
    {
        "slug": "thema-idee",
        "title": "Idee voor een thema",
        "kind": Message.Kind.THEME_IDEA,
        "intro": "Loop je in je werk tegen iets aan waar je meer over wilt leren? Of mis je een "
        "onderwerp? Stel een thema of leervraag voor. De redactie leest alle ideeën en laat "
        "je weten wat ermee gebeurt.",
    },
]

DISCLAIMER: dict[str, Any] = {
    "slug": "disclaimer",
    "title": "Disclaimer",
    "show_in_menus": False,
    "intro": "Wat je van de informatie op deze site mag verwachten.",
    "body": [
        (
            "paragraph",
            "<p>We doen ons best om de informatie op deze leeromgeving juist en actueel te "
            "houden. Toch kan er iets niet kloppen of verouderd zijn. Aan de informatie kun je "
            "geen rechten ontlenen.</p>"
            "<p>Cijfers die geen echte gegevens zijn, staan als voorbeeld aangegeven. Namen in "
            "voorbeelden en casussen zijn verzonnen.</p>",
        ),
        ("heading", "Links naar andere sites"),
        (
            "paragraph",
            "<p>We linken soms naar sites van anderen. Voor de inhoud van die sites zijn we "
            "niet verantwoordelijk.</p>",
        ),
        ("heading", "Iets gezien dat niet klopt?"),
        (
            "paragraph",
            "<p>Laat het ons weten via de pagina Contact. Dan passen we het aan.</p>",
        ),
    ],
}


def _page(slug: str) -> Page | None:
    return Page.objects.filter(slug=slug).first()


def load(*, regions: dict[str, Region]) -> int:
    """Creates what is missing; returns the number of news items created."""
    shared_root = SharedContentRoot.objects.get()
    index = NewsIndexPage.objects.first()
    if index is None:
        index = NewsIndexPage(title="Nieuws", slug="nieuws", intro=NEWS_INTRO, show_in_menus=True)
        index.regions.set(regions.values())
        add_page(shared_root, index)
    for data in CONTACT_PAGES:
        if not shared_root.get_children().filter(slug=data["slug"]).exists():
            page = ContactFormPage(**data)
            page.regions.set(regions.values())
            add_page(shared_root, page)
    created = 0
    for data in NEWS:
        if index.get_children().filter(slug=data["slug"]).exists():
            continue
        image_title, alt = IMAGES[data["image"]]
        page = NewsPage(
            slug=data["slug"],
            title=data["title"],
            date=working_day(-data["days_ago"]),
            summary=data["summary"],
            body=stream(data["body"]),
            image=Image.objects.filter(title=image_title).first(),
            image_alt=alt,
        )
        page.regions.set([regions[slug] for slug in data["regions"]])
        page.themes.set(Theme.objects.filter(slug__in=data["themes"]))
        page.related_pages = [  # type: ignore[assignment]
            NewsRelatedPage(page=related)
            for related in map(_page, data["related"])
            if related is not None
        ]
        add_page(index, page)
        created += 1
    return created
