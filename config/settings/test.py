"""The test suite: fast hashing, mail into a test outbox, tasks run at once."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Mail goes through the task queue as in production; the immediate task backend runs the
# task at once and the task delivers into the test outbox. pytest-django still sets
# EMAIL_BACKEND to locmem for every test; tests of the queue set TaskEmailBackend again.
EMAIL_BACKEND = "core.mail.TaskEmailBackend"
TASK_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Real files in a throw-away folder, so documents are served as in production.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="leeromgeving-media-"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve static files from the apps, as `make test` runs no collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# The admin tests of the other apps log editors in without a second factor; the tests of
# accounts.middleware switch the requirement on.
ADMIN_REQUIRES_TOTP = False
