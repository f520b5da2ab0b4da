"""One person presses "Markeer als afgerond" many times at the same moment (a double click,
two tabs): real HTTP requests to a live server, each its own connection and transaction.
One completion is written; every request ends as a normal click does."""

import http.client
import threading
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client

from accounts.tests.factories import ProfileFactory
from catalogue.tests.factories import create_item
from learning.models import LearningRecord, Verb

CLICKS = 20
CSRF = "a" * 32


@pytest.mark.concurrency
@pytest.mark.skipif(
    connection.vendor == "sqlite" and not connection.settings_dict["TEST"].get("NAME"),
    reason="needs PostgreSQL or a file SQLite test database: TEST_SQLITE_FILE=<path> "
    "(`make test` runs it so)",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_clicks_write_one_completion(live_server, catalogue, groningen):
    article = create_item(catalogue, slug="gesprekken", regions=[groningen.region])
    user = ProfileFactory.create().user
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    address = urlsplit(live_server.url)
    path = f"/mijn/voortgang/{article.pk}/afgerond/"
    start = threading.Barrier(CLICKS)

    def click(_number: int) -> int:
        connection = http.client.HTTPConnection(address.hostname, address.port, timeout=120)
        start.wait()
        connection.request(
            "POST",
            path,
            body="",
            headers={
                "Host": "groningen.localhost",
                "Cookie": f"{settings.SESSION_COOKIE_NAME}={cookie}; csrftoken={CSRF}",
                "X-CSRFToken": CSRF,
                "Content-Type": "application/x-www-form-urlencoded",
            },
        )
        status = connection.getresponse().status
        connection.close()
        return status

    with ThreadPoolExecutor(max_workers=CLICKS) as pool:
        statuses = list(pool.map(click, range(CLICKS)))

    assert statuses == [302] * CLICKS
    completions = LearningRecord.objects.of(user).about(article).filter(verb=Verb.COMPLETED)
    assert completions.count() == 1
