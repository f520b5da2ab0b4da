"""Recommendation rules, and `recommend` against a real catalogue."""

from collections import Counter
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from accounts.tests.factories import LearningFormFactory, ProfileFactory, RoleFactory
from catalogue.models import PracticeAssignmentPage
from catalogue.tests.factories import create_item, learning_form
from core.cache import invalidate_page_cache
from core.models import Role
from learning.models import Verb
from learning.recommendations import diversify, recommend, score
from learning.routes import Candidate, add_to_route
from learning.services import record_statement, save_answers


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


# --- rules -----------------------------------------------------------------------------


def test_diversify_allows_two_of_a_form_while_others_are_left():
    ranked = ["a1", "a2", "a3", "a4", "b1", "c1", "c2", "c3"]
    chosen = diversify(ranked, form_of=lambda entry: ord(entry[0]), limit=6)
    assert chosen == ["a1", "a2", "b1", "c1", "c2", "a3"]  # a3 only when no other form is left
    assert diversify(["a1", "a2", "a3"], form_of=lambda e: 1, limit=6) == ["a1", "a2", "a3"]


def test_score_prefers_colleagues_then_themes_then_role_then_form():
    role = Role(pk=5, name="Schuldhulpverlener")
    item = Candidate(
        page_id=1,
        title="Item",
        duration_minutes=10,
        level="",
        learning_form_id=3,
        role_ids=frozenset({5}),
        theme_ids=frozenset({8}),
    )
    kwargs: dict[str, Any] = {"role": role, "learning_forms": {3: "Kijken"}}
    with_all = score(item, **kwargs, done_themes={8: "Bejegening"}, colleague_counts={1: 2})
    assert with_all is not None
    assert with_all.reason == "Colleagues in your role often completed this."
    themes = score(item, **kwargs, done_themes={8: "Bejegening"}, colleague_counts={})
    assert themes is not None and themes.reason == "Because you learned about Bejegening before."
    role_only = score(item, **kwargs, done_themes={}, colleague_counts={})
    assert role_only is not None
    assert role_only.reason == "Because it fits your role Schuldhulpverlener."
    assert with_all.points > themes.points > role_only.points
    nothing = score(item, role=None, learning_forms={}, done_themes={}, colleague_counts={})
    assert nothing is None


# --- recommend -------------------------------------------------------------------------


@pytest.fixture
def forms():
    return {
        "theorie": learning_form("theorie", "theory"),
        "kijken": learning_form("kijken", "watching"),
        "doen": learning_form("doen", "doing"),
    }


def item(catalogue, region, slug, *, form, roles=("schuldhulpverlener",), themes=("x",)):
    return create_item(
        catalogue, slug=slug, regions=[region], form=form, roles=roles, themes=themes
    )


def test_a_person_gets_items_of_their_role_and_forms_never_completed(catalogue, groningen, forms):
    region = groningen.region
    profile = ProfileFactory.create(role=RoleFactory.create(slug="schuldhulpverlener"))
    profile.learning_forms.set([forms["kijken"]])
    done = item(catalogue, region, "gedaan", form=forms["kijken"], themes=("eigen",))
    watch = item(catalogue, region, "kijk", form=forms["kijken"])
    read = item(catalogue, region, "lees", form=forms["theorie"])
    item(catalogue, region, "ander-werk", form=forms["theorie"], roles=("beleid",))
    record_statement(actor=profile.user, verb=Verb.COMPLETED, activity=done)
    result = recommend(user=profile.user, region=region)
    assert [r.page.pk for r in result] == [watch.pk, read.pk]
    assert result[0].reason == f"Because it fits your role {profile.role}."


def test_themes_of_completed_items_lead_to_more(catalogue, groningen, forms):
    region = groningen.region
    profile = ProfileFactory.create(role=RoleFactory.create(slug="wijkteam"))
    done = item(
        catalogue, region, "gedaan", form=forms["doen"], roles=("ander",), themes=("bejegening",)
    )
    more = item(
        catalogue, region, "meer", form=forms["doen"], roles=("ander",), themes=("bejegening",)
    )
    item(catalogue, region, "los", form=forms["doen"], roles=("ander",), themes=("wgs",))
    record_statement(actor=profile.user, verb=Verb.COMPLETED, activity=done)
    result = recommend(user=profile.user, region=region)
    assert [r.page.pk for r in result] == [more.pk]
    assert result[0].reason == "Because you learned about Bejegening before."


def test_top_six_has_at_most_two_of_one_form_while_others_exist(catalogue, groningen, forms):
    region = groningen.region
    for name, count in (("theorie", 5), ("kijken", 3), ("doen", 3)):
        for n in range(count):
            item(catalogue, region, f"{name}-{n}", form=forms[name])
    role = Role.objects.get(slug="schuldhulpverlener")
    result = recommend(role=role, region=region)
    assert len(result) == 6
    assert set(Counter(r.page.learning_form.slug for r in result).values()) == {2}


def test_without_history_colleagues_in_the_role_lead(catalogue, groningen, forms):
    region = groningen.region
    role = RoleFactory.create(slug="schuldhulpverlener")
    popular = item(catalogue, region, "populair", form=forms["doen"], roles=("ander",))
    less = item(catalogue, region, "minder", form=forms["doen"], roles=("ander",))
    fits = item(catalogue, region, "past", form=forms["theorie"])
    for _ in range(3):
        colleague = ProfileFactory.create(role=role)
        record_statement(actor=colleague.user, verb=Verb.COMPLETED, activity=popular)
    record_statement(
        actor=ProfileFactory.create(role=role).user, verb=Verb.COMPLETED, activity=less
    )
    # Completions in another role do not count.
    for _ in range(5):
        record_statement(actor=ProfileFactory.create().user, verb=Verb.COMPLETED, activity=less)
    newcomer = ProfileFactory.create(role=role)
    result = recommend(user=newcomer.user, region=region)
    assert [r.page.pk for r in result] == [popular.pk, less.pk, fits.pk]
    assert result[0].reason == "Colleagues in your role often completed this."
    # A visitor who chooses the role gets the same.
    assert [r.page.pk for r in recommend(role=role, region=region)] == [
        popular.pk,
        less.pk,
        fits.pk,
    ]


def test_records_of_a_removed_account_still_count_for_colleagues(catalogue, groningen, forms):
    region = groningen.region
    role = RoleFactory.create(slug="schuldhulpverlener")
    item(catalogue, region, "past", form=forms["theorie"])
    popular = item(catalogue, region, "populair", form=forms["doen"], roles=("ander",))
    gone = ProfileFactory.create(role=role)
    record_statement(actor=gone.user, verb=Verb.COMPLETED, activity=popular)
    gone.user.delete()
    assert recommend(role=role, region=region)[0].page.pk == popular.pk


def test_other_portals_and_drafts_are_never_recommended(catalogue, groningen, drenthe, forms):
    role = RoleFactory.create(slug="schuldhulpverlener")
    item(catalogue, drenthe.region, "drenthe", form=forms["doen"])
    draft = item(catalogue, groningen.region, "concept", form=forms["doen"])
    draft.unpublish()
    assert recommend(role=role, region=groningen.region) == []


def test_a_visitor_without_a_role_gets_nothing(catalogue, groningen, forms):
    item(catalogue, groningen.region, "iets", form=forms["doen"])
    assert recommend(region=groningen.region) == []


def test_queries_do_not_grow_with_the_catalogue(
    catalogue, groningen, forms, django_capture_on_commit_callbacks
):
    region = groningen.region
    profile = ProfileFactory.create(role=RoleFactory.create(slug="schuldhulpverlener"))
    profile.learning_forms.set([forms["kijken"], LearningFormFactory.create()])

    def count_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert recommend(user=profile.user, region=region)
        return len(queries)

    def add_items(prefix: str, count: int) -> None:
        for n in range(count):
            page = item(
                catalogue,
                region,
                f"{prefix}-{n}",
                form=list(forms.values())[n % 3],
                themes=(f"thema-{n % 4}",),
            )
            if n % 5 == 0:
                record_statement(actor=profile.user, verb=Verb.COMPLETED, activity=page)

    add_items("klein", 6)
    few = count_queries()
    add_items("groot", 40)
    with django_capture_on_commit_callbacks(execute=True):
        invalidate_page_cache()  # as publishing the new items does
    assert count_queries() == few


def test_what_is_in_progress_or_on_the_route_is_not_recommended(catalogue, groningen, forms):
    region = groningen.region
    profile = ProfileFactory.create(role=RoleFactory.create(slug="schuldhulpverlener"))
    playing = item(catalogue, region, "half-gekeken", form=forms["kijken"])
    drafted = create_item(
        catalogue,
        slug="opdracht-in-concept",
        regions=[region],
        kind=PracticeAssignmentPage,
        form=forms["doen"],
        roles=("schuldhulpverlener",),
        reflection_questions=[("question", "Wat merkte je?")],
    )
    planned = item(catalogue, region, "op-de-route", form=forms["theorie"])
    free = item(catalogue, region, "nog-vrij", form=forms["theorie"])
    looked_at = item(catalogue, region, "alleen-bekeken", form=forms["doen"])
    assert {r.page.pk for r in recommend(user=profile.user, region=region)} == {
        playing.pk,
        drafted.pk,
        planned.pk,
        free.pk,
        looked_at.pk,
    }
    record_statement(actor=profile.user, verb=Verb.PROGRESSED, activity=playing, progress=0.4)
    save_answers(user=profile.user, page=drafted, answers={"q": "Een begin"}, submit=False)
    add_to_route(user=profile.user, item=planned)
    # An old "started" record of a page visit is no beginning.
    record_statement(actor=profile.user, verb=Verb.STARTED, activity=looked_at)
    result = recommend(user=profile.user, region=region)
    assert {r.page.pk for r in result} == {free.pk, looked_at.pk}
