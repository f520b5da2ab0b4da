import json
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from accounts.models import Profile
from accounts.tests.factories import PASSWORD, ProfileFactory, UserFactory
from catalogue.models import PracticeAssignmentPage
from catalogue.tests.factories import create_item
from circles.tests.factories import make_circle
from events.models import RegistrationState
from events.services import cancel_registration, register_user
from events.tests.factories import create_event
from learning.models import AssignmentAnswers, LearningRecord, Verb
from learning.services import complete_item, record_statement, save_answers

HOST: dict[str, Any] = {"HTTP_HOST": "groningen.localhost"}


@pytest.fixture
def items(catalogue, groningen):
    return [create_item(catalogue, slug=f"item-{n}", regions=[groningen.region]) for n in range(4)]


def test_the_dashboard_is_personal(client: Client, db):
    response = client.get("/mijn/", **HOST)
    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/")
    client.force_login(UserFactory.create())
    assert client.get("/mijn/", **HOST)["Location"] == "/mijn/welkom/"


def section_of(page: str, anchor: str) -> str:
    return page.split(f'id="{anchor}"')[1].split("</section>")[0]


def test_continue_and_completed(member_client: Client, profile, items):
    started, done, untouched, someone_elses = items
    record_statement(actor=profile.user, verb=Verb.PROGRESSED, activity=started, progress=0.3)
    complete_item(user=profile.user, page=done)
    complete_item(user=ProfileFactory.create().user, page=someone_elses)
    member_client.get(untouched.url, **HOST)

    page = member_client.get("/mijn/", **HOST).text
    continue_section = section_of(page, "verder")
    completed_section = section_of(page, "afgerond")
    assert started.title in continue_section and done.title not in continue_section
    assert "Doe de leerbehoefte-scan" in page, "no route yet: the scan is offered"
    assert done.title in completed_section and "1 onderdeel afgerond" in completed_section
    for section in (continue_section, completed_section):
        assert untouched.title not in section and someone_elses.title not in section


@pytest.mark.parametrize("count", [2, 12])
def test_dashboard_queries_do_not_grow(
    member_client: Client, profile, catalogue, groningen, count, django_assert_num_queries
):
    for n in range(count):
        item = create_item(catalogue, slug=f"veel-{n}", regions=[groningen.region])
        record_statement(actor=profile.user, verb=Verb.PROGRESSED, activity=item, progress=0.5)
        if n % 2:
            complete_item(user=profile.user, page=item)
    member_client.get("/mijn/", **HOST)  # warms the portal cache
    # The same at 2 and 12 items: records, route and recommendations each in fixed queries.
    # Three more than the page itself: the person's organisation, the paths their teams
    # assigned, and whether they read the reach reports.
    with django_assert_num_queries(21):
        assert member_client.get("/mijn/", **HOST).status_code == 200


def test_only_what_was_really_begun_is_continued(
    member_client: Client, profile, catalogue, groningen
):
    """Looking at a page begins nothing; registering, a draft and playing do, and a
    registration that is cancelled again no longer counts."""
    event = create_event(catalogue, regions=[groningen.region])
    assignment = create_item(
        catalogue,
        slug="opdracht",
        regions=[groningen.region],
        kind=PracticeAssignmentPage,
        reflection_questions=[("question", "Wat merkte je?")],
    )
    looked_at = member_client.get(event.url, **HOST).text
    assert "Je bent hier nog niet mee begonnen." in looked_at
    assert "Je bent hiermee begonnen." not in looked_at
    member_client.get(assignment.url, **HOST)
    save_answers(user=profile.user, page=assignment, answers={"q": ""}, submit=False)
    assert section_of(member_client.get("/mijn/", **HOST).text, "verder").count("<li>") == 0

    registration, _new = register_user(session=event.sessions.get(), user=profile.user)
    save_answers(user=profile.user, page=assignment, answers={"q": "Een begin"}, submit=False)
    continued = section_of(member_client.get("/mijn/", **HOST).text, "verder")
    assert event.title in continued and assignment.title in continued
    assert "Je bent hiermee begonnen." in member_client.get(event.url, **HOST).text
    assert "Je bent hiermee begonnen." in member_client.get(assignment.url, **HOST).text

    cancel_registration(registration=registration, actor=profile.user)
    continued = section_of(member_client.get("/mijn/", **HOST).text, "verder")
    assert event.title not in continued and assignment.title in continued


def test_download_my_data(member_client: Client, profile, items, catalogue, groningen):
    assignment = create_item(
        catalogue, slug="opdracht", regions=[groningen.region], kind=PracticeAssignmentPage
    )
    AssignmentAnswers.objects.create(
        user=profile.user, page=assignment, answers={"a": "Mijn antwoord"}
    )
    complete_item(user=profile.user, page=items[0])
    record_statement(actor=profile.user, verb=Verb.PROGRESSED, activity=items[1], progress=0.4)
    other = ProfileFactory.create(full_name="Iemand Anders")
    complete_item(user=other.user, page=items[2])

    response = member_client.get("/mijn/gegevens/", **HOST)
    assert response["Content-Disposition"].startswith('attachment; filename="mijn-gegevens-')
    data = json.loads(response.content)
    assert data["profile"]["full_name"] == profile.full_name
    assert data["assignment_answers"][0]["answers"] == {"a": "Mijn antwoord"}
    assert data["needs_scans"] == [] and data["learning_route"] == []
    statements = data["learning_records"]
    assert [s["verb"]["id"] for s in statements] == [
        "http://adlnet.gov/expapi/verbs/completed",
        "http://adlnet.gov/expapi/verbs/progressed",
    ]
    first = statements[0]
    assert first["actor"]["account"] == {
        "homePage": "http://groningen.localhost",
        "name": str(profile.user.pk),
    }
    assert (
        first["object"]["id"]
        == f"http://groningen.localhost/xapi/activities/wagtailcore.page/{items[0].pk}"
    )
    assert first["object"]["definition"]["name"]["nl-NL"] == items[0].title
    assert first["result"] == {"completion": True}
    assert (
        first["context"]["extensions"]["http://groningen.localhost/xapi/extensions/role"]
        == profile.role.name
    )
    assert statements[1]["result"]["extensions"] == {
        "http://groningen.localhost/xapi/extensions/progress": 0.4
    }
    assert "Iemand Anders" not in response.text and items[2].title not in response.text


def test_removing_an_account_needs_the_password(member_client: Client, profile):
    response = member_client.post(
        "/mijn/verwijderen/", {"password": "fout", "is_understood": "on"}, **HOST
    )
    assert response.status_code == 200
    assert "Dat wachtwoord klopt niet" in response.text
    assert User.objects.filter(pk=profile.user.pk).exists()
    response = member_client.post("/mijn/verwijderen/", {"password": PASSWORD}, **HOST)
    assert "Vink het vakje aan" in response.text
    assert User.objects.filter(pk=profile.user.pk).exists()


def test_removing_an_account_keeps_only_anonymous_records(
    member_client: Client, profile, items, catalogue, groningen
):
    assignment = create_item(
        catalogue, slug="opdracht", regions=[groningen.region], kind=PracticeAssignmentPage
    )
    AssignmentAnswers.objects.create(user=profile.user, page=assignment, answers={"a": "Weg ermee"})
    complete_item(user=profile.user, page=items[0])
    role = profile.role
    user_pk = profile.user.pk

    response = member_client.post(
        "/mijn/verwijderen/", {"password": PASSWORD, "is_understood": "on"}, **HOST
    )
    assert "Je account is verwijderd" in response.text
    assert not User.objects.filter(pk=user_pk).exists()
    assert not Profile.objects.exists()
    assert not AssignmentAnswers.objects.exists()
    record = LearningRecord.objects.get()
    assert record.actor is None
    assert record.role == role, "aggregate reports by role stay right"
    assert member_client.get("/mijn/", **HOST).status_code == 302, "logged out"


def test_upcoming_sessions_are_on_the_dashboard(
    member_client: Client, profile, catalogue, groningen
):
    event = create_event(catalogue, regions=[groningen.region])
    register_user(session=event.sessions.get(), user=profile.user)
    page = member_client.get("/mijn/", **HOST).text
    sessions = page.split('id="bijeenkomsten"')[1].split("</section>")[0]
    assert event.title in sessions
    assert "Zet in je agenda" in sessions and "Meld je af" in sessions


def test_removing_an_account_gives_its_seat_to_the_waiting_list(
    member_client: Client, profile, catalogue, groningen
):
    session = create_event(catalogue, regions=[groningen.region], capacity=1).sessions.get()
    register_user(session=session, user=profile.user)
    waiting, _new = register_user(session=session, user=ProfileFactory.create().user)
    assert waiting.state == RegistrationState.WAITING
    member_client.post("/mijn/verwijderen/", {"password": PASSWORD, "is_understood": "on"}, **HOST)
    waiting.refresh_from_db()
    assert waiting.state == RegistrationState.CONFIRMED
    assert session.registrations.count() == 1


def test_the_circles_of_a_member_are_on_the_dashboard(member_client: Client, profile, groningen):
    mine = make_circle(slug="assen", region=groningen.region, members=(profile.user,))
    make_circle(slug="elders", region=groningen.region, code="GM0999")
    page = member_client.get("/mijn/", **HOST).text
    assert "Leerkring Assen" in page and f"/leerkringen/{mine.slug}/overzicht/" in page
    assert "Leerkring Elders" not in page
