"""200 people press "Schrijf je in" at the same moment for 20 seats: real HTTP requests to a
live server, each with its own logged-in session."""

import http.client
import threading
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.urls import reverse

from events.models import Registration, Session

from .factories import create_event

PEOPLE = 200
SEATS = 20
# Like an app server's fixed pool of workers (gunicorn --workers): at most this many
# requests run at once; the rest wait in line, as they would in production. PostgreSQL
# allows only so many connections, and other test runs share it.
SERVER_WORKERS = 30
CSRF = "a" * 32


class WorkerPool:
    def __init__(self, app, size):
        self.app = app
        self.slots = threading.BoundedSemaphore(size)

    def __call__(self, environ, start_response):
        with self.slots:
            return list(self.app(environ, start_response))


@pytest.mark.concurrency
@pytest.mark.skipif(
    connection.vendor == "sqlite" and not connection.settings_dict["TEST"].get("NAME"),
    reason="needs PostgreSQL or a file SQLite test database: TEST_SQLITE_FILE=<path> "
    "(`make test` runs it so)",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_200_simultaneous_registrations_for_20_seats(live_server, catalogue, regions):
    event = create_event(catalogue, regions=regions, capacity=SEATS)
    session = event.sessions.get()
    users = get_user_model().objects.bulk_create(
        get_user_model()(username=f"p{n}", email=f"p{n}@example.org") for n in range(PEOPLE)
    )
    cookies = []
    for user in users:
        client = Client()
        client.force_login(user)
        cookies.append(client.cookies[settings.SESSION_COOKIE_NAME].value)
    httpd = live_server.thread.httpd
    httpd.set_app(WorkerPool(httpd.get_app(), SERVER_WORKERS))
    # Django's test server keeps a queue of 10 unanswered connections; a real server's is
    # longer. Linux lets a listening socket change it.
    httpd.socket.listen(PEOPLE)
    address = urlsplit(live_server.url)
    path = reverse("events:register", args=[session.pk])
    start = threading.Barrier(PEOPLE)

    def press(cookie):
        connection = http.client.HTTPConnection(address.hostname, address.port, timeout=120)
        start.wait()
        connection.request(
            "POST",
            path,
            body="",
            headers={
                "Cookie": f"{settings.SESSION_COOKIE_NAME}={cookie}; csrftoken={CSRF}",
                "X-CSRFToken": CSRF,
                "Content-Type": "application/x-www-form-urlencoded",
            },
        )
        status = connection.getresponse().status
        connection.close()
        return status

    with ThreadPoolExecutor(max_workers=PEOPLE) as pool:
        statuses = list(pool.map(press, cookies))

    assert statuses == [302] * PEOPLE
    registrations = Registration.objects.filter(session=session)
    assert registrations.filter(state="confirmed").count() == SEATS
    assert registrations.filter(state="waiting").count() == PEOPLE - SEATS
    assert registrations.values("user").distinct().count() == PEOPLE
    places = list(registrations.filter(state="waiting").values_list("waiting_since", flat=True))
    assert len(set(places)) == PEOPLE - SEATS  # a strict queue: nobody shares a place


@pytest.mark.concurrency
@pytest.mark.skipif(
    connection.vendor == "sqlite" and not connection.settings_dict["TEST"].get("NAME"),
    reason="needs PostgreSQL or a file SQLite test database: TEST_SQLITE_FILE=<path> "
    "(`make test` runs it so)",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_clicks_on_two_workshops_of_a_round_give_one(live_server, catalogue, regions):
    # One person in many tabs presses "Schrijf je in" on two workshops of one round at once.
    event = create_event(catalogue, regions=regions, capacity=SEATS, kind="congres")
    day = event.sessions.get()
    workshops = [
        Session.objects.create(
            event=event,
            round="Ronde 1",
            title=title,
            starts_at=day.starts_at,
            ends_at=day.ends_at,
            capacity=SEATS,
        )
        for title in ("Workshop A", "Workshop B")
    ]
    client = Client()
    client.force_login(get_user_model().objects.create(username="p", email="p@example.org"))
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    address = urlsplit(live_server.url)
    clicks = [reverse("events:register", args=[workshops[n % 2].pk]) for n in range(10)]
    start = threading.Barrier(len(clicks))

    def press(path):
        connection = http.client.HTTPConnection(address.hostname, address.port, timeout=120)
        start.wait()
        connection.request(
            "POST",
            path,
            body="",
            headers={
                "Cookie": f"{settings.SESSION_COOKIE_NAME}={cookie}; csrftoken={CSRF}",
                "X-CSRFToken": CSRF,
                "Content-Type": "application/x-www-form-urlencoded",
            },
        )
        status = connection.getresponse().status
        connection.close()
        return status

    with ThreadPoolExecutor(max_workers=len(clicks)) as pool:
        statuses = list(pool.map(press, clicks))

    assert statuses == [302] * len(clicks)
    assert Registration.objects.filter(session__in=workshops).count() == 1
