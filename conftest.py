import pytest
from django.core.cache import caches


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with empty caches, so no page cached by another test is served."""
    for each in caches.all():
        each.clear()
    yield
    for each in caches.all():
        each.clear()
