from __future__ import annotations

import re
import string
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Self

from django.db import models

from .linking import TermLink

if TYPE_CHECKING:
    from .models import Term

OTHER_LETTER = "0-9"
LEADING_SYMBOLS = re.compile(r"^[\W_]+")


def sort_key(name: str) -> tuple[str, str]:
    """Orders "Ëmigratie" among the E's, as a Dutch reader expects; databases disagree
    on accents (SQLite's lower() only knows ASCII), so this runs in Python."""
    decomposed = unicodedata.normalize("NFKD", name)
    base = "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()
    return LEADING_SYMBOLS.sub("", base), name


def index_letter(name: str) -> str:
    """The letter of the A-Z index a term is listed under."""
    base, _name = sort_key(name)
    first = base[:1].upper()
    return first if first in string.ascii_uppercase else OTHER_LETTER


@dataclass
class LetterGroup:
    letter: str
    terms: list[Term] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return "letter-" + (self.letter.lower() if self.letter != OTHER_LETTER else "0-9")


class TermQuerySet(models.QuerySet["Term"]):
    def with_related_terms(self) -> Self:
        related = models.Prefetch(
            "related_terms",
            queryset=self.model.objects.only("name", "slug"),
        )
        return self.prefetch_related(related)

    def by_letter(self) -> list[LetterGroup]:
        """The terms grouped under the letters A-Z (and 0-9), each in Dutch reading order;
        a letter without terms is left out."""
        groups: dict[str, LetterGroup] = {}
        terms: list[Term] = list(self)
        for term in sorted(terms, key=lambda term: sort_key(term.name)):
            letter = index_letter(term.name)
            groups.setdefault(letter, LetterGroup(letter)).terms.append(term)
        return [groups[letter] for letter in sorted(groups, key=_letter_order)]

    def as_links(self) -> list[TermLink]:
        return [
            TermLink(
                slug=slug,
                name=name,
                short_definition=short_definition,
                patterns=(name, *synonym_lines(synonyms)),
            )
            for slug, name, short_definition, synonyms in self.values_list(
                "slug", "name", "short_definition", "synonyms"
            )
        ]


def letter_index(groups: list[LetterGroup]) -> list[tuple[str, LetterGroup | None]]:
    """Every letter A-Z, with its group when it has terms; 0-9 only when it has terms."""
    present = {group.letter: group for group in groups}
    letters = [*string.ascii_uppercase, *([OTHER_LETTER] if OTHER_LETTER in present else [])]
    return [(letter, present.get(letter)) for letter in letters]


def synonym_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _letter_order(letter: str) -> tuple[bool, str]:
    return letter == OTHER_LETTER, letter
