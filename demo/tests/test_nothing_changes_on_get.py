"""A GET writes nothing but the session: every page of both portals' sitemaps and every
personal page, as a visitor and as a demo learner who has records, a route, registrations,
a draft and a track in progress. Work follows from acts (a POST, a task, a hook), never
from looking."""

import re
from collections.abc import Iterator
from io import StringIO
from typing import Any
from xml.etree import ElementTree

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from catalogue.models import LearningItemPage, PracticeAssignmentPage
from core.models import LearningForm, Region
from events.models import Registration, SeatReservation, Session
from events.services import register_user
from learning.models import NeedsScan, NeedsScanSituation, RouteStep, TeamPath
from learning.routes import accept_route, add_to_route, take_needs_scan
from learning.services import save_answers
from organisations.models import Domain, Invitation, Membership, Team
from tracks.models import Certificate

PORTALS = ("groningen.localhost:8000", "drenthe.localhost:8000")
LEARNER = "mirjam.leergang"  # three-day track in progress (see demo/tracks.py)
WRITE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO)\s+"?(\w+)"?', re.I)
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def allowed_tables() -> set[str]:
    """The session's own table, and caches: one that lives in the database, if any, and
    Wagtail's renditions (an image resized on first use, kept to serve again; deleting
    them loses nothing)."""
    tables = {"wagtailimages_rendition"}
    if settings.SESSION_ENGINE.endswith(("backends.db", "backends.cached_db")):
        tables.add("django_session")
    for cache in settings.CACHES.values():
        if cache["BACKEND"].endswith("DatabaseCache"):
            tables.add(cache["LOCATION"])
    return tables


def url_patterns(
    resolver: URLResolver | None = None, prefix: str = "", namespace: str = ""
) -> Iterator[tuple[str, str]]:
    """Every (name, route) of the project, names with their namespace."""
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from url_patterns(entry, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", prefix + str(entry.pattern)


def personal_urls(learner: Any) -> list[str]:
    """Every page of a person's own (a route with "mijn" in it), filled in with what is the
    learner's; a new personal page without arguments for it here fails the test."""
    scan = NeedsScan.objects.visible_to(learner).first()
    step = RouteStep.objects.of(learner).first()
    item = LearningItemPage.objects.live().filter(regions__slug="groningen").first()
    assignment = PracticeAssignmentPage.objects.live().first()
    registration = Registration.objects.of(learner).filter(session__event__isnull=False).first()
    reservation = SeatReservation.objects.first()
    assert scan and step and item and assignment and registration and reservation
    team, domain = Team.objects.first(), Domain.objects.first()
    membership, invitation = Membership.objects.first(), Invitation.objects.first()
    assert team and domain and membership and invitation
    path = TeamPath.objects.first()
    path_step = path.steps.first() if path else None  # type: ignore[attr-defined]
    assert path and path_step
    on_path = {"team_id": path.team_id, "path_id": path.pk}
    arguments = {"scan_id": scan.pk, "step_id": step.pk, "page_id": item.pk}
    arguments_of = {
        "learning:answers": {"page_id": assignment.pk},
        "api_tokens:revoke": {"pk": 1},  # a GET is refused (405) before anything is looked up
        # An organisation's reserved seats (the demo's): the learner is no manager there.
        "events:reservation": {"pk": reservation.pk},
        "events:unassign": {"pk": reservation.pk, "registration_pk": registration.pk},
        "events:cancel_reservation": {"pk": reservation.pk},
        # A demo organisation's workspace: the learner administers none of it.
        "organisations:accept_invitation": {"token": "onbekend"},
        "organisations:person": {"pk": membership.pk},
        "organisations:remove_person": {"pk": membership.pk},
        "organisations:team": {"pk": team.pk},
        "organisations:rename_team": {"pk": team.pk},
        "organisations:add_to_team": {"pk": team.pk},
        "organisations:change_team_member": {"pk": team.pk, "member_pk": membership.pk},
        "organisations:delete_team": {"pk": team.pk},
        "organisations:remove_domain": {"pk": domain.pk},
        "organisations:withdraw_invitation": {"pk": invitation.pk},
        # A demo team's path: the learner manages no team.
        "learning:team_paths": {"team_id": path.team_id},
        "learning:team_path": on_path,
        "learning:team_path_add_step": on_path,
        "learning:team_path_step": on_path | {"step_id": path_step.pk},
        "learning:team_path_assign": on_path,
        "learning:team_path_delete": on_path,
        "learning:team_path_progress": on_path,
    }
    urls = []
    for name, route in url_patterns():
        if "mijn" not in route:
            continue
        filled = arguments | arguments_of.get(name, {})
        names = re.findall(r"<(?:\w+:)?(\w+)>", route)
        missing = [argument for argument in names if argument not in filled]
        assert not missing, f"{name}: say which of the learner's objects fills {missing}"
        urls.append(reverse(name, kwargs={argument: filled[argument] for argument in names}))
    # A person's own registration: the pages their e-mails and dashboard link to.
    for name in ("events:cancel", "events:accept_own_offer"):
        urls.append(reverse(name, args=[registration.pk]))
    return urls


def sitemap_paths(client: Client, host: str) -> list[str]:
    response = client.get("/sitemap.xml", HTTP_HOST=host)
    assert response.status_code == 200
    locations = ElementTree.fromstring(response.content).findall("sm:url/sm:loc", SITEMAP_NS)
    paths = [re.sub(r"^https?://[^/]+", "", location.text or "") for location in locations]
    assert len(paths) > 20, "the demo fills both sitemaps"
    return paths


def bring_to_every_state(learner: Any) -> None:
    """Besides the demo's track in progress: a route from the needs scan, a registration
    for a session and a draft answer, all through the services."""
    scan = take_needs_scan(
        user=learner,
        role=learner.profile.role,
        situations=list(NeedsScanSituation.objects.all()[:3]),
        learning_forms=list(LearningForm.objects.all()[:2]),
        minutes_per_week=NeedsScan.Time.HOUR,
    )
    accept_route(user=learner, scan=scan, region=Region.objects.get(slug="groningen"))
    add_to_route(user=learner, item=LearningItemPage.objects.live().first())
    # An event's session: circle meetings and track days are sessions without an event.
    sessions = Session.objects.filter(
        event__isnull=False, event__only_for_roles=None, starts_at__gt=timezone.now()
    )
    for session in sessions:
        register_user(session=session, user=learner)
        break
    assignment = PracticeAssignmentPage.objects.live().exclude(
        pk__in=learner.assignment_answers.values("page")
    )[0]
    save_answers(user=learner, page=assignment, answers={"q": "Half af"}, submit=False)


def writes_of(client: Client, host: str, path: str) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, HTTP_HOST=host)
    assert response.status_code < 500, (host, path)
    tables = (WRITE.match(query["sql"]) for query in queries.captured_queries)
    return [match.group(1) for match in tables if match and match.group(1) not in allowed_tables()]


@pytest.mark.django_db
def test_no_page_writes_anything_but_the_session(django_capture_on_commit_callbacks):
    call_command("load_demo", stdout=StringIO())
    learner = get_user_model().objects.get(username=LEARNER)
    bring_to_every_state(learner)
    certificates = Certificate.objects.count()
    mail.outbox.clear()

    visitor, learner_client = Client(), Client()
    learner_client.force_login(learner)
    found: dict[str, list[str]] = {}
    walked = 0
    personal = personal_urls(learner)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        for host in PORTALS:
            paths = sitemap_paths(visitor, host) + personal
            for who, client in (("visitor", visitor), ("learner", learner_client)):
                for path in paths:
                    walked += 1
                    if writes := writes_of(client, host, path):
                        found[f"{who} {host}{path}"] = writes
        # The demo's manager on her organisation's reserved seats.
        manager = Client()
        manager.force_login(SeatReservation.objects.get().reserved_by)  # type: ignore[arg-type]
        for path in (path for path in personal if "/organisatie/plaatsen" in path):
            walked += 1
            if writes := writes_of(manager, PORTALS[0], path):
                found[f"manager {path}"] = writes
    assert found == {}
    assert callbacks == [], "nothing is left to do after a commit"
    assert mail.outbox == []
    assert Certificate.objects.count() == certificates
    assert walked > 200
