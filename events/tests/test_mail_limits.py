"""The visitor form cannot flood a mailbox: 30 posts for one address send 3 e-mails."""

import re
from typing import Any

from django.core import mail
from django.urls import reverse

from core.models import Role
from events import services

from .factories import create_user

HOST: dict[str, Any] = {"HTTP_HOST": "groningen.localhost"}
LIMITED = "Dit formulier is kort na elkaar een paar keer verstuurd"


def post_visitor_form(client, session, email: str, ip: str = "192.0.2.1"):
    data = {
        "name": "Vera",
        "email": email,
        "organisation_name": "Lefier",
        "role": Role.objects.get().pk,
    }
    url = reverse("events:register", args=[session.pk])
    return client.post(url, data, REMOTE_ADDR=ip, **HOST)


def test_30_posts_for_one_address_send_3_emails(
    client, session, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        # From 30 different clients too: the limit follows the address.
        responses = [
            post_visitor_form(client, session, "doel@example.org", ip=f"192.0.2.{number}")
            for number in range(30)
        ]
    assert [response.status_code for response in responses] == [200] * 3 + [429] * 27
    assert len(mail.outbox) == 3
    refused = responses[-1].text
    assert LIMITED in refused
    assert 'value="Vera"' in refused  # the input is kept


def test_the_limit_says_nothing_about_the_address(client, session):
    """An address with an account and a registration gets the same answer as a new one."""
    user = create_user("bekend")
    services.register_user(session=session, user=user)
    answers = []
    for email, ip in ((user.email, "192.0.2.1"), ("nieuw@example.org", "192.0.2.2")):
        for _attempt in range(3):
            post_visitor_form(client, session, email, ip=ip)
        response = post_visitor_form(client, session, email, ip=ip)
        assert response.status_code == 429
        answers.append(re.search(r'<div class="error-summary".*?</div>', response.text, re.S))
    known, new = answers
    assert known and new and LIMITED in known[0]
    assert known[0] == new[0]


def test_one_client_reaches_its_own_limit_with_many_addresses(
    client, session, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        statuses = [
            post_visitor_form(client, session, f"persoon-{number}@example.org").status_code
            for number in range(31)
        ]
    assert statuses == [200] * 30 + [429]
    assert len(mail.outbox) == 30
    # Someone else, from another client, still registers.
    assert (
        post_visitor_form(client, session, "ander@example.org", ip="192.0.2.9").status_code == 200
    )
