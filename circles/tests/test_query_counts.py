"""Workspace lists take the same number of queries with few or many rows."""

import pytest
from django.urls import reverse

from circles.services import AgreementDetails, add_comment, make_agreement

from .factories import make_case


@pytest.mark.parametrize("count", [2, 10])
@pytest.mark.parametrize("name, expected", [("cases", 5), ("agreements", 6), ("overview", 11)])
def test_workspace_lists_do_not_grow(
    client, circle, people, django_assert_num_queries, count, name, expected
) -> None:
    for number in range(count):
        case = make_case(circle, people["member"], title=f"Casus {number}")
        add_comment(case=case, author=people["facilitator"], text="Reactie")
        make_agreement(
            circle=circle,
            by=people["member"],
            details=AgreementDetails(
                description=f"Afspraak {number}", follow_up_by=people["member"]
            ),
        )
    client.force_login(people["member"])
    url = reverse(f"circles:{name}", kwargs={"slug": "assen"})
    client.get(url)  # warm the portal caches
    with django_assert_num_queries(expected):
        assert client.get(url).status_code == 200
