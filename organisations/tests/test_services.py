"""The workspace's foundation: joining moves the profile along, roles keep an administrator."""

import pytest

from accounts.models import Profile
from accounts.tests.factories import OrganisationFactory, ProfileFactory, UserFactory
from organisations import services
from organisations.models import Membership, OrganisationEvent

pytestmark = pytest.mark.django_db


def test_joining_moves_the_person_and_their_profile() -> None:
    first, second = OrganisationFactory.create(), OrganisationFactory.create()
    user = ProfileFactory.create(other_organisation="Eigen invoer", organisation=None).user
    services.join(organisation=first, user=user, joined_by=Membership.JoinedBy.EDITOR)
    membership = services.join(organisation=second, user=user, joined_by=Membership.JoinedBy.EDITOR)
    assert membership.organisation == second
    assert Membership.objects.filter(user=user).count() == 1
    profile = Profile.objects.get(user=user)
    assert (profile.organisation, profile.other_organisation) == (second, "")
    kinds = set(OrganisationEvent.objects.filter(organisation=first).values_list("kind", flat=True))
    assert kinds == {"joined", "left"}


def test_the_last_administrator_stays() -> None:
    organisation = OrganisationFactory.create()
    admin = services.join(
        organisation=organisation,
        user=UserFactory.create(),
        joined_by=Membership.JoinedBy.EDITOR,
        role=Membership.Role.ADMIN,
    )
    with pytest.raises(services.OrganisationError):
        services.set_role(membership=admin, role=Membership.Role.MEMBER, actor=admin.user)
    other = services.join(
        organisation=organisation, user=UserFactory.create(), joined_by=Membership.JoinedBy.DOMAIN
    )
    services.set_role(membership=other, role=Membership.Role.ADMIN, actor=admin.user)
    services.set_role(membership=admin, role=Membership.Role.MEMBER, actor=admin.user)
    assert Membership.objects.get(pk=admin.pk).role == "member"


def test_a_manager_of_another_organisation_cannot_touch_its_teams() -> None:
    mine, theirs = OrganisationFactory.create(), OrganisationFactory.create()
    admin = services.join(
        organisation=mine,
        user=UserFactory.create(),
        joined_by=Membership.JoinedBy.EDITOR,
        role=Membership.Role.ADMIN,
    )
    outsider = services.join(
        organisation=theirs,
        user=UserFactory.create(),
        joined_by=Membership.JoinedBy.EDITOR,
        role=Membership.Role.ADMIN,
    )
    team = services.create_team(organisation=mine, name="Incasso", actor=admin.user)
    with pytest.raises(services.OrganisationError):
        services.put_in_team(team=team, membership=outsider, actor=outsider.user)
    with pytest.raises(services.OrganisationError):
        services.put_in_team(team=team, membership=outsider, actor=admin.user)
    services.put_in_team(team=team, membership=admin, is_manager=True, actor=admin.user)
    assert services.managed_team_ids(admin.user) == [team.pk]
    assert services.managed_team_ids(outsider.user) == []
