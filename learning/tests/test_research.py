"""The anonymised export of learning records for research in /beheer/."""

import json
from typing import Any

import pytest
from django.contrib.auth.models import Permission, User
from django.test import Client
from django.utils import timezone

from accounts.tests.factories import (
    MunicipalityFactory,
    OrganisationFactory,
    ProfileFactory,
    RoleFactory,
    SectorFactory,
    UserFactory,
)
from catalogue.tests.factories import create_item
from learning.models import LearningRecord, Verb, activity_type_and_id
from learning.research import K, kept_combinations
from learning.services import complete_item

HOST: dict[str, Any] = {"HTTP_HOST": "groningen.localhost"}
PAGE = "/beheer/onderzoek/"
DOWNLOAD = "/beheer/onderzoek/download/"
BASE = "http://groningen.localhost/xapi/extensions/"


def test_values_fewer_than_k_people_share_are_blanked():
    rows = [(person, (1, 10, 100)) for person in range(K)]  # five people share all three
    rows += [(person, (2, 10, 100)) for person in range(10, 10 + K - 1)]  # role 2: four
    rows += [(person, (3, 10, 100)) for person in range(20, 20 + K - 1)]  # role 3: four
    kept = kept_combinations(rows)
    assert kept[(1, 10, 100)] == (1, 10, 100)
    # Without their role, the eight share sector and municipality.
    assert kept[(2, 10, 100)] == kept[(3, 10, 100)] == (None, 10, 100)
    # Four alone in a combination: everything goes.
    assert kept_combinations(rows[: K + K - 1])[(2, 10, 100)] == (None, None, None)


def test_a_combination_fewer_than_k_people_share_loses_municipality_then_sector():
    # Role 1 and municipality 100 are each common, but together only two people have them.
    rows = [(person, (1, 10, 200)) for person in range(6)]
    rows += [(person, (3, 10, 100)) for person in range(6, 12)]
    rows += [(person, (1, 10, 100)) for person in range(12, 14)]
    kept = kept_combinations(rows)
    assert kept[(1, 10, 200)] == (1, 10, 200)
    assert kept[(3, 10, 100)] == (3, 10, 100)
    # Blanking the municipality puts the two with the others of role 1 without one (none
    # yet), still two: then the sector goes, and the role.
    assert kept[(1, 10, 100)] == (None, None, None)


def test_the_same_person_counts_once_and_removed_people_count_as_one():
    rows = [(0, (1, None, None))] * 20 + [("removed", (1, None, None))] * 20
    assert kept_combinations(rows)[(1, None, None)] == (None, None, None)


@pytest.fixture
def item(catalogue, groningen):
    return create_item(catalogue, slug="gesprekken", regions=[groningen.region])


@pytest.fixture
def researcher(db) -> User:
    user = UserFactory.create()
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="export_research_data"),
    )
    return user


def download(client: Client) -> list[dict[str, Any]]:
    response = client.get(DOWNLOAD, **HOST)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/x-ndjson")
    assert "attachment" in response["Content-Disposition"]
    return [json.loads(line) for line in response.getvalue().splitlines()]


def test_the_export_names_nobody_and_keeps_what_five_people_share(client, researcher, item):
    sector = SectorFactory.create(name="Testsector Groot", slug="testsector-groot")
    municipality = MunicipalityFactory.create(name="Testgemeente Noord")
    role = RoleFactory.create(name="Testfunctie Wijk", slug="testfunctie-wijk")
    organisation = OrganisationFactory.create(sector=sector, municipality=municipality)
    many = [
        ProfileFactory.create(role=role, organisation=organisation, full_name=f"Anne Visser {n}")
        for n in range(K)
    ]
    alone = ProfileFactory.create(
        role=RoleFactory.create(name="Testfunctie Zeldzaam", slug="testfunctie-zeldzaam"),
        organisation=OrganisationFactory.create(
            sector=SectorFactory.create(name="Testsector Klein", slug="testsector-klein"),
            municipality=MunicipalityFactory.create(name="Testgemeente Zuid"),
        ),
        full_name="Zeldzame Naam",
    )
    for profile in [*many, alone]:
        complete_item(user=profile.user, page=item)

    client.force_login(researcher)
    statements = download(client)

    assert len(statements) == K + 1
    contexts = [statement["context"]["extensions"] for statement in statements]
    shared = {
        "role": "Testfunctie Wijk",
        "sector": "Testsector Groot",
        "municipality": "Testgemeente Noord",
    }
    assert contexts.count({BASE + key: value for key, value in shared.items()}) == K
    assert {BASE + "role": "", BASE + "sector": "", BASE + "municipality": ""} in contexts
    text = json.dumps(statements, ensure_ascii=False)
    for profile in [*many, alone]:
        assert profile.full_name not in text
        assert profile.user.email not in text
        assert profile.user.username not in text
    for word in (
        "Testfunctie Zeldzaam",
        "Testsector Klein",
        "Testgemeente Zuid",
        organisation.name,
    ):
        assert word not in text
    for statement in statements:
        assert "id" not in statement
        assert statement["actor"] == {
            "objectType": "Agent",
            "account": {"homePage": "http://groningen.localhost", "name": "anonymous"},
        }
        assert statement["timestamp"].startswith(f"{timezone.localdate():%Y-%m-%d}T00:00:00")
        assert statement["object"]["definition"]["name"]["nl-NL"] == item.title
    record_ids = {str(pk) for pk in LearningRecord.objects.values_list("pk", flat=True)}
    assert not any(record_id in text for record_id in record_ids)


@pytest.mark.parametrize("size", [10, 500])
def test_the_download_takes_the_same_queries_for_any_number_of_records(
    client, researcher, item, size, django_assert_num_queries
):
    content_type, object_id = activity_type_and_id(item)
    profiles = [ProfileFactory.create(organisation=OrganisationFactory.create()) for _ in range(5)]
    LearningRecord.objects.bulk_create(
        LearningRecord(
            timestamp=timezone.now(),
            actor=profiles[number % 5].user,
            verb=Verb.PROGRESSED,
            activity_type=content_type,
            activity_id=object_id,
            activity_name=item.title,
            role=profiles[number % 5].role,
            organisation=profiles[number % 5].organisation,
        )
        for number in range(size)
    )
    client.force_login(researcher)
    client.get(PAGE, **HOST)  # the session and permissions are loaded once
    with django_assert_num_queries(8):
        assert len(download(client)) == size


def test_the_admin_page_lists_it_for_researchers(client, researcher):
    client.force_login(researcher)
    response = client.get(PAGE, **HOST)
    assert response.status_code == 200
    assert "Download de export" in response.text
    assert DOWNLOAD in response.text
    assert PAGE in client.get("/beheer/", **HOST).text  # the menu item


def test_editors_without_the_permission_are_refused(client, db):
    editor = UserFactory.create()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    for url in (PAGE, DOWNLOAD):
        # Wagtail's admin answers a refused permission with its home page and a message.
        response = client.get(url, **HOST)
        assert (response.status_code, response["Location"]) == (302, "/beheer/")
    assert PAGE not in client.get("/beheer/", **HOST).text


def test_people_without_admin_access_are_sent_to_log_in(client, db):
    client.force_login(UserFactory.create())
    for url in (PAGE, DOWNLOAD):
        response = client.get(url, **HOST)
        assert response.status_code == 302
        assert "/login/" in response["Location"]
    client.logout()
    assert client.get(DOWNLOAD, **HOST).status_code == 302


def test_the_verb_is_in_dutch_whatever_the_language_of_the_admin(client, researcher, item):
    complete_item(user=ProfileFactory.create().user, page=item)
    client.force_login(researcher)
    client.cookies["django_language"] = "en"
    (statement,) = download(client)
    assert statement["verb"]["display"] == {"nl-NL": "afgerond"}
