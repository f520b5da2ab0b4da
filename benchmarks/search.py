"""Speed of the search at /zoeken/ over a large index.

Builds a throw-away database (SQLite in a temporary folder; PostgreSQL when DATABASE_URL
points at a server, in a database of its own that is dropped afterwards), bulk-inserts
--entries index entries with generated Dutch-like text, then runs about thirty different
queries: single words, two words, inflected forms and words no entry holds. For each it
prints the number of hits, median and 95th percentile in ms of the search itself (the
ranked query, the first page of 20 entries and their snippets), and at the end the same
over all queries plus whole uncached page requests through the middleware stack.

    .venv/bin/python benchmarks/search.py [--entries 20000] [--repeat 20]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test .venv/bin/python benchmarks/search.py
"""

import argparse
import itertools
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
os.environ["DEBUG"] = "false"
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.mkdtemp()}/benchmark.sqlite3")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402

from core.models import Region  # noqa: E402
from core.tests.factories import create_portal  # noqa: E402
from glossary.models import Term  # noqa: E402
from search.models import SearchEntry  # noqa: E402
from search.text import query_stems, snippet, stems  # noqa: E402

PAGE_SIZE = 20
DOMAIN_TEXT = """
    armoede schuld schulden gezin gezinnen kind kinderen ouder ouders jongere jongeren
    training trainingen casuïstiek ervaringsdeskundige ervaringsdeskundigen stress
    bestaanszekerheid toeslag toeslagen uitkering uitkeringen gemeente gemeenten wijk
    buurt school leerkracht huisarts wijkteam schuldhulpverlening incasso deurwaarder
    betalingsachterstand budget inkomen armoedeval energiearmoede voedselbank
    vroegsignalering bejegening gesprek gesprekken signalen signaal vertrouwen netwerk
    organisatie organisaties medewerker medewerkers vrijwilliger vrijwilligers regeling
    regelingen kapitaal sociaal sociale financieel financiële emotioneel cultureel
    pedagogisch praktijkopdracht kennisclip podcast leerkring leergang webinar
    intergenerationeel patroon doorbreken herkennen ondersteunen luisteren begeleiden
"""
FILLER_TEXT = """
    de het een en van in op met voor door bij naar over uit als dat die dit wat hoe
    je we ze zij hij wordt worden kan kunnen moet heeft hebben is zijn was goed nieuw
    vaak soms samen eerst daarna waarom omdat want maar ook nog meer minder veel weinig
"""
SYLLABLE_TEXT = (
    "ba be bo de di do ge ha ke la le lo me mi na ne no pe ra re ri sa se so te ti va ve wo"
)
DOMAIN_WORDS = DOMAIN_TEXT.split()
FILLER_WORDS = FILLER_TEXT.split()
SYLLABLES = SYLLABLE_TEXT.split()
QUERIES = [
    "schulden",
    "schuld",
    "gezinnen",
    "gezin",
    "trainingen",
    "casuistiek",
    "casuïstiek",
    "ervaringsdeskundigen",
    "armoede",
    "kinderen",
    "toeslagen",
    "deurwaarder",
    "voedselbank",
    "bestaanszekerheid",
    "signaal",
    "gemeenten",
    "schulden gezinnen",
    "armoede kinderen",
    "training bejegening",
    "vroegsignalering wijkteam",
    "incasso deurwaarder",
    "financiële stress",
    "sociale netwerk",
    "energiearmoede huisarts",
    "gesprekken met ouders",
    "leren",
    "leren schulden",
    "xylofoon",
    "kwantumfysica",
    "zzzzz",
    "schulden kwantumfysica",
    "de het een",
]


def pseudo_words(rng: random.Random, count: int) -> list[str]:
    """Made-up words, so the vocabulary is as large as real text's."""
    return [
        "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) + rng.choice("nrstlk")
        for _ in range(count)
    ]


def sentence_maker(rng: random.Random) -> Callable[[int, int], str]:
    vocabulary = pseudo_words(rng, 6000)
    # Zipf-like: a few words are in most texts, most words are rare. The domain words get
    # ranks from 20 to 2000, so each is in roughly 1 to 60 % of the entries; "leren" is
    # in nearly all of them, the worst case.
    for word in DOMAIN_WORDS:
        vocabulary.insert(int(20 * 100 ** rng.random()), word)
    vocabulary.insert(0, "leren")
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]
    cumulative = list(itertools.accumulate(weights))

    def text(low: int, high: int) -> str:
        count = rng.randint(low, high)
        words = rng.choices(vocabulary, cum_weights=cumulative, k=count)
        fillers = rng.choices(FILLER_WORDS, k=count)
        return " ".join(word for pair in zip(fillers, words, strict=True) for word in pair)

    return text


def build_index(count: int) -> tuple[Region, Region]:
    groningen = create_portal("groningen", default=True).region
    drenthe = create_portal("drenthe").region
    rng = random.Random(20)
    text = sentence_maker(rng)
    # Entries point at terms: cheap rows to satisfy the page-or-term constraint.
    terms = Term.objects.bulk_create(
        Term(name=f"Begrip {number}", slug=f"begrip-{number}", short_definition="")
        for number in range(count)
    )
    content_type = ContentType.objects.get_for_model(Term)
    entries = []
    for term in terms:
        title = text(2, 5).capitalize()
        body = text(20, 150) + "."
        entries.append(
            SearchEntry(
                kind=SearchEntry.Kind.ITEM,
                term=term,
                content_type=content_type,
                title=title,
                body=body,
                url_path=f"/aanbod/{term.slug}/",
                in_all_regions=rng.random() < 0.1,
                title_stems=" ".join(stems(title)),
                body_stems=" ".join(stems(body)),
            )
        )
    entries = SearchEntry.objects.bulk_create(entries, batch_size=1000)
    marks = []
    for entry in entries:
        if entry.in_all_regions:
            continue
        shown_in = rng.choice([[groningen], [drenthe], [groningen, drenthe]])
        marks += [SearchEntry.regions.through(searchentry=entry, region=r) for r in shown_in]
    SearchEntry.regions.through.objects.bulk_create(marks, batch_size=5000)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return groningen, drenthe


def search(query: str, region: Region) -> int:
    """What the view does before rendering."""
    wanted = query_stems(query)
    ids = SearchEntry.objects.ranked_ids(wanted, region=region)
    entries = SearchEntry.objects.for_display().in_bulk(ids[:PAGE_SIZE])
    for entry in entries.values():
        snippet(entry.body, wanted)
        _label = entry.kind_label
    return len(ids)


def summary(durations: list[float]) -> str:
    p95 = statistics.quantiles(durations, n=20)[18]
    return f"median {statistics.median(durations) * 1000:6.2f} ms  p95 {p95 * 1000:6.2f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    vendor = connection.vendor
    database = settings.DATABASES["default"]
    # A file for SQLite (an in-memory database would flatter it); a database of its own
    # on a PostgreSQL server, so the one in DATABASE_URL is left alone.
    database["TEST"]["NAME"] = database["NAME"] if vendor == "sqlite" else "benchmark_search"
    original_name = connection.creation.create_test_db(
        verbosity=0, autoclobber=True, serialize=False
    )
    try:
        start = time.perf_counter()
        groningen, drenthe = build_index(args.entries)
        print(
            f"{SearchEntry.objects.count()} entries on {vendor}, "
            f"built in {time.perf_counter() - start:.1f} s\n"
        )
        run(args.repeat, groningen, drenthe)
    finally:
        connection.creation.destroy_test_db(original_name, verbosity=0)


def run(repeat: int, groningen: Region, drenthe: Region) -> None:
    every: list[float] = []
    for query in QUERIES:
        durations = []
        hits = 0
        for number in range(repeat):
            region = (groningen, drenthe)[number % 2]
            start = time.perf_counter()
            hits = search(query, region)
            durations.append(time.perf_counter() - start)
        every += durations
        print(f"{query:32} {hits:6} hits  {summary(durations)}")
    print(f"\n{'all queries':32} {len(every):6} runs  {summary(every)}")

    static = {"staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    with override_settings(STORAGES={**settings.STORAGES, **static}):
        client = Client(HTTP_HOST="groningen.localhost")
        client.get("/zoeken/?q=opwarmen")
        pages = []
        for number, query in enumerate(QUERIES * 3):
            start = time.perf_counter()
            # A new query string each time misses the page cache, as a first search does.
            response = client.get("/zoeken/", {"q": query, "v": str(number)})
            pages.append(time.perf_counter() - start)
            assert response.status_code == 200, (query, response.status_code)
    print(f"{'whole page /zoeken/ (uncached)':32} {len(pages):6} runs  {summary(pages)}")


if __name__ == "__main__":
    main()
