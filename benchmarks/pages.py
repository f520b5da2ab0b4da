"""Throughput of public pages, uncached and from the page cache, against hello-world.

Builds a throw-away SQLite database with the demo content plus --items extra learning
items, then requests pages in-process through the full middleware stack and prints
requests per second, median and 95th percentile per case, and SQL queries per page.
Hello-world is a plain view without middleware, the fairest baseline.

    .venv/bin/python benchmarks/pages.py [--items 1000] [--seconds 3]
"""

import argparse
import io
import itertools
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
os.environ["DEBUG"] = "false"
os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/benchmark.sqlite3"

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.http import HttpRequest, HttpResponse  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import path  # noqa: E402
from wagtail.models import Page  # noqa: E402

from catalogue.models import ArticlePage, CatalogueIndexPage  # noqa: E402
from core.models import Region, Role, Theme  # noqa: E402


def hello(request: HttpRequest) -> HttpResponse:
    return HttpResponse("Hello, world")


urlpatterns = [path("hello/", hello)]


def measure(client: Client, urls: Callable[[], str], seconds: float) -> list[float]:
    durations: list[float] = []
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        url = urls()
        start = time.perf_counter()
        response = client.get(url)
        durations.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    return durations


def report(name: str, durations: list[float], baseline: float | None) -> float:
    rate = len(durations) / sum(durations)
    p95 = statistics.quantiles(durations, n=20)[18]
    share = f"{100 * rate / baseline:6.1f} % of hello-world" if baseline else ""
    print(
        f"{name:48} {len(durations):6} requests  {rate:8.0f}/s  median "
        f"{statistics.median(durations) * 1000:6.2f} ms  p95 {p95 * 1000:6.2f} ms  {share}"
    )
    return rate


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=io.StringIO())
    # Extra learning items like the demo's, so lists and facets work on real volumes.
    catalogue = CatalogueIndexPage.objects.get()
    model = ArticlePage.objects.get(slug="wat-is-overerfbare-armoede")
    regions, roles, themes = (
        list(Region.objects.all()),
        list(Role.objects.all()),
        list(Theme.objects.all()),
    )
    for number in range(args.items):
        item = ArticlePage(
            title=f"Voorbeeldonderdeel {number}",
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
    print(f"{ArticlePage.objects.count()} articles, {Page.objects.count()} pages, SQLite\n")

    static = {"staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    with override_settings(STORAGES={**django.conf.settings.STORAGES, **static}):
        with override_settings(MIDDLEWARE=[], ROOT_URLCONF=__name__):
            bare = Client()
            baseline = report(
                "hello-world (no middleware)",
                measure(bare, lambda: "/hello/", args.seconds),
                None,
            )
        client = Client(HTTP_HOST="drenthe.localhost:8000")
        urls = (
            "/",
            "/over/",
            "/aanbod/",
            "/aanbod/?rol=schuldhulpverlener&leervorm=theorie&sorteer=titel",
            "/aanbod/wat-is-overerfbare-armoede/",
            f"/aanbod/voorbeeld-{args.items // 2}/",
            "/begrippen/",
            "/zoeken/?q=gezinnen+schulden",
            "/agenda/",
            "/aanbod/webinar-generatiearmoede/",
            "/leergangen/",
            "/aanbod/driedaagse-leergang-de-armoedespiraal-doorbreken/",
            "/leerkringen/",
            # With ../shared/data beside the checkout the demo imports the CBS figures.
            "/monitor/",
            "/monitor/?indicator=bijstand_per_1000_inwoners&sorteer=-waarde",
            "/monitor/emmen/",
        )
        for url in urls:
            separator = "&" if "?" in url else "?"
            client.get(url)
            with CaptureQueriesContext(connection) as queries:
                client.get(f"{url}{separator}v=first")
            # A new query string each time misses the page cache, as a first visit does;
            # the portal's site, region and menus stay cached, as on a live server.
            fresh = (f"{url}{separator}v={number}" for number in itertools.count())
            report(
                f"{url} uncached ({len(queries)} queries)",
                measure(client, fresh.__next__, args.seconds),
                baseline,
            )
            cached = itertools.repeat(url)
            report(
                f"{url} from page cache", measure(client, cached.__next__, args.seconds), baseline
            )


if __name__ == "__main__":
    main()
