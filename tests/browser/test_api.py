"""The API's pages in a real browser: a learner makes a personal access token on the
profile, a program reads with it, the learner revokes it; the documentation page. Axe on
every page, and no request to any other host."""

from functools import partial

import pytest
from playwright.sync_api import Page, expect

from . import checks

pytestmark = pytest.mark.browser
check_page = partial(checks.check_page, "api")
LEARNER = "mirjam.leergang@example.org"
PASSWORD = "leren-over-armoede"


def read_own_records(page: Page, secret: str) -> int:
    """The number of the person's learning records, or the status code of a refusal."""
    return page.evaluate(  # type: ignore[no-any-return]
        """async (secret) => {
            const answer = await fetch("/api/v1/mij/leerervaringen/", {
                headers: {Authorization: "Bearer " + secret}, credentials: "omit"});
            return answer.ok ? (await answer.json()).count : answer.status;
        }""",
        secret,
    )


def test_make_use_and_revoke_a_personal_access_token(portals: dict[str, str], page: Page) -> None:
    base_url = portals["groningen"]
    elsewhere: list[str] = []
    page.on(
        "request",
        lambda request: (
            elsewhere.append(request.url) if not request.url.startswith(base_url) else None
        ),
    )
    page.goto(f"{base_url}/account/login/")
    page.locator("input[name=login]").fill(LEARNER)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form.account-form button[type=submit]").click()
    page.goto(f"{base_url}/mijn/profiel/")
    page.get_by_role("link", name="Persoonlijke toegangssleutels voor de API").click()
    expect(page.locator("h1")).to_have_text("Persoonlijke toegangssleutels")
    check_page(page, "tokens")

    page.get_by_label("Naam van de sleutel").fill("HR-systeem")
    page.get_by_role("button", name="Maak een sleutel").click()
    secret = page.get_by_label("Sleutel", exact=True).input_value()
    assert secret.startswith("lov_")
    expect(page.locator(".api-token-list li", has_text="HR-systeem")).to_contain_text("Nooit")
    check_page(page, "token-made")

    # A program reads with the token (fetch from the page: Playwright's own request client
    # does not resolve *.localhost as the browser does).
    assert read_own_records(page, secret) > 0

    page.goto(f"{base_url}/mijn/api-sleutels/")
    expect(page.get_by_label("Sleutel", exact=True)).to_have_count(0)  # shown once only
    page.get_by_role("button", name="Trek in HR-systeem").click()
    expect(page.locator(".notice")).to_contain_text("werkt niet meer")
    assert read_own_records(page, secret) == 401

    page.goto(f"{base_url}/api/v1/documentatie/")
    expect(page.locator("h1")).to_have_text("API voor ontwikkelaars")
    check_page(page, "documentation")
    assert not elsewhere, elsewhere
