import pytest

from catalogue.tests.factories import create_catalogue
from core.tests.conftest import drenthe, groningen  # noqa: F401

from .factories import create_track, make_editor, make_user, plan


@pytest.fixture
def regions(groningen, drenthe):  # noqa: F811
    return [groningen.region, drenthe.region]


@pytest.fixture
def catalogue(regions):
    return create_catalogue(regions)


@pytest.fixture
def track(catalogue, regions):
    return create_track(catalogue, regions=regions)


@pytest.fixture
def cohort(track):
    return plan(track)


@pytest.fixture
def participant(db):
    return make_user("sanne", full_name="Sanne de Vries (voorbeeld)")


@pytest.fixture
def editor(db):
    return make_editor()
