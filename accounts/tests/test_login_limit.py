"""Failed log-ins count per address, whichever portal or host name they come through."""

from django.test import Client
from django.urls import reverse

from core.tests.conftest import drenthe, groningen  # noqa: F401

from .factories import UserFactory


def test_wrong_passwords_through_both_portals_count_together(
    client: Client,
    drenthe,  # noqa: F811
) -> None:
    user = UserFactory.create()
    hosts = ["groningen.localhost", "drenthe.localhost"] * 3
    pages = [
        client.post(
            reverse("account_login"), {"login": user.email, "password": "fout"}, HTTP_HOST=host
        ).content.decode()
        for host in hosts
    ]
    assert ["te vaak een verkeerd wachtwoord" in page for page in pages] == [False] * 5 + [True]
