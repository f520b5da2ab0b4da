"""The pages: /leergangen/ (queries at two sizes), a track page for visitors and
participants, registering and cancelling, attendance and the matrix (who may see them),
the editors' form for a group, the dashboard partial and the privacy export."""

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from events.calendar import sessions_for_calendar
from events.models import Registration
from learning.services import complete_item
from tracks import services
from tracks.models import Certificate, Cohort, CohortDay
from tracks.views import track_progress_of

from .factories import create_track, create_track_index, make_user, plan

HOST: dict[str, Any] = {"HTTP_HOST": "groningen.localhost"}


@pytest.fixture
def index(regions):
    return create_track_index(regions)


# Tracks are Wagtail pages, built one by one: 50 light ones cost some 5 seconds, 500 would
# cost a minute, so the larger size is 50.
@pytest.mark.parametrize("count", [10, 50])
def test_overview_queries_do_not_grow_with_tracks(
    client: Client, catalogue, regions, index, django_assert_num_queries, count
):
    for number in range(count):
        # The overview shows no programme items, so the days have none.
        track = create_track(
            catalogue,
            regions=regions,
            slug=f"leergang-{number}",
            days=2,
            items_per_day=0,
            with_assignments=False,
        )
        plan(track, name="Groep voorjaar")
        plan(track, name="Groep najaar", starts_in=timedelta(days=120))
    client.get("/leergangen/?v=0", **HOST)  # warms portal data
    with django_assert_num_queries(4):
        response = client.get("/leergangen/?v=1", **HOST)
    assert response.text.count('class="track-card"') == count
    assert response.text.count("Nog 10 plaatsen") == 2 * count


def test_overview_leaves_out_started_groups_and_other_regions(
    client: Client, catalogue, regions, index, groningen, drenthe
):
    track = create_track(catalogue, regions=[drenthe.region], slug="alleen-drenthe", days=1)
    plan(track, name="Groep Assen")
    started = create_track(catalogue, regions=regions, slug="al-begonnen", days=1)
    plan(started, name="Groep gestart", starts_in=timedelta(days=-1))
    text = client.get("/leergangen/", **HOST).text
    assert "Alleen drenthe" not in text
    assert "Groep gestart" not in text
    assert "Er is nog geen nieuwe groep gepland." in text
    assert "Groep Assen" in client.get("/leergangen/", HTTP_HOST="drenthe.localhost").text


def test_track_page_for_a_visitor(client: Client, cohort):
    response = client.get(cohort.track.url, **HOST)
    assert response.status_code == 200
    text = response.text
    assert "Programma" in text and "Dag 3" in text
    assert "Nog 10 plaatsen" in text
    assert "Log in om je in te schrijven" in text
    assert "Jouw voortgang" not in text


def test_register_see_progress_and_cancel(client: Client, cohort, participant):
    client.force_login(participant)
    response = client.post(reverse("tracks:register", args=[cohort.pk]), follow=True, **HOST)
    assert "Je bent ingeschreven" in response.text
    assert Registration.objects.get(user=participant, session=cohort).state == "confirmed"
    text = response.text
    assert "Jouw voortgang" in text
    assert "0 van de 9 verplichte stappen gedaan" in text
    assert "Volgende stap" in text

    item = cohort.track.days.first().preparation_items.first()
    complete_item(user=participant, page=item)
    assert "1 van de 9 verplichte stappen gedaan" in client.get(cohort.track.url, **HOST).text

    cancel_url = reverse("tracks:cancel", args=[cohort.pk])
    assert "Ja, meld me af" in client.get(cancel_url, **HOST).text
    client.post(cancel_url, **HOST)
    assert Registration.objects.get(user=participant, session=cohort).state == "cancelled"
    assert "Jouw voortgang" not in client.get(cohort.track.url, **HOST).text


def test_a_full_group_puts_you_on_the_waiting_list(client: Client, track, participant):
    cohort = plan(track, seats=1)
    services.register_for_track(cohort=cohort, user=make_user("eerste"))
    text = client.get(track.url, **HOST).text
    assert "Vol — zet je op de wachtlijst" in text
    client.force_login(participant)
    response = client.post(reverse("tracks:register", args=[cohort.pk]), follow=True, **HOST)
    assert "Je staat op de wachtlijst" in response.text


def test_a_cohort_of_an_unpublished_track_is_not_found(client: Client, cohort, participant):
    cohort.track.unpublish()
    client.force_login(participant)
    response = client.post(reverse("tracks:register", args=[cohort.pk]), **HOST)
    assert response.status_code == 404


def test_attendance_page_for_editors_and_trainers_only(client: Client, cohort, participant, editor):
    services.register_for_track(cohort=cohort, user=participant)
    day = cohort.days.order_by("starts_at").first()
    url = reverse("tracks:attendance", args=[cohort.pk, day.pk])
    client.force_login(participant)
    assert client.get(url, **HOST).status_code == 404
    client.force_login(editor)
    with time_machine.travel(day.starts_at + timedelta(hours=1)):
        response = client.get(url, **HOST)
        assert participant.profile.full_name in response.text
        registration = Registration.objects.get(user=participant)
        response = client.post(url, {f"p{registration.pk}": "attended"}, follow=True, **HOST)
    assert "De aanwezigheid is opgeslagen." in response.text
    [progress] = track_progress_of(user=participant)
    assert progress.days[0].attendance.is_done


def test_attendance_before_the_day_explains_why_not(client: Client, cohort, editor):
    day = cohort.days.order_by("starts_at").first()
    client.force_login(editor)
    response = client.get(reverse("tracks:attendance", args=[cohort.pk, day.pk]), **HOST)
    assert "zodra de dag is begonnen" in response.text


def test_matrix_is_for_staff_and_exports_csv(client: Client, cohort, participant, editor):
    services.register_for_track(cohort=cohort, user=participant)
    url = reverse("tracks:matrix", args=[cohort.pk])
    assert client.get(url, **HOST).status_code == 302
    client.force_login(participant)
    assert client.get(url, **HOST).status_code == 404
    trainer = make_user("trainer")
    cohort.track.trainers.add(trainer)
    cohort.track.save()
    client.force_login(trainer)
    assert client.get(url, **HOST).status_code == 404
    client.force_login(editor)
    response = client.get(url, **HOST)
    assert response.status_code == 200
    assert '<th scope="col">Voorbereiding</th>' in response.text
    assert "Sanne de Vries (voorbeeld)" in response.text
    csv = client.get(url, {"formaat": "csv"}, **HOST)
    assert csv["Content-Type"] == "text/csv; charset=utf-8"
    today = f"{timezone.localdate():%d-%m-%Y}"
    named = f"voortgang-{cohort.track.slug}-{slugify(cohort.name)}-{today}.csv"
    assert csv["Content-Disposition"] == f'attachment; filename="{named}"'
    lines = csv.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Naam;Organisatie;Dag 1: Voorbereiding;Dag 1: Aanwezig")
    # "0 van 1": Dutch Excel would read "1/2" as a date.
    assert lines[1].startswith("Sanne de Vries (voorbeeld);;0 van 1;")


def test_matrix_csv_neutralises_formulas_in_names(client: Client, cohort, editor):
    hostile = make_user("h", full_name='=HYPERLINK("https://example.org";"Klik")')
    hostile.profile.other_organisation = "+31 Welzijn"
    hostile.profile.save()
    services.register_for_track(cohort=cohort, user=hostile)
    client.force_login(editor)
    response = client.get(reverse("tracks:matrix", args=[cohort.pk]), {"formaat": "csv"}, **HOST)
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[1].startswith('"\'=HYPERLINK(""https://example.org"";""Klik"")";\'+31 Welzijn;')


def test_editors_plan_a_group_in_the_admin(client: Client, track, editor):
    editor.is_superuser = True
    editor.save()
    client.force_login(editor)
    days = list(track.days.all())
    data = {
        "track": track.pk,
        "name": "Groep najaar",
        "capacity": "12",
        "registration_opens_at": "",
        "registration_closes_at": "",
        "days-TOTAL_FORMS": str(len(days)),
        "days-INITIAL_FORMS": "0",
        "days-MIN_NUM_FORMS": "1",
        "days-MAX_NUM_FORMS": "1000",
    }
    for number, day in enumerate(days):
        data.update(
            {
                f"days-{number}-track_day": day.pk,
                f"days-{number}-starts_at": f"2027-0{number + 3}-02 09:30",
                f"days-{number}-ends_at": f"2027-0{number + 3}-02 16:00",
                f"days-{number}-place_name": "De Nieuwe Kolk",
                f"days-{number}-address": "Assen",
                f"days-{number}-capacity": "20",
                f"days-{number}-ORDER": str(number + 1),
                f"days-{number}-id": "",
            }
        )
    url = reverse("wagtailsnippets_tracks_cohort:add")
    assert client.get(url).status_code == 200
    # A day planned twice is refused, with the input kept.
    twice = {**data, "days-2-track_day": days[0].pk}
    response = client.post(url, twice)
    assert response.status_code == 200
    assert not Cohort.objects.exists()
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    cohort = Cohort.objects.get()
    assert cohort.capacity == 12
    assert cohort.title == f"{track.title} (Groep najaar)"
    assert cohort.starts_at.month == 3 and cohort.place_name == "De Nieuwe Kolk"
    assert CohortDay.objects.filter(cohort=cohort).count() == 3
    edit = client.get(reverse("wagtailsnippets_tracks_cohort:edit", args=[cohort.pk]))
    assert edit.status_code == 200 and "De Nieuwe Kolk" in edit.text
    # The group's row in /beheer/ leads to the matrix of its participants.
    listing = client.get(reverse("wagtailsnippets_tracks_cohort:list"))
    assert reverse("tracks:matrix", args=[cohort.pk]) in listing.text


# A track with its item and assignment pages costs 0.2 seconds to build: 25 at most.
@pytest.mark.parametrize("count", [10, 25])
def test_dashboard_progress_in_a_fixed_number_of_queries(
    catalogue, regions, participant, django_assert_num_queries, count
):
    for number in range(count):
        track = create_track(catalogue, regions=regions, slug=f"leergang-{number}", days=1)
        services.register_for_track(cohort=plan(track), user=participant)
    track_progress_of(user=participant)  # warms Django's content-type cache
    with django_assert_num_queries(7):
        progress = track_progress_of(user=participant)
    assert len(progress) == count
    html = render_to_string("tracks/partials/my_tracks.html", {"track_progress": progress})
    assert html.count('class="my-tracks__item"') == count
    assert "0% gedaan" in html


def test_dashboard_partial_links_the_certificate(cohort, participant):
    services.register_for_track(cohort=cohort, user=participant)
    certificate = Certificate.objects.create(
        user=participant,
        track=cohort.track,
        cohort=cohort,
        name="Sanne",
        track_title=cohort.track.title,
        study_load_hours=24,
    )
    html = render_to_string(
        "tracks/partials/my_tracks.html", {"track_progress": track_progress_of(user=participant)}
    )
    assert reverse("tracks:certificate", args=[certificate.pk]) in html
    assert render_to_string("tracks/partials/my_tracks.html", {"track_progress": []}).count(
        "Bekijk de leergangen"
    )


def test_personal_data(cohort, participant):
    Certificate.objects.create(
        user=participant,
        track=cohort.track,
        name="Sanne",
        track_title="Leergang",
        dates=["2027-03-02"],
        study_load_hours=24,
    )
    data = services.personal_data(user=participant)
    [certificate] = data["track_certificates"]
    assert certificate["track"] == "Leergang" and len(certificate["verification_code"]) == 24
    assert services.personal_data(user=make_user("ander")) == {
        "trainer_of_tracks": [],
        "track_certificates": [],
    }


def test_the_calendar_feed_has_every_day_of_the_track(cohort, participant):
    services.register_for_track(cohort=cohort, user=participant)
    days = list(cohort.days.order_by("starts_at"))
    assert len(days) == 3
    assert [session.pk for session in sessions_for_calendar(participant)] == [d.pk for d in days]


def test_events_pages_do_not_manage_track_groups(client: Client, cohort):
    """A group and its days are sessions without an event: only tracks' own pages (with
    the track's rights) show their participants and take attendance, not events' pages
    for someone with every right on events."""
    client.force_login(make_user("beheerder", is_staff=True, is_superuser=True))
    for session in (cohort, *cohort.days.all()):
        assert client.get(f"/agenda/sessie/{session.pk}/deelnemers/").status_code == 404
        assert client.get(f"/agenda/sessie/{session.pk}/aanwezigheid/").status_code == 404
