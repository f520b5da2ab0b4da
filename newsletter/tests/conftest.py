import pytest

from core.tests.conftest import drenthe, groningen  # noqa: F401
from core.tests.factories import shared_root

from .factories import create_edition, create_newsletter_page


@pytest.fixture
def regions(groningen, drenthe):  # noqa: F811
    return [groningen.region, drenthe.region]


@pytest.fixture
def newsletter_page(regions):
    return create_newsletter_page(shared_root(), regions)


@pytest.fixture
def edition(newsletter_page, groningen):  # noqa: F811
    return create_edition(newsletter_page, [groningen.region])


@pytest.fixture
def outbox_mail(settings):
    """Mail through core's outbox, as in production (pytest-django sets locmem)."""
    settings.EMAIL_BACKEND = "core.mail.TaskEmailBackend"
