"""The region filters of /aanbod/ and /agenda/ offer the Veenkoloniën across both provinces:
what takes place in, or is about, a municipality of the definition the monitor uses."""

import re
from typing import Any

from catalogue.tests.factories import create_item
from core.cache import invalidate_page_cache
from core.models import Municipality
from monitor import services
from monitor.models import MonitorSettings, VeenkolonienDefinition
from monitor.tests.data import write_veenkolonien

from .factories import create_event

HOST: dict[str, Any] = {"HTTP_HOST": "groningen.localhost"}


def titles(html: str) -> list[str]:
    return sorted(re.findall(r'class="item-card__title"><a href="[^"]+">([^<]+)</a>', html))


def municipalities(regions) -> dict[str, Municipality]:
    groningen, drenthe = regions
    return {
        name: Municipality.objects.create(name=name, cbs_code=code, region=region)
        for name, code, region in [
            ("Stadskanaal", "GM0037", groningen),
            ("Emmen", "GM0114", drenthe),
            ("Assen", "GM0106", drenthe),
        ]
    }


def test_the_catalogue_and_agenda_filter_on_the_veenkolonien_the_monitor_uses(
    client, tmp_path, catalogue, agenda, regions, django_capture_on_commit_callbacks
):
    places = municipalities(regions)
    in_stadskanaal = create_item(catalogue, slug="sociale-kaart-stadskanaal", regions=regions)
    in_stadskanaal.municipalities.set([places["Stadskanaal"]])
    in_stadskanaal.save_revision().publish()
    in_assen = create_item(catalogue, slug="leerkring-assen", regions=regions)
    in_assen.municipalities.set([places["Assen"]])
    in_assen.save_revision().publish()
    create_item(catalogue, slug="voor-de-hele-regio", regions=regions)
    in_emmen = create_event(catalogue, slug="werksessie-emmen", regions=regions)
    in_emmen.municipalities.set([places["Emmen"]])
    in_emmen.save_revision().publish()
    create_event(catalogue, slug="webinar-online", regions=regions)
    with django_capture_on_commit_callbacks(execute=True):
        services.import_veenkolonien(
            path=write_veenkolonien(
                tmp_path / "v.json",
                {"kern": ["GM0037", "GM0114"], "breed": ["GM0037", "GM0114", "GM0106"]},
            )
        )
    assert set(
        Municipality.objects.filter(is_veenkolonien=True).values_list("name", flat=True)
    ) == {
        "Stadskanaal",
        "Emmen",
    }

    html = client.get("/aanbod/?regio=veenkolonien", **HOST).content.decode()
    assert titles(html) == ["Sociale kaart stadskanaal", "Werksessie emmen"]
    # The option sits beside the provinces, with its count.
    assert re.search(r'value="veenkolonien"[^>]*checked', html)
    assert 'Veenkoloniën <span class="facet__count">(2)</span>' in html

    html = client.get("/agenda/?regio=veenkolonien", **HOST).content.decode()
    assert "Werksessie emmen" in html and "Webinar online" not in html
    assert '<option value="veenkolonien" selected>Veenkoloniën</option>' in html

    # Editors choose the broad definition in the monitor's settings: Assen joins at once.
    with django_capture_on_commit_callbacks(execute=True):
        MonitorSettings.objects.create(veenkolonien=VeenkolonienDefinition.objects.get(key="breed"))
    assert Municipality.objects.get(name="Assen").is_veenkolonien
    html = client.get("/aanbod/?regio=veenkolonien", **HOST).content.decode()
    assert titles(html) == ["Leerkring assen", "Sociale kaart stadskanaal", "Werksessie emmen"]


def test_without_items_in_the_veenkolonien_the_catalogue_offers_no_empty_option(
    client, catalogue, agenda, regions, django_capture_on_commit_callbacks
):
    places = municipalities(regions)
    places["Emmen"].is_veenkolonien = True
    places["Emmen"].save()
    create_item(catalogue, slug="voor-de-hele-regio", regions=regions)
    html = client.get("/aanbod/", **HOST).content.decode()
    assert 'value="veenkolonien"' not in html

    in_emmen = create_item(catalogue, slug="huisbezoek-emmen", regions=regions)
    in_emmen.municipalities.set([places["Emmen"]])
    in_emmen.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        invalidate_page_cache()
    html = client.get("/aanbod/", **HOST).content.decode()
    assert 'value="veenkolonien"' in html
    # A chosen Veenkoloniën and a province widen each other, as options of one facet do.
    html = client.get("/aanbod/?regio=veenkolonien&regio=groningen", **HOST).content.decode()
    assert titles(html) == ["Huisbezoek emmen", "Voor de hele regio"]
