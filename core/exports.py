"""Every CSV and Excel file the platform writes, written one way.

People's own text lands in these files: a visitor's name and organisation, a circle's
agreements. A cell that starts with =, +, -, @, a tab or a carriage return runs as a
formula when an editor opens the file in Excel or LibreOffice, so such text gets a leading
apostrophe, the advice of OWASP ("CSV Injection"). And the files open in Dutch Excel at
once: semicolons, UTF-8 with a byte-order mark, times in Dutch time to the minute, dates
as dd-mm-jjjj, and a file name that says what is in it and of when.

Our views call `spreadsheet_response`. Wagtail's listings and reports in /beheer/ (their
"Download CSV/XLSX") write through `wagtail_as_spreadsheet`, which `core.apps` puts in
place of Wagtail's own writer. core/tests/test_exports.py fails on any other writer.
"""

from __future__ import annotations

import csv
import datetime
from collections.abc import Iterable, Sequence
from decimal import Decimal
from io import BytesIO
from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

CSV = "csv"
XLSX = "xlsx"
CONTENT_TYPES = {
    CSV: "text/csv; charset=utf-8",
    XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DATE = "%d-%m-%Y"
DATETIME = "%d-%m-%Y %H:%M"
# Excel's own codes; Dutch Excel shows them as dd-mm-jjjj and dd-mm-jjjj uu:mm.
EXCEL_DATE = "dd-mm-yyyy"
EXCEL_DATETIME = "dd-mm-yyyy hh:mm"

Cell = str | int | float | Decimal | datetime.date | datetime.time


def neutralise(text: str) -> str:
    """Text a spreadsheet shows as text: control characters that Excel files cannot hold
    are dropped, and a formula's first character gets an apostrophe before it."""
    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def spreadsheet_filename(*subject: str, on: datetime.date | None = None) -> str:
    """What the file holds and the day it is of (today unless given), without extension:
    ("inschrijvingen", "Bejegening") gives inschrijvingen-bejegening-10-03-2025."""
    day = on or timezone.localdate()
    return slugify(" ".join([*subject, f"{day:{DATE}}"]))


def spreadsheet_response(
    *,
    headings: Sequence[object],
    rows: Iterable[Sequence[object]],
    filename: str,
    file_format: str = CSV,
) -> HttpResponse:
    """A download of `rows` under `headings` as CSV or Excel (`file_format` "csv" or "xlsx").
    Cells may be text (anything with a str()), numbers, dates and times, booleans or None."""
    if file_format not in CONTENT_TYPES:
        raise ValueError(f"Unknown spreadsheet format: {file_format!r}")
    response = HttpResponse(content_type=CONTENT_TYPES[file_format])
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"{filename}.{file_format}"
    )
    table = ([_cell(value) for value in row] for row in [headings, *rows])
    if file_format == CSV:
        _write_csv(response, table)
    else:
        _write_xlsx(response, table)
    return response


def _cell(value: object) -> Cell:
    """A value as one cell: times in Dutch time without microseconds, text neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.make_naive(value)
        return value.replace(microsecond=0)
    if isinstance(value, datetime.time):
        return value.replace(microsecond=0, tzinfo=None)
    if isinstance(value, int | float | Decimal | datetime.date):
        return value
    if isinstance(value, list | tuple):
        return neutralise(", ".join(str(part) for part in value))
    return neutralise(str(value))


def _write_csv(response: HttpResponse, table: Iterable[list[Cell]]) -> None:
    # The byte-order mark makes Excel read UTF-8; Dutch Excel splits columns on semicolons.
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerows([_as_csv_text(value) for value in row] for row in table)


def _as_csv_text(value: Cell) -> str:
    if isinstance(value, datetime.datetime):
        return f"{value:{DATETIME}}"
    if isinstance(value, datetime.date):
        return f"{value:{DATE}}"
    if isinstance(value, datetime.time):
        return f"{value:%H:%M}"
    if isinstance(value, float | Decimal):
        return str(value).replace(".", ",")  # the decimal comma of Dutch Excel
    return str(value)


def _write_xlsx(response: HttpResponse, table: Iterable[list[Cell]]) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook has one sheet
    for row_number, row in enumerate(table, start=1):
        for column, value in enumerate(row, start=1):
            target = sheet.cell(row=row_number, column=column, value=value)
            if isinstance(value, str):
                target.data_type = "s"  # never a formula, whatever openpyxl guesses
            elif isinstance(value, datetime.datetime):
                target.number_format = EXCEL_DATETIME
            elif isinstance(value, datetime.date):
                target.number_format = EXCEL_DATE
            if row_number == 1:
                target.font = Font(bold=True)
    sheet.freeze_panes = "A2"  # the headings stay in view while scrolling
    output = BytesIO()
    workbook.save(output)
    response.write(output.getvalue())


def wagtail_as_spreadsheet(view: Any, queryset: Any, spreadsheet_format: str) -> HttpResponse:
    """Wagtail's SpreadsheetExportMixin.as_spreadsheet, written by this module: every
    listing or report in /beheer/ with a "Download CSV/XLSX" comes here. A view's own
    preprocessing per field is kept (e.g. an action's label); the rest is ours."""

    def value(field: str, raw: Any) -> Any:
        preprocess = view.custom_field_preprocess.get(field, {}).get(spreadsheet_format)
        return preprocess(raw) if preprocess else raw

    return spreadsheet_response(
        headings=[view.get_heading(queryset, field) for field in view.list_export],
        rows=(
            [value(field, raw) for field, raw in view.to_row_dict(item).items()]
            for item in queryset
        ),
        filename=view.get_filename(),
        file_format=spreadsheet_format,
    )
