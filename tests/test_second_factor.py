"""The second factor holds on every address of the project (see accounts.mfa).

The walk resolves every URL pattern of both portals with real demo objects that belong to
someone else, and requests each as
(a) the demo editor, a superuser who is also a circle's facilitator, logged in with the
    password alone: a privileged page leads to the second factor and back (`next`), and
    no other page shows anyone else's data;
(b) the same editor in a session that passed the second factor: the privileged pages work;
(c) a learner in a track (demo/tracks.py) and in no circle: no privileged page answers
    (403 or 404) and no other page shows anyone else's data.

"Anyone else's data" is looked for as the names and e-mail addresses of a circle member
with a registration and a route, of someone asking to join, and of a track participant;
(b) proves that the walk would see them.

Every pattern is in PRIVILEGED or in OWN_OR_PUBLIC, or it is under /beheer/ (Wagtail's
admin, guarded as a whole by SecondFactorMiddleware): a new pattern that is in neither
list fails the test until someone decides which it is. PRIVILEGED_PATTERN_COUNT says how
many patterns need the second factor; `pytest -s` prints it.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from io import StringIO
from typing import Any
from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.test import Client, RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from pytest_django import DjangoDbBlocker
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.documents.models import Document
from wagtail.models import Page

from accounts.tests.test_two_factor import activate_totp, current_code
from catalogue.models import CapitalForm, FamilyType, PracticeAssignmentPage
from circles import services as circle_services
from circles.models import (
    Agreement,
    Bottleneck,
    Case,
    Circle,
    ImprovementPoint,
    Meeting,
    Membership,
)
from core.models import LearningForm
from demo.circles import DEMO_PASSWORD as PASSWORD
from demo.management.commands.load_demo import DEMO_EDITOR
from events.models import EventPage, Registration, SeatReservation, Session
from events.services import register_user
from learning.models import NeedsScan, NeedsScanSituation, RouteStep, TeamPath
from learning.routes import accept_route, take_needs_scan
from learning.team_paths import create_path
from organisations import services as organisation_services
from organisations.models import Domain as OrganisationDomain
from organisations.models import Membership as OrganisationMembership
from tracks.models import Certificate, Cohort

pytestmark = pytest.mark.django_db

PORTALS = ("groningen.localhost", "drenthe.localhost")
ADMIN = "beheer/"
# Wagtail's admin parts anyone may fetch (its icons and its texts for JavaScript), and its
# page that fails on purpose (to test error reports).
ADMIN_PUBLIC = {"wagtailadmin_sprite", "wagtailadmin_javascript_catalog"}
ADMIN_FAILS_ON_PURPOSE = "wagtailadmin_error_test"
LEARNER = "mirjam.leergang"  # a track in progress (demo/tracks.py), in no circle
OTHER = "anouk.assen"  # a member of the Assen circle: "someone else"
REQUESTER = "linda.stadskanaal"  # asks to join the Assen circle
CIRCLE = "assen"

# Pages that serve or change other people's data because of a right (accounts.mfa).
PRIVILEGED = {
    # Editors and trainers over a session's participants, and someone else's registration.
    "events:participants",
    "events:attendance",
    "events:cancel",
    # Trainers over a track group's attendance; editors over its progress matrix (and CSV).
    "tracks:attendance",
    "tracks:matrix",
    # Coordinators over the region's shared bottlenecks.
    "circles:regional_bottlenecks",
    "circles:respond",
    # A circle's workspace, for its facilitators: every page offers their tools over the
    # other members (join requests, removing members, attendance). For a plain member it
    # is their own shared workspace (circles/tests), without the second factor.
    "circles:workspace",
    "circles:overview",
    "circles:meetings",
    "circles:meeting_new",
    "circles:meeting_detail",
    "circles:meeting_edit",
    "circles:minutes",
    "circles:attendance",
    "circles:cases",
    "circles:case_new",
    "circles:case_detail",
    "circles:case_edit",
    "circles:comment",
    "circles:improvement_point",
    "circles:point_to_agreement",
    "circles:agreements",
    "circles:agreements_download",
    "circles:agreement_new",
    "circles:agreement_edit",
    "circles:bottlenecks",
    "circles:bottleneck_new",
    "circles:bottleneck_edit",
    "circles:bottleneck_share",
    "circles:members",
    "circles:invite",
    "circles:decide_request",
    "circles:remove",
    "circles:hand_over",
    "circles:leave",
    "circles:notifications",
    "circles:history",
    # An organisation's workspace for its administrators (people, teams, domains,
    # invitations, history) and for managers (their teams' composition).
    "organisations:people",
    "organisations:person",
    "organisations:remove_person",
    "organisations:teams",
    "organisations:team",
    "organisations:rename_team",
    "organisations:add_to_team",
    "organisations:change_team_member",
    "organisations:delete_team",
    "organisations:domains",
    "organisations:remove_domain",
    "organisations:invitations",
    "organisations:withdraw_invitation",
    "organisations:history",
    # Seats an organisation reserved, assigned by name (events.reservation_views).
    "events:reservations",
    "events:reserve",
    "events:reservation",
    "events:unassign",
    "events:cancel_reservation",
    # A manager's team paths and their progress (learning.team_views).
    "learning:team_overview",
    "learning:team_paths",
    "learning:team_path",
    "learning:team_path_add_step",
    "learning:team_path_step",
    "learning:team_path_assign",
    "learning:team_path_delete",
    "learning:team_path_progress",
    # Reach reports (reports), for coordinators, funders and administrators.
    "reports:report",
    "reports:export",
    "reports:yearly",
    # An organisation's administrator over its sign-in (organisations.sign_in).
    "organisations:sign_in_settings",
}

# A learner's own pages (addressed with someone else's object they answer 404) and public
# pages. Capability links (an e-mailed token, a certificate's code) are public: the
# address itself is the right.
OWN_OR_PUBLIC = {
    # allauth: logging in, the account's own e-mail, password and second factor.
    "account_login",
    "account_logout",
    "account_inactive",
    "account_signup",
    "account_reauthenticate",
    "account_email",
    "account_email_verification_sent",
    "account_change_password",
    "account_set_password",
    "account_reset_password",
    "account_confirm_login_code",
    "account_confirm_email",
    "account_reset_password_from_key_done",
    "account_reset_password_from_key",
    "account_reset_password_done",
    "mfa_index",
    "mfa_authenticate",
    "mfa_reauthenticate",
    "mfa_activate_totp",
    "mfa_deactivate_totp",
    "mfa_view_recovery_codes",
    "mfa_generate_recovery_codes",
    "mfa_download_recovery_codes",
    # allauth: logging in through an organisation's own provider (organisations.sign_in),
    # and the person's own connections to such providers.
    "organisations:sign_in_start",
    "openid_connect_login",
    "openid_connect_callback",
    "socialaccount_signup",
    "socialaccount_login_cancelled",
    "socialaccount_login_error",
    "socialaccount_connections",
    "account/social/signup/",
    "account/social/login/cancelled/",
    "account/social/login/error/",
    "account/social/connections/",
    # The person's own pages.
    "accounts:onboarding",
    "accounts:profile",
    "dashboard:home",
    "dashboard:download_data",
    "dashboard:delete",
    "learning:needs_scan",
    "learning:scan_proposal",
    "learning:accept_route",
    "learning:route",
    "learning:add_to_route",
    "learning:move_step",
    "learning:remove_step",
    "learning:recommended",
    "learning:complete",
    "learning:media_progress",
    "learning:answers",
    "learning:sharing",  # what one's own managers may see
    "events:register",
    "events:accept_own_offer",
    "events:evaluation",
    "events:certificate",
    "events:my_calendar",
    "tracks:register",
    "tracks:cancel",
    "tracks:certificate",
    "circles:request_join",
    "circles:organisation_bottleneck",  # only for people of that organisation
    "organisations:workspace",  # one's own organisation, role, teams and their managers
    "organisations:leave",
    # Capability links.
    "events:confirm",
    "events:cancel_by_link",
    "events:accept_offer",
    "events:feed",
    "circles:accept_invitation",
    "organisations:accept_invitation",
    "newsletter:confirm",
    "newsletter:unsubscribe",
    "tracks:verify",
    "tracks:badge",
    "tracks:badge_jwt",
    # Public.
    "events:session_ics",
    "events:event_ics",
    "tracks:cohort_ics",
    "tracks:verify_form",
    "newsletter:bounce_webhook",  # needs the mail service's secret
    "tracks:badge_issuer",
    "tracks:badge_key",
    "search:search",
    "monitor:index",
    "monitor:municipality",  # walked with the circle's slug: Assen, a municipality too
    "organisations:index",
    "organisations:detail",
    "set_language",
    "portal_css",
    "display_preferences",
    "sitemap",
    "html_sitemap",
    "robots_txt",
    "^media/(?P<path>.*)$",
    "wagtaildocs_serve",
    "wagtaildocs_authenticate_with_password",
    "wagtailcore_authenticate_with_password",
    "wagtailcore_login",  # leads to allauth's log-in (config/urls.py)
    "wagtail_serve",  # walked as a live page of each page type on both portals
    # The API: public lists, and the person's own tokens and data (a token, not a session).
    "api:schema",
    "api:documentation",
    "api:items",
    "api:item",
    "api:sessions",
    "api:tracks",
    "api:glossary",
    "api:news",
    "api:figures",
    "api:own_route",
    "api:own_registrations",
    "api:own_certificates",
    "api:own_learning_records",
    "api:not_found",
    "api_tokens:list",
    "api_tokens:revoke",
}


@dataclass(frozen=True)
class Pattern:
    key: str  # the namespaced name, or the route of a pattern without one
    name: str | None
    route: str


def url_patterns(
    resolver: URLResolver | None = None, prefix: str = "", namespace: str = ""
) -> Iterator[Pattern]:
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from url_patterns(entry, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            route = prefix + str(entry.pattern)
            name = f"{namespace}{entry.name}" if entry.name else None
            yield Pattern(key=name or route, name=name, route=route)


PATTERNS = list(url_patterns())
ADMIN_PATTERNS = [pattern for pattern in PATTERNS if pattern.route.startswith(ADMIN)]
SITE_PATTERNS = [pattern for pattern in PATTERNS if not pattern.route.startswith(ADMIN)]
PRIVILEGED_PATTERN_COUNT = len({p.key for p in SITE_PATTERNS if p.key in PRIVILEGED}) + len(
    ADMIN_PATTERNS
)


def test_every_pattern_is_classified():
    keys = {pattern.key for pattern in SITE_PATTERNS}
    unclassified = keys - PRIVILEGED - OWN_OR_PUBLIC
    assert not unclassified, f"say whether these are PRIVILEGED or OWN_OR_PUBLIC: {unclassified}"
    assert not PRIVILEGED & OWN_OR_PUBLIC
    assert (PRIVILEGED | OWN_OR_PUBLIC) - keys == set(), "a classified pattern is gone"
    print(
        f"\n{PRIVILEGED_PATTERN_COUNT} privileged URL patterns: {len(PRIVILEGED)} on the site, "
        f"{len(ADMIN_PATTERNS)} in /beheer/; {len(OWN_OR_PUBLIC)} a learner's own or public"
    )


# ---------------------------------------------------------------------------
# The demo, once for the module
# ---------------------------------------------------------------------------


@dataclass
class Demo:
    editor: Any
    learner: Any
    others: list[Any]  # whose names and addresses the walkers must not see
    urls: dict[str, list[str]]  # per site pattern its addresses, filled with real objects
    home: str  # the portal of the circle and its region's bottlenecks
    pages: list[tuple[str, str]]  # (host, path): a live page of each type on each portal


def _cohort() -> Cohort | None:
    return Cohort.objects.filter(registrations__user__isnull=False).order_by("pk").first()


def _arguments(editor: Any, learner: Any, other: Any) -> dict[str, dict[str, Any]]:
    """Real objects for the converters: someone else's wherever the object has an owner.
    Patterns whose only argument is the circle's slug need no entry."""
    circle = Circle.objects.get(slug=CIRCLE)
    circle_services.appoint_facilitator(circle=circle, user=editor)
    requester = get_user_model().objects.get(username=REQUESTER)
    join_request = circle_services.request_to_join(circle=circle, user=requester)
    _invitation, invitation_token = circle_services.invite_to_circle(
        circle=circle, email="nieuw.lid@example.org", by=editor
    )
    scan = take_needs_scan(
        user=other,
        role=other.profile.role,
        situations=list(NeedsScanSituation.objects.all()[:3]),
        learning_forms=list(LearningForm.objects.all()[:2]),
        minutes_per_week=NeedsScan.Time.HOUR,
    )
    region = circle.municipality.region
    accept_route(user=other, scan=scan, region=region)
    step = RouteStep.objects.of(other).first()
    assert step is not None
    item = step.page
    assignment = PracticeAssignmentPage.objects.live().first()
    assert assignment is not None
    session = Session.objects.filter(
        event__isnull=False,
        event__only_for_roles=None,
        is_private=False,
        starts_at__gt=timezone.now(),
    ).first()
    assert session is not None
    registration, _created = register_user(session=session, user=other)
    cohort = _cohort()
    certificate = Certificate.objects.exclude(user__in=[editor, learner]).first()
    event = EventPage.objects.live().first()
    meeting = Meeting.objects.filter(circle=circle).first()
    case = Case.objects.filter(circle=circle).first()
    agreement = Agreement.objects.filter(circle=circle).first()
    bottleneck = Bottleneck.objects.filter(circle=circle).first()
    shared = Bottleneck.objects.shared().for_region(region).first()
    point = ImprovementPoint.objects.filter(case__circle=circle).first()
    member = Membership.objects.filter(circle=circle, user=other).first()
    document = Document.objects.first()
    found = (
        cohort,
        certificate,
        event,
        meeting,
        case,
        agreement,
        bottleneck,
        shared,
        point,
        member,
    )
    assert all(found), f"the demo has each of these: {found}"
    assert cohort and certificate and event and meeting and case and agreement  # for mypy
    assert bottleneck and shared and point and member
    day = cohort.days.first()  # type: ignore[attr-defined]
    in_circle = {"slug": CIRCLE}
    workspace = _workspace(editor)
    return workspace | {
        "organisations:detail": {"slug": "cmo-stamm"},
        "circles:organisation_bottleneck": {"slug": "gemeente-veendam"},
        "learning:scan_proposal": {"scan_id": scan.pk},
        "learning:accept_route": {"scan_id": scan.pk},
        "learning:add_to_route": {"page_id": item.pk},
        "learning:move_step": {"step_id": step.pk},
        "learning:remove_step": {"step_id": step.pk},
        "learning:complete": {"page_id": item.pk},
        "learning:media_progress": {"page_id": item.pk},
        "learning:answers": {"page_id": assignment.pk},
        "events:register": {"pk": session.pk},
        "events:session_ics": {"pk": session.pk},
        "events:participants": {"pk": session.pk},
        "events:attendance": {"pk": session.pk},
        "events:event_ics": {"page_id": event.pk},
        "events:cancel": {"pk": registration.pk},
        "events:accept_own_offer": {"pk": registration.pk},
        "events:evaluation": {"pk": registration.pk},
        "events:certificate": {"pk": registration.pk},
        "events:confirm": {"token": "onbekend"},
        "events:cancel_by_link": {"token": "onbekend"},
        "events:accept_offer": {"token": "onbekend"},
        "events:feed": {"token": "onbekend"},
        "newsletter:confirm": {"token": "onbekend"},
        "newsletter:unsubscribe": {"token": "onbekend"},
        "tracks:register": {"pk": cohort.pk},
        "tracks:cancel": {"pk": cohort.pk},
        "tracks:cohort_ics": {"pk": cohort.pk},
        "tracks:attendance": {"pk": cohort.pk, "day_pk": day.pk},
        "tracks:matrix": {"pk": cohort.pk},
        "tracks:certificate": {"pk": certificate.pk},
        "tracks:verify": {"code": certificate.code},
        "tracks:badge": {"code": certificate.code},
        "tracks:badge_jwt": {"code": certificate.code},
        "circles:respond": {"pk": shared.pk},
        "circles:accept_invitation": in_circle | {"token": invitation_token},
        "circles:meeting_detail": in_circle | {"pk": meeting.pk},
        "circles:meeting_edit": in_circle | {"pk": meeting.pk},
        "circles:minutes": in_circle | {"pk": meeting.pk},
        "circles:attendance": in_circle | {"pk": meeting.pk},
        "circles:case_detail": in_circle | {"pk": case.pk},
        "circles:case_edit": in_circle | {"pk": case.pk},
        "circles:comment": in_circle | {"pk": case.pk},
        "circles:improvement_point": in_circle | {"pk": case.pk},
        "circles:point_to_agreement": in_circle | {"pk": point.pk},
        "circles:agreement_edit": in_circle | {"pk": agreement.pk},
        "circles:bottleneck_edit": in_circle | {"pk": bottleneck.pk},
        "circles:bottleneck_share": in_circle | {"pk": bottleneck.pk},
        "circles:decide_request": in_circle | {"pk": join_request.pk},
        "circles:remove": in_circle | {"pk": member.pk},
        "wagtaildocs_serve": {"args": [document.pk, document.filename] if document else [1, "x"]},
        "wagtaildocs_authenticate_with_password": {"restriction_id": 1},
        "wagtailcore_authenticate_with_password": {"page_view_restriction_id": 1, "page_id": 1},
        "account_confirm_email": {"key": "onbekend"},
        "openid_connect_login": {"provider_id": "org-onbekend"},
        "openid_connect_callback": {"provider_id": "org-onbekend"},
        "api_tokens:revoke": {"pk": 1},
        "account_reset_password_from_key": {"uidb36": "1", "key": "onbekend"},
    }


def _workspace(editor: Any) -> dict[str, dict[str, Any]]:
    """The editor becomes administrator of a demo partner's workspace (demo/organisations.py):
    its team, someone in it, someone else to remove, its domain and a new invitation."""
    # The organisation that reserved seats in the demo (demo/reservations.py).
    reservation = SeatReservation.objects.select_related("organisation").get()
    organisation = reservation.organisation
    domain = OrganisationDomain.objects.filter(organisation=organisation).first()
    assert domain is not None, "the demo registers domains"
    assigned = reservation.registrations.first()  # type: ignore[attr-defined]
    assert assigned is not None, "the demo assigns seats"
    path = TeamPath.objects.get(team__organisation=organisation)  # demo/team_paths.py
    step = path.steps.first()  # type: ignore[attr-defined]
    assert step is not None, "the demo path has steps"
    on_path = {"team_id": path.team_id, "path_id": path.pk}
    organisation_services.appoint_admin(organisation=organisation, user=editor, actor=editor)
    team = organisation.teams.order_by("name")[0]  # type: ignore[attr-defined]
    in_team = team.team_members.filter(is_manager=False)[0]
    elsewhere = organisation.memberships.exclude(  # type: ignore[attr-defined]
        team_members__team=team
    ).exclude(user=editor)[0]
    invitation, token = organisation_services.invite(
        organisation=organisation,
        email="nieuwe.beheerder@example.org",
        role=OrganisationMembership.Role.MEMBER,
        actor=editor,
        base_url="http://groningen.localhost",
    )
    # Its own path to delete, so the walk's delete leaves the others their path.
    draft = create_path(team=path.team, title="Concept om te verwijderen", actor=editor)
    return {
        "organisations:accept_invitation": {"token": token},
        "organisations:person": {"pk": elsewhere.pk},
        "organisations:remove_person": {"pk": elsewhere.pk},
        "organisations:team": {"pk": team.pk},
        "organisations:rename_team": {"pk": team.pk},
        "organisations:add_to_team": {"pk": team.pk},
        "organisations:change_team_member": {"pk": team.pk, "member_pk": in_team.membership_id},
        "organisations:delete_team": {"pk": team.pk},
        "organisations:remove_domain": {"pk": domain.pk},
        "organisations:withdraw_invitation": {"pk": invitation.pk},
        "events:reservation": {"pk": reservation.pk},
        "events:unassign": {"pk": reservation.pk, "registration_pk": assigned.pk},
        "events:cancel_reservation": {"pk": reservation.pk},
        "learning:team_paths": {"team_id": path.team_id},
        "learning:team_path": on_path,
        "learning:team_path_add_step": on_path,
        "learning:team_path_step": on_path | {"step_id": step.pk},
        "learning:team_path_assign": on_path,
        "learning:team_path_delete": {"team_id": path.team_id, "path_id": draft.pk},
        "learning:team_path_progress": on_path,
        "reports:export": {"file_format": "csv"},
        "reports:yearly": {"year": timezone.localdate().year},
    }


def _site_urls(arguments: dict[str, dict[str, Any]]) -> dict[str, list[str]]:
    urls: dict[str, list[str]] = {}
    for pattern in SITE_PATTERNS:
        if pattern.key == "wagtail_serve":
            continue  # its pages are walked one by one (_pages)
        if pattern.name is None:
            urls[pattern.key] = ["/media/onbekend.txt"]
            continue
        filled = {"slug": CIRCLE} | arguments.get(pattern.name, {})
        if "args" in filled:
            urls[pattern.key] = [reverse(pattern.name, args=filled["args"])]
            continue
        names = re.findall(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>", pattern.route)
        wanted = [a or b for a, b in names]
        missing = [name for name in wanted if name not in filled]
        assert not missing, f"{pattern.key}: say which demo object fills {missing}"
        url = reverse(pattern.name, kwargs={name: filled[name] for name in wanted})
        urls.setdefault(pattern.key, []).append(url)
        if pattern.key == "tracks:matrix":
            urls[pattern.key].append(url + "?formaat=csv")
    return urls


def _pages(first: list[int]) -> list[tuple[str, str]]:
    """A live page of each type each portal shows (the pages `first` if it shows them), and
    the sub-pages of routable pages."""
    visitor = Client()
    found = []
    for host in PORTALS:
        sitemap = visitor.get("/sitemap.xml", HTTP_HOST=host).content.decode()
        listed = set(re.findall(r"<loc>https?://[^/<]+(/[^<]*)</loc>", sitemap))
        assert len(listed) > 20, "the demo fills both sitemaps"
        request = RequestFactory().get("/", HTTP_HOST=host)
        seen: set[int] = set()
        pages = Page.objects.live().public().specific()
        for page in sorted(pages, key=lambda page: (page.pk not in first, page.path)):
            if page.content_type_id in seen:
                continue
            parts = page.get_url_parts(request)
            path = parts[2] if parts else None
            if path is None or path not in listed:
                continue
            seen.add(page.content_type_id)
            found.append((host, path))
            if isinstance(page, RoutablePageMixin):
                subpages = {
                    "family_type": [FamilyType.objects.values_list("slug", flat=True)[0]],
                    "capital_form": [CapitalForm.objects.values_list("slug", flat=True)[0]],
                    "archive": [],
                }
                for name, args in subpages.items():
                    if hasattr(page, name):
                        found.append((host, path + page.reverse_subpage(name, args=args)))
    return found


@pytest.fixture(scope="module")
def demo(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[Demo]:
    """The demo once for the walks; all of it is rolled back after the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=StringIO())
        users = get_user_model().objects
        editor = users.get(username=DEMO_EDITOR["username"])
        learner = users.get(username=LEARNER)
        other = users.get(username=OTHER)
        assert not Membership.objects.filter(user=learner).exists()
        urls = _site_urls(_arguments(editor, learner, other))
        cohort_member = (
            users.filter(event_registrations__session=_cohort()).exclude(pk=learner.pk).first()
        )
        others = [other, users.get(username=REQUESTER), cohort_member]
        region = Circle.objects.get(slug=CIRCLE).municipality.region
        home = f"{region.slug}.localhost"
        assert home in PORTALS
        # The event and the track whose participants the walk looks for come first.
        registration = Registration.objects.get(user=other, session__event__isnull=False)
        cohort = _cohort()
        assert cohort is not None and registration.session.event is not None
        first = [registration.session.event.pk, cohort.track.pk]
        yield Demo(
            editor=editor,
            learner=learner,
            others=others,
            urls=urls,
            home=home,
            pages=_pages(first),
        )
        transaction.set_rollback(True)


# ---------------------------------------------------------------------------
# The walks
# ---------------------------------------------------------------------------


def log_in(user: Any) -> Client:
    """With the password alone, through the log-in form."""
    client = Client(raise_request_exception=False)
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302, "logged in"
    return client


def to_second_factor(response: HttpResponseBase, url: str) -> bool:
    """The way to setting up the app (the editor has none) and back to `url`."""
    target = f"{reverse('mfa_activate_totp')}?{urlencode({'next': url})}"
    return response.status_code == 302 and response["Location"] == target


def asks_second_factor(response: HttpResponseBase) -> bool:
    steps = (reverse("mfa_activate_totp"), reverse("mfa_reauthenticate"))
    return response.status_code == 302 and response["Location"].startswith(steps)


def body(response: HttpResponseBase) -> str:
    if isinstance(response, StreamingHttpResponse | FileResponse):
        return b"".join(response.streaming_content).decode(errors="replace")  # type: ignore[arg-type]
    assert isinstance(response, HttpResponse)
    return response.content.decode(errors="replace")


def leaked(response: HttpResponseBase, others: list[Any]) -> list[str]:
    """The names and addresses of the others this response shows."""
    text = body(response)
    markers = [value for user in others for value in (user.email, user.profile.full_name)]
    return [marker for marker in markers if marker in text]


def requests(
    demo: Demo, keys: set[str], hosts: tuple[str, ...] = PORTALS
) -> Iterator[tuple[str, str, str, str]]:
    """(pattern, method, host, url) of the patterns in `keys`: GET on the portals, then POST
    to the privileged ones on the circle's portal, leaving the circle last (after it the
    editor is no facilitator)."""
    for host in hosts:
        for key, urls in demo.urls.items():
            if key in keys:
                yield from ((key, "get", host, url) for url in urls)
    posts = sorted(
        (key for key in demo.urls if key in keys & PRIVILEGED), key=lambda k: k == "circles:leave"
    )
    for key in posts:
        yield from ((key, "post", demo.home, url) for url in demo.urls[key] if "?" not in url)


def admin_url(route: str) -> str:
    """An address of an admin pattern; the middleware answers before any view looks at it."""
    route = re.sub(r"<int:\w+>", "1", route)
    route = re.sub(r"<(?:\w+:)?\w+>", "x", route)
    route = re.sub(r"\(\?P<\w+>[^)]*\)|\([^)]*\)", "1", route)
    return "/" + route.replace("^", "").replace("$", "").replace("\\", "")


def describe(response: HttpResponseBase) -> str:
    return f"{response.status_code} {response.get('Location', '')}".strip()


def test_a_password_alone_leads_every_privileged_page_to_the_second_factor(demo, settings):
    settings.ADMIN_REQUIRES_TOTP = True
    client = log_in(demo.editor)
    wrong = {}
    for pattern, method, host, url in requests(demo, PRIVILEGED | OWN_OR_PUBLIC):
        response = getattr(client, method)(url, HTTP_HOST=host)
        key = f"{method.upper()} {host}{url}"
        if pattern in PRIVILEGED:
            # An action answers a GET with 405 before it looks at anything.
            if not (
                to_second_factor(response, url) or (method, response.status_code) == ("get", 405)
            ):
                wrong[key] = describe(response)
        elif response.status_code >= 500 or asks_second_factor(response):
            wrong[key] = describe(response)
        elif names := leaked(response, demo.others):
            wrong[key] = f"shows {names}"
    for host, path in demo.pages:
        response = client.get(path, HTTP_HOST=host)
        if response.status_code != 200 or leaked(response, demo.others):
            wrong[f"GET {host}{path}"] = f"{describe(response)} {leaked(response, demo.others)}"
    for admin in ADMIN_PATTERNS:
        url = admin_url(admin.route)
        for method in ("get", "post"):
            response = getattr(client, method)(url, HTTP_HOST=demo.home)
            # Wagtail's log-in leads to allauth's (accounts/tests/test_two_factor.py).
            if not to_second_factor(response, url) and admin.route != f"{ADMIN}login/":
                wrong[f"{method.upper()} {url}"] = describe(response)
    assert wrong == {}, f"walked {PRIVILEGED_PATTERN_COUNT} privileged URL patterns"


def test_b_after_the_second_factor_the_privileged_pages_work(demo, settings):
    settings.ADMIN_REQUIRES_TOTP = True
    client = log_in(demo.editor)
    secret = activate_totp(demo.editor)
    response = client.post(reverse("mfa_reauthenticate"), {"code": current_code(secret)})
    assert response.status_code == 302, "the code is accepted"
    wrong = {}
    shown = set()
    # On the portal of the objects: the region's bottlenecks are another portal's 404.
    for pattern, method, host, url in requests(demo, PRIVILEGED | OWN_OR_PUBLIC, (demo.home,)):
        response = getattr(client, method)(url, HTTP_HOST=host)
        key = f"{method.upper()} {host}{url}"
        if asks_second_factor(response) or response.status_code >= 500:
            wrong[key] = describe(response)
        elif pattern in PRIVILEGED:
            works = response.status_code in (200, 302) or (
                (method, response.status_code) in {("get", 405), ("post", 400)}
            )
            if not works or response.get("Location", "").startswith(reverse("account_login")):
                wrong[key] = describe(response)
            elif method == "get" and leaked(response, demo.others):
                shown.add(pattern)
    for host, path in demo.pages:
        if (response := client.get(path, HTTP_HOST=host)).status_code != 200:
            wrong[f"GET {host}{path}"] = describe(response)
    for admin in ADMIN_PATTERNS:
        without_arguments = "<" not in admin.route and "(" not in admin.route
        if without_arguments and admin.name != ADMIN_FAILS_ON_PURPOSE:
            response = client.get(admin_url(admin.route), HTTP_HOST=demo.home)
            if asks_second_factor(response) or response.status_code >= 500:
                wrong[f"GET {admin_url(admin.route)}"] = describe(response)
    assert wrong == {}
    # The walk sees other people's data where the right allows it (so (a) and (c) would too).
    assert {"events:participants", "tracks:matrix", "circles:members"} <= shown


def test_c_a_learner_gets_no_privileged_page(demo, settings):
    settings.ADMIN_REQUIRES_TOTP = True
    client = log_in(demo.learner)
    wrong = {}
    for pattern, method, host, url in requests(demo, PRIVILEGED | OWN_OR_PUBLIC):
        response = getattr(client, method)(url, HTTP_HOST=host)
        key = f"{method.upper()} {host}{url}"
        if pattern in PRIVILEGED:
            if response.status_code not in (403, 404, 405) or asks_second_factor(response):
                wrong[key] = describe(response)
        elif response.status_code >= 500 or asks_second_factor(response):
            wrong[key] = describe(response)
        elif names := leaked(response, demo.others):
            wrong[key] = f"shows {names}"
    for host, path in demo.pages:
        response = client.get(path, HTTP_HOST=host)
        if response.status_code != 200 or leaked(response, demo.others):
            wrong[f"GET {host}{path}"] = f"{describe(response)} {leaked(response, demo.others)}"
    for admin in ADMIN_PATTERNS:
        url = admin_url(admin.route)
        response = client.get(url, HTTP_HOST=demo.home)
        if asks_second_factor(response) or (
            response.status_code == 200 and admin.name not in ADMIN_PUBLIC
        ):
            wrong[f"GET {url}"] = describe(response)
    assert wrong == {}


def test_the_editor_sets_up_the_app_and_comes_back_to_the_page(demo, settings):
    settings.ADMIN_REQUIRES_TOTP = True
    client = log_in(demo.editor)
    [members] = demo.urls["circles:members"]
    setup_url = client.get(members, HTTP_HOST=demo.home)["Location"]
    secret = client.get(setup_url, HTTP_HOST=demo.home).context["form"].secret
    response = client.post(setup_url, {"code": current_code(secret)}, HTTP_HOST=demo.home)
    codes = client.get(response["Location"], HTTP_HOST=demo.home)
    assert codes.context["continue_url"] == members
    assert client.get(members, HTTP_HOST=demo.home).status_code == 200
