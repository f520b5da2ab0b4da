from datetime import timedelta

import time_machine
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from core.display import COOKIE_NAME
from core.periodic import run_due_jobs

from .factories import create_content_page, shared_root


def test_anonymous_pages_are_served_from_the_cache(client, groningen, django_assert_num_queries):
    assert client.get("/")["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        response = client.get("/")
    assert response["X-Page-Cache"] == "hit"
    assert response.status_code == 200


def test_each_portal_language_and_display_level_has_its_own_entry(client, groningen, drenthe):
    groningen_html = client.get("/").content.decode()
    assert "Drenthe" in client.get("/", HTTP_HOST="drenthe.localhost").content.decode()
    client.cookies[COOKIE_NAME] = "2:1"
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert 'data-text="2" data-spacing="1"' in response.content.decode()
    del client.cookies[COOKIE_NAME]
    client.post("/taal/", {"language": "en", "next": "/"})
    assert '<html lang="en"' in client.get("/").content.decode()
    assert '<html lang="nl"' in groningen_html


def test_publishing_shows_the_change_at_once(client, groningen, django_capture_on_commit_callbacks):
    page = create_content_page(
        parent=shared_root(), slug="over", regions=[groningen.region], title="Oude titel"
    )
    assert "Oude titel" in client.get("/over/").content.decode()
    page.title = "Nieuwe titel"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    response = client.get("/over/")
    assert response["X-Page-Cache"] == "miss"
    assert "Nieuwe titel" in response.content.decode()


def test_logged_in_users_and_errors_are_never_cached(client, groningen):
    assert "X-Page-Cache" not in client.get("/bestaat-niet/")
    user = get_user_model().objects.create_user("lid", password="geheim-wachtwoord")
    client.force_login(user)
    client.get("/")
    assert "X-Page-Cache" not in client.get("/")


def test_the_clock_publishes_scheduled_changes_and_refreshes_the_pages(
    client, groningen, django_capture_on_commit_callbacks
):
    page = create_content_page(
        parent=shared_root(), slug="over", regions=[groningen.region], title="Oude titel"
    )
    client.get("/over/")
    page.title = "Geplande titel"
    page.save_revision(approved_go_live_at=timezone.now() + timedelta(minutes=5))
    with time_machine.travel(timezone.now() + timedelta(minutes=6)):
        with django_capture_on_commit_callbacks(execute=True):
            assert "wagtail-publish-scheduled" in run_due_jobs()
        assert "Geplande titel" in client.get("/over/").content.decode()


def test_a_known_address_finds_its_page_without_asking_the_page_tree(client, groningen):
    create_content_page(parent=shared_root(), slug="over", regions=[groningen.region])
    assert client.get("/over/?v=1").status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/over/?v=2").status_code == 200
    asked = [query["sql"] for query in queries]
    assert not [sql for sql in asked if '"wagtailcore_page"."slug"' in sql], asked
    assert not [sql for sql in asked if "wagtailcore_pageviewrestriction" in sql], asked


def test_an_unpublished_page_is_gone_at_once(client, groningen, django_capture_on_commit_callbacks):
    page = create_content_page(parent=shared_root(), slug="over", regions=[groningen.region])
    assert client.get("/over/?v=1").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert client.get("/over/?v=2").status_code == 404


def test_a_page_made_private_asks_for_a_log_in_at_once(
    client, groningen, django_capture_on_commit_callbacks
):
    page = create_content_page(parent=shared_root(), slug="over", regions=[groningen.region])
    assert client.get("/over/?v=1").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/over/?v=2")
    assert response.status_code == 302
    assert "next=/over/" in response["Location"]
