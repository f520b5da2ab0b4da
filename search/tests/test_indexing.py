import pytest
from django.core.management import call_command
from django.utils.translation import override
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from catalogue.models import PodcastEpisodePage, PracticeAssignmentPage, VideoClipPage
from catalogue.tests.factories import create_item
from glossary.models import Term
from glossary.tests.factories import TermFactory
from search.models import SearchEntry
from search.services import index_page, page_text, rebuild_index, remove_page

from .factories import indexed_item


def test_index_page_stores_text_address_regions_and_kind(catalogue, drenthe):
    page = indexed_item(
        catalogue,
        slug="schulden-en-gezinnen",
        regions=[drenthe.region],
        title="Schulden en gezinnen",
        summary="Wat schulden doen met een gezin.",
        outcomes="Je herkent stress.",
        body=[("paragraph", RichText("<p>Over schulden en gezinnen.</p>"))],
    )
    entry = SearchEntry.objects.get(page=page)
    assert entry.kind == SearchEntry.Kind.ITEM
    assert entry.title == "Schulden en gezinnen"
    assert entry.body == (
        "Wat schulden doen met een gezin. Je herkent stress. Over schulden en gezinnen."
    )
    assert entry.url_path == "/aanbod/schulden-en-gezinnen/"
    assert list(entry.regions.all()) == [drenthe.region]
    assert not entry.in_all_regions
    assert entry.title_stems == "schuld gezin"
    with override("en"):
        assert entry.kind_label == "Article"


def test_page_text_follows_each_page_types_search_fields(catalogue, groningen):
    regions = [groningen.region]
    podcast = create_item(
        catalogue,
        slug="podcast",
        regions=regions,
        kind=PodcastEpisodePage,
        transcript="<p>Wat er <b>gezegd</b> wordt &amp; meer.</p>",
    )
    assignment = create_item(
        catalogue,
        slug="opdracht",
        regions=regions,
        kind=PracticeAssignmentPage,
        introduction="<p>Doe dit in je werk.</p>",
    )
    clip = create_item(
        catalogue,
        slug="clip",
        regions=regions,
        kind=VideoClipPage,
        embed_url="https://video.example/1",
        transcript="<p>Casuïstiek.</p>",
    )
    assert page_text(podcast) == "Samenvatting van podcast. Wat er gezegd wordt & meer."
    assert (
        page_text(assignment)
        == "Samenvatting van opdracht. Doe dit in je werk. Stap een. Wat merkte je?"
    )
    assert page_text(clip) == "Samenvatting van clip. Casuïstiek."


def test_publishing_indexes_and_unpublishing_removes(catalogue, groningen):
    page = create_item(catalogue, slug="artikel", regions=[groningen.region], live=False)
    assert not SearchEntry.objects.exists()
    page.save_revision().publish()
    assert SearchEntry.objects.get().page_id == page.pk
    page.title = "Nieuwe titel"
    page.save_revision().publish()
    assert SearchEntry.objects.get().title == "Nieuwe titel"
    page.refresh_from_db()
    page.unpublish()
    assert not SearchEntry.objects.exists()


def test_deleting_a_page_deletes_its_entry(catalogue, groningen):
    page = indexed_item(catalogue, slug="artikel", regions=[groningen.region])
    page.delete()
    assert not SearchEntry.objects.exists()


def test_drafts_and_private_pages_are_not_indexed(
    catalogue, groningen, django_capture_on_commit_callbacks
):
    draft = create_item(catalogue, slug="concept", regions=[groningen.region], live=False)
    index_page(page=draft)
    assert not SearchEntry.objects.exists()
    page = indexed_item(catalogue, slug="artikel", regions=[groningen.region])
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=catalogue, restriction_type=PageViewRestriction.LOGIN
        )
    assert not SearchEntry.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert SearchEntry.objects.get().page_id == page.pk


def test_a_new_address_is_indexed(catalogue, groningen, django_capture_on_commit_callbacks):
    indexed_item(catalogue, slug="artikel", regions=[groningen.region])
    catalogue.slug = "leeraanbod"
    with django_capture_on_commit_callbacks(execute=True):
        catalogue.save_revision().publish()
    assert SearchEntry.objects.get().url_path == "/leeraanbod/artikel/"


def test_a_page_below_a_portal_home_is_only_in_that_portals_region(groningen, drenthe):
    from catalogue.tests.factories import create_catalogue

    regional = create_catalogue([groningen.region, drenthe.region])
    regional.move(groningen, pos="last-child")
    regional.refresh_from_db()
    page = indexed_item(regional, slug="artikel", regions=[groningen.region, drenthe.region])
    assert list(SearchEntry.objects.get(page=page).regions.all()) == [groningen.region]


def test_terms_are_indexed_when_saved_and_removed_when_deleted(db):
    term = Term.objects.create(
        name="Schuldhulpverlening",
        slug="schuldhulpverlening",
        synonyms="Schuldhulp\nSchuldsanering",
        short_definition="Hulp bij schulden.",
        description="<p>Met een <b>plan</b>.</p>",
    )
    entry = SearchEntry.objects.get(term=term)
    assert entry.kind == SearchEntry.Kind.TERM
    assert entry.body == "Hulp bij schulden. Met een plan."
    assert entry.url_path == f"/begrippen/#{term.slug}"
    assert entry.in_all_regions
    assert entry.title_stems == "schuldhulpverlen schuldhulp schuldsaner"
    with override("en"):
        assert entry.kind_label == "Term"
    term.delete()
    assert not SearchEntry.objects.exists()


def test_rebuild_indexes_live_public_items_and_terms(catalogue, groningen):
    create_item(catalogue, slug="artikel", regions=[groningen.region])
    create_item(catalogue, slug="concept", regions=[groningen.region], live=False)
    TermFactory(name="Gezin")
    SearchEntry.objects.all().delete()
    assert rebuild_index() == 2
    assert set(SearchEntry.objects.values_list("title", flat=True)) == {"Artikel", "Gezin"}
    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert SearchEntry.objects.count() == 2


@pytest.mark.parametrize("repeat", [1, 2])
def test_remove_page_is_idempotent(catalogue, groningen, repeat):
    page = indexed_item(catalogue, slug="artikel", regions=[groningen.region])
    for _ in range(repeat):
        remove_page(page=page)
    assert not SearchEntry.objects.exists()
