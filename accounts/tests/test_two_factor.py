"""The second factor: /beheer/ by prefix, the way to it and back, and the editor's first
log-in as one path (log in, set up the app, store the recovery codes, arrive)."""

from datetime import timedelta
from urllib.parse import urlencode

import pytest
import time_machine
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import override

from accounts.mfa import CODE_MESSAGE, SET_UP_MESSAGE

from .factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _two_factor_required(settings):
    settings.ADMIN_REQUIRES_TOTP = True


@pytest.fixture
def editor():
    return UserFactory.create(is_staff=True, is_superuser=True)


def activate_totp(user) -> str:
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def current_code(secret: str) -> str:
    counters = list(yield_hotp_counters_from_time())
    counter = counters[len(counters) // 2]  # the middle one is now
    return format_hotp_value(hotp_value(secret, counter))


def with_next(name: str, next_url: str) -> str:
    return f"{reverse(name)}?{urlencode({'next': next_url})}"


def log_in(client, user, **extra):
    return client.post(
        reverse("account_login"), {"login": user.email, "password": PASSWORD}, **extra
    )


def test_an_editor_without_totp_is_sent_to_set_it_up_and_back(client, editor):
    client.force_login(editor)
    response = client.get("/beheer/pages/", follow=True)
    assert response.redirect_chain[0] == (with_next("mfa_activate_totp", "/beheer/pages/"), 302)
    with override("nl"):
        assert escape(str(SET_UP_MESSAGE)) in response.text


def test_an_editor_with_totp_but_no_code_in_this_session_is_asked_for_it(client, editor):
    secret = activate_totp(editor)
    client.force_login(editor)  # e.g. a session from before the app was set up
    response = client.get("/beheer/pages/", follow=True)
    assert response.redirect_chain[0] == (with_next("mfa_reauthenticate", "/beheer/pages/"), 302)
    with override("nl"):
        assert escape(str(CODE_MESSAGE)) in response.text

    response = client.post(
        with_next("mfa_reauthenticate", "/beheer/pages/"), {"code": current_code(secret)}
    )
    assert response["Location"] == "/beheer/pages/"
    assert client.get("/beheer/pages/").status_code == 200


def test_the_code_step_offers_no_password_instead(client, editor):
    """Only a code passes the second factor: a password would lead straight back."""
    activate_totp(editor)
    client.force_login(editor)
    response = client.get(with_next("mfa_reauthenticate", "/beheer/pages/"))
    assert reverse("account_reauthenticate") not in response.text
    # Confirming with the password (allauth, e.g. before changing the e-mail address)
    # still offers the code.
    response = client.get(reverse("account_reauthenticate"))
    assert reverse("mfa_reauthenticate") in response.text


def test_a_form_sent_without_the_second_factor_returns_to_the_page_with_the_form(client, editor):
    client.force_login(editor)
    response = client.post(
        "/beheer/pages/1/delete/", HTTP_REFERER="http://testserver/beheer/pages/1/?tab=x"
    )
    assert response["Location"] == with_next("mfa_activate_totp", "/beheer/pages/1/?tab=x")


def test_someone_without_admin_access_is_not_asked_for_totp(client):
    client.force_login(UserFactory.create())
    response = client.get("/beheer/")
    assert response.status_code == 302
    assert not response["Location"].startswith(reverse("mfa_activate_totp"))


def test_wagtails_own_log_in_form_sends_to_allauths(client):
    response = client.get("/beheer/login/?next=/beheer/pages/")
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next=%2Fbeheer%2Fpages%2F"


def test_wagtails_front_end_log_in_form_sends_to_allauths(client, editor):
    response = client.post(
        "/_util/login/?next=/mijn/", {"username": editor.username, "password": PASSWORD}
    )
    assert response["Location"] == f"{reverse('account_login')}?next=/mijn/"
    assert "_auth_user_id" not in client.session


def test_log_in_asks_the_code_of_an_editor_with_totp(client, editor):
    secret = activate_totp(editor)
    response = log_in(client, editor)
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session

    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session

    response = client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert response["Location"] == "/beheer/"
    assert client.session["_auth_user_id"] == str(editor.pk)
    assert client.get("/beheer/").status_code == 200
    assert Authenticator.objects.get(user=editor, type="totp").last_used_at is not None


def test_the_first_log_in_of_an_editor_is_one_path(client, editor):
    """Log in, set up the app without a second password question, store the recovery
    codes, arrive in /beheer/."""
    assert log_in(client, editor)["Location"] == "/beheer/"
    setup_url = with_next("mfa_activate_totp", "/beheer/")
    assert client.get("/beheer/")["Location"] == setup_url

    response = client.get(setup_url)
    assert response.status_code == 200  # not the password again
    secret = response.context["form"].secret
    assert response.context["typed_key"].replace(" ", "") == secret
    assert response.context["typed_key"] in response.text

    response = client.post(setup_url, {"code": current_code(secret)})
    codes_url = with_next("mfa_view_recovery_codes", "/beheer/")
    assert response["Location"] == codes_url
    response = client.get(codes_url)
    assert response.context["continue_url"] == "/beheer/"
    assert 'href="/beheer/"' in response.text
    assert len(response.context["unused_codes"]) == 10

    assert client.get("/beheer/").status_code == 200  # setting up counted as the code


def test_setting_up_long_after_logging_in_asks_the_password_first(client, editor):
    log_in(client, editor)
    with time_machine.travel(timezone.now() + timedelta(minutes=10)):
        response = client.get(reverse("mfa_activate_totp"))
    assert response["Location"].startswith(reverse("account_reauthenticate"))


def test_continue_goes_only_to_addresses_of_this_site(client, editor):
    RecoveryCodes.activate(editor)
    log_in(client, editor)
    response = client.get(with_next("mfa_view_recovery_codes", "https://elders.example/"))
    assert response.context["continue_url"] == reverse("mfa_index")
