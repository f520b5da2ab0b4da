"""Checks on the project as a whole: production settings and the Dutch translation."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

PO_FILE = Path(settings.BASE_DIR) / "locale" / "nl" / "LC_MESSAGES" / "django.po"


def test_production_settings_pass_the_deployment_checks():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "x7#kq!v2@mz9$r4^w8&n1*p5(t3)s6_b0-c+d=e[f]g{h}i|j;k:l,m.n<o>p?q",
        "ALLOWED_HOSTS": "leren.example.nl",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_dutch_translation_is_complete():
    for flag in ("--untranslated", "--only-fuzzy"):
        result = subprocess.run(
            ["msgattrib", flag, "--no-wrap", str(PO_FILE)],
            capture_output=True,
            text=True,
            check=True,
        )
        assert result.stdout == "", f"{flag} entries in {PO_FILE}:\n{result.stdout}"
