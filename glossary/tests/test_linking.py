import itertools
import re
import unicodedata

import pytest

from glossary.linking import TermLink, link_terms


def term(name: str, *synonyms: str, slug: str = "", definition: str = "") -> TermLink:
    return TermLink(
        slug=slug or name.lower().replace(" ", "-"),
        name=name,
        short_definition=definition or f"Uitleg van {name}.",
        patterns=(name, *synonyms),
    )


BIJSTAND = term("Bijstand", "bijstandsuitkering", definition="Geld van de gemeente.")
SCHULD = term("schuld")
STRESS = term("stress")
STRESS_SENSITIVE = term("stress-sensitieve dienstverlening")
CASES = term("casuïstiek", slug="casuistiek")


def linked_texts(html: str) -> list[str]:
    return re.findall(r'<a class="glossary-term"[^>]*>(.*?)</a>', html, flags=re.DOTALL)


def test_a_term_becomes_a_link_with_its_tooltip():
    html = link_terms("<p>Vraag bijstand aan.</p>", [BIJSTAND])
    assert html == (
        "<p>Vraag "
        '<a class="glossary-term" href="/begrippen/#bijstand" '
        'aria-describedby="term-tip-bijstand-1">bijstand</a>'
        '<span class="glossary-term__tip" role="tooltip" id="term-tip-bijstand-1">'
        "Geld van de gemeente.</span>"
        " aan.</p>"
    )


def test_only_the_first_occurrence_is_linked():
    source = "<p>Bijstand hier, bijstand daar.</p><p>En bijstand overal, ook bij schuld.</p>"
    html = link_terms(source, [BIJSTAND, SCHULD])
    assert linked_texts(html) == ["Bijstand", "schuld"]
    assert "</span> hier, bijstand daar.</p><p>En bijstand overal, ook bij <a " in html


def test_a_synonym_links_to_its_term_and_counts_as_its_first_occurrence():
    html = link_terms("<p>Een bijstandsuitkering, dus bijstand.</p>", [BIJSTAND])
    assert linked_texts(html) == ["bijstandsuitkering"]
    assert 'href="/begrippen/#bijstand"' in html


def test_case_is_ignored_and_the_text_keeps_its_own_case():
    assert linked_texts(link_terms("<p>BIJSTAND</p>", [BIJSTAND])) == ["BIJSTAND"]
    assert linked_texts(link_terms("<p>Schuld</p>", [SCHULD])) == ["Schuld"]


@pytest.mark.parametrize("text", ["casuïstiek", "Casuïstiek", "CASUÏSTIEK", "casui\u0308stiek"])
def test_terms_with_diacritics_match_in_any_case_and_normal_form(text):
    html = link_terms(f"<p>Bespreek {text} samen.</p>", [CASES])
    assert linked_texts(html) == [unicodedata.normalize("NFC", text)]


def test_a_letter_with_a_diacritic_is_part_of_the_word():
    assert linked_texts(link_terms("<p>casuïstiekë en casuïstiek</p>", [CASES])) == ["casuïstiek"]


@pytest.mark.parametrize(
    "text",
    ["schuldhulpverlening", "wanbetalingsschuld", "schuld-sanering", "zelfschuld", "schuld_1"],
)
def test_a_term_is_not_linked_inside_another_word(text):
    assert linked_texts(link_terms(f"<p>{text}</p>", [SCHULD])) == []


@pytest.mark.parametrize("text", ["schuld.", "(schuld)", "'schuld'", "schuld, en", "1 schuld"])
def test_a_term_is_linked_next_to_punctuation(text):
    assert linked_texts(link_terms(f"<p>{text}</p>", [SCHULD])) == ["schuld"]


def test_a_longer_word_that_is_a_term_itself_is_linked_as_that_term():
    help_term = term("schuldhulpverlening")
    html = link_terms("<p>schuldhulpverlening bij schuld</p>", [SCHULD, help_term])
    assert linked_texts(html) == ["schuldhulpverlening", "schuld"]


def test_the_longest_term_wins_where_terms_overlap():
    html = link_terms(
        "<p>Stress-sensitieve dienstverlening helpt bij stress.</p>", [STRESS, STRESS_SENSITIVE]
    )
    assert linked_texts(html) == ["Stress-sensitieve dienstverlening", "stress"]
    assert 'href="/begrippen/#stress-sensitieve-dienstverlening"' in html


def test_part_of_a_hyphenated_word_is_not_a_term():
    html = link_terms("<p>Stress-sensitieve teams.</p>", [STRESS, STRESS_SENSITIVE])
    assert linked_texts(html) == []


def test_a_phrase_may_break_over_a_line_or_a_non_breaking_space():
    for text in ("stress-sensitieve\n  dienstverlening", "stress-sensitieve&nbsp;dienstverlening"):
        html = link_terms(f"<p>{text}</p>", [STRESS_SENSITIVE])
        assert len(linked_texts(html)) == 1


@pytest.mark.parametrize(
    "element", ["a href='/elders/'", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "button"]
)
def test_terms_are_not_linked_inside_links_headings_and_code(element):
    tag = element.split()[0]
    source = f"<{element}>Over <em>bijstand</em></{tag}><p>Wat is bijstand?</p>"
    html = link_terms(source, [BIJSTAND])
    assert html.startswith(f"<{element}>Over <em>bijstand</em></{tag}><p>Wat is <a ")
    assert linked_texts(html) == ["bijstand"]


def test_terms_in_attributes_and_tags_are_left_alone():
    source = (
        '<p class="bijstand" data-x="bijstand &amp; schuld">'
        '<img src="/bijstand.png" alt="bijstand"/><bijstand-widget></bijstand-widget></p>'
    )
    assert link_terms(source, [BIJSTAND, SCHULD]) == source


def test_markup_that_holds_no_terms_passes_unchanged():
    source = (
        "<!DOCTYPE html><!-- bijstand --><ul><li>Een<br>twee<br/>drie</li></ul>"
        "<p>Tom &amp; Jerry &lt;b&gt; &quot;x&quot;</p><script>if (a < b && bijstand) {}</script>"
        "<style>p::after { content: '<schuld>'; }</style>"
    )
    html = link_terms(source, [BIJSTAND, SCHULD])
    assert html == source.replace("&quot;", '"')


def test_escaped_text_stays_escaped_around_a_link():
    html = link_terms(
        "<p>&lt;script&gt;alert('bijstand')&lt;/script&gt; &amp; meer</p>", [BIJSTAND]
    )
    assert "<script" not in html
    assert html.startswith("<p>&lt;script&gt;alert('<a ")
    assert html.endswith("</span>')&lt;/script&gt; &amp; meer</p>")


def test_stray_angle_brackets_in_text_come_out_escaped():
    html = link_terms("<p>a < b en bijstand > c</p>", [BIJSTAND])
    assert html.startswith("<p>a &lt; b en <a ")
    assert html.endswith("</span> &gt; c</p>")


def test_what_the_tooltip_and_link_say_is_escaped():
    hostile = TermLink(
        slug='x" onmouseover="alert(1)',
        name="bijstand",
        short_definition="<script>alert(1)</script> & meer",
        patterns=("bijstand",),
    )
    html = link_terms("<p>bijstand</p>", [hostile])
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; meer" in html
    assert 'href="/begrippen/#x&quot; onmouseover=&quot;alert(1)"' in html


def test_each_tooltip_id_is_unique_and_shared_counters_keep_them_unique():
    source = "<p>bijstand en schuld</p>"
    html = link_terms(source, [BIJSTAND, SCHULD])
    assert re.findall(r' id="([^"]+)"', html) == ["term-tip-bijstand-1", "term-tip-schuld-2"]

    counter = itertools.count(1)
    first = link_terms(source, [BIJSTAND, SCHULD], ids=counter)
    second = link_terms(source, [BIJSTAND, SCHULD], ids=counter)
    ids = re.findall(r' id="([^"]+)"', first + second)
    assert len(ids) == len(set(ids)) == 4


def test_every_described_link_points_at_its_own_tooltip():
    html = link_terms("<p>bijstand, schuld en casuïstiek</p>", [BIJSTAND, SCHULD, CASES])
    described = re.findall(r'aria-describedby="([^"]+)"', html)
    tooltips = re.findall(r'role="tooltip" id="([^"]+)"', html)
    assert described == tooltips
    assert len(described) == 3


def test_linking_twice_changes_nothing():
    once = link_terms("<p>bijstand en schuld, stress</p>", [BIJSTAND, SCHULD, STRESS])
    assert link_terms(once, [BIJSTAND, SCHULD, STRESS]) == once


def test_a_term_is_linked_in_nested_inline_markup_and_after_a_skipped_element():
    source = "<h2>Schuld</h2><ul><li><strong>Schuld</strong> en meer</li></ul>"
    html = link_terms(source, [SCHULD])
    assert html.startswith("<h2>Schuld</h2><ul><li><strong><a ")


def test_an_unclosed_link_keeps_the_rest_unlinked():
    assert linked_texts(link_terms("<p><a href='#'>x <p>bijstand", [BIJSTAND])) == []


def test_without_terms_the_html_is_returned_as_is():
    assert link_terms("<p>a < b</p>", []) == "<p>a < b</p>"
    assert link_terms("<p>bijstand</p>", [term("  ", slug="leeg")]) == "<p>bijstand</p>"
