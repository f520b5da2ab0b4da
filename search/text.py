"""Dutch text as the search index reads it: folded, split into words and stemmed.

Both databases receive words this module has already normalised, so SQLite and
PostgreSQL find exactly the same entries and neither needs a Dutch dictionary of its own.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from functools import lru_cache

import snowballstemmer
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Letters and digits; an underscore is not part of a word, a hyphen or apostrophe splits one.
WORD = re.compile(r"[^\W_]+")
VOWELS = frozenset("aeiouy")
# The Snowball list PostgreSQL's 'dutch' configuration uses, without diacritics.
_STOP_WORD_TEXT = """
    aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door
    dus een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun
    iemand iets ik in is ja je kan kon kunnen maar me meer men met mij mijn moet na naar
    niet niets nog nu of om omdat onder ons ook op over reeds te tegen toch toen tot u uit
    uw van veel voor want waren was wat werd wezen wie wil worden wordt zal ze zelf zich
    zij zijn zo zonder zou
"""
STOP_WORDS = frozenset(_STOP_WORD_TEXT.split())
# The classic Snowball algorithm (PostgreSQL's 'dutch' uses it too). The newer "dutch"
# one strips "ge-" ("gezin" becomes "zin") and stems "schulden" and "schuld" apart.
_stemmer = snowballstemmer.stemmer("dutch_porter")


def fold(text: str) -> str:
    """Lower case without diacritics: "Casuïstiek" becomes "casuistiek"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """The stem of one folded word. Snowball only undoubles a final k, d or t, so
    "gezinnen" would stay "gezinn"; undoubling any consonant makes it "gezin", and a
    plural in "-ies" ("organisaties") meets its singular."""
    if len(word) > 5 and word.endswith("ies"):
        word = word[:-1]
    stemmed: str = _stemmer.stemWord(word)
    if len(stemmed) > 2 and stemmed[-1] == stemmed[-2] and stemmed[-1] not in VOWELS:
        stemmed = stemmed[:-1]
    return stemmed


def stems(text: str) -> list[str]:
    """The stems of every word in text, in order, without stop words and single letters
    (the "s" of "thema's")."""
    return [
        stem(word) for word in WORD.findall(fold(text)) if len(word) > 1 and word not in STOP_WORDS
    ]


def query_stems(query: str) -> list[str]:
    """The distinct stems of a query, in the order typed."""
    return list(dict.fromkeys(stems(query)))


def snippet(text: str, wanted: Collection[str], *, length: int = 240) -> SafeString:
    """About `length` characters of text around the first word whose stem is wanted, with
    every such word in <mark>; the start of the text when no word matches."""
    words = list(WORD.finditer(text))
    # Each distinct word folded and stemmed once: a long text repeats its words, and the
    # first wanted one may be far in (or, for a title match, nowhere).
    seen: dict[str, bool] = {}

    def is_wanted(word: str) -> bool:
        if word not in seen:
            seen[word] = _is_wanted(word, wanted)
        return seen[word]

    first = next((word for word in words if is_wanted(word.group())), None)
    start = 0
    if first is not None and first.end() > length:
        # Some words of context before the match, starting at a word.
        start = next(word.start() for word in words if word.end() > first.start() - length // 3)
    end = len(text)
    if end - start > length:
        end = max(
            (word.end() for word in words if start < word.end() <= start + length),
            default=start + length,
        )
    parts = ["… " if start else ""]
    position = start
    for word in words:
        if word.start() < start or word.end() > end:
            continue
        if is_wanted(word.group()):
            before = escape(text[position : word.start()])
            parts += [before, "<mark>", escape(word.group()), "</mark>"]
            position = word.end()
    parts += [escape(text[position:end]), " …" if end < len(text) else ""]
    # Safe: every piece of text is escaped above; only <mark> is markup.
    return mark_safe("".join(parts))


def _is_wanted(word: str, wanted: Collection[str]) -> bool:
    return any(stem(part) in wanted for part in WORD.findall(fold(word)))
