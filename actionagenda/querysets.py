"""Named reads of the action agenda's own models."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Prefetch

if TYPE_CHECKING:
    from .models import Target  # noqa: F401 (named in the QuerySet type parameter)


class TargetQuerySet(models.QuerySet["Target"]):
    def with_measurements(self) -> TargetQuerySet:
        """Each target with its measurements in date order: two queries for any number."""
        from .models import TargetMeasurement

        return self.prefetch_related(
            Prefetch("measurements", queryset=TargetMeasurement.objects.order_by("measured_on"))
        )
