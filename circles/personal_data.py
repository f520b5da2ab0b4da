"""Finds personal data in a text, so a case or comment is saved only when anonymised.

Pure functions, no database. What counts:

- citizen service number (BSN): nine digits, written together or as 1234.56.789 /
  123 456 789, that pass the eleven-test; nine digits that fail it pass;
- IBAN: a country code, two check digits and the account, with or without spaces, whose
  check digits are right (mod 97); a mistyped IBAN passes;
- Dutch phone numbers: ten digits starting with 0 (06-12345678, 050 123 45 67), or +31 /
  0031 followed by nine digits, with spaces, dots, dashes or "(0)" in between;
- e-mail addresses;
- a postcode with a house number: "9501 AB 12", "9501AB 12a" and "Hoofdstraat 12, 9501 AB";
  a postcode alone (a neighbourhood) passes;
- dates that could be a date of birth: any complete date (day, month and year) from 1900
  up to now, as 12-03-1984, 12/3/84, 12.03.1984, 1984-03-12, "12 maart 1984",
  "12 mrt '84". A complete date in a case can point to one person, so we ask for
  "begin 2024" or "een kind van zes" instead. Month and year ("maart 1984"), day and
  month ("12 maart"), a year alone and dates in the future pass.

When matches overlap, the first kind in the order above wins (a phone number is not
also reported as a date).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import Enum

from django.utils.translation import gettext_lazy as _


class Kind(Enum):
    EMAIL = "email"
    IBAN = "iban"
    PHONE = "phone"
    BSN = "bsn"
    ADDRESS = "address"
    DATE_OF_BIRTH = "date_of_birth"

    @property
    def label(self) -> str:
        return str(KIND_LABELS[self])


KIND_LABELS = {
    Kind.EMAIL: _("an e-mail address"),
    Kind.IBAN: _("a bank account number (IBAN)"),
    Kind.PHONE: _("a phone number"),
    Kind.BSN: _("a citizen service number (BSN)"),
    Kind.ADDRESS: _("a postcode with house number"),
    Kind.DATE_OF_BIRTH: _("a date of birth"),
}


@dataclass(frozen=True)
class Finding:
    kind: Kind
    start: int
    end: int
    text: str

    def overlaps(self, other: Finding) -> bool:
        return self.start < other.end and other.start < self.end


EMAIL = re.compile(r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", re.IGNORECASE)
IBAN = re.compile(r"\b[a-z]{2}\d{2}(?: ?[a-z0-9]{4}){2,7}(?: ?[a-z0-9]{1,3})?\b", re.IGNORECASE)
SEPARATOR = r"[ .-]?"
PHONE = re.compile(
    r"(?<![\w+])(?:\+31|0031|0)[ .-]?(?:\(0\)[ .-]?)?\d(?:" + SEPARATOR + r"\d){8}(?!\d)"
)
BSN = re.compile(r"(?<![\d.])(?:\d{9}|\d{4}([ .])\d{2}\1\d{3}|\d{3}([ .])\d{3}\2\d{3})(?![\d])")
POSTCODE = r"[1-9]\d{3} ?(?P<letters>[a-z]{2})"
ADDRESS = re.compile(
    r"\b(?:" + POSTCODE + r",? +\d{1,5}(?:[ -]?[a-z]\b)?"
    r"|\d{1,5}[a-z]?, +" + POSTCODE.replace("letters", "letters2") + r")\b",
    re.IGNORECASE,
)
# Postcode letters are written in capitals; in lower case these are ordinary words
# ("in 2017 en 12 gezinnen"), not a postcode.
COMMON_WORDS = {"al", "de", "en", "er", "in", "is", "je", "na", "nu", "of", "om", "op", "te"}
NUMERIC_DATE = re.compile(
    r"(?<![\d.-])(?:(?P<d>\d{1,2})([-/.])(?P<m>\d{1,2})\2(?P<y>\d{4}|\d{2})"
    r"|(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2}))(?![\d])"
)
MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "maart": 3, "mrt": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
    "augustus": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10,
    "okt": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WRITTEN_DATE = re.compile(
    r"\b(?P<d>\d{1,2})(?:e)? +(?P<month>"
    + "|".join(sorted(MONTHS, key=len, reverse=True))
    + r")\.? +(?P<y>\d{4}|'\d{2})(?!\d)",
    re.IGNORECASE,
)


def passes_eleven_test(digits: str) -> bool:
    """The BSN eleven-test: 9·d1 + 8·d2 + … + 2·d8 - 1·d9 is a multiple of 11."""
    if len(digits) != 9 or not digits.isdigit() or int(digits) == 0:
        return False
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    return sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11 == 0


def has_valid_iban_check_digits(text: str) -> bool:
    iban = re.sub(r"\s", "", text).upper()
    if not 15 <= len(iban) <= 34:
        return False
    rearranged = iban[4:] + iban[:4]
    return int("".join(str(int(char, 36)) for char in rearranged)) % 97 == 1


def _is_real_date(day: int, month: int, year: int, today: date) -> bool:
    try:
        found = date(year, month, day)
    except ValueError:
        return False
    return date(1900, 1, 1) <= found <= today


def _full_year(year: str, today: date) -> int:
    """'84 and 84 mean 1984; 05 means 2005 (a two-digit year is never in the future)."""
    digits = year.lstrip("'")
    if len(digits) == 4:
        return int(digits)
    century = 2000 if 2000 + int(digits) <= today.year else 1900
    return century + int(digits)


def _candidates(text: str, today: date) -> list[Finding]:
    found: list[Finding] = []

    def add(kind: Kind, match: re.Match[str]) -> None:
        found.append(Finding(kind, match.start(), match.end(), match.group(0)))

    for match in EMAIL.finditer(text):
        add(Kind.EMAIL, match)
    # Text shaped like an IBAN is an account number, valid or mistyped: its digits are
    # not also read as a phone number or BSN.
    iban_shaped: list[Finding] = []
    for match in IBAN.finditer(text):
        candidate = match.group(0)
        # The optional last group may have taken the next short word ("… 7034 van").
        for option in (candidate, candidate.rsplit(" ", 1)[0]):
            if has_valid_iban_check_digits(option):
                found.append(Finding(Kind.IBAN, match.start(), match.start() + len(option), option))
                break
        iban_shaped.append(Finding(Kind.IBAN, match.start(), match.end(), candidate))

    def outside_ibans(match: re.Match[str]) -> bool:
        span = Finding(Kind.IBAN, match.start(), match.end(), "")
        return not any(span.overlaps(iban) for iban in iban_shaped)

    for match in PHONE.finditer(text):
        if outside_ibans(match):
            add(Kind.PHONE, match)
    for match in BSN.finditer(text):
        if outside_ibans(match) and passes_eleven_test(re.sub(r"\D", "", match.group(0))):
            add(Kind.BSN, match)
    for match in ADDRESS.finditer(text):
        letters = match.group("letters") or match.group("letters2")
        if letters.isupper() or letters.lower() not in COMMON_WORDS:
            add(Kind.ADDRESS, match)
    for match in NUMERIC_DATE.finditer(text):
        if match.group("y"):
            day, month = int(match.group("d")), int(match.group("m"))
            year = _full_year(match.group("y"), today)
        else:
            day, month, year = int(match.group("id")), int(match.group("im")), int(match["iy"])
        if _is_real_date(day, month, year, today):
            add(Kind.DATE_OF_BIRTH, match)
    for match in WRITTEN_DATE.finditer(text):
        month = MONTHS[match.group("month").lower()]
        year = _full_year(match.group("y"), today)
        if _is_real_date(int(match.group("d")), month, year, today):
            add(Kind.DATE_OF_BIRTH, match)
    return found


def find_personal_data(text: str, *, today: date | None = None) -> list[Finding]:
    """Every piece of personal data in the text, in reading order."""
    kept: list[Finding] = []
    for finding in _candidates(text or "", today or date.today()):
        if not any(finding.overlaps(other) for other in kept):
            kept.append(finding)
    return sorted(kept, key=lambda finding: finding.start)
