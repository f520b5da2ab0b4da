"""The organisation's workspace in Chromium: a demo administrator registers a second
e-mail domain, invites a colleague, makes a team and puts a manager in it; the invitee
opens the link. axe (WCAG 2.1 A and AA) runs on every page of the workspace, on desktop
and phone width."""

import re
from functools import partial

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import User
from django.core import mail
from playwright.sync_api import expect

from demo.circles import DEMO_PASSWORD
from organisations.models import Domain, Invitation, Team

from . import checks
from .conftest import NewContext
from .test_circles import log_in, submit

pytestmark = pytest.mark.browser

check_page = partial(checks.check_page, "organisations")
ADMIN = "petra.emmen@emmen.example.org"  # demo/organisations.py


def test_an_administrator_sets_up_the_workspace(
    portals: dict[str, str], new_context: NewContext
) -> None:
    base_url = portals["drenthe"]
    petra = User.objects.get(email=ADMIN)
    EmailAddress.objects.create(user=petra, email="petra@emmen-werkt.example.org", verified=True)
    page = log_in(new_context(), base_url, ADMIN, DEMO_PASSWORD)

    page.goto(f"{base_url}/mijn/")
    page.get_by_role("link", name="Naar de werkruimte van je organisatie").click()
    expect(page.locator("h1")).to_have_text("Gemeente Emmen")
    check_page(page, "home")

    page.get_by_role("link", name="E-maildomeinen").click()
    page.get_by_label("E-maildomein").fill("gmail.com")
    submit(page, "/mijn/organisatie/domeinen/")
    expect(page.locator(".field--error")).to_contain_text("openbare maildienst")
    check_page(page, "domains-error")
    page.get_by_label("E-maildomein").fill("emmen-werkt.example.org")
    submit(page, "/mijn/organisatie/domeinen/")
    expect(page.locator(".notice")).to_contain_text("emmen-werkt.example.org is geregistreerd")
    assert Domain.objects.filter(domain="emmen-werkt.example.org").exists()

    page.get_by_role("link", name="Uitnodigingen").click()
    page.get_by_label("E-mailadres").fill("nieuwe.leidinggevende@example.org")
    page.get_by_label("Rol in de organisatie").select_option("manager")
    submit(page, "/mijn/organisatie/uitnodigingen/")
    expect(page.locator(".notice")).to_contain_text("nieuwe.leidinggevende@example.org")
    check_page(page, "invitations")
    assert Invitation.objects.filter(email="nieuwe.leidinggevende@example.org").exists()

    page.get_by_role("link", name="Teams").click()
    check_page(page, "teams")
    page.get_by_label("Naam van het team").fill("Vroegsignalering")
    submit(page, "/mijn/organisatie/teams/")
    expect(page.locator("h1")).to_have_text("Vroegsignalering")
    page.get_by_label("E-mailadres van het lid").fill("erik.emmen@emmen.example.org")
    page.get_by_label("Leidinggevende van dit team").check()
    page.get_by_role("button", name="Aan het team toevoegen").click()
    expect(page.locator(".plain-list")).to_contain_text("Erik Lubbers (voorbeeld)")
    check_page(page, "team")
    assert Team.objects.get(name="Vroegsignalering").team_members.get().is_manager

    page.get_by_role("link", name="Mensen").click()
    check_page(page, "people")
    page.get_by_label("Zoeken op naam of e-mailadres").fill("Lubbers")
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_role("link", name="Erik Lubbers (voorbeeld)").click()
    check_page(page, "person")
    page.get_by_role("link", name="Geschiedenis").click()
    expect(page.locator(".plain-list")).to_contain_text("registreerde een e-maildomein")
    check_page(page, "history")
    page.goto(f"{base_url}/mijn/organisatie/verlaten/")
    check_page(page, "leave")

    # The invitee opens the link from the e-mail without an account yet.
    [message] = [m for m in mail.outbox if "nieuwe.leidinggevende@example.org" in m.to]
    link = re.search(r"http\S+/mijn/organisatie/uitnodiging/\S+/", str(message.body))
    assert link is not None
    visitor = new_context().new_page()
    visitor.goto(link.group(0))
    expect(visitor.locator("h1")).to_contain_text("Gemeente Emmen")
    check_page(visitor, "invitation")
    visitor.goto(f"{base_url}/mijn/organisatie/uitnodiging/onbekend/")
    check_page(visitor, "invitation-invalid")

    # Someone in no organisation reads how to join.
    learner = log_in(new_context(), base_url, "mirjam.leergang@example.org", DEMO_PASSWORD)
    learner.goto(f"{base_url}/mijn/organisatie/")
    expect(learner.locator("h1")).to_have_text("Mijn organisatie")
    check_page(learner, "join")
