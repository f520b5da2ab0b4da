"""WGS84 outlines to SVG paths, once at import, so a page never projects anything.

An equirectangular projection with the longitude scaled by cos(53°), the latitude of the
two provinces, keeps their shapes true enough for a choropleth; 1,000 units a degree of
latitude (about 110 m) with whole numbers keeps the paths small."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

UNITS_PER_DEGREE = 1000
LONGITUDE_SCALE = math.cos(math.radians(53))
# The origin lies north-west of the Netherlands, so every coordinate is positive.
ORIGIN_LONGITUDE = 3.0
ORIGIN_LATITUDE = 54.0

Ring = Sequence[Sequence[float]]


@dataclass(frozen=True)
class Outline:
    path: str
    min_x: int
    min_y: int
    max_x: int
    max_y: int


def project(longitude: float, latitude: float) -> tuple[int, int]:
    x = (longitude - ORIGIN_LONGITUDE) * LONGITUDE_SCALE * UNITS_PER_DEGREE
    y = (ORIGIN_LATITUDE - latitude) * UNITS_PER_DEGREE
    return round(x), round(y)


def polygons_of(geometry: dict) -> list[list[Ring]]:
    """The polygons (each a list of rings) of a GeoJSON Polygon or MultiPolygon."""
    if geometry.get("type") == "Polygon":
        return [geometry["coordinates"]]
    if geometry.get("type") == "MultiPolygon":
        return list(geometry["coordinates"])
    raise ValueError(geometry.get("type"))


def outline(polygons: Iterable[Iterable[Ring]]) -> Outline:
    """One SVG path for all rings (holes drawn with the even-odd rule), its bounding box."""
    commands: list[str] = []
    xs: list[int] = []
    ys: list[int] = []
    for polygon in polygons:
        for ring in polygon:
            points: list[tuple[int, int]] = []
            for longitude, latitude, *_altitude in ring:
                point = project(longitude, latitude)
                if not points or point != points[-1]:
                    points.append(point)
            if len(points) > 1 and points[-1] == points[0]:
                points.pop()  # "Z" closes the ring
            if len(points) < 3:
                continue
            xs.extend(x for x, _y in points)
            ys.extend(y for _x, y in points)
            first, *rest = points
            commands.append(
                f"M{first[0]} {first[1]}L" + " ".join(f"{x} {y}" for x, y in rest) + "Z"
            )
    if not commands:
        raise ValueError("empty")
    return Outline("".join(commands), min(xs), min(ys), max(xs), max(ys))
