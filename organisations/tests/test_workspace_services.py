"""Domains, joining on a verified address, invitations, roles and teams."""

from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from allauth.account.signals import user_signed_up
from django.contrib.auth.models import User
from django.utils import timezone

from accounts.models import Profile
from accounts.tests.factories import OrganisationFactory, UserFactory
from core.models import OutgoingEmail
from organisations import services
from organisations.models import Invitation, Membership, OrganisationEvent, TeamMember
from organisations.services import OrganisationError

from .conftest import member_of, person

pytestmark = pytest.mark.django_db
BASE = "https://groningen.example.org"


# ---------------------------------------------------------------------------
# Domains
# ---------------------------------------------------------------------------


def test_an_administrator_registers_the_domain_of_their_own_verified_address(org_a, admin_a):
    waiting = person("wim.wachter", "gemeente-aa.nl")
    elsewhere = member_of(OrganisationFactory.create(), person("el", "gemeente-aa.nl"))
    unverified = UserFactory.create(email="nog.niet@gemeente-aa.nl")
    EmailAddress.objects.filter(user=unverified).update(verified=False)

    domain = services.add_domain(
        organisation=org_a, domain=" @Gemeente-AA.nl. ", actor=admin_a.user
    )

    assert domain.domain == "gemeente-aa.nl" and domain.added_by == admin_a.user
    joined = Membership.objects.get(user=waiting)
    assert (joined.organisation, joined.joined_by, joined.role) == (org_a, "domain", "member")
    assert Profile.objects.get(user=waiting).organisation == org_a
    assert Membership.objects.get(pk=elsewhere.pk).organisation != org_a, "a domain moves nobody"
    assert not Membership.objects.filter(user=unverified).exists()
    assert OrganisationEvent.objects.filter(organisation=org_a, kind="domain_added").exists()


@pytest.mark.parametrize(
    ("domain", "message"),
    [
        ("andere-gemeente.nl", "eigen bevestigde e-mailadres"),
        ("gemeente", "Typ een domein"),
        ("gmail.com", "openbare maildienst"),
    ],
)
def test_an_administrator_cannot_register_other_domains(org_a, admin_a, domain, message):
    EmailAddress.objects.create(user=admin_a.user, email="anna@gmail.com", verified=True)
    with pytest.raises(OrganisationError, match=message):
        services.add_domain(organisation=org_a, domain=domain, actor=admin_a.user)


def test_an_unverified_address_gives_no_right_to_its_domain(org_a, admin_a):
    EmailAddress.objects.create(user=admin_a.user, email="anna@tweede.nl", verified=False)
    with pytest.raises(OrganisationError, match="eigen bevestigde"):
        services.add_domain(organisation=org_a, domain="tweede.nl", actor=admin_a.user)


def test_public_providers_and_taken_domains_are_refused_even_for_editors(org_a, org_b, admin_b):
    editor = UserFactory.create(is_superuser=True, is_staff=True)
    services.add_domain(organisation=org_b, domain="bee.nl", actor=admin_b.user)
    for domain in ("hotmail.com", "ziggo.nl", "kpnmail.nl", "xs4all.nl", "icloud.com"):
        with pytest.raises(OrganisationError, match="openbare maildienst"):
            services.add_domain(organisation=org_a, domain=domain, actor=editor)
    with pytest.raises(OrganisationError, match="al geregistreerd"):
        services.add_domain(organisation=org_a, domain="BEE.nl", actor=editor)
    # An editor registers any other domain.
    assert (
        services.add_domain(organisation=org_a, domain="aa.nl", actor=editor).organisation == org_a
    )


def test_a_member_or_another_organisations_administrator_registers_nothing(org_a, admin_b):
    member = member_of(org_a, person("mo.lid", "gemeente-aa.nl"))
    for actor in (member.user, admin_b.user):
        with pytest.raises(OrganisationError, match="beheerders"):
            services.add_domain(organisation=org_a, domain="gemeente-aa.nl", actor=actor)


# ---------------------------------------------------------------------------
# Joining when an address is verified
# ---------------------------------------------------------------------------


def test_a_verified_address_at_a_registered_domain_joins(org_a, admin_a):
    services.add_domain(organisation=org_a, domain="gemeente-aa.nl", actor=admin_a.user)
    user = UserFactory.create(email="nieuw@voorbeeld.nl")
    address = EmailAddress.objects.create(user=user, email="nieuw@gemeente-aa.nl", verified=True)
    membership = services.join_by_verified_address(address=address)
    assert membership is not None and membership.organisation == org_a
    other = UserFactory.create(email="x@elders.nl")
    elsewhere = EmailAddress.objects.get(user=other)
    assert services.join_by_verified_address(address=elsewhere) is None


def test_signing_up_with_a_verified_address_joins(org_a, admin_a):
    services.add_domain(organisation=org_a, domain="gemeente-aa.nl", actor=admin_a.user)
    user = UserFactory.create(email="sso@gemeente-aa.nl")
    user_signed_up.send(sender=User, request=None, user=user)
    assert Membership.objects.get(user=user).joined_by == "domain"


# ---------------------------------------------------------------------------
# Invitations
# ---------------------------------------------------------------------------


def test_an_invitation_is_mailed_and_joins_once_with_its_role(org_a, admin_a):
    invitation, token = services.invite(
        organisation=org_a,
        email=" Nieuw@Elders.nl",
        role=Membership.Role.MANAGER,
        actor=admin_a.user,
        base_url=BASE,
    )
    assert invitation.email == "nieuw@elders.nl" and invitation.token_hash != token
    assert invitation.expires_at - timezone.now() > timedelta(days=13)
    mail = OutgoingEmail.objects.get(kind="organisations.invitation")
    assert f"{BASE}/mijn/organisatie/uitnodiging/{token}/" in str(mail.message)
    assert mail.recipients == "nieuw@elders.nl"

    user = person("nieuw", "elders.nl")
    membership = services.accept_invitation(token=token, user=user)
    assert (membership.organisation, membership.role, membership.joined_by) == (
        org_a,
        "manager",
        "invitation",
    )
    assert services.find_invitation(token) is None
    with pytest.raises(OrganisationError, match="niet meer geldig"):
        services.accept_invitation(token=token, user=person("tweede"))


def test_expired_withdrawn_and_unknown_invitations_do_not_work(org_a, admin_a, admin_b):
    invitation, token = services.invite(
        organisation=org_a,
        email="a@b.nl",
        role=Membership.Role.MEMBER,
        actor=admin_a.user,
        base_url=BASE,
    )
    with pytest.raises(OrganisationError):
        services.invite(
            organisation=org_a,
            email="a@b.nl",
            role=Membership.Role.MEMBER,
            actor=admin_a.user,
            base_url=BASE,
        )
    with pytest.raises(OrganisationError, match="beheerders"):
        services.withdraw_invitation(invitation=invitation, actor=admin_b.user)
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now())
    assert services.find_invitation(token) is None
    with pytest.raises(OrganisationError):
        services.accept_invitation(token=token, user=person("laat"))
    assert services.find_invitation("onbekend") is None
    services.withdraw_invitation(invitation=invitation, actor=admin_a.user)
    assert not Invitation.objects.exists()


def test_only_an_administrator_invites_and_not_a_member(org_a, admin_a, admin_b):
    with pytest.raises(OrganisationError, match="beheerders"):
        services.invite(
            organisation=org_a,
            email="x@y.nl",
            role=Membership.Role.ADMIN,
            actor=admin_b.user,
            base_url=BASE,
        )
    member = member_of(org_a, person("al.lid"))
    with pytest.raises(OrganisationError, match="al lid"):
        services.invite(
            organisation=org_a,
            email=member.user.email,
            role=Membership.Role.MEMBER,
            actor=admin_a.user,
            base_url=BASE,
        )


def test_the_last_administrator_of_another_organisation_cannot_be_invited_away(
    org_a, admin_a, admin_b
):
    member_of(admin_b.organisation, person("b.lid"))
    _invitation, token = services.invite(
        organisation=org_a,
        email=admin_b.user.email,
        role=Membership.Role.MEMBER,
        actor=admin_a.user,
        base_url=BASE,
    )
    with pytest.raises(OrganisationError, match="enige beheerder"):
        services.accept_invitation(token=token, user=admin_b.user)
    assert Membership.objects.get(user=admin_b.user).organisation == admin_b.organisation


# ---------------------------------------------------------------------------
# Roles, leaving and removing
# ---------------------------------------------------------------------------


def test_leaving_and_removing(org_a, admin_a, admin_b):
    member = member_of(org_a, person("lid.een"))
    with pytest.raises(OrganisationError, match="enige beheerder"):
        services.leave(user=admin_a.user)
    with pytest.raises(OrganisationError):
        services.remove_member(membership=member, actor=admin_b.user)
    with pytest.raises(OrganisationError):
        services.remove_member(membership=admin_a, actor=admin_a.user)
    with pytest.raises(OrganisationError):
        services.set_role(membership=member, role=Membership.Role.ADMIN, actor=admin_b.user)
    services.remove_member(membership=member, actor=admin_a.user)
    assert not Membership.objects.filter(pk=member.pk).exists()
    services.leave(user=admin_a.user)  # the only member left may go
    assert not Membership.objects.filter(organisation=org_a).exists()
    assert {"removed", "left"} <= set(
        OrganisationEvent.objects.filter(organisation=org_a).values_list("kind", flat=True)
    )


def test_an_editor_appoints_the_first_administrator(org_a):
    editor = UserFactory.create(is_superuser=True, is_staff=True)
    user = person("eerste.beheer")
    with pytest.raises(OrganisationError, match="redacteuren"):
        services.appoint_admin(organisation=org_a, user=user, actor=user)
    membership = services.appoint_admin(organisation=org_a, user=user, actor=editor)
    assert (membership.role, membership.joined_by) == ("admin", "editor")
    member = member_of(org_a, person("wordt.beheer"))
    assert services.appoint_admin(organisation=org_a, user=member.user, actor=editor).is_admin


# ---------------------------------------------------------------------------
# Teams
# ---------------------------------------------------------------------------


def test_teams_are_made_renamed_composed_and_removed(org_a, admin_a, admin_b):
    team = services.create_team(organisation=org_a, name="Schuldhulp", actor=admin_a.user)
    other = services.create_team(organisation=org_a, name="Wijkteam", actor=admin_a.user)
    with pytest.raises(OrganisationError, match="heeft al een team"):
        services.rename_team(team=team, name="wijkteam", actor=admin_a.user)
    with pytest.raises(OrganisationError):
        services.rename_team(team=team, name="Elders", actor=admin_b.user)
    services.rename_team(team=team, name="Schulden", actor=admin_a.user)

    member = member_of(org_a, person("team.lid"))
    manager = member_of(org_a, person("team.leider"), "manager")
    services.put_in_team(team=team, membership=member, actor=admin_a.user)
    with pytest.raises(OrganisationError, match="eerst leidinggevende"):
        services.put_in_team(team=team, membership=member, is_manager=True, actor=admin_a.user)
    services.put_in_team(team=team, membership=manager, is_manager=True, actor=admin_a.user)
    assert services.managed_team_ids(manager.user) == [team.pk]
    services.set_role(membership=manager, role=Membership.Role.MEMBER, actor=admin_a.user)
    assert not TeamMember.objects.get(membership=manager).is_manager, "members lead no team"

    with pytest.raises(OrganisationError):
        services.remove_from_team(team=team, membership=member, actor=admin_b.user)
    services.remove_from_team(team=team, membership=member, actor=admin_a.user)
    assert not TeamMember.objects.filter(membership=member).exists()
    with pytest.raises(OrganisationError):
        services.delete_team(team=other, actor=admin_b.user)
    services.delete_team(team=team, actor=admin_a.user)
    assert list(org_a.teams.all()) == [other]
    assert Membership.objects.filter(pk=member.pk).exists(), "members stay"
