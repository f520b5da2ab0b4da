"""The public API: what each portal shows, filtered as its pages filter, nothing personal."""

from datetime import timedelta
from decimal import Decimal

from catalogue.tests.factories import create_item, learning_form
from core.models import Municipality
from events.models import Registration, RegistrationState
from events.tests.factories import create_event, create_user
from glossary.tests.factories import create_terms
from monitor.models import Figure, Indicator, Source
from news.tests.factories import create_news, create_news_index
from tracks.tests.factories import create_track, plan

DRENTHE = {"HTTP_HOST": "drenthe.localhost"}


def slugs(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["slug"] for row in response.json()["results"]]


def test_items_are_those_the_portal_shows(client, catalogue, groningen, drenthe):
    both = [groningen.region, drenthe.region]
    create_item(catalogue, slug="voor-beide", regions=both, has_captions=True)
    create_item(catalogue, slug="alleen-drenthe", regions=[drenthe.region])
    create_item(catalogue, slug="concept", regions=both, live=False)
    assert slugs(client.get("/api/v1/aanbod/")) == ["voor-beide"]
    assert sorted(slugs(client.get("/api/v1/aanbod/", **DRENTHE))) == [
        "alleen-drenthe",
        "voor-beide",
    ]
    item = client.get("/api/v1/aanbod/").json()["results"][0]
    assert item["url"] == "http://groningen.localhost/aanbod/voor-beide/"
    assert item["kind"] == "article"
    assert item["roles"] == [{"slug": "schuldhulpverlener", "name": "Schuldhulpverlener"}]
    assert item["accessibility"] == ["captions"]
    assert [region["slug"] for region in item["regions"]] == sorted(
        [groningen.region.slug, drenthe.region.slug]
    ) or len(item["regions"]) == 2
    assert client.get("/api/v1/aanbod/voor-beide/").json()["title"] == "Voor beide"
    assert client.get("/api/v1/aanbod/alleen-drenthe/").status_code == 404
    assert client.get("/api/v1/aanbod/concept/").status_code == 404


def test_items_filter_as_the_catalogue_does(client, catalogue, groningen):
    listen = learning_form("luisteren", "listening")
    create_item(
        catalogue, slug="podcast", regions=[groningen.region], form=listen, duration_minutes=30
    )
    create_item(
        catalogue, slug="lang", regions=[groningen.region], duration_minutes=90, roles=("wijkteam",)
    )
    create_item(catalogue, slug="kort", regions=[groningen.region], duration_minutes=5)
    assert slugs(client.get("/api/v1/aanbod/?leervorm=luisteren")) == ["podcast"]
    assert sorted(slugs(client.get("/api/v1/aanbod/?duur=lang&duur=kort"))) == ["kort", "lang"]
    # Facets narrow each other; an unknown value is ignored, as on /aanbod/.
    assert slugs(client.get("/api/v1/aanbod/?duur=lang&rol=wijkteam&rol=onbekend")) == ["lang"]
    assert slugs(client.get("/api/v1/aanbod/?sorteer=duur"))[0] == "kort"
    page = client.get("/api/v1/aanbod/?per_pagina=2&sorteer=titel").json()
    assert page["count"] == 3
    assert [row["slug"] for row in page["results"]] == ["kort", "lang"]
    assert "pagina=2" in page["next"]


def test_sessions_with_free_seats_and_no_personal_data(client, catalogue, regions):
    event = create_event(catalogue, regions=regions, capacity=3, kind="webinar")
    session = event.sessions.get()
    person = create_user("sanne", first_name="Sanne", last_name="de Vries")
    Registration.objects.create(
        session=session, user=person, name="Sanne de Vries", state=RegistrationState.CONFIRMED
    )
    response = client.get("/api/v1/agenda/")
    [row] = response.json()["results"]
    assert row["seats_left"] == 2
    assert row["event"]["slug"] == event.slug
    body = response.content.decode()
    for secret in ("Sanne", "meet.example.org", "sanne"):
        assert secret not in body
    # A filter value the agenda does not know is an error in Dutch.
    bad = client.get("/api/v1/agenda/?thema=bestaat-niet")
    assert bad.status_code == 400
    assert bad.json()["detail"] == "Een filter heeft een waarde die we niet kennen."
    assert slugs_of_events(client.get("/api/v1/agenda/?soort=webinar")) == [event.slug]
    assert slugs_of_events(client.get("/api/v1/agenda/?soort=training")) == []


def slugs_of_events(response) -> list[str]:
    assert response.status_code == 200
    return [row["event"]["slug"] for row in response.json()["results"]]


def test_tracks_with_their_open_groups(client, catalogue, regions):
    track = create_track(catalogue, regions=regions, days=2)
    plan(track, name="Groep voorjaar", seats=8)
    plan(track, name="Al begonnen", starts_in=timedelta(days=-1))
    [row] = client.get("/api/v1/leergangen/").json()["results"]
    assert row["slug"] == track.slug
    [group] = row["open_groups"]
    assert group["name"] == "Groep voorjaar"
    assert group["seats_left"] == 8
    assert [day["title"] for day in group["days"]] == ["Dag 1", "Dag 2"]


def test_glossary_news_and_monitor(client, regions, groningen, drenthe):
    create_terms(3)
    index = create_news_index(regions)
    create_news(index, slug="voor-drenthe", regions=[drenthe.region])
    create_news(index, slug="voor-groningen", regions=[groningen.region])
    assert len(client.get("/api/v1/begrippen/").json()["results"]) == 3
    assert slugs(client.get("/api/v1/nieuws/")) == ["voor-groningen"]
    assert client.get("/api/v1/monitor/").json()["results"] == []
    source = Source.objects.create(year=2022, title="CBS 2022", licence="CC BY 4.0", file_name="x")
    indicator = Indicator.objects.create(key="pct_huishoudens_laag_inkomen", unit="percent")
    municipality = Municipality.objects.create(
        name="Midden-Groningen", cbs_code="GM1952", region=groningen.region
    )
    Figure.objects.create(
        municipality=municipality,
        indicator=indicator,
        year=2022,
        value=Decimal("9.5"),
        source=source,
    )
    [figure] = client.get("/api/v1/monitor/").json()["results"]
    assert figure["municipality"]["slug"] == "midden-groningen"
    assert figure["value"] == 9.5
    assert client.get("/api/v1/monitor/?jaar=2021").json()["results"] == []
    assert client.get("/api/v1/monitor/?jaar=twee").status_code == 400


def test_etag_and_cache_headers(client, catalogue, groningen, django_capture_on_commit_callbacks):
    create_item(catalogue, slug="artikel", regions=[groningen.region])
    response = client.get("/api/v1/aanbod/")
    assert "public" in response["Cache-Control"]
    assert "max-age=60" in response["Cache-Control"]
    etag = response["ETag"]
    assert client.get("/api/v1/aanbod/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    with django_capture_on_commit_callbacks(execute=True):  # publishing refreshes the lists
        create_item(catalogue, slug="nog-een", regions=[groningen.region]).save_revision().publish()
    assert client.get("/api/v1/aanbod/", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_cors_is_open_for_reading_only(client, catalogue):
    response = client.get("/api/v1/aanbod/", HTTP_ORIGIN="https://gemeente.example.nl")
    assert response["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(
        "/api/v1/aanbod/",
        HTTP_ORIGIN="https://gemeente.example.nl",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    # Not for the site's own pages.
    page = client.get("/aanbod/", HTTP_ORIGIN="https://gemeente.example.nl")
    assert "Access-Control-Allow-Origin" not in page


def test_writing_is_not_allowed(client, catalogue):
    assert client.post("/api/v1/aanbod/", {}).status_code == 405
    assert client.delete("/api/v1/aanbod/").status_code == 405


def test_limit_per_client_says_so_in_dutch(client, catalogue, settings):
    settings.API_RATE_LIMIT = "2/minute"
    assert client.get("/api/v1/begrippen/").status_code == 200
    assert client.get("/api/v1/nieuws/").status_code == 200
    response = client.get("/api/v1/begrippen/")
    assert response.status_code == 429
    assert response.json()["detail"].startswith("Je hebt te veel verzoeken")
    assert int(response["Retry-After"]) > 0
    # Another client has its own count.
    assert client.get("/api/v1/begrippen/", REMOTE_ADDR="10.0.0.2").status_code == 200


def test_schema_and_documentation(client, catalogue):
    schema = client.get("/api/v1/schema/?format=json").json()
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/aanbod/" in schema["paths"]
    assert not [path for path in schema["paths"] if not path.startswith("/api/v1/")]
    html = client.get("/api/v1/documentatie/").content.decode()
    assert "GET /api/v1/agenda/" in html
    assert "Bijeenkomsten in de agenda" in html  # the schema's texts follow the language
    assert "<script" not in html.split("</header>")[-1]


def test_unknown_addresses_under_the_api_are_json(client, catalogue):
    response = client.get("/api/v1/bestaat-niet/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert client.get("/api/v1/aanbod/?pagina=99").status_code == 404
