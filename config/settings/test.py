"""The test suite: fast hashing, mail into a test outbox, tasks run at once."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import CACHES, DATABASES, env

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Mail goes through the task queue as in production; the immediate task backend runs the
# task at once and the task delivers into the test outbox. pytest-django still sets
# EMAIL_BACKEND to locmem for every test; tests of the queue set TaskEmailBackend again.
EMAIL_BACKEND = "core.mail.TaskEmailBackend"
TASK_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Each test process keeps its cache in memory: the database cache's queries would count in
# every query-count test, and the autouse fixture empties it for every test without asking
# for the database. The tests with real processes (core/tests/test_shared_cache.py) use the
# shared cache of the other settings, SHARED_CACHE.
CACHES = {
    **CACHES,
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "shared"},
}
# Real files in a throw-away folder, so documents are served as in production.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="leeromgeving-media-"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve static files from the apps, as `make test` runs no collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Addresses as the test client's hosts name them (groningen.localhost, no port); tests of
# another port set PORTAL_BASE_URL themselves, the browser tests to the live server's.
PORTAL_BASE_URL = "http://{hostname}"
WAGTAILADMIN_BASE_URL = "http://groningen.localhost"
# The tests of the other apps log editors, trainers and coordinators in without a second
# factor; the tests of accounts.mfa and tests/test_second_factor.py switch it on.
ADMIN_REQUIRES_TOTP = False
# The tests start a real OpenID Connect provider on 127.0.0.1 (organisations/tests).
ORGANISATION_SIGN_IN_ALLOW_LOCAL = True

# The concurrency tests (marked `concurrency`; `make test` runs them in a second pytest
# run) need live-server threads with connections of their own, as in production. SQLite's
# in-memory test database is one connection shared by all threads, so that run names a
# file in TEST_SQLITE_FILE. The main run keeps the in-memory database, on which the
# browser tests' serialized rollback relies. PostgreSQL ignores the variable.
if env("TEST_SQLITE_FILE", default="") and DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["TEST"] = {"NAME": env("TEST_SQLITE_FILE")}
