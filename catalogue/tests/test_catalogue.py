import re

import pytest

from catalogue.models import PodcastEpisodePage, PracticeAssignmentPage
from core.models import Theme

from .factories import create_item, learning_form, term

DRENTHE = {"HTTP_HOST": "drenthe.localhost"}


def titles(response) -> list[str]:
    return re.findall(
        r'class="item-card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode()
    )


def test_catalogue_lists_the_published_items_of_the_portal(client, catalogue, groningen, drenthe):
    both = [groningen.region, drenthe.region]
    create_item(catalogue, slug="voor-beide", regions=both)
    create_item(catalogue, slug="alleen-drenthe", regions=[drenthe.region])
    create_item(catalogue, slug="concept", regions=both, live=False)
    assert sorted(titles(client.get("/aanbod/"))) == ["Voor beide"]
    assert sorted(titles(client.get("/aanbod/", **DRENTHE))) == ["Alleen drenthe", "Voor beide"]


def test_facets_combine_and_count(client, catalogue, groningen):
    listen = learning_form("luisteren", "listening")
    create_item(
        catalogue,
        slug="podcast-schulden",
        regions=[groningen.region],
        kind=PodcastEpisodePage,
        form=listen,
        roles=("schuldhulpverlener",),
    )
    create_item(
        catalogue,
        slug="artikel-schulden",
        regions=[groningen.region],
        roles=("schuldhulpverlener",),
    )
    create_item(
        catalogue,
        slug="artikel-incasso",
        regions=[groningen.region],
        roles=("incassomedewerker",),
        duration_minutes=45,
    )
    response = client.get("/aanbod/?rol=schuldhulpverlener&leervorm=luisteren")
    assert titles(response) == ["Podcast schulden"]
    facets = {facet.param: facet for facet in response.context["facets"]}
    # Counts of a facet ignore its own choice: both roles still show what they would give.
    assert {o.value: o.count for o in facets["rol"].options} == {"schuldhulpverlener": 1}
    assert {o.value: o.count for o in facets["leervorm"].options} == {"theorie": 1, "luisteren": 1}
    both_roles = client.get("/aanbod/?rol=schuldhulpverlener&rol=incassomedewerker")
    assert len(titles(both_roles)) == 3
    durations = client.get("/aanbod/?duur=middel")
    assert titles(durations) == ["Artikel incasso"]


def test_empty_result_says_which_filter_to_loosen(client, catalogue, groningen):
    create_item(catalogue, slug="artikel", regions=[groningen.region])
    term(Theme, "bejegening")
    response = client.get("/aanbod/?rol=schuldhulpverlener&thema=bejegening")
    html = response.content.decode()
    assert "Niets gevonden met deze filters" in html
    assert 'href="?rol=schuldhulpverlener"' in html  # removes "bejegening"


def test_unknown_or_hostile_parameters_are_harmless(client, catalogue, groningen):
    create_item(catalogue, slug="artikel", regions=[groningen.region])
    queries = (
        "rol=<script>",
        "sorteer=DROP+TABLE",
        "pagina=999",
        "pagina=abc",
        "duur=%00",
        "thema=x" * 500,
    )
    for query in queries:
        response = client.get(f"/aanbod/?{query}")
        assert response.status_code == 200, query
        assert "<script>" not in response.content.decode()


def test_sorting_by_title_and_duration(client, catalogue, groningen):
    create_item(catalogue, slug="b-lang", regions=[groningen.region], duration_minutes=90)
    create_item(catalogue, slug="a-kort", regions=[groningen.region], duration_minutes=5)
    create_item(catalogue, slug="c-middel", regions=[groningen.region], duration_minutes=30)
    assert titles(client.get("/aanbod/?sorteer=titel")) == ["A kort", "B lang", "C middel"]
    assert titles(client.get("/aanbod/?sorteer=duur")) == ["A kort", "C middel", "B lang"]


def test_htmx_request_gets_only_the_results_part(client, catalogue, groningen):
    create_item(catalogue, slug="artikel", regions=[groningen.region])
    html = client.get("/aanbod/?rol=schuldhulpverlener", HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in html
    assert 'id="result-status" hx-swap-oob="true"' in html
    assert "Artikel" in html


# Items are Wagtail pages, built one by one: 100 take about five seconds, 500 half a
# minute on SQLite and more on PostgreSQL, so the larger size is 100.
@pytest.mark.parametrize("count", [10, 100])
def test_catalogue_queries_do_not_grow_with_items(
    client, catalogue, groningen, django_assert_num_queries, count
):
    for number in range(count):
        create_item(
            catalogue,
            slug=f"item-{number}",
            regions=[groningen.region],
            roles=("schuldhulpverlener", "incassomedewerker"),
        )
    client.get("/aanbod/?v=0")  # warms portal data, facet choices and the cards
    # A new choice: the facet counts, the number of results and the page's rows.
    with django_assert_num_queries(3):
        response = client.get("/aanbod/?thema=vroegsignalering&v=1")
    assert len(titles(response)) == min(count, 20)
    # The same choice again (another visitor): all in memory.
    with django_assert_num_queries(0):
        response = client.get("/aanbod/?thema=vroegsignalering&v=2")
    assert len(titles(response)) == min(count, 20)
    # Past offers too: other counts and rows, but the cards are the ones already made.
    with django_assert_num_queries(3):
        response = client.get("/aanbod/?thema=vroegsignalering&afgelopen=ja&v=1")
    assert len(titles(response)) == min(count, 20)
    # The overviews count every term's items in one query.
    with django_assert_num_queries(3):
        response = client.get("/aanbod/kapitaal/?v=1")
    assert response.status_code == 200


def test_concept_page_lists_what_helps(client, catalogue, groningen):
    from catalogue.models import CapitalForm

    capital = term(CapitalForm, "sociaal-kapitaal", name="Sociaal kapitaal")
    item = create_item(catalogue, slug="netwerk", regions=[groningen.region])
    item.capital_forms.set([capital])
    item.save_revision().publish()
    response = client.get("/aanbod/kapitaal/sociaal-kapitaal/")
    assert response.status_code == 200
    assert "<h1>Sociaal kapitaal</h1>" in response.content.decode()
    assert titles(response) == ["Netwerk"]
    assert client.get("/aanbod/kapitaal/bestaat-niet/").status_code == 404


def test_item_page_shows_what_the_catalogue_knows(client, catalogue, groningen):
    term(Theme, "vroegsignalering", name="Vroegsignalering")
    create_item(
        catalogue,
        slug="opdracht",
        regions=[groningen.region],
        kind=PracticeAssignmentPage,
        outcomes="Je herkent signalen.\nJe weet wie je belt.",
        has_easy_read=True,
    )
    html = client.get("/aanbod/opdracht/").content.decode()
    assert "<h1>Opdracht</h1>" in html
    assert "Je herkent signalen." in html
    assert "Wat merkte je?" in html
    assert "Vroegsignalering" in html
    assert "Eenvoudige tekst (B1)" in html or "easy-read text (B1)" in html.lower()
    # "Deel dit": the platform's own share addresses with the item's public address.
    address = "http%3A%2F%2Fgroningen.localhost%2Faanbod%2Fopdracht%2F"
    assert f"https://www.linkedin.com/sharing/share-offsite/?url={address}" in html
    assert f"mailto:?subject=Opdracht&amp;body={address}" in html


def test_item_is_hidden_on_a_portal_it_is_not_marked_for(client, catalogue, groningen, drenthe):
    create_item(catalogue, slug="drents", regions=[drenthe.region])
    assert client.get("/aanbod/drents/").status_code == 404
    assert client.get("/aanbod/drents/", **DRENTHE).status_code == 200


@pytest.mark.parametrize("count", [10, 100])  # pages: see above
def test_item_page_queries_do_not_grow_with_items(
    client, catalogue, groningen, django_assert_num_queries, count
):
    items = [
        create_item(catalogue, slug=f"item-{number}", regions=[groningen.region])
        for number in range(count)
    ]
    page = items[count // 2]
    page.related_items.set(items[:5])
    page.save_revision().publish()
    client.get(f"/aanbod/{page.slug}/?v=0")  # warms portal data and glossary terms
    with django_assert_num_queries(7):
        response = client.get(f"/aanbod/{page.slug}/?v=1")
    assert response.status_code == 200
    assert response.content.decode().count('<li><a href="/aanbod/item-') == 5


@pytest.mark.parametrize(
    "query,expected",
    [
        ("thema=bejegening", ["Bejegening item"]),
        ("regio=drenthe", ["Bejegening item"]),
        ("gezinstype=jonge-gezinnen", ["Bejegening item"]),
        ("kapitaal=sociaal-kapitaal", ["Bejegening item"]),
        ("toegankelijkheid=easy-read", ["Bejegening item"]),
        ("duur=lang", ["Bejegening item"]),
        ("duur=kort", ["Ander item"]),
        ("duur=dagen", ["Twee dagen"]),
        ("ervaring=ja", ["Ander item"]),
        ("leervorm=kijken", []),
    ],
)
def test_every_facet_filters(client, catalogue, groningen, drenthe, query, expected):
    from catalogue.models import CapitalForm, FamilyType

    learning_form("kijken", "watching")
    item = create_item(
        catalogue,
        slug="bejegening-item",
        regions=[groningen.region, drenthe.region],
        themes=("bejegening",),
        duration_minutes=75,
        has_easy_read=True,
    )
    item.family_types.set([term(FamilyType, "jonge-gezinnen")])
    item.capital_forms.set([term(CapitalForm, "sociaal-kapitaal")])
    item.save_revision().publish()
    create_item(
        catalogue,
        slug="ander-item",
        regions=[groningen.region],
        duration_minutes=5,
        made_with_experts=True,
    )
    # Its minutes would make it long, but it reads in days: only that band holds it.
    create_item(
        catalogue,
        slug="twee-dagen",
        regions=[groningen.region],
        duration_minutes=720,
        duration_days=2,
        themes=("schulden",),
    )
    assert titles(client.get(f"/aanbod/?{query}")) == expected


def test_video_and_podcast_need_a_transcript_to_be_published(catalogue, groningen):
    from django.core.exceptions import ValidationError

    podcast = create_item(
        catalogue, slug="podcast", regions=[groningen.region], kind=PodcastEpisodePage
    )
    podcast.transcript = ""
    with pytest.raises(ValidationError) as error:
        podcast.full_clean()
    assert "transcript" in error.value.message_dict


def test_editors_can_open_every_kind_in_the_admin(client, db):
    from io import StringIO

    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from catalogue.models import CatalogueIndexPage, LearningItemPage

    call_command("load_demo", stdout=StringIO())
    client.force_login(get_user_model().objects.get(username="redacteur"))
    kinds: dict[type, LearningItemPage] = {}
    for page in LearningItemPage.objects.all().specific():
        kinds.setdefault(type(page), page)
    # Every kind the catalogue takes (events and tracks included) has a demo page.
    assert set(kinds) == set(CatalogueIndexPage.allowed_subpage_models())
    for page in kinds.values():
        response = client.get(f"/beheer/pages/{page.pk}/edit/")
        assert response.status_code == 200, type(page).__name__
    catalogue = kinds[PodcastEpisodePage].get_parent()
    response = client.get(f"/beheer/pages/{catalogue.pk}/add_subpage/")
    assert response.status_code == 200


def test_item_links_to_the_pages_of_its_research_concepts(client, catalogue, groningen):
    from catalogue.models import CapitalForm

    item = create_item(catalogue, slug="netwerk", regions=[groningen.region])
    item.capital_forms.set([term(CapitalForm, "sociaal-kapitaal", name="Sociaal kapitaal")])
    item.save_revision().publish()
    html = client.get("/aanbod/netwerk/").content.decode()
    assert '<a href="/aanbod/kapitaal/sociaal-kapitaal/">Sociaal kapitaal</a>' in html
    concept = client.get("/aanbod/kapitaal/sociaal-kapitaal/").content.decode()
    assert '<a href="/aanbod/kapitaal/">Alle kapitaalsvormen</a>' in concept


@pytest.mark.parametrize(
    "minutes,days,said",
    [
        (1, None, "1 minuut"),
        (45, None, "45 minuten"),
        (75, None, "75 minuten"),
        (60, None, "1 uur"),
        (90, None, "1,5 uur"),
        (180, None, "3 uur"),
        (200, None, "3,5 uur"),
        (1440, 3, "3 dagen"),
        (480, 1, "1 dag"),
    ],
)
def test_durations_read_as_people_say_them(minutes, days, said):
    from django.utils import translation

    from catalogue.durations import describe_duration

    with translation.override("nl"):
        assert describe_duration(minutes, days) == said


def test_cards_show_duration_and_the_work_of_experts_by_experience(client, catalogue, groningen):
    create_item(catalogue, slug="samen-gemaakt", regions=[groningen.region], made_with_experts=True)
    create_item(catalogue, slug="training", regions=[groningen.region], duration_minutes=90)
    html = client.get("/aanbod/?sorteer=titel").content.decode()
    first, second = html.split('<li class="item-card')[1:3]
    assert "Gemaakt met ervaringsdeskundigen" in first and "10 minuten" in first
    assert "Gemaakt met ervaringsdeskundigen" not in second and "1,5 uur" in second
    assert "<dd>1,5 uur</dd>" in client.get("/aanbod/training/").content.decode()


def test_the_role_choice_follows_the_role_filter(client, catalogue, groningen):
    create_item(catalogue, slug="a", regions=[groningen.region], roles=("schuldhulpverlener",))
    create_item(catalogue, slug="b", regions=[groningen.region], roles=("incassomedewerker",))
    html = client.get("/aanbod/?rol=incassomedewerker").content.decode()
    select = html.split('id="recommend-role"')[1].split("</select>")[0]
    assert '<option value="incassomedewerker" selected>' in select
    assert '<option value="schuldhulpverlener">' in select


def test_overviews_of_family_types_and_forms_of_capital(client, catalogue, groningen, drenthe):
    from catalogue.models import CapitalForm, FamilyType

    social = term(CapitalForm, "sociaal-kapitaal", name="Sociaal kapitaal")
    term(CapitalForm, "financieel-kapitaal", name="Financieel kapitaal")
    young = term(
        FamilyType, "jonge-gezinnen", name="Jonge gezinnen", description="Met kleine kinderen."
    )
    for slug, regions in (
        ("een", [groningen.region]),
        ("twee", [groningen.region]),
        ("drie", [drenthe.region]),
    ):
        item = create_item(catalogue, slug=slug, regions=regions)
        item.capital_forms.set([social])
        item.family_types.set([young])
        item.save_revision().publish()
    html = client.get("/aanbod/kapitaal/").content.decode()
    assert '<a href="/aanbod/kapitaal/sociaal-kapitaal/">Sociaal kapitaal</a>' in html
    # Counted on this portal: the item of Drenthe is not.
    assert '<a href="/aanbod/?kapitaal=sociaal-kapitaal">2 onderdelen in het aanbod' in html
    assert "Nog niets in het aanbod" in html  # financial capital
    families = client.get("/aanbod/gezinstype/").content.decode()
    assert "Met kleine kinderen." in families
    assert '<a href="/aanbod/?gezinstype=jonge-gezinnen">2 onderdelen' in families


def test_a_published_change_shows_in_the_list_at_once(
    client, catalogue, groningen, django_capture_on_commit_callbacks
):
    """Cards, counts and rows are kept in memory, but never past a publish."""
    item = create_item(catalogue, slug="oude-titel", regions=[groningen.region])
    assert titles(client.get("/aanbod/?v=1")) == ["Oude titel"]
    with django_capture_on_commit_callbacks(execute=True):
        item.title = "Nieuwe titel"
        item.save_revision().publish()
        create_item(catalogue, slug="erbij", regions=[groningen.region])
    listed = client.get("/aanbod/?v=2")
    assert sorted(titles(listed)) == ["Erbij", "Nieuwe titel"]
    assert "2 resultaten" in listed.content.decode()
