from catalogue.tests.conftest import catalogue  # noqa: F401
from core.tests.conftest import drenthe, groningen  # noqa: F401
from learning.tests.conftest import member_client, profile  # noqa: F401
