"""The shared taxonomy as the demo seeds it: real reference data, written in our own words."""

REGIONS = [
    # slug, name, logo text, accent colour (both reach 7:1 against white)
    ("groningen", "Groningen", "Groningen", "#1e5a8c"),
    ("drenthe", "Drenthe", "Drenthe", "#a3262a"),
]

# CBS municipality codes (boundaries 2023, unchanged for both provinces 2021-2025).
# Veenkoloniën: the core municipalities of the Agenda voor de Veenkoloniën (2002),
# mapped to today's municipalities; the CBS indicator file calls this "veenkolonien_kern".
MUNICIPALITIES = [
    ("GM1680", "Aa en Hunze", "drenthe", True),
    ("GM0106", "Assen", "drenthe", False),
    ("GM1681", "Borger-Odoorn", "drenthe", True),
    ("GM0109", "Coevorden", "drenthe", False),
    ("GM1690", "De Wolden", "drenthe", False),
    ("GM1979", "Eemsdelta", "groningen", False),
    ("GM0114", "Emmen", "drenthe", True),
    ("GM0014", "Groningen", "groningen", False),
    ("GM1966", "Het Hogeland", "groningen", False),
    ("GM0118", "Hoogeveen", "drenthe", False),
    ("GM0119", "Meppel", "drenthe", False),
    ("GM1731", "Midden-Drenthe", "drenthe", False),
    ("GM1952", "Midden-Groningen", "groningen", True),
    ("GM1699", "Noordenveld", "drenthe", False),
    ("GM1895", "Oldambt", "groningen", False),
    ("GM0765", "Pekela", "groningen", True),
    ("GM0037", "Stadskanaal", "groningen", True),
    ("GM1730", "Tynaarlo", "drenthe", False),
    ("GM0047", "Veendam", "groningen", True),
    ("GM1969", "Westerkwartier", "groningen", False),
    ("GM1701", "Westerveld", "drenthe", False),
    ("GM1950", "Westerwolde", "groningen", True),
]

SECTORS = [
    ("wonen", "Wonen", "Woningcorporaties en verhuurders."),
    ("welzijn", "Welzijn", "Welzijnswerk, sociale teams en vrijwilligersorganisaties."),
    ("zorg", "Zorg", "Zorgaanbieders, jeugdzorg en GGZ."),
    ("gemeenten", "Gemeenten", "Gemeenten en hun uitvoeringsorganisaties."),
    ("kennisinstellingen", "Kennisinstellingen", "Universiteiten, hogescholen en kenniscentra."),
    ("overheid", "Overheden en koepels", "Provincies en verenigingen van gemeenten."),
]

ROLES = [
    (
        "incassomedewerker",
        "Incassomedewerker woningcorporatie",
        "Je spreekt huurders met een betalingsachterstand.",
    ),
    (
        "schuldhulpverlener",
        "Schuldhulpverlener",
        "Je helpt mensen met schulden, van vroegsignalering tot schuldregeling.",
    ),
    (
        "sociaal-team",
        "Medewerker sociaal team",
        "Je ondersteunt gezinnen in de wijk bij meerdere vragen tegelijk.",
    ),
    ("welzijnswerker", "Welzijnswerker", "Je werkt met bewoners aan meedoen en zelfredzaamheid."),
    ("zorgprofessional", "Zorgprofessional", "Je werkt in de zorg, jeugdzorg of GGZ."),
    (
        "vrijwilliger",
        "Vrijwilliger",
        "Je helpt als vrijwilliger, bijvoorbeeld bij thuisadministratie.",
    ),
    (
        "beleidsmedewerker",
        "Beleidsmedewerker gemeente",
        "Je maakt beleid over armoede, schulden en bestaanszekerheid.",
    ),
    (
        "management-bestuur",
        "Management en bestuur",
        "Je geeft leiding aan een organisatie of team.",
    ),
    ("begeleider-leerkring", "Begeleider leerkring", "Je begeleidt een lokale leerkring."),
]

THEMES = [
    ("bejegening", "Bejegening"),
    ("stress-sensitieve-dienstverlening", "Stress-sensitieve dienstverlening"),
    ("vroegsignalering", "Vroegsignalering"),
    ("schuldhulpverlening-wgs", "Schuldhulpverlening en de Wgs"),
    ("wet-en-regelgeving", "Wet- en regelgeving"),
    ("ervaringsdeskundigheid", "Ervaringsdeskundigheid"),
    ("typologieen-van-families", "Typologieën van families"),
    ("kapitaalsvormen", "Kapitaalsvormen"),
    ("samenwerking-in-de-keten", "Samenwerking in de keten"),
    ("werk-en-inkomen", "Werk en inkomen"),
    ("preventie-jonge-gezinnen", "Preventie en jonge gezinnen"),
]

LEARNING_FORMS = [
    (
        "doen",
        "Doen in de praktijk",
        "doing",
        "Praktijkopdrachten met reflectievragen, voor tussen twee huisbezoeken door.",
    ),
    ("theorie", "Theorie", "theory", "Artikelen, publicaties en samenvattingen van onderzoek."),
    (
        "kijken",
        "Kijken",
        "watching",
        "Korte kennisclips, met uitgeschreven tekst en ondertiteling.",
    ),
    ("luisteren", "Luisteren", "listening", "Podcasts voor onderweg, met uitgeschreven tekst."),
    (
        "samen-trainen",
        "Samen trainen",
        "training",
        "Trainingen, workshops, werksessies, webinars en congressen.",
    ),
    (
        "leren-met-collegas",
        "Leren met collega's",
        "peers",
        "Leerkringen met professionals uit jouw gemeente.",
    ),
]

# Organisations named in the sources; the housing and care examples are invented
# and say so in their name.
VEENKOLONIEN_CORE = ["GM1680", "GM1681", "GM0114", "GM1952", "GM0765", "GM0037", "GM0047", "GM1950"]
# (name, sector, based in, what it is, municipalities it works in). Every one is a partner
# of the alliance with a public page; the "(voorbeeld)" ones are made up for the demo.
ORGANISATIONS = [
    (
        "CMO STAMM",
        "kennisinstellingen",
        "GM0106",
        "Kennis- en adviesbureau voor het sociaal domein in Groningen en Drenthe. Coördineert "
        "de Alliantie van Kracht en de leeromgeving.",
        [],
    ),
    (
        "Rijksuniversiteit Groningen",
        "kennisinstellingen",
        "GM0014",
        "Doet meerjarig onderzoek naar overerfbare armoede in de Veenkoloniën.",
        VEENKOLONIEN_CORE,
    ),
    (
        "Movisie",
        "kennisinstellingen",
        None,
        "Landelijk kennisinstituut voor het sociaal domein; deelt wat werkt tegen armoede.",
        [],
    ),
    (
        "Sociaal Planbureau Groningen",
        "kennisinstellingen",
        "GM0014",
        "Volgt trends en ontwikkelingen rond armoede in de provincie Groningen.",
        [],
    ),
    (
        "Trendbureau Drenthe",
        "kennisinstellingen",
        "GM0106",
        "Volgt trends en ontwikkelingen rond armoede in de provincie Drenthe.",
        [],
    ),
    ("Gemeente Assen", "gemeenten", "GM0106", "Gemeente in Drenthe.", ["GM0106"]),
    ("Gemeente Stadskanaal", "gemeenten", "GM0037", "Gemeente in Groningen.", ["GM0037"]),
    ("Gemeente Emmen", "gemeenten", "GM0114", "Gemeente in Drenthe.", ["GM0114"]),
    ("Gemeente Veendam", "gemeenten", "GM0047", "Gemeente in Groningen.", ["GM0047"]),
    (
        "Woonstichting Veenland (voorbeeld)",
        "wonen",
        "GM0037",
        "Een woningcorporatie zoals er in de regio meer zijn; verzonnen voor de demo.",
        ["GM0037", "GM0047", "GM0765"],
    ),
    (
        "Welzijn Drentse Monden (voorbeeld)",
        "welzijn",
        "GM1681",
        "Een welzijnsorganisatie zoals er in de regio meer zijn; verzonnen voor de demo.",
        ["GM1681", "GM0114"],
    ),
    (
        "Zorggroep De Vaart (voorbeeld)",
        "zorg",
        "GM0114",
        "Een zorgorganisatie zoals er in de regio meer zijn; verzonnen voor de demo.",
        ["GM0114"],
    ),
    (
        "Provincie Groningen",
        "overheid",
        None,
        "Maakt de leeromgeving, het onderzoek en de werksessies mede mogelijk.",
        [],
    ),
    (
        "Provincie Drenthe",
        "overheid",
        None,
        "Maakt de leeromgeving, het onderzoek en de werksessies mede mogelijk.",
        [],
    ),
    (
        "Vereniging van Nederlandse Gemeenten (VNG)",
        "overheid",
        None,
        "De vereniging van alle gemeenten; steunt de werksessies over vroegsignalering.",
        [],
    ),
    (
        "Vereniging van Drentse Gemeenten (VDG)",
        "overheid",
        None,
        "De samenwerking van de Drentse gemeenten; trekt op met de VGG bij vroegsignalering.",
        [],
    ),
    (
        "Vereniging van Groninger Gemeenten (VGG)",
        "overheid",
        None,
        "De samenwerking van de Groninger gemeenten; trekt op met de VDG bij vroegsignalering.",
        [],
    ),
]

# The English names editors would fill, by model and slug. The loader looks every term
# up here, so a term added above without its English name fails loudly.
ENGLISH_NAMES = {
    "region": {"groningen": "Groningen", "drenthe": "Drenthe"},
    "sector": {
        "wonen": "Housing",
        "welzijn": "Social work",
        "zorg": "Care",
        "gemeenten": "Municipalities",
        "kennisinstellingen": "Knowledge institutions",
        "overheid": "Government and associations",
    },
    "role": {
        "incassomedewerker": "Rent arrears officer, housing association",
        "schuldhulpverlener": "Debt counsellor",
        "sociaal-team": "Social team worker",
        "welzijnswerker": "Social worker",
        "zorgprofessional": "Care professional",
        "vrijwilliger": "Volunteer",
        "beleidsmedewerker": "Municipal policy officer",
        "management-bestuur": "Management and board",
        "begeleider-leerkring": "Learning circle facilitator",
    },
    "theme": {
        "bejegening": "Treating people with respect",
        "stress-sensitieve-dienstverlening": "Stress-sensitive services",
        "vroegsignalering": "Early detection",
        "schuldhulpverlening-wgs": "Debt assistance and the Municipal Debt Assistance Act",
        "wet-en-regelgeving": "Laws and regulations",
        "ervaringsdeskundigheid": "Lived experience",
        "typologieen-van-families": "Family typologies",
        "kapitaalsvormen": "Forms of capital",
        "samenwerking-in-de-keten": "Working together across organisations",
        "werk-en-inkomen": "Work and income",
        "preventie-jonge-gezinnen": "Prevention and young families",
    },
    "learningform": {
        "doen": "Learning by doing",
        "theorie": "Theory",
        "kijken": "Watching",
        "luisteren": "Listening",
        "samen-trainen": "Training together",
        "leren-met-collegas": "Learning with peers",
    },
    "familytype": {
        "generaties-weinig": "Families who have got by on little for generations",
        "jonge-gezinnen-opgegroeid-in-armoede": "Young families who grew up in poverty",
        "opgestapelde-problemen": "Families with piled-up problems",
        "na-een-tegenslag": "Families who fell into poverty after a setback",
        "hulp-mijdend": "Families who avoid help after bad experiences",
    },
    "capitalform": {
        "financieel-kapitaal": "Financial capital",
        "sociaal-kapitaal": "Social capital",
        "pedagogisch-kapitaal": "Parenting capital",
        "emotioneel-kapitaal": "Emotional capital",
        "cultureel-kapitaal": "Cultural capital",
    },
}
