from core.tests.conftest import drenthe, groningen  # noqa: F401
