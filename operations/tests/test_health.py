"""The health endpoints answer a proxy probing by IP address, say only ok or not to
outsiders, and tell which check fails under a stopped database, worker or clock."""

import http.client
import json
import os
import socket
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path
from unittest import mock

import pytest
import time_machine
from django.test import override_settings
from django.utils import timezone

from core.periodic import run_due_jobs
from core.tasks import deliver_email

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "geheim-token-voor-de-monitoring"
PROBE = {"HTTP_HOST": "10.0.0.5"}  # a proxy probes by IP address, which no setting allows
INSIDER = {**PROBE, "HTTP_X_HEALTH_TOKEN": TOKEN}
DB_QUEUE = {"default": {"BACKEND": "operations.tasks.RequestIdDatabaseBackend"}}


def clock_went_round() -> None:
    with mock.patch("core.periodic.hooks.get_hooks", return_value=[]):
        run_due_jobs()


@pytest.fixture(autouse=True)
def _token(settings):
    settings.HEALTH_TOKEN = TOKEN
    # As in production: a plain-HTTP probe must not be redirected to HTTPS.
    settings.SECURE_SSL_REDIRECT = True


def test_live_answers_without_a_known_host_session_or_https(client):
    """Without the django_db mark: any query would fail the test."""
    response = client.get("/gezond/", **PROBE)
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies, "no session, language or CSRF cookie"


@pytest.mark.django_db
def test_ready_when_everything_answers(client, django_assert_num_queries):
    clock_went_round()
    with django_assert_num_queries(1):  # SELECT 1; the immediate queue has no table
        response = client.get("/gezond/klaar/", **PROBE)
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}, "outsiders learn no more than ok"
    assert not response.cookies


@pytest.mark.django_db
def test_insiders_see_each_check(client):
    clock_went_round()
    checks = client.get("/gezond/klaar/", **INSIDER).json()["checks"]
    assert set(checks) == {"database", "cache", "storage", "task_queue", "clock"}
    assert {check["status"] for check in checks.values()} == {"ok"}
    wrong = client.get("/gezond/klaar/", **{**PROBE, "HTTP_X_HEALTH_TOKEN": "raden"}).json()
    assert "checks" not in wrong


@pytest.mark.django_db
def test_not_ready_when_the_clock_did_not_run(client, caplog):
    response = client.get("/gezond/klaar/", **INSIDER)
    # One warning that says why, no error per probe (errors go to the error reports).
    assert [(r.levelname, r.getMessage()) for r in caplog.records] == [
        ("WARNING", "Not ready: clock (no round recorded)")
    ]
    assert response.status_code == 503
    assert response.json()["status"] == "fout"
    assert response.json()["checks"]["clock"] == {"status": "fout", "detail": "no round recorded"}
    assert client.get("/gezond/klaar/", **PROBE).json() == {"status": "fout"}

    clock_went_round()
    with time_machine.travel(timezone.now() + timedelta(minutes=6)):
        clock = client.get("/gezond/klaar/", **INSIDER).json()["checks"]["clock"]
    assert clock["status"] == "fout" and clock["detail"] == "360 s ago"


@pytest.mark.django_db
@override_settings(TASKS=DB_QUEUE)
def test_not_ready_when_no_worker_takes_the_queue(client):
    """A stopped worker: a task waits in the real database queue and nobody takes it."""
    deliver_email.enqueue(email_id=1)
    clock_went_round()
    assert client.get("/gezond/klaar/", **INSIDER).status_code == 200, "young: fine"

    later = timezone.now() + timedelta(minutes=10)
    with time_machine.travel(later):
        clock_went_round()  # the clock runs; only the worker is missing
        response = client.get("/gezond/klaar/", **INSIDER)
    assert response.status_code == 503
    checks = response.json()["checks"]
    assert checks["task_queue"]["status"] == "fout"
    assert checks["task_queue"]["detail"].startswith("6")  # about 600 s
    assert checks["clock"]["status"] == checks["database"]["status"] == "ok"


@pytest.mark.django_db
@override_settings(TASKS=DB_QUEUE)
def test_a_task_deferred_to_later_is_not_late(client):
    deliver_email.using(run_after=timezone.now() + timedelta(hours=1)).enqueue(email_id=1)
    with time_machine.travel(timezone.now() + timedelta(minutes=30)):
        clock_went_round()
        assert client.get("/gezond/klaar/", **INSIDER).status_code == 200


def test_only_get_and_head(client):
    assert client.post("/gezond/", **PROBE).status_code == 405
    assert client.head("/gezond/", **PROBE).status_code == 200


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def get(port: int, path: str, headers: dict[str, str]) -> tuple[int, dict]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", path, headers=headers)
    response = conn.getresponse()
    answer = response.status, json.loads(response.read())
    conn.close()
    return answer


def serve(tmp_path: Path, **environment: str) -> subprocess.Popen:
    """A real gunicorn with the settings `make run` uses and these variables; answering."""
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DEBUG": "false",
        "HEALTH_TOKEN": TOKEN,
        "MEDIA_ROOT": str(tmp_path),
        **environment,
    }
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "config.wsgi", "--workers", "1",
         "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    server.port = port  # type: ignore[attr-defined]
    deadline = time.monotonic() + 60
    while True:
        try:
            status, body = get(port, "/gezond/", {"Host": "10.0.0.5"})
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                raise AssertionError("gunicorn did not come up") from None
            time.sleep(0.1)
    assert (status, body) == (200, {"status": "ok"}), "the process lives"
    return server


def test_a_stopped_database(tmp_path):
    """A real gunicorn whose PostgreSQL (and so its database cache and queue) is gone: a
    port where nothing listens. The process still lives; it is not ready, and says why."""
    closed = free_port()
    server = serve(
        tmp_path,
        DATABASE_URL=f"postgres://leeromgeving@127.0.0.1:{closed}/leeromgeving",
        REDIS_URL="",
    )
    port = server.port  # type: ignore[attr-defined]
    try:
        status, body = get(port, "/gezond/klaar/", {"Host": "10.0.0.5"})
        assert (status, body) == (503, {"status": "fout"})
        status, body = get(port, "/gezond/klaar/", {"Host": "10.0.0.5", "X-Health-Token": TOKEN})
        checks = body["checks"]
        assert checks["database"] == {"status": "fout", "detail": "OperationalError"}
        assert checks["cache"]["status"] == "fout", "the database cache is in the database"
        assert checks["storage"]["status"] == "ok"
        assert all(str(closed) not in check["detail"] for check in checks.values())
    finally:
        server.terminate()
        server.wait()


def test_a_stopped_redis(tmp_path):
    """The shared cache is Redis, and Redis is gone: the cache (and the clock's last round,
    which lives there) fail, the database does not."""
    closed = free_port()
    server = serve(
        tmp_path,
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        REDIS_URL=f"redis://127.0.0.1:{closed}/0",
    )
    try:
        status, body = get(
            server.port,  # type: ignore[attr-defined]
            "/gezond/klaar/",
            {"Host": "10.0.0.5", "X-Health-Token": TOKEN},
        )
        assert status == 503
        assert body["checks"]["database"]["status"] == "ok"
        assert body["checks"]["cache"] == {"status": "fout", "detail": "ConnectionError"}
        assert body["checks"]["clock"]["status"] == "fout"
    finally:
        server.terminate()
        server.wait()


@pytest.mark.django_db
def test_storage_that_cannot_be_written_is_not_ready(client, settings, tmp_path):
    clock_went_round()
    settings.MEDIA_ROOT = str(tmp_path / "nog-niet-aangemaakt")  # before the first upload
    assert client.get("/gezond/klaar/", **PROBE).status_code == 200
    (tmp_path / "bestand").write_text("geen map")
    settings.MEDIA_ROOT = str(tmp_path / "bestand" / "media")  # a file stands in the way
    storage = client.get("/gezond/klaar/", **INSIDER).json()["checks"]["storage"]
    assert storage == {"status": "fout", "detail": "media folder not writable"}
