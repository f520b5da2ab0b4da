"""/monitor/ and a municipality's page: map, table, averages, source and caveat."""

import re

import pytest
from django.urls import reverse

from core.models import Municipality
from monitor import services
from monitor.models import MonitorSettings, VeenkolonienDefinition

from .data import (
    EXAMPLE_MUNICIPALITIES,
    example_rows,
    write_boundaries,
    write_figures,
    write_veenkolonien,
)

pytestmark = pytest.mark.django_db
HOST = {"HTTP_HOST": "groningen.localhost"}
CAVEAT = "2021 is het laatste jaar van de oude maat van CBS voor een laag inkomen"


def load(tmp_path, municipalities=EXAMPLE_MUNICIPALITIES, veenkolonien=("GM0037", "GM0114")):
    codes = [code for code, _name, _province in municipalities]
    services.import_figures(
        path=write_figures(tmp_path / "kwb2021.csv", example_rows(municipalities)),
        source="CBS, voorbeeldtabel 2021",
    )
    services.import_boundaries(path=write_boundaries(tmp_path / "g2022.geojson", codes))
    services.import_veenkolonien(
        path=write_veenkolonien(
            tmp_path / "v.json", {"kern_agenda_2002": veenkolonien, "breed": codes}
        )
    )


def many(count: int) -> list[tuple[str, str, str]]:
    return [
        (f"GM{number:04d}", f"Gemeente {number}", ("Groningen", "Drenthe")[number % 2])
        for number in range(1, count + 1)
    ]


def test_without_figures_the_monitor_says_how_to_import_them(client, drenthe):
    html = client.get("/monitor/", **HOST).content.decode()
    assert "Er zijn nog geen cijfers geladen" in html
    assert "python manage.py import_monitor" in html
    assert '<svg class="monitor-map__svg"' not in html


def test_the_map_and_table_show_every_municipality_with_its_value(client, tmp_path, drenthe):
    load(tmp_path)
    html = client.get("/monitor/", **HOST).content.decode()

    assert html.count('class="monitor-map__area"') == 3
    assert 'aria-label="Stadskanaal: 2,0% (Veenkoloniën)"' in html
    assert 'aria-label="Assen: 1,0%"' in html
    assert html.count('<path d="') == 2  # the Veenkoloniën outlined
    assert re.search(r'<th scope="row"><a href="/monitor/emmen/">Emmen</a></th>', html)
    assert '<td class="monitor-table__number">3,0%</td>' in html
    # Averages: Drenthe (Assen 1.0, Emmen 3.0), the Veenkoloniën (Stadskanaal 2.0, Emmen 3.0).
    assert "<dt>Provincie Drenthe</dt><dd>2,0%</dd>" in html
    assert "<dt>Provincie Groningen</dt><dd>2,0%</dd>" in html
    assert "<dt>Veenkoloniën</dt><dd>2,5%</dd>" in html
    # Source, licence, measure and the caveat.
    assert "CBS, voorbeeldtabel 2021" in html and "CC BY 4.0" in html
    assert "CBS-gebiedsindelingen 2022" in html
    assert "lage-inkomensgrens van CBS (de oude maat" in html
    assert CAVEAT in html
    assert "Kern van de Agenda voor de Veenkoloniën (2002), 2 gemeenten." in html


def test_choosing_an_indicator_and_sorting(client, tmp_path, drenthe):
    load(tmp_path)
    html = client.get(
        "/monitor/?indicator=mediaan_vermogen_huishouden_x1000&sorteer=-waarde", **HOST
    ).content.decode()
    assert '<option value="mediaan_vermogen_huishouden_x1000" selected>' in html
    assert "€ 1.800" in html  # example: 1.8 thousand euros
    names = re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', html)
    assert names == ["Emmen", "Stadskanaal", "Assen"]
    assert 'aria-sort="descending"' in html
    # The heading sorts the other way next.
    assert "sorteer=waarde" in html
    by_province = client.get("/monitor/?sorteer=provincie", **HOST).content.decode()
    assert re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', by_province) == [
        "Assen",
        "Emmen",
        "Stadskanaal",
    ]


def test_an_unknown_indicator_or_sort_shows_the_default(client, tmp_path, drenthe):
    load(tmp_path)
    response = client.get("/monitor/?indicator=x&sorteer=y", **HOST)
    assert response.status_code == 200
    assert "Huishoudens met een laag inkomen, 2021" in response.content.decode()


def test_htmx_gets_only_map_and_table_and_the_announcement(client, tmp_path, drenthe):
    load(tmp_path)
    html = client.get(
        "/monitor/?indicator=pct_jongeren_met_jeugdzorg", HTTP_HX_REQUEST="true", **HOST
    ).content.decode()
    assert "<html" not in html
    assert 'class="monitor-map__area"' in html
    assert 'hx-swap-oob="true">De kaart en de tabel tonen nu: Jongeren met jeugdzorg.' in html


def test_editors_choose_the_veenkolonien_definition(client, tmp_path, drenthe):
    load(tmp_path)
    MonitorSettings.objects.create(veenkolonien=VeenkolonienDefinition.objects.get(key="breed"))
    html = client.get("/monitor/", **HOST).content.decode()
    assert "De Veenkoloniën zijn hier: breed, 3 gemeenten." in html
    assert html.count('<path d="') == 3


def test_a_get_creates_no_settings(client, tmp_path, drenthe):
    load(tmp_path)
    client.get("/monitor/", **HOST)
    client.get("/monitor/assen/", **HOST)
    assert not MonitorSettings.objects.exists()


def test_a_municipality_page_compares_with_province_and_veenkolonien(client, tmp_path, drenthe):
    load(tmp_path)
    newer = example_rows(EXAMPLE_MUNICIPALITIES, 2022)
    services.import_figures(path=write_figures(tmp_path / "kwb2022.csv", newer))

    html = client.get("/monitor/emmen/", **HOST).content.decode()

    assert "<h1>Emmen</h1>" in html
    assert "Hoort bij de Veenkoloniën." in html
    # Emmen 2022: 3.01%; Drenthe (Assen 1.01, Emmen 3.01): 2.0; Veenkoloniën: 2.5.
    assert re.search(
        r"Huishoudens met een laag inkomen<span[^>]*>Eerder: 2021: 3,0%</span></th>\s*"
        r'<td class="monitor-table__number">3,0%</td>\s*'
        r'<td class="monitor-table__number">2,0%</td>\s*'
        r'<td class="monitor-table__number">2,5%</td>',
        html,
    )
    assert "Cijfers over 2022." in html
    assert CAVEAT in html
    assert "Leren in en rond Emmen" in html


def test_a_municipality_without_figures_and_an_unknown_one(client, tmp_path, drenthe):
    Municipality.objects.create(name="Tynaarlo", cbs_code="GM1730", region=drenthe.region)
    html = client.get("/monitor/tynaarlo/", **HOST).content.decode()
    assert "Er zijn nog geen cijfers voor deze gemeente." in html
    assert client.get("/monitor/atlantis/", **HOST).status_code == 404


def test_the_monitor_is_in_the_footer_and_the_sitemap(client, tmp_path, drenthe):
    load(tmp_path)
    html = client.get("/", **HOST).content.decode()
    assert '<a href="/monitor/"' in html
    sitemap = client.get("/sitemap.xml", **HOST).content.decode()
    for path in ("/monitor/", "/monitor/assen/", "/monitor/stadskanaal/", "/monitor/emmen/"):
        assert f"<loc>http://groningen.localhost{path}</loc>" in sitemap


@pytest.mark.parametrize("count", [22, 400])
def test_queries_do_not_grow_with_municipalities(
    client, tmp_path, drenthe, django_assert_num_queries, count
):
    load(tmp_path, many(count), veenkolonien=("GM0001", "GM0002"))
    client.get("/monitor/", **HOST)  # warm the portal caches
    with django_assert_num_queries(7):
        response = client.get("/monitor/?sorteer=waarde", **HOST)
    assert response.content.decode().count('class="monitor-map__area"') == count
    with django_assert_num_queries(10):
        response = client.get("/monitor/gemeente-7/", **HOST)
    assert "<h1>Gemeente 7</h1>" in response.content.decode()


def test_the_real_figures_on_map_and_table(client, real_data, drenthe):
    services.import_data_dir(directory=real_data)
    html = client.get("/monitor/?sorteer=-waarde", **HOST).content.decode()
    assert html.count('class="monitor-map__area"') == 22
    assert 'aria-label="Groningen: 11,2%"' in html
    assert 'aria-label="Pekela: 7,2% (Veenkoloniën)"' in html
    names = re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', html)
    assert names[0] == "Groningen" and names[-1] == "De Wolden"  # 11.2% and 3.5%

    assistance = client.get("/monitor/?indicator=bijstand_per_1000_inwoners", **HOST)
    assert 'aria-label="Aa en Hunze: 12,99 (Veenkoloniën)"' in assistance.content.decode()
    wealth = client.get("/monitor/?indicator=mediaan_vermogen_huishouden_x1000", **HOST)
    assert 'aria-label="De Wolden: € 210.400"' in wealth.content.decode()

    for code in ("GM0106", "GM0037", "GM1950", "GM0014"):
        municipality = Municipality.objects.get(cbs_code=code)
        slug = re.sub(r"[^a-z-]", "", municipality.name.lower().replace(" ", "-"))
        response = client.get(reverse("monitor:municipality", args=[slug]), **HOST)
        assert response.status_code == 200, slug
    pekela = client.get("/monitor/pekela/", **HOST).content.decode()
    assert '<td class="monitor-table__number">48,7%</td>' in pekela
    assert '<td class="monitor-table__number">€ 28.000</td>' in pekela


def test_a_municipality_lists_the_organisations_based_or_working_there(client, tmp_path, drenthe):
    from core.models import Organisation, Sector

    load(tmp_path)
    emmen = Municipality.objects.get(name="Emmen")
    sector = Sector.objects.create(name="Welzijn", slug="welzijn")
    working = Organisation.objects.create(name="Welzijn De Monden", sector=sector, is_partner=True)
    working.municipalities.set([emmen])
    Organisation.objects.create(name="Zorg Emmen", sector=sector, municipality=emmen)
    Organisation.objects.create(name="Elders", sector=sector)

    html = client.get("/monitor/emmen/", **HOST).content.decode()
    assert f'<a href="/organisaties/{working.slug}/">Welzijn De Monden</a>' in html
    assert "Zorg Emmen" in html and "Elders" not in html
