"""The demo's reserved seats: three of an upcoming training, two with a name, one open."""

import pytest

from accounts.tests.factories import OrganisationFactory
from catalogue.tests.factories import create_catalogue
from core.tests.conftest import drenthe, groningen  # noqa: F401
from demo import reservations as reservations_demo
from events.models import Registration, SeatReservation, Session
from events.tests.factories import create_event


@pytest.mark.django_db
def test_one_reservation_with_one_seat_still_open(groningen, drenthe):  # noqa: F811
    regions = [groningen.region, drenthe.region]
    create_event(
        create_catalogue(regions), regions=regions, slug=reservations_demo.EVENT_SLUG, capacity=20
    )
    OrganisationFactory(name=reservations_demo.ORGANISATION)
    assert reservations_demo.load() == 1
    assert reservations_demo.load() == 0  # once
    reservation = SeatReservation.objects.get()
    assigned = Registration.objects.filter(reservation=reservation, state="confirmed")
    assert (reservation.seats, assigned.count()) == (3, 2)
    session = Session.objects.with_seat_counts().get()
    assert session.seats_left == 17
