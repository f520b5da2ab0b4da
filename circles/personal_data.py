"""Finds personal data in a text, so a case, comment or agreement is saved only when
anonymised.

Pure functions, no database. The text is first normalised (see `normalise`): the same
number typed with a non-breaking space, a soft hyphen, an en dash, a full-width digit or a
zero-width space reads the same as with a plain space and dash. Then each kind below is
looked for; positions always point into the text as typed.

What is refused, and what passes on purpose:

- e-mail address: plain, with spaces around the @, or written out to fool a filter
  ("jan (at) voorbeeld punt nl", "jan apenstaartje gmail punt com"). A mailbox of an
  organisation's desk (info@, helpdesk@, wijkteam@ …) passes.
- bank account: a Dutch IBAN, also with a wrong check digit (a typo still points to one
  account); a foreign IBAN whose check digits are right; digits after "rekeningnummer".
- citizen service number (BSN): nine digits in any grouping (1234.56.782, 123-456-782,
  12 34 56 782) that pass the eleven-test, not an amount in euros; eight or nine digits
  right after "BSN" or "sofinummer", valid or not.
- client, file or document number: a number of four digits or more after a word such as
  "klantnummer", "dossiernr.", "zaaknummer", "betalingskenmerk", "paspoortnummer".
- phone number: ten digits from 0 (06-12345678, (050) 123 45 67, 050/1234567), +31 or
  0031 with nine digits ("+31 (0)6 …"), and foreign numbers from + or 00. Service
  numbers of organisations (0800, 0900) pass.
- licence plate: three groups of letters and digits with dashes (12-ABC-3).
- address: a street with a house number in any order ("Hoofdstraat 12a", "Hoofdstr.
  12-2", "woont op de Vismarkt 3", "nummer 12 van de Kerkstraat"), a postcode with a
  house number, and a full postcode alone (9712 AB points to a few houses). A street
  without a number and the four digits of a postcode (a neighbourhood) pass.
- date of birth: a complete date near "geboren", "geb." or "geboortedatum", written
  in any order (12-03-1985, 1985-03-12, 12 maart 1985, maart 12 1985, 3 mei '85).
- complete date: any other day, month and year from 1900 up to today, because a
  complete date can make someone recognisable. Passes: dates in the future (plans,
  deadlines), month and year, day and month, a year alone, the first of a month (when a
  law, rule or contract starts), the date of a court ruling or of a meeting.
- name: a surname after a form of address or a role ("mevrouw De Vries", "dhr. Jansen",
  "de familie Yilmaz", "moeder Fatima"), initials with a surname ("J.P. Jansen",
  "J. de Vries") and a first name with an age ("Sanne (16)"). A single letter ("mevrouw
  X", "meneer A.") and a role with an age ("moeder (34)") are anonymous and pass. First
  names on their own cannot be told from ordinary words and pass.

When matches overlap, the first kind in the order above wins (a phone number is not
also reported as a date), except that nine digits without "BSN" before them come after
phone numbers. Every pattern does a bounded amount of work at each position: adjacent
parts take different characters and every repetition is bounded, so no text makes a
pattern backtrack without end (`benchmarks/personal_data.py` measures long texts).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from enum import Enum
from functools import cache

from django.utils.translation import gettext_lazy as _


class Kind(Enum):
    EMAIL = "email"
    IBAN = "iban"
    BSN = "bsn"
    REFERENCE = "reference"
    PHONE = "phone"
    LICENCE_PLATE = "licence_plate"
    ADDRESS = "address"
    POSTCODE = "postcode"
    DATE_OF_BIRTH = "date_of_birth"
    DATE = "date"
    NAME = "name"

    @property
    def label(self) -> str:
        return str(KIND_LABELS[self])

    @property
    def advice(self) -> str:
        """What to write instead, in a sentence."""
        return str(KIND_ADVICE[self])


KIND_LABELS = {
    Kind.EMAIL: _("an e-mail address"),
    Kind.IBAN: _("a bank account number (IBAN)"),
    Kind.BSN: _("a citizen service number (BSN)"),
    Kind.REFERENCE: _("a client, file or document number"),
    Kind.PHONE: _("a phone number"),
    Kind.LICENCE_PLATE: _("a licence plate"),
    Kind.ADDRESS: _("an address"),
    Kind.POSTCODE: _("a full postcode"),
    Kind.DATE_OF_BIRTH: _("a date of birth"),
    Kind.DATE: _("a complete date"),
    Kind.NAME: _("a name"),
}

KIND_ADVICE = {
    Kind.EMAIL: _("Remove the e-mail address or write “e-mail address known”."),
    Kind.IBAN: _("Remove the account number or write “account number known”."),
    Kind.BSN: _("Remove the citizen service number: the circle does not need it."),
    Kind.REFERENCE: _("Remove the number: the circle does not need it."),
    Kind.PHONE: _("Remove the phone number or write “phone number known”."),
    Kind.LICENCE_PLATE: _("Remove the licence plate or write “a car”."),
    Kind.ADDRESS: _("Remove the street and house number; name the neighbourhood or town."),
    Kind.POSTCODE: _("Write only the four digits or the neighbourhood."),
    Kind.DATE_OF_BIRTH: _("Write the age instead, such as “mother (34)”."),
    Kind.DATE: _(
        "A complete date can make someone recognisable. "
        "Write only the month and year, such as “March 2024”."
    ),
    Kind.NAME: _("Write a role instead of the name, such as “the mother” or “Mr A.”."),
}


@dataclass(frozen=True)
class Finding:
    kind: Kind
    start: int
    end: int
    text: str

    def overlaps(self, other: Finding) -> bool:
        return self.start < other.end and other.start < self.end


# ---------------------------------------------------------------------------
# Normalisation
# ---------------------------------------------------------------------------

# Characters that compatibility decomposition leaves alone but people type for the same
# thing. Dashes, minus signs and hyphens all separate digits like "-".
SAME_AS = {
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\ufe58\ufe63", "-"),
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u00b4\u0060\u02bc", "'"),
    **dict.fromkeys("\u2215\u2044\u29f8", "/"),
    **dict.fromkeys("\n\r\x0b\x0c\x85\u2028\u2029", "\n"),
}


@cache
def _normal_char(char: str) -> str:
    """What one character reads as: "" for an invisible one, " " for every space."""
    if char in SAME_AS:
        return SAME_AS[char]
    if char.isascii():
        if char.isspace():
            return " "
        return char if char.isprintable() else ""
    if char.isspace():
        return " "
    if unicodedata.category(char) in {"Cf", "Cc", "Co", "Cn"}:
        return ""  # zero-width spaces and joiners, soft hyphen, byte order mark …
    if unicodedata.category(char) == "Pd":
        return "-"
    digit = unicodedata.decimal(char, None)
    if digit is not None:
        return str(digit)  # digits of any script
    # Compatibility decomposition turns full-width and styled letters, ligatures and
    # superscripts into plain ones; dropping the combining marks reads "cliënt" as
    # "client".
    plain = "".join(
        part for part in unicodedata.normalize("NFKD", char) if not unicodedata.combining(part)
    )
    return "".join(_normal_char(part) if part != char else part for part in plain)


@dataclass(frozen=True)
class Normalised:
    text: str
    # origin[i] is the index in the original text of normalised character i.
    origin: list[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.origin[start], self.origin[end - 1] + 1


# Printable ASCII words with single spaces between them stay as they are.
PLAIN_RUN = re.compile(r"(?P<plain>[!-~]+(?: [!-~]+)*)|.", re.S)


def normalise(text: str) -> Normalised:
    """The text with every kind of space as one space, line breaks as one newline,
    invisible characters removed, every dash as "-", accents and styled characters plain."""
    chars: list[str] = []
    origin: list[int] = []
    for run in PLAIN_RUN.finditer(text):
        if run.lastgroup == "plain":
            chars.append(run.group(0))
            origin.extend(range(run.start(), run.end()))
            continue
        for plain in _normal_char(run.group(0)):
            last = chars[-1][-1] if chars else ""
            if plain in " \n" and last in (plain, "\n"):
                continue
            if plain == "\n" and last == " ":
                chars[-1] = chars[-1][:-1] + "\n"
                continue
            chars.append(plain)
            origin.append(run.start())
    return Normalised("".join(chars), origin)


# ---------------------------------------------------------------------------
# Patterns, on normalised text
# ---------------------------------------------------------------------------

# E-mail. "@" may be written as (at), [at], "apenstaartje"; "." as (punt), [dot], " punt ".
EMAIL = re.compile(
    r"(?<![\w%+.-])[\w%+-]+(?:\.[\w%+-]+)* ?@{1,2} ?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b", re.I
)
_AT_WORD = r"(?:at|apenstaartje|apestaartje|apenstaart)"
_DOT_WORD = r"(?:punt|dot)"
_AT = rf"(?: ?@ ?| ?[\[({{<] ?(?:{_AT_WORD}|@|a) ?[\])}}>] ?| {_AT_WORD} )"
_DOT = rf"(?: ?[\[({{<] ?(?:{_DOT_WORD}|\.) ?[\])}}>] ?| {_DOT_WORD} | \. |\.)"
AT_SIGNS = ("@", " at ", "apenstaart", "apestaart", "at)", "at]", "at}", "at>", "(a)")
# Written out, the top-level domain must be a common one, so "hij at brood. Nu" passes.
WRITTEN_EMAIL = re.compile(
    rf"(?<![\w%+.-])[\w%+-]+(?:{_DOT}[\w%+-]+){{0,5}}{_AT}[\w-]+(?:{_DOT}[\w-]+){{0,3}}"
    rf"{_DOT}(?:nl|com|be|org|net|eu|info|io)(?![\w-])",
    re.I,
)
# Mailboxes of a desk, not of a person.
DESK_MAILBOXES = {
    "info", "contact", "secretariaat", "helpdesk", "servicedesk", "klantenservice",
    "noreply", "no-reply", "receptie", "administratie", "schuldhulp", "wijkteam",
    "sociaalteam", "loket", "leerkring", "aanmelden", "post", "postbus",
}  # fmt: skip
WORDS_BEFORE_DOMAIN = {
    "op", "zijn", "is", "met", "via", "naar", "aan", "van", "en", "of", "eindigt",
    "eindigen", "are", "at", "with", "the", "end", "ends",
}  # fmt: skip

IBAN = re.compile(
    r"(?<![\w])[a-z]{2}[0-9]{2}(?:[ -]?[a-z0-9]{4}){2,7}(?:[ -]?[a-z0-9]{1,3})?\b", re.I
)
# Ten digits, or one too few or too many when mistyped.
DUTCH_IBAN = re.compile(r"NL[0-9]{2}[A-Z]{4}[0-9]{9,11}")
ACCOUNT_AFTER_LABEL = re.compile(
    r"\b(?:bank)?(?:rekening|rek\.?) ?(?:nummer|nr\.?)?(?: is| was)?:? ?"
    r"(?P<number>[0-9](?:[ .]?[0-9]){6,9})(?![0-9])",
    re.I,
)

BSN_AFTER_LABEL = re.compile(
    r"\b(?:bsn|burger ?service ?nummer|sofi-?(?:nummer|nr\.?))(?:-?(?:nummer|nr\.?))?"
    r"[^0-9\n]{0,25}?(?P<number>(?<![0-9])[0-9](?:[ .-]?[0-9]){7,8})(?![0-9])",
    re.I,
)
# Groups of digits with one separator between them; a BSN is a stretch of them.
DIGIT_GROUPS = re.compile(
    r"(?<![\w])(?<![0-9][.,/-])[0-9]+(?:[ .-][0-9]+){0,5}(?![\w])(?![.,/-][0-9])"
)
MONEY_BEFORE = re.compile(r"(?:€|eur|euro) ?$", re.I)
MONEY_AFTER = re.compile(r"^(?:,-|,[0-9]{2}| ?(?:euro|eur)\b)", re.I)

REFERENCE = re.compile(
    r"\b(?:(?:klant|client|dossier|debiteur(?:en)?|huurder|relatie|zaak|contract|polis|"
    r"registratie|lid|personeels|factuur|beschikkings|aanslag|rol|student|leerling|"
    r"onderwijs|verzekerden|vreemdelingen|v|id|cjib|paspoort|document|rijbewijs|"
    r"id-kaart|kaart|pas)[ -]?(?:nummer|nr\.?)|(?:betalings)?kenmerk)"
    r"(?: (?:van|bij) (?:de |het )?[a-z]+)?(?: is| was)?:? ?(?:#|nr\.? ?)?"
    r"(?P<number>[a-z0-9](?:[./-]?[a-z0-9]){2,24})(?![\w])",
    re.I,
)

# A run of digits with spaces, dots, dashes, slashes or brackets in between; which part
# is a phone number is decided in `_phone_length`.
PHONE_CANDIDATE = re.compile(
    r"(?<![\w+])(?<![0-9][.,/-])(?:\(?\+|\(?(?=0))[0-9](?:[ ./()-]{0,3}[0-9]){7,15}"
)
SERVICE_NUMBERS = ("0800", "0900", "0906", "0909")
DATE_AT_START = re.compile(r"[0-9]{1,2}([-/. ]{1,3})[0-9]{1,2}\1(?:19|20)[0-9]{2}(?![0-9])")

LICENCE_PLATE = re.compile(
    r"(?<![\w-])(?:[a-z]{1,3}|[0-9]{1,3})-(?:[a-z]{1,3}|[0-9]{1,3})-(?:[a-z]{1,3}|[0-9]{1,3})(?![\w-])",
    re.I,
)
PLATE_CONTEXT = re.compile(r"kenteken[a-z]*:? ?$", re.I)

# Addresses. A house number: 12, 12a, 12 A, 12-2, 12-II, 12bis, not a year or a count.
_HOUSE_NUMBER = (
    r"(?:nr\.? ?|nummer )?(?!(?:19|20)[0-9]{2}(?![0-9]))[1-9][0-9]{0,3}"
    r"(?:-?[a-z]{1,2}(?![\w])|-[0-9]{1,3}(?![\w])|-(?:I{1,3}|IV)(?![\w])| [A-Z](?![\w]))?"
    r"(?![0-9]|[.,:][0-9]| ?%| (?:jaar|jr|maanden|maand|weken|week|dagen|dag|uur|keer|"
    r"procent|euro|gezinnen|kinderen|huishoudens|mensen|personen|woningen|clienten|"
    r"deelnemers|leden|km|meter|m2|minuten|aanvragen|aanmeldingen|schulden|schuldeisers)\b)"
)
_STREET_SUFFIX = (
    r"straat|str\.?|laan|weg|plein|singel|gracht|kade|dijk|dreef|steeg|hof|markt|pad|park|"
    r"plantsoen|boulevard|allee|baan|wal|haven|veld|erf|akker|kamp|brink|zijde|diep|hoeve|"
    r"oord|tuin|horst|poort|dam|heerd|(?<![aeiou])ring"
)
_STREET = (
    rf"(?:[A-Z][a-z]*(?:-[A-Za-z][a-z]*)?(?:{_STREET_SUFFIX})"
    r"|[a-z]{2,}(?:straat|str\.?|laan|plein|gracht|kade|singel|dreef|steeg))"
)
STREET_ADDRESS = re.compile(rf"(?<![\w])(?P<street>{_STREET}) {_HOUSE_NUMBER}")
# "nummer 12 van de Kerkstraat"
NUMBER_BEFORE_STREET = re.compile(
    rf"\b(?:huis)?(?:nummer|nr\.?) [1-9][0-9]{{0,3}}[a-z]? (?:van|in|aan|op) (?:de |het )?"
    rf"(?P<street>{_STREET})\b"
)
# A street without a known ending, right after "woont op", "adres:", "verhuisd naar" …
AFTER_RESIDENCE = re.compile(
    r"\b(?i:woont|wonen|woonde|woonachtig|verhuisd|verhuist|verhuizen|adres|ingeschreven|"
    r"wonend)\b[^.\n]{0,20}?\b(?:op|aan|in|naar|:) (?:de |het |'t )?"
    rf"(?P<address>(?P<street>(?:[A-Z][\w'-]* ){{1,3}}){_HOUSE_NUMBER})"
)
# Words ending like a street that are no street.
NOT_STREETS = {
    "onderweg", "halverwege", "leerpad", "zorgpad", "groeipad", "ontwikkelpad",
    "gerechtshof", "loopbaan", "werkveld", "speelveld", "arbeidsmarkt", "woningmarkt",
    "amsterdam", "rotterdam", "schiedam", "zaandam", "edam", "volendam", "veendam",
    "appingedam", "leerdam", "monnickendam",
}  # fmt: skip

POSTCODE = re.compile(
    r"(?<![\w])(?P<digits>[1-9][0-9]{3})(?P<space> ?)(?P<letters>[a-z]{2})(?![\w])", re.I
)
POSTCODE_NUMBER_AFTER = re.compile(
    r"^,? (?:huisnummer |nummer |nr\.? ?)?[1-9][0-9]{0,3}(?:-?[a-z]{1,2})?(?![\w])", re.I
)
POSTCODE_NUMBER_BEFORE = re.compile(r"(?<![\w])[1-9][0-9]{0,3}(?:-?[a-z]{1,2})?,? $", re.I)
POSTCODE_LABEL = re.compile(r"postcode(?:gebied)?:? ?$", re.I)
LAW_BEFORE = re.compile(r"\b(?:art|artikel|artikelen|lid)\.? ?$", re.I)
PLACE_AFTER = re.compile(r"^ [A-Z][a-z]")
UNUSED_POSTCODE_LETTERS = {"SA", "SD", "SS"}
# Abbreviations written after a number, a postcode only with a place or "postcode".
NOT_POSTCODE_LETTERS = {
    "EU", "NL", "KM", "KG", "MB", "GB", "PC", "TV", "AM", "PM", "BW",
    "SR", "RV", "CM", "MM", "ML", "MG", "KB", "KW", "PK", "HA", "NR",
}  # fmt: skip
# Lower-case pairs after a number are ordinary words or units, not a postcode.
COMMON_PAIRS = {
    "al", "de", "en", "er", "in", "is", "je", "na", "nu", "of", "om", "op", "te", "ik",
    "ze", "we", "zo", "ja", "ok", "oh", "uw", "ga", "pa", "ma", "di", "wo", "do", "vr",
    "za", "km", "kg", "mg", "ml", "cm", "mm", "mb", "gb", "kb", "kw", "pk", "ha", "bv",
    "nv", "nr", "ct", "pp", "eu", "vs", "tv", "pc", "ca", "cq", "ad", "dd", "ev", "jl",
    "tm", "mr", "dr", "st", "hr", "mw", "am", "pm", "zg", "mn", "bn", "aa", "ex", "ie",
    "eg", "to", "at", "an", "or", "it", "me", "id",
}  # fmt: skip

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "febr": 2, "feb": 2, "maart": 3, "mrt": 3,
    "mar": 3, "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
    "augustus": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "oktober": 10,
    "okt": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_ORDINAL = r"(?:e|ste|de)?"
NUMERIC_DATE = re.compile(
    r"(?<![\w.,/:-])(?:"
    r"(?P<d>[0-9]{1,2}) ?(?P<sep>[-/.]) ?(?P<m>[0-9]{1,2}) ?(?P=sep) ?(?P<y>[0-9]{4}|'?[0-9]{2})"
    r"|(?P<iy>(?:19|20)[0-9]{2})-(?P<im>[0-9]{1,2})-(?P<id>[0-9]{1,2})"
    r"|(?P<sd>[0-9]{2}) (?P<sm>[0-9]{2}) (?P<sy>(?:19|20)[0-9]{2}))"
    r"(?![0-9]|[-/.][0-9])"
)
WRITTEN_DATE = re.compile(
    rf"\b(?:(?P<d>[0-9]{{1,2}}){_ORDINAL}[ -]?(?P<month>{_MONTH})\.?[ -]?,? ?"
    r"(?P<y>[0-9]{4}|'[0-9]{2}|[0-9]{2})"
    rf"|(?P<month2>{_MONTH})\.? (?P<d2>[0-9]{{1,2}}){_ORDINAL},? (?P<y2>[0-9]{{4}}|'[0-9]{{2}}))"
    r"(?![0-9])",
    re.I,
)
GLUED_DATE = re.compile(
    r"(?<![0-9])(?P<d>[0-3][0-9])(?P<m>[01][0-9])(?P<y>(?:19|20)[0-9]{2})(?![0-9])"
)
# A date right after "geboren" or right before it; a date further away in the sentence
# ("geboren in Marokko en kwam op 12-3-2010 hier") is about something else.
BIRTH_BEFORE = re.compile(
    r"\b(?:geb\.|geboren|geboorte ?datum|geb\.? ?datum|gebdat|geb\.? ?d\.|geboortedag|"
    r"d\.?o\.?b\.?|verjaardag|jarig)[^\n.,;]{0,14}$",
    re.I,
)
BIRTH_AFTER = re.compile(r"^[^\n.,;]{0,12}\bgeboren\b", re.I)
# The date of a meeting of the circle, in an agenda or minutes.
MEETING_BEFORE = re.compile(
    r"\b(?:bijeenkomst|vergadering|overleg|leerkring|sessie|verslag|notulen|training|"
    r"intervisie)\b[^\n.]{0,20}$",
    re.I,
)
COURT_RULING = re.compile(
    r"\b(?:hr|crvb|abrvs|rvs|hoge raad|centrale raad van beroep|raad van state|ecli|arrest|"
    r"uitspraak van de (?:hoge|centrale))\b[^\n.]{0,30}$",
    re.I,
)

_TUSSENVOEGSEL = (
    r"(?:[Vv]an|[Dd]e|[Dd]er|[Dd]en|[Hh]et|[Tt]er|[Tt]en|[Tt]e|'t|[Ii]n 't|[Ee]l|[Aa]l|[Oo]p)"
)
_SURNAME = rf"(?:{_TUSSENVOEGSEL} ){{0,3}}[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
NAME_AFTER_TITLE = re.compile(
    r"(?<![\w])(?P<title>[Dd]hr\.?|[Dd]e heer|[Hh]r\.|[Mm]evrouw|[Mm]evr\.?|[Mm]w\.?|[Mm]vr\.?|"
    r"[Mm]eneer|[Mm]ijnheer|[Mm]r\.|[Ff]amilie|[Ff]am\.|[Jj]uf|[Jj]uffrouw|[Mm]eester|"
    r"(?P<role>[Gg]ezin|[Ee]chtpaar|[Ww]eduwe|[Cc]liente?|[Kk]lant|[Hh]uurder|[Bb]ewoner|"
    r"[Mm]oeder|[Vv]ader|[Zz]oon|[Dd]ochter|[Oo]ma|[Oo]pa|[Bb]roer|[Zz]us|[Pp]artner|"
    r"[Ee]chtgeno(?:ot|te)|[Vv]riend(?:in)?))"
    rf" (?:[A-Z]\. ?){{0,4}}(?P<name>{_SURNAME})(?![\w])"
)
# Mid-sentence, a capital role word starts the name of a programme or organisation
# ("de methode Gezin Centraal", "het Klant Contact Centrum").
SENTENCE_START = re.compile(r"(?:^|[.!?:;(\n-]) ?$")
# "J.P. Jansen", "J. de Vries"; one initial before a capital word may be "mevrouw X. Zij".
INITIALS_AND_SURNAME = re.compile(
    rf"(?<![\w.])(?P<initials>(?:[A-Z]\. ?){{2,4}}|[A-Z]\. (?={_TUSSENVOEGSEL} ))"
    rf"(?P<name>{_SURNAME})\b"
)
# A capital word after "mevrouw X." starts a new sentence; it is no surname.
SENTENCE_STARTERS = {
    "Zij", "Hij", "Ze", "Het", "De", "Een", "Er", "Dit", "Dat", "Die", "Daar", "Toen",
    "Ook", "Wij", "We", "Ik", "Haar", "Zijn", "Na", "In", "Op", "Bij", "Maar", "En",
    "Omdat", "Want", "Sinds", "Nu", "Door", "Voor", "Met", "Als", "Wat", "Hoe", "Waar",
    "Wie", "Volgens", "Tijdens", "Daarna", "Verder", "Vervolgens", "Inmiddels",
    "Uiteindelijk", "Eerst", "Later", "Samen", "Dan", "Deze", "Hun", "Geen", "Alle",
    "Soms", "Vaak", "Nog", "Wel", "Niet", "Om", "Tot", "Zo", "Bovendien", "Daarom",
    "Hierdoor", "Helaas", "Gelukkig", "Ondanks", "Vanwege", "Zonder", "Over", "Tussen",
    "Mevrouw", "Meneer", "Moeder", "Vader", "Heeft", "Is", "Was", "Wil", "Kan", "Moet",
}  # fmt: skip
NOT_INITIALS = {"NB", "PS", "VS", "AUB", "OK", "TAV", "IVM", "ED", "MBT", "ZSM", "DWZ", "BV", "NV"}
FIRST_NAME_AND_AGE = re.compile(
    r"(?<![\w])(?P<name>[A-Z][a-z]{2,}) \([0-9]{1,2}(?: ?(?:jaar|jr\.?|j\.))?\)"
)
# Words that name a role, not a person ("Moeder (34)", "Pleegzoon (9)").
ROLE_ENDINGS = (
    "moeder", "vader", "zoon", "zoontje", "dochter", "dochtertje", "kind", "oma", "opa",
    "broer", "broertje", "zus", "zusje", "client", "cliente", "man", "vrouw", "meneer",
    "mevrouw", "jongere", "jongen", "meisje", "baby", "puber", "partner", "huurder",
    "bewoner", "tiener", "peuter", "kleuter", "tweeling", "oudste", "jongste",
    "middelste", "echtgenoot", "echtgenote", "vriend", "vriendin", "aanvrager",
    "deelnemer", "student", "leerling", "scholier", "weduwe", "weduwnaar", "ouder",
    "alleenstaande", "klant", "gezin", "dame", "heer", "schuldenaar", "verzoeker",
)  # fmt: skip
LONG_ROLE_ENDINGS = tuple(role for role in ROLE_ENDINGS if len(role) > 3)
LIST_JOIN = re.compile(r",? (?:en |of )?")
# "in Groningen (45)", "team Noord (12)": a place or a group with a count.
PLACE_BEFORE = re.compile(
    r"\b(?:in|uit|te|naar|regio|gemeente|wijk|provincie|team|teams|locatie|afdeling) $", re.I
)


# ---------------------------------------------------------------------------
# Checks
# ---------------------------------------------------------------------------


def passes_eleven_test(digits: str) -> bool:
    """The BSN eleven-test: 9·d1 + 8·d2 + … + 2·d8 - 1·d9 is a multiple of 11."""
    if len(digits) != 9 or not digits.isdigit() or int(digits) == 0:
        return False
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    return sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11 == 0


def has_valid_iban_check_digits(text: str) -> bool:
    iban = re.sub(r"[\s-]", "", text).upper()
    if not 15 <= len(iban) <= 34 or not iban.isalnum() or not iban.isascii():
        return False
    rearranged = iban[4:] + iban[:4]
    return int("".join(str(int(char, 36)) for char in rearranged)) % 97 == 1


def _is_iban(text: str) -> bool:
    compact = re.sub(r"[\s-]", "", text).upper()
    return bool(DUTCH_IBAN.fullmatch(compact)) or has_valid_iban_check_digits(compact)


def _phone_length(candidate: str) -> int | None:
    """How many characters at the start of the candidate are a phone number, if any.
    A number ends where a group of digits ends, never inside one."""
    if DATE_AT_START.match(candidate):
        return None  # "01-03-2024 12 …" is a date and a count
    international = candidate.lstrip("(").startswith("+")
    digits = ""
    found = None
    for index, char in enumerate(candidate):
        if not char.isdigit():
            continue
        digits += char
        if index + 1 < len(candidate) and candidate[index + 1].isdigit():
            continue
        if international or digits.startswith("00"):
            rest = digits if international else digits[2:]
            if rest.startswith("31"):
                national = rest[2:].removeprefix("0")
                if len(national) == 9 and national[0] != "0":
                    return index + 1
            elif 10 <= len(rest) <= 13:
                found = index + 1  # a foreign number: take the longest that fits
        elif (
            len(digits) == 10
            and digits[0] == "0"
            and digits[1] != "0"
            and not digits.startswith(SERVICE_NUMBERS)
        ):
            return index + 1
        if len(digits) > 15:
            break
    return found


def _plate_shape(text: str) -> bool:
    groups = text.split("-")
    lengths = sorted(len(group) for group in groups)
    kinds = {group.isdigit() for group in groups}
    return lengths in ([2, 2, 2], [1, 2, 3]) and kinds == {True, False}


def _full_year(year: str, today: date) -> int:
    """'84 and 84 mean 1984; 05 means 2005 (a two-digit year is never in the future)."""
    digits = year.lstrip("'")
    if len(digits) == 4:
        return int(digits)
    century = 2000 if 2000 + int(digits) <= today.year else 1900
    return century + int(digits)


def _date(day: int, month: int, year: int, today: date) -> date | None:
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    return found if date(1900, 1, 1) <= found <= today else None


def _is_role(word: str) -> bool:
    """ "Moeder" and "Pleegzoon" are roles; "Herman" and "Bosman" are names, so short
    role words count only whole."""
    word = word.lower()
    return word in ROLE_ENDINGS or word.endswith(LONG_ROLE_ENDINGS)


# ---------------------------------------------------------------------------
# Finding
# ---------------------------------------------------------------------------


@dataclass
class _Search:
    """The candidates in one normalised text, in the order of priority."""

    text: str
    today: date
    found: list[tuple[Kind, int, int]]

    def add(self, kind: Kind, start: int, end: int) -> None:
        self.found.append((kind, start, end))

    def before(self, index: int, length: int = 40) -> str:
        return self.text[max(index - length, 0) : index]

    def after(self, index: int, length: int = 40) -> str:
        return self.text[index : index + length]

    def overlaps_any(self, start: int, end: int, spans: list[tuple[int, int]]) -> bool:
        return any(start < other_end and other_start < end for other_start, other_end in spans)


def _emails(search: _Search) -> None:
    lower = search.text.lower()
    if not any(sign in lower for sign in AT_SIGNS):
        return  # saves two scans of a long text
    for pattern in (EMAIL, WRITTEN_EMAIL):
        for match in pattern.finditer(search.text):
            local = re.split(r"[ @(\[{<]", match.group(0), maxsplit=1)[0].lower()
            # "eindigen op @gemeente.nl" names a domain, not an address.
            domain_only = local in WORDS_BEFORE_DOMAIN and " @" in match.group(0)
            if local not in DESK_MAILBOXES and not domain_only:
                search.add(Kind.EMAIL, match.start(), match.end())


def _ibans(search: _Search) -> list[tuple[int, int]]:
    """Adds the IBANs; returns every stretch shaped like one, valid or not, so its digits
    are not also read as a phone number or BSN."""
    shaped = []
    for match in IBAN.finditer(search.text):
        candidate = match.group(0)
        # The optional last group may have taken the next short word ("… 7034 van").
        shorter = candidate[: max(candidate.rfind(" "), candidate.rfind("-"), 0)]
        for option in (candidate, shorter):
            if option and _is_iban(option):
                search.add(Kind.IBAN, match.start(), match.start() + len(option))
                break
        shaped.append((match.start(), match.end()))
    for match in ACCOUNT_AFTER_LABEL.finditer(search.text):
        search.add(Kind.IBAN, match.start("number"), match.end("number"))
    return shaped


def _numbers(search: _Search, iban_shaped: list[tuple[int, int]]) -> None:
    text = search.text
    for match in BSN_AFTER_LABEL.finditer(text):
        search.add(Kind.BSN, match.start("number"), match.end("number"))
    for match in REFERENCE.finditer(text):
        if sum(char.isdigit() for char in match.group("number")) >= 4:
            search.add(Kind.REFERENCE, match.start("number"), match.end("number"))

    position = 0
    while candidate := PHONE_CANDIDATE.search(text, position):
        length = _phone_length(candidate.group(0))
        start = candidate.start()
        if length and not search.overlaps_any(start, start + length, iban_shaped):
            search.add(Kind.PHONE, start, start + length)
            position = start + length
        else:
            position = start + 1

    for run in DIGIT_GROUPS.finditer(text):
        groups = [(m.start(), m.end()) for m in re.finditer(r"[0-9]+", run.group(0))]
        # Every stretch of whole groups of two digits or more, as a BSN is grouped.
        for first in range(len(groups)):
            digits, end = "", 0
            for group_start, group_end in groups[first:]:
                if group_end - group_start < 2:
                    break
                digits += run.group(0)[group_start:group_end]
                end = run.start() + group_end
                if len(digits) >= 9:
                    break
            start = run.start() + groups[first][0]
            if (
                len(digits) == 9
                and passes_eleven_test(digits)
                and not MONEY_BEFORE.search(search.before(start, 6))
                and not MONEY_AFTER.match(search.after(end, 8))
                and not search.overlaps_any(start, end, iban_shaped)
            ):
                search.add(Kind.BSN, start, end)


def _plates(search: _Search) -> None:
    for match in LICENCE_PLATE.finditer(search.text):
        plate = match.group(0)
        if _plate_shape(plate) and (
            plate.upper() == plate or PLATE_CONTEXT.search(search.before(match.start(), 15))
        ):
            search.add(Kind.LICENCE_PLATE, match.start(), match.end())


def _addresses(search: _Search) -> None:
    text = search.text
    for pattern in (STREET_ADDRESS, NUMBER_BEFORE_STREET, AFTER_RESIDENCE):
        for match in pattern.finditer(text):
            street = match.group("street").strip().lower().rstrip(".")
            if street.split()[-1] not in NOT_STREETS:
                span = match.span("address") if pattern is AFTER_RESIDENCE else match.span()
                search.add(Kind.ADDRESS, *span)
    for match in POSTCODE.finditer(text):
        letters, glued = match.group("letters"), not match.group("space")
        before, after = search.before(match.start(), 15), search.after(match.end(), 20)
        if LAW_BEFORE.search(before) or letters.upper() in UNUSED_POSTCODE_LETTERS:
            continue
        if letters.isupper():
            # "1500 KM" is a distance, "9741 KM Groningen" a postcode.
            is_postcode = letters not in NOT_POSTCODE_LETTERS or bool(
                glued or POSTCODE_LABEL.search(before) or PLACE_AFTER.match(after)
            )
        else:
            is_postcode = letters.islower() and letters not in COMMON_PAIRS
        if not is_postcode:
            continue
        if number_after := POSTCODE_NUMBER_AFTER.match(after):
            search.add(Kind.ADDRESS, match.start(), match.end() + number_after.end())
        elif number_before := POSTCODE_NUMBER_BEFORE.search(before):
            search.add(Kind.ADDRESS, match.start() - len(number_before.group(0)), match.end())
        else:
            search.add(Kind.POSTCODE, match.start(), match.end())


def _dates(search: _Search) -> None:
    text, today = search.text, search.today

    def judge(match: re.Match[str], day: str, month: int, year: str, *, loose: bool) -> None:
        """`loose` forms (two-digit years, short days) count only near "geboren"."""
        found = _date(int(day), month, _full_year(year, today), today)
        if found is None:
            return
        before = search.before(match.start())
        if BIRTH_BEFORE.search(before) or BIRTH_AFTER.match(search.after(match.end(), 20)):
            search.add(Kind.DATE_OF_BIRTH, match.start(), match.end())
        elif not (
            loose
            or found.day == 1  # when a law, rule or contract starts
            or COURT_RULING.search(before)
            or MEETING_BEFORE.search(before)
        ):
            search.add(Kind.DATE, match.start(), match.end())

    for match in NUMERIC_DATE.finditer(text):
        if match.group("y"):
            day, month, year = match.group("d"), match.group("m"), match.group("y")
            loose = len(year.lstrip("'")) == 2 and not (len(day) == len(month) == 2)
        elif match.group("iy"):
            day, month, year = match.group("id"), match.group("im"), match.group("iy")
            loose = False
        else:
            day, month, year = match.group("sd"), match.group("sm"), match.group("sy")
            loose = False
        judge(match, day, int(month), year, loose=loose)
    for match in WRITTEN_DATE.finditer(text):
        month_name = (match.group("month") or match.group("month2")).lower()
        day = match.group("d") or match.group("d2")
        year = match.group("y") or match.group("y2")
        # "12 maart 20 gezinnen": a two-digit year without an apostrophe is a count.
        loose = len(year) == 2
        judge(match, day, MONTHS[month_name], year, loose=loose)
    for match in GLUED_DATE.finditer(text):
        judge(match, match.group("d"), int(match.group("m")), match.group("y"), loose=True)


def _is_surname(name: str) -> bool:
    return name not in SENTENCE_STARTERS and not _is_role(name.split()[-1])


def _names(search: _Search) -> None:
    text = search.text
    for match in NAME_AFTER_TITLE.finditer(text):
        role = match.group("role")
        if role and role[0].isupper() and not SENTENCE_START.search(search.before(match.start())):
            continue
        if _is_surname(match.group("name")):
            search.add(Kind.NAME, match.start(), match.end())
    for match in INITIALS_AND_SURNAME.finditer(text):
        initials = re.sub(r"[ .]", "", match.group("initials"))
        if initials not in NOT_INITIALS and _is_surname(match.group("name")):
            search.add(Kind.NAME, match.start(), match.end())
    # In a list ("Groningen (12), Assen (8) en Emmen (3)") the first item tells whether
    # these are places or people.
    in_place_list = False
    previous_end = -1
    for match in FIRST_NAME_AND_AGE.finditer(text):
        if not LIST_JOIN.fullmatch(text[previous_end : match.start()]) or previous_end < 0:
            in_place_list = bool(PLACE_BEFORE.search(search.before(match.start(), 15)))
        previous_end = match.end()
        if not in_place_list and not _is_role(match.group("name")):
            search.add(Kind.NAME, match.start(), match.end())


def _candidates(text: str, today: date) -> list[tuple[Kind, int, int]]:
    search = _Search(text, today, [])
    _emails(search)
    iban_shaped = _ibans(search)
    _numbers(search, iban_shaped)
    _plates(search)
    _addresses(search)
    _dates(search)
    _names(search)
    return search.found


def find_personal_data(text: str, *, today: date | None = None) -> list[Finding]:
    """Every piece of personal data in the text, in reading order."""
    text = text or ""
    normalised = normalise(text)
    kept: list[Finding] = []  # in reading order, none overlapping
    for kind, start, end in _candidates(normalised.text, today or date.today()):
        start, end = normalised.span(start, end)
        finding = Finding(kind, start, end, text[start:end])
        # Only the neighbours in reading order can overlap a new finding.
        index = bisect.bisect(kept, start, key=lambda kept_finding: kept_finding.start)
        if not any(other.overlaps(finding) for other in kept[max(index - 1, 0) : index + 1]):
            kept.insert(index, finding)
    return kept
