"""The personal API: a person's own data with their token, never anyone else's."""

import json
import re

import pytest

from accounts.tests.factories import ProfileFactory
from api.models import AccessToken, hash_secret
from api.services import create_access_token, revoke_access_token
from catalogue.tests.factories import create_item
from events.services import register_user
from events.tests.factories import create_event, create_user
from learning.models import Verb
from learning.services import complete_item, record_statement


@pytest.fixture
def people(catalogue, regions):
    event = create_event(catalogue, regions=regions)
    session = event.sessions.get()
    people = {}
    for name in ("anna", "bram"):
        person = create_user(name, first_name=name.capitalize())
        item = create_item(catalogue, slug=f"artikel-{name}", regions=regions)
        complete_item(user=person, page=item)
        register_user(session=session, user=person)
        people[name] = person
    return people


def bearer(secret: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_a_token_reads_only_its_owners_data(client, people):
    _token, secret = create_access_token(user=people["anna"], name="HR-systeem")
    records = client.get("/api/v1/mij/leerervaringen/", **bearer(secret))
    assert records.status_code == 200
    assert records["Cache-Control"] == "no-store, private" or "no-store" in records["Cache-Control"]
    statements = records.json()["results"]
    assert {statement["verb"]["id"].rsplit("/", 1)[-1] for statement in statements} == {
        "completed",
        "registered",
    }
    assert "Artikel anna" in json.dumps(statements)
    assert "bram" not in records.content.decode().lower()
    [registration] = client.get("/api/v1/mij/inschrijvingen/", **bearer(secret)).json()["results"]
    assert registration["name"] == "Anna"
    assert client.get("/api/v1/mij/certificaten/", **bearer(secret)).json()["results"] == []
    assert client.get("/api/v1/mij/leerroute/", **bearer(secret)).json()["results"] == []


def test_without_a_valid_token_nothing_personal(client, people):
    token, secret = create_access_token(user=people["anna"], name="HR-systeem")
    for path in ("leerroute", "inschrijvingen", "certificaten", "leerervaringen"):
        assert client.get(f"/api/v1/mij/{path}/").status_code == 401
        wrong = client.get(f"/api/v1/mij/{path}/", **bearer(secret[:-2] + "xx"))
        assert wrong.status_code == 401
        assert wrong.json()["detail"].startswith("Deze toegangssleutel")
        assert wrong["WWW-Authenticate"] == 'Bearer realm="api"'
    # Logged in on the site is not enough: the API takes a token only.
    client.force_login(people["anna"])
    assert client.get("/api/v1/mij/leerervaringen/").status_code == 401
    revoke_access_token(user=people["anna"], token_id=token.pk)
    assert client.get("/api/v1/mij/leerervaringen/", **bearer(secret)).status_code == 401


def test_the_token_page_shows_the_secret_once_and_keeps_its_hash(client, people):
    ProfileFactory(user=people["anna"])
    client.force_login(people["anna"])
    assert 'href="/mijn/api-sleutels/"' in client.get("/mijn/profiel/").content.decode()
    response = client.post("/mijn/api-sleutels/", {"name": "Registerplein"})
    html = response.content.decode()
    assert "no-store" in response["Cache-Control"]
    token = AccessToken.objects.get(user=people["anna"])
    [secret] = re.findall(r'id="new-token"[^>]* value="([^"]+)"', html)
    assert secret.startswith("lov_") and len(secret) > 40
    assert token.secret_hash == hash_secret(secret)
    assert secret not in str(AccessToken.objects.values_list())
    page = client.get("/mijn/api-sleutels/").content.decode()
    assert "Registerplein" in page and secret not in page
    assert "Nooit" in page
    client.get("/api/v1/mij/leerroute/", **bearer(secret))
    token.refresh_from_db()
    assert token.last_used_on is not None
    # An empty name is refused in Dutch, with the form kept.
    refused = client.post("/mijn/api-sleutels/", {"name": "  "}).content.decode()
    assert "verplicht" in refused


def test_nobody_revokes_another_persons_token(client, people):
    token, _secret = create_access_token(user=people["anna"], name="HR-systeem")
    client.force_login(people["bram"])
    client.post(f"/mijn/api-sleutels/{token.pk}/intrekken/")
    token.refresh_from_db()
    assert token.revoked_at is None
    client.force_login(people["anna"])
    client.post(f"/mijn/api-sleutels/{token.pk}/intrekken/")
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert client.get(f"/mijn/api-sleutels/{token.pk}/intrekken/").status_code == 405


def test_tokens_are_in_the_personal_data_download(client, people):
    _token, secret = create_access_token(user=people["anna"], name="HR-systeem")
    client.force_login(people["anna"])
    download = client.get("/mijn/gegevens/")
    body = b"".join(download.streaming_content) if download.streaming else download.content
    data = json.loads(body)
    assert [token["name"] for token in data["api_access_tokens"]] == ["HR-systeem"]
    assert secret not in body.decode()


@pytest.mark.parametrize("count", [10, 100])
def test_personal_lists_keep_their_queries(
    client, catalogue, regions, django_assert_num_queries, count
):
    person = create_user("anna")
    item = create_item(catalogue, slug="artikel", regions=regions)
    for _ in range(count):
        record_statement(actor=person, verb=Verb.PROGRESSED, activity=item, progress=0.5)
    _token, secret = create_access_token(user=person, name="HR-systeem")
    client.get("/api/v1/mij/leerervaringen/", **bearer(secret))  # notes the day of use
    # The token with its person, and the records (the learning app's own export).
    with django_assert_num_queries(2):
        response = client.get("/api/v1/mij/leerervaringen/?per_pagina=100", **bearer(secret))
    assert len(response.json()["results"]) == count
