"""Every list of the public API answers in a fixed number of queries, whatever its size.

The larger size is 100 rows where each row is a Wagtail page built one by one (see
catalogue's tests), more where rows are made in bulk. Each list is asked for a page of 100,
so every row of the larger size is serialised."""

from datetime import timedelta
from decimal import Decimal

import pytest

from catalogue.tests.factories import create_item
from core.models import Municipality
from events.tests.factories import create_event
from glossary.models import Term
from glossary.tests.factories import create_terms
from monitor.models import Figure, Indicator, Source
from news.tests.factories import create_news, create_news_index
from tracks.tests.factories import create_track, plan

ALL = "?per_pagina=100"


def count_rows(client, path: str, queries: int, django_assert_num_queries, expected: int) -> None:
    client.get(path + "&v=0")  # warms portal data and facet choices, not these counts
    with django_assert_num_queries(queries):
        response = client.get(path)
    assert response.status_code == 200
    assert len(response.json()["results"]) == expected


@pytest.mark.parametrize("count", [10, 100])
def test_items(client, catalogue, groningen, django_assert_num_queries, count):
    for number in range(count):
        create_item(catalogue, slug=f"item-{number}", regions=[groningen.region])
    client.get(f"/api/v1/begrippen/{ALL}")  # warms the portal's data, not this list
    # A list asked for the first time: the portal's view restrictions and site, the facets'
    # options, then the count, the page's rows, the items and each kind of term.
    with django_assert_num_queries(17):
        response = client.get(f"/api/v1/aanbod/{ALL}")
    assert len(response.json()["results"]) == count
    # Another choice: its count and rows, but the items' data is known.
    with django_assert_num_queries(2):
        response = client.get(f"/api/v1/aanbod/{ALL}&thema=vroegsignalering")
    assert len(response.json()["results"]) == count
    # The same list again, for another client: all in memory.
    with django_assert_num_queries(0):
        response = client.get(f"/api/v1/aanbod/{ALL}&v=1")
    assert len(response.json()["results"]) == count


@pytest.mark.parametrize("count", [10, 100])
def test_sessions(client, catalogue, regions, django_assert_num_queries, count):
    create_event(catalogue, regions=regions, sessions=count)
    count_rows(client, f"/api/v1/agenda/{ALL}", 3, django_assert_num_queries, count)


@pytest.mark.parametrize("count", [10, 30])
def test_tracks(client, catalogue, regions, django_assert_num_queries, count):
    for number in range(count):
        track = create_track(
            catalogue, regions=regions, slug=f"leergang-{number}", days=1, with_assignments=False
        )
        plan(track, starts_in=timedelta(days=10 + number))
    count_rows(client, f"/api/v1/leergangen/{ALL}", 9, django_assert_num_queries, count)


@pytest.mark.parametrize("count", [10, 500])
def test_glossary(client, db, django_assert_num_queries, count):
    terms = create_terms(count)
    Term.related_terms.through.objects.bulk_create(
        Term.related_terms.through(from_term=term, to_term=other)
        for term in terms
        for other in terms[:2]
        if other != term
    )
    count_rows(
        client, f"/api/v1/begrippen/{ALL}&pagina=1", 3, django_assert_num_queries, min(count, 100)
    )


@pytest.mark.parametrize("count", [10, 100])
def test_news(client, regions, django_assert_num_queries, count):
    index = create_news_index(regions)
    for number in range(count):
        create_news(index, slug=f"bericht-{number}", regions=regions)
    count_rows(client, f"/api/v1/nieuws/{ALL}", 3, django_assert_num_queries, count)


@pytest.mark.parametrize("count", [10, 500])
def test_monitor(client, groningen, django_assert_num_queries, count):
    source = Source.objects.create(year=2022, title="CBS", licence="CC BY 4.0", file_name="x")
    indicators = Indicator.objects.bulk_create(
        Indicator(key=f"kolom_{number}", unit="percent") for number in range(count // 10)
    )
    municipalities = Municipality.objects.bulk_create(
        Municipality(name=f"Gemeente {number}", cbs_code=f"GM{number:04d}", region=groningen.region)
        for number in range(10)
    )
    Figure.objects.bulk_create(
        Figure(
            municipality=municipality,
            indicator=indicator,
            year=2022,
            value=Decimal(1),
            source=source,
        )
        for municipality in municipalities
        for indicator in indicators
    )
    count_rows(client, f"/api/v1/monitor/{ALL}", 3, django_assert_num_queries, min(count, 100))
