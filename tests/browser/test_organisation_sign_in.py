"""Sign-in with the organisation's own account, in Chromium against a real OpenID Connect
provider (organisations/tests/oidc_provider.py): the administrator sets it up, a colleague
types their work address on the log-in page, logs in at the provider, comes back logged
in and lands in the organisation. axe on the settings, the log-in page and the page for an
address without its own sign-in; screenshots for people to look at."""

import re
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from playwright.sync_api import Page, expect

from accounts.tests.factories import PASSWORD, OrganisationFactory, ProfileFactory
from organisations import services
from organisations.models import Domain, Membership, OrganisationEvent
from organisations.sign_in.services import provider_id
from organisations.tests import oidc_provider

from . import checks
from .conftest import NewContext

pytestmark = pytest.mark.browser

check_page = partial(checks.check_page, "organisation-sign-in")

DOMAIN = "gemeente-voorbeeld.nl"


@pytest.fixture
def provider(tmp_path: Path) -> Iterator[oidc_provider.Provider]:
    oidc_provider.require_installed()
    server = oidc_provider.Provider(tmp_path)
    server.start()
    yield server
    server.stop()


def test_an_administrator_sets_it_up_and_a_colleague_signs_in(
    portals: dict[str, str], new_context: NewContext, provider: oidc_provider.Provider
) -> None:
    base_url = portals["groningen"]
    organisation = OrganisationFactory.create(name="Gemeente Voorbeeld", slug="gemeente-voorbeeld")
    admin = ProfileFactory.create(user__email=f"beheer@{DOMAIN}", organisation=organisation).user
    services.join(
        organisation=organisation,
        user=admin,
        joined_by=Membership.JoinedBy.EDITOR,
        role=Membership.Role.ADMIN,
    )
    Domain.objects.create(organisation=organisation, domain=DOMAIN, added_by=admin)
    callback = reverse("openid_connect_callback", kwargs={"provider_id": provider_id(organisation)})
    client_id, secret = provider.register_client(f"{base_url}{callback}")

    # The administrator.
    page: Page = new_context().new_page()
    page.goto(f"{base_url}/account/login/")
    page.locator("#id_login").fill(admin.email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password").press("Enter")
    page.wait_for_load_state()
    page.goto(f"{base_url}/mijn/organisatie/inloggen/")
    expect(page.locator("h1")).to_have_text("Inloggen met je organisatie")
    expect(page.locator(".account-key code")).to_have_text(f"{base_url}{callback}")
    check_page(page, "settings")
    page.locator("#id_server_url").fill(provider.url)
    page.locator("#id_client_id").fill(client_id)
    page.locator("#id_client_secret").fill(secret)
    page.get_by_label(DOMAIN).check()
    page.locator("#id_is_active").check()
    page.locator("form.account-form button[type=submit]").click()
    expect(page.locator(".notice")).to_contain_text("opgeslagen")
    expect(page.locator("#id_client_secret")).to_have_value("")
    assert secret not in page.content()
    check_page(page, "settings-saved")
    assert OrganisationEvent.objects.filter(
        organisation=organisation, kind=OrganisationEvent.Kind.SIGN_IN_CHANGED
    ).exists()

    # A colleague, new to the platform.
    email = f"anna.jansen@{DOMAIN}"
    provider.add_person("anna", email=email, email_verified=True, name="Anna Jansen")
    colleague = new_context().new_page()
    colleague.goto(f"{base_url}/account/login/")
    check_page(colleague, "login")
    colleague.locator("#id_organisation_email").fill("iemand@elders.example")
    colleague.get_by_role("button", name="Inloggen met je organisatie").click()
    expect(colleague.locator(".notice")).to_contain_text("geen eigen inlogmanier")
    check_page(colleague, "no-sign-in-of-its-own")
    colleague.locator("#id_email").fill(email)
    colleague.get_by_role("button", name="Verder").click()
    expect(colleague).to_have_url(re.compile(rf"^{re.escape(provider.url)}/oauth2/authorize"))
    colleague.locator("input[name=sub]").fill("anna")
    colleague.get_by_role("button", name="Authorize").click()
    expect(colleague).to_have_url(re.compile(r"/mijn/welkom/$"))
    user = User.objects.get(email=email)
    membership = Membership.objects.get(user=user)
    assert membership.organisation == organisation
    assert membership.joined_by == Membership.JoinedBy.SIGN_IN
