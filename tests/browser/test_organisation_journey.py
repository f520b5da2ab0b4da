"""An organisation from end to end, in Chromium on the demo: its administrator registers an
e-mail domain, a colleague signs up with an address there and lands in the organisation, a
manager assigns the team a learning path and reserves two seats, the colleague completes
the step, the manager sees it, and the coordinator's report counts it. axe (WCAG 2.1 A and
AA) checks the pages no other journey opens."""

import re
from datetime import timedelta
from functools import partial

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import User
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from demo.circles import DEMO_PASSWORD
from events.models import Registration, SeatReservation
from learning.models import LearningRecord, Verb
from organisations.models import Membership, Team

from . import checks
from .conftest import NewContext
from .test_circles import log_in, submit

pytestmark = pytest.mark.browser

check_page = partial(checks.check_page, "organisation-journey")
ORGANISATION = "Welzijn Drentse Monden (voorbeeld)"
ADMIN = "ria.drentsemonden@drentsemonden.example.org"  # demo/organisations.py
MANAGER = "teamleider.welzijn@example.org"  # demo/team_paths.py
TEAM = "Schuldhulp en budgetcoaching"
COLLEAGUE = "noa.nieuw@monden-werkt.example.org"
COORDINATOR = "coordinator@example.org"  # demo/circles.py


def test_from_a_domain_to_the_report(portals: dict[str, str], new_context: NewContext) -> None:
    base_url = portals["drenthe"]
    team = Team.objects.get(name=TEAM, organisation__name=ORGANISATION)

    # The administrator registers a second domain: her own address there is verified.
    ria = User.objects.get(email=ADMIN)
    EmailAddress.objects.create(user=ria, email="ria@monden-werkt.example.org", verified=True)
    admin = log_in(new_context(), base_url, ADMIN, DEMO_PASSWORD)
    admin.goto(f"{base_url}/mijn/organisatie/domeinen/")
    admin.get_by_label("E-maildomein").fill("monden-werkt.example.org")
    submit(admin, "/mijn/organisatie/domeinen/")
    expect(admin.locator(".notice")).to_contain_text("monden-werkt.example.org is geregistreerd")

    # A colleague signs up with an address at that domain, confirms it, and is in.
    colleague = new_context().new_page()
    colleague.goto(f"{base_url}/account/signup/")
    colleague.locator("#id_email").fill(COLLEAGUE)
    colleague.locator("#id_password1").fill(DEMO_PASSWORD)
    colleague.locator("#id_password2").fill(DEMO_PASSWORD)
    colleague.locator("form.account-form button[type=submit]").click()
    expect(colleague).to_have_url(re.compile(r"/account/confirm-email/$"))
    [message] = [m for m in mail.outbox if COLLEAGUE in m.to]
    link = re.search(r"http://\S+/account/confirm-email/\S+", str(message.body))
    assert link is not None, message.body
    colleague.goto(link.group(0))
    colleague.locator("form.account-form button[type=submit]").click()
    expect(colleague).to_have_url(re.compile(r"/mijn/welkom/$"))
    # The profile names the organisation she joined; she cannot choose another there.
    expect(colleague.locator("main")).to_contain_text(ORGANISATION)
    check_page(colleague, "onboarding-member")
    colleague.locator("#id_full_name").fill("Noa Nieuw (voorbeeld)")
    colleague.locator("#id_role").select_option(index=1)
    colleague.locator("#id_has_report_consent").check()
    colleague.locator("form.account-form button[type=submit]").click()
    expect(colleague).to_have_url(f"{base_url}/mijn/")
    membership = Membership.objects.get(user__email=COLLEAGUE)
    assert membership.organisation.name == ORGANISATION
    assert membership.joined_by == Membership.JoinedBy.DOMAIN

    # The administrator puts her in the team.
    admin.goto(f"{base_url}/mijn/organisatie/teams/{team.pk}/")
    admin.get_by_label("E-mailadres van het lid").fill(COLLEAGUE)
    admin.get_by_role("button", name="Aan het team toevoegen").click()
    expect(admin.locator(".plain-list")).to_contain_text("Noa Nieuw (voorbeeld)")

    # The team's manager composes a path of one article and assigns it.
    manager = log_in(new_context(), base_url, MANAGER, DEMO_PASSWORD)
    manager.goto(f"{base_url}/mijn/organisatie/teams/{team.pk}/leerpaden/")
    manager.get_by_label("Titel").fill("Start in de schuldhulp")
    manager.get_by_role("button", name="Leerpad maken").click()
    manager.get_by_label("Zoek in het aanbod op titel").fill("schaarste")
    manager.get_by_role("button", name="Zoeken", exact=True).click()
    result = manager.locator(".search-results li").first
    step_title = result.locator("h3").inner_text()
    result.get_by_role("button", name="Voeg toe").click()
    expect(manager.locator(".route-steps .route-step")).to_have_count(1)
    manager.get_by_role("button", name="Leerpad toewijzen").click()
    expect(manager.locator("h1")).to_have_text("Voortgang van het team")
    progress_url = manager.url
    noa = manager.locator("tr", has_text="Noa Nieuw")
    expect(noa.locator(".state--done")).to_have_count(0)

    # ... and reserves two seats of a session for the organisation.
    manager.goto(f"{base_url}/mijn/organisatie/plaatsen/")
    manager.locator("#kies-sessie").select_option(index=1)
    manager.get_by_role("button", name="Verder: aantal plaatsen").click()
    deadline = timezone.localtime(timezone.now() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    manager.locator("#id_seats").fill("2")
    manager.locator("#id_deadline").fill(deadline)
    manager.get_by_role("button", name="Reserveer de plaatsen").click()
    expect(manager.locator(".notice")).to_contain_text("2 plaatsen zijn gereserveerd")
    reservation = SeatReservation.objects.filter(organisation=membership.organisation).latest("pk")
    assert reservation.seats == 2
    assert not Registration.objects.filter(reservation=reservation).exists()

    # The colleague finds the path on /mijn/ and completes its step.
    colleague.goto(f"{base_url}/mijn/")
    assigned = colleague.locator(".assigned-path", has_text="Start in de schuldhulp")
    expect(assigned).to_contain_text("Hanneke")
    check_page(colleague, "dashboard-member")
    assigned.get_by_role("link", name=step_title).click()
    colleague.get_by_role("button", name="Markeer als afgerond").click()
    expect(colleague.get_by_role("button", name="Markeer als afgerond")).to_have_count(0)

    # The manager sees it at once.
    manager.goto(progress_url)
    expect(manager.locator("tr", has_text="Noa Nieuw").locator(".state--done")).to_have_count(1)

    # The coordinator's report counts her completion under her organisation.
    record = LearningRecord.objects.get(actor__email=COLLEAGUE, verb=Verb.COMPLETED)
    assert record.organisation == membership.organisation
    coordinator = log_in(new_context(), base_url, COORDINATOR, DEMO_PASSWORD)
    coordinator.goto(f"{base_url}/rapportages/")
    expect(coordinator.locator("main")).to_contain_text("Afgeronde onderdelen")
    coordinator.goto(f"{base_url}/rapportages/?organisation={membership.organisation_id}")
    expect(coordinator.locator("#id_organisation")).to_have_value(str(membership.organisation_id))
    check_page(coordinator, "report-organisation")
