import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.urls import reverse
from django.utils.translation import override

from accounts.middleware import TOTP_REQUIRED_MESSAGE

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


def test_an_editor_without_totp_is_sent_to_set_it_up(client, editor):
    client.force_login(editor)
    response = client.get("/beheer/", follow=True)
    assert response.redirect_chain[0] == (reverse("mfa_activate_totp"), 302)
    with override("nl"):
        assert str(TOTP_REQUIRED_MESSAGE) in response.text


def test_an_editor_with_totp_reaches_the_admin(client, editor):
    activate_totp(editor)
    client.force_login(editor)
    assert client.get("/beheer/").status_code == 200


def test_someone_without_admin_access_is_not_asked_for_totp(client):
    client.force_login(UserFactory.create())
    response = client.get("/beheer/")
    assert response.status_code == 302
    assert response["Location"] != reverse("mfa_activate_totp")


def test_wagtails_own_log_in_form_sends_to_allauths(client):
    response = client.get("/beheer/login/?next=/beheer/pages/")
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next=%2Fbeheer%2Fpages%2F"


def test_log_in_asks_the_code_of_an_editor_with_totp(client, editor):
    secret = activate_totp(editor)
    response = client.post(reverse("account_login"), {"login": editor.email, "password": PASSWORD})
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session

    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session

    response = client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)
    assert client.get("/beheer/").status_code == 200
    assert Authenticator.objects.get(user=editor).last_used_at is not None
