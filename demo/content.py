"""Dutch demo pages, in our own words. Figures that are not real data say so."""

from typing import Any

HOMES = {
    "groningen": {
        "title": "Leren over armoede in Groningen",
        "intro": (
            "Kennis en vaardigheden voor iedereen die in Groningen werkt met gezinnen die al "
            "generaties lang in armoede leven. Leer op jouw manier: door te doen, te lezen, te "
            "kijken, te luisteren, samen te trainen of met collega's uit je eigen gemeente."
        ),
    },
    "drenthe": {
        "title": "Leren over armoede in Drenthe",
        "intro": (
            "Kennis en vaardigheden voor iedereen die in Drenthe werkt met gezinnen die al "
            "generaties lang in armoede leven. Leer op jouw manier: door te doen, te lezen, te "
            "kijken, te luisteren, samen te trainen of met collega's uit je eigen gemeente."
        ),
    },
}

CATALOGUE_INTRO = (
    "Alles wat je hier kunt leren, in elke vorm: lezen, kijken, luisteren, doen en samen "
    "leren. Kies wat bij jouw werk en jouw tijd past."
)

GLOSSARY_INTRO = (
    "Woorden die we samen op dezelfde manier gebruiken, zodat professionals uit wonen, "
    "welzijn, zorg en gemeenten elkaar goed begrijpen."
)

HOME_BODY: list[tuple[str, Any]] = [
    ("heading", "Waarom deze leeromgeving"),
    (
        "paragraph",
        "<p>In de Veenkoloniën van Groningen en Drenthe leven ongeveer 14.000 gezinnen in "
        "armoede. Vaak gaat die armoede over van ouders op kinderen. Dat doorbreek je niet "
        "met één maatregel. Het vraagt een andere manier van werken: langer volhouden, beter "
        "samenwerken en de gezinnen zelf laten meepraten.</p>"
        "<p>Hier vind je wat onderzoek en praktijk daarover leren, vertaald naar je eigen werk. "
        "Zo bouwen professionals uit wonen, welzijn, zorg en gemeenten aan één gedeelde taal "
        "en aanpak.</p>",
    ),
]

SHARED_PAGES: list[dict[str, Any]] = [
    {
        "slug": "over",
        "title": "Over de leeromgeving",
        "show_in_menus": True,
        "intro": "Een plek om samen te leren wat werkt tegen armoede die van generatie op "
        "generatie overgaat.",
        "body": [
            ("heading", "Van wie is de leeromgeving?"),
            (
                "paragraph",
                "<p>De leeromgeving is van de Alliantie van Kracht tegen Armoede: een netwerk "
                "van organisaties uit wonen, welzijn, zorg, gemeenten en kennisinstellingen. "
                "CMO STAMM coördineert de leeromgeving. De provincies Groningen en Drenthe "
                "maken haar mogelijk.</p>",
            ),
            ("heading", "Voor wie is zij bedoeld?"),
            (
                "paragraph",
                "<p>Voor iedereen die in zijn werk gezinnen in armoede tegenkomt. Bijvoorbeeld "
                "incassomedewerkers van woningcorporaties, schuldhulpverleners, medewerkers "
                "van sociale teams, welzijns- en zorgprofessionals, vrijwilligers en "
                "beleidsmedewerkers. Ook managers en bestuurders leren hier, want een andere "
                "aanpak vraagt ook iets van de organisatie.</p>",
            ),
            ("heading", "Hoe leer je hier?"),
            (
                "paragraph",
                "<p>Iedereen leert anders. De een probeert het liefst iets uit in de praktijk, "
                "de ander leest eerst de theorie, weer een ander kijkt een korte video of "
                "luistert een podcast. Daarom vind je hier alle vormen naast elkaar: "
                "praktijkopdrachten, artikelen, kennisclips, podcasts, trainingen, leergangen "
                "en leerkringen.</p>",
            ),
            (
                "callout",
                {
                    "title": "Niets over hen zonder hen",
                    "text": "<p>Mensen die zelf in armoede leven, weten als geen ander wat een "
                    "maatregel met hun leven doet. Hun ervaring is het fundament van wat je "
                    "hier leert. Veel materiaal is samen met ervaringsdeskundigen gemaakt.</p>",
                },
            ),
        ],
    },
    {
        "slug": "onderzoek",
        "title": "Wat we weten uit onderzoek",
        "show_in_menus": True,
        "intro": "De Rijksuniversiteit Groningen onderzocht vijf jaar lang hoe armoede in de "
        "Veenkoloniën van generatie op generatie overgaat.",
        "body": [
            ("heading", "Twee kanten van hetzelfde verhaal"),
            (
                "paragraph",
                "<p>Het onderzoek keek naar de leefwereld van gezinnen: hoe ervaren zij hun "
                "situatie? En naar de systeemwereld: hoe worden zij nu geholpen, wat werkt en "
                "wat moet beter?</p>",
            ),
            ("heading", "Oorzaken die elkaar versterken"),
            (
                "paragraph",
                "<p>Binnen gezinnen spelen bijvoorbeeld ziekte, stress en weinig scholing. "
                "Daaromheen spelen een zwakke regionale economie, weinig banen en economische "
                "crises. Die oorzaken versterken elkaar. Daardoor is het zo moeilijk om uit de "
                "armoede te komen.</p>",
            ),
            ("heading", "De belangrijkste les: maatwerk"),
            (
                "paragraph",
                "<p>Gezinnen hebben hulp nodig die bij hen past. Dat lukt alleen met lange "
                "relaties, goede samenwerking en continuïteit. Denk aan programma's van tien "
                "tot dertig jaar in plaats van korte projecten. De Alliantie werkt daarom aan "
                "een programma van twintig jaar.</p>",
            ),
            (
                "callout",
                {
                    "title": "Vijf vormen van kapitaal",
                    "text": "<p>Het onderzoek onderscheidt financieel, sociaal, pedagogisch, "
                    "emotioneel en cultureel kapitaal. Een gezin kan op het ene vlak sterk "
                    "staan en op het andere kwetsbaar zijn. Kijk daarom breder dan geld "
                    "alleen.</p>",
                },
            ),
        ],
    },
    {
        "slug": "privacy",
        "title": "Privacy",
        "show_in_menus": False,
        "intro": "Welke gegevens de leeromgeving van je bewaart, waarom, en wat je zelf kunt doen.",
        "body": [
            ("heading", "Zonder account"),
            (
                "paragraph",
                "<p>Je kunt alles in het aanbod lezen, bekijken en beluisteren zonder account. "
                "We volgen je dan niet. Er zijn geen advertenties, geen trackers en geen "
                "lettertypes of video's die ongevraagd bij een ander bedrijf worden "
                "opgehaald. Een video van een andere website laadt pas als je daar zelf voor "
                "kiest.</p>",
            ),
            ("heading", "Cookies"),
            (
                "paragraph",
                "<p>We gebruiken alleen cookies die nodig zijn om de site te laten werken: "
                "om je ingelogd te houden, om formulieren te beveiligen, om je taal en je "
                "weergave (tekstgrootte en regelafstand) te onthouden en, als je die kiest, "
                "je functie voor aanbevelingen. Daarom vragen we geen toestemming voor "
                "cookies.</p>",
            ),
            ("heading", "Met een account"),
            (
                "paragraph",
                "<p>Met een account bewaren we je naam, e-mailadres, functie, organisatie, "
                "gemeente en hoe je graag leert. We houden bij wat je start en afrondt, zodat "
                "je je voortgang ziet en aanbevelingen krijgt die bij je passen. Je "
                "antwoorden op praktijkopdrachten en je leerbehoefte-scan zijn alleen voor "
                "jou: ook redacteuren kunnen ze niet lezen.</p>",
            ),
            (
                "paragraph",
                "<p>Schrijf je je in voor een training, dan ziet de organisator je naam, "
                "organisatie en functie op de deelnemerslijst. Doe je mee aan een leerkring, "
                "dan zien de andere leden van die kring wat je daar schrijft.</p>",
            ),
            ("heading", "Als je ons een bericht stuurt"),
            (
                "paragraph",
                "<p>Stuur je een bericht via de pagina Contact of een idee voor een thema, dan "
                "bewaren we je naam, e-mailadres, organisatie en bericht. De coördinator krijgt "
                "het per e-mail en antwoordt je. We gebruiken het alleen daarvoor. Na een jaar "
                "verwijderen we het bericht.</p>",
            ),
            ("heading", "Wat je zelf kunt doen"),
            (
                "paragraph",
                "<p>Op Mijn leeromgeving kun je al je gegevens downloaden in één bestand. "
                "Daar kun je ook je account verwijderen. Dat gebeurt meteen. Wat je hebt "
                "afgerond blijft daarna alleen bewaard als anoniem getal, zonder je naam, "
                "zodat overzichten van het gebruik kloppen. Wat je in een leerkring schreef, "
                "blijft voor de kring bewaard, ook zonder je naam.</p>",
            ),
            (
                "paragraph",
                "<p>Heb je een vraag over je gegevens? Stuur de coördinator van de "
                "leeromgeving een bericht via de pagina Contact.</p>",
            ),
        ],
    },
    {
        "slug": "toegankelijkheid",
        "title": "Toegankelijkheid",
        "show_in_menus": False,
        "intro": "Iedereen moet deze leeromgeving kunnen gebruiken, ook met een beperking.",
        "body": [
            ("heading", "Wat we doen"),
            (
                "paragraph",
                "<ul><li>We bouwen volgens de richtlijnen WCAG 2.1 op niveau AA.</li>"
                "<li>Je kunt alles met alleen het toetsenbord bedienen.</li>"
                "<li>Bovenaan elke pagina maak je de tekst groter of kleiner en de "
                "letterafstand groter of kleiner. Je keuze blijft bewaard.</li>"
                "<li>Video's en podcasts hebben een uitgeschreven tekst.</li>"
                "<li>We schrijven in eenvoudig Nederlands (taalniveau B1).</li></ul>",
            ),
            ("heading", "Loop je ergens tegenaan?"),
            (
                "paragraph",
                "<p>Werkt iets niet goed voor jou? Laat het ons weten via CMO STAMM. We "
                "proberen het dan zo snel mogelijk op te lossen.</p>",
            ),
        ],
    },
]

REGIONAL_SECTIONS: dict[str, dict[str, Any]] = {
    "groningen": {
        "slug": "in-groningen",
        "title": "Aanpak in Groningen",
        "intro": "Wat organisaties in de Groninger Veenkoloniën samen doen tegen armoede.",
        "body": [
            (
                "paragraph",
                "<p>In de Groninger Veenkoloniën werken gemeenten, woningcorporaties, "
                "welzijn en zorg samen aan vroegsignalering en aan een rustige, "
                "stress-sensitieve manier van werken met gezinnen.</p>",
            ),
            (
                "callout",
                {
                    "title": "Voorbeeldcijfer",
                    "text": "<p>Dit is een voorbeeld, geen echte meting: in een denkbeeldige "
                    "gemeente meldden vijf organisaties samen 120 signalen van "
                    "betalingsachterstand per jaar.</p>",
                },
            ),
        ],
    },
    "drenthe": {
        "slug": "in-drenthe",
        "title": "Aanpak in Drenthe",
        "intro": "Wat organisaties in de Drentse Veenkoloniën samen doen tegen armoede.",
        "body": [
            (
                "paragraph",
                "<p>In Drenthe leren professionals in leerkringen van elkaar, bijvoorbeeld in "
                "Assen. Zij bespreken geanonimiseerde casussen en maken afspraken die ook "
                "andere gemeenten verder helpen.</p>",
            ),
        ],
    },
}
