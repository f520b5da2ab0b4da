import pytest

from core.tests.conftest import drenthe, groningen  # noqa: F401

from .factories import make_circle, make_coordinator, make_user


@pytest.fixture
def people(db):
    return {
        "facilitator": make_user("begeleider"),
        "member": make_user("lid"),
        "other_member": make_user("ander-lid"),
        "outsider": make_user("buitenstaander"),
        "editor": make_user("redacteur", is_staff=True, is_superuser=True),
        "coordinator": make_coordinator(),
    }


@pytest.fixture
def circle(drenthe, people):  # noqa: F811
    return make_circle(
        slug="assen",
        region=drenthe.region,
        facilitator=people["facilitator"],
        members=(people["member"],),
    )


@pytest.fixture
def other_circle(groningen, people):  # noqa: F811
    return make_circle(
        slug="stadskanaal",
        region=groningen.region,
        facilitator=make_user("begeleider-2"),
        members=(people["other_member"],),
        code="GM0037",
    )
