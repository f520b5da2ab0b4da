"""Who reaches which page of the workspace: an administrator of A sees nothing of B, a
member no administrator's page, a manager only their own teams, a visitor the log-in."""

import re
from typing import Any

import pytest
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import RoleFactory
from organisations import services
from organisations.models import Domain, Invitation, Membership, Team

from .conftest import HOST, member_of, person

pytestmark = pytest.mark.django_db
BASE = "http://groningen.localhost"


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def world(groningen, org_a, org_b, admin_a, admin_b) -> dict[str, Any]:
    """Two organisations, each with a team, a member, a domain and an open invitation."""
    found: dict[str, Any] = {}
    for key, admin, domain in (("a", admin_a, "gemeente-aa.nl"), ("b", admin_b, "bee.nl")):
        organisation = admin.organisation
        team = services.create_team(organisation=organisation, name="Team", actor=admin.user)
        member = member_of(organisation, person(f"lid.{key}", name=f"Lid {key.upper()}"))
        manager = member_of(organisation, person(f"leider.{key}"), "manager")
        services.put_in_team(team=team, membership=member, actor=admin.user)
        services.put_in_team(team=team, membership=manager, is_manager=True, actor=admin.user)
        invitation, _token = services.invite(
            organisation=organisation,
            email=f"nieuw.{key}@elders.nl",
            role=Membership.Role.MEMBER,
            actor=admin.user,
            base_url=BASE,
        )
        found[key] = {
            "admin": admin,
            "team": team,
            "member": member,
            "manager": manager,
            "domain": services.add_domain(
                organisation=organisation, domain=domain, actor=admin.user
            ),
            "invitation": invitation,
        }
    return found


def addresses(side: dict[str, Any]) -> dict[str, tuple[str, bool]]:
    """Every workspace address with objects of one organisation: (url, is a POST action)."""
    team, member = side["team"].pk, side["member"].pk
    return {
        "people": (reverse("organisations:people"), False),
        "person": (reverse("organisations:person", args=[member]), False),
        "remove_person": (reverse("organisations:remove_person", args=[member]), True),
        "teams": (reverse("organisations:teams"), False),
        "team": (reverse("organisations:team", args=[team]), False),
        "rename_team": (reverse("organisations:rename_team", args=[team]), True),
        "add_to_team": (reverse("organisations:add_to_team", args=[team]), True),
        "change_team_member": (
            reverse("organisations:change_team_member", args=[team, member]),
            True,
        ),
        "delete_team": (reverse("organisations:delete_team", args=[team]), True),
        "domains": (reverse("organisations:domains"), False),
        "remove_domain": (reverse("organisations:remove_domain", args=[side["domain"].pk]), True),
        "invitations": (reverse("organisations:invitations"), False),
        "withdraw_invitation": (
            reverse("organisations:withdraw_invitation", args=[side["invitation"].pk]),
            True,
        ),
        "history": (reverse("organisations:history"), False),
    }


WITH_OBJECTS = {
    "person",
    "remove_person",
    "team",
    "rename_team",
    "add_to_team",
    "change_team_member",
    "delete_team",
    "remove_domain",
    "withdraw_invitation",
}


def test_a_visitor_is_sent_to_log_in(world):
    client = Client()
    urls = [url for url, _post in addresses(world["a"]).values()]
    for url in [reverse("organisations:workspace"), reverse("organisations:leave"), *urls]:
        response = client.get(url, **HOST)
        assert response.status_code in (302, 405), url
        if response.status_code == 302:
            assert response["Location"].startswith(reverse("account_login")), url


def test_the_administrator_of_a_reaches_every_page_of_a_and_nothing_of_b(world):
    client = client_for(world["a"]["admin"].user)
    for name, (url, is_post) in addresses(world["a"]).items():
        if not is_post:
            response = client.get(url, **HOST)
            assert response.status_code == 200, name
            assert "Lid B" not in response.text
    for name, (url, _is_post) in addresses(world["b"]).items():
        if name in WITH_OBJECTS:
            response = client.post(url, {"action": "remove", "name": "X"}, **HOST)
            assert response.status_code == 404, name
            assert client.get(url, **HOST).status_code in (404, 405), name
    b = world["b"]
    assert Team.objects.filter(pk=b["team"].pk, name="Team").exists()
    assert Membership.objects.filter(pk=b["member"].pk).exists()
    assert Domain.objects.filter(pk=b["domain"].pk).exists()
    assert Invitation.objects.filter(pk=b["invitation"].pk).exists()


def test_a_member_reaches_no_administrators_page(world):
    client = client_for(world["a"]["member"].user)
    for name, (url, _is_post) in addresses(world["a"]).items():
        response = client.post(url, {"action": "remove", "name": "X"}, **HOST)
        assert response.status_code == 404, name
    assert Membership.objects.filter(pk=world["a"]["member"].pk).exists()
    page = client.get(reverse("organisations:workspace"), **HOST)
    assert page.status_code == 200
    assert "Gemeente Aa" in page.text and "Leider A" in page.text, "their team's manager"


def test_a_manager_reads_their_own_teams_only(world):
    a = world["a"]
    other_team = services.create_team(
        organisation=a["admin"].organisation, name="Ander team", actor=a["admin"].user
    )
    client = client_for(a["manager"].user)
    teams = client.get(reverse("organisations:teams"), **HOST)
    assert "Team" in teams.text and "Ander team" not in teams.text
    assert f'action="{reverse("organisations:teams")}"' not in teams.text, "no team to make"
    team = client.get(reverse("organisations:team", args=[a["team"].pk]), **HOST)
    assert team.status_code == 200 and "Lid A" in team.text
    change = reverse("organisations:change_team_member", args=[a["team"].pk, a["member"].pk])
    assert change not in team.text, "read only"
    assert (
        client.get(reverse("organisations:team", args=[other_team.pk]), **HOST).status_code == 404
    )
    url, _post = addresses(a)["rename_team"]
    assert client.post(url, {"name": "Gekaapt"}, **HOST).status_code == 404
    assert client.get(reverse("organisations:people"), **HOST).status_code == 404


def test_someone_without_an_organisation_sees_how_to_join(groningen):
    client = client_for(person("los"))
    response = client.get(reverse("organisations:workspace"), **HOST)
    assert response.status_code == 200
    assert reverse("account_email") in response.text
    assert client.get(reverse("organisations:people"), **HOST).status_code == 404


def test_the_administrator_works_through_the_pages(world):
    a = world["a"]
    client = client_for(a["admin"].user)
    response = client.post(reverse("organisations:teams"), {"name": "Nieuw team"}, **HOST)
    team = Team.objects.get(name="Nieuw team")
    assert response["Location"] == reverse("organisations:team", args=[team.pk])
    response = client.post(
        reverse("organisations:add_to_team", args=[team.pk]),
        {"email": a["manager"].user.email, "is_manager": "on"},
        **HOST,
    )
    assert response.status_code == 302
    assert team.team_members.get().is_manager
    response = client.post(
        reverse("organisations:add_to_team", args=[team.pk]),
        {"email": world["b"]["member"].user.email},
        **HOST,
    )
    assert response.status_code == 200, "the form again, with the error"
    assert team.team_members.count() == 1, "nobody of another organisation"
    response = client.post(
        reverse("organisations:person", args=[a["member"].pk]), {"role": "manager"}, **HOST
    )
    assert Membership.objects.get(pk=a["member"].pk).role == "manager"
    response = client.post(reverse("organisations:domains"), {"domain": "gmail.com"}, **HOST)
    assert response.status_code == 200 and "gmail.com" in response.text
    response = client.post(
        reverse("organisations:invitations"), {"email": "x@elders.nl", "role": "member"}, **HOST
    )
    assert response.status_code == 302
    history = client.get(reverse("organisations:history"), **HOST)
    assert history.status_code == 200
    people = client.get(reverse("organisations:people") + "?q=lid", **HOST)
    assert "Lid A" in people.text and "Leider A" not in people.text


# ---------------------------------------------------------------------------
# Invitations and joining
# ---------------------------------------------------------------------------


def test_wrong_used_and_expired_links_answer_the_same_page(world, admin_a):
    _invitation, token = services.invite(
        organisation=admin_a.organisation,
        email="gast@elders.nl",
        role=Membership.Role.MANAGER,
        actor=admin_a.user,
        base_url=BASE,
    )
    url = reverse("organisations:accept_invitation", args=[token])
    visitor = Client()
    page = visitor.get(url, **HOST)
    assert page.status_code == 200 and "Gemeente Aa" in page.text
    assert f"{reverse('account_signup')}?next={url}" in page.text.replace("%2F", "/")

    guest = person("gast", "elders.nl")
    client = client_for(guest)
    response = client.post(url, **HOST)
    assert response["Location"] == reverse("organisations:workspace")
    assert Membership.objects.get(user=guest).role == "manager"

    expired, expired_token = services.invite(
        organisation=admin_a.organisation,
        email="laat@elders.nl",
        role=Membership.Role.MEMBER,
        actor=admin_a.user,
        base_url=BASE,
    )
    Invitation.objects.filter(pk=expired.pk).update(expires_at=timezone.now())
    answers = [
        visitor.get(reverse("organisations:accept_invitation", args=[t]), **HOST)
        for t in (token, expired_token, "onbekend")
    ]
    assert {a.status_code for a in answers} == {404}
    for answer in answers:
        assert "organisations/workspace/invitation_invalid.html" in [
            t.name for t in answer.templates
        ]
        assert "Gemeente Aa" not in answer.text


def test_confirming_an_address_at_a_registered_domain_joins_and_says_so(world):
    user = person("later", "voorbeeld.nl")
    address = EmailAddress.objects.create(user=user, email="later@gemeente-aa.nl")
    client = client_for(user)
    key = EmailConfirmationHMAC(address).key
    response = client.post(reverse("account_confirm_email", args=[key]), follow=True, **HOST)
    assert response.status_code == 200
    assert Membership.objects.get(user=user).organisation.name == "Gemeente Aa"
    shown = " ".join(str(m) for m in response.context["messages"])
    assert "Gemeente Aa" in shown
    dashboard = client.get(reverse("dashboard:home"), **HOST)
    assert "Gemeente Aa" in dashboard.text and reverse("organisations:workspace") in dashboard.text


def test_leaving_through_the_page(world):
    client = client_for(world["a"]["member"].user)
    assert client.get(reverse("organisations:leave"), **HOST).status_code == 200
    response = client.post(reverse("organisations:leave"), **HOST)
    assert response["Location"] == reverse("organisations:workspace")
    assert not Membership.objects.filter(pk=world["a"]["member"].pk).exists()


# ---------------------------------------------------------------------------
# The profile names the membership's organisation
# ---------------------------------------------------------------------------


def test_the_profile_shows_the_membership_and_cannot_change_it(world):
    member = world["a"]["member"]
    client = client_for(member.user)
    page = client.get(reverse("accounts:profile"), **HOST)
    assert 'name="organisation"' not in page.text
    assert "Gemeente Aa" in page.text and reverse("organisations:workspace") in page.text
    response = client.post(
        reverse("accounts:profile"),
        {
            "full_name": "Lid A",
            "role": RoleFactory.create().pk,
            "organisation": "anders",
            "other_organisation": "Iets anders",
        },
        **HOST,
    )
    assert response.status_code == 302
    member.user.profile.refresh_from_db()
    assert member.user.profile.organisation == member.organisation
    assert member.user.profile.other_organisation == ""


def test_signing_up_through_an_invitation_returns_to_it(groningen, admin_a, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    _invitation, token = services.invite(
        organisation=admin_a.organisation,
        email="nieuw@elders.nl",
        role=Membership.Role.MEMBER,
        actor=admin_a.user,
        base_url=BASE,
    )
    url = reverse("organisations:accept_invitation", args=[token])
    client = Client()
    password = "een-lang-wachtwoord-voor-de-uitnodiging"
    client.post(
        f"{reverse('account_signup')}?next={url}",
        {"email": "nieuw@elders.nl", "password1": password, "password2": password, "next": url},
        **HOST,
    )
    [confirmation] = [m for m in mail.outbox if "confirm-email" in m.body]
    link = re.search(
        r"http://groningen\.localhost(/account/confirm-email/\S+/)", str(confirmation.body)
    )
    assert link is not None
    response = client.post(link.group(1), **HOST)
    assert response["Location"] == url, "back at the invitation after confirming the address"
    client.post(url, **HOST)
    assert (
        Membership.objects.get(user__email="nieuw@elders.nl").organisation == admin_a.organisation
    )
