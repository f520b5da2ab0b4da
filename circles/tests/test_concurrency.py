"""An invitation is single use even when several people open the link at the same moment:
the row lock in accept_invitation lets exactly one in."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections

from circles.models import Membership
from circles.services import CircleError, accept_invitation, invite_to_circle

from .factories import make_circle, make_user

PEOPLE = 8


@pytest.mark.concurrency
@pytest.mark.skipif(
    connection.vendor == "sqlite" and not connection.settings_dict["TEST"].get("NAME"),
    reason="needs a file-based SQLite test database (set DATABASES TEST NAME) or PostgreSQL",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_one_invitation_lets_in_one_person(drenthe) -> None:
    facilitator = make_user("begeleider")
    circle = make_circle(slug="assen", region=drenthe.region, facilitator=facilitator)
    _invitation, token = invite_to_circle(circle=circle, email="een@example.org", by=facilitator)
    people = [make_user(f"persoon-{number}") for number in range(PEOPLE)]
    start = threading.Barrier(PEOPLE)

    def accept(person) -> bool:
        start.wait()
        try:
            accept_invitation(circle=circle, token=token, user=person)
        except CircleError:
            return False
        finally:
            connections.close_all()
        return True

    with ThreadPoolExecutor(max_workers=PEOPLE) as pool:
        results = list(pool.map(accept, people))

    assert results.count(True) == 1
    assert Membership.objects.filter(circle=circle, user__in=people).count() == 1
