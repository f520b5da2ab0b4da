"""Seat reservations: an organisation holds seats, its managers assign them by name, what is
not assigned by the deadline goes back to everybody, the waiting list first."""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks

from accounts.tests.factories import OrganisationFactory, ProfileFactory
from core.models import OutgoingEmail
from core.periodic import registered_jobs
from events import reservations, services
from events.models import (
    EventEmail,
    Registration,
    RegistrationChange,
    RegistrationState,
    SeatReservation,
    Session,
)
from learning.models import LearningRecord, Verb
from organisations.models import Membership, OrganisationEvent
from organisations.services import join
from tracks.models import Cohort
from tracks.tests.factories import create_track, plan

from .factories import create_event

State = RegistrationState
pytestmark = pytest.mark.django_db


def person(organisation=None, role=Membership.Role.MEMBER, name=""):
    user = ProfileFactory.create(**({"full_name": name} if name else {})).user
    if organisation is not None:
        join(
            organisation=organisation,
            user=user,
            joined_by=Membership.JoinedBy.EDITOR,
            role=Membership.Role(role),
        )
    return user


def public(session, count):
    return [services.register_user(session=session, user=person())[0] for _ in range(count)]


def soon(days=3):
    return timezone.now() + timedelta(days=days)


@pytest.fixture
def organisation():
    return OrganisationFactory(name="Kredietbank Oost (voorbeeld)")


@pytest.fixture
def manager(organisation):
    return person(organisation, role="manager", name="Mirjam Manager")


@pytest.fixture
def five_seats(catalogue, regions):
    return create_event(catalogue, regions=regions, capacity=5).sessions.get()


def reserve(session, organisation, manager, seats, deadline=None):
    return reservations.reserve_seats(
        session=session,
        organisation=organisation,
        seats=seats,
        deadline=deadline or soon(),
        actor=manager,
    )


def seats_left(session):
    return Session.objects.with_seat_counts().get(pk=session.pk).seats_left


def test_reserved_seats_are_not_offered_to_the_public(five_seats, organisation, manager):
    reservation = reserve(five_seats, organisation, manager, 2)
    assert seats_left(five_seats) == 3
    registrations = public(five_seats, 4)
    assert [r.state for r in registrations] == [State.CONFIRMED] * 3 + [State.WAITING]
    assert seats_left(five_seats) == 0
    event = OrganisationEvent.objects.get(organisation=organisation, kind="reserved")
    assert (event.actor, event.detail.startswith("2 ")) == (manager, True)
    assert reservation.reserved_by == manager


def test_reserving_more_than_is_free_is_refused(five_seats, organisation, manager):
    public(five_seats, 3)
    with pytest.raises(reservations.ReservationError) as refused:
        reserve(five_seats, organisation, manager, 3)
    assert refused.value.field == "seats"
    assert "2" in refused.value.message
    assert not SeatReservation.objects.exists()
    reserve(five_seats, organisation, manager, 2)
    with pytest.raises(reservations.ReservationError):
        reserve(five_seats, organisation, manager, 1)


def test_the_deadline_comes_before_registration_closes(five_seats, organisation, manager):
    event = five_seats.event
    event.registration_closes_at = timezone.now() + timedelta(days=2)
    event.save()
    with pytest.raises(reservations.ReservationError) as refused:
        reserve(five_seats, organisation, manager, 1, deadline=soon(3))
    assert refused.value.field == "deadline"
    with pytest.raises(reservations.ReservationError):
        reserve(five_seats, organisation, manager, 1, deadline=timezone.now() - timedelta(hours=1))
    reserve(five_seats, organisation, manager, 1, deadline=soon(1))


def test_a_plain_member_cannot_reserve_nor_a_manager_of_another_organisation(
    five_seats, organisation, manager
):
    member = person(organisation)
    outsider = person(OrganisationFactory(), role="admin")
    for actor in (member, outsider, person()):
        with pytest.raises(reservations.ReservationError):
            reserve(five_seats, organisation, actor, 1)
    reservation = reserve(five_seats, organisation, manager, 1)
    with pytest.raises(reservations.ReservationError):
        reservations.assign_seat(reservation=reservation, user=member, actor=outsider)


def test_assigning_a_seat_registers_the_member_as_if_they_registered(
    five_seats, organisation, manager
):
    reservation = reserve(five_seats, organisation, manager, 2)
    member = person(organisation, name="Joost Lid")
    registration = reservations.assign_seat(reservation=reservation, user=member, actor=manager)
    assert (registration.state, registration.reservation, registration.name) == (
        State.CONFIRMED,
        reservation,
        "Joost Lid",
    )
    change = RegistrationChange.objects.get(registration=registration)
    assert (change.actor, change.to_state) == (manager, State.CONFIRMED)
    assert EventEmail.objects.filter(registration=registration, kind="confirmed").exists()
    assert OutgoingEmail.objects.filter(recipients=member.email).exists()
    assert LearningRecord.objects.filter(actor=member, verb=Verb.REGISTERED).exists()
    # The member's own seat, still counted inside the reservation: 3 left for the public.
    assert seats_left(five_seats) == 3
    assert list(Registration.objects.upcoming_for(member)) == [registration]
    with pytest.raises(reservations.ReservationError):
        reservations.assign_seat(reservation=reservation, user=member, actor=manager)


def test_assigning_a_non_member_is_refused(five_seats, organisation, manager):
    reservation = reserve(five_seats, organisation, manager, 2)
    for stranger in (person(), person(OrganisationFactory())):
        with pytest.raises(reservations.ReservationError):
            reservations.assign_seat(reservation=reservation, user=stranger, actor=manager)
    assert not Registration.objects.exists()


def test_no_more_names_than_seats(five_seats, organisation, manager):
    reservation = reserve(five_seats, organisation, manager, 1)
    reservations.assign_seat(reservation=reservation, user=person(organisation), actor=manager)
    with pytest.raises(reservations.ReservationError):
        reservations.assign_seat(reservation=reservation, user=person(organisation), actor=manager)


def test_a_member_on_the_waiting_list_moves_onto_the_reserved_seat(
    five_seats, organisation, manager
):
    reservation = reserve(five_seats, organisation, manager, 1)
    public(five_seats, 4)
    member = person(organisation)
    waiting, _created = services.register_user(session=five_seats, user=member)
    assert waiting.state == State.WAITING
    seated = reservations.assign_seat(reservation=reservation, user=member, actor=manager)
    assert (seated.pk, seated.state) == (waiting.pk, State.CONFIRMED)
    assert Registration.objects.filter(session=five_seats).holding_seats().count() == 5


def test_the_deadline_returns_the_open_seats_to_the_waiting_list_first(
    five_seats, organisation, manager
):
    reservation = reserve(five_seats, organisation, manager, 3, deadline=soon(2))
    reserver_mails = OutgoingEmail.objects.filter(recipients=manager.email)
    assigned = reservations.assign_seat(
        reservation=reservation, user=person(organisation), actor=manager
    )
    crowd = public(five_seats, 5)
    assert [r.state for r in crowd] == [State.CONFIRMED] * 2 + [State.WAITING] * 3

    assert reservations.release_expired_reservations(now=soon(1)) == 0  # not yet
    with time_machine.travel(soon(2) + timedelta(minutes=1), tick=False):
        assert reservations.release_expired_reservations() == 2
        assert reservations.release_expired_reservations() == 0  # idempotent

    states = [Registration.objects.get(pk=r.pk).state for r in crowd]
    # Exactly the two returned seats went to the first two waiting, in order.
    assert states == [State.CONFIRMED] * 4 + [State.WAITING]
    assigned.refresh_from_db()
    assert assigned.state == State.CONFIRMED  # the assigned person keeps the seat
    reservation.refresh_from_db()
    assert reservation.released_at is not None
    assert Registration.objects.filter(session=five_seats).holding_seats().count() == 5
    assert reserver_mails.count() == 1
    assert "2" in reserver_mails.get().message["body"]
    details = OrganisationEvent.objects.filter(
        organisation=organisation, kind="reserved"
    ).values_list("detail", flat=True)
    assert len(details) == 3  # reserved, assigned, released
    # Too late to assign now.
    with pytest.raises(reservations.ReservationError):
        reservations.assign_seat(reservation=reservation, user=person(organisation), actor=manager)


def test_release_is_a_periodic_job():
    assert "events-release-reservations" in {job.name for job in registered_jobs()}


def test_cancelling_a_reservation_gives_the_open_seats_back(five_seats, organisation, manager):
    reservation = reserve(five_seats, organisation, manager, 3)
    reservations.assign_seat(reservation=reservation, user=person(organisation), actor=manager)
    waiting = public(five_seats, 4)[2:]
    reservations.cancel_reservation(reservation=reservation, actor=manager)
    assert [Registration.objects.get(pk=r.pk).state for r in waiting] == [State.CONFIRMED] * 2
    assert seats_left(five_seats) == 0


def test_a_seat_taken_back_is_open_in_the_reservation_again(five_seats, organisation, manager):
    reservation = reserve(five_seats, organisation, manager, 2)
    member = person(organisation)
    registration = reservations.assign_seat(reservation=reservation, user=member, actor=manager)
    waiting = public(five_seats, 4)[-1]
    reservations.unassign(registration=registration, actor=manager)
    registration.refresh_from_db()
    waiting.refresh_from_db()
    assert registration.state == State.CANCELLED
    assert waiting.state == State.WAITING  # the seat stays the organisation's
    assert EventEmail.objects.filter(registration=registration, kind="cancelled").exists()
    again = reservations.assign_seat(reservation=reservation, user=member, actor=manager)
    assert (again.pk, again.state) == (registration.pk, State.CONFIRMED)
    # The person registering on their own later is no longer a reserved seat.
    reservations.unassign(registration=again, actor=manager)
    reservations.cancel_reservation(reservation=reservation, actor=manager)
    waiting.refresh_from_db()
    assert waiting.state == State.CONFIRMED


def test_a_track_group_works_too(catalogue, regions, organisation, manager):
    track = create_track(catalogue, regions=regions)
    closes = timezone.now() + timedelta(days=5)
    cohort = plan(track, seats=3, registration_closes_at=closes)
    with pytest.raises(reservations.ReservationError):
        reserve(cohort, organisation, manager, 2, deadline=closes + timedelta(hours=1))
    reservation = reserve(cohort, organisation, manager, 2, deadline=soon(4))
    member = person(organisation)
    registration = reservations.assign_seat(reservation=reservation, user=member, actor=manager)
    assert registration.session_id == cohort.pk
    listed = Cohort.objects.for_listing().get(pk=cohort.pk)
    assert listed.seats_left == 1
    assert [r.state for r in public(cohort, 2)] == [State.CONFIRMED, State.WAITING]
    with time_machine.travel(soon(4) + timedelta(minutes=1), tick=False):
        assert reservations.release_expired_reservations() == 1
    assert Registration.objects.filter(session=cohort, state=State.CONFIRMED).count() == 3


def test_personal_data_names_the_reservations_made(five_seats, organisation, manager):
    reserve(five_seats, organisation, manager, 2)
    exported = services.personal_data(user=manager)["seat_reservations_made"]
    assert [(row["organisation"], row["seats"]) for row in exported] == [(organisation.name, 2)]


# ---------------------------------------------------------------------------
# Pages
# ---------------------------------------------------------------------------


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_a_manager_reserves_and_assigns_through_the_pages(five_seats, organisation, manager):
    # A visitor (no account) has a seat: the members' list must not trip over them.
    Registration.objects.create(
        session=five_seats, name="Bezoeker", email="bezoeker@example.org", state="confirmed"
    )
    client = logged_in(manager)
    event_page = client.get(five_seats.event.url)
    reserve_url = reverse("events:reserve") + f"?sessie={five_seats.pk}"
    assert reserve_url in event_page.content.decode()
    form = client.get(reserve_url)
    assert form.status_code == 200
    deadline = timezone.localtime(soon()).strftime("%Y-%m-%dT%H:%M")
    too_many = client.post(
        reverse("events:reserve"), {"sessie": five_seats.pk, "seats": 9, "deadline": deadline}
    )
    assert too_many.status_code == 400
    assert 'value="9"' in too_many.content.decode()  # what was typed stays
    done = client.post(
        reverse("events:reserve"), {"sessie": five_seats.pk, "seats": 2, "deadline": deadline}
    )
    reservation = SeatReservation.objects.get()
    assert done.url == reverse("events:reservation", args=[reservation.pk])
    member = person(organisation, name="Joost Lid")
    page = client.get(done.url)
    assert "Joost Lid" in page.content.decode()
    member_id = Membership.objects.get(user=member).pk
    client.post(done.url, {"member": member_id})
    registration = Registration.objects.get(user=member)
    assert registration.reservation == reservation
    listing = client.get(reverse("events:reservations")).content.decode()
    assert five_seats.event.title in listing
    client.post(reverse("events:unassign", args=[reservation.pk, registration.pk]))
    assert Registration.objects.get(user=member).state == State.CANCELLED
    client.post(reverse("events:cancel_reservation", args=[reservation.pk]))
    assert SeatReservation.objects.get().released_at is not None


def test_a_plain_member_sees_no_reservation_pages_nor_the_button(five_seats, organisation, manager):
    reservation = reserve(five_seats, organisation, manager, 1)
    client = logged_in(person(organisation))
    assert reverse("events:reserve") not in client.get(five_seats.event.url).content.decode()
    for url in (
        reverse("events:reservations"),
        reverse("events:reserve") + f"?sessie={five_seats.pk}",
        reverse("events:reservation", args=[reservation.pk]),
    ):
        assert client.get(url).status_code == 403


def test_another_organisations_reservation_is_not_found(five_seats, organisation, manager):
    reservation = reserve(five_seats, organisation, manager, 2)
    registration = reservations.assign_seat(
        reservation=reservation, user=person(organisation), actor=manager
    )
    client = logged_in(person(OrganisationFactory(), role="admin"))
    assert client.get(reverse("events:reservation", args=[reservation.pk])).status_code == 404
    unassign = reverse("events:unassign", args=[reservation.pk, registration.pk])
    assert client.post(unassign).status_code == 404
    cancel = reverse("events:cancel_reservation", args=[reservation.pk])
    assert client.post(cancel).status_code == 404
    assert (
        reverse("events:reservation", args=[reservation.pk])
        not in client.get(reverse("events:reservations")).content.decode()
    )
    registration.refresh_from_db()
    reservation.refresh_from_db()
    assert registration.state == State.CONFIRMED and reservation.released_at is None


def test_a_session_not_open_for_reservations_is_not_offered(catalogue, regions, manager):
    started = create_event(catalogue, regions=regions, slug="voorbij").sessions.get()
    Session.objects.filter(pk=started.pk).update(
        starts_at=timezone.now() - timedelta(hours=1), ends_at=timezone.now() + timedelta(hours=1)
    )
    response = logged_in(manager).get(reverse("events:reserve") + f"?sessie={started.pk}")
    assert response.status_code == 200
    assert response.templates[0].name == "events/reservations/choose.html"


@pytest.mark.parametrize("members", [10, 1000])
def test_query_counts_do_not_grow_with_the_members(
    five_seats, organisation, manager, members, django_assert_num_queries
):
    reservation = reserve(five_seats, organisation, manager, 3)
    users = [person(organisation) for _ in range(2)]
    for user in users:
        reservations.assign_seat(reservation=reservation, user=user, actor=manager)
    profiles = ProfileFactory.create_batch(members)
    Membership.objects.bulk_create(
        Membership(organisation=organisation, user=profile.user, joined_by="editor")
        for profile in profiles
    )
    client = logged_in(manager)
    detail = reverse("events:reservation", args=[reservation.pk])
    listing = reverse("events:reservations")
    client.get(listing)  # the site's own caches (content types, settings) filled first
    with django_assert_num_queries(7):
        page = client.get(detail)
    assert page.content.decode().count("<option") == members + 1 + 1  # + the manager, + empty
    with django_assert_num_queries(6):
        client.get(listing)


def test_the_workspace_links_to_the_reservations_for_managers_only(organisation, manager):
    def links(user):
        membership = Membership.objects.get(user=user)
        request = RequestFactory().get("/mijn/organisatie/")
        request.user = user
        return [
            link["url"]
            for provide in hooks.get_hooks("organisation_workspace_links")
            for link in provide(request, membership)
        ]

    assert reverse("events:reservations") in links(manager)
    assert reverse("events:reservations") not in links(person(organisation))
