"""Sign up, confirm the e-mail address, onboarding by keyboard and the profile, in Chromium,
with axe (WCAG 2.1 A and AA) on every account page and screenshots for people to look at."""

import re
from functools import partial

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from accounts.models import Profile

from . import checks

pytestmark = pytest.mark.browser

check_page = partial(checks.check_page, "account")
tab_until = checks.tab_until

PASSWORD = "een-lang-wachtwoord-voor-tests"
EMAIL = "sanne@voorbeeld.nl"


def test_sign_up_confirm_and_onboarding(portals: dict[str, str], page: Page) -> None:
    base_url = portals["groningen"]
    page.goto(f"{base_url}/")
    page.locator(".account-nav a").click()
    expect(page).to_have_url(re.compile(r"/account/login/$"))
    check_page(page, "login")

    page.goto(f"{base_url}/account/signup/")
    check_page(page, "signup")
    page.locator("#id_email").fill(EMAIL)
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill("iets anders")
    page.locator("form.account-form button[type=submit]").click()
    expect(page.locator(".field--error")).to_have_count(1)
    check_page(page, "signup-error")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.locator("form.account-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/account/confirm-email/$"))
    check_page(page, "verification-sent")

    assert len(mail.outbox) == 1, [m.subject for m in mail.outbox]
    [message] = mail.outbox
    assert message.subject == "Leren over armoede: Bevestig je e-mailadres"
    link = re.search(r"http://\S+/account/confirm-email/\S+", str(message.body))
    assert link and link.group(0).startswith(base_url), message.body
    page.goto(link.group(0))
    check_page(page, "confirm")
    page.locator("form.account-form button[type=submit]").click()

    expect(page).to_have_url(re.compile(r"/mijn/welkom/$"))
    check_page(page, "onboarding")
    page.locator("#id_full_name").focus()
    page.keyboard.type("Sanne de Vries")
    tab_until(page, "#id_role")
    page.keyboard.press("ArrowDown")
    tab_until(page, "#id_organisation")
    page.keyboard.press("ArrowDown")
    tab_until(page, "#id_municipality")
    page.keyboard.press("ArrowDown")
    tab_until(page, "input[name=learning_forms]")
    page.keyboard.press("Space")
    tab_until(page, "#id_has_report_consent")
    page.keyboard.press("Space")
    tab_until(page, "form.account-form button[type=submit]")
    page.keyboard.press("Enter")

    expect(page).to_have_url(f"{base_url}/mijn/")
    profile = Profile.objects.get(user__email=EMAIL)
    assert profile.full_name == "Sanne de Vries"
    assert profile.role and profile.organisation and profile.municipality
    assert profile.learning_forms.count() == 1
    assert profile.has_report_consent and not profile.has_newsletter_consent

    page.goto(f"{base_url}/mijn/profiel/")
    expect(page.locator("#id_full_name")).to_have_value("Sanne de Vries")
    check_page(page, "profile")
    page.goto(f"{base_url}/account/email/")
    check_page(page, "email")
    # Setting up an authenticator app asks the password again first.
    page.goto(f"{base_url}/account/2fa/totp/activate/")
    expect(page).to_have_url(re.compile(r"/account/reauthenticate/"))
    check_page(page, "reauthenticate")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form.account-form button[type=submit]").click()
    expect(page).to_have_url(f"{base_url}/account/2fa/totp/activate/")
    check_page(page, "totp")
    page.goto(f"{base_url}/mijn/profiel/")

    page.locator(".account-nav button").click()
    expect(page).to_have_url(f"{base_url}/")
    expect(page.locator(".account-nav a")).to_have_attribute("href", "/account/login/")
