"""The demo editor's first log-in to /beheer/, step by step as README.md tells it, while
the browser records every request: the admin asks no other host for anything (no check
for new Wagtail versions, no avatars, no fonts or scripts from elsewhere)."""

import re
import time
from functools import partial
from urllib.parse import urlsplit

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from playwright.sync_api import Page, Request, expect
from wagtail.models import Site

from . import checks

pytestmark = pytest.mark.browser

check_page = partial(checks.check_page, "admin")


def current_code(secret: str) -> str:
    """What the authenticator app shows now (TOTP, 30-second steps)."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def test_editor_first_login_asks_no_other_host(
    portals: dict[str, str], page: Page, settings
) -> None:
    settings.ADMIN_REQUIRES_TOTP = True
    base_url = portals["groningen"]
    hosts: set[str] = set()

    def record(request: Request) -> None:
        if not request.url.startswith(("data:", "blob:")):
            hosts.add(urlsplit(request.url).netloc)

    page.on("request", record)

    # 1. /beheer/ sends the editor to the log-in page of the site.
    page.goto(f"{base_url}/beheer/")
    expect(page).to_have_url(re.compile(r"/account/login/\?next=(/|%2F)beheer(/|%2F)$"))
    page.locator("#id_login").fill("redacteur@example.org")
    page.locator("#id_password").fill("leren-over-armoede")
    page.locator("form.account-form button[type=submit]").click()

    # 2. Set up an authenticator app with the QR code or the secret, right after logging
    # in (no password again), and come back to /beheer/.
    expect(page).to_have_url(f"{base_url}/account/2fa/totp/activate/?next=%2Fbeheer%2F")
    expect(page.locator(".notice")).to_contain_text("authenticator-app")
    check_page(page, "first-login-totp")
    secret = page.locator("#authenticator-key").inner_text().replace(" ", "")
    page.locator("#id_code").fill(current_code(secret))
    page.locator("form.account-form button[type=submit]").click()

    # 3. Recovery codes to keep, then on to /beheer/.
    expect(page).to_have_url(f"{base_url}/account/2fa/recovery-codes/?next=%2Fbeheer%2F")
    page.locator("a[href='/beheer/']").last.click()
    expect(page).to_have_url(f"{base_url}/beheer/")
    page.wait_for_load_state("networkidle")

    # The two ways to confirm it is still them (allauth asks before changing the account).
    for path in ("/account/2fa/reauthenticate/", "/account/reauthenticate/"):
        page.goto(base_url + path)
        check_page(page, "reauthenticate-" + path.split("/")[2])

    # The page tree and a page's editor load the admin's heaviest scripts.
    home = Site.objects.get(is_default_site=True).root_page_id
    # The editor last but one: leaving it releases its editing session (a write on the
    # server), which must be done before the test's database is emptied.
    for path in (f"/beheer/pages/{home}/edit/", f"/beheer/pages/{home}/"):
        page.goto(base_url + path)
        expect(page).to_have_url(base_url + path)
        page.wait_for_load_state("networkidle")

    assert hosts == {urlsplit(base_url).netloc}, hosts
