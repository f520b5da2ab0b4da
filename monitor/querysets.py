"""Every read of the monitor's figures."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models

if TYPE_CHECKING:
    from .models import Figure  # noqa: F401 (named in the QuerySet type parameter)


class FigureQuerySet(models.QuerySet["Figure"]):
    def latest_year(self) -> int | None:
        return self.aggregate(year=models.Max("year"))["year"]  # type: ignore[no-any-return]

    def of_year(self, year: int) -> FigureQuerySet:
        return self.filter(year=year)

    def for_indicator(self, key: str) -> FigureQuerySet:
        return self.filter(indicator__key=key)

    def with_municipality(self) -> FigureQuerySet:
        return self.select_related("municipality__region", "indicator", "source")
