"""Demo learning items for the catalogue ("menukaart"), in Dutch, in every learning form.

`load_items()` puts them under the catalogue page. It is safe to run again: an item whose
slug is already under the catalogue is left as editors made it.

About the content:

* FAMILY_TYPES is a simplified demo typology of families in intergenerational poverty,
  written for this demo. It is *not* the typology of the RUG / CMO STAMM publication and
  must not be presented as such; replace it with the published types when they are
  available to the project.
* CAPITAL_FORMS are the five forms of capital named by the research "Uit de duivelskring
  van armoede" (financial, social, pedagogical, emotional, cultural).
* Facts used as real: some 14,000 families in poverty in the Veenkoloniën; the RUG's
  five-year research (lived world and system world); programmes of 10 to 30 years and the
  alliance's 20-year programme; the plan for 250 people; the learning circles in Assen and
  Stadskanaal (2017, about 20 people each); the Wgs change of 1 January 2021 and the
  early-detection work sessions of spring 2021; the Moedige Dialoog Drenthe (2021).
  Every other figure is marked in the text as an example ("voorbeeldcijfer").
* Every video and podcast plays its own short recording in demo/media/, named after its
  slug and made by demo/media/make_media.py, with its own captions and transcript.
* Publications get a small plain-text document ("samenvatting") generated from their own
  summary text, marked as a demo document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from typing import Any

from django.core.files import File
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.html import escape, strip_tags
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.rich_text import RichText

from catalogue.models import (
    ArticlePage,
    CapitalForm,
    CatalogueIndexPage,
    FamilyType,
    LearningItemPage,
    PodcastEpisodePage,
    PracticeAssignmentPage,
    PublicationPage,
    ToolPage,
    VideoClipPage,
)
from core.models import LearningForm, Municipality, Region, Role, Theme
from demo.pages import stream
from demo.taxonomy import ENGLISH_NAMES

MEDIA_DIR = Path(__file__).resolve().parent / "media"

# ---------------------------------------------------------------------------
# Taxonomy of the research: family types and forms of capital
# ---------------------------------------------------------------------------

FAMILY_TYPES = [
    (
        "generaties-weinig",
        "Gezinnen die al generaties rondkomen met weinig",
        "Weinig geld is voor deze gezinnen al generaties gewoon. Ze zijn vaak vindingrijk, "
        "maar de weg naar kansen buiten de eigen kring is lang.",
    ),
    (
        "jonge-gezinnen-opgegroeid-in-armoede",
        "Jonge gezinnen die in armoede opgroeiden",
        "Jonge ouders die zelf met weinig opgroeiden en het voor hun kinderen anders willen. "
        "Steun bij opvoeden en geld op tijd maakt hier veel verschil.",
    ),
    (
        "opgestapelde-problemen",
        "Gezinnen met opgestapelde problemen",
        "Schulden, gezondheid en werk grijpen in elkaar. Er is veel hulp tegelijk, "
        "maar vaak zonder één plan.",
    ),
    (
        "na-een-tegenslag",
        "Gezinnen die na een tegenslag in armoede raakten",
        "Ontslag, een scheiding of ziekte bracht dit gezin in de problemen. Ze kennen de weg "
        "naar hulp nog niet en schamen zich vaak.",
    ),
    (
        "hulp-mijdend",
        "Gezinnen die hulp mijden na slechte ervaringen",
        "Eerdere ervaringen met instanties maakten dit gezin wantrouwig. Vertrouwen komt "
        "langzaam, via mensen die afspraken nakomen.",
    ),
]

CAPITAL_FORMS = [
    (
        "financieel-kapitaal",
        "Financieel kapitaal",
        "Geld om van te leven: inkomen, vaste lasten, schulden en spaargeld.",
    ),
    (
        "sociaal-kapitaal",
        "Sociaal kapitaal",
        "Mensen om op terug te vallen, zoals familie, buren, vrienden en collega's.",
    ),
    (
        "pedagogisch-kapitaal",
        "Pedagogisch kapitaal",
        "Kennis, steun en vertrouwen bij het opvoeden van kinderen.",
    ),
    (
        "emotioneel-kapitaal",
        "Emotioneel kapitaal",
        "Zelfvertrouwen, hoop en de kracht om met stress en schaamte om te gaan.",
    ),
    (
        "cultureel-kapitaal",
        "Cultureel kapitaal",
        "Opleiding, vaardigheden en weten hoe school, werk en instanties werken.",
    ),
]

# ---------------------------------------------------------------------------
# Helpers to write the items compactly
# ---------------------------------------------------------------------------

Block = tuple[str, Any]

ARTICLE = "article"
PUBLICATION = "publication"
VIDEO = "video"
PODCAST = "podcast"
ASSIGNMENT = "assignment"
TOOL = "tool"

KIND_MODELS: dict[str, type[LearningItemPage]] = {
    ARTICLE: ArticlePage,
    PUBLICATION: PublicationPage,
    VIDEO: VideoClipPage,
    PODCAST: PodcastEpisodePage,
    ASSIGNMENT: PracticeAssignmentPage,
    TOOL: ToolPage,
}
KIND_FORMS = {
    ARTICLE: "theorie",
    PUBLICATION: "theorie",
    VIDEO: "kijken",
    PODCAST: "luisteren",
    ASSIGNMENT: "doen",
    TOOL: "doen",
}

BOTH = ["groningen", "drenthe"]
GRONINGEN = ["groningen"]
DRENTHE = ["drenthe"]

INTRO = "introduction"
DEEP = "deepening"
EXPERT = "expert"

RUG = "Onderzoek Rijksuniversiteit Groningen naar overerfbare armoede in de Veenkoloniën"
ALLIANCE = "Alliantie van Kracht tegen Armoede"
EXPERTS = "Ervaringsdeskundigen uit de regio (voorbeeld)"
WORK_SESSIONS = (
    "Werksessies vroegsignalering van VDG, VGG, VNG, Alliantie van Kracht en CMO STAMM (2021)"
)
DEVILS_CIRCLE = "Onderzoek 'Uit de duivelskring van armoede', toegepast in het sociaal werk"
CIRCLES = "Leerkringen Overerfbare Armoede in Assen en Stadskanaal, begeleid door Movisie"
LEARNING_ENVIRONMENT = "CMO STAMM, voor de leeromgeving Leren over armoede"

ALL_CAPITAL = [slug for slug, _name, _description in CAPITAL_FORMS]


def h(text: str) -> Block:
    return ("heading", text)


def p(text: str) -> Block:
    return ("paragraph", f"<p>{text}</p>")


def ul(*items: str) -> Block:
    return ("paragraph", "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>")


def ol(*items: str) -> Block:
    return ("paragraph", "<ol>" + "".join(f"<li>{item}</li>" for item in items) + "</ol>")


def note(title: str, text: str) -> Block:
    return ("callout", {"title": title, "text": f"<p>{text}</p>"})


@dataclass
class Item:
    kind: str
    slug: str
    title: str
    summary: str
    minutes: int
    level: str
    roles: list[str]
    themes: list[str]
    outcomes: list[str]
    source: str
    regions: list[str] = field(default_factory=lambda: list(BOTH))
    family_types: list[str] = field(default_factory=list)
    capital_forms: list[str] = field(default_factory=list)
    learning_form: str = ""
    with_experts: bool = False
    easy_read: bool = False
    # Articles, publications and tools
    body: list[Block] = field(default_factory=list)
    # Videos, podcasts and practice assignments
    introduction: str = ""
    # Practice assignments
    steps: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    # Tools
    checklist: list[str] = field(default_factory=list)

    @property
    def form(self) -> str:
        return self.learning_form or KIND_FORMS[self.kind]


# ---------------------------------------------------------------------------
# The items
# ---------------------------------------------------------------------------

ARTICLES = [
    Item(
        kind=ARTICLE,
        slug="wat-is-overerfbare-armoede",
        title="Wat is overerfbare armoede?",
        summary=(
            "Wat betekent het als armoede van ouders op kinderen overgaat? Een korte uitleg met "
            "de belangrijkste inzichten uit onderzoek in de Veenkoloniën."
        ),
        minutes=8,
        level=INTRO,
        roles=[
            "sociaal-team",
            "welzijnswerker",
            "vrijwilliger",
            "zorgprofessional",
            "beleidsmedewerker",
        ],
        themes=["typologieen-van-families", "preventie-jonge-gezinnen"],
        family_types=["generaties-weinig"],
        capital_forms=["financieel-kapitaal", "cultureel-kapitaal"],
        outcomes=[
            "Je legt in eigen woorden uit wat overerfbare armoede is.",
            "Je noemt oorzaken in het gezin en in de omgeving die elkaar versterken.",
            "Je ziet waarom één maatregel meestal niet genoeg is.",
        ],
        source=RUG,
        easy_read=True,
        body=[
            h("Armoede die blijft"),
            p(
                "Bij overerfbare armoede, ook wel generatiearmoede genoemd, groeien kinderen op "
                "met weinig geld en hebben ze later als volwassene vaak ook weinig. Het gaat dus "
                "niet om een korte periode van krapte, maar om een patroon dat binnen families "
                "wordt doorgegeven."
            ),
            p(
                "In de Veenkoloniën, het gebied op de grens van Groningen en Drenthe, leven "
                "ongeveer 14.000 gezinnen in armoede. Voor veel van die gezinnen is dat al "
                "meerdere generaties zo."
            ),
            h("Meer dan geld"),
            p(
                "Onderzoek van de Rijksuniversiteit Groningen laat zien dat verschillende "
                "oorzaken elkaar versterken. In het gezin spelen bijvoorbeeld ziekte, langdurige "
                "stress en weinig opleiding. In de omgeving gaat het om een zwakke economie in de "
                "regio, weinig banen en de gevolgen van economische crises."
            ),
            p(
                "Omdat die oorzaken op elkaar inwerken, is één maatregel zelden genoeg. Een schuld "
                "oplossen is belangrijk. Maar als de stress blijft en er geen werk in de buurt is, "
                "komt een gezin snel weer in de problemen."
            ),
            note(
                "Onthoud",
                "Generatiearmoede is geen kwestie van onwil. Het is een samenspel van "
                "omstandigheden in het gezin en in de regio.",
            ),
            h("Wat betekent dit voor jouw werk?"),
            p(
                "Kijk naar het hele gezin en naar de omgeving. Neem de tijd om vertrouwen op te "
                "bouwen en werk samen met andere organisaties. Denk ook aan de kinderen: met "
                "steun op tijd krijgt de volgende generatie meer kansen."
            ),
        ],
    ),
    Item(
        kind=ARTICLE,
        slug="leefwereld-en-systeemwereld",
        title="Leefwereld en systeemwereld: twee kanten van hetzelfde verhaal",
        summary=(
            "Hoe beleven gezinnen hun situatie, en hoe kijkt de hulpverlening ernaar? Over het "
            "verschil tussen leefwereld en systeemwereld, en waarom je beide nodig hebt."
        ),
        minutes=10,
        level=DEEP,
        roles=["beleidsmedewerker", "management-bestuur", "sociaal-team", "begeleider-leerkring"],
        themes=["samenwerking-in-de-keten", "ervaringsdeskundigheid"],
        family_types=["hulp-mijdend", "opgestapelde-problemen"],
        outcomes=[
            "Je legt het verschil uit tussen leefwereld en systeemwereld.",
            "Je herkent momenten waarop regels en het dagelijks leven van een gezin botsen.",
            "Je weet wat je doet met een systeemknelpunt.",
        ],
        source=RUG,
        body=[
            h("Twee manieren van kijken"),
            p(
                "Het onderzoek naar overerfbare armoede in de Veenkoloniën keek op twee manieren "
                "naar armoede. Eerst naar de leefwereld: hoe ervaren gezinnen zelf hun situatie? "
                "Daarna naar de systeemwereld: hoe worden zij nu geholpen, wat werkt en wat moet "
                "beter?"
            ),
            h("Waar het botst"),
            p(
                "Organisaties hebben regels, termijnen en formulieren nodig. Maar voor een gezin "
                "met weinig geld en veel zorgen kunnen diezelfde regels voelen als een muur. Een "
                "gemiste afspraak is dan geen teken van desinteresse, maar van te veel tegelijk."
            ),
            ul(
                "Een gezin denkt in de problemen van vandaag; een organisatie denkt vaak in "
                "trajecten.",
                "Een gezin heeft met veel loketten te maken; elke organisatie ziet maar één "
                "stukje.",
                "Een gezin onthoudt vooral hoe het behandeld is; een organisatie let vooral op wat "
                "er is afgesproken.",
            ),
            h("De brug slaan"),
            p(
                "Maatwerk begint met luisteren naar de leefwereld. Daarna zoek je in de "
                "systeemwereld naar ruimte: wat mag wél? Lukt dat niet, dan heb je een "
                "systeemknelpunt gevonden. Bespreek het met je leidinggevende of breng het in bij "
                "de leerkring, zodat het op de juiste tafel komt."
            ),
            note(
                "Tip",
                "Vraag een ervaringsdeskundige om samen met jou naar een brief of werkwijze te "
                "kijken. Die ziet vaak meteen waar de twee werelden botsen.",
            ),
        ],
    ),
    Item(
        kind=ARTICLE,
        slug="bejegening-het-eerste-contact",
        title="Bejegening: het verschil zit in het eerste contact",
        summary=(
            "Hoe je iemand te woord staat, bepaalt of diegene terugkomt. Over respectvol contact "
            "met mensen met geldzorgen, met tips voor het eerste gesprek."
        ),
        minutes=7,
        level=INTRO,
        roles=[
            "incassomedewerker",
            "schuldhulpverlener",
            "sociaal-team",
            "vrijwilliger",
            "zorgprofessional",
        ],
        themes=["bejegening", "stress-sensitieve-dienstverlening"],
        family_types=["hulp-mijdend"],
        capital_forms=["emotioneel-kapitaal"],
        outcomes=[
            "Je weet waarom het eerste contact zo belangrijk is.",
            "Je gebruikt vijf eenvoudige stappen voor een respectvol gesprek.",
            "Je herkent schaamte en reageert daar rustig op.",
        ],
        source=EXPERTS,
        with_experts=True,
        easy_read=True,
        body=[
            h("Waarom bejegening telt"),
            p(
                "Veel mensen in armoede hebben nare ervaringen met instanties: lang wachten, niet "
                "gehoord worden, het gevoel dat ze zich steeds moeten verantwoorden. Dan liggen "
                "schaamte en machteloosheid op de loer. Wie zich zo voelt, zoekt minder snel hulp."
            ),
            p(
                "Een vriendelijk en eerlijk eerste contact kan dat doorbreken. Dat kost weinig "
                "tijd, maar het levert veel op."
            ),
            h("Vijf dingen die helpen"),
            ol(
                "Stel je voor en zeg wat je komt doen.",
                "Vraag eerst hoe het gaat, en luister echt.",
                "Praat in gewone woorden, zonder vaktaal of afkortingen.",
                "Oordeel niet over keuzes die iemand heeft gemaakt.",
                "Sluit af met één duidelijke afspraak en zeg wanneer je weer contact opneemt.",
            ),
            note(
                "Uit de praktijk (voorbeeld)",
                "Een ervaringsdeskundige vertelde in een training: 'Het hielp dat ze eerst vroeg "
                "wat ik zelf wilde regelen, in plaats van meteen over de schuld te beginnen.'",
            ),
            h("Het gaat om waardigheid"),
            p(
                "Mensen willen gezien worden als persoon, niet als dossier. Dat geldt voor de "
                "incassomedewerker aan de telefoon net zo goed als voor de vrijwilliger aan de "
                "keukentafel."
            ),
        ],
    ),
    Item(
        kind=ARTICLE,
        slug="schaarste-en-stress",
        title="Schaarste: waarom geldzorgen het denken vernauwen",
        summary=(
            "Langdurige geldzorgen kosten denkruimte. Lees wat schaarste met mensen doet en hoe "
            "je daar in je dienstverlening rekening mee houdt."
        ),
        minutes=9,
        level=INTRO,
        roles=["incassomedewerker", "schuldhulpverlener", "sociaal-team", "welzijnswerker"],
        themes=["stress-sensitieve-dienstverlening"],
        family_types=["opgestapelde-problemen"],
        capital_forms=["emotioneel-kapitaal", "financieel-kapitaal"],
        outcomes=[
            "Je legt uit wat schaarste met het denken doet.",
            "Je herkent gedrag dat voortkomt uit stress.",
            "Je noemt drie manieren om stress in je dienstverlening te verminderen.",
        ],
        source=LEARNING_ENVIRONMENT,
        body=[
            h("Wat is schaarste?"),
            p(
                "Wie lange tijd te weinig geld heeft, is daar bijna de hele dag mee bezig. Hoe "
                "betaal ik de huur? Wat als de wasmachine stukgaat? Dat tekort vraagt zoveel "
                "aandacht, dat er minder ruimte overblijft voor andere dingen. Onderzoekers "
                "spreken "
                "van een smallere mentale bandbreedte."
            ),
            h("Wat je dan ziet"),
            ul(
                "Post blijft ongeopend liggen.",
                "Afspraken worden vergeten of op het laatste moment afgezegd.",
                "Keuzes gaan over vandaag, niet over volgende maand.",
                "Iemand reageert boos of trekt zich terug.",
            ),
            p(
                "Dit zijn geen tekenen van onwil. Het zijn gevolgen van stress, die bij iedereen "
                "zouden optreden in dezelfde situatie."
            ),
            h("Stress-sensitief werken"),
            p(
                "Stress-sensitieve dienstverlening betekent dat je je werk zo inricht dat het zo "
                "min mogelijk extra stress geeft. Denk aan korte brieven, één vast aanspreekpunt, "
                "een herinnering per sms en hulp bij het invullen van formulieren."
            ),
            note(
                "Onthoud",
                "Eerst rust, dan regelen. Wie minder stress heeft, kan weer vooruitkijken.",
            ),
        ],
    ),
    Item(
        kind=ARTICLE,
        slug="de-wgs-in-het-kort",
        title="De Wet gemeentelijke schuldhulpverlening in het kort",
        summary=(
            "Wat regelt de Wet gemeentelijke schuldhulpverlening (Wgs), en wat veranderde er op "
            "1 januari 2021? Een overzicht voor iedereen die met schulden te maken heeft."
        ),
        minutes=12,
        level=INTRO,
        roles=["schuldhulpverlener", "beleidsmedewerker", "incassomedewerker", "sociaal-team"],
        themes=["schuldhulpverlening-wgs", "wet-en-regelgeving", "vroegsignalering"],
        capital_forms=["financieel-kapitaal"],
        outcomes=[
            "Je weet wat de Wgs van gemeenten vraagt.",
            "Je legt uit wat er sinds 1 januari 2021 anders is.",
            "Je weet waar je de afspraken van jouw gemeente vindt.",
        ],
        source="Wet gemeentelijke schuldhulpverlening; " + WORK_SESSIONS,
        body=[
            h("Waar de wet over gaat"),
            p(
                "De Wet gemeentelijke schuldhulpverlening (Wgs) bepaalt dat elke gemeente "
                "schuldhulp biedt aan inwoners die dat nodig hebben. De gemeente legt in een "
                "beleidsplan vast hoe zij dat doet."
            ),
            h("Wat veranderde in 2021"),
            p(
                "Op 1 januari 2021 is de wet aangepast, zodat gemeenten mensen eerder kunnen "
                "helpen, voordat schulden hoog oplopen. Vaste-lastenpartners, zoals "
                "woningcorporaties, energie- en drinkwaterbedrijven en zorgverzekeraars, geven "
                "signalen van betalingsachterstanden door aan de gemeente. De gemeente neemt "
                "daarna contact op met de inwoner en biedt hulp aan."
            ),
            p(
                "De inwoner beslist zelf of hij die hulp aanneemt. Vroegsignalering is dus een "
                "uitnodiging, geen verplichting."
            ),
            h("Snel als het dringend is"),
            p(
                "Dreigt iemand uit huis gezet te worden, of dreigt afsluiting van energie of "
                "water? Dan moet de gemeente snel een eerste gesprek voeren. Ook voor andere "
                "hulpvragen geldt een maximale wachttijd. Kijk in het beleidsplan van jouw "
                "gemeente welke afspraken daar gelden."
            ),
            note(
                "Let op",
                "Deze tekst is een korte uitleg, geen juridisch advies. Twijfel je? Vraag het na "
                "bij de schuldhulpverlening van je gemeente.",
            ),
        ],
    ),
    Item(
        kind=ARTICLE,
        slug="vroegsignalering-in-vijf-bouwstenen",
        title="Vroegsignalering in vijf bouwstenen",
        summary=(
            "Vroegsignalering opzetten vraagt meer dan een afspraak met een woningcorporatie. Lees "
            "welke vijf bouwstenen gemeenten in Groningen en Drenthe samen bespraken."
        ),
        minutes=14,
        level=DEEP,
        roles=["beleidsmedewerker", "schuldhulpverlener", "management-bestuur"],
        themes=["vroegsignalering", "schuldhulpverlening-wgs", "samenwerking-in-de-keten"],
        outcomes=[
            "Je kent de vijf bouwstenen van vroegsignalering.",
            "Je ziet welke bouwsteen in jouw gemeente aandacht nodig heeft.",
            "Je weet welke partners je aan tafel nodig hebt.",
        ],
        source=WORK_SESSIONS,
        body=[
            h("Samen optrekken"),
            p(
                "Na de wetswijziging van 2021 spraken de Vereniging van Drentse Gemeenten, de "
                "Vereniging van Groningse Gemeenten, de VNG, de Alliantie van Kracht en CMO STAMM "
                "af om gemeenten samen te ondersteunen bij vroegsignalering. In het voorjaar van "
                "2021 wisselden ambtenaren in werksessies kennis en voorbeelden uit. Elke sessie "
                "had een eigen thema."
            ),
            h("1. Projectstructuur"),
            p(
                "Wie is eigenaar? Wie voert uit, en wie beslist als er iets knelt? Een heldere "
                "verdeling voorkomt dat signalen blijven liggen."
            ),
            h("2. Samenwerkingspartners"),
            p(
                "Maak afspraken met de partijen die signalen doorgeven en met de organisaties die "
                "hulp bieden. Denk aan woningcorporaties, energiebedrijven, het waterbedrijf, "
                "zorgverzekeraars, het sociaal team en vrijwilligersorganisaties."
            ),
            h("3. Privacy"),
            p(
                "Signalen gaan over persoonlijke gegevens. Leg vast welke gegevens je ontvangt, "
                "wie ze mag zien en hoe lang je ze bewaart. Betrek je privacyfunctionaris vanaf "
                "het "
                "begin."
            ),
            h("4. ICT-systemen"),
            p(
                "Signalen komen digitaal binnen en moeten daarna in je eigen werkproces "
                "terechtkomen. Test dat goed, voordat het eerste echte signaal binnenkomt."
            ),
            h("5. Monitoring"),
            p(
                "Houd bij hoeveel signalen binnenkomen, hoeveel mensen je bereikt en hoeveel er "
                "hulp aannemen. Zo zie je wat werkt en waar het beter kan."
            ),
            note(
                "Verder leren",
                "De partijen willen de werksessies verbreden naar woningcorporaties, "
                "welzijnsorganisaties en vrijwilligers. Kijk in het aanbod voor nieuwe sessies.",
            ),
        ],
    ),
    Item(
        kind=ARTICLE,
        slug="ervaringskennis-als-fundament",
        title="Ervaringskennis als fundament",
        summary=(
            "Mensen die armoede van binnenuit kennen, zien wat anderen missen. Over de waarde van "
            "ervaringskennis en hoe je ervaringsdeskundigen goed betrekt."
        ),
        minutes=8,
        level=INTRO,
        roles=["management-bestuur", "beleidsmedewerker", "welzijnswerker", "begeleider-leerkring"],
        themes=["ervaringsdeskundigheid"],
        capital_forms=["emotioneel-kapitaal"],
        outcomes=[
            "Je legt uit wat ervaringskennis toevoegt.",
            "Je noemt vier voorwaarden om ervaringsdeskundigen goed te betrekken.",
            "Je weet waarom rolmodellen belangrijk zijn.",
        ],
        source=ALLIANCE,
        with_experts=True,
        easy_read=True,
        body=[
            h("Wat is ervaringskennis?"),
            p(
                "Ervaringskennis is wat iemand weet doordat hij iets zelf heeft meegemaakt. Wie "
                "jaren met weinig geld leefde, weet hoe een aanmaning voelt, wat schaamte doet en "
                "welke hulp wel of niet werkt."
            ),
            p(
                "De Alliantie van Kracht ziet die kennis als fundament van de aanpak. Mensen in "
                "armoede kunnen als geen ander vertellen wat een maatregel in hun leven betekent. "
                "Daarom ontwerp je niets zonder de mensen om wie het gaat."
            ),
            h("Goed betrekken"),
            ul(
                "Betrek ervaringsdeskundigen aan het begin, niet pas als alles klaar is.",
                "Geef een eerlijke vergoeding voor hun tijd en kennis.",
                "Zorg voor een vast aanspreekpunt en goede nazorg: terugkijken op je eigen "
                "verleden "
                "kan zwaar zijn.",
                "Laat zien wat er met hun inbreng is gedaan.",
            ),
            h("Rolmodellen"),
            p(
                "Ervaringsdeskundigen kunnen ook een rolmodel zijn: ze laten zien dat een andere "
                "toekomst mogelijk is. De actieagenda van de Alliantie bevat daarom een plan om "
                "250 mensen die in armoede leven aan een opleiding en een baan te helpen."
            ),
        ],
    ),
    Item(
        kind=ARTICLE,
        slug="een-lange-adem",
        title="Een lange adem: waarom korte projecten niet genoeg zijn",
        summary=(
            "Generatiearmoede los je niet op met een project van twee jaar. Waarom het onderzoek "
            "pleit voor programma's van tien tot dertig jaar, en wat dat vraagt van bestuurders."
        ),
        minutes=10,
        level=DEEP,
        roles=["management-bestuur", "beleidsmedewerker"],
        themes=["samenwerking-in-de-keten", "preventie-jonge-gezinnen"],
        outcomes=[
            "Je legt uit waarom een lange adem nodig is.",
            "Je kent de uitgangspunten van de actieagenda van de Alliantie.",
            "Je bespreekt wat continuïteit vraagt van jouw organisatie.",
        ],
        source=ALLIANCE + "; " + RUG,
        body=[
            h("De belangrijkste les"),
            p(
                "Het onderzoek naar overerfbare armoede in de Veenkoloniën heeft één "
                "hoofdboodschap: maak maatwerk mogelijk. Dat lukt alleen met lange relaties, goede "
                "samenwerking en continuïteit. Het onderzoek spreekt daarom van programma's van "
                "tien tot dertig jaar, in plaats van korte projecten."
            ),
            p("De Alliantie van Kracht werkt daarom aan een programma van twintig jaar."),
            h("Uitgangspunten van de actieagenda"),
            ul(
                "Een lange adem.",
                "Een integrale aanpak, gericht op de gezinnen én op hun omgeving.",
                "Preventie voor nieuwe generaties en jonge gezinnen.",
                "Niets ontwerpen zonder de mensen om wie het gaat: de stem van gezinnen en "
                "ervaringsdeskundigen weegt zwaar.",
                "Eén gedeelde visie van bestuurders, beleidsmakers en hulpverleners.",
            ),
            h("Wat vraagt dit van jou als bestuurder?"),
            p(
                "Vaste gezichten voor gezinnen, geld dat niet na twee jaar stopt, en ruimte voor "
                "medewerkers om van de standaard af te wijken als dat beter werkt. Maak resultaten "
                "zichtbaar, maar beoordeel een aanpak niet alleen op snelle cijfers."
            ),
            note(
                "Vraag voor je team",
                "Welke van onze activiteiten stopt binnen twee jaar, terwijl gezinnen er langer op "
                "rekenen?",
            ),
        ],
    ),
    Item(
        kind=ARTICLE,
        slug="job-carving-en-basisbanen",
        title="Werk dat past: job carving en basisbanen",
        summary=(
            "Niet iedereen past in een gewone vacature. Met job carving en basisbanen ontstaat "
            "werk dat wél past. Lees hoe dat werkt en waarom het helpt tegen armoede."
        ),
        minutes=11,
        level=INTRO,
        roles=["beleidsmedewerker", "management-bestuur", "sociaal-team", "welzijnswerker"],
        themes=["werk-en-inkomen", "ervaringsdeskundigheid"],
        capital_forms=["financieel-kapitaal", "sociaal-kapitaal"],
        outcomes=[
            "Je legt uit wat job carving en basisbanen zijn.",
            "Je ziet hoe werk meerdere vormen van kapitaal tegelijk versterkt.",
            "Je weet welke partners je nodig hebt om werk te vinden dat past.",
        ],
        source=ALLIANCE,
        body=[
            h("Werk en armoede"),
            p(
                "In de Veenkoloniën zijn minder banen dan in veel andere regio's, en veel "
                "vacatures vragen een diploma of ervaring die mensen in armoede niet altijd "
                "hebben. Werk en inkomen is daarom een actiepunt van de Alliantie van Kracht."
            ),
            h("Job carving"),
            p(
                "Bij job carving kijk je samen met een werkgever naar de taken in een team. Je "
                "haalt daar taken uit die iemand zonder diploma goed kan doen, zoals materiaal "
                "klaarzetten of de kantine verzorgen. Zo ontstaat een nieuwe functie die past bij "
                "wat iemand kan, en krijgen collega's meer tijd voor hun eigen vakwerk."
            ),
            h("Basisbanen"),
            p(
                "Een basisbaan is betaald werk dat nuttig is voor de samenleving, voor mensen die "
                "moeilijk aan een gewone baan komen. Denk aan werk in de wijk, in de zorg of bij "
                "een sportvereniging. Het geeft inkomen, maar ook ritme, contacten en "
                "zelfvertrouwen."
            ),
            note(
                "Meer dan inkomen",
                "Werk versterkt meerdere vormen van kapitaal tegelijk: financieel, sociaal en "
                "emotioneel.",
            ),
            p(
                "Het plan van de Alliantie om 250 mensen in armoede aan een opleiding en baan te "
                "helpen, laat zien dat werk, scholing en begeleiding bij elkaar horen."
            ),
        ],
    ),
    Item(
        kind=ARTICLE,
        slug="moedige-dialoog-drenthe",
        title="Geldzorgen bespreekbaar maken: de Moedige Dialoog in Drenthe",
        summary=(
            "Hoe maak je geldzorgen bespreekbaar, ook bij werkgevers? Over de Moedige Dialoog in "
            "Drenthe en wat je er in Assen, Emmen of elders in de provincie mee kunt."
        ),
        minutes=6,
        level=INTRO,
        regions=DRENTHE,
        roles=["beleidsmedewerker", "management-bestuur", "welzijnswerker", "vrijwilliger"],
        themes=["vroegsignalering", "werk-en-inkomen", "samenwerking-in-de-keten"],
        capital_forms=["financieel-kapitaal"],
        outcomes=[
            "Je weet wat de Moedige Dialoog in Drenthe wil bereiken.",
            "Je legt uit hoe dit netwerk de Alliantie van Kracht aanvult.",
            "Je bedenkt hoe je werkgevers betrekt bij het voorkomen van schulden.",
        ],
        source="Moedige Dialoog Drenthe; nieuwsbrief " + ALLIANCE,
        body=[
            h("Een netwerk voor financiële redzaamheid"),
            p(
                "De Moedige Dialoog is een landelijk netwerk dat in 2021 ook in Drenthe begon. In "
                "Groningen en Friesland was het netwerk al actief. Bedrijven en organisaties "
                "werken "
                "er samen aan financiële redzaamheid: mensen kunnen rondkomen en weten de weg naar "
                "hulp."
            ),
            h("Waar het om draait"),
            ul(
                "Hulp en voorzieningen zijn voor iedere inwoner makkelijk te vinden.",
                "Armoede en schulden zijn bespreekbaar, ook op het werk.",
                "De nadruk ligt op preventie en vroegsignalering.",
            ),
            p(
                "Het netwerk richt zich vooral op werkgevers, jongeren, senioren en zelfstandig "
                "ondernemers. Het werkt zoveel mogelijk samen met organisaties en initiatieven die "
                "er al zijn."
            ),
            h("Een aanvulling op de Alliantie"),
            p(
                "De Moedige Dialoog en de Alliantie van Kracht doen niet hetzelfde, maar vullen "
                "elkaar aan. De Alliantie richt zich op generatiearmoede in de Veenkoloniën, de "
                "Moedige Dialoog op geldzorgen bij brede groepen. Ze houden contact, zodat ze "
                "elkaar versterken."
            ),
            note(
                "Voor jouw gemeente",
                "Werk je in bijvoorbeeld Assen, Emmen of Borger-Odoorn? Ga na of werkgevers in "
                "jouw gemeente al meedoen, en bespreek in je team hoe je hen kunt betrekken bij "
                "vroegsignalering.",
            ),
        ],
    ),
    Item(
        kind=ARTICLE,
        slug="leerkring-stadskanaal",
        title="Samen leren in Stadskanaal: zo werkt een leerkring",
        summary=(
            "Sinds 2017 leren professionals en vrijwilligers in Stadskanaal samen over "
            "overerfbare armoede. Lees hoe een leerkring werkt en wat die oplevert."
        ),
        minutes=7,
        level=INTRO,
        regions=GRONINGEN,
        roles=["begeleider-leerkring", "sociaal-team", "welzijnswerker", "vrijwilliger"],
        themes=["samenwerking-in-de-keten"],
        outcomes=[
            "Je weet hoe een leerkring werkt.",
            "Je kent de opbrengst van samen leren over de grenzen van je organisatie heen.",
            "Je weet hoe je zelf kunt aansluiten.",
        ],
        source=CIRCLES,
        body=[
            h("Leren over de grenzen van je organisatie heen"),
            p(
                "In 2017 begonnen in Stadskanaal en in Assen de eerste leerkringen over "
                "overerfbare armoede, begeleid door Movisie samen met Tinten. Per gemeente doen "
                "zo'n twintig mensen mee: professionals en vrijwilligers uit welzijn, wonen, zorg "
                "en de gemeente."
            ),
            h("Hoe het werkt"),
            p(
                "De leerkring sluit aan bij wat er lokaal speelt. Deelnemers brengen casussen in "
                "waarin niemand te herkennen is, delen wat werkt, maken afspraken met elkaar en "
                "pakken knelpunten in het systeem aan. Ook proberen ze samen nieuwe aanpakken uit."
            ),
            h("Wat het oplevert"),
            ul(
                "Deelnemers kennen elkaar en vinden elkaar sneller.",
                "Kennis blijft niet hangen bij één persoon of organisatie.",
                "Verbeterpunten komen op tafel bij de gemeente en de organisaties.",
                "Wat de leerkring leert, helpt ook andere gemeenten in de regio.",
            ),
            note(
                "Meedoen?",
                "Werk je in Stadskanaal of in een gemeente in de buurt, zoals Veendam of Pekela? "
                "Kijk in het aanbod bij 'Leren met collega's' voor een leerkring bij jou in de "
                "buurt.",
            ),
        ],
    ),
]

PUBLICATIONS = [
    Item(
        kind=PUBLICATION,
        slug="samenvatting-onderzoek-overerfbare-armoede",
        title="Samenvatting: vijf jaar onderzoek naar overerfbare armoede",
        summary=(
            "Een samenvatting van het vijfjarige onderzoek van de Rijksuniversiteit Groningen naar "
            "overerfbare armoede in de Veenkoloniën: opzet, bevindingen en lessen voor de praktijk."
        ),
        minutes=45,
        level=DEEP,
        roles=[
            "beleidsmedewerker",
            "management-bestuur",
            "sociaal-team",
            "begeleider-leerkring",
            "zorgprofessional",
        ],
        themes=["typologieen-van-families", "samenwerking-in-de-keten"],
        family_types=["generaties-weinig", "opgestapelde-problemen"],
        outcomes=[
            "Je kent de opzet en de belangrijkste bevindingen van het onderzoek.",
            "Je legt uit welke oorzaken van armoede elkaar versterken.",
            "Je vertaalt de hoofdles naar je eigen organisatie.",
        ],
        source=RUG,
        body=[
            h("Waarom dit onderzoek"),
            p(
                "De provincies Groningen en Drenthe betaalden een meerjarig onderzoek van de "
                "Rijksuniversiteit Groningen naar armoede die van generatie op generatie wordt "
                "doorgegeven. Het doel: beter begrijpen wat daarachter zit, zodat de aanpak kan "
                "verbeteren."
            ),
            h("Twee kanten bekeken"),
            p(
                "Het onderzoek keek naar de leefwereld van gezinnen: hoe ervaren zij hun "
                "situatie? En naar de systeemwereld: hoe worden zij nu geholpen, wat werkt en wat "
                "moet beter?"
            ),
            h("Wat het onderzoek vond"),
            p(
                "In huishoudens spelen ziekte, langdurige stress en weinig opleiding een rol. In "
                "de omgeving gaat het om een zwakke economie in de regio, weinig werk en "
                "economische crises. Die oorzaken versterken elkaar."
            ),
            h("De les voor de praktijk"),
            p(
                "Maak maatwerk mogelijk, met lange relaties, samenwerking en continuïteit. Het "
                "onderzoek pleit voor programma's van tien tot dertig jaar in plaats van korte "
                "projecten."
            ),
            note(
                "Over het document",
                "Het document om te downloaden is een korte samenvatting, geschreven voor deze "
                "leeromgeving. Het is geen uitgave van de Rijksuniversiteit Groningen.",
            ),
        ],
    ),
    Item(
        kind=PUBLICATION,
        slug="typen-families-en-hun-behoeften",
        title="Typen families in generatiearmoede en wat ze nodig hebben",
        summary=(
            "Niet elk gezin in armoede heeft hetzelfde nodig. Deze publicatie beschrijft vijf "
            "typen families en geeft per type tips voor hulp en beleid."
        ),
        minutes=30,
        level=DEEP,
        roles=[
            "sociaal-team",
            "welzijnswerker",
            "zorgprofessional",
            "beleidsmedewerker",
            "schuldhulpverlener",
        ],
        themes=["typologieen-van-families"],
        family_types=[slug for slug, _name, _description in FAMILY_TYPES],
        outcomes=[
            "Je herkent vijf typen families in generatiearmoede.",
            "Je stemt je hulp af op wat een type gezin nodig heeft.",
            "Je gebruikt typen als hulpmiddel om te kijken, niet als etiket.",
        ],
        source=ALLIANCE + "; bewerking voor de leeromgeving",
        body=[
            h("Waarom typen?"),
            p(
                "Generatiearmoede heeft veel gezichten. Een indeling in typen helpt om beleid en "
                "hulp beter af te stemmen op wat gezinnen nodig hebben. Zie het als hulpmiddel om "
                "te kijken, niet als etiket: elk gezin blijft uniek."
            ),
            h("Gezinnen die al generaties rondkomen met weinig"),
            p(
                "Weinig geld is voor hen normaal, en ze zijn vaak vindingrijk. Wat helpt: een "
                "vaste "
                "vertrouwenspersoon, kansen voor de kinderen en aandacht voor wat al goed gaat."
            ),
            h("Jonge gezinnen die in armoede opgroeiden"),
            p(
                "Jonge ouders die zelf met weinig opgroeiden, willen het vaak anders doen voor hun "
                "kinderen. Wat helpt: steun bij opvoeden en geldzaken, zonder oordeel, en contact "
                "met andere ouders."
            ),
            h("Gezinnen met opgestapelde problemen"),
            p(
                "Schulden, gezondheid en werk grijpen in elkaar. Wat helpt: één plan en één vaste "
                "regisseur, en eerst rust brengen voordat je alles tegelijk aanpakt."
            ),
            h("Gezinnen die na een tegenslag in armoede raakten"),
            p(
                "Ontslag, een scheiding of ziekte bracht hen in de problemen. Ze kennen de weg "
                "naar hulp vaak niet en schamen zich. Wat helpt: snelle, praktische informatie, "
                "zodat tijdelijke krapte niet blijvend wordt."
            ),
            h("Gezinnen die hulp mijden na slechte ervaringen"),
            p(
                "Eerdere ervaringen met instanties maakten hen wantrouwig. Wat helpt: geduld, "
                "afspraken nakomen, en contact via iemand die zij al vertrouwen."
            ),
        ],
    ),
    Item(
        kind=PUBLICATION,
        slug="uit-de-duivelskring-van-armoede",
        title="Uit de duivelskring van armoede: wat sociaal werk kan doen",
        summary=(
            "Samenvatting van het onderzoek 'Uit de duivelskring van armoede': hoe sociaal werkers "
            "met vijf vormen van kapitaal mensen in armoede kunnen helpen."
        ),
        minutes=40,
        level=DEEP,
        roles=["welzijnswerker", "sociaal-team", "vrijwilliger", "zorgprofessional"],
        themes=["kapitaalsvormen", "bejegening"],
        capital_forms=ALL_CAPITAL,
        outcomes=[
            "Je kent de onderzoeksvraag en de conclusie van het onderzoek.",
            "Je noemt de vijf vormen van kapitaal.",
            "Je legt uit waarom rust en stabiliteit eerst komen.",
        ],
        source=DEVILS_CIRCLE,
        body=[
            h("De vraag"),
            p(
                "Geldzorgen horen bij de meest gestelde hulpvragen in het sociaal domein. Maar "
                "achter een vraag over geld zit vaak meer: armoede die al generaties meegaat. Het "
                "onderzoek 'Uit de duivelskring van armoede' vroeg welke rol sociaal werkers "
                "kunnen "
                "spelen voor mensen die in armoede leven of daarin dreigen te raken."
            ),
            h("Vijf vormen van kapitaal"),
            p(
                "Het onderzoek kijkt niet alleen naar geld, maar ook naar tekorten op sociaal, "
                "pedagogisch, emotioneel en cultureel gebied. Die vijf vormen van kapitaal kun je "
                "bij iedere inwoner gebruiken. Samen met de inwoner zoek je welke vorm nu het "
                "meest "
                "helpt."
            ),
            h("Wat armoede doet"),
            p(
                "Armoede tast vaak de waardigheid en het zelfrespect aan. Schaamte, vernedering en "
                "machteloosheid liggen dichtbij. Daardoor is het moeilijk om op eigen kracht uit "
                "de "
                "situatie te komen."
            ),
            h("Conclusie"),
            p(
                "De situatie van mensen in armoede kan lichter worden als medewerkers hulp bieden "
                "vanuit de vijf vormen van kapitaal. Daarvoor is iemand nodig die rust brengt, de "
                "situatie stabiel maakt en daarna samen met het gezin weer perspectief zoekt."
            ),
        ],
    ),
    Item(
        kind=PUBLICATION,
        slug="handreiking-vroegsignalering-gemeenten",
        title="Handreiking vroegsignalering voor gemeenten",
        summary=(
            "De lessen uit de werksessies vroegsignalering van 2021, uitgewerkt tot een "
            "handreiking voor gemeenten en hun partners. Met vragen per bouwsteen."
        ),
        minutes=75,
        level=EXPERT,
        roles=["beleidsmedewerker", "schuldhulpverlener", "management-bestuur"],
        themes=["vroegsignalering", "schuldhulpverlening-wgs", "wet-en-regelgeving"],
        outcomes=[
            "Je toetst de aanpak van vroegsignalering in jouw gemeente aan vijf bouwstenen.",
            "Je stelt de juiste vragen aan partners, ICT en privacy.",
            "Je kiest wat je gaat meten en waarom.",
        ],
        source=WORK_SESSIONS,
        body=[
            h("Voor wie"),
            p(
                "Voor beleidsmedewerkers, teamleiders en uitvoerders die vroegsignalering opzetten "
                "of verbeteren. De handreiking volgt de vijf thema's van de werksessies: "
                "projectstructuur, samenwerkingspartners, privacy, ICT-systemen en monitoring."
            ),
            h("Vragen per bouwsteen"),
            ul(
                "Projectstructuur: wie is eigenaar, en wie beslist als een signaal nergens past?",
                "Samenwerkingspartners: met welke vaste-lastenpartners zijn afspraken gemaakt, en "
                "hoe hoort een partner wat er met zijn signaal gebeurde?",
                "Privacy: welke gegevens zijn echt nodig, en wanneer worden ze verwijderd?",
                "ICT-systemen: hoe komt een signaal bij de juiste medewerker, en wat als het "
                "systeem uitvalt?",
                "Monitoring: welke cijfers bespreek je elk kwartaal, en met wie?",
            ),
            h("Een rekenvoorbeeld"),
            p(
                "Stel dat een gemeente in een kwartaal 200 signalen ontvangt, 120 huishoudens "
                "bereikt en 45 huishoudens hulp laat aannemen. Dit zijn voorbeeldcijfers, geen "
                "echte gegevens. Het verschil tussen bereikt en hulp aangenomen laat zien waar je "
                "kunt leren: hoe nodig je mensen uit, en wat houdt hen tegen?"
            ),
            note(
                "Tip",
                "Nodig ook woningcorporaties, welzijnsorganisaties en vrijwilligers uit als je de "
                "aanpak evalueert. Zij zien vaak eerder dan de gemeente dat het misgaat.",
            ),
        ],
    ),
    Item(
        kind=PUBLICATION,
        slug="bestuurlijke-actieagenda-in-het-kort",
        title="De bestuurlijke actieagenda van de Alliantie in het kort",
        summary=(
            "Wat wil de Alliantie van Kracht de komende jaren bereiken? De uitgangspunten en "
            "actiepunten van de bestuurlijke actieagenda op een rij."
        ),
        minutes=20,
        level=INTRO,
        roles=["management-bestuur", "beleidsmedewerker", "begeleider-leerkring"],
        themes=[
            "werk-en-inkomen",
            "vroegsignalering",
            "wet-en-regelgeving",
            "ervaringsdeskundigheid",
            "preventie-jonge-gezinnen",
        ],
        outcomes=[
            "Je kent de uitgangspunten van de actieagenda.",
            "Je noemt de vier actiepunten en wat ze willen bereiken.",
            "Je ziet waar jouw organisatie kan bijdragen.",
        ],
        source=ALLIANCE,
        body=[
            h("Uitgangspunten"),
            p(
                "De Alliantie van Kracht is een netwerk van organisaties uit wonen, welzijn, zorg, "
                "gemeenten en kennisinstellingen. Ze kiest voor een lange adem, een integrale "
                "aanpak, preventie voor nieuwe generaties en jonge gezinnen, de stem van gezinnen "
                "en ervaringsdeskundigen, en één gedeelde visie van bestuur, beleid en uitvoering."
            ),
            h("Werk en inkomen"),
            p(
                "Werk maken dat past bij wat mensen kunnen, bijvoorbeeld met job carving en "
                "basisbanen."
            ),
            h("Vroegsignalering en preventie van schulden"),
            p(
                "Een actieplan, samen met managers dienstverlening, waar mensen met geldzorgen "
                "echt "
                "iets aan hebben. Het bouwt voort op goede voorbeelden die er al zijn bij de "
                "partners."
            ),
            h("Wet- en regelgeving"),
            p(
                "Organisaties zonder wettelijke taak rond armoede leren welke mogelijkheden er "
                "zijn. En zij geven door waar wetten en regels knellen, zodat die knelpunten "
                "terechtkomen bij wie er iets aan kan doen."
            ),
            h("Ervaringsdeskundigheid en rolmodellen"),
            p(
                "Een plan om 250 mensen die in armoede leven aan een opleiding en een baan te "
                "helpen. Dat lukt alleen als partners het samen doen."
            ),
        ],
    ),
    Item(
        kind=PUBLICATION,
        slug="waar-regels-knellen",
        title="Waar regels knellen: knelpunten in wet- en regelgeving ophalen",
        summary=(
            "Soms staan regels goede hulp in de weg. Deze publicatie helpt je knelpunten in wet- "
            "en regelgeving te herkennen, goed te beschrijven en door te geven."
        ),
        minutes=90,
        level=EXPERT,
        roles=["beleidsmedewerker", "management-bestuur", "begeleider-leerkring"],
        themes=["wet-en-regelgeving", "samenwerking-in-de-keten"],
        family_types=["opgestapelde-problemen"],
        capital_forms=["financieel-kapitaal"],
        outcomes=[
            "Je herkent een knelpunt in wet- en regelgeving in een casus.",
            "Je beschrijft een knelpunt zo dat anderen er iets mee kunnen.",
            "Je weet langs welke weg je een knelpunt doorgeeft.",
        ],
        source=ALLIANCE,
        body=[
            h("Wat is een knelpunt in de regels?"),
            p(
                "Een knelpunt is een situatie waarin je iemand wilt helpen, maar een wet, regel of "
                "werkafspraak dat tegenhoudt of juist extra problemen geeft. Vaak zien "
                "professionals dat als eerste, en blijft het daar hangen."
            ),
            h("Voorbeelden die vaak genoemd worden"),
            ul(
                "Iemand gaat meer uren werken, maar houdt netto minder over omdat toeslagen of "
                "kortingen wegvallen (de armoedeval).",
                "Een volwassen kind komt weer thuis wonen en de uitkering van de ouder gaat "
                "omlaag.",
                "Een gezin moet voor elke regeling opnieuw dezelfde papieren aanleveren.",
            ),
            h("Een knelpunt goed beschrijven"),
            ol(
                "De situatie: wat gebeurde er, zonder dat iemand te herkennen is?",
                "De regel: welke wet, regel of afspraak speelde een rol?",
                "Het gevolg: wat betekende dat voor het gezin?",
                "Het voorstel: wat zou helpen, en wie kan dat veranderen?",
            ),
            h("Waar laat je het?"),
            p(
                "Bespreek het knelpunt eerst in je team of in de leerkring. Gaat het over regels "
                "van de gemeente, dan hoort het bij de gemeente. Gaat het over landelijke regels, "
                "dan kan de Alliantie van Kracht het bundelen en doorgeven aan wie er invloed op "
                "heeft."
            ),
        ],
    ),
]

VIDEOS = [
    Item(
        kind=VIDEO,
        slug="kennisclip-vijf-vormen-van-kapitaal",
        title="Vijf vormen van kapitaal",
        summary=(
            "Een korte kennisclip over financieel, sociaal, pedagogisch, emotioneel en cultureel "
            "kapitaal, met bij elke vorm een vraag voor je gesprek met een gezin."
        ),
        minutes=3,
        level=INTRO,
        roles=[
            "sociaal-team",
            "welzijnswerker",
            "vrijwilliger",
            "zorgprofessional",
            "schuldhulpverlener",
        ],
        themes=["kapitaalsvormen"],
        capital_forms=ALL_CAPITAL,
        outcomes=[
            "Je noemt de vijf vormen van kapitaal.",
            "Je stelt bij elke vorm een passende vraag aan een gezin.",
        ],
        source=DEVILS_CIRCLE,
        introduction=(
            "<p>In deze korte kennisclip zie en hoor je wat de vijf vormen van kapitaal zijn. Bij "
            "elke vorm krijg je een vraag die je aan een gezin kunt stellen. De stem is een "
            "computerstem.</p>"
        ),
    ),
    Item(
        kind=VIDEO,
        slug="kennisclip-vragen-aan-de-keukentafel",
        title="Vragen aan de keukentafel: één per vorm van kapitaal",
        summary=(
            "Bereid een huisbezoek voor met deze kennisclip: kies vooraf de vragen over kapitaal "
            "die passen bij het gezin dat je gaat bezoeken."
        ),
        minutes=1,
        level=INTRO,
        roles=["sociaal-team", "vrijwilliger", "welzijnswerker"],
        themes=["kapitaalsvormen", "bejegening"],
        capital_forms=["sociaal-kapitaal", "emotioneel-kapitaal"],
        outcomes=[
            "Je bereidt een huisbezoek voor met vragen over de vijf vormen van kapitaal.",
            "Je kiest vragen die passen bij het gezin.",
        ],
        source=DEVILS_CIRCLE,
        introduction=(
            "<p>Gebruik de clip als voorbereiding op een huisbezoek. Je hoort hoe je vooraf twee "
            "vragen kiest die passen bij het gezin, en hoe je aan tafel begint bij wat het gezin "
            "zelf belangrijk vindt. De stem is een computerstem.</p>"
        ),
    ),
    Item(
        kind=VIDEO,
        slug="kennisclip-jonge-gezinnen-verder-dan-geld",
        title="Jonge gezinnen: kijk verder dan geld",
        summary=(
            "Wat hebben jonge ouders nodig om hun kinderen een goede start te geven? Deze "
            "kennisclip helpt je kijken naar meer dan alleen geld."
        ),
        minutes=1,
        level=INTRO,
        roles=["zorgprofessional", "sociaal-team", "welzijnswerker"],
        themes=["preventie-jonge-gezinnen", "kapitaalsvormen"],
        family_types=["jonge-gezinnen-opgegroeid-in-armoede"],
        capital_forms=["pedagogisch-kapitaal", "emotioneel-kapitaal"],
        outcomes=[
            "Je ziet welke vormen van kapitaal bij jonge gezinnen extra aandacht vragen.",
            "Je bespreekt opvoeden en geld in één gesprek.",
        ],
        source=DEVILS_CIRCLE,
        introduction=(
            "<p>Kijk met jonge gezinnen in gedachten. De clip gaat over pedagogisch en emotioneel"
            " kapitaal: vertrouwen bij het opvoeden en hoop voor later maken voor kinderen veel "
            "verschil. De stem is een computerstem.</p>"
        ),
    ),
    Item(
        kind=VIDEO,
        slug="kennisclip-thuisadministratie-meer-dan-papieren",
        title="Thuisadministratie: meer dan papieren op orde",
        summary=(
            "Voor vrijwilligers bij de thuisadministratie in Drenthe: zie naast geld ook de andere "
            "vormen van kapitaal van een huishouden."
        ),
        minutes=1,
        level=INTRO,
        regions=DRENTHE,
        roles=["vrijwilliger", "welzijnswerker", "begeleider-leerkring"],
        themes=["kapitaalsvormen"],
        capital_forms=["financieel-kapitaal", "cultureel-kapitaal"],
        outcomes=[
            "Je herkent naast financieel kapitaal ook de andere vormen van kapitaal.",
            "Je weet wanneer je een huishouden naar andere hulp kunt verwijzen.",
        ],
        source=DEVILS_CIRCLE,
        introduction=(
            "<p>Ben je vrijwilliger bij de thuisadministratie, bijvoorbeeld in Aa en Hunze, Emmen"
            " of Borger-Odoorn? Dan kijk je vooral naar geld. Deze clip helpt je ook de andere "
            "vormen van kapitaal te zien, en te weten wanneer je doorverwijst. De stem is een "
            "computerstem.</p>"
        ),
    ),
]

PODCASTS = [
    Item(
        kind=PODCAST,
        slug="podcast-stress-en-schulden",
        title="Stress en schulden: waarom rust helpt",
        summary=(
            "Korte podcast over schaarste: waarom geldzorgen het denken vernauwen en waarom rust "
            "de eerste stap is. Met een verzonnen voorbeeld over huurachterstand."
        ),
        minutes=2,
        level=INTRO,
        roles=["incassomedewerker", "schuldhulpverlener", "sociaal-team", "vrijwilliger"],
        themes=["stress-sensitieve-dienstverlening", "bejegening"],
        capital_forms=["emotioneel-kapitaal"],
        outcomes=[
            "Je legt uit wat schaarste is.",
            "Je brengt rust in een gesprek over schulden.",
        ],
        source=LEARNING_ENVIRONMENT,
        introduction=(
            "<p>Een korte aflevering voor onderweg. Je hoort wat langdurige geldzorgen met het "
            "denken doen, en wat je als professional kunt doen om rust te brengen. De stem is een "
            "computerstem en het voorbeeld is verzonnen.</p>"
        ),
    ),
    Item(
        kind=PODCAST,
        slug="podcast-huurachterstand-eerst-rust",
        title="Huurachterstand: eerst rust, dan een regeling",
        summary=(
            "Voor incassomedewerkers: hoe een rustig eerste telefoontje over huurachterstand de "
            "weg vrijmaakt voor een betalingsregeling."
        ),
        minutes=1,
        level=INTRO,
        roles=["incassomedewerker", "schuldhulpverlener"],
        themes=["vroegsignalering", "bejegening"],
        capital_forms=["financieel-kapitaal"],
        outcomes=[
            "Je opent een gesprek over huurachterstand met aandacht voor de huurder.",
            "Je spreekt één haalbare stap af.",
        ],
        source=LEARNING_ENVIRONMENT,
        introduction=(
            "<p>Luister vooral naar het voorbeeld aan het eind, over een moeder met "
            "huurachterstand. Vergelijk het met hoe jouw organisatie nu belt en schrijft over een"
            " achterstand. De stem is een computerstem en het voorbeeld is verzonnen.</p>"
        ),
    ),
    Item(
        kind=PODCAST,
        slug="podcast-schaarste-waarom-een-brief-zwaar-is",
        title="Schaarste: waarom een brief openen zo zwaar kan zijn",
        summary=(
            "Waarom blijft post ongeopend liggen? Over schaarste en stress in gezinnen die het "
            "sociaal team begeleidt, en wat jij kunt doen."
        ),
        minutes=1,
        level=DEEP,
        roles=["sociaal-team", "zorgprofessional", "welzijnswerker", "vrijwilliger"],
        themes=["stress-sensitieve-dienstverlening"],
        family_types=["opgestapelde-problemen"],
        capital_forms=["emotioneel-kapitaal"],
        outcomes=[
            "Je herkent gedrag dat voortkomt uit schaarste.",
            "Je past je hulp aan zodat die minder stress geeft.",
        ],
        source=LEARNING_ENVIRONMENT,
        introduction=(
            "<p>Luister met een gezin in gedachten dat jij begeleidt en dat post laat liggen. Wat"
            " zou er veranderen als je dat ziet als gevolg van stress in plaats van onwil? De "
            "stem is een computerstem.</p>"
        ),
    ),
    Item(
        kind=PODCAST,
        slug="podcast-rust-als-voorwaarde-organisatie",
        title="Rust als voorwaarde: wat vraagt dat van je organisatie?",
        summary=(
            "Rust brengen vraagt tijd en ruimte van medewerkers. Voor leidinggevenden en "
            "beleidsmakers: richt je werkprocessen daarop in."
        ),
        minutes=1,
        level=DEEP,
        roles=["management-bestuur", "beleidsmedewerker"],
        themes=["stress-sensitieve-dienstverlening", "samenwerking-in-de-keten"],
        outcomes=[
            "Je ziet wat stress-sensitief werken vraagt van werkprocessen.",
            "Je bespreekt met je team waar tijd en ruimte ontbreken.",
        ],
        source=LEARNING_ENVIRONMENT,
        introduction=(
            "<p>Luister met de bril van een leidinggevende: geven onze werkprocessen, targets en "
            "brieven medewerkers de ruimte om eerst rust te brengen? De stem is een "
            "computerstem.</p>"
        ),
    ),
]

ASSIGNMENTS = [
    Item(
        kind=ASSIGNMENT,
        slug="opdracht-brief-in-gewone-taal",
        title="Herschrijf een betalingsherinnering in gewone taal",
        summary=(
            "Brieven over een achterstand geven vaak extra stress. Herschrijf een brief van je "
            "eigen organisatie, zodat de lezer meteen weet wat hij kan doen."
        ),
        minutes=30,
        level=INTRO,
        roles=["incassomedewerker", "schuldhulpverlener", "beleidsmedewerker"],
        themes=["stress-sensitieve-dienstverlening", "bejegening"],
        outcomes=[
            "Je herkent vaktaal en dreigende woorden in een brief.",
            "Je schrijft een brief die rust geeft en duidelijk maakt wat de lezer kan doen.",
        ],
        source=LEARNING_ENVIRONMENT,
        introduction=(
            "<p>Een brief over een achterstand komt vaak binnen op een moment dat iemand al veel "
            "zorgen heeft. In deze opdracht herschrijf je een bestaande brief van je eigen "
            "organisatie, zodat de lezer meteen snapt wat er aan de hand is en wat hij kan "
            "doen.</p>"
        ),
        steps=[
            "Kies een herinnering of aanmaning die jouw organisatie vaak verstuurt. Haal alle "
            "persoonlijke gegevens weg.",
            "Lees de brief hardop. Markeer vaktaal, lange zinnen en woorden die dreigend klinken.",
            "Schrijf de brief opnieuw: begin met wat er aan de hand is, zeg in één zin wat de "
            "lezer kan doen en zet je telefoonnummer en bereikbaarheid bovenaan.",
            "Laat de nieuwe brief lezen door iemand buiten je vakgebied, of door een "
            "ervaringsdeskundige. Vraag wat diegene voelt bij het lezen.",
            "Bespreek de nieuwe versie met je leidinggevende.",
        ],
        questions=[
            "Wat was het grootste verschil tussen de oude en de nieuwe brief?",
            "Welk woord of welke zin kon het meeste stress geven?",
            "Wat heb je nodig om de nieuwe brief echt te gaan gebruiken?",
        ],
    ),
    Item(
        kind=ASSIGNMENT,
        slug="opdracht-vijf-vormen-van-kapitaal-in-kaart",
        title="Breng de vijf vormen van kapitaal van een gezin in kaart",
        summary=(
            "Kijk samen met een gezin naar geld, netwerk, opvoeden, veerkracht en kennis. Zo zie "
            "je niet alleen wat ontbreekt, maar ook waar het gezin op kan bouwen."
        ),
        minutes=45,
        level=DEEP,
        roles=["sociaal-team", "welzijnswerker", "zorgprofessional", "schuldhulpverlener"],
        themes=["kapitaalsvormen", "typologieen-van-families"],
        capital_forms=ALL_CAPITAL,
        outcomes=[
            "Je brengt samen met een gezin de vijf vormen van kapitaal in kaart.",
            "Je kiest samen met het gezin één vorm om aan te werken.",
            "Je gaat zorgvuldig om met wat het gezin je vertelt.",
        ],
        source=DEVILS_CIRCLE,
        introduction=(
            "<p>Kies een gezin dat je begeleidt en breng samen met hen de vijf vormen van kapitaal "
            "in kaart. Het doel is niet een lijst met tekorten, maar een gesprek over wat er is en "
            "wat er nodig is.</p>"
        ),
        steps=[
            "Vraag het gezin of ze mee willen doen. Leg uit dat het gaat om wat goed gaat én om "
            "wat lastig is.",
            "Bespreek de vijf vormen één voor één: financieel, sociaal, pedagogisch, emotioneel "
            "en cultureel kapitaal. Gebruik de vragenkaart uit dit aanbod.",
            "Schrijf per vorm op wat er al is en wat er mist, in de woorden van het gezin.",
            "Kies samen één vorm om de komende maand aan te werken, met één kleine stap.",
            "Geef het gezin een kopie. Bewaar niets in een dossier zonder hun toestemming.",
        ],
        questions=[
            "Welke vorm van kapitaal was sterker dan je dacht?",
            "Waar koos het gezin zelf voor, en had jij iets anders gekozen?",
            "Welke organisatie kan helpen bij de vorm die het meest ontbreekt?",
        ],
    ),
    Item(
        kind=ASSIGNMENT,
        slug="opdracht-sociale-kaart-stadskanaal",
        title="Maak de sociale kaart rond geldzorgen in Stadskanaal",
        summary=(
            "Weet jij bij wie een inwoner van Stadskanaal terechtkan met geldzorgen? Maak een "
            "overzicht van hulp en contactpersonen, zodat je sneller en warmer doorverwijst."
        ),
        minutes=60,
        level=INTRO,
        regions=GRONINGEN,
        roles=["sociaal-team", "welzijnswerker", "vrijwilliger", "begeleider-leerkring"],
        themes=["samenwerking-in-de-keten", "vroegsignalering"],
        capital_forms=["sociaal-kapitaal"],
        outcomes=[
            "Je kent de hulp rond geldzorgen in Stadskanaal.",
            "Je verwijst warm door, met een naam in plaats van een loket.",
            "Je houdt samen met collega's een overzicht actueel.",
        ],
        source=LEARNING_ENVIRONMENT,
        introduction=(
            "<p>Een goede doorverwijzing begint met weten wie wat doet. In deze opdracht maak je "
            "een overzicht van de hulp bij geldzorgen in Stadskanaal. Werk je in een andere "
            "gemeente, zoals Veendam of Pekela? Maak dan de kaart van jouw gemeente.</p>"
        ),
        steps=[
            "Schrijf op welke organisaties in Stadskanaal helpen bij geld, wonen, werk, opvoeden "
            "en gezondheid. Denk ook aan vrijwilligers, de bibliotheek en kerken.",
            "Zoek per organisatie uit hoe je ze bereikt en wat ze wel en niet doen.",
            "Bel of bezoek twee organisaties die je nog niet kent. Vraag hoe zij het liefst een "
            "doorverwijzing krijgen.",
            "Deel het overzicht met je team of je leerkring en spreek af wie het bijhoudt.",
        ],
        questions=[
            "Welke hulp kende je nog niet?",
            "Waar lopen inwoners volgens jou het vaakst vast?",
            "Hoe zorg je dat het overzicht actueel blijft?",
        ],
    ),
    Item(
        kind=ASSIGNMENT,
        slug="opdracht-ketenafspraak-huurachterstand-veendam",
        title="Maak een ketenafspraak over huurachterstand",
        summary=(
            "Woningcorporatie, gemeente en sociaal team maken samen één afspraak die huurders met "
            "een achterstand sneller helpt. Met Veendam als voorbeeld."
        ),
        minutes=90,
        level=EXPERT,
        regions=GRONINGEN,
        roles=[
            "incassomedewerker",
            "schuldhulpverlener",
            "beleidsmedewerker",
            "management-bestuur",
        ],
        themes=["vroegsignalering", "samenwerking-in-de-keten", "schuldhulpverlening-wgs"],
        capital_forms=["financieel-kapitaal"],
        outcomes=[
            "Je loopt met ketenpartners een casus na en vindt waar het signaal bleef liggen.",
            "Je maakt een concrete afspraak over wie wat doet bij huurachterstand.",
            "Je herkent een systeemknelpunt en geeft het door.",
        ],
        source=WORK_SESSIONS,
        introduction=(
            "<p>Bij huurachterstand zijn meestal meerdere partijen betrokken: de woningcorporatie, "
            "de schuldhulpverlening van de gemeente en vaak het sociaal team. In deze opdracht "
            "maak je met hen één concrete afspraak over wie wat doet. De opdracht gebruikt Veendam "
            "als voorbeeld; werk je elders, kies dan je eigen gemeente.</p>"
        ),
        steps=[
            "Nodig één collega uit van de woningcorporatie, van de schuldhulpverlening van de "
            "gemeente en van het sociaal team.",
            "Loop samen een casus na waarin niemand te herkennen is: wie zag het eerste signaal, "
            "en wat gebeurde er daarna?",
            "Zoek de momenten waarop het signaal bleef liggen of waarop de huurder van loket naar "
            "loket ging.",
            "Maak één afspraak die dat verbetert, bijvoorbeeld een vast moment om signalen door te "
            "geven of een gezamenlijk huisbezoek.",
            "Leg de afspraak vast, met een datum om te kijken of hij werkt.",
        ],
        questions=[
            "Wat wist je nog niet over de werkwijze van de andere partijen?",
            "Welke regel of welk werkproces stond een snelle aanpak in de weg?",
            "Hoe merkt de huurder dat de afspraak werkt?",
            "Is dit een systeemknelpunt dat je verder moet melden?",
        ],
    ),
    Item(
        kind=ASSIGNMENT,
        slug="opdracht-huisbezoek-met-aandacht-voor-stress",
        title="Een huisbezoek met aandacht voor stress",
        summary=(
            "Je bezoekt een gezin in Pekela dat eerder hulp afhield. Deze opdracht helpt je om het "
            "bezoek rustig te laten verlopen en vertrouwen op te bouwen."
        ),
        minutes=20,
        level=INTRO,
        # Both: it prepares a day of the three-day track, which both portals offer.
        regions=BOTH,
        roles=["sociaal-team", "zorgprofessional", "vrijwilliger", "welzijnswerker"],
        themes=["stress-sensitieve-dienstverlening", "bejegening"],
        family_types=["hulp-mijdend"],
        capital_forms=["emotioneel-kapitaal"],
        outcomes=[
            "Je bereidt een huisbezoek voor met één duidelijk doel.",
            "Je herkent signalen van stress en benoemt ze zonder oordeel.",
            "Je sluit af met een afspraak die het gezin zelf haalbaar vindt.",
        ],
        source=EXPERTS,
        with_experts=True,
        introduction=(
            "<p>Je gaat op huisbezoek bij een gezin in Pekela dat eerder hulp afhield. Het gezin "
            "in deze opdracht is een voorbeeld. Werk je in een andere gemeente, dan past de "
            "opdracht net zo goed.</p>"
        ),
        steps=[
            "Bereid je voor: lees alleen wat je echt nodig hebt en bedenk één doel voor dit "
            "bezoek.",
            "Begin met een gewoon gesprek. Vraag hoe het gaat en waar het gezin zelf mee bezig is.",
            "Let op signalen van stress, zoals haast, boosheid, stapels post of moeheid. Benoem "
            "wat je ziet, zonder oordeel.",
            "Sluit af met één kleine afspraak die het gezin zelf haalbaar vindt, en zeg wanneer je "
            "terugkomt.",
        ],
        questions=[
            "Wat deed je om rust te brengen, en wat werkte?",
            "Welke signalen van stress zag je?",
            "Hoe weet je of het gezin het bezoek prettig vond?",
        ],
    ),
    Item(
        kind=ASSIGNMENT,
        slug="opdracht-casus-inbrengen-leerkring-assen",
        title="Breng een casus in bij de leerkring in Assen",
        summary=(
            "Bereid een casus voor de leerkring zo voor dat niemand te herkennen is en de groep "
            "er echt mee verder kan. Met aandacht voor typen families en kapitaal."
        ),
        minutes=40,
        level=DEEP,
        regions=DRENTHE,
        roles=["begeleider-leerkring", "sociaal-team", "welzijnswerker", "schuldhulpverlener"],
        themes=["samenwerking-in-de-keten", "typologieen-van-families"],
        outcomes=[
            "Je beschrijft een casus kort en zonder herkenbare gegevens.",
            "Je stelt één heldere vraag aan de groep.",
            "Je neemt afspraken en knelpunten uit de leerkring mee naar je werk.",
        ],
        source=CIRCLES,
        introduction=(
            "<p>In de leerkring in Assen leren professionals en vrijwilligers van elkaar aan de "
            "hand van situaties uit hun werk. In deze opdracht bereid je een casus voor die de "
            "groep verder helpt, zonder dat iemand te herkennen is.</p>"
        ),
        steps=[
            "Kies een situatie waarin je vastliep. Beschrijf die in hoogstens een halve pagina.",
            "Haal alles weg waarmee iemand te herkennen is: namen, adressen, leeftijden en "
            "bijzondere details. Verander zo nodig de samenstelling van het gezin.",
            "Bedenk één vraag aan de groep, bijvoorbeeld: 'Hoe krijg ik dit gezin weer in beeld?'",
            "Bedenk welk type gezin dit zou kunnen zijn en welke vormen van kapitaal onder druk "
            "staan.",
            "Breng de casus in en schrijf de afspraken en knelpunten op die eruit komen.",
        ],
        questions=[
            "Wat leerde je van de blik van andere organisaties?",
            "Kwam er een systeemknelpunt naar boven?",
            "Welke afspraak neem je mee naar je eigen werk?",
        ],
    ),
    Item(
        kind=ASSIGNMENT,
        slug="opdracht-jonge-ouders-geld-en-opvoeden",
        title="Preventie bij jonge ouders: praten over geld en opvoeden",
        summary=(
            "Een goed gesprek op tijd kan schulden voorkomen. Zo begin je met jonge ouders in "
            "Emmen, of waar je ook werkt, een gesprek over geld en opvoeden."
        ),
        minutes=30,
        level=INTRO,
        regions=DRENTHE,
        roles=["zorgprofessional", "welzijnswerker", "sociaal-team"],
        themes=["preventie-jonge-gezinnen", "kapitaalsvormen"],
        family_types=["jonge-gezinnen-opgegroeid-in-armoede"],
        capital_forms=["pedagogisch-kapitaal", "financieel-kapitaal"],
        outcomes=[
            "Je begint een gesprek over geld bij de wensen van ouders voor hun kind.",
            "Je maakt geldzorgen bespreekbaar zonder oordeel.",
            "Je biedt één of twee concrete vormen van hulp aan.",
        ],
        source=LEARNING_ENVIRONMENT,
        introduction=(
            "<p>Jonge ouders die zelf in armoede opgroeiden, willen het vaak anders doen. Deze "
            "opdracht is gemaakt voor professionals in Emmen, bijvoorbeeld in de "
            "jeugdgezondheidszorg "
            "of het sociaal team, maar werkt overal.</p>"
        ),
        steps=[
            "Kies een moment dat past, bijvoorbeeld een gesprek na de geboorte of bij de start op "
            "de peuteropvang.",
            "Vraag wat de ouders belangrijk vinden voor hun kind. Begin bij hun wensen, niet bij "
            "geld.",
            "Vraag daarna of geld weleens zorgen geeft. Zeg erbij dat veel ouders met een jong "
            "kind "
            "krap zitten, zodat de vraag minder beladen is.",
            "Vertel over één of twee concrete mogelijkheden, zoals hulp bij toeslagen of een "
            "vrijwilliger voor de administratie, en bied aan om samen contact op te nemen.",
        ],
        questions=[
            "Hoe reageerden de ouders toen geld ter sprake kwam?",
            "Wat vertelden ze over hun eigen jeugd, en wat deed dat met jou?",
            "Welke vorm van kapitaal kun je met deze ouders het best versterken?",
        ],
    ),
    Item(
        kind=ASSIGNMENT,
        slug="opdracht-job-carving-met-een-werkgever",
        title="Job carving: zoek samen met een werkgever werk dat past",
        summary=(
            "Ga met een werkgever in Borger-Odoorn na welke taken iemand zonder diploma goed kan "
            "doen, en bundel die tot een functie op maat."
        ),
        minutes=120,
        level=EXPERT,
        regions=DRENTHE,
        roles=["beleidsmedewerker", "welzijnswerker", "management-bestuur", "sociaal-team"],
        themes=["werk-en-inkomen"],
        capital_forms=["financieel-kapitaal", "cultureel-kapitaal"],
        outcomes=[
            "Je brengt samen met een werkgever de taken van een team in kaart.",
            "Je bundelt taken tot een functie die past bij een werkzoekende.",
            "Je weet welke begeleiding en regelingen de start makkelijker maken.",
        ],
        source=ALLIANCE,
        introduction=(
            "<p>Met job carving maak je werk op maat. In deze opdracht ga je met een werkgever in "
            "Borger-Odoorn, of in je eigen gemeente, na welke taken iemand zonder diploma goed kan "
            "doen.</p>"
        ),
        steps=[
            "Kies een werkgever die openstaat voor een gesprek, bijvoorbeeld een zorginstelling, "
            "een supermarkt of een bedrijf in de groenvoorziening.",
            "Loop samen een werkdag van het team door. Schrijf alle taken op, ook de kleine.",
            "Markeer taken die nu blijven liggen of die vakmensen van hun eigen werk afhouden.",
            "Bundel die taken tot een functie van een aantal uren per week, en bespreek welke "
            "begeleiding nodig is.",
            "Vraag bij de gemeente of het werkgeversservicepunt welke regelingen de start kunnen "
            "ondersteunen.",
        ],
        questions=[
            "Welke taken verrasten de werkgever?",
            "Wat heeft een werkzoekende nodig om in deze functie te slagen?",
            "Welke regel of welk risico hield de werkgever tegen, en hoe los je dat op?",
        ],
    ),
    Item(
        kind=ASSIGNMENT,
        slug="opdracht-ervaringsdeskundige-laten-meelezen",
        title="Laat een ervaringsdeskundige meekijken",
        summary=(
            "Wie armoede van binnenuit kent, ziet snel waar een folder, formulier of werkwijze "
            "niet aansluit. Vraag een ervaringsdeskundige om mee te kijken."
        ),
        minutes=60,
        level=DEEP,
        roles=[
            "beleidsmedewerker",
            "management-bestuur",
            "schuldhulpverlener",
            "incassomedewerker",
        ],
        themes=["ervaringsdeskundigheid", "bejegening"],
        outcomes=[
            "Je betrekt een ervaringsdeskundige op een goede manier.",
            "Je luistert naar feedback zonder je te verdedigen.",
            "Je voert twee verbeteringen door en laat zien wat je deed.",
        ],
        source=EXPERTS,
        with_experts=True,
        introduction=(
            "<p>In deze opdracht vraag je een ervaringsdeskundige om mee te kijken naar iets uit "
            "je "
            "eigen organisatie. Begin klein: één folder of één formulier is genoeg.</p>"
        ),
        steps=[
            "Kies iets kleins om mee te beginnen: een folder, een webpagina, een formulier of een "
            "intakegesprek.",
            "Vind een ervaringsdeskundige via je netwerk, een cliëntenraad of een organisatie van "
            "ervaringsdeskundigen. Spreek vooraf een vergoeding af.",
            "Leg uit wat je wilt weten en vraag om eerlijke feedback. Luister en verdedig je niet.",
            "Kies samen twee verbeteringen en laat later zien wat je ermee hebt gedaan.",
        ],
        questions=[
            "Wat zag de ervaringsdeskundige dat jij zelf niet zag?",
            "Wat vond je lastig om te horen?",
            "Hoe kun je ervaringskennis vaker gebruiken in je organisatie?",
        ],
    ),
    Item(
        kind=ASSIGNMENT,
        slug="opdracht-je-eigen-beeld-van-armoede",
        title="Kijk naar je eigen beeld van armoede",
        summary=(
            "Iedereen heeft een beeld van mensen in armoede, en dat kleurt hoe je iemand te woord "
            "staat. Een korte opdracht om je eigen beeld te onderzoeken."
        ),
        minutes=15,
        level=INTRO,
        roles=[
            "incassomedewerker",
            "vrijwilliger",
            "zorgprofessional",
            "schuldhulpverlener",
            "welzijnswerker",
        ],
        themes=["bejegening", "typologieen-van-families"],
        outcomes=[
            "Je onderscheidt feiten en oordelen in je eigen beeld van armoede.",
            "Je kiest één ding dat je in je werk anders gaat zeggen of doen.",
        ],
        source=EXPERTS,
        with_experts=True,
        easy_read=True,
        introduction=(
            "<p>Iedereen heeft een beeld van mensen in armoede. Dat beeld kleurt, vaak zonder dat "
            "je het merkt, hoe je iemand te woord staat. Deze korte opdracht helpt je om je eigen "
            "beeld te onderzoeken.</p>"
        ),
        steps=[
            "Schrijf in twee minuten vijf woorden op die bij je opkomen bij 'een gezin in "
            "armoede'.",
            "Kijk naar je woorden. Welke zijn feiten, en welke zijn oordelen?",
            "Lees de publicatie over typen families in dit aanbod en vergelijk die met je woorden.",
            "Kies één woord dat je in je werk anders wilt gebruiken.",
        ],
        questions=[
            "Waar komt jouw beeld van armoede vandaan?",
            "Welk type gezin kom je in je werk het meest tegen?",
            "Hoe merkt iemand aan jou dat je niet oordeelt?",
        ],
    ),
    Item(
        kind=ASSIGNMENT,
        slug="opdracht-klantreis-met-een-stressbril",
        title="Loop de route door je organisatie na met een stressbril",
        summary=(
            "Hoeveel stappen zet iemand met een betalingsachterstand voordat er hulp is? Kijk met "
            "je team naar de route door jouw organisatie en maak die lichter."
        ),
        minutes=45,
        level=DEEP,
        roles=[
            "management-bestuur",
            "incassomedewerker",
            "beleidsmedewerker",
            "schuldhulpverlener",
        ],
        themes=["stress-sensitieve-dienstverlening", "vroegsignalering"],
        outcomes=[
            "Je brengt de route van een inwoner door je organisatie in kaart.",
            "Je ziet welke stappen de meeste stress geven.",
            "Je maakt een plan om twee stappen lichter te maken.",
        ],
        source=LEARNING_ENVIRONMENT,
        introduction=(
            "<p>In deze opdracht kijk je met je team naar de route die een inwoner of huurder met "
            "een achterstand door jouw organisatie aflegt: van de eerste herinnering tot een "
            "oplossing.</p>"
        ),
        steps=[
            "Teken de route van de eerste herinnering tot een oplossing: brieven, telefoontjes, "
            "formulieren en wachttijden.",
            "Zet bij elke stap wat die van de inwoner vraagt: lezen, bellen, papieren zoeken, "
            "reizen.",
            "Kleur de stappen die veel stress of moeite kosten.",
            "Kies twee stappen die je kunt schrappen, samenvoegen of makkelijker maken, en maak "
            "een plan.",
        ],
        questions=[
            "Welke stap zou jij zelf het lastigst vinden met veel zorgen aan je hoofd?",
            "Wat kan je team morgen al anders doen?",
            "Wat moet er veranderen in de organisatie of in de samenwerking met anderen?",
        ],
    ),
]

TOOLS = [
    Item(
        kind=TOOL,
        slug="gespreksleidraad-huurachterstand",
        title="Gespreksleidraad: in gesprek over huurachterstand",
        summary=(
            "Een leidraad voor incassomedewerkers van woningcorporaties voor een telefoongesprek "
            "of huisbezoek over huurachterstand, in vier stappen en met een checklist."
        ),
        minutes=10,
        level=INTRO,
        roles=["incassomedewerker", "schuldhulpverlener", "sociaal-team"],
        themes=["bejegening", "stress-sensitieve-dienstverlening", "vroegsignalering"],
        capital_forms=["financieel-kapitaal", "emotioneel-kapitaal"],
        outcomes=[
            "Je voert een gesprek over huurachterstand in vier stappen.",
            "Je maakt een afspraak die de huurder kan nakomen.",
            "Je weet wanneer en hoe je doorverwijst naar schuldhulp.",
        ],
        source=EXPERTS,
        with_experts=True,
        easy_read=True,
        body=[
            h("Waarvoor is deze leidraad?"),
            p(
                "Deze leidraad helpt je als incassomedewerker bij een telefoongesprek of "
                "huisbezoek "
                "over een huurachterstand. Het doel: de huurder houdt zijn woning, en jullie maken "
                "samen een afspraak die haalbaar is."
            ),
            h("Het gesprek in vier stappen"),
            ol(
                "<b>Contact maken.</b> Stel je voor en vraag hoe het gaat.",
                "<b>Samen kijken.</b> Noem de achterstand kort en neutraal, zonder verwijt.",
                "<b>Ruimte zoeken.</b> Vraag wat er speelt en wat haalbaar is. Vraag ook naar "
                "andere rekeningen.",
                "<b>Afspreken.</b> Maak één concrete afspraak, schrijf die op en stuur een korte "
                "bevestiging.",
            ),
            note(
                "Zinnen die helpen",
                "'Ik bel omdat ik wil voorkomen dat het groter wordt.' 'Wat zou u nu het meest "
                "helpen?' 'Zullen we één stap afspreken voor deze week?'",
            ),
            h("Als het niet lukt"),
            p(
                "Lukt een regeling niet, of zijn er meer schulden? Vraag toestemming om de huurder "
                "door te verwijzen naar de schuldhulpverlening van de gemeente, en bied aan om "
                "samen te bellen."
            ),
        ],
        checklist=[
            "Ik heb het dossier kort bekeken en weet hoe hoog de achterstand is.",
            "Ik begin met een vraag over hoe het gaat.",
            "Ik noem de achterstand neutraal, zonder verwijt.",
            "Ik vraag naar andere rekeningen en zorgen.",
            "We spreken één haalbare stap af.",
            "Ik stuur de afspraak kort en in gewone taal op.",
            "Bij meer schulden bied ik een warme doorverwijzing aan.",
            "Ik noteer wanneer ik weer contact opneem.",
        ],
    ),
    Item(
        kind=TOOL,
        slug="checklist-vroegsignalering-opzetten",
        title="Checklist: vroegsignalering opzetten in je gemeente",
        summary=(
            "Staat alles klaar voor vroegsignalering van schulden? Loop met deze checklist de "
            "vijf bouwstenen na, van projectstructuur tot monitoring."
        ),
        minutes=15,
        level=EXPERT,
        learning_form="theorie",
        roles=["beleidsmedewerker", "management-bestuur", "schuldhulpverlener"],
        themes=["vroegsignalering", "schuldhulpverlening-wgs"],
        outcomes=[
            "Je ziet in één oogopslag wat er nog ontbreekt aan jullie aanpak.",
            "Je bespreekt de open punten met de juiste collega's.",
        ],
        source=WORK_SESSIONS,
        body=[
            h("Zo gebruik je deze checklist"),
            p(
                "Loop de punten samen met collega's van schuldhulp, privacy en ICT na. Wat nog "
                "niet geregeld is, zet je op een actielijst met een naam en een datum."
            ),
            note(
                "Achtergrond",
                "Sinds 1 januari 2021 geeft de Wet gemeentelijke schuldhulpverlening gemeenten de "
                "ruimte om signalen van betalingsachterstanden te ontvangen en inwoners hulp aan "
                "te "
                "bieden.",
            ),
        ],
        checklist=[
            "Er is één eigenaar van vroegsignalering, en iedereen weet wie dat is.",
            "Er zijn afspraken met woningcorporaties, energie- en waterbedrijven en "
            "zorgverzekeraars.",
            "De privacyfunctionaris heeft de werkwijze beoordeeld.",
            "Signalen komen binnen in een systeem dat getest is.",
            "Er is een vaste werkwijze om inwoners te benaderen: brief, telefoon en huisbezoek.",
            "Partners horen wat er met hun signaal is gedaan.",
            "Er is een overzicht van wat je meet, en wie het bespreekt.",
            "Vrijwilligers en welzijnsorganisaties weten hoe zij kunnen aansluiten.",
        ],
    ),
    Item(
        kind=TOOL,
        slug="checklist-privacy-bij-signalen",
        title="Checklist: privacy bij het delen van signalen",
        summary=(
            "Signalen over betalingsachterstanden zijn persoonlijke gegevens. Met deze checklist "
            "ga je er zorgvuldig mee om, ook als je samenwerkt met andere organisaties."
        ),
        minutes=10,
        level=DEEP,
        roles=["schuldhulpverlener", "beleidsmedewerker", "incassomedewerker", "sociaal-team"],
        themes=["vroegsignalering", "wet-en-regelgeving"],
        outcomes=[
            "Je weet welke gegevens je wel en niet deelt.",
            "Je vraagt toestemming op het juiste moment.",
        ],
        source=WORK_SESSIONS,
        body=[
            h("Waarom privacy telt"),
            p(
                "Wie hoort dat zijn gegevens zonder uitleg zijn gedeeld, verliest vertrouwen. En "
                "vertrouwen is precies wat je nodig hebt om iemand te helpen. Goed omgaan met "
                "privacy is dus ook goede bejegening."
            ),
            p(
                "Deze checklist is geen juridisch advies. Bespreek twijfels met de "
                "privacyfunctionaris van je organisatie."
            ),
        ],
        checklist=[
            "We gebruiken alleen de gegevens die nodig zijn om hulp aan te bieden.",
            "We weten wie de signalen mag inzien, en niemand anders ziet ze.",
            "Er is een bewaartermijn, en we verwijderen gegevens als die voorbij is.",
            "We leggen inwoners uit waarom we contact opnemen en waar het signaal vandaan komt.",
            "Voordat we gegevens delen met een andere organisatie, vragen we toestemming.",
            "Casussen in overleggen en leerkringen zijn altijd geanonimiseerd.",
        ],
    ),
    Item(
        kind=TOOL,
        slug="vragenkaart-vijf-vormen-van-kapitaal",
        title="Vragenkaart: vijf vormen van kapitaal",
        summary=(
            "Eén vraag per vorm van kapitaal, om een gesprek met een gezin te openen. Handig om "
            "bij je te hebben tijdens een huisbezoek."
        ),
        minutes=5,
        level="",
        roles=["sociaal-team", "vrijwilliger", "welzijnswerker", "zorgprofessional"],
        themes=["kapitaalsvormen"],
        capital_forms=ALL_CAPITAL,
        outcomes=[
            "Je opent een gesprek over elke vorm van kapitaal met een eenvoudige vraag.",
            "Je begint bij wat het gezin zelf belangrijk vindt.",
        ],
        source=DEVILS_CIRCLE,
        easy_read=True,
        body=[
            h("Zo gebruik je de kaart"),
            p(
                "Je hoeft niet alle vragen te stellen. Kies er één of twee die passen bij het "
                "moment. Luister, en vraag door op wat het gezin zelf noemt."
            ),
            note(
                "Denk eraan",
                "Vraag ook naar wat goed gaat. Elk gezin heeft iets om op te bouwen.",
            ),
        ],
        checklist=[
            "Financieel kapitaal: welke rekening geeft je nu de meeste zorgen?",
            "Sociaal kapitaal: wie kun je bellen als het even tegenzit?",
            "Pedagogisch kapitaal: wat gaat er goed bij het opvoeden, en waar wil je hulp bij?",
            "Emotioneel kapitaal: wat geeft je energie, ook in een zware week?",
            "Cultureel kapitaal: welke brief of welk formulier vind je lastig?",
            "Wat wil je zelf als eerste regelen?",
        ],
    ),
    Item(
        kind=TOOL,
        slug="checklist-een-brief-die-rust-geeft",
        title="Checklist: een brief die rust geeft",
        summary=(
            "Controleer een brief over een achterstand in vijf minuten: is hij kort, duidelijk en "
            "vriendelijk, en weet de lezer wat hij kan doen?"
        ),
        minutes=5,
        level=INTRO,
        roles=["incassomedewerker", "schuldhulpverlener", "beleidsmedewerker"],
        themes=["stress-sensitieve-dienstverlening", "bejegening"],
        outcomes=[
            "Je controleert een brief op duidelijkheid en toon.",
            "Je haalt woorden weg die onnodig stress geven.",
        ],
        source=LEARNING_ENVIRONMENT,
        body=[
            h("Waarom een brief ertoe doet"),
            p(
                "Iemand met veel geldzorgen heeft weinig ruimte in zijn hoofd. Een lange brief vol "
                "vaktaal blijft dan liggen. Een korte, vriendelijke brief wordt eerder gelezen en "
                "beantwoord."
            ),
        ],
        checklist=[
            "In de eerste zin staat waar de brief over gaat.",
            "Er staat in één zin wat de lezer kan doen.",
            "Je telefoonnummer en bereikbaarheid staan bovenaan.",
            "De zinnen zijn kort en zonder vaktaal of afkortingen.",
            "Er staan geen dreigende woorden in die niet nodig zijn.",
            "De brief noemt waar de lezer hulp kan krijgen.",
            "Iemand buiten je vakgebied heeft de brief gelezen en begrepen.",
        ],
    ),
    Item(
        kind=TOOL,
        slug="starterskit-leerkring",
        title="Starterskit voor een leerkring",
        summary=(
            "Wil je in jouw gemeente een leerkring starten? Deze starterskit helpt je met de "
            "samenstelling, de eerste bijeenkomst en afspraken over casussen."
        ),
        minutes=20,
        level=DEEP,
        learning_form="theorie",
        roles=["begeleider-leerkring", "management-bestuur", "sociaal-team"],
        themes=["samenwerking-in-de-keten", "ervaringsdeskundigheid"],
        outcomes=[
            "Je stelt een leerkring samen met mensen uit verschillende organisaties.",
            "Je bereidt de eerste bijeenkomst voor.",
            "Je maakt afspraken over het anoniem bespreken van casussen.",
        ],
        source=CIRCLES,
        body=[
            h("Wat is een leerkring?"),
            p(
                "Een leerkring is een vaste groep professionals en vrijwilligers uit één gemeente, "
                "uit verschillende organisaties. Ze leren van elkaar aan de hand van casussen, "
                "maken afspraken en brengen knelpunten in het systeem in beeld. In Assen en "
                "Stadskanaal doen per leerkring zo'n twintig mensen mee."
            ),
            h("De eerste bijeenkomst"),
            ol(
                "Kennismaken: wie ben je, en wat wil je leren?",
                "Afspraken maken over vertrouwelijkheid en het anoniem bespreken van casussen.",
                "Samen een eerste casus bespreken.",
                "Afspreken wie de volgende casus inbrengt.",
            ),
            note(
                "Tip",
                "Nodig ook een ervaringsdeskundige uit. Die helpt de groep om vanuit de leefwereld "
                "van gezinnen te blijven kijken.",
            ),
        ],
        checklist=[
            "Er doen mensen mee uit wonen, welzijn, zorg en de gemeente.",
            "Er is een vaste begeleider.",
            "Er zijn vaste data voor een heel jaar.",
            "Iedereen kent de afspraken over vertrouwelijkheid.",
            "Casussen worden altijd geanonimiseerd ingebracht.",
            "Afspraken en knelpunten worden na elke bijeenkomst vastgelegd.",
            "Er is een ervaringsdeskundige betrokken.",
        ],
    ),
    Item(
        kind=TOOL,
        slug="monitor-vroegsignalering-voorbeeld",
        title="Monitoren van vroegsignalering: een voorbeeldoverzicht",
        summary=(
            "Welke cijfers laten zien of vroegsignalering werkt? Een voorbeeldoverzicht voor een "
            "Groninger gemeente als Midden-Groningen, met voorbeeldcijfers."
        ),
        minutes=15,
        level=DEEP,
        learning_form="theorie",
        regions=GRONINGEN,
        roles=["beleidsmedewerker", "management-bestuur", "schuldhulpverlener"],
        themes=["vroegsignalering", "schuldhulpverlening-wgs"],
        outcomes=[
            "Je kiest cijfers die laten zien of vroegsignalering werkt.",
            "Je leest een overzicht kritisch en stelt de juiste vervolgvragen.",
        ],
        source=WORK_SESSIONS + "; alle cijfers zijn voorbeeldcijfers",
        body=[
            h("Een voorbeeld"),
            p(
                "Hieronder staat een overzicht zoals een gemeente als Midden-Groningen het per "
                "kwartaal zou kunnen maken. <b>Alle cijfers zijn voorbeeldcijfers</b>, geen echte "
                "gegevens van een gemeente."
            ),
            ul(
                "Signalen ontvangen: 150 (voorbeeldcijfer).",
                "Huishoudens bereikt: 95 (voorbeeldcijfer).",
                "Huishoudens die hulp aannamen: 35 (voorbeeldcijfer).",
                "Huishoudens met een betalingsregeling bij de schuldeiser: 40 (voorbeeldcijfer).",
            ),
            h("Wat vertelt dit?"),
            p(
                "Veel huishoudens nemen geen hulp aan. Dat hoeft niet erg te zijn: een deel regelt "
                "het zelf. Maar vraag door. Hoe nodigen we mensen uit? Komen we op het goede "
                "moment? "
                "Bespreek de cijfers met partners en met ervaringsdeskundigen."
            ),
            note(
                "Echte cijfers",
                "Het Sociaal Planbureau Groningen en het Trendbureau Drenthe volgen trends rond "
                "armoede in de twee provincies. Gebruik hun cijfers om je eigen overzicht in "
                "perspectief te zetten.",
            ),
        ],
        checklist=[
            "We tellen signalen, bereik en aangenomen hulp per kwartaal.",
            "We kijken naar verschillen per soort signaal, zoals huur, energie en zorgverzekering.",
            "We volgen huishoudens na zes maanden: is de achterstand opgelost?",
            "We bespreken de cijfers met ketenpartners.",
            "We vragen ook mensen zelf hoe ze het contact ervoeren.",
        ],
    ),
    Item(
        kind=TOOL,
        slug="checklist-warme-overdracht",
        title="Checklist: een warme overdracht",
        summary=(
            "Draag je een gezin over aan een andere organisatie? Met deze checklist zorg je dat "
            "het gezin niet opnieuw hoeft te beginnen. Met tips voor Westerwolde."
        ),
        minutes=5,
        level="",
        regions=GRONINGEN,
        roles=[
            "sociaal-team",
            "schuldhulpverlener",
            "welzijnswerker",
            "vrijwilliger",
            "zorgprofessional",
        ],
        themes=["samenwerking-in-de-keten", "bejegening"],
        family_types=["hulp-mijdend"],
        capital_forms=["sociaal-kapitaal"],
        outcomes=[
            "Je draagt een gezin over zonder dat het verhaal opnieuw verteld moet worden.",
            "Je zorgt dat het gezin de nieuwe hulpverlener al kent voordat jij loslaat.",
        ],
        source=LEARNING_ENVIRONMENT,
        body=[
            h("Waarom een warme overdracht?"),
            p(
                "Een gezin dat hulp eerder als lastig ervoer, haakt snel af als het opnieuw bij "
                "een "
                "onbekend loket moet beginnen. Bij een warme overdracht stel je de nieuwe "
                "hulpverlener persoonlijk voor."
            ),
            p(
                "In een uitgestrekte gemeente als Westerwolde zijn de afstanden groot en zit de "
                "volgende hulpverlener niet altijd om de hoek. Een gezamenlijk huisbezoek of een "
                "gesprek via de telefoon met z'n drieën helpt dan extra."
            ),
        ],
        checklist=[
            "Het gezin weet waarom de overdracht nodig is, en stemt ermee in.",
            "Ik heb toestemming om gegevens te delen.",
            "Het eerste gesprek met de nieuwe hulpverlener is samen.",
            "De nieuwe hulpverlener kent het verhaal, zodat het gezin het niet opnieuw hoeft te "
            "vertellen.",
            "Het gezin heeft de naam en het nummer van de nieuwe hulpverlener.",
            "Na twee weken vraag ik na of het contact loopt.",
        ],
    ),
    Item(
        kind=TOOL,
        slug="checklist-werkgevers-en-geldzorgen",
        title="Geldzorgen bij medewerkers: een checklist voor werkgevers",
        summary=(
            "Werkgevers zien geldzorgen vaak vroeg. Met deze checklist maken werkgevers in "
            "Drenthe geldzorgen bespreekbaar en weten ze de weg naar hulp."
        ),
        minutes=10,
        level=INTRO,
        learning_form="theorie",
        regions=DRENTHE,
        roles=["management-bestuur", "beleidsmedewerker", "welzijnswerker"],
        themes=["werk-en-inkomen", "vroegsignalering"],
        capital_forms=["financieel-kapitaal"],
        outcomes=[
            "Je herkent signalen van geldzorgen bij medewerkers.",
            "Je weet hoe je als werkgever het gesprek begint en doorverwijst.",
        ],
        source="Moedige Dialoog Drenthe; " + LEARNING_ENVIRONMENT,
        body=[
            h("Waarom werkgevers ertoe doen"),
            p(
                "Geldzorgen raken niet alleen mensen zelf, maar ook hun werk. Werkgevers merken "
                "het "
                "vaak vroeg: een loonbeslag, een vraag om voorschot, of iemand die zich vaker ziek "
                "meldt. De Moedige Dialoog Drenthe richt zich daarom onder meer op werkgevers."
            ),
            p(
                "Werk je als beleidsmedewerker of welzijnswerker in bijvoorbeeld Emmen, Hoogeveen "
                "of Assen? Gebruik deze checklist in je gesprek met werkgevers uit je gemeente."
            ),
        ],
        checklist=[
            "Leidinggevenden kennen signalen van geldzorgen, zoals een loonbeslag of vragen om "
            "voorschot.",
            "Er is een vertrouwenspersoon of vast aanspreekpunt voor geldzorgen.",
            "Medewerkers weten dat ze zonder gevolgen over geldzorgen kunnen praten.",
            "De werkgever weet waar de schuldhulpverlening van de gemeente te vinden is.",
            "Er is een afspraak over hoe de werkgever een medewerker warm doorverwijst.",
            "Geldzaken komen terug in het gewone gesprek over werk en welzijn.",
            "De werkgever weet welke regelingen er zijn, zoals een voorschot of hulp bij budget.",
        ],
    ),
]

ITEMS: list[Item] = [*ARTICLES, *PUBLICATIONS, *VIDEOS, *PODCASTS, *ASSIGNMENTS, *TOOLS]


# ---------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------


def related_slugs(item: Item, items: list[Item] | None = None, count: int = 3) -> list[str]:
    """The items most like this one, shown wherever this one is: themes count most, then
    roles, forms of capital and family types; a different kind breaks ties."""
    items = ITEMS if items is None else items

    def score(other: Item) -> int:
        return (
            3 * len(set(item.themes) & set(other.themes))
            + len(set(item.roles) & set(other.roles))
            + len(set(item.capital_forms) & set(other.capital_forms))
            + len(set(item.family_types) & set(other.family_types))
            + (1 if other.kind != item.kind else 0)
        )

    candidates = [
        (score(other), -index, other.slug)
        for index, other in enumerate(items)
        if other.slug != item.slug and set(item.regions) <= set(other.regions)
    ]
    candidates = [candidate for candidate in candidates if candidate[0] > 1]
    return [slug for _score, _index, slug in sorted(candidates, reverse=True)[:count]]


def transcript_html(text: str, title: str) -> str:
    """A transcript text file as rich text, one <p> per paragraph.

    The heading block at the top (the recording's title, with a subtitle or an underline
    of "=") is left out, as the page shows its own title. A slide marker such as
    "[Dia 1: Financieel kapitaal]" becomes a bold paragraph of its own."""
    paragraphs = [
        [row.strip() for row in paragraph.splitlines() if row.strip()]
        for paragraph in re.split(r"\n\s*\n", text.strip())
    ]
    paragraphs = [rows for rows in paragraphs if rows]
    if paragraphs:
        head = paragraphs[0]
        if title.casefold() in head[0].casefold() or any(set(row) == {"="} for row in head):
            paragraphs = paragraphs[1:]
    html = []
    for rows in paragraphs:
        marker = re.fullmatch(r"\[(.*)\]", rows[0])
        if marker:
            html.append(f"<p><b>{escape(marker.group(1))}</b></p>")
            rows = rows[1:]
        if rows:
            html.append(f"<p>{escape(' '.join(rows))}</p>")
    return "".join(html)


def document_text(item: Item) -> str:
    """The plain-text summary a publication offers for download, made from its own text."""
    parts = [
        f"{item.title}\n{'=' * len(item.title)}",
        "Samenvatting voor de leeromgeving Leren over armoede (demo-document).",
        item.summary,
    ]
    for block_type, value in item.body:
        if block_type == "heading":
            parts.append(f"{value}\n{'-' * len(value)}")
        elif block_type == "callout":
            parts.append(f"{value['title']}: {unescape(strip_tags(value['text']))}")
        else:
            html = value.replace("<li>", "\n- ").replace("</li>", "")
            parts.append(unescape(strip_tags(html)).strip())
    parts.append(f"Bron: {item.source}")
    return "\n\n".join(parts) + "\n"


class _Media:
    """Documents and images the items use, created once (found again by title)."""

    def __init__(self) -> None:
        self._cache: dict[str, Any] = {}

    def file_document(self, title: str, filename: str) -> Document:
        if title not in self._cache:
            document = Document.objects.filter(title=title).first()
            if document is None:
                path = MEDIA_DIR / filename
                with path.open("rb") as handle:
                    document = Document(title=title, file=File(handle, name=filename))
                    document._set_document_file_metadata()
                    document.save()
            self._cache[title] = document
        return self._cache[title]

    def text_document(self, title: str, filename: str, text: str) -> Document:
        if title not in self._cache:
            document = Document.objects.filter(title=title).first()
            if document is None:
                document = Document(title=title)
                document.file.save(filename, ContentFile(text.encode("utf-8")), save=False)
                document._set_document_file_metadata()
                document.save()
            self._cache[title] = document
        return self._cache[title]

    def image(self, title: str, filename: str) -> Image:
        if title not in self._cache:
            image = Image.objects.filter(title=title).first()
            if image is None:
                path = MEDIA_DIR / filename
                with path.open("rb") as handle:
                    image = Image(title=title, file=File(handle, name=filename))
                    image._set_image_file_metadata()
                    image.save()
            self._cache[title] = image
        return self._cache[title]

    def transcript(self, filename: str, title: str) -> str:
        key = f"transcript:{filename}"
        if key not in self._cache:
            text = (MEDIA_DIR / filename).read_text(encoding="utf-8")
            self._cache[key] = transcript_html(text, title)
        return self._cache[key]


def _kind_fields(item: Item, media: _Media) -> dict[str, Any]:
    """The fields only one kind of learning item has."""
    if item.kind == ARTICLE:
        return {"body": stream(item.body)}
    if item.kind == PUBLICATION:
        document = media.text_document(
            f"{item.title} (samenvatting)", f"{item.slug}.txt", document_text(item)
        )
        return {"body": stream(item.body), "document": document}
    if item.kind == VIDEO:
        return {
            "introduction": item.introduction,
            "video": media.file_document(f"Kennisclip: {item.title} (video)", f"{item.slug}.webm"),
            "captions": media.file_document(
                f"Kennisclip: {item.title} (ondertiteling)", f"{item.slug}.vtt"
            ),
            "poster": media.image(f"Kennisclip: {item.title} (beeld)", f"{item.slug}.jpg"),
            "transcript": media.transcript(f"{item.slug}.txt", item.title),
        }
    if item.kind == PODCAST:
        return {
            "introduction": item.introduction,
            "audio": media.file_document(f"Podcast: {item.title} (audio)", f"{item.slug}.ogg"),
            "transcript": media.transcript(f"{item.slug}.txt", item.title),
        }
    if item.kind == ASSIGNMENT:
        return {
            "introduction": item.introduction,
            "steps": [("step", RichText(f"<p>{step}</p>")) for step in item.steps],
            "reflection_questions": [("question", question) for question in item.questions],
        }
    if item.kind == TOOL:
        return {
            "body": stream(item.body),
            "checklist": [("item", entry) for entry in item.checklist],
        }
    raise ValueError(f"Unknown kind of learning item: {item.kind}")


def _terms(model: Any, slugs: list[str]) -> list[Any]:
    terms = list(model.objects.filter(slug__in=slugs))
    missing = set(slugs) - {term.slug for term in terms}
    if missing:
        raise ValueError(f"{model.__name__} not loaded: {', '.join(sorted(missing))}")
    return terms


def load_terms() -> None:
    """The family types and forms of capital (left as editors made them)."""
    for model, rows in ((FamilyType, FAMILY_TYPES), (CapitalForm, CAPITAL_FORMS)):
        english = ENGLISH_NAMES[model.__name__.lower()]
        for order, (slug, name, description) in enumerate(rows):
            model.objects.get_or_create(
                slug=slug,
                defaults={
                    "name": name,
                    "name_en": english[slug],
                    "description": description,
                    "sort_order": order,
                },
            )


# Items about or held in particular municipalities, by name; the rest is for the whole region.
MUNICIPALITIES = {
    "leerkring-stadskanaal": ["Stadskanaal"],
    "opdracht-sociale-kaart-stadskanaal": ["Stadskanaal"],
    "opdracht-ketenafspraak-huurachterstand-veendam": ["Veendam"],
    "samenvatting-onderzoek-overerfbare-armoede": [
        "Borger-Odoorn",
        "Emmen",
        "Midden-Groningen",
        "Pekela",
        "Stadskanaal",
        "Veendam",
    ],
    "opdracht-casus-inbrengen-leerkring-assen": ["Assen"],
}


@transaction.atomic
def load_items(*, catalogue: CatalogueIndexPage, regions: dict[str, Region]) -> int:
    """Add the demo learning items under the catalogue; return how many were created.

    Needs the taxonomy (roles, themes, learning forms) loaded first. An item whose slug is
    already under the catalogue is skipped, and so are its related items."""
    load_terms()
    media = _Media()
    existing = set(catalogue.get_children().values_list("slug", flat=True))
    created: dict[str, int] = {}
    for item in ITEMS:
        if item.slug in existing:
            continue
        model = KIND_MODELS[item.kind]
        page = model(
            title=item.title,
            slug=item.slug,
            summary=item.summary,
            learning_form=LearningForm.objects.get(slug=item.form),
            duration_minutes=item.minutes,
            level=item.level,
            outcomes="\n".join(item.outcomes),
            source=item.source,
            has_transcript=item.kind in (VIDEO, PODCAST),
            has_captions=item.kind == VIDEO,
            has_easy_read=item.easy_read,
            made_with_experts=item.with_experts,
            **_kind_fields(item, media),
        )
        page.regions.set([regions[slug] for slug in item.regions])
        page.roles.set(_terms(Role, item.roles))
        page.themes.set(_terms(Theme, item.themes))
        page.family_types.set(_terms(FamilyType, item.family_types))
        page.capital_forms.set(_terms(CapitalForm, item.capital_forms))
        page.municipalities.set(
            Municipality.objects.filter(name__in=MUNICIPALITIES.get(item.slug, []))
        )
        catalogue.add_child(instance=page)
        page.save_revision().publish()
        created[item.slug] = page.pk

    pages = {
        page.slug: page
        for page in LearningItemPage.objects.child_of(catalogue).filter(
            slug__in=[slug for item in ITEMS for slug in related_slugs(item)]
        )
    }
    for item in ITEMS:
        if item.slug not in created:
            continue
        page = LearningItemPage.objects.get(pk=created[item.slug]).specific
        page.related_items.set([pages[slug] for slug in related_slugs(item) if slug in pages])
        page.save_revision().publish()
    return len(created)
