import pytest
from wagtail.models import Page

from core.models import PortalHomePage
from core.tests.factories import create_portal


@pytest.fixture
def groningen(db) -> PortalHomePage:
    # Wagtail's migration leaves a welcome page and a localhost site; portals replace them.
    Page.objects.filter(depth=2).delete()
    return create_portal("groningen", colour="#1e5a8c", default=True)


@pytest.fixture
def drenthe(groningen) -> PortalHomePage:
    return create_portal("drenthe", colour="#a3262a")
