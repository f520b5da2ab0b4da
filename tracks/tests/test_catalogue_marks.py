"""A track reads in days, and one whose groups have all closed says so and leaves the
catalogue's default listing."""

import itertools
import re
from datetime import timedelta

from django.test import Client
from django.utils import timezone

from .factories import create_track, plan

TRACK = "Driedaagse leergang"
FRESH = itertools.count()


def titles(html: str) -> list[str]:
    return re.findall(r'class="item-card__title"><a href="[^"]+">([^<]+)</a>', html)


def listed_tracks(client: Client, query: str = "") -> list[str]:
    # A new address each time passes the page cache; planning a group refreshes the
    # lists the site keeps (tracks.services.plan_cohort).
    html = client.get(f"/aanbod/?v={next(FRESH)}&{query}").text
    return [title for title in titles(html) if title == TRACK]


def test_a_track_reads_in_the_days_of_its_programme(client: Client, catalogue, regions):
    track = create_track(catalogue, regions=regions, days=2)
    assert track.duration_days == 2
    html = client.get("/aanbod/?leervorm=samen-trainen&duur=dagen").text
    assert titles(html) == [TRACK]
    assert "<li>2 dagen</li>" in html
    assert titles(client.get("/aanbod/?leervorm=samen-trainen&duur=lang").text) == []


def test_a_track_without_an_open_group_is_closed(
    client: Client, catalogue, regions, django_capture_on_commit_callbacks
):
    track = create_track(catalogue, regions=regions, days=1, with_assignments=False)
    assert listed_tracks(client) == [TRACK]  # no group planned yet
    with django_capture_on_commit_callbacks(execute=True):  # planning refreshes the lists
        plan(track, starts_in=timedelta(days=-2), name="Groep najaar")
    assert listed_tracks(client) == []
    assert listed_tracks(client, "afgelopen=ja") == [TRACK]
    assert (
        '<p class="status-label">Inschrijving gesloten</p>' in client.get(f"{track.url}?v=1").text
    )
    # A group whose registration has closed before it starts does not open it again.
    with django_capture_on_commit_callbacks(execute=True):
        plan(
            track,
            starts_in=timedelta(days=20),
            name="Groep voorjaar",
            registration_closes_at=timezone.now() - timedelta(hours=1),
        )
    assert listed_tracks(client) == []
    with django_capture_on_commit_callbacks(execute=True):
        plan(track, starts_in=timedelta(days=60), name="Groep zomer")
    assert listed_tracks(client) == [TRACK]
    assert "status-label" not in client.get(f"{track.url}?v=2").text
