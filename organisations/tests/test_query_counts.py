"""The people and team pages cost the same number of queries at 10 and 1,000 members."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from accounts.models import Profile
from organisations import services
from organisations.models import Membership, TeamMember

from .conftest import HOST

pytestmark = pytest.mark.django_db


def fill(admin: Membership, count: int) -> int:
    """`count` members in one team, made in bulk (a thousand users one by one is slow)."""
    organisation = admin.organisation
    team = services.create_team(organisation=organisation, name="Iedereen", actor=admin.user)
    users = User.objects.bulk_create(
        User(username=f"lid{n}", email=f"lid{n}@voorbeeld.nl") for n in range(count)
    )
    Profile.objects.bulk_create(
        Profile(user=user, full_name=f"Lid {n}") for n, user in enumerate(users)
    )
    memberships = Membership.objects.bulk_create(
        Membership(organisation=organisation, user=user, joined_by=Membership.JoinedBy.EDITOR)
        for user in users
    )
    TeamMember.objects.bulk_create(
        TeamMember(team=team, membership=membership, is_manager=False) for membership in memberships
    )
    return team.pk


@pytest.mark.parametrize("count", [10, 1000])
def test_people_and_team_pages_do_not_grow(groningen, admin_a, count, django_assert_num_queries):
    team = fill(admin_a, count)
    client = Client()
    client.force_login(admin_a.user)
    pages = [
        reverse("organisations:people"),
        reverse("organisations:people") + "?q=lid&pagina=2",
        reverse("organisations:teams"),
        reverse("organisations:team", args=[team]),
    ]
    client.get(pages[0], **HOST)  # warms the portal cache
    # Session, user, membership; then the page's count and rows, or its rows and their
    # teams or managers in one prefetch each.
    for url, queries in zip(pages, (6, 6, 5, 5), strict=True):
        with django_assert_num_queries(queries):
            assert client.get(url, **HOST).status_code == 200
