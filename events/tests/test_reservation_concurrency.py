"""Reservations, assignments and public registrations race for the last seats: real HTTP
requests to a live server at the same moment, each with its own logged-in session. The
session is never overbooked: seats held by registrations and by open reservations together
stay within its capacity."""

import http.client
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from typing import Any
from urllib.parse import urlencode, urlsplit

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import OrganisationFactory
from events import reservations
from events.models import Registration, SeatReservation, Session
from organisations.models import Membership
from organisations.services import join

from .factories import create_event
from .test_concurrency import CSRF, WorkerPool

SEATS = 10
PUBLIC = 24
SERVER_WORKERS = 20


def member_of(organisation, user, role=Membership.Role.MEMBER):
    return join(
        organisation=organisation, user=user, joined_by=Membership.JoinedBy.EDITOR, role=role
    )


def cookie_of(user):
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


@pytest.mark.concurrency
@pytest.mark.skipif(
    connection.vendor == "sqlite" and not connection.settings_dict["TEST"].get("NAME"),
    reason="needs PostgreSQL or a file SQLite test database: TEST_SQLITE_FILE=<path> "
    "(`make test` runs it so)",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_reservations_assignments_and_registrations_never_overbook(live_server, catalogue, regions):
    session = create_event(catalogue, regions=regions, capacity=SEATS).sessions.get()
    users = get_user_model().objects.bulk_create(
        get_user_model()(username=f"p{n}", email=f"p{n}@example.org") for n in range(PUBLIC + 6)
    )
    first, second = OrganisationFactory(), OrganisationFactory()
    managers = [
        member_of(organisation, user, Membership.Role.MANAGER)
        for organisation, user in ((first, users[-1]), (second, users[-2]))
    ]
    members = [member_of(first, user) for user in users[-5:-2]]
    deadline = timezone.now() + timedelta(days=3)
    # The first organisation holds 2 seats already; three names race for them.
    held = reservations.reserve_seats(
        session=session,
        organisation=managers[0].organisation,
        seats=2,
        deadline=deadline,
        actor=managers[0].user,
    )
    deadline_field = timezone.localtime(deadline).strftime("%Y-%m-%dT%H:%M")
    reserve = reverse("events:reserve")
    requests: list[tuple[Any, str, dict[str, Any]]] = [
        (users[n], reverse("events:register", args=[session.pk]), {}) for n in range(PUBLIC)
    ]
    requests += [
        (manager.user, reserve, {"sessie": session.pk, "seats": 4, "deadline": deadline_field})
        for manager in managers
    ]
    requests += [
        (managers[0].user, reverse("events:reservation", args=[held.pk]), {"member": member.pk})
        for member in members
    ]
    cookies = {user.pk: cookie_of(user) for user, _path, _data in requests}

    httpd = live_server.thread.httpd
    httpd.set_app(WorkerPool(httpd.get_app(), SERVER_WORKERS))
    httpd.socket.listen(len(requests))
    address = urlsplit(live_server.url)
    start = threading.Barrier(len(requests))

    def press(request):
        user, path, data = request
        connection = http.client.HTTPConnection(address.hostname, address.port, timeout=120)
        start.wait()
        connection.request(
            "POST",
            path,
            body=urlencode(data),
            headers={
                "Cookie": f"{settings.SESSION_COOKIE_NAME}={cookies[user.pk]}; csrftoken={CSRF}",
                "X-CSRFToken": CSRF,
                "Content-Type": "application/x-www-form-urlencoded",
            },
        )
        status = connection.getresponse().status
        connection.close()
        return status

    with ThreadPoolExecutor(max_workers=len(requests)) as pool:
        statuses = list(pool.map(press, requests))

    # Every request was answered: a seat, a place in the queue, or a clear refusal.
    assert set(statuses) <= {302, 400}, statuses
    assert statuses[:PUBLIC] == [302] * PUBLIC
    assigned = Registration.objects.filter(reservation=held, state="confirmed").count()
    assert assigned == 2  # two of the three names got the two seats; the third was refused
    assert statuses[PUBLIC + 2 :].count(302) == 2
    registrations = Registration.objects.filter(session=session)
    held_seats = registrations.holding_seats().count()
    open_reserved = sum(
        reservation.seats - reservation.registrations.filter(state="confirmed").count()
        for reservation in SeatReservation.objects.filter(released_at__isnull=True)
    )
    assert held_seats + open_reserved <= SEATS
    taken = Session.objects.with_seat_counts().get(pk=session.pk).taken_seats
    assert taken == SEATS  # everything went: the rush wanted more than there was
    assert registrations.filter(state="waiting").count() == PUBLIC - (held_seats - assigned)

    # The reservations end: their open seats go to the waiting list, still within capacity.
    reservations.release_expired_reservations(now=deadline + timedelta(minutes=1))
    assert registrations.holding_seats().count() == SEATS
