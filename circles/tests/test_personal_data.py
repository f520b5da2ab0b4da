"""The personal-data check that every case and comment passes before it is saved."""

from datetime import date

import pytest

from circles.personal_data import (
    Kind,
    find_personal_data,
    has_valid_iban_check_digits,
    passes_eleven_test,
)

TODAY = date(2026, 11, 26)


def kinds(text: str) -> list[tuple[Kind, str]]:
    return [(f.kind, f.text) for f in find_personal_data(text, today=TODAY)]


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
    ],
)
def test_citizen_service_numbers_are_found(text: str, found: str) -> None:
    assert kinds(text) == [(Kind.BSN, found)]


@pytest.mark.parametrize(
    "text",
    [
        "Dossiernummer 123456789 is bekend.",  # nine digits failing the eleven-test
        "Ordernummer 1234.56.789",
        "1112223330 is tien cijfers",
        "11122233 is acht cijfers",
    ],
)
def test_numbers_that_only_look_like_a_bsn_pass(text: str) -> None:
    assert kinds(text) == []


@pytest.mark.parametrize(
    "iban",
    [
        "NL91ABNA0417164300",
        "NL91 ABNA 0417 1643 00",
        "nl91 abna 0417 1643 00",
        "GB82 WEST 1234 5698 7654 32",
        "BE68539007547034",
    ],
)
def test_ibans_with_valid_check_digits_are_found(iban: str) -> None:
    assert has_valid_iban_check_digits(iban)
    assert kinds(f"Het rekeningnummer is {iban} van de moeder.") == [(Kind.IBAN, iban)]


@pytest.mark.parametrize(
    "iban", ["NL92ABNA0417164300", "NL91 ABNA 0417 1643 01", "NL91ABNA04171643"]
)
def test_ibans_with_wrong_check_digits_pass(iban: str) -> None:
    assert kinds(f"Rekening {iban} klopt niet.") == []


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
        "020 - 123 45 67".replace(" - ", "-"),
    ],
)
def test_dutch_phone_numbers_are_found(phone: str) -> None:
    assert kinds(f"Bel haar op {phone} na vijf uur.") == [(Kind.PHONE, phone)]


@pytest.mark.parametrize("text", ["Zij belde 112.", "Het budget is 1.250.000 euro.", "06-1234"])
def test_short_numbers_are_no_phone_numbers(text: str) -> None:
    assert kinds(text) == []


def test_email_addresses_are_found() -> None:
    assert kinds("Mail naar j.de.vries+werk@gemeente-assen.nl vandaag.") == [
        (Kind.EMAIL, "j.de.vries+werk@gemeente-assen.nl")
    ]


@pytest.mark.parametrize(
    "text, found",
    [
        ("Ze woont op 9501 AB 12.", "9501 AB 12"),
        ("adres 9501AB 12a", "9501AB 12a"),
        ("Hoofdstraat 12, 9501 AB Stadskanaal", "12, 9501 AB"),
        ("postcode 9401 xk 3", "9401 xk 3"),
    ],
)
def test_postcodes_with_house_numbers_are_found(text: str, found: str) -> None:
    assert kinds(text) == [(Kind.ADDRESS, found)]


@pytest.mark.parametrize(
    "text",
    [
        "Het gezin woont in 9501 AB, een wijk met veel huurwoningen.",  # postcode alone
        "In 2017 en 12 gemeenten begon het.",  # year, a Dutch word and a number
        "Tussen 2019 en 2021 liep de schuld op.",
    ],
)
def test_postcode_near_misses_pass(text: str) -> None:
    assert kinds(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "12-03-1984",
        "12/3/84",
        "1.3.1990",
        "1984-03-12",
        "12 maart 1984",
        "3 mrt. 2019",
        "12 mrt '84",
        "1e januari 2001",
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
    ],
)
def test_incomplete_or_impossible_dates_pass(text: str) -> None:
    assert kinds(text) == []


def test_overlapping_matches_are_reported_once_in_reading_order() -> None:
    text = "Tel 06-12-34-56-78, rekening NL91ABNA0417164300, BSN 111222333."
    assert kinds(text) == [
        (Kind.PHONE, "06-12-34-56-78"),
        (Kind.IBAN, "NL91ABNA0417164300"),
        (Kind.BSN, "111222333"),
    ]


def test_positions_point_into_the_text() -> None:
    text = "Het BSN is 111222333."
    [finding] = find_personal_data(text, today=TODAY)
    assert text[finding.start : finding.end] == "111222333"


def test_an_anonymised_case_passes() -> None:
    text = (
        "Een alleenstaande moeder van drie kinderen (4, 7 en 12 jaar) heeft sinds 2023 een "
        "huurachterstand van ongeveer 2.400 euro. Ze werkt 24 uur per week. De woningcorporatie "
        "stuurde in maart een brief; het sociaal team kwam pas na vier maanden in beeld."
    )
    assert kinds(text) == []
