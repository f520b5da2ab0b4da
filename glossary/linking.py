"""Links glossary terms where they first appear in a piece of HTML.

The HTML is walked with html.parser rather than searched with a regular expression, so a
term is never matched inside a tag, an attribute or an element where a link would be wrong.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from html.parser import HTMLParser

from core.portals import site_path

GLOSSARY_PATH = "/begrippen/"

# A link inside a link is invalid, and a link in a heading, code or a form control changes
# what the element means; the tooltip itself is skipped so linking twice changes nothing.
SKIPPED_ELEMENTS = frozenset(
    {
        "a",
        "button",
        "code",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "kbd",
        "label",
        "option",
        "pre",
        "samp",
        "script",
        "select",
        "style",
        "svg",
        "textarea",
        "title",
    }
)
SKIPPED_CLASS = "glossary-term__tip"
VOID_ELEMENTS = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)

# Letters with diacritics are word characters too (\w is Unicode-aware), and a hyphen joins
# a Dutch compound, so "schuld" is not found in "schuldhulp" nor in "schuld-sanering".
WORD_START = r"(?<![\w-])"
WORD_END = r"(?![\w-])"


@dataclass(frozen=True)
class TermLink:
    """What linking needs of a term; small and immutable, so it can be cached."""

    slug: str
    name: str
    short_definition: str
    patterns: tuple[str, ...]


def link_terms(html: str, terms: Sequence[TermLink], *, ids: Iterator[int] | None = None) -> str:
    """Link the first occurrence of each term (or one of its synonyms) in html.

    ids numbers the tooltips; pass one shared counter when several pieces of HTML end up
    on one page, so their ids stay unique there too.
    """
    matcher = _matcher(tuple(terms))
    if matcher is None:
        return html
    linker = _Linker(matcher, ids if ids is not None else itertools.count(1))
    linker.feed(html)
    linker.close()
    return linker.result()


@dataclass(frozen=True)
class _Matcher:
    pattern: re.Pattern[str]
    terms_by_phrase: dict[str, TermLink]
    term_count: int

    def term_for(self, matched: str) -> TermLink | None:
        return self.terms_by_phrase.get(_phrase_key(matched))


@lru_cache(maxsize=8)
def _matcher(terms: tuple[TermLink, ...]) -> _Matcher | None:
    terms_by_phrase: dict[str, TermLink] = {}
    for term in terms:
        for phrase in term.patterns:
            if key := _phrase_key(phrase):
                terms_by_phrase.setdefault(key, term)
    if not terms_by_phrase:
        return None
    # One alternative per phrase made matching slow with many terms; a trie lets the
    # regular expression engine branch on one character at a time.
    pattern = WORD_START + _trie_pattern(terms_by_phrase) + WORD_END
    return _Matcher(
        re.compile(pattern, re.IGNORECASE),
        terms_by_phrase,
        len({term.slug for term in terms_by_phrase.values()}),
    )


def _phrase_key(phrase: str) -> str:
    return " ".join(unicodedata.normalize("NFC", phrase).split()).lower()


Trie = dict[str, "Trie"]
END = ""


def _trie_pattern(phrases: Iterable[str]) -> str:
    trie: Trie = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[END] = {}
    return _node_pattern(trie)


def _node_pattern(node: Trie) -> str:
    branches = [
        (r"\s+" if char == " " else re.escape(char)) + _node_pattern(child)
        for char, child in sorted(node.items())
        if char != END
    ]
    if not branches:
        return ""
    pattern = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # Greedy, so a longer phrase is tried before the shorter one it starts with.
    return f"(?:{pattern})?" if END in node else pattern


class _Linker(HTMLParser):
    def __init__(self, matcher: _Matcher, ids: Iterator[int]) -> None:
        super().__init__(convert_charrefs=True)
        self.matcher = matcher
        self.ids = ids
        self.linked: set[str] = set()
        self.output: list[str] = []
        self.text: list[str] = []
        self.open_elements: list[tuple[str, bool]] = []
        self.skipping = 0

    def result(self) -> str:
        self._flush_text()
        # An unclosed <script> or <style> leaves its content unparsed; it is passed on as given.
        self.output.append(self.rawdata)
        return "".join(self.output)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._emit_markup(self.get_starttag_text() or "")
        if tag in VOID_ELEMENTS:
            return
        classes = " ".join(value or "" for name, value in attrs if name == "class").split()
        skipped = tag in SKIPPED_ELEMENTS or SKIPPED_CLASS in classes
        self.open_elements.append((tag, skipped))
        self.skipping += skipped

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._emit_markup(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        self._emit_markup(f"</{tag}>")
        if not any(name == tag for name, _skipped in self.open_elements):
            return
        # Unclosed elements inside this one (a <p> left open, say) end with it.
        while self.open_elements:
            name, skipped = self.open_elements.pop()
            self.skipping -= skipped
            if name == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.cdata_elem:
            self._emit_markup(data)
        else:
            # One run of text can arrive in pieces ("a < b"); a phrase may span them.
            self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self._emit_markup(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self._emit_markup(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        self._emit_markup(f"<?{data}>")

    def unknown_decl(self, data: str) -> None:
        self._emit_markup(f"<![{data}]>")

    def _emit_markup(self, markup: str) -> None:
        self._flush_text()
        self.output.append(markup)

    def _flush_text(self) -> None:
        if not self.text:
            return
        text = unicodedata.normalize("NFC", "".join(self.text))
        self.text = []
        if self.skipping or len(self.linked) == self.matcher.term_count:
            self.output.append(escape(text, quote=False))
            return
        position = 0
        for match in self.matcher.pattern.finditer(text):
            term = self.matcher.term_for(match.group())
            if term is None or term.slug in self.linked:
                continue
            self.linked.add(term.slug)
            self.output.append(escape(text[position : match.start()], quote=False))
            self.output.append(self._link(term, match.group()))
            position = match.end()
        self.output.append(escape(text[position:], quote=False))

    def _link(self, term: TermLink, text: str) -> str:
        tip_id = escape(f"term-tip-{term.slug}-{next(self.ids)}")
        href = escape(f"{site_path(GLOSSARY_PATH)}#{term.slug}")
        return (
            f'<a class="glossary-term" href="{href}" aria-describedby="{tip_id}">'
            f"{escape(text, quote=False)}</a>"
            f'<span class="glossary-term__tip" role="tooltip" id="{tip_id}">'
            f"{escape(term.short_definition, quote=False)}</span>"
        )
