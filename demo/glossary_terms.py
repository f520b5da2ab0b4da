"""The demo glossary: a shared language for working on poverty, in our own plain Dutch (B1)."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify

from glossary.models import Term


@dataclass(frozen=True)
class DemoTerm:
    name: str
    short_definition: str
    synonyms: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    description: str = ""

    @property
    def slug(self) -> str:
        return slugify(self.name)


TERMS = [
    DemoTerm(
        "Overerfbare armoede",
        "Armoede die van ouders op kinderen overgaat. Kinderen groeien op met dezelfde "
        "zorgen en kansen als hun ouders, en komen zelf ook moeilijk uit de armoede.",
        synonyms=("intergenerationele armoede",),
        related=("Generatiearmoede", "Kapitaalsvormen", "Typologie van gezinnen"),
        description=(
            "<p>Armoede is dan meer dan een tijdje te weinig geld. Problemen in het gezin, "
            "zoals ziekte, stress en weinig opleiding, versterken elkaar. Dat gebeurt ook met "
            "problemen in de omgeving, zoals weinig werk in de regio. Zo blijft de armoede "
            "van generatie op generatie bestaan.</p>"
            "<p>Die kringloop doorbreek je niet met één project. Daarvoor is een "
            "lange adem nodig: jarenlang samenwerken, met vaste gezichten voor de gezinnen.</p>"
        ),
    ),
    DemoTerm(
        "Generatiearmoede",
        "Een gezin is al twee of meer generaties arm. Grootouders, ouders en nu ook de "
        "kinderen leven met te weinig geld en te weinig kansen.",
        related=("Overerfbare armoede", "Veenkoloniën"),
    ),
    DemoTerm(
        "Vroegsignalering",
        "Op tijd zien dat iemand in geldzorgen komt, bijvoorbeeld bij een eerste "
        "betalingsachterstand, en dan snel hulp aanbieden. Zo voorkom je grote schulden.",
        synonyms=("vroeg signaleren",),
        related=(
            "Betalingsachterstand",
            "Schuldhulpverlening",
            "Wet gemeentelijke schuldhulpverlening",
            "Sluitende keten",
        ),
        description=(
            "<p>Woningcorporaties, energie- en waterbedrijven en zorgverzekeraars geven een "
            "achterstand door aan de gemeente. Een medewerker neemt dan contact op en biedt "
            "hulp aan. Om dat goed te regelen zijn afspraken nodig over de samenwerking, "
            "privacy, de computersystemen en het bijhouden van de resultaten.</p>"
        ),
    ),
    DemoTerm(
        "Sluitende keten",
        "Organisaties werken zo samen dat niemand tussen wal en schip valt. Elk signaal "
        "komt bij iemand terecht die er iets mee doet.",
        synonyms=("sluitende aanpak",),
        related=("Vroegsignalering", "Integrale aanpak"),
    ),
    DemoTerm(
        "Bejegening",
        "Hoe je iemand behandelt en aanspreekt. Goede bejegening is vriendelijk, met "
        "respect en zonder oordeel, ook als het gesprek over een schuld gaat.",
        related=("Stress-sensitieve dienstverlening", "Leefwereld"),
    ),
    DemoTerm(
        "Stress-sensitieve dienstverlening",
        "Hulp en diensten die rekening houden met stress door geldzorgen. Bijvoorbeeld "
        "met korte, duidelijke brieven, weinig stappen en een rustig gesprek.",
        synonyms=("stress-sensitief werken",),
        related=("Schaarste", "Bejegening"),
        description=(
            "<p>Wie lang geldzorgen heeft, heeft minder ruimte in het hoofd voor formulieren, "
            "regels en afspraken. Een stress-sensitieve organisatie maakt het mensen daarom "
            "zo makkelijk mogelijk. Ze kijkt kritisch naar haar brieven, procedures en "
            "manier van praten.</p>"
        ),
    ),
    DemoTerm(
        "Ervaringsdeskundigheid",
        "Iemand heeft zelf armoede meegemaakt, heeft daarover nagedacht en kan die "
        "ervaring gebruiken om anderen te helpen en beleid beter te maken.",
        synonyms=("ervaringsdeskundige", "ervaringsdeskundigen"),
        related=("Ervaringskennis", "Leefwereld"),
    ),
    DemoTerm(
        "Ervaringskennis",
        "Kennis die je krijgt door zelf in armoede te leven. Je weet hoe het voelt en wat "
        "regels en instanties in het dagelijks leven betekenen.",
        related=("Ervaringsdeskundigheid", "Leefwereld"),
        description=(
            "<p>Ervaringskennis is het fundament van de leeromgeving. Niets wordt bedacht "
            "zonder de mensen voor wie het bedoeld is: hun stem weegt zwaar.</p>"
        ),
    ),
    DemoTerm(
        "Financieel kapitaal",
        "Geld en bezit: inkomen, spaargeld en spullen. Ook kunnen omgaan met geld hoort "
        "erbij, zoals een budget maken en rekeningen op tijd betalen.",
        related=("Kapitaalsvormen", "Sociaal minimum"),
    ),
    DemoTerm(
        "Sociaal kapitaal",
        "De mensen op wie je kunt rekenen: familie, vrienden, buren en kennissen. Zij "
        "helpen je, geven raad of kennen iemand die je verder kan helpen.",
        related=("Kapitaalsvormen",),
    ),
    DemoTerm(
        "Pedagogisch kapitaal",
        "Wat ouders hun kinderen kunnen meegeven in de opvoeding: aandacht, structuur, "
        "regels, en hulp bij school en huiswerk.",
        related=("Kapitaalsvormen", "Emotioneel kapitaal"),
    ),
    DemoTerm(
        "Emotioneel kapitaal",
        "Hoe sterk je je van binnen voelt: zelfvertrouwen, met tegenslag kunnen omgaan en "
        "je veilig voelen bij mensen om je heen.",
        related=("Kapitaalsvormen", "Pedagogisch kapitaal"),
    ),
    DemoTerm(
        "Cultureel kapitaal",
        "Kennis en vaardigheden die helpen om mee te doen: opleiding, taal, en weten hoe "
        "instanties werken en wat er van je verwacht wordt.",
        related=("Kapitaalsvormen",),
    ),
    DemoTerm(
        "Kapitaalsvormen",
        "De vijf soorten 'bezit' die een gezin helpen om rond te komen en mee te doen: "
        "financieel, sociaal, pedagogisch, emotioneel en cultureel kapitaal.",
        synonyms=("vijf kapitalen", "vormen van kapitaal"),
        related=(
            "Financieel kapitaal",
            "Sociaal kapitaal",
            "Pedagogisch kapitaal",
            "Emotioneel kapitaal",
            "Cultureel kapitaal",
            "Typologie van gezinnen",
        ),
        description=(
            "<p>Elk gezin heeft van het ene kapitaal meer dan van het andere. Een tekort aan "
            "het ene kapitaal maakt vaak ook een ander kapitaal kleiner. Met de vijf vormen "
            "kijk je breder dan alleen naar geld, en zie je ook waar een gezin sterk in is.</p>"
        ),
    ),
    DemoTerm(
        "Casuïstiek",
        "Samen echte situaties uit de praktijk bespreken om ervan te leren. Namen en "
        "andere kenmerken laat je altijd weg, zodat niemand te herkennen is.",
        synonyms=("casusbespreking", "casusbesprekingen"),
        related=("Leerkring",),
    ),
    DemoTerm(
        "Leefwereld",
        "Het leven zoals een gezin het zelf ziet en voelt: de dagelijkse zorgen, wat "
        "belangrijk is en wat wel of niet helpt.",
        related=("Systeemwereld", "Ervaringskennis"),
    ),
    DemoTerm(
        "Systeemwereld",
        "De wereld van organisaties, regels, procedures en beleid waarin hulp is "
        "geregeld. Die sluit niet altijd aan op de leefwereld van gezinnen.",
        related=("Leefwereld", "Systeemknelpunt"),
    ),
    DemoTerm(
        "Maatwerk",
        "Hulp die past bij dit ene gezin, in plaats van een standaardoplossing. Soms "
        "betekent dat: afwijken van de gewone regels.",
        related=("Integrale aanpak", "Systeemknelpunt", "Typologie van gezinnen"),
        description=(
            "<p>Maatwerk lukt alleen met lange relaties, goede samenwerking en continuïteit. "
            "Daarom denkt de alliantie in programma's van tien tot dertig jaar, niet in "
            "korte projecten.</p>"
        ),
    ),
    DemoTerm(
        "Schuldhulpverlening",
        "Hulp voor mensen met schulden die ze zelf niet meer kunnen oplossen. Eerst komt "
        "er rust en overzicht, daarna zoek je samen een oplossing met de schuldeisers.",
        synonyms=("schuldhulp",),
        related=(
            "Wet gemeentelijke schuldhulpverlening",
            "Beslagvrije voet",
            "Vroegsignalering",
        ),
    ),
    DemoTerm(
        "Wet gemeentelijke schuldhulpverlening",
        "De wet die zegt dat elke gemeente schuldhulp moet bieden. De wet regelt ook dat "
        "organisaties betalingsachterstanden mogen doorgeven, zodat de gemeente op tijd "
        "hulp kan aanbieden.",
        synonyms=("Wgs",),
        related=("Schuldhulpverlening", "Vroegsignalering"),
    ),
    DemoTerm(
        "Sociaal minimum",
        "Het laagste inkomen dat je volgens de overheid nodig hebt om van te leven. De "
        "bijstand is op dit bedrag gebaseerd.",
        synonyms=("bestaansminimum",),
        related=("Bijstand", "Financieel kapitaal"),
    ),
    DemoTerm(
        "Betalingsachterstand",
        "Een rekening is niet op tijd betaald, bijvoorbeeld de huur, de energie of de "
        "zorgverzekering. Vaak het eerste teken van geldzorgen.",
        synonyms=("betalingsachterstanden", "huurachterstand"),
        related=("Vroegsignalering", "Schuldhulpverlening"),
    ),
    DemoTerm(
        "Bijstand",
        "Een uitkering van de gemeente voor mensen die geen of te weinig inkomen hebben "
        "om van te leven.",
        synonyms=("bijstandsuitkering",),
        related=("Sociaal minimum",),
    ),
    DemoTerm(
        "Leerkring",
        "Een vaste groep professionals uit verschillende organisaties in één gemeente. "
        "Met een begeleider leren zij van elkaar, aan de hand van echte casussen.",
        synonyms=("leerkringen",),
        related=("Casuïstiek", "Systeemknelpunt"),
        description=(
            "<p>Een leerkring heeft ongeveer twintig deelnemers uit bijvoorbeeld wonen, "
            "welzijn, zorg en de gemeente. Ze maken afspraken over hoe ze samenwerken en "
            "verzamelen de knelpunten die ze tegenkomen. Zo kan wat de ene leerkring leert, "
            "andere gemeenten in de regio ook helpen.</p>"
        ),
    ),
    DemoTerm(
        "Systeemknelpunt",
        "Een regel, procedure of werkwijze die goede hulp in de weg zit. Je verzamelt "
        "zulke knelpunten en bespreekt ze met wie de regel kan veranderen.",
        synonyms=("systeemknelpunten",),
        related=("Systeemwereld", "Maatwerk", "Leerkring"),
    ),
    DemoTerm(
        "Schaarste",
        "Wie lang te weinig geld heeft, denkt vooral aan dat tekort. Er blijft minder "
        "ruimte in het hoofd over voor andere dingen, zoals plannen en post lezen.",
        synonyms=("mentale bandbreedte",),
        related=("Stress-sensitieve dienstverlening",),
    ),
    DemoTerm(
        "Toeslagen",
        "Geld van de overheid als bijdrage in de kosten van bijvoorbeeld huur, zorg of "
        "kinderopvang. Klopt je inkomen niet, dan moet je soms veel terugbetalen.",
        synonyms=("huurtoeslag", "zorgtoeslag", "kinderopvangtoeslag"),
        related=("Betalingsachterstand",),
    ),
    DemoTerm(
        "Beslagvrije voet",
        "Het deel van je inkomen waar een schuldeiser of deurwaarder niet aan mag komen. "
        "Zo houd je genoeg over voor huur en boodschappen.",
        related=("Schuldhulpverlening", "Sociaal minimum"),
    ),
    DemoTerm(
        "Veenkoloniën",
        "Het gebied in het oosten van Groningen en het zuidoosten van Drenthe dat is "
        "ontstaan door het afgraven van veen. Veel gezinnen leven hier al generaties in "
        "armoede.",
        related=("Generatiearmoede",),
        description=(
            "<p>In de Veenkoloniën leven ongeveer 14.000 gezinnen in armoede. De regio heeft "
            "weinig banen en een zwakke economie. Dat maakt het voor gezinnen extra moeilijk "
            "om uit de armoede te komen.</p>"
        ),
    ),
    DemoTerm(
        "Typologie van gezinnen",
        "Een indeling van gezinnen in armoede in een paar typen, naar hun situatie en wat "
        "ze nodig hebben. Zo kun je hulp beter laten aansluiten.",
        synonyms=("gezinstypologie", "gezinstypen"),
        related=("Overerfbare armoede", "Kapitaalsvormen", "Maatwerk"),
    ),
    DemoTerm(
        "Integrale aanpak",
        "Alle betrokken organisaties kijken samen naar het hele gezin en zijn omgeving: "
        "geld, wonen, gezondheid, opvoeding en werk. Niet ieder apart naar één probleem.",
        synonyms=("integraal werken",),
        related=("Sluitende keten", "Maatwerk"),
    ),
]


@transaction.atomic
def load_terms() -> int:
    """Create the demo terms that are missing and return how many were created.
    A term that exists (same slug or name) is left as editors made it, links included."""
    terms: dict[str, Term] = {}
    created: list[DemoTerm] = []
    for demo in TERMS:
        existing = Term.objects.filter(Q(slug=demo.slug) | Q(name=demo.name)).first()
        if existing is None:
            existing = Term.objects.create(
                name=demo.name,
                slug=demo.slug,
                short_definition=demo.short_definition,
                description=demo.description,
                synonyms="\n".join(demo.synonyms),
            )
            created.append(demo)
        terms[demo.name] = existing
    # Related terms point at each other, so they are set once every term exists.
    for demo in created:
        terms[demo.name].related_terms.set([terms[name] for name in demo.related])
    return len(created)
