import pytest

from catalogue.tests.factories import create_catalogue
from core.tests.conftest import drenthe, groningen  # noqa: F401
from core.tests.factories import shared_root

from .factories import create_agenda, create_event


@pytest.fixture
def regions(groningen, drenthe):  # noqa: F811
    return [groningen.region, drenthe.region]


@pytest.fixture
def catalogue(regions):
    return create_catalogue(regions)


@pytest.fixture
def agenda(catalogue, regions):
    return create_agenda(shared_root(), regions)


@pytest.fixture
def event(catalogue, regions):
    return create_event(catalogue, regions=regions, capacity=2)


@pytest.fixture
def session(event):
    return event.sessions.get()
