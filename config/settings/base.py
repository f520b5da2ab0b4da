"""Settings shared by every environment; each value can be set from the environment."""

from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import environ
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from operations.logs import logging_config

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-change-me-in-production")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[".localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "core",
    # Before allauth, so its templates override allauth's.
    "accounts",
    "organisations",
    "glossary",
    "catalogue",
    "news",
    "monitor",
    "learning",
    "events",
    "circles",
    "tracks",
    "actionagenda",
    "newsletter",
    "search",
    "dashboard",
    "reports",
    "demo",
    "operations",
    "api",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "django_guid",
    "template_partials",
    "django_htmx",
    "rest_framework",
    "drf_spectacular",
    "corsheaders",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # Sign-in with an organisation's own account (organisations.sign_in): one app per
    # organisation, in the database.
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First: health probes answer before host checks, redirects, sessions and caches.
    "operations.health.HealthMiddleware",
    # The request id of every log line (the proxy's X-Request-ID, or a new one).
    "django_guid.middleware.guid_middleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.ranges.RangeRequestMiddleware",
    "csp.middleware.CSPMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.LanguageMiddleware",
    "core.cache.AnonymousPageCacheMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.PrivateAccountPagesMiddleware",
    "accounts.middleware.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.middleware.PortalMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.portal",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}"),
}
# Persistent connections: a new one costs more than serving a cached page (SQLite reads
# the whole schema again; PostgreSQL starts a process).
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE takes the write lock at the start of a transaction, which is how SQLite
    # serialises the row locks that select_for_update gives on PostgreSQL.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The default cache is shared by every process of one installation (web workers, task
# worker, clock): the log-in and e-mail limits count there, and so does the page cache's
# generation number, so a publish in one process refreshes the pages of all. Without Redis it
# is Django's database cache, a table in the database beside the data (`migrate` creates it,
# see CoreConfig). Its add() is atomic (a unique key; SQLite's IMMEDIATE transactions take
# the write lock first), which allauth's rate-limit lock relies on; the file cache's is not.
# Rendered pages stay in each process's memory ("pages"): their keys hold the shared
# generation, so they go stale everywhere at once, and a hit costs one small shared read.
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    SHARED_CACHE = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": env("CACHE_KEY_PREFIX", default="leeromgeving"),
    }
else:
    SHARED_CACHE = {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "django_cache",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
CACHES = {
    "default": SHARED_CACHE,
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "OPTIONS": {"MAX_ENTRIES": 1000},
    },
}

# django-tasks-db's backend, which also keeps the request id with each task (operations.tasks).
TASKS = {"default": {"BACKEND": "operations.tasks.RequestIdDatabaseBackend"}}

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
# Django's mail API (allauth, Wagtail) puts each message in the outbox (core.mail); a worker
# sends it through the backend EMAIL_URL names, so a slow mail server never slows a page.
EMAIL_BACKEND = "core.mail.TaskEmailBackend"
TASK_EMAIL_BACKEND = EMAIL_CONFIG["EMAIL_BACKEND"]
# Seconds; the outbox holds a message's row lock while the mail server answers (on SQLite
# the database's write lock), so a server that hangs must not hold it long.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
DEFAULT_FROM_EMAIL = env(
    "DEFAULT_FROM_EMAIL", default="Leren over armoede <noreply@leren-over-armoede.localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    # The others only check passwords hashed before Argon2 and rehash them at log-in.
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
# Names, not paths, so they carry the path prefix.
LOGIN_REDIRECT_URL = "dashboard:home"

# Accounts (django-allauth): e-mail and password only, and the address must be confirmed.
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_REDIRECT_URL = reverse_lazy("wagtail_serve", args=[""])
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Leren over armoede: "
ACCOUNT_PRESERVE_USERNAME_CASING = False
# allauth's defaults, with fewer failed log-ins per address (5 per 15 minutes), counted in
# the shared default cache, so the limit holds across web workers. Forms that e-mail an
# address someone types send at most 3 e-mails per address per hour ("key"), and more per
# client ("ip"; colleagues share their office's address): allauth's password reset and
# address confirmation (sign-up, e-mail change, resend; after allauth's 3-minute cool-down),
# and our own forms through core.ratelimit.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/15m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,3/h/key",
    "confirm_email": "1/3m/key,3/h/key",
    "event_registration": "3/h/key,30/h/ip",
    "circle_invitation": "3/h/key,50/h/ip",
    "circle_join_request": "3/h/key,20/h/ip",
    "newsletter_subscription": "3/h/key,30/h/ip",
    # The contact and theme-idea forms mail the coordinator: per sender and per client.
    "contact_message": "5/h/key,10/h/ip",
}
# The password of the mail service's bounce webhook (newsletter.views.bounce_webhook);
# empty: the webhook is off and bounces go through `manage.py newsletter_bounces`.
NEWSLETTER_WEBHOOK_SECRET = env("NEWSLETTER_WEBHOOK_SECRET", default="")
# Subscribers per batch task of a newsletter sending (one transaction each).
NEWSLETTER_BATCH_SIZE = env.int("NEWSLETTER_BATCH_SIZE", default=200)
# Sign-in with an organisation's own account (organisations.sign_in): each organisation's
# administrator configures an OpenID Connect provider, stored as allauth's SocialApp. The
# provider vouches for the address (its `email_verified` claim, at one of the
# organisation's domains), so an account with that address is signed in and connected,
# not duplicated, and a new person needs no confirmation e-mail.
SOCIALACCOUNT_ADAPTER = "organisations.sign_in.adapter.SocialAccountAdapter"
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_REQUESTS_TIMEOUT = 5
# An organisation's provider may be on plain http at 127.0.0.1 or localhost only here
# (development; the tests switch it on): everywhere else https, at a public address.
ORGANISATION_SIGN_IN_ALLOW_LOCAL = DEBUG
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Leren over armoede"
# Every right beyond a learner's own (/beheer/, other people's data) needs the second
# factor in that session: an authenticator app (accounts.mfa).
ADMIN_REQUIRES_TOTP = env.bool("ADMIN_REQUIRES_TOTP", default=True)
# Wagtail's own log-in form would skip the second factor; send editors to allauth's.
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_RESET_ENABLED = False

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale_overrides", BASE_DIR / "locale"]
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# The portals' public addresses, for everything the platform writes with a host in it
# (links in e-mails, sitemaps, calendar feeds, badges, QR codes): "{hostname}" stands for
# the host name editors give a portal under Settings → Sites (core/portals.py).
# `make run` sets it from PORT; production sets it, e.g. "https://{hostname}".
PORTAL_BASE_URL = env("PORTAL_BASE_URL", default="http://{hostname}:8000")
if "{hostname}" not in PORTAL_BASE_URL:
    raise ImproperlyConfigured(
        f"PORTAL_BASE_URL must contain {{hostname}}, e.g. https://{{hostname}}; "
        f"it is {PORTAL_BASE_URL!r}."
    )
# Under a path prefix ("https://{hostname}/lerenoverarmoede", the proxy passing the rest of
# the path on without it): Django puts the prefix before every address it reverses, in
# requests and, set at start-up, in the task worker and the clock; static and media
# addresses start with it. The cookies stay under it, away from the host's own site.
PORTAL_PATH_PREFIX = urlsplit(PORTAL_BASE_URL.format(hostname="host")).path.rstrip("/")
FORCE_SCRIPT_NAME = PORTAL_PATH_PREFIX or None
SESSION_COOKIE_PATH = CSRF_COOKIE_PATH = LANGUAGE_COOKIE_PATH = f"{PORTAL_PATH_PREFIX}/"
# Under the path prefix. (Django would put the prefix before a relative "static/" only as
# it stood when settings were first read, before any request in gunicorn.) WhiteNoise
# looks the files up by the path below the prefix.
STATIC_URL = f"{PORTAL_PATH_PREFIX}/static/"
WHITENOISE_STATIC_PREFIX = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
MEDIA_URL = f"{PORTAL_PATH_PREFIX}/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(BASE_DIR / "var" / "media")))

# Uploads go to local files unless an S3-compatible bucket is configured.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL", default=None)
    AWS_S3_REGION_NAME = env("AWS_S3_REGION_NAME", default=None)
    AWS_S3_CUSTOM_DOMAIN = env("AWS_S3_CUSTOM_DOMAIN", default=None)
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = False
    # Without a domain of its own the bucket is reached through the proxy, under MEDIA_URL
    # (core/storage.py); with one, files are addressed there.
    MEDIA_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage"
        if AWS_S3_CUSTOM_DOMAIN
        else "core.storage.ProxiedS3Storage"
    }
else:
    MEDIA_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "Leren over armoede"
# The editors' address in Wagtail's own e-mails (moderation, comments): scheme and host
# only, as Wagtail adds the paths it reverses, prefix included.
WAGTAILADMIN_BASE_URL = env(
    "WAGTAILADMIN_BASE_URL",
    default=urlunsplit(
        urlsplit(PORTAL_BASE_URL.format(hostname="groningen.localhost"))._replace(path="")
    ),
)
WAGTAIL_I18N_ENABLED = False
# The admin makes no requests to other hosts: no avatars from Gravatar, no check for new
# Wagtail versions, no "what's new" banner (tests/browser/test_admin_requests.py).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = [
    *["pdf", "docx", "odt", "xlsx", "ods", "pptx", "txt", "csv"],
    *["ogg", "opus", "mp3", "m4a", "webm", "mp4", "vtt"],
]
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "gif", "svg"]

# Open Badges (tracks/badge.py): a PEM private key, Ed25519 (signs with EdDSA) or RSA
# (RS256); "\n" in a one-line value stands for a new line. Left empty, development signs
# with a key derived from SECRET_KEY; production refuses to start without it.
TRACKS_BADGE_SIGNING_KEY = env.str("TRACKS_BADGE_SIGNING_KEY", default="", multiline=True)
# Learning circles keep a case this many days before archiving it and this many months
# before deleting it (circles/models.py, run by the clock).
CIRCLES_CASE_ARCHIVE_AFTER_DAYS = env.int("CIRCLES_CASE_ARCHIVE_AFTER_DAYS", default=180)
CIRCLES_CASE_DELETE_AFTER_MONTHS = env.int("CIRCLES_CASE_DELETE_AFTER_MONTHS", default=24)
# Messages from the contact and theme-idea forms are personal data: removed after this.
NEWS_MESSAGE_RETENTION_DAYS = env.int("NEWS_MESSAGE_RETENTION_DAYS", default=365)

# A learning record store that receives every learning record as an xAPI statement
# (learning.lrs): its xAPI address (the Statements resource is below it) and the HTTP basic
# credentials. Empty: no LRS, and nothing is queued for one.
LRS_ENDPOINT = env("LRS_ENDPOINT", default="")
LRS_USERNAME = env("LRS_USERNAME", default="")
LRS_PASSWORD = env("LRS_PASSWORD", default="")
LRS_TIMEOUT = env.int("LRS_TIMEOUT", default=10)

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# Public pages run no inline script or style and load nothing from other hosts.
# The Wagtail admin relies on inline scripts, so it is left out of the policy.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/beheer/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "media-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

# Logs (operations/logs.py): "json" lines (production's default) or readable "text", each
# with the request id; never SQL, personal data or case texts.
LOG_LEVEL = env("LOG_LEVEL", default="WARNING")
LOGGING = logging_config(log_format=env("LOG_FORMAT", default="text"), level=LOG_LEVEL)
DJANGO_GUID = {
    "GUID_HEADER_NAME": "X-Request-ID",
    # Only a UUID (nginx's $request_id is one) is taken over; anything else gets a new id.
    "VALIDATE_GUID": True,
    "RETURN_HEADER": True,
    "EXPOSE_HEADER": False,
}

# Errors to a Sentry-compatible service, without personal data (operations/reporting.py);
# the production settings start it when this is set.
SENTRY_DSN = env("SENTRY_DSN", default="")

# Health endpoints (operations/health.py): /gezond/ and /gezond/klaar/. With the header
# X-Health-Token equal to HEALTH_TOKEN the answer lists each check; empty: nobody sees them.
HEALTH_TOKEN = env("HEALTH_TOKEN", default="")
# Not ready when the oldest due task waits longer (no worker runs) or the clock's last round
# is older (no clock runs); the clock goes round every minute.
HEALTH_QUEUE_MAX_WAIT = env.int("HEALTH_QUEUE_MAX_WAIT", default=300)
HEALTH_CLOCK_MAX_AGE = env.int("HEALTH_CLOCK_MAX_AGE", default=300)

# The open data of the poverty monitor (CBS figures, boundaries, Veenkoloniën definitions),
# beside the checkout and never copied into it; `make run` and the demo import it when present.
MONITOR_DATA_DIR = Path(env("MONITOR_DATA_DIR", default=str(BASE_DIR.parent / "shared" / "data")))

# The API (/api/v1/, app `api`): read-only, paged, limited per client in the shared cache.
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    # The client address for the limits: REMOTE_ADDR, or behind N proxies the address the
    # last of them puts in X-Forwarded-For (never a value the client wrote itself).
    "NUM_PROXIES": env.int("API_NUM_PROXIES", default=0),
}
API_RATE_LIMIT = env("API_RATE_LIMIT", default="120/minute")
SPECTACULAR_SETTINGS = {
    "TITLE": "Leren over armoede API",
    "DESCRIPTION": (
        "Read-only: the offer, the agenda, tracks, glossary, news and the poverty monitor of "
        "the portal you ask, and with a personal access token your own learning data."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "PREPROCESSING_HOOKS": ["api.schema.only_our_api"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.common_responses",
    ],
}
# Anyone's web page may read the API from the browser: only reading, and without cookies
# (the personal API takes a token in the Authorization header).
CORS_URLS_REGEX = r"^/api/"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
