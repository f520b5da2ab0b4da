"""A manager's reserved seats in Chromium, on the demo: the demo organisation's reservation
with one seat still open, giving it a name, reserving seats for another session from the
list (a refusal first, what was typed kept), and the button on an event's page. axe (WCAG
2.1 A and AA) runs on every page, at desktop and phone width."""

import re
from datetime import timedelta
from functools import partial

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from core.models import portal_path
from events.models import Registration, SeatReservation

from . import checks
from .conftest import NewContext
from .test_tracks import log_in

pytestmark = pytest.mark.browser

check_page = partial(checks.check_page, "reservations")
MANAGER = ("ilse.hofstra@example.org", "leren-over-armoede")


def test_a_manager_assigns_the_open_seat_and_reserves_more(
    portals: dict[str, str], new_context: NewContext
) -> None:
    base_url = portals["drenthe"]
    page = log_in(new_context(), base_url, *MANAGER)

    page.goto(f"{base_url}/mijn/organisatie/plaatsen/")
    expect(page.locator("h1")).to_have_text("Gereserveerde plaatsen")
    expect(page.locator(".session-card")).to_contain_text("2 van 3 toegewezen")
    check_page(page, "list")

    page.locator(".session-card a").first.click()
    expect(page.locator(".reserved-seats li")).to_have_count(2)
    check_page(page, "detail")
    # By keyboard: the member's list, then the button.
    page.locator("#id_member").focus()
    page.locator("#id_member").select_option(
        label="Ilse Hofstra (voorbeeld) (ilse.hofstra@example.org)"
    )
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator(".notice")).to_contain_text("heeft nu een plaats")
    expect(page.locator(".reserved-seats li")).to_have_count(3)
    expect(page.locator("body")).to_contain_text("Elke gereserveerde plaats heeft een naam.")
    check_page(page, "detail-full")
    reservation = SeatReservation.objects.get()
    assert Registration.objects.filter(reservation=reservation, state="confirmed").count() == 3

    page.get_by_role("link", name="Alle gereserveerde plaatsen").click()
    page.locator("#kies-sessie").select_option(index=1)
    page.get_by_role("button", name="Verder: aantal plaatsen").click()
    expect(page.locator("h1")).to_have_text("Plaatsen reserveren voor je organisatie")
    check_page(page, "reserve")
    deadline = timezone.localtime(timezone.now() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    page.locator("#id_seats").fill("450")
    page.locator("#id_deadline").fill(deadline)
    page.get_by_role("button", name="Reserveer de plaatsen").click()
    expect(page.locator(".field--error")).to_contain_text("plaatsen vrij")
    expect(page.locator("#id_seats")).to_have_value("450")
    check_page(page, "reserve-error")
    page.locator("#id_seats").fill("2")
    page.get_by_role("button", name="Reserveer de plaatsen").click()
    expect(page.locator(".notice")).to_contain_text("2 plaatsen zijn gereserveerd")
    assert SeatReservation.objects.count() == 2

    page.goto(f"{base_url}/mijn/organisatie/plaatsen/reserveren/")
    check_page(page, "choose")

    # The button on the event's page leads to the same form.
    event = reservation.session.event
    page.goto(base_url + portal_path(event))
    link = page.get_by_role("link", name=re.compile("Plaatsen reserveren voor je organisatie"))
    expect(link.first).to_be_visible()
    link.first.click()
    expect(page.locator("h1")).to_have_text("Plaatsen reserveren voor je organisatie")
    expect(page.locator(".session-summary")).to_contain_text(event.title)
