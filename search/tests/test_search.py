import re

import pytest
from django.contrib.contenttypes.models import ContentType

from glossary.models import Term
from glossary.tests.factories import TermFactory
from search.models import SearchEntry
from search.text import query_stems

from .factories import indexed_item

DRENTHE = {"HTTP_HOST": "drenthe.localhost"}
GRONINGEN = {"HTTP_HOST": "groningen.localhost"}


def found(response) -> list[str]:
    return re.findall(
        r'class="item-card__title"><a href="[^"]+"(?: lang="nl")?>([^<]+)</a>',
        response.content.decode(),
    )


def ranked_titles(query: str, region) -> list[str]:
    ids = SearchEntry.objects.ranked_ids(query_stems(query), region=region)
    titles = dict(SearchEntry.objects.values_list("pk", "title"))
    return [titles[entry_id] for entry_id in ids]


def test_inflected_forms_and_diacritics_find_each_other(catalogue, groningen):
    region = groningen.region
    indexed_item(catalogue, slug="a", regions=[region], title="Schuld bij een gezin")
    indexed_item(catalogue, slug="b", regions=[region], title="Trainingen in casuïstiek")
    indexed_item(catalogue, slug="c", regions=[region], title="De ervaringsdeskundige")
    assert ranked_titles("schulden gezinnen", region) == ["Schuld bij een gezin"]
    assert ranked_titles("training casuistiek", region) == ["Trainingen in casuïstiek"]
    assert ranked_titles("Ervaringsdeskundigen", region) == ["De ervaringsdeskundige"]
    assert ranked_titles("schulden school", region) == []


def test_a_title_match_ranks_before_a_body_match(catalogue, groningen):
    region = groningen.region
    indexed_item(
        catalogue,
        slug="tekst",
        regions=[region],
        title="Over geld",
        summary="Gezinnen met schulden, schulden en nog eens schulden.",
    )
    indexed_item(catalogue, slug="titel", regions=[region], title="Schulden", summary="Kort.")
    indexed_item(catalogue, slug="ander", regions=[region], title="Iets anders")
    assert ranked_titles("schuld", region) == ["Schulden", "Over geld"]


def test_an_item_shows_only_on_the_portals_it_is_marked_for(client, catalogue, groningen, drenthe):
    indexed_item(catalogue, slug="drents", regions=[drenthe.region], title="Schulden in Drenthe")
    indexed_item(
        catalogue, slug="beide", regions=[groningen.region, drenthe.region], title="Schulden overal"
    )
    TermFactory(name="Schuld")
    assert found(client.get("/zoeken/?q=schulden", **GRONINGEN)) == ["Schuld", "Schulden overal"]
    assert sorted(found(client.get("/zoeken/?q=schulden", **DRENTHE))) == [
        "Schuld",
        "Schulden in Drenthe",
        "Schulden overal",
    ]


def test_results_show_kind_link_and_marked_snippet(english, catalogue, groningen):
    indexed_item(
        catalogue,
        slug="geld",
        regions=[groningen.region],
        title="Geld",
        summary="Wat <schulden> doen met gezinnen.",
    )
    TermFactory(name="Gezin", slug="gezin", short_definition="Ouders met kinderen.")
    html = english.get("/zoeken/?q=gezinnen", **GRONINGEN).content.decode()
    assert '<meta name="robots" content="noindex">' in html
    assert "2 results for “gezinnen”" in html
    # Titles and snippets are Dutch content inside an English page.
    assert '<a href="/begrippen/#gezin" lang="nl">Gezin</a>' in html
    assert '<a href="/aanbod/geld/" lang="nl">Geld</a>' in html
    assert '<p class="item-card__summary" lang="nl">Wat &lt;schulden&gt;' in html
    assert "Wat &lt;schulden&gt; doen met <mark>gezinnen</mark>." in html
    assert "<li>Article</li>" in html
    assert "<li>Term</li>" in html


def test_an_empty_query_gives_tips(english, groningen):
    response = english.get("/zoeken/", **GRONINGEN)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1>") == 1
    assert "Tips for searching" in html
    assert 'for="id_q"' in html


HOSTILE = [
    "x" * 5000,
    "!!!???...",
    "de het een",
    "'; DROP TABLE search_searchentry; --",
    "1 OR 1=1",
    "<script>alert(1)</script>",
    '"',
    '"schuld',
    "schuld*",
    "*",
    "NEAR(schuld gezin)",
    "-schuld",
    "schuld AND OR NOT gezin",
    "title_stems:schuld",
    "{schuld}",
    "^schuld",
    "%00%01\x7f",
    "nul\x00teken\x01",
    "%_\\",
    "🙂",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_odd_input_finds_nothing_friendly(english, groningen, query):
    TermFactory(name="Gezin", short_definition="Iets anders.")
    response = english.get("/zoeken/", {"q": query, "pagina": "-1"}, **GRONINGEN)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nothing found for" in html
    assert "<script>alert" not in html


def test_a_long_query_is_cut_to_200_characters(english, groningen):
    response = english.get("/zoeken/", {"q": "gezin " + "x" * 500}, **GRONINGEN)
    assert len(response.context["query"]) == 200
    assert response.context["form"]["q"].value() == "gezin " + "x" * 500


def test_pages_of_twenty(english, groningen):
    make_terms(25, "Gezin")
    first = english.get("/zoeken/?q=gezin", **GRONINGEN)
    second = english.get("/zoeken/?q=gezin&pagina=2", **GRONINGEN)
    beyond = english.get("/zoeken/?q=gezin&pagina=abc", **GRONINGEN)
    assert len(found(first)) == 20
    assert len(found(second)) == 5
    assert found(beyond) == found(first)
    assert 'href="?q=gezin&amp;pagina=2" rel="next"' in first.content.decode()


@pytest.mark.parametrize("count", [10, 500])
def test_query_count_does_not_grow_with_the_results(
    client, groningen, django_assert_num_queries, count
):
    make_terms(count, "Schuld")
    client.get("/zoeken/?q=opwarmen", **GRONINGEN)
    with django_assert_num_queries(2):
        response = client.get("/zoeken/?q=schulden", **GRONINGEN)
    assert len(found(response)) == min(count, 20)


def make_terms(count: int, name: str) -> None:
    """Many entries at once, written as the index service writes them."""
    terms = Term.objects.bulk_create(
        Term(name=f"{name} {number}", slug=f"t{number}", short_definition="Uitleg.")
        for number in range(count)
    )
    content_type = ContentType.objects.get_for_model(Term)
    SearchEntry.objects.bulk_create(
        SearchEntry(
            kind=SearchEntry.Kind.TERM,
            term=term,
            content_type=content_type,
            title=term.name,
            body="Uitleg.",
            url_path=f"/begrippen/#{term.slug}",
            in_all_regions=True,
            title_stems=" ".join(query_stems(term.name)),
            body_stems="uitleg",
        )
        for term in terms
    )


def test_news_joins_search_on_its_own_portal(client, groningen, drenthe):
    from news.tests.factories import create_news, create_news_index

    index = create_news_index([groningen.region, drenthe.region])
    page = create_news(
        index,
        slug="schuldhulp-in-veendam",
        regions=[groningen.region],
        title="Nieuws over schulden",
    )
    page.save_revision().publish()
    assert found(client.get("/zoeken/?q=schulden", **GRONINGEN)) == ["Nieuws over schulden"]
    assert found(client.get("/zoeken/?q=schulden", **DRENTHE)) == []
    page.unpublish()
    assert found(client.get("/zoeken/?q=schulden&v=2", **GRONINGEN)) == []


@pytest.mark.parametrize(
    ("query", "best"),
    [
        ("schulden bij gezinnen", "Gezinnen met schulden"),
        ("schuld gezin", "Gezinnen met schulden"),
        ("trainingen", "Training voor ervaringsdeskundigen"),
        ("ervaringsdeskundige", "Training voor ervaringsdeskundigen"),
        ("casuistiek", "Casuïstiek over toeslagen"),
    ],
)
def test_the_best_match_comes_first_among_more_matches_than_are_ranked(
    catalogue, groningen, query, best
):
    # Far more entries hold the words in their text than are ranked (a limit of 3 here):
    # the entry whose title holds them still comes first, though it is indexed last.
    region = groningen.region
    text = "Gezinnen met schulden volgen trainingen met ervaringsdeskundigen en casuïstiek."
    for number in range(8):
        indexed_item(
            catalogue,
            slug=f"tekst-{number}",
            regions=[region],
            title=f"Over {number}",
            summary=text,
        )
    titles = (
        "Gezinnen met schulden",
        "Training voor ervaringsdeskundigen",
        "Casuïstiek over toeslagen",
    )
    for title in titles:
        indexed_item(catalogue, slug=title.split()[0].lower(), regions=[region], title=title)
    ids = SearchEntry.objects.ranked_ids(query_stems(query), region=region, limit=3)
    assert len(ids) == 4  # one more than the limit: the page says there are more
    assert SearchEntry.objects.get(pk=ids[0]).title == best


def test_more_matches_than_the_limit_say_so(client, groningen, monkeypatch):
    monkeypatch.setattr("search.views.RESULT_LIMIT", 20)
    make_terms(25, "Schuld")
    html = client.get("/zoeken/?q=schulden", **GRONINGEN).content.decode()
    assert "Meer dan 20 resultaten voor “schulden”" in html
    assert html.count('class="item-card__title"') == 20
    assert "pagina=2" not in html  # the 21st match only tells that there are more
