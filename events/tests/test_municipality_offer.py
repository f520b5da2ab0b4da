"""The monitor's page of a municipality shows upcoming sessions, those held there first."""

from datetime import timedelta

from core.models import Municipality

from .factories import create_event

HOST = {"HTTP_HOST": "drenthe.localhost"}


def test_upcoming_sessions_held_in_the_municipality_come_first(client, catalogue, regions):
    Municipality.objects.create(name="Emmen", cbs_code="GM0114", region=regions[1])
    create_event(catalogue, slug="in-hoogezand", regions=regions, starts_in=timedelta(days=2))
    in_emmen = create_event(
        catalogue, slug="in-emmen", regions=regions, starts_in=timedelta(days=9)
    )
    in_emmen.sessions.update(place_name="Atlas Theater", address="Hoofdstraat 1, Emmen")
    create_event(catalogue, slug="voorbij", regions=regions, starts_in=timedelta(days=-3))

    html = client.get("/monitor/emmen/", **HOST).content.decode()

    assert html.index("In emmen") < html.index("In hoogezand")
    assert "Atlas Theater" in html
    assert "Voorbij" not in html
    session = in_emmen.sessions.get()
    assert f'href="/aanbod/in-emmen/#sessie-{session.pk}"' in html


def test_without_sessions_the_page_says_so(client, regions):
    Municipality.objects.create(name="Emmen", cbs_code="GM0114", region=regions[1])
    html = client.get("/monitor/emmen/", **HOST).content.decode()
    assert "Er zijn nog geen bijeenkomsten gepland." in html
