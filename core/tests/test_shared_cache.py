"""Every process of one installation shares the default cache: two real gunicorn servers
and the clock, with the settings `make run` uses, against the test database (in a file on
SQLite), and this test process. A publish in one process shows in the others at once, and
the log-in limit counts the wrong passwords of all processes together."""

import http.client
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.utils import timezone, translation
from django.utils.html import escape

from .factories import create_content_page, shared_root

ROOT = Path(__file__).resolve().parents[2]
CSRF = "a" * 32
WRONG_PASSWORDS = 40

pytestmark = [
    pytest.mark.concurrency,
    pytest.mark.skipif(
        connection.vendor == "sqlite" and not connection.settings_dict["TEST"].get("NAME"),
        reason="needs PostgreSQL or a file SQLite test database: TEST_SQLITE_FILE=<path> "
        "(`make test` runs it so)",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def database_url() -> str:
    """The test database, for processes that read DATABASE_URL as `make run` does."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    password = f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


def process_environment() -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": database_url(),
    }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def servers(django_db_setup) -> Iterator[list[int]]:
    """Two gunicorn servers of one worker each: two processes, and we know which one
    answers. The kernel holds each request until the worker has loaded the app."""
    ports = [free_port(), free_port()]
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    # They serve static files as `make run` does: collected, with a manifest (a fresh
    # clone has none; without it every page is an error).
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=ROOT,
        env=process_environment(),
        check=True,
    )
    processes = [
        subprocess.Popen(
            [gunicorn, "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
            cwd=ROOT,
            env=process_environment(),
            stderr=subprocess.PIPE,
            text=True,
        )
        for port in ports
    ]
    for process in processes:
        for line in process.stderr:  # type: ignore[union-attr]
            if "Listening at" in line:
                break
    yield ports
    for process in processes:
        process.terminate()
        process.wait()


@pytest.fixture
def shared_cache() -> Iterator[None]:
    """This process uses the shared cache too, empty (the flush leaves its table alone)."""
    with override_settings(CACHES={**settings.CACHES, "default": settings.SHARED_CACHE}):
        call_command("createcachetable", verbosity=0)
        cache.clear()
        yield


def request(
    port: int, method: str, path: str, body: str = "", headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], str]:
    client = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    client.request(method, path, body=body, headers=headers or {})
    response = client.getresponse()
    answer = response.status, dict(response.getheaders()), response.read().decode()
    client.close()
    return answer


def test_a_publish_in_one_process_shows_in_the_others_at_once(
    servers, groningen, shared_cache
) -> None:
    page = create_content_page(
        parent=shared_root(), slug="over", regions=[groningen.region], title="Oude titel"
    )
    for port in servers:
        request(port, "GET", "/over/")
        _status, headers, html = request(port, "GET", "/over/")
        assert headers["X-Page-Cache"] == "hit" and "Oude titel" in html

    page.title = "Nieuwe titel"
    page.save_revision().publish()  # here, in the test process
    for port in servers:
        _status, headers, html = request(port, "GET", "/over/")
        assert "Nieuwe titel" in html
        assert request(port, "GET", "/over/")[1]["X-Page-Cache"] == "hit"

    # The clock publishes a scheduled revision in a process of its own.
    page.title = "Geplande titel"
    page.save_revision(approved_go_live_at=timezone.now())
    subprocess.run(
        [sys.executable, "manage.py", "run_periodic_jobs"],
        cwd=ROOT,
        env=process_environment(),
        check=True,
        capture_output=True,
    )
    for port in servers:
        assert "Geplande titel" in request(port, "GET", "/over/")[2]


def test_the_log_in_limit_counts_the_wrong_passwords_of_every_process(
    servers, drenthe, shared_cache
) -> None:
    user = get_user_model().objects.create_user("lid", "lid@example.org", "het-goede-wachtwoord")
    body = urlencode({"login": user.email, "password": "fout"})
    headers = {
        "Cookie": f"csrftoken={CSRF}",
        "X-CSRFToken": CSRF,
        "Content-Type": "application/x-www-form-urlencoded",
    }

    def log_in(attempt: int) -> tuple[int, dict[str, str], str]:
        host = ("groningen.localhost", "drenthe.localhost")[attempt % 2]
        path = "/account/login/"
        return request(servers[attempt % 2], "POST", path, body, {**headers, "Host": host})

    # Eight at a time, in turn to each server and through each portal.
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(log_in, range(WRONG_PASSWORDS)))

    with translation.override("nl"):
        tried = str(escape(DefaultAccountAdapter.error_messages["email_password_mismatch"]))
        blocked = str(escape(DefaultAccountAdapter.error_messages["too_many_login_attempts"]))
    outcomes = [
        "tried" if tried in html else "blocked" if blocked in html else status
        for status, _headers, html in answers
    ]
    assert outcomes.count("tried") == 5  # ACCOUNT_RATE_LIMITS: 5 per 15 minutes per address
    # The rest is refused, after 30 log-ins a minute from one client by a 429 page.
    assert outcomes.count("blocked") + outcomes.count(429) == WRONG_PASSWORDS - 5
