from circles.tests.conftest import circle, people  # noqa: F401
from core.tests.conftest import drenthe, groningen  # noqa: F401
from events.tests.conftest import catalogue, event, regions, session  # noqa: F401
