"""Team learning paths: the services, who reaches which page, consent in every manager view,
the member's block on /mijn/, and query counts that do not grow with the team."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Page

from accounts.models import Profile
from accounts.tests.factories import OrganisationFactory, ProfileFactory
from catalogue.models import LearningItemPage, PracticeAssignmentPage
from catalogue.tests.factories import create_item
from circles.tests.factories import make_circle
from core.models import OutgoingEmail
from events.tests.factories import create_event
from learning import team_paths
from learning.models import LearningRecord, TeamPath, Verb
from learning.services import record_once, record_statement, save_answers
from organisations import services as organisations
from organisations.models import Membership, OrganisationEvent, Team, TeamMember
from tracks.tests.factories import create_track

pytestmark = pytest.mark.django_db
HOST: dict[str, Any] = {"HTTP_HOST": "groningen.localhost"}


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def person(organisation: Any, role: str = "member", name: str = "") -> Membership:
    profile = ProfileFactory.create(**({"full_name": name} if name else {}))
    return organisations.join(
        organisation=organisation,
        user=profile.user,
        joined_by=Membership.JoinedBy.EDITOR,
        role=Membership.Role(role),
    )


@dataclass
class World:
    team: Team
    other_team: Team
    admin: User
    manager: User
    other_manager: User  # manages the other team of the same organisation
    outsider: User  # administrator of another organisation
    outsider_team: Team
    members: list[Membership]
    items: list[LearningItemPage]


@pytest.fixture
def world(catalogue, groningen) -> World:
    mine, theirs = OrganisationFactory.create(), OrganisationFactory.create()
    admin = person(mine, "admin", "Anna Beheer")
    team = organisations.create_team(organisation=mine, name="Schuldhulp", actor=admin.user)
    other_team = organisations.create_team(organisation=mine, name="Wijkteam", actor=admin.user)
    manager = person(mine, "manager", "Marleen Leiding")
    other_manager = person(mine, "manager", "Otto Ander")
    organisations.put_in_team(team=team, membership=manager, is_manager=True, actor=admin.user)
    organisations.put_in_team(
        team=other_team, membership=other_manager, is_manager=True, actor=admin.user
    )
    members = [person(mine, name=name) for name in ("Bert Deelt", "Carla Stil", "Dirk Alles")]
    for member in members:
        organisations.put_in_team(team=team, membership=member, actor=admin.user)
    outsider = person(theirs, "admin", "Xander Buiten")
    outsider_team = organisations.create_team(
        organisation=theirs, name="Schuldhulp", actor=outsider.user
    )
    region = [groningen.region]
    items = [
        create_item(catalogue, slug="gesprek-over-geld", regions=region),
        create_event(catalogue, regions=region),
        create_track(catalogue, regions=region, days=1),
    ]
    return World(
        team=team,
        other_team=other_team,
        admin=admin.user,
        manager=manager.user,
        other_manager=other_manager.user,
        outsider=outsider.user,
        outsider_team=outsider_team,
        members=members,
        items=items,
    )


def assigned_path(world: World, *, due: list[datetime.date | None] | None = None) -> TeamPath:
    path = team_paths.create_path(
        team=world.team,
        title="Basis schuldhulp",
        description="Voor nieuwe collega's.",
        actor=world.manager,
    )
    for item, due_date in zip(world.items, due or [None] * len(world.items), strict=True):
        team_paths.add_step(path=path, item=item, due_date=due_date, actor=world.manager)
    team_paths.assign_path(path=path, actor=world.manager)
    return TeamPath.objects.get(pk=path.pk)


def client_of(user: User) -> Client:
    client = Client(**HOST)
    client.force_login(user)
    return client


# --- Services ------------------------------------------------------------------------


def test_a_manager_composes_orders_and_assigns_a_path(world, django_capture_on_commit_callbacks):
    path = team_paths.create_path(team=world.team, title="  Basis  ", actor=world.manager)
    first, second, third = (
        team_paths.add_step(path=path, item=item, actor=world.manager) for item in world.items
    )
    team_paths.move_step(step=third, direction="up", actor=world.manager)
    team_paths.set_due_date(step=first, due_date=datetime.date(2027, 1, 31), actor=world.manager)
    team_paths.remove_step(step=second, actor=world.manager)
    assert path.title == "Basis"
    assert [(s.item_id, s.due_date) for s in path.steps.order_by("position")] == [
        (world.items[0].pk, datetime.date(2027, 1, 31)),
        (world.items[2].pk, None),
    ]
    with pytest.raises(team_paths.TeamPathError):
        team_paths.add_step(path=path, item=world.items[0], actor=world.manager)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        mailed = team_paths.assign_path(path=path, actor=world.manager)
    assert mailed == 3 and len(callbacks) == 1  # one task for all messages
    emails = OutgoingEmail.objects.filter(kind="learning.team_path")
    assert sorted(e.recipients for e in emails) == sorted(m.user.email for m in world.members)
    body = emails[0].message["body"]
    assert "Marleen Leiding" in body and "/mijn/#toegewezen" in body
    path.refresh_from_db()
    assert path.is_assigned and path.assigned_by == world.manager
    with pytest.raises(team_paths.TeamPathError):
        team_paths.assign_path(path=path, actor=world.manager)
    history = OrganisationEvent.objects.filter(kind="team_changed", actor=world.manager)
    assert history.count() == 8  # created, 3 added, moved, due date, removed, assigned
    team_paths.delete_path(path=path, actor=world.manager)
    assert not TeamPath.objects.exists()


def test_an_empty_path_is_not_assigned(world):
    path = team_paths.create_path(team=world.team, title="Leeg", actor=world.manager)
    with pytest.raises(team_paths.TeamPathError):
        team_paths.assign_path(path=path, actor=world.manager)
    with pytest.raises(team_paths.TeamPathError):
        team_paths.create_path(team=world.team, title="  ", actor=world.manager)


@pytest.mark.parametrize("who", ["other_manager", "outsider", "member"])
def test_only_managers_of_the_team_change_its_paths(world, who):
    actor = world.members[0].user if who == "member" else getattr(world, who)
    with pytest.raises(team_paths.TeamPathError):
        team_paths.create_path(team=world.team, title="Niet van mij", actor=actor)
    path = assigned_path(world)
    step = path.steps.order_by("position")[0]
    for change in (
        lambda: team_paths.edit_path(path=path, title="X", description="", actor=actor),
        lambda: team_paths.add_step(path=path, item=world.items[0], actor=actor),
        lambda: team_paths.move_step(step=step, direction="down", actor=actor),
        lambda: team_paths.remove_step(step=step, actor=actor),
        lambda: team_paths.set_due_date(step=step, due_date=None, actor=actor),
        lambda: team_paths.delete_path(path=path, actor=actor),
    ):
        with pytest.raises(team_paths.TeamPathError):
            change()
    assert path.steps.count() == 3


def test_the_organisations_administrator_manages_every_team(world):
    """As the foundation decides (`managed_team_ids`): administrators manage all teams of
    their organisation, also those they are not in."""
    path = team_paths.create_path(team=world.other_team, title="Wijkwerk", actor=world.admin)
    assert path.assigned_by == world.admin


# --- Access --------------------------------------------------------------------------


def manager_urls(team: Team, path: TeamPath) -> list[str]:
    return [
        reverse("learning:team_paths", args=[team.pk]),
        reverse("learning:team_path", args=[team.pk, path.pk]),
        reverse("learning:team_path_progress", args=[team.pk, path.pk]),
        reverse("learning:team_path_delete", args=[team.pk, path.pk]),
    ]


def test_access_matrix_of_the_manager_pages(world):
    path = assigned_path(world)
    urls = manager_urls(world.team, path)
    for url in urls:
        assert client_of(world.manager).get(url).status_code == 200, url
        assert client_of(world.admin).get(url).status_code == 200, url
        for stranger in (world.other_manager, world.outsider, world.members[0].user):
            assert client_of(stranger).get(url).status_code == 404, (url, stranger)
        response = Client(**HOST).get(url)
        assert response.status_code == 302 and "/account/login/" in response["Location"]
    overview = reverse("learning:team_overview")
    assert client_of(world.manager).get(overview).status_code == 200
    assert client_of(world.members[0].user).get(overview).status_code == 404
    # The outsider's own team of the same name, with the path's id: still not found.
    mixed = reverse("learning:team_path_progress", args=[world.outsider_team.pk, path.pk])
    assert client_of(world.outsider).get(mixed).status_code == 404


def test_writes_to_another_team_are_not_found_and_change_nothing(world):
    path = assigned_path(world)
    step = path.steps.order_by("position")[0]
    posts = [
        (reverse("learning:team_paths", args=[world.team.pk]), {"title": "Van een ander"}),
        (reverse("learning:team_path", args=[world.team.pk, path.pk]), {"title": "Gekaapt"}),
        (
            reverse("learning:team_path_add_step", args=[world.team.pk, path.pk]),
            {"item": world.items[0].pk},
        ),
        (
            reverse("learning:team_path_step", args=[world.team.pk, path.pk, step.pk]),
            {"action": "remove"},
        ),
        (reverse("learning:team_path_delete", args=[world.team.pk, path.pk]), {}),
    ]
    for stranger in (world.other_manager, world.outsider, world.members[0].user):
        for url, data in posts:
            assert client_of(stranger).post(url, data).status_code == 404, url
    path.refresh_from_db()
    assert path.title == "Basis schuldhulp" and path.steps.count() == 3
    assert TeamPath.objects.count() == 1


def test_the_compose_page_searches_adds_and_sets_due_dates_without_javascript(world, catalogue):
    manager = client_of(world.manager)
    response = manager.post(
        reverse("learning:team_paths", args=[world.team.pk]), {"title": "Nieuw pad"}
    )
    path = TeamPath.objects.get(title="Nieuw pad")
    compose = reverse("learning:team_path", args=[world.team.pk, path.pk])
    assert response["Location"] == compose + "#zoeken"
    found = manager.get(compose, {"q": "gesprek geld"}).content.decode()
    assert f'name="item" value="{world.items[0].pk}"' in found
    assert f'name="item" value="{world.items[1].pk}"' not in found
    response = manager.post(
        reverse("learning:team_path_add_step", args=[world.team.pk, path.pk]),
        {"item": world.items[0].pk, "due_date": "2027-03-01", "q": "gesprek geld"},
    )
    assert response["Location"] == compose + "?q=gesprek+geld#zoeken"
    step = path.steps.get()
    assert step.due_date == datetime.date(2027, 3, 1)
    # Added items leave the search results.
    again = manager.get(compose, {"q": "gesprek"}).content.decode()
    assert f'name="item" value="{world.items[0].pk}"' not in again
    manager.post(
        reverse("learning:team_path_step", args=[world.team.pk, path.pk, step.pk]),
        {"action": "due", "due_date": ""},
    )
    step.refresh_from_db()
    assert step.due_date is None


# --- Consent and progress --------------------------------------------------------------


def test_progress_shows_only_what_each_member_allows_and_follows_a_change_at_once(world):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    path = assigned_path(world, due=[yesterday, None, None])
    bert, carla, dirk = (m.user for m in world.members)
    article, event, track = world.items
    other = create_item(
        Page.objects.get(slug="aanbod").specific,
        slug="ander-artikel",
        regions=list(article.regions.all()),
    )
    organisations.set_sharing(user=carla, sharing=Membership.Sharing.NOTHING)
    organisations.set_sharing(user=dirk, sharing=Membership.Sharing.ALL)
    for who in (bert, carla, dirk):
        record_once(actor=who, verb=Verb.COMPLETED, activity=article)
        record_once(actor=who, verb=Verb.COMPLETED, activity=other)
    record_statement(actor=bert, verb=Verb.ATTENDED, activity=event, completion=True)
    record_once(actor=dirk, verb=Verb.COMPLETED, activity=track)  # as a certificate does
    # Never shown: answers to a practice assignment, anything of a circle.
    assignment = create_item(
        Page.objects.get(slug="aanbod").specific,
        slug="opdracht",
        regions=list(article.regions.all()),
        kind=PracticeAssignmentPage,
    )
    save_answers(user=dirk, page=assignment, answers={"a": "GEHEIM ANTWOORD"}, submit=False)
    make_circle(slug="assen", region=article.regions.first(), facilitator=dirk)

    url = reverse("learning:team_path_progress", args=[world.team.pk, path.pk])
    manager = client_of(world.manager)
    page = manager.get(url).content.decode()
    row = {
        name: page.split(name, 1)[1].split("</tr>", 1)[0]
        for name in ("Bert Deelt", "Carla Stil", "Dirk Alles")
    }
    assert row["Bert Deelt"].count("state--done") == 2  # the article, the attended event
    assert "state--overdue" not in row["Bert Deelt"]
    assert "deelt geen voortgang" in row["Carla Stil"] and "state--" not in row["Carla Stil"]
    assert row["Dirk Alles"].count("state--done") == 2  # the article, the track
    assert "Ander artikel" in row["Dirk Alles"]  # what else Dirk completed
    assert "Ander artikel" not in row["Bert Deelt"]
    assert "GEHEIM ANTWOORD" not in page and "Assen" not in page and "Opdracht" not in page

    # Carla shares again, Bert stops: the next request shows it.
    client_of(carla).post(reverse("learning:sharing"), {"sharing": "assigned"})
    client_of(bert).post(reverse("learning:sharing"), {"sharing": "nothing"})
    page = manager.get(url).content.decode()
    carla_row = page.split("Carla Stil", 1)[1].split("</tr>", 1)[0]
    bert_row = page.split("Bert Deelt", 1)[1].split("</tr>", 1)[0]
    assert carla_row.count("state--done") == 1 and "state--overdue" not in carla_row
    assert "deelt geen voortgang" in bert_row and "state--done" not in bert_row
    # Overdue: a member who shares and has not done the step due yesterday.
    organisations.set_sharing(user=carla, sharing=Membership.Sharing.ASSIGNED)
    LearningRecord.objects.filter(actor=carla, activity_id=article.pk).delete()
    carla_row = manager.get(url).content.decode().split("Carla Stil", 1)[1].split("</tr>", 1)[0]
    assert "state--overdue" in carla_row


def test_the_sharing_page_needs_a_membership_and_keeps_the_choice(world):
    assert (
        client_of(ProfileFactory.create().user).get(reverse("learning:sharing")).status_code == 404
    )
    member = client_of(world.members[0].user)
    page = member.get(reverse("learning:sharing")).content.decode()
    assert 'value="assigned" checked' in page.replace("\n", " ") or "checked" in page
    response = member.post(reverse("learning:sharing"), {"sharing": "all"})
    assert response.status_code == 302
    assert Membership.objects.get(pk=world.members[0].pk).sharing == "all"
    assert member.post(reverse("learning:sharing"), {"sharing": "alles"}).status_code == 200
    assert Membership.objects.get(pk=world.members[0].pk).sharing == "all"


# --- The member's block on /mijn/ -----------------------------------------------------


def test_members_see_the_assigned_path_beside_their_route(world):
    draft = team_paths.create_path(team=world.team, title="Nog in de maak", actor=world.manager)
    team_paths.add_step(path=draft, item=world.items[0], actor=world.manager)
    path = assigned_path(world, due=[datetime.date(2027, 2, 1), None, None])
    bert = world.members[0].user
    record_once(actor=bert, verb=Verb.COMPLETED, activity=world.items[0])
    page = client_of(bert).get(reverse("dashboard:home")).content.decode()
    block = page.split('id="toegewezen"', 1)[1].split("</section>", 1)[0]
    assert path.title in block and "Marleen Leiding" in block and "Schuldhulp" in block
    assert "1 februari 2027" in block
    assert block.count("state--done") == 1 and "1 van 3 af" in block
    assert "Nog in de maak" not in page
    # Not for the other team's manager, nor for someone outside the team.
    assert (
        'id="toegewezen"'
        not in client_of(world.other_manager).get(reverse("dashboard:home")).content.decode()
    )


# --- Query counts ----------------------------------------------------------------------


def grow_team(world: World, size: int, *, start: int = 0) -> None:
    """`size` more members, a third sharing nothing, a third everything, each with two
    completions: rows written in bulk, as the count is what is tested here."""
    organisation = world.team.organisation
    users = User.objects.bulk_create(
        [User(username=f"lid-{n}", email=f"lid{n}@example.org") for n in range(start, start + size)]
    )
    Profile.objects.bulk_create(
        [Profile(user=u, full_name=f"Lid {n}") for n, u in enumerate(users)]
    )
    choices = list(Membership.Sharing)
    memberships = Membership.objects.bulk_create(
        [
            Membership(
                organisation=organisation, user=u, joined_by="editor", sharing=choices[n % 3]
            )
            for n, u in enumerate(users)
        ]
    )
    TeamMember.objects.bulk_create([TeamMember(team=world.team, membership=m) for m in memberships])
    page_type = ContentType.objects.get_for_model(Page)
    LearningRecord.objects.bulk_create(
        [
            LearningRecord(
                timestamp=timezone.now(),
                actor=u,
                verb=Verb.COMPLETED,
                activity_type=page_type,
                activity_id=item.pk,
                activity_name=item.title,
            )
            for u in users
            for item in world.items[:2]
        ]
    )


def count_queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_progress_page_costs_the_same_for_10_and_1000_members(world, django_assert_num_queries):
    path = assigned_path(world)
    url = reverse("learning:team_path_progress", args=[world.team.pk, path.pk])
    manager = client_of(world.manager)
    grow_team(world, 7)
    manager.get(url)  # warm the caches of the site and content types
    small = count_queries(manager, url)
    grow_team(world, 990, start=7)
    with django_assert_num_queries(small):
        response = manager.get(url)
    assert response.content.decode().count("<tr>") == 1 + 1000


def test_the_members_block_costs_the_same_for_one_short_and_many_long_paths(
    world, catalogue, groningen, django_assert_num_queries
):
    bert = world.members[0].user
    home = reverse("dashboard:home")
    client = client_of(bert)
    extra = [
        create_item(catalogue, slug=f"extra-{n}", regions=[groningen.region]) for n in range(6)
    ]
    assigned_path(world)
    client.get(home)  # the portals' marks of every page are remembered from here on
    small = count_queries(client, home)
    for number in range(3):
        path = team_paths.create_path(team=world.team, title=f"Pad {number}", actor=world.manager)
        for item in [*world.items, *extra]:
            team_paths.add_step(path=path, item=item, actor=world.manager)
        team_paths.assign_path(path=path, actor=world.manager)
    with django_assert_num_queries(small):
        page = client.get(home).content.decode()
    assert page.count('class="assigned-path"') == 4
