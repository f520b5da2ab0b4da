import re

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from core.tests.factories import shared_root

from .factories import TermFactory, create_glossary_page, create_terms

GRONINGEN = {"HTTP_HOST": "groningen.localhost"}
DRENTHE = {"HTTP_HOST": "drenthe.localhost"}


@pytest.fixture
def glossary_page(groningen):
    return create_glossary_page(
        parent=shared_root(),
        regions=[groningen.region],
        intro="Woorden die we samen op dezelfde manier gebruiken.",
    )


def dutch(message: str) -> str:
    with translation.override("nl"):
        return gettext(message)


def test_glossary_page_lists_the_terms_under_their_letters(client, glossary_page):
    debt_help = TermFactory(
        name="Schuldhulpverlening",
        short_definition="Hulp bij schulden.",
        description="<p>Eerst rust, dan een <b>oplossing</b>.</p>",
    )
    TermFactory(
        name="Wet gemeentelijke schuldhulpverlening",
        slug="wgs",
        synonyms="Wgs\nschuldhulpwet",
        related_terms=[debt_help],
    )
    TermFactory(name="Ëmigratie", slug="emigratie")

    response = client.get("/begrippen/", **GRONINGEN)

    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert "<h1>Begrippenlijst</h1>" in html
    assert "Woorden die we samen op dezelfde manier gebruiken." in html
    assert "glossary/glossary.css" in html

    letters = html.split('<nav class="glossary-letters"')[1].split("</nav>")[0]
    assert re.findall(r'<a href="#letter-(\w)">', letters) == ["e", "s", "w"]
    assert '<span class="glossary-letters__empty">A<span' in letters
    assert 'href="#letter-a"' not in letters

    headings = re.findall(r'<h2 class="glossary-section__letter">(.*?)</h2>', html)
    assert headings == ["E", "S", "W"]
    assert '<section class="glossary-section" id="letter-e">' in html
    assert '<dt class="glossary-entry__name" id="emigratie">Ëmigratie</dt>' in html
    assert "Hulp bij schulden." in html
    assert "<p>Eerst rust, dan een <b>oplossing</b>.</p>" in html
    assert f"{dutch('Also known as:')}</span> Wgs, schuldhulpwet" in html
    assert f"{dutch('See also:')}</span>" in html
    assert '<a href="#schuldhulpverlening">Schuldhulpverlening</a>' in html


def test_an_empty_glossary_says_so(client, glossary_page):
    html = client.get("/begrippen/", **GRONINGEN).content.decode()
    assert dutch("There are no terms in the glossary yet.") in html
    assert "<section" not in html


def test_glossary_page_is_not_found_on_a_portal_it_is_not_marked_for(
    client, glossary_page, drenthe
):
    TermFactory(name="Bijstand")
    assert client.get("/begrippen/", **GRONINGEN).status_code == 200
    assert client.get("/begrippen/", **DRENTHE).status_code == 404


@pytest.mark.parametrize("term_count", [10, 500])
def test_glossary_page_queries_do_not_grow_with_the_terms(
    client, glossary_page, term_count, django_assert_num_queries
):
    others = TermFactory.create_batch(3)
    create_terms(term_count, related=others, synonyms="ander woord\nnog een")
    with django_assert_num_queries(16):
        response = client.get("/begrippen/", **GRONINGEN)
    assert response.content.decode().count("<dt ") == term_count + 3


def test_editors_find_and_edit_terms_under_glossary_in_the_admin(admin_client, groningen):
    TermFactory(name="Bijstand", synonyms="bijstandsuitkering")
    TermFactory(name="Maatwerk")
    index_url = reverse("wagtailsnippets_glossary_term:list")

    menu = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert index_url in menu
    assert gettext("Glossary") in menu

    found = admin_client.get(index_url, {"q": "uitkering"}).content.decode()
    assert "Bijstand" in found
    assert "Maatwerk" not in found

    assert admin_client.get(reverse("wagtailsnippets_glossary_term:add")).status_code == 200
