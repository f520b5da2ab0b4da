"""Speed of the search at /zoeken/ over a large index.

Builds a throw-away database (SQLite in a temporary folder; PostgreSQL when DATABASE_URL
points at a server, in a database of its own that is dropped afterwards), bulk-inserts
--entries index entries of real Dutch text (the sentences of the source documents and
of the demo content, shuffled and combined into texts of varied length), then runs about
thirty different queries: single words, inflected forms, common words, two words and
words no entry holds. For each it prints the number of hits (at most the 1,000 the page
lists, plus one), median and 95th percentile in ms of the search itself (the ranked
query, the first page of 20 entries and their snippets); then the same per class of
query and over all, and for whole uncached page requests through the middleware stack.

    .venv/bin/python benchmarks/search.py [--entries 20000] [--repeat 20]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test .venv/bin/python benchmarks/search.py
"""

import argparse
import ast
import os
import random
import re
import statistics
import sys
import tempfile
import time
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
from search.querysets import RESULT_LIMIT  # noqa: E402
from search.text import query_stems, snippet, stems  # noqa: E402

PAGE_SIZE = 20
ROOT = Path(__file__).resolve().parent.parent
SEEDS = Path("/work/shared/seeds")
# Words that mark a sentence as Dutch; the demo modules hold English docstrings as well.
DUTCH_MARKERS = frozenset(
    ["de", "het", "een", "en", "van", "je", "is", "in", "op", "te", "voor", "met", "die", "dat"]
)
ENGLISH_MARKERS = frozenset(["the", "and", "of", "to", "is", "are", "for", "with", "this", "that"])
# (class, query): one or two words, inflected forms, rare and common words, no match.
QUERIES = [
    ("one word", "schulden"),
    ("one word", "gezin"),
    ("one word", "trainingen"),
    ("one word", "ervaringsdeskundigen"),
    ("one word", "schuldhulpverlening"),
    ("one word", "bestaanszekerheid"),
    ("one word", "gemeenten"),
    ("one word", "vroegsignalering"),
    ("inflected", "schuld"),
    ("inflected", "gezinnen"),
    ("inflected", "casuistiek"),
    ("inflected", "casuïstiek"),
    ("inflected", "kind"),
    ("inflected", "organisaties"),
    ("common word", "armoede"),
    ("common word", "leren"),
    ("common word", "professionals"),
    ("common word", "kinderen"),
    ("two words", "schulden gezinnen"),
    ("two words", "armoede kinderen"),
    ("two words", "training bejegening"),
    ("two words", "vroegsignalering wijkteam"),
    ("two words", "financiële stress"),
    ("two words", "sociale netwerk"),
    ("two words", "gesprekken met ouders"),
    ("two words", "leren armoede"),
    ("two words", "overerfbare armoede"),
    ("no match", "xylofoon"),
    ("no match", "kwantumfysica"),
    ("no match", "zzzzz"),
    ("no match", "schulden kwantumfysica"),
    ("no match", "de het een"),
]


def dutch_sentences() -> list[str]:
    """Real Dutch: the sentences of the source documents and of the demo content (pages,
    glossary, events, circles), each once."""
    texts = [re.sub(r"[*#|]", " ", path.read_text()) for path in sorted(SEEDS.glob("0*.txt"))]
    for module in sorted((ROOT / "demo").glob("*.py")):
        for node in ast.walk(ast.parse(module.read_text())):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                texts.append(re.sub(r"<[^>]+>", " ", node.value))
    sentences = []
    for text in texts:
        for sentence in re.split(r"(?<=[.!?])\s+", " ".join(text.split())):
            words = {word.lower() for word in sentence.split()}
            if len(words) >= 4 and words & DUTCH_MARKERS and not words & ENGLISH_MARKERS:
                sentences.append(sentence)
    return list(dict.fromkeys(sentences))


def entry_texts(rng: random.Random, sentences: list[str]) -> tuple[str, str]:
    """A title of a few words and a body of 1 to about 80 sentences, most of them short
    (log-uniform), shuffled from the pool: texts of varied length, no two alike."""
    words = rng.choice(sentences).rstrip(".!?").split()
    start = rng.randrange(max(len(words) - 3, 1))
    title = " ".join(words[start : start + rng.randint(3, 8)]).capitalize()
    count = int(80 ** rng.random())
    body = " ".join(rng.sample(sentences, count))
    return title, body


def build_index(count: int) -> tuple[Region, Region]:
    groningen = create_portal("groningen", default=True).region
    drenthe = create_portal("drenthe").region
    rng = random.Random(20)
    sentences = dutch_sentences()
    # Entries point at terms: cheap rows to satisfy the page-or-term constraint.
    terms = Term.objects.bulk_create(
        Term(name=f"Begrip {number}", slug=f"begrip-{number}", short_definition="")
        for number in range(count)
    )
    content_type = ContentType.objects.get_for_model(Term)
    entries = []
    for term in terms:
        title, body = entry_texts(rng, sentences)
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
    ids = SearchEntry.objects.ranked_ids(wanted, region=region)[:RESULT_LIMIT]
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
    by_class: dict[str, list[float]] = {}
    for query_class, query in QUERIES:
        durations = []
        hits = 0
        for number in range(repeat):
            region = (groningen, drenthe)[number % 2]
            start = time.perf_counter()
            hits = search(query, region)
            durations.append(time.perf_counter() - start)
        by_class.setdefault(query_class, []).extend(durations)
        print(f"{query:32} {hits:6} hits  {summary(durations)}")
    print()
    for query_class, durations in by_class.items():
        print(f"{query_class:32} {len(durations):6} runs  {summary(durations)}")
    every = [duration for durations in by_class.values() for duration in durations]
    print(f"{'all queries':32} {len(every):6} runs  {summary(every)}")

    static = {"staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    pages: dict[str, list[float]] = {}
    with override_settings(STORAGES={**settings.STORAGES, **static}):
        client = Client(HTTP_HOST="groningen.localhost")
        client.get("/zoeken/?q=opwarmen")
        for number, (query_class, query) in enumerate(QUERIES * 3):
            start = time.perf_counter()
            # A new query string each time misses the page cache, as a first search does.
            response = client.get("/zoeken/", {"q": query, "v": str(number)})
            pages.setdefault(query_class, []).append(time.perf_counter() - start)
            assert response.status_code == 200, (query, response.status_code)
    print()
    for query_class, durations in pages.items():
        print(f"{'page, ' + query_class:32} {len(durations):6} runs  {summary(durations)}")
    every = [duration for durations in pages.values() for duration in durations]
    print(f"{'whole page /zoeken/ (uncached)':32} {len(every):6} runs  {summary(every)}")


if __name__ == "__main__":
    main()
