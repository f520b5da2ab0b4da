"""A target's progress over time as the coordinates of a small SVG line chart, drawn by
the server (templates/actionagenda/partials/target.html) so it needs no JavaScript; the
same numbers stand in a table beside it."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .models import Target, TargetMeasurement

WIDTH = 640
HEIGHT = 260
# Room for the value labels on the left and the dates underneath.
LEFT, RIGHT, TOP, BOTTOM = 72, 24, 24, 48


@dataclass(frozen=True)
class ChartPoint:
    x: float
    y: float
    measurement: TargetMeasurement


@dataclass(frozen=True)
class ProgressChart:
    target: Target
    width: int
    height: int
    points: list[ChartPoint]
    goal_y: float
    baseline_y: float
    left: int
    right: float
    latest: TargetMeasurement | None
    percentage: int

    @property
    def polyline(self) -> str:
        return " ".join(f"{point.x:.1f},{point.y:.1f}" for point in self.points)


def progress_chart(target: Target) -> ProgressChart:
    """The chart of a target whose measurements are prefetched in date order."""
    measurements: list[TargetMeasurement] = list(target.measurements.all())
    top_value = max([target.goal_value, *(m.value for m in measurements)])
    plot_width = WIDTH - LEFT - RIGHT
    plot_height = HEIGHT - TOP - BOTTOM

    def y_of(value: Decimal) -> float:
        return round(TOP + plot_height * float(1 - value / top_value), 1)

    points = []
    if measurements:
        first, last = measurements[0].measured_on, measurements[-1].measured_on
        span = (last - first).days
        for measurement in measurements:
            share = (measurement.measured_on - first).days / span if span else 0.5
            points.append(
                ChartPoint(
                    round(LEFT + plot_width * share, 1), y_of(measurement.value), measurement
                )
            )
    latest = measurements[-1] if measurements else None
    percentage = int(100 * latest.value / target.goal_value) if latest else 0
    return ProgressChart(
        target=target,
        width=WIDTH,
        height=HEIGHT,
        points=points,
        goal_y=y_of(target.goal_value),
        baseline_y=y_of(Decimal(0)),
        left=LEFT,
        right=WIDTH - RIGHT,
        latest=latest,
        percentage=percentage,
    )
