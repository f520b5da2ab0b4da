"""Small files of the shape of ../shared/data, written by tests. Their figures are examples,
not real: every value follows from the municipality's and the column's position."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from pathlib import Path

from monitor.indicators import INDICATORS

HEADER = ["gemeentecode", "gemeentenaam", "provincie", *INDICATORS]
# (code, name, province): three municipalities of the two provinces.
EXAMPLE_MUNICIPALITIES = [
    ("GM0106", "Assen", "Drenthe"),
    ("GM0037", "Stadskanaal", "Groningen"),
    ("GM0114", "Emmen", "Drenthe"),
]


def example_value(row: int, column: int, year: int = 2021) -> str:
    """An example figure (not real), in range for every unit."""
    return f"{row % 90 + 1 + column / 10 + (year - 2021) / 100:.2f}"


def example_rows(
    municipalities: Sequence[tuple[str, str, str]], year: int = 2021
) -> list[dict[str, str]]:
    return [
        {
            "gemeentecode": code,
            "gemeentenaam": name,
            "provincie": province,
            **{key: example_value(row, column, year) for column, key in enumerate(INDICATORS)},
        }
        for row, (code, name, province) in enumerate(municipalities)
    ]


def write_figures(path: Path, rows: list[dict[str, str]], header: Sequence[str] = HEADER) -> Path:
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=header, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


def square(column: int, row: int) -> list[list[list[float]]]:
    """A 0.1° square of a grid east of 6°E, south of 53.5°N."""
    west, north = 6.0 + column * 0.1, 53.5 - row * 0.1
    corners = [[west, north], [west + 0.1, north], [west + 0.1, north - 0.1], [west, north - 0.1]]
    return [[*corners, corners[0]]]


def write_boundaries(path: Path, codes: Sequence[str], columns: int = 20) -> Path:
    features = [
        {
            "type": "Feature",
            "properties": {"gemeentecode": code, "gemeentenaam": code},
            "geometry": {"type": "Polygon", "coordinates": square(n % columns, n // columns)},
        }
        for n, code in enumerate(codes)
    ]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    return path


def write_veenkolonien(path: Path, definitions: dict[str, Sequence[str]]) -> Path:
    path.write_text(
        json.dumps(
            {
                "definitions": {
                    key: {
                        "description": f"Example definition {key}",
                        "source": "https://example.org/veenkolonien",
                        "gemeenten": [{"code": code} for code in codes],
                    }
                    for key, codes in definitions.items()
                }
            }
        )
    )
    return path
