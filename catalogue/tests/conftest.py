import pytest

from core.tests.conftest import drenthe, groningen  # noqa: F401

from .factories import create_catalogue


@pytest.fixture
def catalogue(groningen, drenthe):  # noqa: F811
    return create_catalogue([groningen.region, drenthe.region])
