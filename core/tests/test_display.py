import pytest

from core.display import COOKIE_NAME, DisplayPreferences


@pytest.mark.parametrize("value", [None, "", "abc", "1", "1:2:3", "9:0", "0:9", "-5:0", "x:y"])
def test_unreadable_or_out_of_range_cookie_gives_the_defaults(value):
    assert DisplayPreferences.from_cookie(value) == DisplayPreferences()


def test_actions_move_one_step_and_stop_at_the_limits():
    preferences = DisplayPreferences()
    assert preferences.apply("text-larger") == DisplayPreferences(text=1)
    assert preferences.apply("spacing-larger").apply("spacing-smaller") == preferences
    largest = preferences
    for _ in range(10):
        largest = largest.apply("text-larger").apply("spacing-larger")
    assert largest == DisplayPreferences(text=5, spacing=3)
    assert not largest.can_enlarge_text and not largest.can_widen_spacing
    assert preferences.apply("text-smaller").apply("text-smaller") == DisplayPreferences(text=-1)
    assert largest.apply("reset").is_default


def test_toolbar_without_javascript_sets_the_cookie_and_returns(client, groningen):
    client.cookies[COOKIE_NAME] = "1:0"
    response = client.post("/weergave/", {"action": "text-larger", "next": "/over/?a=1"})
    assert response.status_code == 302
    assert response["Location"] == "/over/?a=1"
    cookie = response.cookies[COOKIE_NAME]
    assert cookie.value == "2:0"
    assert cookie["max-age"] == 365 * 24 * 60 * 60
    assert cookie["samesite"] == "Lax"


def test_toolbar_does_not_redirect_to_another_site(client, groningen):
    response = client.post("/weergave/", {"action": "reset", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_toolbar_ignores_unknown_actions_and_refuses_get(client, groningen):
    response = client.post("/weergave/", {"action": "<script>", "next": "/"})
    assert response.cookies[COOKIE_NAME].value == "0:0"
    assert client.get("/weergave/").status_code == 405


def test_pages_render_the_remembered_levels(client, groningen):
    client.cookies[COOKIE_NAME] = "3:2"
    html = client.get("/").content.decode()
    assert 'data-text="3" data-spacing="2"' in html
    assert 'value="reset" class="toolbar__reset">' in html  # reset is enabled
    client.cookies[COOKIE_NAME] = "0:0"
    html = client.get("/").content.decode()
    assert 'value="spacing-smaller" aria-disabled="true"' in html
