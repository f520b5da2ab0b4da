"""The home page read in English: taxonomy names in English, Dutch content marked."""

from django.conf import settings
from django.utils import translation

from core.models import LearningForm, Role, Theme

from .factories import create_content_page


def test_home_page_in_english(client, groningen):
    LearningForm.objects.create(
        name="Kijken", name_en="Watching", slug="kijken", icon="watching", description="Clips."
    )
    Role.objects.create(name="Vrijwilliger", name_en="Volunteer", slug="vrijwilliger")
    Theme.objects.create(name="Bejegening", slug="bejegening")
    create_content_page(
        parent=groningen,
        slug="over",
        regions=[groningen.region],
        title="Over ons",
        show_in_menus=True,
    )
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get("/").content.decode()
    assert '<html lang="en"' in html
    assert '<p class="container language-notice" lang="en">' in html
    assert '<h1 lang="nl">Leren in Groningen</h1>' in html
    assert ">Watching</a>" in html and "Kijken" not in html
    assert "<strong>Volunteer</strong>" in html and "Vrijwilliger" not in html
    # A theme nobody translated stays Dutch, and says so.
    assert '<span lang="nl">Bejegening</span>' in html
    # Menu items are page titles: Dutch content.
    assert '<a href="/over/" lang="nl">Over ons</a>' in html


def test_a_term_shows_its_dutch_name_in_dutch_and_without_english_name():
    role = Role(name="Vrijwilliger", name_en="Volunteer")
    with translation.override("nl"):
        assert str(role) == "Vrijwilliger"
    with translation.override("en"):
        assert str(role) == "Volunteer"
        assert str(Role(name="Vrijwilliger")) == "Vrijwilliger"
        assert Role(name="Vrijwilliger").name_language == "nl"
