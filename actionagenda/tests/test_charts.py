from datetime import date
from decimal import Decimal

import pytest

from actionagenda.charts import HEIGHT, progress_chart
from actionagenda.models import Target, TargetMeasurement


def chart_of(values: list[tuple[date, int]], goal: int = 250):
    target = Target(title="Doel", goal_value=Decimal(goal), unit="mensen")
    # Unsaved measurements stand in for the prefetched ones.
    target.measurements = [  # type: ignore[assignment]
        TargetMeasurement(measured_on=day, value=Decimal(value), source="x")
        for day, value in values
    ]
    return progress_chart(target)


def test_points_spread_over_time_and_rise_with_the_value():
    chart = chart_of([(date(2026, 1, 1), 0), (date(2026, 1, 11), 50), (date(2026, 1, 31), 125)])
    xs = [point.x for point in chart.points]
    assert xs[0] == chart.left and xs[-1] == chart.right
    assert xs[1] - xs[0] == pytest.approx((xs[2] - xs[1]) / 2, abs=0.2)  # 10 days, then 20
    ys = [point.y for point in chart.points]
    assert ys[0] == chart.baseline_y and ys[0] > ys[1] > ys[2] > chart.goal_y
    assert chart.percentage == 50 and chart.latest.value == 125


def test_one_measurement_stands_in_the_middle_and_overshoot_stays_inside():
    chart = chart_of([(date(2026, 1, 1), 300)])
    [point] = chart.points
    assert point.x == (chart.left + chart.right) / 2
    assert 0 <= point.y < chart.goal_y < HEIGHT
    assert chart.percentage == 120


def test_no_measurements_draw_no_line():
    chart = chart_of([])
    assert chart.points == [] and chart.latest is None and chart.percentage == 0
