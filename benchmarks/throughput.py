"""Throughput of the project's pages against hello-world, served by the same server in one run.

Builds a database with the demo, --items generated learning items and a learner with a year of
history (SQLite in a file; PostgreSQL in a database of its own, dropped afterwards, when
DATABASE_URL points at a server), starts gunicorn as `make run` does (--workers sync workers)
for the project and for a plain Django hello-world view, drives both with wrk (8 connections)
and prints requests per second, the share of hello-world, p50/p95 and SQL queries per page:
uncached (a new query string per request misses the page cache, as a first visit does), from
the page cache, and logged in as the learner.

    apt-get install wrk            # the load tool, once
    .venv/bin/python benchmarks/throughput.py [--items 10000] [--seconds 10] [--keep FILE]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test .venv/bin/python benchmarks/throughput.py

--keep FILE builds the SQLite database into FILE once and reuses it on later runs. Run it on a
quiet machine: the load tool and the servers share its cores.
"""

import argparse
import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
os.environ["DEBUG"] = "false"
# One load tool is one client: the API's limit per client would answer 429 after a moment.
os.environ["API_RATE_LIMIT"] = "100000000/minute"
# The coordinator's session has no authenticator app behind it: what a page costs is measured,
# not the second factor that the real session passed once.
os.environ["ADMIN_REQUIRES_TOTP"] = "false"

parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
parser.add_argument("--items", type=int, default=10_000)
parser.add_argument("--seconds", type=int, default=10)
parser.add_argument("--connections", type=int, default=8)
parser.add_argument("--workers", type=int, default=3)
parser.add_argument("--keep", type=Path, help="SQLite file to build once and reuse")
parser.add_argument("--only", help="measure only the pages whose address contains this")
args = parser.parse_args()

SERVER_URL = os.environ.get("DATABASE_URL", "")
if SERVER_URL.startswith("postgres"):
    DATABASE_NAME = f"benchmark_{os.getpid()}"
    os.environ["DATABASE_URL"] = re.sub(r"/[^/]*$", f"/{DATABASE_NAME}", SERVER_URL)
else:
    sqlite_file = args.keep or Path(tempfile.mkdtemp()) / "benchmark.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{sqlite_file.resolve()}"
    DATABASE_NAME = ""
# Rendered pages and sessions live in the database cache of this installation, as `make run`.
os.environ.pop("REDIS_URL", None)
LEARNER = "benchmark.leerling@example.org"
COORDINATOR = "coordinator@example.org"  # demo/circles.py
HOST = "groningen.localhost"

if DATABASE_NAME:
    import psycopg

    with psycopg.connect(SERVER_URL, autocommit=True) as server:
        server.execute(f'CREATE DATABASE "{DATABASE_NAME}"')

import django  # noqa: E402

django.setup()

import time_machine  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.services import ProfileDetails, complete_onboarding  # noqa: E402
from catalogue.models import ArticlePage, CatalogueIndexPage  # noqa: E402
from circles.models import Circle  # noqa: E402
from circles.services import add_member  # noqa: E402
from core.models import Municipality, Organisation, Region, Role, Theme  # noqa: E402
from events.models import Session  # noqa: E402
from events.services import register_user  # noqa: E402
from learning.models import Verb  # noqa: E402
from learning.routes import add_to_route  # noqa: E402
from learning.services import record_statement  # noqa: E402
from tracks.models import Cohort  # noqa: E402
from tracks.services import register_for_track  # noqa: E402

WORDS = [
    *("armoede", "schulden", "gezin", "kinderen", "stress", "geldzorgen", "wonen", "huur"),
    *("schuldhulp", "ervaringsdeskundige", "gesprek", "vertrouwen", "signalen", "regels"),
    *("vroegsignalering", "preventie", "sociaal", "team", "gemeente", "corporatie"),
    *("netwerk", "kapitaal", "leren", "praktijk", "veerkracht", "toeslagen"),
]


def build(items: int) -> None:
    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    catalogue = CatalogueIndexPage.objects.get()
    model = ArticlePage.objects.get(slug="wat-is-overerfbare-armoede")
    regions = Region.objects.all()
    roles, themes = list(Role.objects.all()), list(Theme.objects.all())
    randomly = random.Random(7)
    started = time.perf_counter()
    for number in range(items):
        title = " ".join(randomly.sample(WORDS, randomly.randint(2, 6))).capitalize()
        item = ArticlePage(
            title=f"{title} ({number})",
            slug=f"voorbeeld-{number}",
            summary=model.summary,
            body=model.body,
            learning_form=model.learning_form,
            duration_minutes=5 + number % 90,
        )
        item.regions.set(regions)
        item.roles.set(roles[number % len(roles) :][:2])
        item.themes.set(themes[number % len(themes) :][:2])
        catalogue.add_child(instance=item)
        if number % 1000 == 999:
            print(f"  {number + 1} items in {time.perf_counter() - started:.0f} s", flush=True)
    give_a_year_of_history()


def give_a_year_of_history() -> None:
    """A learner who has used the platform for a year: hundreds of learning records, a route
    of 20 steps, registrations for several sessions, two tracks and a circle."""
    user = get_user_model().objects.create_user(
        username="benchmark.leerling", email=LEARNER, password="leren-over-armoede"
    )
    details = ProfileDetails(
        full_name="Benchmark Leerling (voorbeeld)",
        role=Role.objects.order_by("pk")[0],
        organisation=Organisation.objects.order_by("pk")[0],
        municipality=Municipality.objects.order_by("pk")[0],
    )
    complete_onboarding(user=user, details=details)
    items = list(ArticlePage.objects.filter(slug__startswith="voorbeeld-")[:300])
    year_ago = timezone.now() - timedelta(days=365)
    for number, item in enumerate(items):
        with time_machine.travel(year_ago + timedelta(days=number * 365 / len(items))):
            record_statement(actor=user, verb=Verb.PROGRESSED, activity=item, progress=0.5)
            if number % 2:
                record_statement(actor=user, verb=Verb.COMPLETED, activity=item, completion=True)
    for item in items[:20]:
        add_to_route(user=user, item=item)
    now = timezone.now()
    sessions = Session.objects.filter(event__isnull=False, starts_at__gt=now, round="")
    for session in sessions.order_by("starts_at")[:4]:
        register_user(session=session, user=user)
    cohorts = [c for c in Cohort.objects.order_by("starts_at") if c.is_open_for_registration()]
    for cohort in cohorts[:2]:
        register_for_track(cohort=cohort, user=user)
    add_member(circle=Circle.objects.order_by("pk")[0], user=user)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def gunicorn(app: str, port: int) -> Iterator[None]:
    command = [str(Path(sys.executable).parent / "gunicorn"), app, "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", str(args.workers), "--log-level", "warning"]
    process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                break
            except OSError:
                time.sleep(0.1)
        yield
    finally:
        process.terminate()
        process.wait()


# wrk: a new query string per request (uncached), or the same address (cached); p50 and p95
# printed in microseconds in a line the script parses.
WRK_SCRIPT = """
local counter = 0
local unique = os.getenv("UNIQUE") == "1"
request = function()
  counter = counter + 1
  local path = wrk.path
  if unique then
    local separator = string.find(path, "?", 1, true) and "&" or "?"
    path = path .. separator .. "v=" .. counter .. "-" .. math.random(1, 1000000000)
  end
  return wrk.format(nil, path)
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %d %d %d %d\\n", summary.requests, summary.errors.status
    + summary.errors.connect + summary.errors.read + summary.errors.timeout,
    latency:percentile(50), latency:percentile(95)))
end
"""


def drive(
    port: int, path: str, *, unique: bool, cookie: str = ""
) -> tuple[float, float, float, int]:
    """Requests per second, p50 and p95 in milliseconds, and failed requests."""
    script = Path(tempfile.mkstemp(suffix=".lua")[1])
    script.write_text(WRK_SCRIPT)
    command = ["wrk", "-t2", f"-c{args.connections}", f"-d{args.seconds}s", "--timeout", "30s"]
    command += ["-s", str(script)]
    command += ["-H", f"Host: {HOST}:8000"]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(
        [*command, f"http://127.0.0.1:{port}{path}"],
        env={**os.environ, "UNIQUE": "1" if unique else "0"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    script.unlink()
    result = re.search(r"RESULT (\d+) (\d+) (\d+) (\d+)", output)
    assert result, output
    requests, errors, p50, p95 = map(int, result.groups())
    return requests / args.seconds, p50 / 1000, p95 / 1000, errors


def queries(client: Client, path: str) -> int:
    separator = "&" if "?" in path else "?"
    client.get(path)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(f"{path}{separator}v=count")
    assert response.status_code == 200, (path, response.status_code)
    return len(captured)


def main() -> None:
    fresh = not (args.keep and args.keep.exists())
    if fresh:
        print(f"Building: demo and {args.items} items ...", flush=True)
        build(args.items)
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)

    learner = get_user_model().objects.get(email=LEARNER)
    visitor, member = Client(HTTP_HOST=HOST), Client(HTTP_HOST=HOST)
    member.force_login(learner)
    cookie = f"sessionid={member.cookies['sessionid'].value}"
    coordinator = Client(HTTP_HOST=HOST)
    coordinator.force_login(get_user_model().objects.get(email=COORDINATOR))
    coordinator_cookie = f"sessionid={coordinator.cookies['sessionid'].value}"
    item = f"/aanbod/voorbeeld-{args.items // 2}/" if args.items else "/aanbod/"
    circle = Circle.objects.get(memberships__user=learner)
    public = ["/", "/aanbod/", "/aanbod/?sorteer=titel&leervorm=theorie", item]
    public += ["/aanbod/webinar-generatiearmoede/", "/agenda/", "/leergangen/"]
    public += ["/aanbod/driedaagse-leergang-de-armoedespiraal-doorbreken/"]
    public += ["/begrippen/", "/zoeken/?q=schulden", "/leerkringen/"]
    # The API's lists (JSON is not in the page cache: "cached" asks the same address again).
    public += ["/api/v1/aanbod/", "/api/v1/aanbod/?thema=vroegsignalering&sorteer=titel"]
    public += ["/api/v1/agenda/", "/api/v1/leergangen/", "/api/v1/begrippen/"]
    public += ["/api/v1/nieuws/", "/api/v1/monitor/"]
    personal = ["/mijn/", "/aanbod/", "/agenda/", item, f"/leerkringen/{circle.slug}/overzicht/"]
    if args.only:
        public = [page for page in public if args.only in page]
        personal = [page for page in personal if args.only in page]

    port, hello_port = free_port(), free_port()
    rows = []
    with gunicorn("benchmarks.hello_world:application", hello_port):
        hello = drive(hello_port, "/", unique=True)
    print(f"\nhello-world: {hello[0]:,.0f} req/s, p50 {hello[1]:.1f} ms, p95 {hello[2]:.1f} ms")
    print(f"load average before the pages: {os.getloadavg()[0]:.1f}")
    with gunicorn("config.wsgi", port):
        # Every worker imports and compiles on its first requests: not part of any page.
        drive(port, "/", unique=True)
        for path in public:
            rows.append(("uncached", path, *drive(port, path, unique=True), queries(visitor, path)))
            print(*rows[-1], flush=True)
        for path in public:
            rows.append(("cached", path, *drive(port, path, unique=False), queries(visitor, path)))
        for path in personal:
            measured = drive(port, path, unique=True, cookie=cookie)
            rows.append(("logged in", path, *measured, queries(member, path)))
        # The reach report, as the demo's coordinator reads it (issue 14).
        measured = drive(port, "/rapportages/", unique=True, cookie=coordinator_cookie)
        rows.append(
            ("coordinator", "/rapportages/", *measured, queries(coordinator, "/rapportages/"))
        )

    vendor = "PostgreSQL" if DATABASE_NAME else "SQLite"
    print(
        f"\n{ArticlePage.objects.count():,} articles on {vendor}, {args.workers} workers, "
        f"{args.connections} connections, {args.seconds} s per page\n"
    )
    print("| page | how | req/s | vs hello-world | p50 ms | p95 ms | queries | failed |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for how, path, rate, p50, p95, failed, count in rows:
        print(
            f"| {path} | {how} | {rate:,.0f} | {100 * rate / hello[0]:.1f} % | {p50:.1f} "
            f"| {p95:.1f} | {count} | {failed} |"
        )


try:
    main()
finally:
    if DATABASE_NAME:
        connection.close()
        with psycopg.connect(SERVER_URL, autocommit=True) as server:
            server.execute(f'DROP DATABASE IF EXISTS "{DATABASE_NAME}" WITH (FORCE)')
