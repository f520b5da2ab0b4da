"""/actieagenda/ and its spearheads: what they show and gather, per portal, in a fixed
number of queries."""

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone

from actionagenda.models import SpearheadUpdate, TargetMeasurement
from catalogue.tests.factories import create_item, term
from circles.models import Bottleneck
from circles.tests.factories import make_case, make_circle, make_user
from core.models import Theme
from events.models import Session
from events.tests.factories import create_event
from tracks.tests.factories import create_track

from .factories import add_meeting, create_spearhead, create_target_with

GRONINGEN = {"HTTP_HOST": "groningen.localhost"}
DRENTHE = {"HTTP_HOST": "drenthe.localhost"}


def html_of(client, path, host=GRONINGEN):
    response = client.get(path, **host)
    assert response.status_code == 200
    return response.content.decode()


def test_index_shows_the_portals_spearheads_targets_and_meetings(
    client,
    agenda,
    spearhead,
    regions,
    groningen,
):
    create_spearhead(agenda, slug="alleen-drenthe", regions=[regions[1]])
    draft = create_spearhead(agenda, slug="nog-een-concept", regions=regions)
    draft.unpublish()
    create_target_with(spearhead, [(date(2026, 1, 15), 40), (date(2026, 6, 1), 95)])
    add_meeting(agenda, date(2026, 3, 4), "Drie bestuurders lichten hun speerpunt toe.")
    add_meeting(agenda, date(2026, 7, 7), "Het actieplan vroegsignalering is vastgesteld.")

    html = html_of(client, "/actieagenda/")
    assert "Vroegsignalering en preventie" in html
    assert "Alleen drenthe" not in html and "Nog een concept" not in html
    assert 'href="/actieagenda/vroegsignalering-en-preventie/"' in html
    # The chart is an image with a text alternative, and the numbers stand in a table.
    assert re.search(r'<svg class="target__chart" role="img" aria-labelledby="[^"]+"', html)
    assert "<title id=" in html and "<desc id=" in html
    assert "95 van 250 mensen (38%)" in html
    assert html.count("<tr><td><time") == 2
    # Newest meeting first.
    assert html.index("7 juli 2026") < html.index("4 maart 2026")
    assert "Alleen drenthe" in html_of(client, "/actieagenda/", DRENTHE)


def test_chart_coordinates_are_not_localised(client, agenda, spearhead):
    create_target_with(spearhead, [(date(2026, 1, 1), 10), (date(2026, 2, 1), 125)])
    html = html_of(client, "/actieagenda/")
    match = re.search(r'<polyline class="target__line" points="([^"]+)"', html)
    assert match and re.fullmatch(r"[\d.]+,[\d.]+ [\d.]+,[\d.]+", match[1])


def test_spearhead_page_shows_goal_plans_partners_updates_and_its_targets(
    client, agenda, spearhead
):
    other = create_spearhead(agenda, slug="wet-en-regelgeving", regions=spearhead.regions.all())
    create_target_with(spearhead, [(date(2026, 1, 1), 12)], title="Eigen doel")
    create_target_with(other, [(date(2026, 1, 1), 3)], title="Doel van een ander")
    SpearheadUpdate.objects.create(
        page=spearhead, published_on=date(2026, 2, 1), text="Startnotitie besproken."
    )
    SpearheadUpdate.objects.create(
        page=spearhead, published_on=date(2026, 5, 1), text="Eerste werksessies gehouden."
    )

    html = html_of(client, "/actieagenda/vroegsignalering-en-preventie/")
    assert "Doel van vroegsignalering-en-preventie." in html
    assert "Een actieplan met de partners." in html
    assert "Loopt" in html
    assert "Eigen doel" in html and "Doel van een ander" not in html
    assert html.index("1 mei 2026") < html.index("1 februari 2026")
    assert 'href="/actieagenda/"' in html


def test_spearhead_gathers_what_belongs_to_its_theme_on_this_portal(
    client,
    spearhead,
    catalogue,
    regions,
    groningen,
):
    create_item(catalogue, slug="signalen-herkennen", regions=regions, themes=("vroegsignalering",))
    create_item(catalogue, slug="over-iets-anders", regions=regions, themes=("bejegening",))
    create_item(
        catalogue, slug="alleen-in-drenthe", regions=[regions[1]], themes=("vroegsignalering",)
    )
    create_item(
        catalogue, slug="concept", regions=regions, live=False, themes=("vroegsignalering",)
    )
    theme = term(Theme, "vroegsignalering")
    event = create_event(catalogue, slug="werksessie-vroegsignalering", regions=regions)
    event.themes.set([theme])
    event.save()
    past = create_event(
        catalogue, slug="afgelopen-werksessie", regions=regions, starts_in=timedelta(days=-10)
    )
    past.themes.set([theme])
    past.save()
    track = create_track(catalogue, regions=regions, slug="leergang-geldzorgen", days=1)
    track.themes.set([theme])
    track.save()

    html = html_of(client, "/actieagenda/vroegsignalering-en-preventie/")
    assert "Signalen herkennen" in html
    assert "Over iets anders" not in html
    assert "Alleen in drenthe" not in html
    assert "Concept" not in html
    assert "Werksessie vroegsignalering" in html
    assert "Afgelopen werksessie" not in html
    assert "Leergang geldzorgen" in html
    # Events and tracks are in their own lists, not again among the items.
    assert html.count(">Werksessie vroegsignalering<") == 1
    assert html.count(">Leergang geldzorgen<") == 1
    assert 'href="/aanbod/?thema=vroegsignalering"' in html
    assert "Alleen in drenthe" in html_of(
        client, "/actieagenda/vroegsignalering-en-preventie/", DRENTHE
    )


def test_spearhead_gathers_only_shared_bottlenecks_of_its_kinds_without_the_case(
    client,
    spearhead,
    groningen,
):
    facilitator = make_user("begeleider")
    circle = make_circle(
        slug="stadskanaal", region=groningen.region, facilitator=facilitator, code="GM0037"
    )
    case = make_case(circle, facilitator, title="Geheime casus", situation="Een situatie.")
    now = timezone.now()

    def bottleneck(title, kind, shared=True, circle=circle):
        return Bottleneck.objects.create(
            circle=circle,
            title=title,
            description=f"Beschrijving van {title}",
            kind=kind,
            case=case,
            shared_at=now if shared else None,
        )

    bottleneck("Regels botsen", "law")
    bottleneck("Niet gedeeld", "law", shared=False)
    bottleneck("Andere soort", "ict_privacy")
    other_region = make_circle(
        slug="assen",
        region=spearhead.regions.exclude(pk=groningen.region.pk).get(),
        code="GM0106",
    )
    bottleneck("In een andere regio", "money", circle=other_region)

    html = html_of(client, "/actieagenda/vroegsignalering-en-preventie/")
    assert "Regels botsen" in html
    assert "Stadskanaal" in html
    for absent in ("Niet gedeeld", "Andere soort", "In een andere regio", "Geheime casus"):
        assert absent not in html
    assert "Beschrijving van" not in html


def test_nothing_to_gather_says_so(client, spearhead):
    html = html_of(client, "/actieagenda/vroegsignalering-en-preventie/")
    assert "Over dit thema staat nog niets op de site." in html


def test_unpublished_or_other_portal_spearhead_is_not_found(client, agenda, regions):
    create_spearhead(agenda, slug="alleen-drenthe", regions=[regions[1]])
    draft = create_spearhead(agenda, slug="concept", regions=regions)
    draft.unpublish()
    assert client.get("/actieagenda/alleen-drenthe/", **GRONINGEN).status_code == 404
    assert client.get("/actieagenda/concept/", **GRONINGEN).status_code == 404
    assert client.get("/actieagenda/bestaat-niet/", **GRONINGEN).status_code == 404


def test_pages_are_in_the_sitemap_and_the_footer(client, spearhead):
    sitemap = html_of(client, "/sitemap.xml")
    assert "/actieagenda/</loc>" in sitemap
    assert "/actieagenda/vroegsignalering-en-preventie/</loc>" in sitemap
    home = html_of(client, "/")
    footer = home[home.index('class="site-footer"') :]
    assert 'href="/actieagenda/"' in footer


@pytest.mark.parametrize("count", [10, 500])
def test_queries_do_not_grow_with_what_is_gathered(
    client,
    agenda,
    spearhead,
    catalogue,
    regions,
    groningen,
    count,
    django_assert_num_queries,
):
    # Pages are slow to build, so there are 5 or 50 items and events; their sessions,
    # the bottlenecks, measurements, updates and meetings number 10 or 500.
    theme = term(Theme, "vroegsignalering")
    for number in range(count // 10):
        create_item(catalogue, slug=f"item-{number}", regions=regions)
    events = [
        create_event(catalogue, slug=f"event-{number}", regions=regions, sessions=0)
        for number in range(count // 10)
    ]
    start = timezone.now() + timedelta(days=5)
    Session.objects.bulk_create(
        Session(
            event=events[number % len(events)],
            starts_at=start + timedelta(hours=number),
            ends_at=start + timedelta(hours=number, minutes=30),
            capacity=10,
        )
        for number in range(count)
    )
    for event in events:
        event.themes.set([theme])
        event.save()
    circle = make_circle(slug="stadskanaal", region=groningen.region)
    Bottleneck.objects.bulk_create(
        Bottleneck(
            circle=circle,
            title=f"Knelpunt {n}",
            description="x",
            kind="law",
            shared_at=timezone.now(),
        )
        for n in range(count)
    )
    target = create_target_with(spearhead, [])
    TargetMeasurement.objects.bulk_create(
        TargetMeasurement(
            target=target, measured_on=date(2020, 1, 1) + timedelta(days=n), value=n, source="x"
        )
        for n in range(count)
    )
    SpearheadUpdate.objects.bulk_create(
        SpearheadUpdate(page=spearhead, published_on=date(2026, 1, 1), text=f"Update {n}")
        for n in range(count)
    )
    for n in range(count):
        add_meeting(agenda, date(2026, 1, 1), f"Besluit {n}")

    path = "/actieagenda/vroegsignalering-en-preventie/"
    client.get(path, **GRONINGEN)  # warm the portal caches
    with django_assert_num_queries(10):
        html = html_of(client, path + "?v=1")
    assert html.count('class="target__point"') == count
    assert html.count("Knelpunt ") == 6
    client.get("/actieagenda/", **GRONINGEN)
    with django_assert_num_queries(4):
        html = html_of(client, "/actieagenda/?v=1")
    assert html.count("Besluit ") == count


def test_spearhead_gathers_the_portals_news_on_its_theme(client, spearhead, regions):
    from news.tests.factories import create_news, create_news_index

    index = create_news_index(regions)
    theme, other = term(Theme, "vroegsignalering"), term(Theme, "iets-anders")
    for slug, in_regions, themes in (
        ("signalen-op-tijd", regions, [theme]),
        ("ander-onderwerp", regions, [other]),
        ("alleen-in-drenthe", [regions[1]], [theme]),
    ):
        news = create_news(index, slug=slug, regions=in_regions)
        news.themes.set(themes)
        news.save()

    html = html_of(client, "/actieagenda/vroegsignalering-en-preventie/")
    assert ">Signalen op tijd<" in html
    assert "Ander onderwerp" not in html
    assert "Alleen in drenthe" not in html
    assert "Alleen in drenthe" in html_of(
        client, "/actieagenda/vroegsignalering-en-preventie/", DRENTHE
    )


def test_gathered_sessions_are_named_by_event_and_their_own_title(
    client, catalogue, spearhead, regions
):
    event = create_event(catalogue, slug="werksessie-vroegsignalering", regions=regions)
    event.themes.set([term(Theme, "vroegsignalering")])
    event.save()
    Session.objects.filter(event=event).update(title="Werkplaats A")
    html = html_of(client, "/actieagenda/vroegsignalering-en-preventie/")
    assert ">Werksessie vroegsignalering: Werkplaats A<" in html
