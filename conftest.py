import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache, so no page cached by another test is served."""
    cache.clear()
    yield
    cache.clear()
