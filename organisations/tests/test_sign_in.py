"""Sign-in with the organisation's own account, against a real OpenID Connect provider
(organisations/tests/oidc_provider.py) run as its own process: the administrator sets it
up, a person types their work address, logs in at the provider and comes back logged in,
in the organisation."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from accounts.tests.factories import OrganisationFactory, ProfileFactory, UserFactory
from accounts.tests.test_two_factor import activate_totp, current_code
from core.models import Organisation
from organisations import services
from organisations.models import Domain, Membership, OrganisationEvent, SignIn
from organisations.sign_in import services as sign_in
from organisations.wagtail_hooks import sign_in_link

from . import oidc_provider

pytestmark = pytest.mark.django_db

DOMAIN = "gemeente-voorbeeld.nl"
SECRET = "een-geheim-dat-nooit-terugkomt"


@pytest.fixture(scope="module")
def provider(tmp_path_factory: pytest.TempPathFactory) -> Iterator[oidc_provider.Provider]:
    oidc_provider.require_installed()
    server = oidc_provider.Provider(tmp_path_factory.mktemp("oidc-provider"))
    server.start()
    yield server
    server.stop()


@pytest.fixture
def organisation() -> Organisation:
    return OrganisationFactory.create(name="Gemeente Voorbeeld", slug="gemeente-voorbeeld")


@pytest.fixture
def admin(organisation: Organisation) -> User:
    user = UserFactory.create(email=f"beheer@{DOMAIN}")
    services.join(
        organisation=organisation,
        user=user,
        joined_by=Membership.JoinedBy.EDITOR,
        role=Membership.Role.ADMIN,
    )
    Domain.objects.create(organisation=organisation, domain=DOMAIN, added_by=user)
    return user


def admin_client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def callback_url(organisation: Organisation) -> str:
    path = reverse(
        "openid_connect_callback", kwargs={"provider_id": sign_in.provider_id(organisation)}
    )
    return f"http://testserver{path}"


def set_up(client: Client, server_url: str, **changes: object) -> Any:
    data = {
        "server_url": server_url,
        "client_id": "platform",
        "client_secret": SECRET,
        "domains": list(Domain.objects.values_list("pk", flat=True)),
        "is_active": "on",
        **changes,
    }
    return client.post(
        reverse("organisations:sign_in_settings"), {k: v for k, v in data.items() if v is not None}
    )


@pytest.fixture
def configured(provider: oidc_provider.Provider, organisation: Organisation, admin: User) -> SignIn:
    """The organisation's IT department registered the platform at its provider, and the
    administrator typed what it gave them into the form."""
    client_id, secret = provider.register_client(callback_url(organisation))
    response = set_up(admin_client(admin), provider.url, client_id=client_id, client_secret=secret)
    assert response.status_code == 302, response.context["form"].errors
    return SignIn.objects.get(organisation=organisation)


def sign_in_at_provider(
    client: Client, provider: oidc_provider.Provider, email: str, sub: str
) -> Any:
    """The person types their work address on our log-in page, logs in at the provider and
    comes back; returns our answer to the callback."""
    response = client.post(reverse("organisations:sign_in_start"), {"email": email})
    assert response.status_code == 200
    authorization = response.context["provider_url"]
    assert f'content="0; url={authorization.replace("&", "&amp;")}"' in response.content.decode()
    assert authorization.startswith(f"{provider.url}/oauth2/authorize?")
    query = parse_qs(urlsplit(authorization).query)
    assert query["login_hint"] == [email]
    assert query["response_type"] == ["code"]
    back = urlsplit(provider.log_in(authorization, sub))
    assert back.netloc == "testserver"
    return client.get(f"{back.path}?{back.query}")


# ---------------------------------------------------------------------------
# The administrator's settings
# ---------------------------------------------------------------------------


def test_only_the_organisations_administrators_reach_the_settings(organisation, admin):
    url = reverse("organisations:sign_in_settings")
    assert Client().get(url)["Location"].startswith(reverse("account_login"))
    member = UserFactory.create()
    services.join(organisation=organisation, user=member, joined_by=Membership.JoinedBy.DOMAIN)
    assert admin_client(member).get(url).status_code == 403
    assert admin_client(member).post(url, {"server_url": "https://x.example"}).status_code == 403
    assert admin_client(UserFactory.create()).get(url).status_code == 403
    assert admin_client(admin).get(url).status_code == 200


def test_another_organisations_administrator_sees_and_changes_only_their_own(
    configured, organisation, admin, provider
):
    other = OrganisationFactory.create(slug="woningcorporatie")
    outsider = UserFactory.create(email="beheer@woningcorporatie.example")
    services.join(
        organisation=other,
        user=outsider,
        joined_by=Membership.JoinedBy.EDITOR,
        role=Membership.Role.ADMIN,
    )
    client = admin_client(outsider)
    page = client.get(reverse("organisations:sign_in_settings"))
    assert page.status_code == 200
    assert provider.url not in page.content.decode()
    assert "org-gemeente-voorbeeld" not in page.content.decode()
    # Their organisation has no domains; the other one's are no choice for them.
    response = set_up(client, provider.url, domains=[Domain.objects.get(domain=DOMAIN).pk])
    assert response.status_code == 200
    assert "domains" in response.context["form"].errors
    assert not SignIn.objects.filter(organisation=other).exists()
    with pytest.raises(services.OrganisationError):
        sign_in.configure(
            organisation=organisation,
            actor=outsider,
            server_url=provider.url,
            client_id="x",
            client_secret="y",
            is_active=False,
            domains=[],
        )
    assert SignIn.objects.get(organisation=organisation).app.client_id == configured.app.client_id


def test_the_secret_is_never_shown_and_an_empty_field_keeps_it(configured, admin, provider):
    client = admin_client(admin)
    page = client.get(reverse("organisations:sign_in_settings")).content.decode()
    saved = configured.app.secret
    assert saved and saved not in page
    assert configured.app.client_id in page, "the client id is shown back"
    response = set_up(client, provider.url, client_id=configured.app.client_id, client_secret="")
    assert response.status_code == 302
    configured.app.refresh_from_db()
    assert configured.app.secret == saved
    response = set_up(client, provider.url, client_id="x", client_secret="")
    page = client.get(response["Location"]).content.decode()
    assert saved not in page


def test_the_providers_address_must_be_https_and_public(settings):
    settings.ORGANISATION_SIGN_IN_ALLOW_LOCAL = False
    for url in (
        "http://login.example.org",
        "http://127.0.0.1:9400",
        "https://127.0.0.1",
        "https://localhost:8443",
        "https://10.1.2.3",
        "https://192.168.1.10/realms/x",
        "https://[::1]/",
        "https://169.254.169.254/latest",
        "ftp://login.example.org",
        "https://user:password@8.8.8.8",
        "https://",
    ):
        with pytest.raises(sign_in.SignInError):
            sign_in.check_url(url)
    assert sign_in.check_url("https://8.8.8.8/tenant/v2.0") == "https://8.8.8.8/tenant/v2.0"
    settings.ORGANISATION_SIGN_IN_ALLOW_LOCAL = True
    assert sign_in.check_url("http://127.0.0.1:9400") == "http://127.0.0.1:9400"
    with pytest.raises(sign_in.SignInError):
        sign_in.check_url("http://10.1.2.3")


def test_switching_on_needs_a_provider_that_answers_discovery(organisation, admin, provider):
    closed = oidc_provider.Provider(provider.folder)  # a free port nobody listens on
    client = admin_client(admin)
    response = set_up(client, closed.url)
    assert response.status_code == 200
    [error] = response.context["form"].errors["server_url"]
    assert "/.well-known/openid-configuration" in error
    assert "OpenID Connect" in response.content.decode()
    assert client.post(reverse("organisations:sign_in_settings"), {}).status_code == 200
    # Switched off, it is saved without asking the provider.
    assert set_up(client, closed.url, is_active=None).status_code == 302
    assert not SignIn.objects.get(organisation=organisation).is_active


def test_every_change_is_in_the_history(configured, organisation, admin, provider):
    def entries() -> list[str]:
        return list(
            OrganisationEvent.objects.filter(
                organisation=organisation, kind=OrganisationEvent.Kind.SIGN_IN_CHANGED
            ).values_list("detail", flat=True)
        )

    assert len(entries()) == 1
    client = admin_client(admin)
    client_id = configured.app.client_id
    set_up(client, provider.url, client_id=client_id, client_secret="")
    assert len(entries()) == 1, "saving without a change writes no history"
    set_up(client, provider.url, client_id=client_id, client_secret="", is_active=None)
    set_up(client, provider.url, client_id=client_id, client_secret="nieuw-geheim", is_active=None)
    assert len(entries()) == 3
    assert all(entry.actor == admin for entry in OrganisationEvent.objects.filter(
        kind=OrganisationEvent.Kind.SIGN_IN_CHANGED))  # fmt: skip


def test_the_workspace_link_is_for_administrators_only(organisation, admin):
    member = services.join(
        organisation=organisation, user=UserFactory.create(), joined_by=Membership.JoinedBy.DOMAIN
    )
    assert sign_in_link(None, member) == []  # type: ignore[arg-type]
    [link] = sign_in_link(None, services.membership_of(admin))  # type: ignore[arg-type]
    assert link["url"] == reverse("organisations:sign_in_settings")


# ---------------------------------------------------------------------------
# Logging in
# ---------------------------------------------------------------------------


def test_the_log_in_page_asks_for_the_work_address_and_names_no_organisation(configured):
    page = Client().get(reverse("account_login")).content.decode()
    assert f'action="{reverse("organisations:sign_in_start")}"' in page
    assert "Gemeente Voorbeeld" not in page
    assert "org-gemeente-voorbeeld" not in page


def test_an_address_without_its_own_sign_in_is_sent_to_the_password(configured):
    response = Client().post(
        reverse("organisations:sign_in_start"), {"email": "iemand@elders.example"}
    )
    assert response.status_code == 200
    assert response.context["no_sign_in"]
    assert reverse("account_login") in response.content.decode()
    invalid = Client().post(reverse("organisations:sign_in_start"), {"email": "geen adres"})
    assert invalid.context["form"].errors["email"]
    assert 'value="geen adres"' in invalid.content.decode(), "what was typed stays"


def test_a_new_person_signs_in_and_lands_in_the_organisation(configured, provider, organisation):
    email = f"anna.jansen@{DOMAIN}"
    provider.add_person("anna-123", email=email, email_verified=True, name="Anna Jansen")
    client = Client()
    response = sign_in_at_provider(client, provider, email, "anna-123")
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:onboarding")
    user = User.objects.get(email=email)
    assert int(client.session["_auth_user_id"]) == user.pk
    membership = Membership.objects.get(user=user)
    assert membership.organisation == organisation
    assert membership.joined_by == Membership.JoinedBy.SIGN_IN
    assert membership.role == Membership.Role.MEMBER
    assert EmailAddress.objects.get(user=user).verified
    account = SocialAccount.objects.get(user=user)
    assert (account.provider, account.uid) == ("org-gemeente-voorbeeld", "anna-123")
    assert client.get(reverse("accounts:onboarding")).status_code == 200


def test_an_existing_account_is_connected_not_duplicated(configured, provider, organisation):
    email = f"bert.bakker@{DOMAIN}"
    existing = ProfileFactory.create(user__email=email, organisation=None).user
    provider.add_person("bert", email=email, email_verified=True)
    client = Client()
    response = sign_in_at_provider(client, provider, email, "bert")
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard:home"), "the profile is there already"
    assert User.objects.filter(email__iexact=email).count() == 1
    assert int(client.session["_auth_user_id"]) == existing.pk
    assert SocialAccount.objects.get(uid="bert").user == existing
    assert Membership.objects.get(user=existing).organisation == organisation
    # The next time allauth finds the connected account itself.
    again = sign_in_at_provider(Client(), provider, email, "bert")
    assert again.status_code == 302
    assert SocialAccount.objects.filter(user=existing).count() == 1


def test_an_address_the_provider_did_not_verify_is_refused(configured, provider):
    email = f"carla@{DOMAIN}"
    provider.add_person("carla", email=email, email_verified=False)
    client = Client()
    response = sign_in_at_provider(client, provider, email, "carla")
    assert response.status_code == 302
    assert response["Location"] == reverse("account_login")
    assert "_auth_user_id" not in client.session
    assert not User.objects.filter(email=email).exists()
    page = client.get(response["Location"]).content.decode()
    assert "carla@" in page


def test_an_address_outside_the_organisations_domains_is_refused(configured, provider):
    provider.add_person("dirk", email="dirk@elders.example", email_verified=True)
    existing = UserFactory.create(email="dirk@elders.example")
    client = Client()
    response = sign_in_at_provider(client, provider, f"dirk@{DOMAIN}", "dirk")
    assert response["Location"] == reverse("account_login")
    assert "_auth_user_id" not in client.session
    assert not SocialAccount.objects.filter(user=existing).exists()
    assert not Membership.objects.filter(user=existing).exists()


def test_a_switched_off_sign_in_answers_404(configured, organisation, provider):
    configured.is_active = False
    configured.save()
    client = Client()
    response = client.post(reverse("organisations:sign_in_start"), {"email": f"e@{DOMAIN}"})
    assert response.context["no_sign_in"]
    for name in ("openid_connect_login", "openid_connect_callback"):
        url = reverse(name, kwargs={"provider_id": sign_in.provider_id(organisation)})
        assert client.get(url).status_code == 404


def test_the_second_factor_still_applies_after_the_organisations_sign_in(
    configured, provider, admin, settings
):
    """The organisation's provider is the first step only (organisations.sign_in): whoever
    has an authenticator app enters its code at log-in, and the administrator's settings
    (a right beyond a learner's own) still ask for the second factor."""
    settings.ADMIN_REQUIRES_TOTP = True
    provider.add_person("beheer", email=admin.email, email_verified=True)
    client = Client()
    response = sign_in_at_provider(client, provider, admin.email, "beheer")
    assert "_auth_user_id" in client.session
    settings_page = client.get(reverse("organisations:sign_in_settings"))
    assert settings_page["Location"].startswith(reverse("mfa_activate_totp"))

    secret = activate_totp(admin)
    client = Client()
    response = sign_in_at_provider(client, provider, admin.email, "beheer")
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    response = client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == admin.pk
    assert client.get(reverse("organisations:sign_in_settings")).status_code == 200
