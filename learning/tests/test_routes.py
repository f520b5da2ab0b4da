"""Route rules (pure) and the services that take a scan and change a route."""

import json
from dataclasses import replace
from typing import Any

import pytest
import time_machine
from django.utils import translation

from accounts.tests.factories import LearningFormFactory, ProfileFactory, RoleFactory
from catalogue.models import LearningItemPage
from catalogue.tests.factories import create_item
from core.cache import invalidate_page_cache
from core.models import Theme
from learning.models import NeedsScan, NeedsScanSituation, RouteStep, Verb
from learning.routes import (
    MAX_STEPS,
    Candidate,
    Needs,
    Situation,
    accept_route,
    add_to_route,
    assess,
    compare_scans,
    move_step,
    personal_data,
    propose_route,
    propose_steps,
    remove_step,
    route_progress,
    take_needs_scan,
)
from learning.services import record_statement

INTRO, DEEP, EXPERT = "introduction", "deepening", "expert"
MONEY_TALK = Situation(text="met gezinnen over geldzorgen te praten", theme_ids=frozenset({1}))
STRESS = Situation(text="stress te herkennen", capital_form_ids=frozenset({7}))


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


BASE_CANDIDATE = Candidate(
    page_id=0,
    title="",
    duration_minutes=30,
    level=INTRO,
    learning_form_id=100,
    theme_ids=frozenset({1}),
)
BASE_NEEDS = Needs(
    role_id=50, role_name="Schuldhulpverlener", situations=(MONEY_TALK,), minutes_per_week=60
)


def candidate(page_id: int, **fields: Any) -> Candidate:
    return replace(BASE_CANDIDATE, page_id=page_id, title=f"Item {page_id}", **fields)


def needs(**fields: Any) -> Needs:
    return replace(BASE_NEEDS, **fields)


# --- assess: points and reasons --------------------------------------------------------


def test_a_matching_situation_gives_its_reason():
    step = assess(candidate(1), needs())
    assert step is not None
    assert step.reason == (
        "Because you said you find it hard to met gezinnen over geldzorgen te praten."
    )


def test_two_matching_situations_are_both_named():
    item = candidate(1, capital_form_ids=frozenset({7}))
    step = assess(item, needs(situations=(MONEY_TALK, STRESS)))
    assert step is not None
    assert step.reason == (
        "Because you said you find it hard to met gezinnen over geldzorgen te praten and to "
        "stress te herkennen."
    )


def test_a_matching_capital_form_counts_like_a_theme():
    step = assess(
        candidate(1, theme_ids=frozenset(), capital_form_ids=frozenset({7})),
        needs(situations=(STRESS,)),
    )
    assert step is not None and "stress te herkennen" in step.reason


def test_without_a_situation_the_role_is_the_reason_and_the_form_is_added():
    item = candidate(1, theme_ids=frozenset(), role_ids=frozenset({50}), learning_form_id=3)
    step = assess(item, needs(learning_forms={3: "Kijken"}))
    assert step is not None
    assert step.reason == (
        "Because it fits your role Schuldhulpverlener. Because you like to learn by kijken."
    )


def test_an_item_that_fits_nothing_is_no_candidate():
    assert assess(candidate(1, theme_ids=frozenset({9})), needs()) is None


def test_more_matches_give_more_points():
    plain = assess(candidate(1), needs())
    richer = assess(
        candidate(2, role_ids=frozenset({50}), learning_form_id=3),
        needs(learning_forms={3: "Kijken"}),
    )
    assert plain is not None and richer is not None
    assert richer.points > plain.points


# --- propose_steps: order, time, size ----------------------------------------------------


def test_steps_go_from_introduction_to_deepening_to_expert():
    items = [candidate(1, level=EXPERT), candidate(2, level=DEEP), candidate(3, level=INTRO)]
    assert [s.page_id for s in propose_steps(needs=needs(), candidates=items)] == [3, 2, 1]


def test_the_route_fits_four_weeks_of_the_time_per_week():
    # 30 minutes a week: 120 minutes; four items of 50 minutes, only two fit.
    items = [candidate(n, duration_minutes=50) for n in range(1, 5)]
    steps = propose_steps(needs=needs(minutes_per_week=30), candidates=items)
    assert len(steps) == 3  # two that fit, topped up to the minimum of three
    more_time = propose_steps(needs=needs(minutes_per_week=60), candidates=items)
    assert len(more_time) == 4


def test_the_time_skips_a_long_item_for_shorter_ones():
    items = [
        candidate(1, duration_minutes=130, role_ids=frozenset({50})),  # best, too long
        candidate(2, duration_minutes=40),
        candidate(3, duration_minutes=40),
        candidate(4, duration_minutes=40),
    ]
    steps = propose_steps(needs=needs(minutes_per_week=30), candidates=items, reserved_minutes=0)
    assert {s.page_id for s in steps} == {2, 3, 4}


def test_kept_steps_use_part_of_the_time():
    items = [candidate(n, duration_minutes=30) for n in range(1, 6)]
    free = propose_steps(needs=needs(minutes_per_week=60), candidates=items)
    reserved = propose_steps(
        needs=needs(minutes_per_week=60), candidates=items, reserved_minutes=150
    )
    assert (len(free), len(reserved)) == (5, 3)


def test_done_and_kept_items_are_not_proposed_again():
    items = [candidate(n) for n in range(1, 6)]
    steps = propose_steps(needs=needs(), candidates=items, excluded_ids={1, 2})
    assert {s.page_id for s in steps} == {3, 4, 5}


def test_a_route_has_at_most_max_steps():
    items = [candidate(n, duration_minutes=1) for n in range(1, 30)]
    assert len(propose_steps(needs=needs(), candidates=items)) == MAX_STEPS


def test_the_same_input_gives_the_same_route():
    items = [candidate(n, level=[INTRO, DEEP, "", EXPERT][n % 4]) for n in range(1, 12)]
    first = propose_steps(needs=needs(minutes_per_week=240), candidates=items)
    again = propose_steps(needs=needs(minutes_per_week=240), candidates=list(reversed(items)))
    assert first == again


def test_nothing_fits_gives_an_empty_route():
    items = [candidate(n, theme_ids=frozenset({9})) for n in range(1, 4)]
    assert propose_steps(needs=needs(), candidates=items) == []


# --- services --------------------------------------------------------------------------


@pytest.fixture
def theme():
    return Theme.objects.create(name="Bejegening", slug="bejegening")


@pytest.fixture
def situation(theme):
    situation = NeedsScanSituation.objects.create(text="met gezinnen over geldzorgen te praten")
    situation.themes.set([theme])
    return situation


@pytest.fixture
def items(catalogue, groningen):
    """Five items about bejegening, from introduction to expert."""
    levels = [INTRO, INTRO, LearningItemPage.Level.DEEPENING, DEEP, EXPERT]
    return [
        create_item(
            catalogue,
            slug=f"item-{n}",
            regions=[groningen.region],
            themes=("bejegening",),
            level=levels[n],
            duration_minutes=20,
        )
        for n in range(5)
    ]


def scan_for(profile, situations, minutes=60):
    return take_needs_scan(
        user=profile.user,
        role=profile.role,
        situations=situations,
        learning_forms=[],
        minutes_per_week=minutes,
    )


def step_ids(profile) -> list[int]:
    return list(RouteStep.objects.of(profile.user).values_list("page_id", flat=True))


def test_taking_a_scan_changes_the_route_only_when_accepted(profile, situation, items, groningen):
    scan = scan_for(profile, [situation])
    proposal = propose_route(scan=scan, region=groningen.region)
    assert len(proposal.new) == 5
    assert step_ids(profile) == []
    accept_route(user=profile.user, scan=scan, region=groningen.region)
    assert step_ids(profile) == [item.pk for item in items]
    steps = list(RouteStep.objects.of(profile.user))
    assert steps[0].reason.startswith("Because you said you find it hard to met gezinnen")
    assert {step.origin for step in steps} == {RouteStep.Origin.SCAN}
    scan.refresh_from_db()
    assert scan.accepted_at is not None


def test_retaking_keeps_done_and_own_steps(
    profile, situation, items, catalogue, groningen, django_capture_on_commit_callbacks
):
    region = groningen.region
    accept_route(user=profile.user, scan=scan_for(profile, [situation]), region=region)
    record_statement(actor=profile.user, verb=Verb.COMPLETED, activity=items[2])
    other = create_item(catalogue, slug="eigen", regions=[region], themes=("ander-thema",))
    add_to_route(user=profile.user, item=other)
    # The new scan chooses no situation: only what fits the role is proposed now.
    role_item = create_item(
        catalogue,
        slug="voor-de-rol",
        regions=[region],
        roles=(profile.role.slug,),
        themes=("ander-thema",),
    )
    with django_capture_on_commit_callbacks(execute=True):
        invalidate_page_cache()  # as publishing the new items does
    new_scan = scan_for(profile, [])
    proposal = propose_route(scan=new_scan, region=region)
    assert [entry.step.page_id for entry in proposal.kept] == [items[2].pk, other.pk]
    assert [p.item.pk for p in proposal.new] == [role_item.pk]
    assert {entry.step.page_id for entry in proposal.leaving} == {
        items[0].pk,
        items[1].pk,
        items[3].pk,
        items[4].pk,
    }
    assert len(step_ids(profile)) == 6  # unchanged until accepted
    accept_route(user=profile.user, scan=new_scan, region=region)
    assert step_ids(profile) == [items[2].pk, other.pk, role_item.pk]
    positions = list(RouteStep.objects.of(profile.user).values_list("position", flat=True))
    assert positions == [1, 2, 3]


def test_accepting_twice_gives_the_same_route(profile, situation, items, groningen):
    scan = scan_for(profile, [situation])
    accept_route(user=profile.user, scan=scan, region=groningen.region)
    first = step_ids(profile)
    proposal = propose_route(scan=scan, region=groningen.region)
    assert [p.item.pk for p in proposal.new] == first and proposal.leaving == []
    accept_route(user=profile.user, scan=scan, region=groningen.region)
    assert step_ids(profile) == first


def test_completed_items_are_never_proposed(profile, situation, items, groningen):
    record_statement(actor=profile.user, verb=Verb.COMPLETED, activity=items[0])
    proposal = propose_route(scan=scan_for(profile, [situation]), region=groningen.region)
    assert items[0].pk not in {p.item.pk for p in proposal.new}


def test_items_of_the_other_portal_and_drafts_are_not_proposed(
    profile, situation, catalogue, groningen, drenthe
):
    create_item(catalogue, slug="drenthe", regions=[drenthe.region], themes=("bejegening",))
    draft = create_item(
        catalogue, slug="concept", regions=[groningen.region], themes=("bejegening",)
    )
    draft.unpublish()
    proposal = propose_route(scan=scan_for(profile, [situation]), region=groningen.region)
    assert proposal.new == []


def test_progress_is_read_from_the_learning_records(profile, situation, items, groningen):
    accept_route(user=profile.user, scan=scan_for(profile, [situation]), region=groningen.region)
    record_statement(actor=profile.user, verb=Verb.COMPLETED, activity=items[1])
    record_statement(actor=profile.user, verb=Verb.STARTED, activity=items[0])
    progress = route_progress(profile.user)
    assert (progress.completed, progress.total) == (1, 5)
    assert [e.step.page_id for e in progress.next_entries] == [
        items[0].pk,
        items[2].pk,
        items[3].pk,
    ]
    assert progress.entries[0].item.learning_form is not None


def test_route_progress_of_someone_else_is_not_mixed_in(profile, situation, items, groningen):
    accept_route(user=profile.user, scan=scan_for(profile, [situation]), region=groningen.region)
    other = ProfileFactory.create()
    record_statement(actor=other.user, verb=Verb.COMPLETED, activity=items[0])
    assert route_progress(profile.user).completed == 0
    assert route_progress(other.user).total == 0


def test_moving_and_removing_steps(profile, situation, items, groningen):
    accept_route(user=profile.user, scan=scan_for(profile, [situation]), region=groningen.region)
    third = RouteStep.objects.get(user=profile.user, page=items[2])
    move_step(user=profile.user, step=third, direction="up")
    assert step_ids(profile)[:3] == [items[0].pk, items[2].pk, items[1].pk]
    first = RouteStep.objects.get(user=profile.user, page=items[0])
    move_step(user=profile.user, step=first, direction="up")  # at the top: nothing changes
    assert step_ids(profile)[0] == items[0].pk
    last = RouteStep.objects.get(user=profile.user, page=items[4])
    move_step(user=profile.user, step=last, direction="down")
    assert step_ids(profile)[-1] == items[4].pk
    remove_step(user=profile.user, step=third)
    assert items[2].pk not in step_ids(profile)


def test_adding_an_item_twice_keeps_one_step(profile, items):
    step, is_new = add_to_route(user=profile.user, item=items[0])
    again, is_new_again = add_to_route(user=profile.user, item=items[0])
    assert (is_new, is_new_again) == (True, False)
    assert step == again and step.origin == RouteStep.Origin.OWN
    _second, _ = add_to_route(user=profile.user, item=items[1])
    assert step_ids(profile) == [items[0].pk, items[1].pk]


def test_changes_between_scans(profile, situation, theme):
    hard = NeedsScanSituation.objects.create(text="stress te herkennen")
    watching = LearningFormFactory.create(name="Kijken", slug="kijken")
    with time_machine.travel("2026-03-01 10:00Z"):
        first = scan_for(profile, [situation, hard], minutes=30)
    with time_machine.travel("2026-09-01 10:00Z"):
        second = take_needs_scan(
            user=profile.user,
            role=RoleFactory.create(name="Welzijnswerker"),
            situations=[hard],
            learning_forms=[watching],
            minutes_per_week=120,
        )
    scans = {scan.pk: scan for scan in NeedsScan.objects.visible_to(profile.user)}
    changes = compare_scans(scans[first.pk], scans[second.pk])
    assert changes.resolved_situations == ["met gezinnen over geldzorgen te praten"]
    assert changes.new_situations == []
    assert (changes.previous_role, changes.current_role) == (profile.role.name, "Welzijnswerker")
    assert changes.time_changed and changes.current_time == "Two hours a week"
    assert changes.new_learning_forms == ["Kijken"]
    assert changes.previous_at.month == 3 and changes.has_changes
    same = compare_scans(scans[second.pk], scans[second.pk])
    assert not same.has_changes


def test_a_scan_needs_a_known_time(profile):
    from learning.routes import RouteError

    with pytest.raises(RouteError):
        scan_for(profile, [], minutes=45)


def test_personal_data_holds_scans_and_route_as_json(profile, situation, items, groningen):
    scan = scan_for(profile, [situation])
    accept_route(user=profile.user, scan=scan, region=groningen.region)
    ProfileFactory.create()  # someone else's data must not appear
    data = json.loads(json.dumps(personal_data(user=profile.user)))
    assert [s["hard_situations"] for s in data["needs_scans"]] == [[situation.text]]
    assert [step["page_id"] for step in data["learning_route"]] == [i.pk for i in items]
    assert data["learning_route"][0]["reason"]


def test_a_step_is_unique_per_person_and_page(profile, items):
    from django.db import IntegrityError, transaction

    add_to_route(user=profile.user, item=items[0])
    with pytest.raises(IntegrityError), transaction.atomic():
        RouteStep.objects.create(
            user=profile.user, page=items[0], position=9, origin=RouteStep.Origin.OWN
        )


def test_deleting_the_account_deletes_scans_and_route(profile, situation, items, groningen):
    accept_route(user=profile.user, scan=scan_for(profile, [situation]), region=groningen.region)
    profile.user.delete()
    assert not NeedsScan.objects.exists() and not RouteStep.objects.exists()
