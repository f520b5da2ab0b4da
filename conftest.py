import pytest
from django.core.cache import caches

from core.cache import forget_in_process


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with empty caches, so no page cached by another test is served."""
    for each in caches.all():
        each.clear()
    forget_in_process()
    yield
    for each in caches.all():
        each.clear()
    forget_in_process()
