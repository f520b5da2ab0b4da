"""The personal-data check that every case, comment, agreement and bottleneck passes
before it is saved."""

from datetime import date

import pytest
from django.utils import translation

from circles.personal_data import (
    Kind,
    find_personal_data,
    has_valid_iban_check_digits,
    normalise,
    passes_eleven_test,
)

from .personal_data_corpus import NOT_PERSONAL, PERSONAL

TODAY = date(2026, 11, 26)


def kinds(text: str) -> list[tuple[Kind, str]]:
    return [(f.kind, f.text) for f in find_personal_data(text, today=TODAY)]


# ---------------------------------------------------------------------------
# Measured on the corpus
# ---------------------------------------------------------------------------


def test_the_corpus_is_found_with_high_recall_and_few_false_positives() -> None:
    """Recall: the share of sentences with personal data in which the right kind is
    found. False positives: the share of sentences without personal data that are
    refused. The numbers are printed (`pytest -s`) for the notes."""
    assert len(PERSONAL) >= 200 and len(NOT_PERSONAL) >= 200
    missed = [
        (kind, text)
        for kind, text in PERSONAL
        if kind not in {finding.kind for finding in find_personal_data(text, today=TODAY)}
    ]
    refused = [
        (text, kinds(text)) for text in NOT_PERSONAL if find_personal_data(text, today=TODAY)
    ]
    recall = 1 - len(missed) / len(PERSONAL)
    false_positive_rate = len(refused) / len(NOT_PERSONAL)
    print(
        f"\npersonal-data corpus: {len(PERSONAL)} with, {len(NOT_PERSONAL)} without; "
        f"recall {recall:.1%}, false positives {false_positive_rate:.1%}"
    )
    assert recall >= 0.99, missed
    assert false_positive_rate <= 0.02, refused


def test_the_corpus_covers_every_kind() -> None:
    assert {kind for kind, _ in PERSONAL} == set(Kind)


# ---------------------------------------------------------------------------
# Normalisation
# ---------------------------------------------------------------------------


def test_every_space_and_dash_reads_as_one_and_invisible_characters_go() -> None:
    text = "06\u00a012\u202f34\u2009\u200b56\u00ad78 \u2013 a\u3000\u3000b\r\n\r\nc"
    assert normalise(text).text == "06 12 34 5678 - a b\nc"


def test_styled_digits_signs_and_accents_read_plain() -> None:
    assert normalise("\uff10\uff16\uff20 \u0661\u0662 cli\u00ebnt clie\u0308nt \ufb01").text == (
        "06@ 12 client client fi"
    )


def test_positions_point_into_the_text_as_typed() -> None:
    text = "Bel\u00a0\u00a0haar op 06\u200b-\u200b12345678."
    [finding] = find_personal_data(text, today=TODAY)
    assert finding.kind == Kind.PHONE
    assert text[finding.start : finding.end] == finding.text == "06\u200b-\u200b12345678"


# ---------------------------------------------------------------------------
# What the issue saw saved
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, kind, found",
    [
        ("Bel (050) 123 45 67 na vijf uur.", Kind.PHONE, "(050) 123 45 67"),
        ("Bel 050/1234567 na vijf uur.", Kind.PHONE, "050/1234567"),
        ("BSN 111-222-333 staat op de brief.", Kind.BSN, "111-222-333"),
        ("BSN 111\u00a0222\u00a0333 staat op de brief.", Kind.BSN, "111\u00a0222\u00a0333"),
        ("Het gezin woont Hoofdstraat 12 Stadskanaal.", Kind.ADDRESS, "Hoofdstraat 12"),
        ("Adres: Stadskanaal, Hoofdstraat 12.", Kind.ADDRESS, "Hoofdstraat 12"),
        ("Ze woont op nummer 12 van de Kerkstraat.", Kind.ADDRESS, "nummer 12 van de Kerkstraat"),
        ("Geboren maart 12, 1985 in Assen.", Kind.DATE_OF_BIRTH, "maart 12, 1985"),
        (
            "Mail jan punt de vries apenstaartje gmail punt com.",
            Kind.EMAIL,
            "vries apenstaartje gmail punt com",
        ),
        ("Mail sanne [at] voorbeeld [dot] nl.", Kind.EMAIL, "sanne [at] voorbeeld [dot] nl"),
    ],
)
def test_what_a_member_wrote_and_was_saved_is_found(text: str, kind: Kind, found: str) -> None:
    assert kinds(text) == [(kind, found)]


@pytest.mark.parametrize(
    "text",
    [
        "Een schuld van € 1.250,00 bij de corporatie.",
        "Een schuld van 3400 euro sinds 2019.",
        "Moeder (34) en een zoon van 12, drie kinderen.",
        "Zie artikel 4:84 Awb en art. 7:201 BW.",
        "Op 12 maart was er overleg; in maart 2024 kwam de aanmaning.",
        "We spreken elkaar op 15-01-2027.",  # in the future
        "Per 1 januari 2021 geldt de Wgs.",
        "Verslag van de bijeenkomst van 12 november 2026.",
        "Het Juridisch Loket: 0900-8020.",
        "Vragen? Mail info@voorbeeld.nl.",
        "Alle adressen eindigen op @gemeente-voorbeeld.nl.",
        "Het gaat om mevrouw X. Zij heeft veel schulden.",
    ],
)
def test_amounts_years_counts_articles_and_other_dates_pass(text: str) -> None:
    assert kinds(text) == []


def test_an_iban_is_called_an_iban_not_a_phone_number() -> None:
    assert kinds("Rekening NL91 ABNA 0417 1643 00 van moeder.") == [
        (Kind.IBAN, "NL91 ABNA 0417 1643 00")
    ]


def test_a_complete_date_is_called_a_date_unless_it_is_a_date_of_birth() -> None:
    assert kinds("Op 12 maart 2024 is de woning ontruimd.") == [(Kind.DATE, "12 maart 2024")]
    assert kinds("Geboren op 12 maart 1985.") == [(Kind.DATE_OF_BIRTH, "12 maart 1985")]
    # "geboren" further back in the sentence is about something else.
    assert kinds("Geboren in Marokko, kwam ze op 12 maart 2010 hier.") == [
        (Kind.DATE, "12 maart 2010")
    ]


# ---------------------------------------------------------------------------
# Per kind
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("number", ["111222333", "123456782", "999999990"])
def test_eleven_test_passes(number: str) -> None:
    assert passes_eleven_test(number)


@pytest.mark.parametrize("number", ["123456789", "111222334", "000000000", "12345678", "abcdefghi"])
def test_eleven_test_fails(number: str) -> None:
    assert not passes_eleven_test(number)


@pytest.mark.parametrize(
    "text, found",
    [
        ("Het BSN is 111222333.", "111222333"),
        ("BSN 1112.22.333 staat op de brief", "1112.22.333"),
        ("nummer 111 222 333", "111 222 333"),
        ("(123456782)", "123456782"),
        ("BSN: 123456789", "123456789"),  # after "BSN" even when the eleven-test fails
    ],
)
def test_citizen_service_numbers_are_found(text: str, found: str) -> None:
    assert kinds(text) == [(Kind.BSN, found)]


@pytest.mark.parametrize(
    "text",
    [
        "Het project heeft nummer 123456789.",  # nine digits failing the eleven-test
        "Ordernummer 1234.56.789",
        "1112223330 is tien cijfers",
        "11122233 is acht cijfers",
        "Een budget van € 111.222.333 voor de regio.",  # an amount passing the test
    ],
)
def test_numbers_that_only_look_like_a_bsn_pass(text: str) -> None:
    assert kinds(text) == []


@pytest.mark.parametrize(
    "text, found",
    [
        ("Dossiernummer 123456789 is bekend.", "123456789"),
        ("klantnr: 556677", "556677"),
        ("Zaaknummer van de rechtbank: C/18/123456.", "C/18/123456"),
    ],
)
def test_client_and_file_numbers_are_found(text: str, found: str) -> None:
    assert kinds(text) == [(Kind.REFERENCE, found)]


@pytest.mark.parametrize(
    "iban",
    [
        "NL91ABNA0417164300",
        "NL91 ABNA 0417 1643 00",
        "nl91 abna 0417 1643 00",
        "GB82 WEST 1234 5698 7654 32",
        "BE68539007547034",
        "NL92ABNA0417164300",  # a Dutch IBAN with a typo still points to an account
    ],
)
def test_ibans_are_found(iban: str) -> None:
    assert kinds(f"Het rekeningnummer is {iban} van de moeder.") == [(Kind.IBAN, iban)]


def test_iban_check_digits() -> None:
    assert has_valid_iban_check_digits("NL91 ABNA 0417 1643 00")
    assert not has_valid_iban_check_digits("NL92ABNA0417164300")


@pytest.mark.parametrize("iban", ["GB83 WEST 1234 5698 7654 32", "XY12ABCD12345678"])
def test_foreign_iban_shapes_with_wrong_check_digits_pass(iban: str) -> None:
    assert kinds(f"Code {iban} klopt niet.") == []


@pytest.mark.parametrize(
    "phone",
    [
        "06-12345678",
        "0612345678",
        "06 12 34 56 78",
        "+31 6 12345678",
        "+31612345678",
        "0031 6 1234 5678",
        "+31 (0)50 123 4567",
        "050-1234567",
        "0592 123456",
        "020-123 45 67",
        "(050) 123 45 67",
        "050 / 123 45 67",
        "+32 470 12 34 56",
    ],
)
def test_phone_numbers_are_found(phone: str) -> None:
    assert kinds(f"Bel haar op {phone} na vijf uur.") == [(Kind.PHONE, phone)]


@pytest.mark.parametrize(
    "text",
    [
        "Zij belde 112.",
        "Het budget is 1.250.000 euro.",
        "06-1234",
        "Bel het Juridisch Loket: 0900-8020 of 0800-8115.",
        "Op 01-03-2024 12 gezinnen gesproken.",  # a date and a count
    ],
)
def test_short_numbers_service_numbers_and_dates_are_no_phone_numbers(text: str) -> None:
    assert [kind for kind, _ in kinds(text) if kind == Kind.PHONE] == []


@pytest.mark.parametrize(
    "address",
    [
        "j.de.vries+werk@gemeente-assen.nl",
        "piet @ gmail.com",
        "m.jansen (at) ziggo.nl",
        "kees apenstaartje hotmail punt nl",
        "lisa.visser at gmail dot com",
        "noah.k[at]icloud[.]com",
        "m.devries(a)gmail.com",
    ],
)
def test_email_addresses_are_found_however_written(address: str) -> None:
    assert kinds(f"Mail naar {address} vandaag.") == [(Kind.EMAIL, address)]


def test_the_word_at_is_no_email() -> None:
    assert kinds("Hij at brood. Nu gaat het beter, zei hij at home punt.") == []


@pytest.mark.parametrize(
    "text, kind, found",
    [
        ("Ze woont op 9501 AB 12.", Kind.ADDRESS, "9501 AB 12"),
        ("adres 9501AB 12a", Kind.ADDRESS, "9501AB 12a"),
        ("Hoofdstraat 12, 9501 AB Stadskanaal", Kind.ADDRESS, "Hoofdstraat 12"),
        ("postcode 9401 xk 3", Kind.ADDRESS, "9401 xk 3"),
        ("Ze woont boven de winkel, Hoofdstr. 12-2.", Kind.ADDRESS, "Hoofdstr. 12-2"),
        ("Woont op de Vismarkt 3 in Groningen.", Kind.ADDRESS, "Vismarkt 3"),
        ("Adres: Jensema 27.", Kind.ADDRESS, "Jensema 27"),
        ("Het gezin woont in 9501 AB.", Kind.POSTCODE, "9501 AB"),
    ],
)
def test_addresses_and_full_postcodes_are_found(text: str, kind: Kind, found: str) -> None:
    assert kinds(text) == [(kind, found)]


@pytest.mark.parametrize(
    "text",
    [
        "Het gezin woont in postcodegebied 9501, een wijk met veel huurwoningen.",
        "In 2017 en 12 gemeenten begon het.",  # year, a Dutch word and a number
        "Tussen 2019 en 2021 liep de schuld op.",
        "Ze fietst 1500 km per jaar.",
        "De Hoofdstraat is afgesloten.",
        "Woont in Groningen 12 jaar, daarvoor in Assen.",
        "Ze was 2 uur onderweg 3 keer per week.",
    ],
)
def test_address_near_misses_pass(text: str) -> None:
    assert kinds(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "12-03-1984",
        "12/3/1984",
        "1.3.1990",
        "1984-03-12",
        "12 maart 1984",
        "3 mrt. 2019",
        "12 mrt '84",
        "12-03-'84",
        "1e januari 2001",
        "maart 12 1984",
        "12031984",
    ],
)
def test_dates_of_birth_are_found(text: str) -> None:
    assert kinds(f"Geboren {text} in Assen.") == [(Kind.DATE_OF_BIRTH, text)]


@pytest.mark.parametrize(
    "text",
    [
        "in maart 1984",  # month and year
        "op 12 maart",  # day and month
        "sinds 1984",
        "op 1-1-2090",  # in the future
        "op 31-02-1990",  # no such day
        "op 12-13-1990",  # no such month
        "een kind van 12 jaar",
        "op 12 maart 20 gezinnen",  # a count, not a two-digit year
        "de groepen 3-4-12",
    ],
)
def test_incomplete_or_impossible_dates_pass(text: str) -> None:
    assert kinds(text) == []


@pytest.mark.parametrize(
    "text, found",
    [
        ("Gesprek met mevrouw J. de Vries.", "mevrouw J. de Vries"),
        ("Dhr. Jansen wil geen budgetbeheer.", "Dhr. Jansen"),
        ("De familie Yilmaz heeft vier kinderen.", "familie Yilmaz"),
        ("Bewindvoerder J.P. Visser is akkoord.", "J.P. Visser"),
        ("Sanne (16) spijbelt.", "Sanne (16)"),
        ("Gesprek met mevrouw Bosman.", "mevrouw Bosman"),  # ends like "man", still a name
    ],
)
def test_names_are_found(text: str, found: str) -> None:
    assert kinds(text) == [(Kind.NAME, found)]


@pytest.mark.parametrize(
    "text",
    [
        "Mevrouw X heeft drie kinderen; meneer A. werkt.",
        "Moeder (34) en Pleegzoon (9).",
        "N.B. Dit gesprek was met een tolk.",
        "In Groningen (45) kwamen meer aanvragen dan in Assen (12) en Emmen (8).",
    ],
)
def test_anonymous_people_and_places_pass(text: str) -> None:
    assert kinds(text) == []


def test_licence_plates_are_found() -> None:
    assert kinds("Auto 12-ABC-3, kenteken 1-kgb-23.") == [
        (Kind.LICENCE_PLATE, "12-ABC-3"),
        (Kind.LICENCE_PLATE, "1-kgb-23"),
    ]
    assert kinds("Groep 3-4-5 en 2-ab-3 zonder kenteken.") == []


def test_overlapping_matches_are_reported_once_in_reading_order() -> None:
    text = "Tel 06-12-34-56-78, rekening NL91ABNA0417164300, BSN 111222333."
    assert kinds(text) == [
        (Kind.PHONE, "06-12-34-56-78"),
        (Kind.IBAN, "NL91ABNA0417164300"),
        (Kind.BSN, "111222333"),
    ]


def test_an_anonymised_case_passes() -> None:
    text = (
        "Een alleenstaande moeder van drie kinderen (4, 7 en 12 jaar) heeft sinds 2023 een "
        "huurachterstand van ongeveer 2.400 euro. Ze werkt 24 uur per week. De woningcorporatie "
        "stuurde in maart een brief; het sociaal team kwam pas na vier maanden in beeld."
    )
    assert kinds(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "1 " * 10_000,
        "1." * 10_000,
        "a." * 10_000 + "@",
        "a " * 10_000 + "@",
        "x punt " * 3_000 + "apenstaartje",
        "0" + "-0" * 10_000,
        "A. " * 7_000,
        "Hoofdstraatstraat" * 1_000 + " 12",
        "(" * 10_000 + "06",
        "mevrouw " * 3_000,
    ],
)
def test_long_repetitive_text_is_checked_without_runaway_backtracking(text: str) -> None:
    """Each pattern moves forward through the text: adjacent parts take different
    characters and every repetition is bounded. Should one ever backtrack without
    bound, this test would take hours instead of a moment."""
    assert isinstance(find_personal_data(text, today=TODAY), list)


def test_every_kind_has_its_own_dutch_label_and_advice() -> None:
    with translation.override("nl"):
        labels = {kind.label for kind in Kind}
        advice = {kind.advice for kind in Kind}
        assert Kind.DATE.advice.startswith("Een volledige datum kan iemand herkenbaar maken.")
        assert Kind.PHONE.advice == (
            "Haal het telefoonnummer weg of schrijf \u2018telefoonnummer bekend\u2019."
        )
    assert len(labels) == len(advice) == len(Kind)
