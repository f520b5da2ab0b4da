import pytest
from django.conf import settings

from catalogue.tests.conftest import catalogue  # noqa: F401
from core.tests.conftest import drenthe, groningen  # noqa: F401


@pytest.fixture
def english(client):
    """English pages, so assertions hold before and after the Dutch translations."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client
