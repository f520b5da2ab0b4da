"""The whole API against its own OpenAPI schema (schemathesis, property-based).

A real server (pytest-django's live server) answers; schemathesis reads /api/v1/schema/
from it and sends generated requests to every operation, valid and invalid ones. Each
answer must be no server error and match the schema: its status code, content type and
body. Few examples per operation keep the run short; every operation is covered."""

from datetime import timedelta
from decimal import Decimal
from itertools import product

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from api.services import create_access_token
from catalogue.tests.factories import create_catalogue, create_item
from core.models import Municipality
from events.models import Session
from events.services import register_user
from events.tests.factories import create_event, create_user
from glossary.tests.factories import create_terms
from monitor.models import Figure, Indicator, Source
from news.tests.factories import create_news, create_news_index
from tracks.tests.factories import create_track, plan

EXAMPLES = 15
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture
def api_data(transactional_db, groningen, drenthe, settings):
    settings.API_RATE_LIMIT = "100000/minute"
    regions = [groningen.region, drenthe.region]
    catalogue = create_catalogue(regions)
    create_item(catalogue, slug="artikel", regions=regions, has_captions=True)
    create_event(catalogue, regions=regions, sessions=2)
    plan(create_track(catalogue, regions=regions, days=1), starts_in=timedelta(days=5))
    create_terms(3)
    create_news(create_news_index(regions), slug="bericht", regions=regions)
    source = Source.objects.create(year=2022, title="CBS", licence="CC BY 4.0", file_name="x")
    Figure.objects.create(
        municipality=Municipality.objects.create(
            name="Assen", cbs_code="GM0106", region=drenthe.region
        ),
        indicator=Indicator.objects.create(key="pct_huishoudens_laag_inkomen", unit="percent"),
        year=2022,
        value=Decimal("8.1"),
        source=source,
    )
    person = create_user("anna")
    register_user(session=Session.objects.earliest("starts_at"), user=person)
    _token, secret = create_access_token(user=person, name="HR-systeem")
    return {"Authorization": f"Bearer {secret}"}


# Schemathesis's own pytest integration (`from_fixture`) does not run under pytest 9, so
# the test draws the cases from each operation's Hypothesis strategy itself.
# One test for both kinds of cases: the live server's database is emptied after each test,
# Wagtail's root page with it. So it runs apart from the suite (marked `concurrency`, as
# every transactional test), and restores what the migrations made first.
@pytest.mark.concurrency
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_every_operation_conforms_to_the_schema(api_data, live_server):
    schema = schemathesis.openapi.from_url(f"{live_server.url}/api/v1/schema/?format=json")
    operations = [result.ok() for result in schema.get_all_operations()]  # type: ignore[union-attr]
    assert len(operations) == 11
    for operation, mode in product(operations, GenerationMode):

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def conforms(case):
            case.call_and_validate(base_url=live_server.url, checks=CHECKS, headers=api_data)

        try:
            conforms()
        except Unsatisfiable:
            # Some operations have no parameter that can be made invalid (a path's string).
            assert mode is GenerationMode.NEGATIVE, operation.label
