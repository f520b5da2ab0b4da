"""The needs scan, the proposal, the route page and /aanbevolen/ through their views."""

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from accounts.tests.factories import LearningFormFactory, ProfileFactory
from catalogue.tests.factories import create_item
from core.cache import invalidate_page_cache
from core.models import Theme
from learning.models import NeedsScan, NeedsScanSituation, RouteStep, Verb
from learning.routes import accept_route, add_to_route, take_needs_scan
from learning.services import record_statement

HOST: dict[str, Any] = {"HTTP_HOST": "groningen.localhost"}
SCAN_URL = "/mijn/leerbehoefte/"
ROUTE_URL = "/mijn/route/"


@pytest.fixture
def situation(db):
    situation = NeedsScanSituation.objects.create(text="met gezinnen over geldzorgen te praten")
    situation.themes.set([Theme.objects.get_or_create(slug="bejegening", name="Bejegening")[0]])
    return situation


@pytest.fixture
def items(catalogue, groningen):
    return [
        create_item(
            catalogue,
            slug=f"stap-{n}",
            regions=[groningen.region],
            themes=("bejegening",),
            level=["introduction", "deepening", "expert"][n % 3],
        )
        for n in range(4)
    ]


def scan_answers(profile, situation, minutes="60") -> dict:
    return {
        "role": str(profile.role.pk),
        "situations": [str(situation.pk)],
        "minutes_per_week": minutes,
    }


def accepted_route(profile, situation, region):
    scan = take_needs_scan(
        user=profile.user,
        role=profile.role,
        situations=[situation],
        learning_forms=[],
        minutes_per_week=60,
    )
    accept_route(user=profile.user, scan=scan, region=region)
    return scan


def test_the_scan_and_route_ask_to_log_in(client: Client, groningen):
    for url in (SCAN_URL, ROUTE_URL, "/mijn/leerbehoefte/1/voorstel/"):
        response = client.get(url, **HOST)
        assert response.status_code == 302 and "/account/login/" in response["Location"]


def test_the_first_scan_starts_from_the_profile(member_client, profile, situation, groningen):
    watching = LearningFormFactory.create(name="Kijken", slug="kijken")
    profile.learning_forms.set([watching])
    html = member_client.get(SCAN_URL, **HOST).content.decode()
    assert f'<option value="{profile.role.pk}" selected>' in html
    assert f'value="{watching.pk}"' in html and "checked" in html
    assert "<legend" in html and "Ik vind het lastig om …" in html
    assert "met gezinnen over geldzorgen te praten" in html


def test_wrong_answers_get_dutch_errors_and_keep_the_input(member_client, situation, groningen):
    response = member_client.post(SCAN_URL, {"situations": [str(situation.pk)]}, **HOST)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Kies je functie, dan past de route bij je werk." in html
    assert "Kies hoeveel tijd je per week hebt." in html
    assert 'class="error-summary"' in html and 'href="#id_role"' in html
    assert f'value="{situation.pk}" id="id_situations_0" checked' in html
    assert not NeedsScan.objects.exists()


def test_scan_proposal_accept_and_route(member_client, profile, situation, items, groningen):
    response = member_client.post(SCAN_URL, scan_answers(profile, situation), **HOST)
    scan = NeedsScan.objects.get(user=profile.user)
    assert response["Location"] == f"/mijn/leerbehoefte/{scan.pk}/voorstel/"

    html = member_client.get(response["Location"], **HOST).content.decode()
    assert "Omdat je aangaf dat je het lastig vindt om met gezinnen over geldzorgen" in html
    assert "Neem deze route over" in html
    assert not RouteStep.objects.exists()  # nothing changes before accepting

    response = member_client.post(f"/mijn/leerbehoefte/{scan.pk}/overnemen/", **HOST)
    assert response["Location"] == ROUTE_URL
    record_statement(actor=profile.user, verb=Verb.COMPLETED, activity=items[0])
    html = member_client.get(ROUTE_URL, **HOST).content.decode()
    assert "Je leerroute staat klaar." in html
    assert "1 van 4 afgerond" in html
    assert '<progress max="4" value="1"' in html
    assert html.count("Omdat je aangaf") == 4
    assert "Zet hoger" in html and "Verwijder" in html


def test_retaking_shows_what_changed(member_client, profile, situation, items, groningen):
    accepted_route(profile, situation, groningen.region)
    answers = scan_answers(profile, situation, minutes="120")
    answers["situations"] = []
    response = member_client.post(SCAN_URL, answers, **HOST)
    html = member_client.get(response["Location"], **HOST).content.decode()
    assert "Wat er veranderde sinds je scan van" in html
    assert "Niet meer lastig voor je" in html
    assert "Een uur per week, nu Twee uur per week" in html
    # The history on the scan page shows the growth over time, and the last answers.
    html = member_client.get(SCAN_URL, **HOST).content.decode()
    assert "Je eerdere antwoorden" in html and "Je eerste scan." in html
    assert 'value="120" required id="id_minutes_per_week_2" checked' in html


def test_the_route_page_shows_an_open_proposal(member_client, profile, situation, groningen):
    scan = take_needs_scan(
        user=profile.user, role=None, situations=[], learning_forms=[], minutes_per_week=30
    )
    html = member_client.get(ROUTE_URL, **HOST).content.decode()
    assert f"/mijn/leerbehoefte/{scan.pk}/voorstel/" in html
    assert "Je hebt nog geen leerroute." in html


def test_moving_and_removing_by_post(member_client, profile, situation, items, groningen):
    accepted_route(profile, situation, groningen.region)
    second = RouteStep.objects.of(profile.user)[1]
    response = member_client.post(
        reverse("learning:move_step", args=[second.pk]), {"richting": "omhoog"}, **HOST
    )
    assert response["Location"] == f"{ROUTE_URL}#stap-{second.pk}"
    assert RouteStep.objects.of(profile.user)[0] == second
    assert (
        member_client.get(reverse("learning:move_step", args=[second.pk]), **HOST).status_code
        == 405
    )
    member_client.post(reverse("learning:remove_step", args=[second.pk]), **HOST)
    assert not RouteStep.objects.filter(pk=second.pk).exists()


def test_nobody_reads_or_changes_another_persons_scan_or_route(
    client: Client, profile, situation, items, groningen
):
    scan = accepted_route(profile, situation, groningen.region)
    step = RouteStep.objects.of(profile.user).first()
    assert step is not None
    other = ProfileFactory.create()
    client.force_login(other.user)
    assert client.get(f"/mijn/leerbehoefte/{scan.pk}/voorstel/", **HOST).status_code == 404
    assert client.post(f"/mijn/leerbehoefte/{scan.pk}/overnemen/", **HOST).status_code == 404
    move = reverse("learning:move_step", args=[step.pk])
    assert client.post(move, {"richting": "omlaag"}, **HOST).status_code == 404
    assert client.post(reverse("learning:remove_step", args=[step.pk]), **HOST).status_code == 404
    assert RouteStep.objects.filter(user=profile.user).count() == 4
    assert not RouteStep.objects.filter(user=other.user).exists()
    html = client.get(ROUTE_URL, **HOST).content.decode()
    assert items[0].title not in html


def test_add_to_route(member_client, profile, items, catalogue, groningen, drenthe):
    url = reverse("learning:add_to_route", args=[items[0].pk])
    response = member_client.post(url, **HOST)
    assert response["Location"] == ROUTE_URL
    step = RouteStep.objects.get(user=profile.user)
    assert step.origin == RouteStep.Origin.OWN and step.page_id == items[0].pk
    assert member_client.get(url, **HOST).status_code == 405
    draft = create_item(catalogue, slug="concept", regions=[groningen.region])
    draft.unpublish()
    elsewhere = create_item(catalogue, slug="drenthe", regions=[drenthe.region])
    for page_id in (999_999, draft.pk, elsewhere.pk, catalogue.pk):
        url = reverse("learning:add_to_route", args=[page_id])
        assert member_client.post(url, **HOST).status_code == 404
    assert RouteStep.objects.count() == 1


def test_adding_asks_to_log_in(client: Client, items):
    response = client.post(reverse("learning:add_to_route", args=[items[0].pk]), **HOST)
    assert response.status_code == 302 and not RouteStep.objects.exists()


# Items are Wagtail pages, built one by one: 100 take about five seconds.
@pytest.mark.parametrize("count", [10, 100])
def test_the_route_page_queries_do_not_grow_with_the_steps(
    member_client, profile, catalogue, groningen, django_assert_num_queries, count
):
    for n in range(count):
        add_to_route(
            user=profile.user, item=create_item(catalogue, slug=f"a{n}", regions=[groningen.region])
        )
    member_client.get(ROUTE_URL, **HOST)  # the portal's menus and site are cached after it
    with django_assert_num_queries(5):
        response = member_client.get(ROUTE_URL, **HOST)
    assert response.status_code == 200
    assert response.context["route"].total == count


# --- /aanbevolen/ ----------------------------------------------------------------------


def test_a_visitor_chooses_a_role_and_it_is_remembered(client: Client, items, groningen):
    role_slug = "schuldhulpverlener"  # the role of the items from create_item
    response = client.get("/aanbevolen/", {"rol": role_slug}, **HOST)
    html = response.content.decode()
    assert response.cookies["rol"].value == role_slug
    assert response.cookies["rol"]["max-age"] == 365 * 24 * 60 * 60
    assert "no-store" in response["Cache-Control"] or "private" in response["Cache-Control"]
    assert items[0].title in html and "Omdat het past bij je functie" in html
    again = client.get("/aanbevolen/", **HOST)
    assert items[0].title in again.content.decode()
    assert "X-Page-Cache" not in again
    fresh = Client()
    assert items[0].title not in fresh.get("/aanbevolen/", **HOST).content.decode()


def test_an_unknown_role_gets_a_dutch_error(client: Client, groningen):
    response = client.get("/aanbevolen/", {"rol": "bestaat-niet"}, **HOST)
    assert "Kies je functie uit de lijst." in response.content.decode()
    assert "rol" not in response.cookies


def test_the_catalogue_offers_the_role_chooser(client: Client, items, groningen):
    html = client.get("/aanbod/", **HOST).content.decode()
    assert 'action="/aanbevolen/"' in html
    assert '<option value="schuldhulpverlener">' in html


def test_editors_edit_the_situations_in_the_admin(client: Client, django_user_model, groningen):
    editor = django_user_model.objects.create_superuser("eva", "eva@example.org", "wachtwoord")
    client.force_login(editor)
    theme = Theme.objects.create(name="Vroegsignalering", slug="vroegsignalering")
    url = "/beheer/snippets/learning/needsscansituation/"
    response = client.post(
        f"{url}add/", {"text": "signalen vroeg te zien", "themes": [theme.pk], "sort_order": 1}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    situation = NeedsScanSituation.objects.get()
    assert list(situation.themes.all()) == [theme]
    assert "signalen vroeg te zien" in client.get(url).content.decode()


def test_the_dashboard_partials_render_from_their_helpers(
    rf, profile, situation, items, catalogue, groningen, django_capture_on_commit_callbacks
):
    from django.template.loader import render_to_string

    from learning.recommendations import recommend
    from learning.routes import route_progress

    accepted_route(profile, situation, groningen.region)
    record_statement(actor=profile.user, verb=Verb.COMPLETED, activity=items[0])
    elsewhere = create_item(
        catalogue, slug="niet-op-de-route", regions=[groningen.region], themes=("bejegening",)
    )
    with django_capture_on_commit_callbacks(execute=True):
        invalidate_page_cache()  # as publishing the new item does
    request = rf.get("/mijn/", HTTP_HOST="groningen.localhost")
    request.user = profile.user
    summary = render_to_string(
        "learning/partials/route_summary.html",
        {"route": route_progress(profile.user)},
        request=request,
    )
    assert "1 van 4 afgerond" in summary
    assert summary.count('class="route-step__title"') == 3  # the next three steps
    assert items[0].title not in summary and 'href="/mijn/route/"' in summary
    assert f'href="/aanbod/{items[1].slug}/"' in summary
    recommendations = render_to_string(
        "learning/partials/recommendations.html",
        {"recommendations": recommend(user=profile.user, region=groningen.region)},
        request=request,
    )
    assert elsewhere.title in recommendations
    assert all(item.title not in recommendations for item in items), "done or on the route"


def test_a_logged_in_person_gets_their_own_recommendations(member_client, profile, items):
    record_statement(actor=profile.user, verb=Verb.COMPLETED, activity=items[0])
    html = member_client.get("/aanbevolen/", **HOST).content.decode()
    assert f'<option value="{profile.role.slug}" selected>' in html
    assert "Voor jou" in html
    assert items[1].title in html and items[0].title not in html
