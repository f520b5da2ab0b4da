"""The learning circle journey in Chromium: a facilitator invites, the invitee joins, brings
in a case (refused while it holds a citizen service number), a second member responds, the
facilitator turns an improvement point into an agreement and shares a bottleneck, and the
coordinator reads it on the regional overview and answers. axe (WCAG 2.1 A and AA) runs on
every circles page, on desktop and phone width."""

import re
from functools import partial

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from playwright.sync_api import BrowserContext, Page, expect

from accounts.models import Profile
from circles.tests.factories import PASSWORD, make_user
from demo.circles import DEMO_PASSWORD

from . import checks
from .conftest import NewContext

pytestmark = pytest.mark.browser

check_page = partial(checks.check_page, "circles")

SITUATION = (
    "Een moeder van twee kinderen raakt steeds achter met de huur. Ze schaamt zich en "
    "neemt de telefoon niet op."
)
BOTTLENECK = "Woningcorporaties mogen een achterstand niet vroeg aan het sociaal team melden."


def log_in(context: BrowserContext, base_url: str, email: str, password: str) -> Page:
    page = context.new_page()
    page.goto(f"{base_url}/account/login/")
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(password)
    page.locator("form.account-form button[type=submit]").click()
    expect(page).not_to_have_url(re.compile(r"/account/login/"))
    return page


def submit(page: Page, form_action: str) -> None:
    page.locator(f"form[action$='{form_action}'] button[type=submit]").first.click()


def test_circle_journey(portals: dict[str, str], new_context: NewContext) -> None:
    base_url = portals["drenthe"]
    newcomer = make_user("nieuw.lid")
    Profile.objects.filter(user=newcomer).update(full_name="Nieuw Lid (voorbeeld)")
    EmailAddress.objects.create(user=newcomer, email=newcomer.email, verified=True, primary=True)

    # The public list, for everyone.
    visitor = new_context().new_page()
    visitor.goto(f"{base_url}/leerkringen/")
    expect(visitor.locator(".card h2")).to_have_text(["Leerkring Assen"])
    check_page(visitor, "list")

    # The facilitator invites the newcomer.
    facilitator = log_in(new_context(), base_url, "begeleider.assen@example.org", DEMO_PASSWORD)
    facilitator.goto(f"{base_url}/leerkringen/")
    facilitator.get_by_role("link", name=re.compile("Open de werkruimte")).click()
    check_page(facilitator, "overview")
    facilitator.locator(".workspace-nav").get_by_role("link", name="Leden").click()
    check_page(facilitator, "members")
    facilitator.locator("#id_email").fill("nieuw.lid@example.org")
    submit(facilitator, "/leden/uitnodigen/")
    expect(facilitator.locator(".notice")).to_contain_text("nieuw.lid@example.org")
    [invitation] = [m for m in mail.outbox if m.to == ["nieuw.lid@example.org"]]
    link = re.search(r"http://\S+/leerkringen/assen/uitnodiging/\S+/", str(invitation.body))
    assert link, invitation.body
    invitation_path = re.sub(r"^http://[^/]+", "", link.group(0))

    # The newcomer logs in, opens the link and joins.
    member = log_in(new_context(), base_url, "nieuw.lid@example.org", PASSWORD)
    member.goto(base_url + invitation_path)
    check_page(member, "invitation")
    member.get_by_role("button", name="Doe mee met de leerkring").click()
    expect(member.locator(".notice")).to_contain_text("Welkom in de leerkring")

    # A case with a citizen service number, written with dashes, is refused; the text stays
    # and the message says what to do.
    member.get_by_role("link", name="Breng een casus in").first.click()
    check_page(member, "case-new")
    member.locator("#id_title").fill("Een moeder die de telefoon niet opneemt")
    member.locator("#id_situation").fill(SITUATION + " Haar BSN is 111-222-333.")
    member.locator("#id_question").fill("Hoe komen we eerder in contact?")
    member.get_by_label("Financieel kapitaal").check()
    submit(member, "/casussen/nieuw/")
    expect(member.locator(".error-summary")).to_contain_text(
        "Haal het burgerservicenummer weg: de leerkring heeft het niet nodig."
    )
    expect(member.locator("#id_situation")).to_have_value(SITUATION + " Haar BSN is 111-222-333.")
    check_page(member, "case-refused")
    member.locator("#id_situation").fill(SITUATION)
    submit(member, "/casussen/nieuw/")
    expect(member.locator("h1")).to_have_text("Een moeder die de telefoon niet opneemt")
    check_page(member, "case")
    case_url = member.url

    # A second member responds.
    second = log_in(new_context(), base_url, "anouk.assen@example.org", DEMO_PASSWORD)
    second.goto(case_url)
    second.locator("#id_comment-text").fill("Herkenbaar. Een huisbezoek samen werkt bij ons.")
    submit(second, "/reageren/")
    expect(second.locator(".comments")).to_contain_text("Een huisbezoek samen werkt bij ons.")

    # The facilitator adds an improvement point and makes it an agreement in one step.
    facilitator.goto(case_url)
    expect(facilitator.locator(".comments")).to_contain_text("Anouk de Boer (voorbeeld)")
    facilitator.locator("#id_point-text").fill("Na één maand achterstand samen langsgaan")
    submit(facilitator, "/verbeterpunten/")
    facilitator.locator("li", has_text="Na één maand achterstand").locator(
        "form[action$='/afspraak/'] button"
    ).click()
    expect(facilitator.locator("h1")).to_have_text("Afspraken")
    expect(facilitator.locator(".card-list")).to_contain_text("Na één maand achterstand")
    check_page(facilitator, "agreements")

    # ... records a bottleneck and shares it with the region.
    facilitator.get_by_role("link", name="Knelpunten", exact=True).click()
    facilitator.get_by_role("link", name="Leg een knelpunt vast").click()
    check_page(facilitator, "bottleneck-new")
    facilitator.locator("#id_title").fill("Vroeg melden mag niet")
    facilitator.locator("#id_description").fill(BOTTLENECK)
    facilitator.get_by_label("Wet- en regelgeving").check()
    facilitator.locator("#id_body").fill("Ministerie")
    facilitator.locator("#id_case").select_option(label="Een moeder die de telefoon niet opneemt")
    submit(facilitator, "/knelpunten/nieuw/")
    facilitator.locator(".card", has_text="Vroeg melden mag niet").locator(
        "form[action$='/delen/'] button"
    ).click()
    expect(facilitator.locator(".notice")).to_contain_text("gedeeld met de regio")
    check_page(facilitator, "bottlenecks")
    facilitator.locator(".workspace-nav").get_by_role("link", name="Geschiedenis").click()
    expect(facilitator.locator("main")).to_contain_text("Nieuw Lid (voorbeeld)")
    check_page(facilitator, "history")

    # The coordinator sees it regionally, without the case, and answers.
    coordinator = log_in(new_context(), base_url, "coordinator@example.org", DEMO_PASSWORD)
    coordinator.goto(f"{base_url}/leerkringen/knelpunten/")
    expect(coordinator.locator("main")).to_contain_text(BOTTLENECK)
    expect(coordinator.locator("main")).not_to_contain_text(SITUATION[:40])
    check_page(coordinator, "regional")
    coordinator.get_by_role("link", name=re.compile("Leg vast wat er gedaan is")).click()
    check_page(coordinator, "respond")
    coordinator.locator("#id_response").fill("Besproken in de stuurgroep.")
    coordinator.get_by_label("Voorgelegd aan wie het kan veranderen").check()
    submit(coordinator, "/antwoord/")
    expect(coordinator.locator(".notice")).to_contain_text("Je antwoord is opgeslagen")

    member.goto(f"{base_url}/leerkringen/assen/knelpunten/")
    expect(member.locator(".answer").first).to_contain_text("Besproken in de stuurgroep.")

    # The remaining circles pages pass axe too.
    for path, name in (
        ("bijeenkomsten/", "meetings"),
        ("bijeenkomsten/nieuw/", "meeting-new"),
        ("casussen/", "cases"),
        (case_url.split("/leerkringen/assen/")[1] + "bewerken/", "case-edit"),
        ("afspraken/nieuw/", "agreement-new"),
    ):
        facilitator.goto(f"{base_url}/leerkringen/assen/{path}")
        check_page(facilitator, name)

    facilitator.goto(f"{base_url}/leerkringen/assen/leden/")
    facilitator.locator("a[href$='/verwijderen/']").first.click()
    check_page(facilitator, "remove-member")
    facilitator.get_by_role("link", name="Nee, ga terug").click()
    expect(facilitator.locator("h1")).to_have_text("Leden")

    facilitator.goto(f"{base_url}/leerkringen/assen/bijeenkomsten/")
    facilitator.locator("main ul.plain-list a").last.click()  # a past meeting with minutes
    expect(facilitator.locator("main")).to_contain_text("Verslag")
    check_page(facilitator, "meeting")

    # Someone outside the circle finds nothing there, and can ask to join.
    outsider = log_in(new_context(), base_url, "linda.stadskanaal@example.org", DEMO_PASSWORD)
    response = outsider.goto(case_url)
    assert response is not None and response.status == 404
    outsider.goto(f"{base_url}/leerkringen/assen/deelnemen/")
    check_page(outsider, "request-join")
    outsider.goto(base_url + invitation_path)  # used already
    check_page(outsider, "invitation-used")
