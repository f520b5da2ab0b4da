import pytest

from catalogue.tests.factories import create_catalogue
from core.tests.conftest import drenthe, groningen  # noqa: F401


@pytest.fixture
def regions(groningen, drenthe):  # noqa: F811
    return [groningen.region, drenthe.region]


@pytest.fixture
def catalogue(regions):
    return create_catalogue(regions)
