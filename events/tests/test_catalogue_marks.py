"""A past event says so on its card and page, and leaves the catalogue's default listing."""

import re
from datetime import timedelta

from django.test import Client

from .factories import create_event


def titles(html: str) -> list[str]:
    return re.findall(r'class="item-card__title"><a href="[^"]+">([^<]+)</a>', html)


def test_a_past_event_leaves_the_listing_and_says_it_is_over(client: Client, catalogue, regions):
    create_event(catalogue, slug="congres", regions=regions, starts_in=timedelta(days=-60))
    create_event(catalogue, slug="training", regions=regions)
    # The first of two sessions is over, the second is still to come.
    create_event(
        catalogue, slug="webinar", regions=regions, starts_in=timedelta(days=-3), sessions=2
    )
    assert sorted(titles(client.get("/aanbod/").text)) == ["Training", "Webinar"]
    everything = client.get("/aanbod/?afgelopen=ja").text
    assert sorted(titles(everything)) == ["Congres", "Training", "Webinar"]
    card = everything[everything.index(">Congres<") :].split("</li>")[0]
    assert '<p class="status-label">Afgelopen</p>' in card
    assert 'id="f-afgelopen" checked' in everything
    assert '<p class="status-label">Afgelopen</p>' in client.get("/aanbod/congres/").text
    assert "status-label" not in client.get("/aanbod/webinar/").text
