"""200 people press "Schrijf je in" at the same moment for a session of 20 seats, through
the real server as `make run` starts it: gunicorn with 3 workers, the task worker and the
clock, DEBUG off.

    .venv/bin/python benchmarks/registration_rush.py [--people 200] [--seats 20] [--one-by-one]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/x .venv/bin/python \
        benchmarks/registration_rush.py

Builds a throw-away database (an SQLite file in a temporary folder; on PostgreSQL, when
DATABASE_URL points at a server, a database of its own that is dropped afterwards),
migrates it, creates an event with one session and the people, each logged in with a
session of their own. Each person's thread then posts the registration form (the button
on the event page, with its CSRF token) at once, and the script prints the number of
requests, p50, p95 and max of their response times, the errors, how many got a seat and
how many the waiting list, and how long the task worker took to send every e-mail.
"""

import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
os.environ["DEBUG"] = "false"
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.mkdtemp()}/benchmark.sqlite3")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from catalogue.tests.factories import create_catalogue  # noqa: E402
from core.models import OutgoingEmail  # noqa: E402
from core.tests.factories import create_portal  # noqa: E402
from events.models import Registration, Session  # noqa: E402
from events.tests.factories import create_event  # noqa: E402

CSRF = "a" * 32
HOST = "groningen.localhost"
WORKERS = 3


def database_url() -> str:
    """The benchmark's database, for the server processes, which read DATABASE_URL."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    password = f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def build(people: int, seats: int) -> tuple[Session, list[str]]:
    """The event, its session and the people's session cookies."""
    groningen = create_portal("groningen", default=True).region
    drenthe = create_portal("drenthe").region
    catalogue = create_catalogue([groningen, drenthe])
    session = create_event(catalogue, regions=[groningen, drenthe], capacity=seats).sessions.get()
    User = get_user_model()
    users = User.objects.bulk_create(
        User(username=f"deelnemer{n}", email=f"deelnemer{n}@example.org") for n in range(people)
    )
    cookies = []
    for user in users:
        client = Client()
        client.force_login(user)
        cookies.append(client.cookies[settings.SESSION_COOKIE_NAME].value)
    return session, cookies


def start_server(port: int) -> list[subprocess.Popen[bytes] | subprocess.Popen[str]]:
    """gunicorn, the task worker and the clock, with the settings of `make run`."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "PORTAL_BASE_URL": f"http://{{hostname}}:{port}",
        # E-mail is written to the console; here it would only fill the terminal.
        "EMAIL_URL": "dummymail://",
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    bin_dir = Path(sys.executable).parent
    processes = [
        subprocess.Popen(
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for command in (["db_worker", "-v", "0"], ["run_periodic_jobs", "--loop"])
    ]
    server = subprocess.Popen(
        [
            str(bin_dir / "gunicorn"),
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(WORKERS),
            "--forwarded-allow-ips=*",
        ],
        cwd=ROOT,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    for line in server.stderr:  # type: ignore[union-attr]
        if "Listening at" in line:
            break
    return [server, *processes]


def post(port: int, path: str, cookie: str, barrier: threading.Barrier | None) -> tuple[float, int]:
    client = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    client.connect()
    if barrier:
        barrier.wait()
    start = time.perf_counter()
    try:
        client.request(
            "POST",
            path,
            body=f"csrfmiddlewaretoken={CSRF}",
            headers={
                "Host": HOST,
                "Cookie": f"{settings.SESSION_COOKIE_NAME}={cookie}; csrftoken={CSRF}",
                "Content-Type": "application/x-www-form-urlencoded",
            },
        )
        response = client.getresponse()
        response.read()
        status = response.status
    except OSError:
        status = 0
    client.close()
    return time.perf_counter() - start, status


def warm_up(port: int) -> None:
    """Every worker has loaded the app and opened its database connection."""
    for _ in range(WORKERS * 4):
        client = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        client.request("GET", "/", headers={"Host": HOST})
        client.getresponse().read()
        client.close()


def cpu_seconds(pids: list[int]) -> float:
    """CPU time the processes and their children (gunicorn's workers) have used, from
    Linux's /proc: unlike the response times, it does not depend on how busy the machine
    is with other work."""
    ticks = os.sysconf("SC_CLK_TCK")
    stats = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        stats[int(stat.parent.name)] = (int(fields[1]), int(fields[11]) + int(fields[12]))
    wanted = set(pids) | {pid for pid, (parent, _) in stats.items() if parent in pids}
    return sum(used for pid, (_, used) in stats.items() if pid in wanted) / ticks


def rush(
    port: int, session: Session, cookies: list[str], *, one_by_one: bool, pids: list[int]
) -> None:
    path = reverse("events:register", args=[session.pk])
    cpu_before = cpu_seconds(pids)
    if one_by_one:
        results = [post(port, path, cookie, None) for cookie in cookies]
    else:
        barrier = threading.Barrier(len(cookies))
        with ThreadPoolExecutor(max_workers=len(cookies)) as pool:
            results = list(pool.map(lambda cookie: post(port, path, cookie, barrier), cookies))
    finished = time.perf_counter()
    cpu = cpu_seconds(pids) - cpu_before
    durations = sorted(duration for duration, _status in results)
    errors = sum(1 for _duration, status in results if status != 302)
    p95 = statistics.quantiles(durations, n=20)[18]
    print(
        f"{len(results)} requests  p50 {statistics.median(durations):.2f} s  "
        f"p95 {p95:.2f} s  max {durations[-1]:.2f} s  errors {errors}"
    )
    print(
        f"CPU of the server processes meanwhile: {cpu:.1f} s, "
        f"{cpu / len(results) * 1000:.0f} ms a request"
    )
    registrations = Registration.objects.filter(session=session)
    print(
        f"confirmed {registrations.filter(state='confirmed').count()}  "
        f"waiting list {registrations.filter(state='waiting').count()}  "
        f"other {registrations.exclude(state__in=['confirmed', 'waiting']).count()}"
    )
    # The task worker sends what the rush put in the outbox.
    while OutgoingEmail.objects.filter(sent_at=None).exists():
        if time.perf_counter() - finished > 300:
            break
        time.sleep(0.2)
    print(
        f"e-mails sent {OutgoingEmail.objects.exclude(sent_at=None).count()} of "
        f"{OutgoingEmail.objects.count()}, "
        f"all {time.perf_counter() - finished:.1f} s after the last response"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--seats", type=int, default=20)
    parser.add_argument(
        "--one-by-one", action="store_true", help="each request after the other: the cost of one"
    )
    args = parser.parse_args()

    vendor = connection.vendor
    database = settings.DATABASES["default"]
    # A file for SQLite; a database of its own on a PostgreSQL server.
    database["TEST"]["NAME"] = database["NAME"] if vendor == "sqlite" else "benchmark_rush"
    original_name = connection.creation.create_test_db(
        verbosity=0, autoclobber=True, serialize=False
    )
    processes: list[subprocess.Popen[bytes] | subprocess.Popen[str]] = []
    try:
        session, cookies = build(args.people, args.seats)
        connection.close()  # the server processes must not wait for this one
        port = free_port()
        processes = start_server(port)
        warm_up(port)
        print(f"{vendor}: {args.people} people, {args.seats} seats, {WORKERS} workers")
        pids = [process.pid for process in processes]
        rush(port, session, cookies, one_by_one=args.one_by_one, pids=pids)
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait()
        connection.close()
        connection.creation.destroy_test_db(original_name, verbosity=0)


if __name__ == "__main__":
    main()
