import pytest

from core.tests.conftest import drenthe, groningen  # noqa: F401

from .factories import create_news_index


@pytest.fixture
def news_index(groningen, drenthe):  # noqa: F811
    return create_news_index([groningen.region, drenthe.region])
