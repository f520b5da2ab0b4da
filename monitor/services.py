"""Importing the open data: the indicators table, the boundaries and the Veenkoloniën
definitions. Each import checks the whole file first and writes in one transaction, so an
error leaves the figures as they were; running it again on the same file changes nothing."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from core.cache import invalidate_page_cache
from core.models import Municipality, Region

from .figures import chosen_veenkolonien
from .indicators import INDICATORS
from .models import Boundary, Figure, Indicator, Source, VeenkolonienDefinition
from .projection import outline, polygons_of

Progress = Callable[[int, int], None]
CODE = "gemeentecode"
NAME = "gemeentenaam"
PROVINCE = "provincie"
# CBS leaves a cell empty (or writes a dot) where a figure is secret or unknown.
MISSING = {"", "."}
LICENCE = "CC BY 4.0"
# Names for the definitions of veenkolonien_gemeenten.json; another key keeps its own.
DEFINITION_NAMES = {
    "kern_agenda_2002": "Kern van de Agenda voor de Veenkoloniën (2002)",
    "agenda_veenkolonien_2023": "Agenda voor de Veenkoloniën (2023)",
    "agenda_veenkolonien_breed": "Agenda voor de Veenkoloniën, breed (met Tynaarlo)",
}


class MonitorImportError(Exception):
    """A file that cannot be imported; `errors` names each row and column in Dutch."""

    def __init__(self, errors: list[str]) -> None:
        self.errors = errors
        super().__init__("\n".join(errors))


@dataclass(frozen=True)
class ImportResult:
    year: int
    municipalities: int
    figures: int
    created_municipalities: int


def year_from_file_name(path: Path) -> int | None:
    found = re.search(r"(?<!\d)(20\d\d)(?!\d)", path.name)
    return int(found.group(1)) if found else None


def _read_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as file:
            reader = csv.DictReader(file)
            return list(reader.fieldnames or []), list(reader)
    except (OSError, UnicodeDecodeError, csv.Error):
        raise MonitorImportError(
            [_("The file %(file)s cannot be read as a CSV file in UTF-8.") % {"file": path}]
        ) from None


def _number(value: str) -> Decimal:
    number = Decimal(value.replace(",", "."))
    if not number.is_finite():
        raise InvalidOperation
    return number


def _check_rows(
    columns: list[str], rows: list[dict[str, str]], regions: dict[str, Region]
) -> list[str]:
    missing = [column for column in (CODE, NAME, PROVINCE, *INDICATORS) if column not in columns]
    if missing:
        return [
            _("Column %(column)s is missing from the first row of the file.") % {"column": column}
            for column in missing
        ]
    if not rows:
        return [_("The file has no rows with figures.")]
    errors = []
    first_row_of: dict[str, int] = {}
    for number, row in enumerate(rows, start=2):  # row 1 is the header, as a spreadsheet counts
        where = {"row": number}
        code = (row[CODE] or "").strip()
        if not re.fullmatch(r"GM\d{4}", code):
            errors.append(
                _(
                    "Row %(row)s, column gemeentecode: “%(value)s” is not a CBS municipality code "
                    "(GM followed by four digits)."
                )
                % {**where, "value": code}
            )
        elif code in first_row_of:
            errors.append(
                _("Row %(row)s, column gemeentecode: %(value)s is also in row %(first)s.")
                % {**where, "value": code, "first": first_row_of[code]}
            )
        else:
            first_row_of[code] = number
        if not (row[NAME] or "").strip():
            errors.append(_("Row %(row)s, column gemeentenaam: the name is empty.") % where)
        province = (row[PROVINCE] or "").strip()
        if province.casefold() not in regions:
            errors.append(
                _(
                    "Row %(row)s, column provincie: “%(value)s” is not a province of this "
                    "platform (%(known)s)."
                )
                % {**where, "value": province, "known": ", ".join(r.name for r in regions.values())}
            )
        for key, indicator in INDICATORS.items():
            value = (row[key] or "").strip()
            if value in MISSING:
                continue
            cell = {**where, "column": key, "value": value}
            try:
                figure = _number(value)
            except InvalidOperation:
                errors.append(
                    _("Row %(row)s, column %(column)s: “%(value)s” is not a number.") % cell
                )
                continue
            if indicator.unit == "percent" and not 0 <= figure <= 100:
                errors.append(
                    _(
                        "Row %(row)s, column %(column)s: %(value)s is not a percentage "
                        "between 0 and 100."
                    )
                    % cell
                )
            elif indicator.unit == "per_1000" and not 0 <= figure <= 1000:
                errors.append(
                    _("Row %(row)s, column %(column)s: %(value)s is not between 0 and 1000.") % cell
                )
    return errors


@transaction.atomic
def import_figures(
    *,
    path: Path,
    year: int | None = None,
    source: str = "",
    licence: str = LICENCE,
    progress: Progress | None = None,
) -> ImportResult:
    """Import an indicators table of one year; it replaces that year's figures only."""
    year = year or year_from_file_name(path)
    if year is None:
        raise MonitorImportError(
            [_("The file name has no year; give it with --year, e.g. --year 2022.")]
        )
    regions = {region.name.casefold(): region for region in Region.objects.all()}
    columns, rows = _read_rows(path)
    if errors := _check_rows(columns, rows, regions):
        raise MonitorImportError(errors)

    indicators = {}
    for order, (key, known) in enumerate(INDICATORS.items()):
        indicators[key], _created = Indicator.objects.update_or_create(
            key=key, defaults={"unit": known.unit, "sort_order": order}
        )
    table, _created = Source.objects.update_or_create(
        year=year,
        defaults={
            "title": source or f"CBS, Kerncijfers wijken en buurten {year}",
            "licence": licence,
            "file_name": path.name,
        },
    )
    existing = Municipality.objects.in_bulk(
        [row[CODE].strip() for row in rows], field_name="cbs_code"
    )
    created = 0
    figures: list[Figure] = []
    for done, row in enumerate(rows, start=1):
        code = row[CODE].strip()
        municipality = existing.get(code)
        if municipality is None:
            municipality = Municipality(
                cbs_code=code,
                name=row[NAME].strip(),
                region=regions[row[PROVINCE].strip().casefold()],
            )
            municipality.full_clean()
            municipality.save()
            created += 1
        figures.extend(
            Figure(
                municipality=municipality,
                indicator=indicators[key],
                year=year,
                value=_number(row[key].strip()),
                source=table,
            )
            for key in INDICATORS
            if row[key].strip() not in MISSING
        )
        if progress:
            progress(done, len(rows))
    Figure.objects.filter(year=year).delete()
    Figure.objects.bulk_create(figures)
    return ImportResult(year, len(rows), len(figures), created)


def _load_json(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as file:
            return json.load(file)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        raise MonitorImportError(
            [_("The file %(file)s cannot be read as JSON.") % {"file": path}]
        ) from None


@transaction.atomic
def import_boundaries(
    *, path: Path, year: int | None = None, source: str = "", progress: Progress | None = None
) -> int:
    """Project a GeoJSON file of municipal boundaries (WGS84, property `gemeentecode`)."""
    year = year or year_from_file_name(path) or 0
    data = _load_json(path)
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list) or not features:
        raise MonitorImportError([_("The file %(file)s has no features.") % {"file": path}])
    codes = [str((feature.get("properties") or {}).get(CODE, "")) for feature in features]
    municipalities = Municipality.objects.in_bulk(codes, field_name="cbs_code")
    errors = []
    outlines = {}
    for number, (code, feature) in enumerate(zip(codes, features, strict=True), start=1):
        if code not in municipalities:
            errors.append(
                _(
                    "Feature %(number)s: municipality “%(code)s” is unknown; import the "
                    "figures first."
                )
                % {"number": number, "code": code}
            )
            continue
        try:
            outlines[code] = outline(polygons_of(feature.get("geometry") or {}))
        except (ValueError, TypeError, KeyError, IndexError):
            errors.append(
                _("Feature %(number)s (%(code)s): the geometry is not a polygon.")
                % {"number": number, "code": code}
            )
    if errors:
        raise MonitorImportError(errors)
    source = source or f"CBS/Kadaster, CBS-gebiedsindelingen {year} (PDOK)"
    for done, (code, shape) in enumerate(outlines.items(), start=1):
        Boundary.objects.update_or_create(
            municipality=municipalities[code],
            defaults={
                "svg_path": shape.path,
                "min_x": shape.min_x,
                "min_y": shape.min_y,
                "max_x": shape.max_x,
                "max_y": shape.max_y,
                "year": year,
                "source": source,
            },
        )
        if progress:
            progress(done, len(outlines))
    return len(outlines)


@transaction.atomic
def import_veenkolonien(*, path: Path) -> int:
    """Keep each documented definition of the Veenkoloniën as a named group."""
    data = _load_json(path)
    definitions = data.get("definitions") if isinstance(data, dict) else None
    if not isinstance(definitions, dict) or not definitions:
        raise MonitorImportError([_("The file %(file)s has no definitions.") % {"file": path}])
    errors = []
    members: dict[str, list[Municipality]] = {}
    known = {m.cbs_code: m for m in Municipality.objects.all()}
    for key, definition in definitions.items():
        codes = [entry.get("code") for entry in definition.get("gemeenten", [])]
        unknown = [str(code) for code in codes if code not in known]
        if unknown:
            errors.append(
                _("Definition %(key)s: unknown municipalities %(codes)s.")
                % {"key": key, "codes": ", ".join(unknown)}
            )
        members[key] = [known[code] for code in codes if code in known]
    if errors:
        raise MonitorImportError(errors)
    for key, definition in definitions.items():
        group, _created = VeenkolonienDefinition.objects.update_or_create(
            key=key,
            defaults={
                "name": DEFINITION_NAMES.get(key) or key,
                "description": definition.get("description", ""),
                "source_url": definition.get("source", ""),
            },
        )
        group.municipalities.set(members[key])
    apply_veenkolonien()
    return len(definitions)


@transaction.atomic
def apply_veenkolonien() -> None:
    """Mark the municipalities of the chosen definition as the Veenkoloniën: the group the
    region filters of the catalogue and the agenda offer. Without definitions, what the
    municipalities say stays as it is."""
    definition, members = chosen_veenkolonien()
    if definition is None:
        return
    municipalities = Municipality.objects.select_for_update()
    left = municipalities.filter(is_veenkolonien=True).exclude(pk__in=members)
    joined = municipalities.filter(is_veenkolonien=False, pk__in=members)
    if left.update(is_veenkolonien=False) + joined.update(is_veenkolonien=True):
        invalidate_page_cache()


def import_data_dir(*, directory: Path, progress: Progress | None = None) -> ImportResult | None:
    """Import the open data files the README of ../shared/data describes, when present."""
    figures = directory / "cbs_kwb2021_armoede_groningen_drenthe.csv"
    if not figures.is_file():
        return None
    with transaction.atomic():
        result = import_figures(
            path=figures,
            source="CBS, Kerncijfers wijken en buurten 2021 (tabel 85039NED)",
            progress=progress,
        )
        boundaries = directory / "cbs_gemeenten_2022_groningen_drenthe.geojson"
        if boundaries.is_file():
            import_boundaries(path=boundaries, progress=progress)
        definitions = directory / "veenkolonien_gemeenten.json"
        if definitions.is_file():
            import_veenkolonien(path=definitions)
    return result
