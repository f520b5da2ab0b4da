from typing import Any

import pytest
from django.contrib.auth.models import User

from accounts.tests.factories import OrganisationFactory, ProfileFactory
from core.tests.conftest import groningen  # noqa: F401
from organisations import services
from organisations.models import Membership

HOST: dict[str, Any] = {"HTTP_HOST": "groningen.localhost"}


def person(username: str, domain: str = "voorbeeld.nl", name: str = "") -> User:
    """Someone with a profile and a verified address username@domain."""
    return ProfileFactory.create(
        user__username=username,
        user__email=f"{username}@{domain}",
        full_name=name or username.replace(".", " ").title(),
    ).user


def member_of(organisation: Any, user: User, role: str = "member") -> Membership:
    return services.join(
        organisation=organisation,
        user=user,
        joined_by=Membership.JoinedBy.EDITOR,
        role=Membership.Role(role),
    )


@pytest.fixture
def org_a(db) -> Any:
    return OrganisationFactory.create(name="Gemeente Aa")


@pytest.fixture
def org_b(db) -> Any:
    return OrganisationFactory.create(name="Woonstichting Bee")


@pytest.fixture
def admin_a(org_a) -> Membership:
    return member_of(org_a, person("anna.beheer", "gemeente-aa.nl"), "admin")


@pytest.fixture
def admin_b(org_b) -> Membership:
    return member_of(org_b, person("bert.beheer", "bee.nl"), "admin")
