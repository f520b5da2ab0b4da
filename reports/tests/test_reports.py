import csv
import io
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader
from wagtail.models import Page

from accounts.models import Profile
from accounts.tests.factories import OrganisationFactory, RoleFactory, SectorFactory
from catalogue.tests.factories import create_catalogue, create_item
from core.models import Municipality, Organisation
from core.tests.factories import RegionFactory
from learning.models import LearningRecord, Verb
from learning.services import record_statement
from organisations.models import Membership
from reports import figures, suppression
from reports.access import audience_of
from reports.models import Funder
from reports.suppression import Figure

REPORT = "/rapportages/"


@dataclass
class World:
    groningen: Any
    drenthe: Any
    stad: Any
    veendam: Any
    assen: Any
    housing: Any
    welfare: Any
    care: Any
    worker: Any
    item: Any


@pytest.fixture
def world(db: Any) -> World:
    return make_world()


def make_world() -> World:
    """Two provinces, three municipalities (one of the Veenkoloniën), three organisations in
    three sectors and a catalogue item to learn from."""
    groningen: Any = RegionFactory(slug="groningen", name="Groningen")
    drenthe: Any = RegionFactory(slug="drenthe", name="Drenthe")
    stad = Municipality.objects.create(name="Groningen", cbs_code="GM0014", region=groningen)
    veendam = Municipality.objects.create(
        name="Veendam", cbs_code="GM0047", region=groningen, is_veenkolonien=True
    )
    assen = Municipality.objects.create(name="Assen", cbs_code="GM0106", region=drenthe)
    housing = OrganisationFactory(
        name="Woonstichting Voorbeeld", sector=SectorFactory(name="Wonen", slug="wonen")
    )
    welfare = OrganisationFactory(
        name="Welzijn Voorbeeld", sector=SectorFactory(name="Welzijn", slug="welzijn")
    )
    care = OrganisationFactory(
        name="Zorggroep Drenthe Voorbeeld", sector=SectorFactory(name="Zorgsector", slug="zorg")
    )
    item = create_item(
        create_catalogue([groningen, drenthe]), slug="artikel", regions=[groningen, drenthe]
    )
    return World(
        groningen,
        drenthe,
        stad,
        veendam,
        assen,
        housing,
        welfare,
        care,
        RoleFactory(name="Wijkwerker", slug="wijkwerker"),
        item,
    )


_counter = iter(range(10**6))


def people(
    n: int,
    *,
    organisation: Organisation,
    municipality: Municipality,
    role: Any,
    item: Page,
    consent: bool = True,
    verb: str = Verb.COMPLETED,
) -> list[Any]:
    """n example professionals who each completed `item`: made in bulk, for numbers."""
    users = get_user_model().objects.bulk_create(
        get_user_model()(username=f"voorbeeld{next(_counter)}", email="x@example.org")
        for _ in range(n)
    )
    Profile.objects.bulk_create(
        Profile(
            user=user,
            full_name="Voorbeeld",
            role=role,
            organisation=organisation,
            municipality=municipality,
            has_report_consent=consent,
        )
        for user in users
    )
    page_type = ContentType.objects.get_for_model(Page)
    LearningRecord.objects.bulk_create(
        LearningRecord(
            timestamp=timezone.now(),
            actor=user,
            verb=verb,
            activity_type=page_type,
            activity_id=item.pk,
            activity_name="Artikel",
            role=role,
            organisation=organisation,
        )
        for user in users
    )
    return users


def criteria(**fields: Any) -> figures.Criteria:
    today = timezone.localdate()
    return figures.Criteria(start=today.replace(year=today.year - 1), end=today, **fields)


def shown(report: figures.Report, title: str) -> dict[str, str]:
    for breakdown in report.breakdowns:
        if breakdown.key == title:
            return {row.label: str(row.figure) for row in breakdown.rows}
    return {row.label: str(row.figure) for row in getattr(report, title)}


def user_with(**fields: Any) -> Any:
    user = get_user_model().objects.create_user(
        username=f"lezer{next(_counter)}",
        email="lezer@example.org",
        password="wachtwoord-lang-genoeg",
    )
    Profile.objects.create(user=user, full_name="Lezer (voorbeeld)", **fields)
    return user


def coordinator() -> Any:
    user = user_with()
    user.user_permissions.add(Permission.objects.get(codename="view_all_reports"))
    return get_user_model().objects.get(pk=user.pk)


# --- access ---------------------------------------------------------------------------


def test_access_matrix(client: Any, world: World) -> None:
    people(
        6, organisation=world.housing, municipality=world.stad, role=world.worker, item=world.item
    )
    people(7, organisation=world.care, municipality=world.assen, role=world.worker, item=world.item)
    admin = user_with()
    Membership.objects.create(
        user=admin, organisation=world.housing, role="admin", joined_by="editor"
    )
    member = user_with()
    Membership.objects.create(
        user=member, organisation=world.housing, role="member", joined_by="editor"
    )
    funder = user_with()
    Funder.objects.create(user=funder, region=world.groningen)

    assert client.get(REPORT).status_code == 404
    client.force_login(member)
    assert client.get(REPORT).status_code == 404
    assert client.get(reverse("reports:export", args=["csv"])).status_code == 404

    client.force_login(coordinator())
    sectors = shown(client.get(REPORT).context["report"], "sectors")
    assert sectors == {"Wonen": "5", "Zorgsector": "5"}

    client.force_login(funder)
    # Drenthe's province in the address changes nothing: it is no choice of theirs.
    response = client.get(REPORT, {"region": world.drenthe.pk})
    assert response.context["report"] is None
    response = client.get(REPORT)
    report = response.context["report"]
    assert shown(report, "sectors") == {"Wonen": "5"}
    assert "Assen" not in shown(report, "municipalities")
    assert "Zorgsector" not in response.content.decode().split('<h2 id="sectors-title"')[1]

    client.force_login(admin)
    response = client.get(REPORT, {"organisation": world.care.pk})
    report = response.context["report"]
    assert report.criteria.organisation == world.housing
    assert shown(report, "sectors") == {"Wonen": "5"}
    assert shown(report, "summary")["Bereikte mensen"] == "5"


def test_only_people_who_agreed_are_counted(world: World) -> None:
    people(
        6, organisation=world.housing, municipality=world.stad, role=world.worker, item=world.item
    )
    people(
        9,
        organisation=world.housing,
        municipality=world.stad,
        role=world.worker,
        item=world.item,
        consent=False,
    )
    report = figures.build(criteria())
    assert shown(report, "summary")["Bereikte mensen"] == "5"


def test_a_service_written_record_counts(world: World) -> None:
    learners = people(
        4,
        organisation=world.welfare,
        municipality=world.stad,
        role=world.worker,
        item=world.item,
        verb=Verb.PROGRESSED,
    )
    one_more = user_with(
        organisation=world.welfare,
        municipality=world.stad,
        role=world.worker,
        has_report_consent=True,
    )
    assert figures.build(criteria()).is_small
    record_statement(actor=one_more, verb=Verb.COMPLETED, activity=world.item, completion=True)
    report = figures.build(criteria())
    assert not report.is_small and len(learners) + 1 == 5
    assert shown(report, "summary")["Bereikte mensen"] == "5"


def test_audience_of_each_kind(world: World) -> None:
    funder = user_with()
    Funder.objects.create(user=funder, region=world.drenthe)
    funder_audience, coordinator_audience = audience_of(funder), audience_of(coordinator())
    assert funder_audience is not None and funder_audience.region_ids == (world.drenthe.pk,)
    assert coordinator_audience is not None and coordinator_audience.regions is None
    assert audience_of(user_with()) is None


# --- suppression ----------------------------------------------------------------------


def test_rule_in_numbers() -> None:
    assert [str(suppression.count(n)) for n in (0, 1, 4, 5, 7, 8, 12, 13)] == [
        "0",
        "< 5",
        "< 5",
        "5",
        "5",
        "10",
        "10",
        "15",
    ]
    assert str(suppression.count(40, people=3)) == "< 5"
    cells = suppression.breakdown([(12, 12), (3, 3), (7, 7), (30, 30)])
    assert [str(cell) for cell in cells] == ["10", "< 5", "x", "30"]
    # Two suppressed already: nothing more hidden.
    assert [str(c) for c in suppression.breakdown([(2, 2), (3, 3), (9, 9)])] == ["< 5", "< 5", "10"]


def consistent_smalls(total_shown: int, big_shown: int) -> set[int]:
    """Which group sizes 1-4 fit what two views show: the total and the big group."""
    return {
        small
        for small in range(1, 5)
        for big in range(5, 200)
        if suppression.rounded(big) == big_shown and suppression.rounded(big + small) == total_shown
    }


@pytest.mark.parametrize("big", range(5, 60))
def test_no_difference_between_views_reveals_a_small_group(big: int) -> None:
    for small in range(1, 5):
        total_shown = suppression.rounded(big + small)
        big_shown = suppression.rounded(big)
        assert small in consistent_smalls(total_shown, big_shown)
        assert len(consistent_smalls(total_shown, big_shown)) >= 2


def test_differencing_reports_in_the_database(world: World) -> None:
    people(
        12, organisation=world.housing, municipality=world.stad, role=world.worker, item=world.item
    )
    people(
        3, organisation=world.welfare, municipality=world.stad, role=world.worker, item=world.item
    )
    everyone = figures.build(criteria())
    housing_only = figures.build(criteria(sector=world.housing.sector))
    welfare_only = figures.build(criteria(sector=world.welfare.sector))
    # The small group alone: only "< 5", nothing else.
    assert welfare_only.is_small and welfare_only.breakdowns == []
    assert shown(welfare_only, "summary") == {"Bereikte mensen": "< 5"}
    # Its cell is suppressed and the one beside it hidden: total minus visible cells is blind.
    assert shown(everyone, "sectors") == {"Wonen": "x", "Welzijn": "< 5"}
    total = int(shown(everyone, "summary")["Bereikte mensen"])
    housing = int(shown(housing_only, "summary")["Bereikte mensen"])
    # All sectors minus one sector: 15 - 10 = 5, while the group is 3; and 1, 2 or 4 would
    # have shown the same.
    assert (total, housing) == (15, 10)
    assert consistent_smalls(total, housing) >= {2, 3, 4}


# --- filters --------------------------------------------------------------------------


def test_filters(world: World) -> None:
    people(
        6, organisation=world.housing, municipality=world.stad, role=world.worker, item=world.item
    )
    people(
        8,
        organisation=world.housing,
        municipality=world.veendam,
        role=RoleFactory(name="Wijkcoach", slug="wijkcoach"),
        item=world.item,
    )
    people(5, organisation=world.care, municipality=world.assen, role=world.worker, item=world.item)
    reached = "Bereikte mensen"
    assert shown(figures.build(criteria()), "summary")[reached] == "20"
    assert shown(figures.build(criteria(regions=(world.drenthe.pk,))), "summary")[reached] == "5"
    assert shown(figures.build(criteria(veenkolonien=True)), "summary")[reached] == "10"
    assert shown(figures.build(criteria(municipality=world.stad)), "summary")[reached] == "5"
    assert shown(figures.build(criteria(role=world.worker)), "summary")[reached] == "10"
    assert shown(figures.build(criteria(organisation=world.care)), "summary")[reached] == "5"
    municipalities = shown(figures.build(criteria()), "municipalities")
    assert municipalities["Veenkoloniën samen"] == "10"
    last_year = timezone.localdate().replace(year=timezone.localdate().year - 3)
    old = figures.build(figures.Criteria(start=last_year, end=last_year))
    assert old.is_small


def test_a_wrong_period_shows_an_error_and_no_report(client: Any, world: World) -> None:
    client.force_login(coordinator())
    response = client.get(REPORT, {"start": "2026-05-01", "end": "2026-01-01"})
    assert response.context["report"] is None
    assert "Het einde komt na het begin." in response.content.decode()


# --- exports and PDF ------------------------------------------------------------------


def test_csv_and_excel_are_suppressed_too(client: Any, world: World) -> None:
    people(
        12, organisation=world.housing, municipality=world.stad, role=world.worker, item=world.item
    )
    people(
        3, organisation=world.welfare, municipality=world.stad, role=world.worker, item=world.item
    )
    client.force_login(coordinator())
    text = client.get(reverse("reports:export", args=["csv"])).content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    by_figure = {row[1]: row[2] for row in rows[1:] if row[0] == "Bereikte mensen per sector"}
    assert by_figure == {"Wonen": "x", "Welzijn": "< 5"}
    assert ["Samenvatting", "Bereikte mensen", "15"] in rows
    workbook = load_workbook(
        io.BytesIO(client.get(reverse("reports:export", args=["xlsx"])).content)
    )
    cells = [[cell.value for cell in row] for row in workbook.active.iter_rows()]
    assert ["Bereikte mensen per sector", "Welzijn", "< 5"] in cells
    assert ["Samenvatting", "Bereikte mensen", 15] in cells
    assert not any(12 in row or 3 in row for row in cells)


def test_the_yearly_pdf_holds_the_figures(client: Any, world: World) -> None:
    people(
        12, organisation=world.housing, municipality=world.stad, role=world.worker, item=world.item
    )
    client.force_login(coordinator())
    year = timezone.localdate().year
    response = client.get(reverse("reports:yearly", args=[year]))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert f"Bereik van Leren over armoede in {year}" in text
    assert "Wonen" in text and "10" in text


# --- queries --------------------------------------------------------------------------


@pytest.mark.parametrize("size", [10, 1000])
def test_the_page_takes_the_same_queries_at_any_size(
    client: Any, world: World, size: int, django_assert_num_queries: Any
) -> None:
    people(
        size,
        organisation=world.housing,
        municipality=world.stad,
        role=world.worker,
        item=world.item,
    )
    client.force_login(coordinator())
    # Warms the portal's data and the content types with another report, not this one.
    client.get(REPORT + "?start=2000-01-01")
    with django_assert_num_queries(QUERIES):
        response = client.get(REPORT)
    assert shown(response.context["report"], "summary")["Bereikte mensen"] == str(
        suppression.rounded(size)
    )
    # The same report again within minutes: counted once, kept for everyone who asks it.
    with django_assert_num_queries(KEPT_QUERIES):
        client.get(REPORT + "&v=1" if "?" in REPORT else REPORT + "?v=1")


QUERIES = 23
KEPT_QUERIES = 5


def test_links_for_those_who_read_reports(rf: Any, world: World) -> None:
    from reports.wagtail_hooks import administrator_link, reader_link

    funder = user_with()
    Funder.objects.create(user=funder, region=world.groningen)
    admin = user_with()
    admin_membership = Membership.objects.create(
        user=admin, organisation=world.housing, role="admin", joined_by="editor"
    )
    member_membership = Membership.objects.create(
        user=user_with(), organisation=world.housing, role="member", joined_by="editor"
    )
    request = rf.get("/mijn/")
    for reader in (coordinator(), funder):
        request.user = reader
        assert reader_link(request) == [{"title": "Bereikrapportages", "url": REPORT}]
    for other in (admin, member_membership.user):
        request.user = other
        assert reader_link(request) == []
    assert administrator_link(request, admin_membership)[0]["url"] == REPORT
    assert administrator_link(request, member_membership) == []


def test_evaluations_accreditation_circles_and_bottlenecks(world: World) -> None:
    from circles.models import Bottleneck
    from circles.tests.factories import make_case, make_circle
    from events.models import Evaluation, Registration
    from events.tests.factories import create_event

    catalogue = world.item.get_parent().specific
    event = create_event(
        catalogue,
        regions=[world.groningen],
        sessions=2,
        starts_in=timedelta(days=-30),
        accreditation_points=3,
    )
    learners = people(
        6, organisation=world.housing, municipality=world.stad, role=world.worker, item=world.item
    )
    few = people(
        3, organisation=world.care, municipality=world.assen, role=world.worker, item=world.item
    )
    for session in event.sessions.all():
        for user in [*learners, *few]:
            Registration.objects.create(
                session=session,
                user=user,
                name="Voorbeeld",
                email="v@example.org",
                state="attended",
            )
    first_session = event.sessions.first()
    for user, rating in zip([*learners, *few], [5, 5, 5, 4, 4, 2, 1, 1, 1], strict=True):
        registration = Registration.objects.get(session=first_session, user=user)
        Evaluation.objects.create(
            registration=registration, answers={"q0": str(rating), "q2": "Geheim"}
        )
    circle = make_circle(
        slug="veendam", region=world.groningen, code="GM0047", members=tuple(learners[:5])
    )
    make_case(circle, learners[0])
    Bottleneck.objects.create(
        circle=circle,
        title="Regels",
        description="Te streng.",
        kind="law",
        shared_at=timezone.now(),
        responded_at=timezone.now(),
    )

    groningen = figures.build(criteria(regions=(world.groningen.pk,)))
    summary = shown(groningen, "summary")
    assert summary["Behaalde accreditatiepunten"] == "20"  # 6 people, 3 points each, rounded
    question = groningen.questions[0]
    assert (str(question.answers), str(question.average)) == ("5", "4,2")
    # Ratings 5,5,5,4,4,2: three groups of 1-4 people, each "< 5".
    assert [str(cell) for cell in question.spread] == ["0", "< 5", "0", "< 5", "< 5"]
    assert "Geheim" not in str(groningen)
    assert shown(groningen, "circles") == {
        "Actieve leerkringen": "1",
        "Bijeenkomsten gehouden": "0",
        "Casussen ingebracht": "< 5",
        "Leden van leerkringen": "5",
    }
    assert shown(groningen, "bottlenecks")["Beantwoord door de regio"] == "1"

    drenthe = figures.build(criteria(regions=(world.drenthe.pk,)))
    assert drenthe.is_small and drenthe.questions == []
    assert shown(drenthe, "circles")["Actieve leerkringen"] == "0"
    assert shown(drenthe, "bottlenecks")["Knelpunten gemeld"] == "0"


def test_editors_add_funders_in_beheer(client: Any, world: World) -> None:
    editor = get_user_model().objects.create_superuser("redacteur", "redacteur@example.org", "x")
    reader = user_with()
    client.force_login(editor)
    assert client.get(reverse("wagtailsnippets_reports_funder:add")).status_code == 200
    response = client.post(
        reverse("wagtailsnippets_reports_funder:add"),
        {"user": reader.pk, "region": world.drenthe.pk},
    )
    assert response.status_code == 302
    assert Funder.objects.filter(user=reader, region=world.drenthe).exists()
    listing = client.get(reverse("wagtailsnippets_reports_funder:list")).content.decode()
    assert "Drenthe" in listing


def test_the_veenkolonien_total_does_not_give_away_a_hidden_municipality(world: World) -> None:
    people(
        12, organisation=world.housing, municipality=world.stad, role=world.worker, item=world.item
    )
    people(
        7,
        organisation=world.welfare,
        municipality=world.veendam,
        role=world.worker,
        item=world.item,
    )
    people(3, organisation=world.care, municipality=world.assen, role=world.worker, item=world.item)
    report = figures.build(criteria())
    # Assen is small, so Veendam is hidden beside it; Veendam is all of the Veenkoloniën
    # here, so their total would show Veendam: it is hidden too, also in the summary.
    assert shown(report, "municipalities") == {
        "Assen": "< 5",
        "Groningen": "10",
        "Veendam": "x",
        "Veenkoloniën samen": "x",
    }
    assert shown(report, "summary")["Bereikte mensen in de Veenkoloniën"] == "x"
    assert [str(f) for f in suppression.breakdown([(3, 3), (7, 7), (12, 12)])] == ["< 5", "x", "10"]
    assert str(suppression.group(19, [Figure(None), Figure(None, is_hidden=True)])) == "20"
