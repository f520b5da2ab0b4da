import pytest
from django.test import Client

from accounts.models import Profile

from .factories import ProfileFactory, UserFactory


@pytest.fixture(autouse=True)
def _mail_through_task_queue(settings):
    """pytest-django sets the locmem backend for every test; ours goes through the queue
    (whose immediate backend delivers into the same outbox)."""
    settings.EMAIL_BACKEND = "core.mail.TaskEmailBackend"
    settings.TASK_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def profile(db) -> Profile:
    return ProfileFactory.create()


@pytest.fixture
def member_client(client: Client, profile: Profile) -> Client:
    """Logged in as someone who finished the onboarding."""
    client.force_login(profile.user)
    return client


@pytest.fixture
def new_user_client(client: Client, db) -> Client:
    """Logged in as someone who has not done the onboarding yet."""
    client.force_login(UserFactory.create())
    return client
