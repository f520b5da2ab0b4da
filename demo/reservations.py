"""A partner's reserved seats: a manager of a welfare organisation holds three seats of an
upcoming training for her team, two with a name, one still open. Made through the services
(organisations.services.join, events.reservations), as the manager would in the workspace."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from accounts.models import Profile
from core.models import Organisation, Role
from events.models import SeatReservation, Session
from events.reservations import assign_seat, reserve_seats
from organisations.models import Membership
from organisations.services import join

from .tracks import DEMO_PASSWORD

ORGANISATION = "Welzijn Drentse Monden (voorbeeld)"
EVENT_SLUG = "training-stress-sensitieve-dienstverlening"
MANAGER = ("ilse.hofstra", "Ilse Hofstra (voorbeeld)")
MEMBERS = [
    ("tom.brouwer", "Tom Brouwer (voorbeeld)"),
    ("noor.kuipers", "Noor Kuipers (voorbeeld)"),
]
SEATS = 3


def load() -> int:
    """Creates the reservation when it is missing; returns 1 if it did."""
    organisation = Organisation.objects.filter(name=ORGANISATION).first()
    session = Session.objects.filter(event__slug=EVENT_SLUG).order_by("starts_at").first()
    if organisation is None or session is None or session.has_started:
        return 0
    if SeatReservation.objects.filter(organisation=organisation, session=session).exists():
        return 0
    manager = _member(*MANAGER, organisation, Membership.Role.MANAGER)
    reservation = reserve_seats(
        session=session,
        organisation=organisation,
        seats=SEATS,
        deadline=min(session.registration_closes(), session.starts_at - timedelta(days=7)),
        actor=manager,
    )
    for username, full_name in MEMBERS:
        member = _member(username, full_name, organisation, Membership.Role.MEMBER)
        assign_seat(reservation=reservation, user=member, actor=manager)
    return 1


def _member(username: str, full_name: str, organisation: Organisation, role: str) -> Any:
    user_model = get_user_model()
    email = f"{username}@example.org"
    user = user_model.objects.filter(username=username).first()
    if user is None:
        user = user_model.objects.create_user(
            username=username, email=email, password=DEMO_PASSWORD
        )
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    Profile.objects.get_or_create(
        user=user,
        defaults={
            "full_name": full_name,
            "role": Role.objects.filter(slug="welzijnswerker").first(),
        },
    )
    join(
        organisation=organisation,
        user=user,
        joined_by=Membership.JoinedBy.EDITOR,
        role=Membership.Role(role),
    )
    return user
