import pytest

from catalogue.tests.factories import create_catalogue
from core.tests.conftest import drenthe, groningen  # noqa: F401

from .factories import create_agenda_page, create_spearhead


@pytest.fixture
def regions(groningen, drenthe):  # noqa: F811
    return [groningen.region, drenthe.region]


@pytest.fixture
def agenda(regions):
    return create_agenda_page(regions)


@pytest.fixture
def catalogue(regions):
    return create_catalogue(regions)


@pytest.fixture
def spearhead(agenda, regions):
    return create_spearhead(agenda, regions=regions, bottleneck_kinds=("law", "money"))
