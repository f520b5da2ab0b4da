"""Checks on the project as a whole: production settings and the Dutch translation."""

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.conf import settings

PO_FILE = Path(settings.BASE_DIR) / "locale" / "nl" / "LC_MESSAGES" / "django.po"
# What production must not guess: without each of these it refuses to start.
REQUIRED_IN_PRODUCTION = [
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "EMAIL_URL",
    "DEFAULT_FROM_EMAIL",
    "PORTAL_BASE_URL",
    "WAGTAILADMIN_BASE_URL",
    "TRACKS_BADGE_SIGNING_KEY",
]


def production_environment() -> dict[str, str]:
    """Everything production requires, as an operator would set it."""
    key = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "x7#kq!v2@mz9$r4^w8&n1*p5(t3)s6_b0-c+d=e[f]g{h}i|j;k:l,m.n<o>p?q",
        "ALLOWED_HOSTS": "leren.example.nl",
        "DATABASE_URL": f"sqlite:///{tempfile.gettempdir()}/production-settings-test.sqlite3",
        "EMAIL_URL": "smtp+tls://user:password@smtp.example.nl:587",
        "DEFAULT_FROM_EMAIL": "Leren over armoede <noreply@leren.example.nl>",
        "PORTAL_BASE_URL": "https://{hostname}",
        "WAGTAILADMIN_BASE_URL": "https://leren.example.nl",
        # One line with "\n" for the new lines, as in an env file.
        "TRACKS_BADGE_SIGNING_KEY": key.decode().replace("\n", "\\n"),
    }


def load_production_settings(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    code = "from django.conf import settings; print(settings.TRACKS_BADGE_SIGNING_KEY[:27])"
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_settings_pass_the_deployment_checks():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=production_environment(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_reads_the_badge_key_from_the_environment():
    result = load_production_settings(production_environment())
    assert result.returncode == 0, result.stderr
    assert result.stdout == "-----BEGIN PRIVATE KEY-----\n"


@pytest.mark.parametrize("name", REQUIRED_IN_PRODUCTION)
def test_production_refuses_to_start_without(name):
    env = production_environment()
    del env[name]
    result = load_production_settings(env)
    assert result.returncode != 0
    assert "ImproperlyConfigured: Set these environment variables" in result.stderr
    assert f"  {name}: " in result.stderr
    others = set(REQUIRED_IN_PRODUCTION) - {name}
    assert not [other for other in others if f"  {other}: " in result.stderr]


def test_production_refuses_a_badge_key_that_is_not_one():
    env = {**production_environment(), "TRACKS_BADGE_SIGNING_KEY": "geheim"}
    result = load_production_settings(env)
    assert result.returncode != 0
    assert "TRACKS_BADGE_SIGNING_KEY must be a PEM private key" in result.stderr


def test_readme_lists_every_environment_variable():
    """The README's table of settings names every variable the settings read, and says
    which production requires."""
    readme = (Path(settings.BASE_DIR) / "README.md").read_text()
    table = readme.split("## Settings (environment variables)", 1)[1].split("\n## ", 1)[0]
    rows = {
        row.split("|")[1].strip().strip("`"): row
        for row in table.splitlines()
        if row.startswith("| `")
    }
    read = set()
    for module in (Path(settings.BASE_DIR) / "config" / "settings").glob("*.py"):
        read |= set(re.findall(r"env(?:\.\w+)?\(\s*\"([A-Z_]+)\"", module.read_text()))
    assert read - set(rows) == set(), "missing from the README's table"
    for name in REQUIRED_IN_PRODUCTION:
        assert "| required |" in rows[name], rows[name]


def test_dutch_translation_is_complete():
    for flag in ("--untranslated", "--only-fuzzy"):
        result = subprocess.run(
            ["msgattrib", flag, "--no-wrap", str(PO_FILE)],
            capture_output=True,
            text=True,
            check=True,
        )
        assert result.stdout == "", f"{flag} entries in {PO_FILE}:\n{result.stdout}"
