"""E-mail links and the calendar feed under another port (`PORT=8100 make run`): a
visitor who registers confirms with the link in the e-mail."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import Site

from core.models import Role
from events import services

from .factories import create_user


@pytest.fixture(autouse=True)
def served_on_port_8100(settings, regions):
    Site.objects.update(port=8000)  # as the demo used to store it
    settings.PORTAL_BASE_URL = "http://{hostname}:8100"


def links_in(body: str) -> list[str]:
    return re.findall(r"http://[^\s\"<>]+", body)


@pytest.mark.parametrize("region", ["groningen", "drenthe"])
def test_a_visitor_confirms_with_the_link_in_the_email(
    client, session, django_capture_on_commit_callbacks, region
):
    """The links lead back to the portal the visitor registered through."""
    portal = re.compile(rf"^http://{region}\.localhost:8100/")
    visitor = {"name": "Vera", "email": "vera@example.org", "organisation_name": "Lefier"}
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("events:register", args=[session.pk]),
            {**visitor, "role": Role.objects.get().pk},
            HTTP_HOST=f"{region}.localhost:8100",
        )
    [message] = mail.outbox
    links = links_in(str(message.body)) + links_in(str(message.alternatives[0][0]))  # type: ignore[union-attr]
    assert links and all(portal.match(link) for link in links), links
    confirm = urlsplit(next(link for link in links if "/agenda/bevestigen/" in link))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(confirm.path, HTTP_HOST=confirm.netloc)
    assert "Je bent ingeschreven" in response.text
    # The confirmation that follows: its cancel link too.
    links = links_in(str(mail.outbox[-1].body))
    assert any("/agenda/afmelden/" in link for link in links), links
    assert all(portal.match(link) for link in links), links


def test_the_calendar_feed_address_uses_the_served_port(client, session):
    user = create_user("sanne")
    services.register_user(session=session, user=user)
    services.renew_calendar_feed(user=user)  # the button on the page makes the feed
    client.force_login(user)
    page = client.get(reverse("events:my_calendar"), HTTP_HOST="drenthe.localhost:8100").text
    feed = re.search(r'id="feed-url"[^>]* value="([^"]+)"', page)
    assert feed and feed.group(1).startswith("http://drenthe.localhost:8100/agenda/"), page
    assert 'href="webcal://drenthe.localhost:8100/agenda/' in page
