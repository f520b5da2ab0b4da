"""Workspace lists take the same number of queries with 10 or 500 rows."""

import pytest
from django.urls import reverse

from circles.models import Agreement, Case, Comment


@pytest.mark.parametrize("count", [10, 500])
def test_workspace_lists_do_not_grow(client, circle, people, django_assert_num_queries, count):
    member, facilitator = people["member"], people["facilitator"]
    # In bulk, so 500 rows cost little; the services each write one.
    cases = Case.objects.bulk_create(
        Case(
            circle=circle,
            author=member,
            title=f"Casus {number}",
            situation="Een gezin met een huurachterstand.",
            question="Wat kunnen we samen doen?",
        )
        for number in range(count)
    )
    Comment.objects.bulk_create(
        Comment(case=case, author=facilitator, text="Reactie") for case in cases
    )
    Agreement.objects.bulk_create(
        Agreement(circle=circle, description=f"Afspraak {number}", follow_up_by=member)
        for number in range(count)
    )
    client.force_login(member)
    pages = [("cases", 5, "cases", count), ("agreements", 6, "agreements", count)]
    pages += [("overview", 11, "cases", 5)]  # the newest five
    for name, queries, listed, rows in pages:
        url = reverse(f"circles:{name}", kwargs={"slug": "assen"})
        client.get(url)  # warm the portal caches
        with django_assert_num_queries(queries):
            response = client.get(url)
        assert response.status_code == 200
        assert len(response.context[listed]) == rows, name
