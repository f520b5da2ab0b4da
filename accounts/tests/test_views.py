import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import Profile

from .factories import PASSWORD, OrganisationFactory, ProfileFactory, RoleFactory, UserFactory

pytestmark = pytest.mark.django_db

# allauth's catalogue comes before Django's, so its wording is the one shown everywhere.
REQUIRED = "Dit is een verplicht veld."


def sign_up(client, email: str = "nieuw@voorbeeld.nl"):
    return client.post(
        reverse("account_signup"), {"email": email, "password1": PASSWORD, "password2": PASSWORD}
    )


def onboarding_answers(**answers) -> dict:
    return {
        "full_name": "Sanne de Vries",
        "role": RoleFactory.create().pk,
        "organisation": "",
        **answers,
    }


def test_sign_up_confirm_and_onboarding(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = sign_up(client)
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nieuw@voorbeeld.nl"]
    assert message.subject == "Leren over armoede: Bevestig je e-mailadres"
    link = re.search(r"https?://\S+/account/confirm-email/\S+", str(message.body))
    assert link, message.body

    path = link.group(0).split("://", 1)[1].split("/", 1)[1]
    assert client.get(f"/{path}").status_code == 200
    response = client.post(f"/{path}")
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:onboarding")

    organisation = OrganisationFactory.create()
    response = client.post(
        reverse("accounts:onboarding"), onboarding_answers(organisation=str(organisation.pk))
    )
    assert response.status_code == 302
    assert response["Location"] == "/mijn/"
    profile = Profile.objects.get(user__email="nieuw@voorbeeld.nl")
    assert profile.organisation == organisation


def test_sign_up_asks_no_username(client):
    response = client.get(reverse("account_signup"))
    assert response.status_code == 200
    assert 'name="username"' not in response.text
    assert response.text.count("<h1") == 1


def test_sign_up_errors_are_dutch_and_keep_the_input(client):
    response = client.post(
        reverse("account_signup"), {"email": "nieuw@voorbeeld.nl", "password1": PASSWORD}
    )
    assert response.status_code == 200
    assert REQUIRED in response.text
    assert 'value="nieuw@voorbeeld.nl"' in response.text
    assert 'aria-invalid="true"' in response.text


def test_log_in_sends_someone_without_a_profile_to_the_onboarding(client):
    user = UserFactory.create()
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:onboarding")


def test_log_in_with_a_profile_goes_to_the_dashboard(client, profile):
    response = client.post(
        reverse("account_login"), {"login": profile.user.email, "password": PASSWORD}
    )
    assert response["Location"] == "/mijn/"


def test_a_wrong_password_gives_a_dutch_error(client, profile):
    response = client.post(
        reverse("account_login"), {"login": profile.user.email, "password": "fout"}
    )
    assert response.status_code == 200
    assert "Het e-mailadres of het wachtwoord klopt niet." in response.text


def test_too_many_log_in_attempts_get_429(client, profile):
    data = {"login": profile.user.email, "password": "fout"}
    statuses = [client.post(reverse("account_login"), data).status_code for _ in range(31)]
    assert statuses[:30] == [200] * 30
    assert statuses[30] == 429


def test_repeated_wrong_passwords_lock_the_address(client, profile):
    data = {"login": profile.user.email, "password": "fout"}
    for _ in range(5):
        client.post(reverse("account_login"), data)
    response = client.post(
        reverse("account_login"), {"login": profile.user.email, "password": PASSWORD}
    )
    assert response.status_code == 200
    assert "te vaak een verkeerd wachtwoord" in response.text


def test_passwords_are_hashed_with_argon2_outside_tests(settings):
    from config.settings import base

    assert base.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    settings.PASSWORD_HASHERS = base.PASSWORD_HASHERS
    user = UserFactory.create()
    assert user.password.startswith("argon2$")


@pytest.mark.parametrize("name", ["accounts:onboarding", "accounts:profile"])
def test_personal_pages_need_a_log_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_profile_page_sends_someone_without_a_profile_to_the_onboarding(new_user_client):
    response = new_user_client.get(reverse("accounts:profile"))
    assert response["Location"] == reverse("accounts:onboarding")


def test_onboarding_after_it_is_done_goes_to_the_profile(member_client):
    response = member_client.get(reverse("accounts:onboarding"))
    assert response["Location"] == reverse("accounts:profile")


def test_onboarding_errors_are_dutch_and_keep_the_input(new_user_client):
    response = new_user_client.post(
        reverse("accounts:onboarding"),
        {"full_name": "Sanne de Vries", "organisation": "anders", "other_organisation": " "},
    )
    assert response.status_code == 200
    assert REQUIRED in response.text  # the role
    assert 'value="Sanne de Vries"' in response.text
    form = response.context["form"]
    assert "other_organisation" in form.errors
    assert not Profile.objects.exists()


def test_onboarding_with_another_organisation(new_user_client):
    response = new_user_client.post(
        reverse("accounts:onboarding"),
        onboarding_answers(organisation="anders", other_organisation="Buurtteam Zuid"),
    )
    assert response.status_code == 302
    assert Profile.objects.get().other_organisation == "Buurtteam Zuid"


def test_profile_shows_and_changes_only_your_own(member_client, profile):
    other = ProfileFactory.create(full_name="Geheime Collega", other_organisation="Geheim Team")
    response = member_client.get(reverse("accounts:profile"))
    assert response.status_code == 200
    assert profile.full_name in response.text
    assert "Geheime Collega" not in response.text
    assert "Geheim Team" not in response.text
    assert other.user.email not in response.text

    response = member_client.post(
        reverse("accounts:profile"),
        onboarding_answers(full_name="Nieuwe Naam", has_report_consent="on"),
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("accounts:profile")
    profile.refresh_from_db()
    other.refresh_from_db()
    assert (profile.full_name, profile.has_report_consent) == ("Nieuwe Naam", True)
    assert other.full_name == "Geheime Collega"


def test_account_pages_are_never_cached(client):
    response = client.get(reverse("account_reset_password"))
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]


def test_masthead_links_follow_the_log_in(client, profile):
    assert reverse("account_login") in client.get(reverse("account_signup")).text
    client.force_login(profile.user)
    page = client.get(reverse("accounts:profile")).text
    assert f'action="{reverse("account_logout")}"' in page


@pytest.mark.parametrize("name", ["account_email", "account_change_password", "mfa_index"])
def test_account_settings_pages_use_the_platform_layout(member_client, name):
    response = member_client.get(reverse(name))
    assert response.status_code == 200
    assert response.text.count("<h1") == 1
    assert "accounts/accounts.css" in response.text
    assert 'class="site-header"' in response.text
