import pytest
from django.test import Client

from accounts.models import Profile
from accounts.tests.factories import ProfileFactory
from catalogue.tests.conftest import catalogue  # noqa: F401
from core.tests.conftest import drenthe, groningen  # noqa: F401


@pytest.fixture
def profile(db) -> Profile:
    return ProfileFactory.create()


@pytest.fixture
def member_client(client: Client, profile: Profile) -> Client:
    client.force_login(profile.user)
    return client
