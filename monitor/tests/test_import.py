"""Importing the open data: all or nothing, each error named, idempotent, year after year."""

import csv
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from core.models import Municipality
from monitor import services
from monitor.indicators import INDICATORS
from monitor.models import Boundary, Figure, Source, VeenkolonienDefinition

from .data import (
    EXAMPLE_MUNICIPALITIES,
    HEADER,
    example_rows,
    example_value,
    write_boundaries,
    write_figures,
    write_veenkolonien,
)

LOW_INCOME = "pct_huishoudens_laag_inkomen"
pytestmark = pytest.mark.django_db
# Messages are checked in Dutch, the language the site and the command speak.


@pytest.fixture
def figures_file(tmp_path, drenthe):
    return write_figures(tmp_path / "kwb2021.csv", example_rows(EXAMPLE_MUNICIPALITIES))


def value(code: str, key: str, year: int = 2021) -> Decimal:
    return Figure.objects.get(municipality__cbs_code=code, indicator__key=key, year=year).value


def test_a_good_file_imports_every_figure_with_its_year_unit_and_source(figures_file):
    result = services.import_figures(path=figures_file, source="CBS, voorbeeldtabel")

    assert (result.year, result.municipalities, result.figures) == (2021, 3, 30)
    assert result.created_municipalities == 3
    assert Municipality.objects.get(cbs_code="GM0037").region.name == "Groningen"
    assert value("GM0106", LOW_INCOME) == Decimal(example_value(0, 0))
    assert value("GM0114", "mediaan_vermogen_huishouden_x1000") == Decimal(example_value(2, 8))
    figure = Figure.objects.select_related("indicator", "source").get(
        municipality__cbs_code="GM0106", indicator__key="bijstand_per_1000_inwoners"
    )
    assert figure.indicator.unit == "per_1000"
    assert (figure.source.title, figure.source.licence, figure.source.year) == (
        "CBS, voorbeeldtabel",
        "CC BY 4.0",
        2021,
    )
    assert str(figure.indicator) == "Bijstand per 1.000 inwoners"


def test_an_empty_cell_or_a_dot_is_no_figure(tmp_path, drenthe):
    rows = example_rows(EXAMPLE_MUNICIPALITIES)
    rows[0][LOW_INCOME] = ""
    rows[1][LOW_INCOME] = "."
    services.import_figures(path=write_figures(tmp_path / "t2021.csv", rows))
    assert not Figure.objects.filter(indicator__key=LOW_INCOME).exclude(
        municipality__cbs_code="GM0114"
    )
    assert Figure.objects.count() == 28


def bad(rows: list[dict[str, str]], row: int, column: str, value: str) -> list[dict[str, str]]:
    rows[row - 2][column] = value
    return rows


@pytest.mark.parametrize(
    ("row", "column", "cell", "message"),
    [
        (
            2,
            "gemeentecode",
            "0106",
            "Rij 2, kolom gemeentecode: “0106” is geen gemeentecode van CBS",
        ),
        (4, "gemeentecode", "GM0106", "Rij 4, kolom gemeentecode: GM0106 staat ook in rij 2."),
        (3, "gemeentenaam", " ", "Rij 3, kolom gemeentenaam: de naam is leeg."),
        (
            3,
            "provincie",
            "Friesland",
            "Rij 3, kolom provincie: “Friesland” is geen provincie van dit platform",
        ),
        (2, LOW_INCOME, "veel", f"Rij 2, kolom {LOW_INCOME}: “veel” is geen getal."),
        (
            4,
            LOW_INCOME,
            "101",
            f"Rij 4, kolom {LOW_INCOME}: 101 is geen percentage tussen 0 en 100.",
        ),
        (
            2,
            "bijstand_per_1000_inwoners",
            "-3",
            "Rij 2, kolom bijstand_per_1000_inwoners: -3 ligt niet tussen 0 en 1000.",
        ),
    ],
)
def test_each_kind_of_bad_row_is_named_and_nothing_is_imported(
    tmp_path, drenthe, row, column, cell, message
):
    rows = bad(example_rows(EXAMPLE_MUNICIPALITIES), row, column, cell)
    path = write_figures(tmp_path / "t2021.csv", rows)

    with pytest.raises(services.MonitorImportError) as raised:
        services.import_figures(path=path)

    assert len(raised.value.errors) == 1
    assert raised.value.errors[0].startswith(message)
    assert not Figure.objects.exists()
    assert not Source.objects.exists()
    assert not Municipality.objects.exists()


def test_every_bad_row_is_listed_at_once(tmp_path, drenthe):
    rows = example_rows(EXAMPLE_MUNICIPALITIES)
    bad(rows, 2, LOW_INCOME, "x")
    bad(rows, 4, "provincie", "Utrecht")
    with pytest.raises(services.MonitorImportError) as raised:
        services.import_figures(path=write_figures(tmp_path / "t2021.csv", rows))
    assert [error[:12] for error in raised.value.errors] == ["Rij 2, kolom", "Rij 4, kolom"]


def test_a_missing_column_is_named(tmp_path, drenthe):
    header = [column for column in HEADER if column != "pct_jongeren_met_jeugdzorg"]
    path = write_figures(tmp_path / "t2021.csv", example_rows(EXAMPLE_MUNICIPALITIES), header)
    with pytest.raises(services.MonitorImportError) as raised:
        services.import_figures(path=path)
    assert raised.value.errors == [
        "Kolom pct_jongeren_met_jeugdzorg ontbreekt in de eerste regel van het bestand."
    ]


def test_a_file_without_a_year_needs_one(tmp_path, drenthe):
    path = write_figures(tmp_path / "figures.csv", example_rows(EXAMPLE_MUNICIPALITIES))
    with pytest.raises(services.MonitorImportError):
        services.import_figures(path=path)
    assert services.import_figures(path=path, year=2020).year == 2020


def test_importing_the_same_file_again_changes_nothing(figures_file):
    services.import_figures(path=figures_file)
    before = list(
        Figure.objects.order_by("pk").values_list("municipality", "indicator", "year", "value")
    )

    result = services.import_figures(path=figures_file)

    after = list(
        Figure.objects.order_by("pk").values_list("municipality", "indicator", "year", "value")
    )
    assert after == before
    assert result.created_municipalities == 0
    assert (Source.objects.count(), Municipality.objects.count()) == (1, 3)


def test_a_newer_year_adds_to_each_municipalitys_series(tmp_path, figures_file):
    services.import_figures(path=figures_file)
    newer = write_figures(tmp_path / "kwb2022.csv", example_rows(EXAMPLE_MUNICIPALITIES, 2022))

    services.import_figures(path=newer, source="CBS, voorbeeldtabel 2022")

    assert sorted(Source.objects.values_list("year", flat=True)) == [2021, 2022]
    assert Figure.objects.count() == 60
    assert value("GM0106", LOW_INCOME, 2021) == Decimal(example_value(0, 0, 2021))
    assert value("GM0106", LOW_INCOME, 2022) == Decimal(example_value(0, 0, 2022))
    assert Figure.objects.latest_year() == 2022


def test_boundaries_become_small_svg_paths(tmp_path, figures_file):
    services.import_figures(path=figures_file)
    codes = [code for code, _name, _province in EXAMPLE_MUNICIPALITIES]
    path = write_boundaries(tmp_path / "gemeenten_2022.geojson", codes)

    assert services.import_boundaries(path=path) == 3
    assert services.import_boundaries(path=path) == 3  # again: the same three

    assen = Boundary.objects.get(municipality__cbs_code="GM0106")
    # The square from 6.0°E 53.5°N, 0.1° wide: x from (6-3)·cos 53°·1000, y from 500.
    assert assen.svg_path == "M1805 500L1866 500 1866 600 1805 600Z"
    assert (assen.min_x, assen.min_y, assen.max_x, assen.max_y) == (1805, 500, 1866, 600)
    assert (assen.year, assen.source) == (2022, "CBS/Kadaster, CBS-gebiedsindelingen 2022 (PDOK)")
    assert Boundary.objects.count() == 3


def test_boundaries_of_unknown_municipalities_or_without_a_polygon_are_refused(
    tmp_path, figures_file
):
    services.import_figures(path=figures_file)
    path = write_boundaries(tmp_path / "g2022.geojson", ["GM0106", "GM9999"])
    with pytest.raises(services.MonitorImportError) as raised:
        services.import_boundaries(path=path)
    assert raised.value.errors == [
        "Gebied 2: gemeente “GM9999” is onbekend. Lees eerst de cijfers in."
    ]
    path.write_text(path.read_text().replace('"Polygon"', '"Point"'))
    with pytest.raises(services.MonitorImportError) as raised:
        services.import_boundaries(path=path)
    assert (
        "Gebied 1 (GM0106): de vorm is geen vlak (Polygon of MultiPolygon)." in raised.value.errors
    )
    assert not Boundary.objects.exists()


def test_the_veenkolonien_definitions_are_kept_as_named_groups(tmp_path, figures_file):
    services.import_figures(path=figures_file)
    path = write_veenkolonien(
        tmp_path / "veenkolonien.json",
        {"kern_agenda_2002": ["GM0037", "GM0114"], "agenda_veenkolonien_breed": ["GM0037"]},
    )

    assert services.import_veenkolonien(path=path) == 2
    services.import_veenkolonien(path=path)

    core = VeenkolonienDefinition.objects.get(key="kern_agenda_2002")
    assert core.name == "Kern van de Agenda voor de Veenkoloniën (2002)"
    assert sorted(core.municipalities.values_list("cbs_code", flat=True)) == ["GM0037", "GM0114"]
    assert VeenkolonienDefinition.objects.count() == 2


def test_the_command_shows_progress_and_explains_errors_in_dutch(tmp_path, figures_file):
    out = StringIO()
    call_command("import_monitor", str(figures_file), stdout=out)
    assert "[##############################] 3/3" in out.getvalue()
    assert "30 cijfers van 3 gemeenten over 2021 ingelezen (3 gemeenten nieuw)." in out.getvalue()

    with figures_file.open() as file:
        rows = list(csv.DictReader(file))
    rows[0][LOW_INCOME] = "veel"
    broken = write_figures(tmp_path / "kapot2021.csv", rows)
    with pytest.raises(CommandError) as raised:
        call_command("import_monitor", str(broken), stdout=StringIO())
    assert "Er is niets ingelezen:" in str(raised.value)
    assert f"Rij 2, kolom {LOW_INCOME}: “veel” is geen getal." in str(raised.value)


def test_the_command_without_files_reads_the_data_dir_or_says_it_is_empty(
    tmp_path, drenthe, settings
):
    settings.MONITOR_DATA_DIR = tmp_path
    with pytest.raises(CommandError, match="Geen cijfers gevonden"):
        call_command("import_monitor", stdout=StringIO())
    out = StringIO()
    call_command("import_monitor", "--if-present", stdout=out)
    assert "de monitor blijft zoals hij is" in out.getvalue()


def test_the_real_file_imports_as_the_readme_describes(real_data, drenthe):
    result = services.import_data_dir(directory=real_data)

    assert result is not None
    assert (result.year, result.municipalities, result.figures) == (2021, 22, 220)
    assert Boundary.objects.count() == 22
    assert VeenkolonienDefinition.objects.count() == 3
    # Spot checks against the file.
    assert value("GM0014", LOW_INCOME) == Decimal("11.2")
    assert value("GM1680", "bijstand_per_1000_inwoners") == Decimal("12.99")
    assert value("GM0765", "pct_personen_landelijk_laagste_40_inkomen") == Decimal("48.7")
    assert value("GM1690", "mediaan_vermogen_huishouden_x1000") == Decimal("210.4")
    assert Source.objects.get().title == "CBS, Kerncijfers wijken en buurten 2021 (tabel 85039NED)"
    assert len(INDICATORS) == 10
