"""Production: HTTPS behind a proxy. What must not default comes from the environment;
without it the platform refuses to start and says what to set."""

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey
from django.core.exceptions import ImproperlyConfigured

from operations.logs import logging_config
from operations.reporting import init_error_reporting

from .base import *  # noqa: F403
from .base import LOG_LEVEL, SENTRY_DSN, TRACKS_BADGE_SIGNING_KEY, env

DEBUG = False

# Each with what it is and an example; README.md lists them in its table of settings.
REQUIRED_IN_PRODUCTION = {
    "SECRET_KEY": "a long random string that signs sessions and links "
    "(python -c 'import secrets; print(secrets.token_urlsafe(50))')",
    "ALLOWED_HOSTS": "the portals' host names, comma-separated "
    "(armoedegroningen.nl,armoededrenthe.nl)",
    "DATABASE_URL": "the database (postgres://user:password@host:5432/name)",
    "EMAIL_URL": "the mail server (smtp+tls://user:password@smtp.example.nl:587)",
    "DEFAULT_FROM_EMAIL": "the sender of e-mail (Leren over armoede <noreply@example.nl>)",
    "PORTAL_BASE_URL": "the portals' public address, {hostname} standing for a portal's "
    "host name (https://{hostname})",
    "WAGTAILADMIN_BASE_URL": "the editors' address in the admin's e-mails "
    "(https://armoedegroningen.nl)",
    "TRACKS_BADGE_SIGNING_KEY": "the PEM private key, Ed25519 or RSA, that signs Open Badges; "
    "keep it for as long as issued badges must verify (openssl genpkey -algorithm ed25519)",
}


def _refuse_without_environment() -> None:
    missing = [name for name in REQUIRED_IN_PRODUCTION if not env.str(name, default="").strip()]
    if missing:
        raise ImproperlyConfigured(
            "Set these environment variables to run in production:\n"
            + "\n".join(f"  {name}: {REQUIRED_IN_PRODUCTION[name]}" for name in missing)
            + "\nREADME.md, 'Settings (environment variables)', lists every setting."
        )
    try:
        key = serialization.load_pem_private_key(TRACKS_BADGE_SIGNING_KEY.encode(), password=None)
    except (ValueError, TypeError, UnsupportedAlgorithm) as error:
        raise ImproperlyConfigured(
            "TRACKS_BADGE_SIGNING_KEY must be a PEM private key without a password "
            f"(openssl genpkey -algorithm ed25519): {error}"
        ) from error
    if not isinstance(key, Ed25519PrivateKey | RSAPrivateKey):
        raise ImproperlyConfigured("TRACKS_BADGE_SIGNING_KEY must be an Ed25519 or RSA key.")


_refuse_without_environment()

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True

# One JSON object a line, for the log collector; LOG_FORMAT=text for readable lines.
LOGGING = logging_config(log_format=env("LOG_FORMAT", default="json"), level=LOG_LEVEL)
init_error_reporting(
    dsn=SENTRY_DSN,
    environment=env("SENTRY_ENVIRONMENT", default="production"),
    release=env("SENTRY_RELEASE", default=""),
)
