"""What the monitor pages show, built from a few queries: the figures of one year, the
averages, the map's classes and shapes. Nothing here writes."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from statistics import fmean
from typing import Any

from django.db.models import Avg, Prefetch, Q
from django.utils.formats import number_format
from django.utils.functional import Promise
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.models import Municipality

from .indicators import DEFAULT_INDICATOR, INDICATORS, KnownIndicator
from .models import Boundary, Figure, Indicator, MonitorSettings, Source, VeenkolonienDefinition

# Five classes, light to dark, from ColorBrewer's "Blues": a single hue from light to dark
# reads in order for colour-blind readers too; every shape has a dark outline (3:1 or more
# against white and the lightest class), and every value is also in the table.
CLASS_COUNT = 5
MAP_MARGIN = 10
DECIMALS = {"percent": 1, "per_1000": 2, "x1000_euro": 0}


def format_value(value: Decimal | float | None, unit: str) -> str:
    if value is None:
        return _("no figure")
    if unit == "x1000_euro":
        return "€ " + number_format(Decimal(value) * 1000, 0, force_grouping=True)
    text = number_format(value, DECIMALS[unit], force_grouping=True)
    # Per 1,000 inhabitants is in the indicator's name; the number stays narrow on a phone.
    return f"{text}%" if unit == "percent" else text


def municipality_slug(municipality: Municipality) -> str:
    return slugify(municipality.name)


@dataclass
class Row:
    municipality: Municipality
    slug: str
    value: Decimal | None
    label: str
    is_veenkolonien: bool
    css_class: str = ""


@dataclass
class LegendClass:
    css_class: str
    label: str
    count: int


@dataclass
class Average:
    label: str | Promise
    value: float | None
    text: str


@dataclass
class Shape:
    path: str
    row: Row


@dataclass
class MapData:
    view_box: str
    shapes: list[Shape]
    veenkolonien_paths: list[str]


@dataclass
class Overview:
    year: int
    source: Source
    boundary_source: str
    indicator: KnownIndicator
    indicators: list[KnownIndicator]
    rows: list[Row]
    legend: list[LegendClass]
    averages: list[Average]
    map: MapData | None
    veenkolonien: VeenkolonienDefinition | None
    veenkolonien_count: int


def chosen_veenkolonien() -> tuple[VeenkolonienDefinition | None, set[int]]:
    """The definition editors chose (else the first imported) and its municipality ids."""
    # Read, not MonitorSettings.load(): that creates the row, and a GET writes nothing.
    chosen_id = MonitorSettings.objects.values_list("veenkolonien_id", flat=True).first()
    definitions = VeenkolonienDefinition.objects.prefetch_related(
        Prefetch("municipalities", queryset=Municipality.objects.only("pk"))
    )
    chosen = next((d for d in definitions if d.pk == chosen_id or chosen_id is None), None)
    if chosen is None:
        return None, set()
    return chosen, {municipality.pk for municipality in chosen.municipalities.all()}


def latest_source() -> Source | None:
    return Source.objects.order_by("-year").first()


def available_indicators() -> list[KnownIndicator]:
    keys = set(Indicator.objects.values_list("key", flat=True))
    return [indicator for key, indicator in INDICATORS.items() if key in keys]


def _lower_bounds(values: list[Decimal]) -> list[Decimal]:
    """Quantile classes: each holds about as many municipalities, so differences show."""
    ordered = sorted(values)
    if not ordered:
        return []
    return sorted({ordered[len(ordered) * step // CLASS_COUNT] for step in range(CLASS_COUNT)})


def _class_index(value: Decimal, lower_bounds: list[Decimal]) -> int:
    return max(number for number, low in enumerate(lower_bounds) if value >= low)


def average(values: list[Decimal]) -> float | None:
    return fmean(float(value) for value in values) if values else None


def overview(*, indicator_key: str, sort: str) -> Overview | None:
    source = latest_source()
    if source is None:
        return None
    indicators = available_indicators()
    indicator = INDICATORS.get(indicator_key) or INDICATORS[DEFAULT_INDICATOR]
    figures = (
        Figure.objects.of_year(source.year)
        .for_indicator(indicator.key)
        .select_related("municipality__region")
    )
    definition, veenkolonien = chosen_veenkolonien()
    rows = [
        Row(
            municipality=figure.municipality,
            slug=municipality_slug(figure.municipality),
            value=figure.value,
            label=format_value(figure.value, indicator.unit),
            is_veenkolonien=figure.municipality_id in veenkolonien,
        )
        for figure in figures
    ]
    lower_bounds = _lower_bounds([row.value for row in rows if row.value is not None])
    members: dict[int, list[Decimal]] = defaultdict(list)
    for row in rows:
        if row.value is not None:
            index = _class_index(row.value, lower_bounds)
            row.css_class = f"monitor-map__c{index + 1}"
            members[index].append(row.value)
    legend = [
        LegendClass(
            css_class=f"monitor-map__c{index + 1}",
            label=_("%(low)s to %(high)s")
            % {
                "low": format_value(min(values), indicator.unit),
                "high": format_value(max(values), indicator.unit),
            },
            count=len(values),
        )
        for index, values in sorted(members.items())
    ]
    rows.sort(key=_sort_key(sort))
    if sort.startswith("-"):
        rows.reverse()
    boundaries = list(Boundary.objects.order_by("pk"))
    return Overview(
        year=source.year,
        source=source,
        boundary_source=boundaries[0].source if boundaries else "",
        indicator=indicator,
        indicators=indicators,
        rows=rows,
        legend=legend,
        averages=averages_of(rows, definition, indicator.unit),
        map=_map(boundaries, {row.municipality.pk: row for row in rows}, veenkolonien),
        veenkolonien=definition,
        veenkolonien_count=len(veenkolonien),
    )


def _sort_key(sort: str) -> Any:
    field_name = sort.removeprefix("-")
    if field_name == "waarde":
        return lambda row: (row.value is None, row.value or 0, row.municipality.name)
    if field_name == "provincie":
        return lambda row: (row.municipality.region.name, row.municipality.name)
    return lambda row: row.municipality.name


def averages_of(
    rows: list[Row], definition: VeenkolonienDefinition | None, unit: str
) -> list[Average]:
    groups: dict[str, list[Decimal]] = defaultdict(list)
    for row in rows:
        if row.value is not None:
            groups[row.municipality.region.name].append(row.value)
    result = []
    for name in sorted(groups):
        value = average(groups[name])
        result.append(
            Average(_("Province of %(name)s") % {"name": name}, value, format_value(value, unit))
        )
    if definition is not None:
        value = average(
            [row.value for row in rows if row.is_veenkolonien and row.value is not None]
        )
        result.append(Average(_("Veenkoloniën"), value, format_value(value, unit)))
    return result


def _map(
    boundaries: list[Boundary], rows: dict[int, Row], veenkolonien: set[int]
) -> MapData | None:
    boundaries = [b for b in boundaries if b.municipality_id in rows]
    if not boundaries:
        return None
    min_x = min(b.min_x for b in boundaries) - MAP_MARGIN
    min_y = min(b.min_y for b in boundaries) - MAP_MARGIN
    width = max(b.max_x for b in boundaries) + MAP_MARGIN - min_x
    height = max(b.max_y for b in boundaries) + MAP_MARGIN - min_y
    return MapData(
        view_box=f"{min_x} {min_y} {width} {height}",
        shapes=sorted(
            (Shape(b.svg_path, rows[b.municipality_id]) for b in boundaries),
            key=lambda shape: shape.row.municipality.name,
        ),
        veenkolonien_paths=[b.svg_path for b in boundaries if b.municipality_id in veenkolonien],
    )


@dataclass
class MunicipalityFigure:
    indicator: KnownIndicator
    text: str
    province: str
    veenkolonien: str
    earlier: list[tuple[int, str]]


@dataclass
class MunicipalityFigures:
    year: int
    source: Source
    figures: list[MunicipalityFigure]
    veenkolonien: VeenkolonienDefinition | None
    veenkolonien_count: int
    is_veenkolonien: bool


def municipality_figures(municipality: Municipality) -> MunicipalityFigures | None:
    """Its figures of every year, the latest against its province and the Veenkoloniën."""
    own = list(
        Figure.objects.filter(municipality=municipality)
        .select_related("indicator", "source")
        .order_by("-year")
    )
    if not own:
        return None
    latest = own[0]
    definition, veenkolonien = chosen_veenkolonien()
    averages: dict[str, Any] = {
        row["indicator__key"]: row
        for row in Figure.objects.of_year(latest.year)
        .values("indicator__key")
        .annotate(
            province=Avg("value", filter=Q(municipality__region=municipality.region_id)),
            veenkolonien=Avg("value", filter=Q(municipality__in=veenkolonien)),
        )
    }
    by_key: dict[str, list[Figure]] = defaultdict(list)
    for figure in own:
        by_key[figure.indicator.key].append(figure)
    rows = []
    for key, indicator in INDICATORS.items():
        series = by_key.get(key)
        if not series:
            continue
        current = series[0] if series[0].year == latest.year else None
        unit = indicator.unit
        rows.append(
            MunicipalityFigure(
                indicator=indicator,
                text=format_value(current.value if current else None, unit),
                province=format_value(averages.get(key, {}).get("province"), unit),
                veenkolonien=format_value(averages.get(key, {}).get("veenkolonien"), unit),
                earlier=[
                    (figure.year, format_value(figure.value, unit))
                    for figure in series
                    if figure.year != latest.year
                ],
            )
        )
    return MunicipalityFigures(
        year=latest.year,
        source=latest.source,
        figures=rows,
        veenkolonien=definition,
        veenkolonien_count=len(veenkolonien),
        is_veenkolonien=municipality.pk in veenkolonien,
    )
