"""Setting up an organisation's sign-in, finding it for an address, checking what its
provider says about the person, and their membership afterwards."""

from __future__ import annotations

import ipaddress
import json
import socket
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

import requests
from allauth.socialaccount.models import SocialApp
from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.models import Organisation

from ..models import Domain, Membership, OrganisationEvent, SignIn
from ..services import OrganisationError, Person, join, log, membership_of, require_admin

PROVIDER = "openid_connect"
DISCOVERY_PATH = "/.well-known/openid-configuration"
DISCOVERY_TIMEOUT = 5  # seconds; the administrator waits for it
DISCOVERY_MAX_BYTES = 100_000
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


class SignInError(OrganisationError):
    """A setting that cannot be saved, with the form field it is about."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


def provider_id(organisation: Organisation) -> str:
    return f"org-{organisation.slug}"


def _allows_local(host: str) -> bool:
    return settings.ORGANISATION_SIGN_IN_ALLOW_LOCAL and host in LOCAL_HOSTS


def _is_public(host: str, port: int) -> bool:
    """Whether every address the name resolves to is on the internet: the platform fetches
    from the provider, so an address inside the hosting network would let an
    administrator make the server call its neighbours."""
    try:
        resolved = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError):
        return False
    addresses = {ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in resolved}
    return bool(addresses) and all(address.is_global for address in addresses)


def check_url(url: str, *, field: str = "server_url") -> str:
    """An https address at a public host (plain http at 127.0.0.1 or localhost only where
    settings.ORGANISATION_SIGN_IN_ALLOW_LOCAL allows it: development and the tests)."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise SignInError(_("This is not a web address."), field) from None
    host = (parts.hostname or "").lower()
    if not host or parts.username or parts.password or parts.fragment:
        raise SignInError(_("This is not a web address."), field)
    local = _allows_local(host)
    if parts.scheme != "https" and not (local and parts.scheme == "http"):
        raise SignInError(_("The address must start with https://."), field)
    if not local and not _is_public(host, port or 443):
        raise SignInError(
            _(
                "This address cannot be reached from the internet. "
                "Give the provider's public address."
            ),
            field,
        )
    return url


def discovery_url(server_url: str) -> str:
    """Where allauth reads the provider's settings (as its OpenID Connect provider does)."""
    if "/.well-known/" in server_url:
        return server_url
    return server_url.rstrip("/") + DISCOVERY_PATH


def fetch_discovery(server_url: str) -> dict[str, Any]:
    """The provider's OpenID Connect discovery document, with its endpoints checked by the
    same rules: the platform fetches tokens, keys and user details from them. No
    redirects followed, a short time-out and a size limit."""
    url = discovery_url(server_url)
    unreachable = SignInError(
        _(
            "The provider does not answer as an OpenID Connect provider at %(url)s. "
            "Check the address (the issuer, without /.well-known/openid-configuration) "
            "and try again."
        )
        % {"url": url},
        "server_url",
    )
    try:
        with requests.get(
            url,
            timeout=DISCOVERY_TIMEOUT,
            allow_redirects=False,
            stream=True,
            headers={"Accept": "application/json"},
        ) as response:
            if response.status_code != 200:
                raise unreachable
            document = json.loads(response.raw.read(DISCOVERY_MAX_BYTES, decode_content=True))
    except (requests.RequestException, ValueError):
        raise unreachable from None
    endpoints = ("issuer", "authorization_endpoint", "token_endpoint", "jwks_uri")
    if not isinstance(document, dict) or not all(
        isinstance(document.get(key), str) for key in endpoints
    ):
        raise unreachable
    for key in ("authorization_endpoint", "token_endpoint", "jwks_uri", "userinfo_endpoint"):
        if isinstance(document.get(key), str):
            check_url(document[key])
    return document


def configure(
    *,
    organisation: Organisation,
    actor: Person,
    server_url: str,
    client_id: str,
    client_secret: str,
    is_active: bool,
    domains: Sequence[Domain],
) -> SignIn:
    """Set up or change the organisation's sign-in; an empty secret keeps the saved one.
    Switched on, the provider must answer discovery first. That request runs before the
    transaction, so no database lock waits on someone else's server."""
    require_admin(organisation, actor)
    server_url = check_url(server_url)
    client_id = client_id.strip()
    if not client_id:
        raise SignInError(_("Give the client id your provider gave the platform."), "client_id")
    existing = SignIn.objects.filter(organisation=organisation).first()
    if existing is None and not client_secret:
        raise SignInError(
            _("Give the client secret your provider gave the platform."), "client_secret"
        )
    if any(domain.organisation_id != organisation.pk for domain in domains):
        raise SignInError(_("Choose from the organisation's own domains."), "domains")
    if is_active and not domains:
        raise SignInError(_("Choose the e-mail domains whose people sign in this way."), "domains")
    if is_active:
        fetch_discovery(server_url)
    return _save(
        organisation=organisation,
        actor=actor,
        server_url=server_url,
        client_id=client_id,
        client_secret=client_secret,
        is_active=is_active,
        domains=domains,
    )


@transaction.atomic
def _save(
    *,
    organisation: Organisation,
    actor: Person,
    server_url: str,
    client_id: str,
    client_secret: str,
    is_active: bool,
    domains: Sequence[Domain],
) -> SignIn:
    sign_in = (
        SignIn.objects.select_for_update()
        .select_related("app")
        .filter(organisation=organisation)
        .first()
    )
    if sign_in is None:
        app = SocialApp.objects.create(
            provider=PROVIDER,
            provider_id=provider_id(organisation),
            name=organisation.name[:40],
            client_id=client_id,
            secret=client_secret,
            settings={"server_url": server_url},
        )
        sign_in = SignIn.objects.create(organisation=organisation, app=app)
        before: dict[str, Any] = {"domains": set()}
    else:
        app = sign_in.app
        before = {
            "server_url": app.settings.get("server_url"),
            "client_id": app.client_id,
            "is_active": sign_in.is_active,
            "domains": {domain.domain for domain in sign_in.domains.all()},
        }
    changes = []
    if before.get("is_active") != is_active:
        changes.append(_("switched on") if is_active else _("switched off"))
    if before.get("server_url") != server_url:
        changes.append(_("provider %(url)s") % {"url": server_url})
    if before.get("client_id") != client_id:
        changes.append(_("client id"))
    if client_secret:
        changes.append(_("client secret"))
    names = {domain.domain for domain in domains}
    if before["domains"] != names:
        changes.append(_("for %(domains)s") % {"domains": ", ".join(sorted(names)) or "-"})
    app.client_id = client_id
    if client_secret:
        app.secret = client_secret
    app.settings = {**app.settings, "server_url": server_url}
    app.save()
    sign_in.is_active = is_active
    sign_in.updated_at = timezone.now()
    sign_in.save(update_fields=["is_active", "updated_at"])
    sign_in.domains.set(domains)
    if changes:
        log(
            organisation,
            OrganisationEvent.Kind.SIGN_IN_CHANGED,
            actor=actor,
            detail="; ".join(changes),
        )
    return sign_in


def domain_of(email: str) -> str:
    return email.rpartition("@")[2].strip().lower()


def for_address(email: str) -> SignIn | None:
    """The switched-on sign-in for this address's domain, if its organisation has one."""
    domain = domain_of(email)
    if not domain:
        return None
    return (
        SignIn.objects.select_related("app", "organisation")
        .filter(is_active=True, domains__domain=domain)
        .first()
    )


def for_app(app: SocialApp) -> SignIn | None:
    return SignIn.objects.select_related("organisation").filter(app=app, is_active=True).first()


def check_claims(sign_in: SignIn, claims: dict[str, Any]) -> str:
    """The address the provider vouches for: verified by it (`email_verified`) and at one of
    the domains the sign-in is for. Otherwise an error: an organisation's provider speaks
    for its own domains only, so it can never sign someone in under another address."""
    email = claims.get("email")
    if not isinstance(email, str) or "@" not in email:
        raise SignInError(_("Your organisation's sign-in did not tell us your e-mail address."))
    # Some providers send the claim as a string.
    if claims.get("email_verified") not in (True, "true"):
        raise SignInError(
            _(
                "Your organisation's sign-in did not confirm your e-mail address %(email)s, "
                "so we cannot log you in with it. Log in with your password, or ask your "
                "organisation's administrator."
            )
            % {"email": email}
        )
    if not sign_in.domains.filter(domain=domain_of(email)).exists():
        raise SignInError(
            _(
                "Your organisation's sign-in is not set up for %(email)s. Log in with your "
                "password, or ask your organisation's administrator."
            )
            % {"email": email}
        )
    return email


def join_after_sign_in(*, user: User, sign_in: SignIn) -> Membership:
    """The person lands in the organisation whose provider signed them in. Someone who
    already belongs to another organisation stays there: changing organisation is their
    own step (or an administrator's invitation), not a side effect of a log-in."""
    membership = membership_of(user)
    if membership is not None:
        return membership
    return join(
        organisation=sign_in.organisation,
        user=user,
        joined_by=Membership.JoinedBy.SIGN_IN,
    )
