import pytest
from django.core.cache import cache
from django.template import Context, Template
from django.utils.safestring import mark_safe
from wagtail.blocks import StreamValue
from wagtail.rich_text import RichText

from core.cache import invalidate_page_cache
from core.models import BodyBlock, SharedContentRoot
from glossary.linking import TermLink
from glossary.models import GlossaryIndexPage, Term, glossary_terms
from glossary.querysets import OTHER_LETTER, index_letter, letter_index

from .factories import TermFactory, create_terms


def names(terms) -> list[str]:
    return [term.name for term in terms]


def test_synonym_list_has_one_synonym_per_non_empty_line(db):
    term = TermFactory.create(synonyms="  Wgs \n\n schuldhulpwet\r\n")
    assert term.synonym_list == ["Wgs", "schuldhulpwet"]
    assert TermFactory.create(synonyms="").synonym_list == []


def test_terms_are_ordered_by_name_whatever_the_case(db):
    for name in ("casus", "Bijstand", "aanpak"):
        TermFactory(name=name)
    assert names(Term.objects.all()) == ["aanpak", "Bijstand", "casus"]


def test_related_terms_point_one_way(db):
    debt_help = TermFactory.create(name="Schuldhulpverlening")
    law = TermFactory.create(name="Wgs", related_terms=[debt_help])
    assert list(law.related_terms.all()) == [debt_help]
    assert list(debt_help.related_terms.all()) == []
    assert list(debt_help.referenced_by.all()) == [law]


def test_letters_with_diacritics_are_listed_as_plain_letters(db):
    for name in ("Ezel", "Ëmigratie", "eerste", "Zorg", "ïdee", "Idee 2", "2e lijn", "'s Avonds"):
        TermFactory(name=name)
    groups = Term.objects.by_letter()
    assert [(group.letter, names(group.terms)) for group in groups] == [
        ("E", ["eerste", "Ëmigratie", "Ezel"]),
        ("I", ["ïdee", "Idee 2"]),
        ("S", ["'s Avonds"]),
        ("Z", ["Zorg"]),
        (OTHER_LETTER, ["2e lijn"]),
    ]
    assert [group.anchor for group in groups] == [
        "letter-e",
        "letter-i",
        "letter-s",
        "letter-z",
        "letter-0-9",
    ]


def test_index_letter():
    assert index_letter("Ëmigratie") == "E"
    assert index_letter("ĳsbeer") == "I"
    assert index_letter("€-regeling") == "R"
    assert index_letter("24-uursopvang") == OTHER_LETTER


def test_letter_index_shows_every_letter_and_links_those_with_terms(db):
    TermFactory(name="Bijstand")
    index = letter_index(Term.objects.by_letter())
    assert [letter for letter, _group in index] == list("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    assert [letter for letter, group in index if group] == ["B"]

    TermFactory(name="3 kapitalen")
    assert letter_index(Term.objects.by_letter())[-1][0] == OTHER_LETTER


@pytest.mark.parametrize("count", [10, 500])
def test_related_terms_are_fetched_in_one_query_for_all_terms(db, django_assert_num_queries, count):
    others = TermFactory.create_batch(3)
    create_terms(count, related=others)
    with django_assert_num_queries(2):
        groups = Term.objects.with_related_terms().by_letter()
        related = [list(term.related_terms.all()) for group in groups for term in group.terms]
    assert sum(map(len, related)) == 3 * count


def test_terms_as_links_carry_name_and_synonyms_as_patterns(db):
    TermFactory(name="Sociaal minimum", slug="sociaal-minimum", synonyms="bestaansminimum\n")
    assert Term.objects.as_links() == [
        TermLink(
            slug="sociaal-minimum",
            name="Sociaal minimum",
            short_definition="Korte uitleg van Sociaal minimum.",
            patterns=("Sociaal minimum", "bestaansminimum"),
        )
    ]


def test_glossary_terms_are_cached_until_the_pages_are_refreshed(
    db, django_assert_num_queries, django_capture_on_commit_callbacks
):
    TermFactory(name="Bijstand")
    with django_assert_num_queries(1):
        assert names(glossary_terms()) == ["Bijstand"]
    TermFactory(name="Maatwerk")
    with django_assert_num_queries(0):
        assert names(glossary_terms()) == ["Bijstand"]
    with django_capture_on_commit_callbacks(execute=True):
        invalidate_page_cache()
    assert names(glossary_terms()) == ["Bijstand", "Maatwerk"]


def test_an_empty_glossary_is_cached_too(db, django_assert_num_queries):
    glossary_terms()
    with django_assert_num_queries(0):
        assert glossary_terms() == []


def test_glossary_page_lives_once_under_the_shared_content_root():
    assert GlossaryIndexPage.allowed_parent_page_models() == [SharedContentRoot]
    assert GlossaryIndexPage.max_count == 1


def render(template: str, **context: object) -> str:
    return Template("{% load glossary %}" + template).render(Context(context))


def test_filter_links_terms_in_html_marked_safe(db):
    TermFactory(name="Bijstand", slug="bijstand")
    html = render("{{ text|link_glossary_terms }}", text=mark_safe("<p><b>Bijstand</b></p>"))
    assert html.startswith('<p><b><a class="glossary-term" href="/begrippen/#bijstand"')


def test_filter_escapes_plain_text_before_linking(db):
    TermFactory(name="Bijstand")
    html = render("{{ text|link_glossary_terms }}", text="<script>Bijstand</script>")
    assert html.startswith("&lt;script&gt;<a ")
    assert "<script>" not in html
    raw = render(
        "{% autoescape off %}{{ text|link_glossary_terms }}{% endautoescape %}",
        text="<i>Bijstand</i>",
    )
    assert raw.startswith("<i><a ")


def test_filter_links_terms_in_rich_text_and_stream_fields(db):
    TermFactory(name="Bijstand")
    rich_text = render("{{ text|link_glossary_terms }}", text=RichText("<p>Bijstand</p>"))
    assert rich_text.startswith('<p><a class="glossary-term"')

    body = StreamValue(
        BodyBlock(),
        [("heading", "Bijstand"), ("paragraph", RichText("<p>Over bijstand.</p>"))],
    )
    html = render("{{ body|link_glossary_terms }}", body=body)
    assert "<h2>Bijstand</h2>" in html
    assert '<p>Over <a class="glossary-term"' in html


def test_filter_ids_stay_unique_across_fields_of_one_page(db):
    TermFactory(name="Bijstand")
    html = render(
        "{{ intro|link_glossary_terms }}{{ body|link_glossary_terms }}",
        intro="Bijstand",
        body="Bijstand",
    )
    assert html.count('role="tooltip"') == 2
    first, second = (part.split('"')[0] for part in html.split(' id="')[1:])
    assert first != second


def test_filter_asks_no_query_once_the_terms_are_cached(db, django_assert_num_queries):
    TermFactory(name="Bijstand")
    render("{{ text|link_glossary_terms }}", text="Bijstand")
    with django_assert_num_queries(0):
        render("{{ text|link_glossary_terms }}", text="Bijstand")
    cache.clear()
