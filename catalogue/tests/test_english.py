"""The catalogue read in English: taxonomy names in English, Dutch content marked."""

import pytest
from django.conf import settings

from catalogue.models import CapitalForm
from core.models import Role, Theme

from .factories import create_item, learning_form, term

NOTICE = '<p class="container language-notice" lang="en">'


@pytest.fixture
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def item(catalogue, groningen):
    term(Role, "sociaal-team", name="Medewerker sociaal team", name_en="Social team worker")
    term(Theme, "vroegsignalering", name="Vroegsignalering", name_en="Early detection")
    form = learning_form()
    form.name, form.name_en = "Theorie", "Theory"
    form.save()
    page = create_item(
        catalogue, slug="signalen", regions=[groningen.region], roles=("sociaal-team",)
    )
    page.capital_forms.set(
        [term(CapitalForm, "sociaal-kapitaal", name="Sociaal kapitaal", name_en="Social capital")]
    )
    page.save_revision().publish()
    return page


def test_catalogue_in_english_names_its_terms_in_english(english, item):
    html = english.get("/aanbod/").content.decode()
    assert "Social team worker" in html
    assert "Medewerker sociaal team" not in html
    assert "Theory" in html and "Theorie" not in html
    assert "Early detection" in html
    # The page's own texts are Dutch, marked so, and the visitor is told.
    assert NOTICE + "The texts on this page are only available in Dutch.</p>" in html
    assert '<h1 lang="nl">Aanbod</h1>' in html
    assert '<a href="/aanbod/signalen/" lang="nl">Signalen</a>' in html


def test_item_page_in_english_has_no_mixed_labels(english, item):
    html = english.get("/aanbod/signalen/").content.decode()
    assert "Theory · Article" in html
    assert "<dd>Social team worker</dd>" in html
    assert "<dd>Early detection</dd>" in html
    assert ">Social capital</a>" in html
    assert "Medewerker sociaal team" not in html and "Theorie" not in html
    assert NOTICE in html
    assert '<h1 lang="nl">Signalen</h1>' in html
    assert '<div class="item__body" lang="nl">' in html


def test_a_term_without_english_name_falls_back_to_dutch_marked_as_dutch(english, item):
    Role.objects.filter(slug="sociaal-team").update(name_en="")
    LearningFormNames = type(item.learning_form)
    LearningFormNames.objects.filter(slug="theorie").update(name_en="")
    html = english.get("/aanbod/signalen/").content.decode()
    assert '<dd><span lang="nl">Medewerker sociaal team</span></dd>' in html
    # Never "Theorie · Article": without an English name the kind stands alone.
    assert "Theorie · " not in html
    assert "Article" in html
    facets = english.get("/aanbod/").content.decode()
    assert '<span lang="nl">Medewerker sociaal team</span> <span class="facet__count">' in facets


def test_in_dutch_nothing_is_marked_and_no_notice_shows(client, item):
    html = client.get("/aanbod/signalen/").content.decode()
    assert "Theorie · Artikel" in html
    assert "<dd>Medewerker sociaal team</dd>" in html
    assert "language-notice" not in html
    assert 'lang="nl"' not in html.split("<html", 1)[1].split(">", 1)[1]
