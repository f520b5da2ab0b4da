"""Who reads which reach reports besides the coordinator: a funder reads their province's."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from core.models import Region


class Funder(models.Model):
    """A person at a funder (a province) who reads the reports of that province. Editors
    add them in /beheer/; the coordinator reads every report through the permission
    `reports.view_all_reports` instead."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="report_funder_rows",
        verbose_name=_("person"),
    )
    region = models.ForeignKey(
        Region, on_delete=models.CASCADE, related_name="funders", verbose_name=_("province")
    )
    created_at = models.DateTimeField(_("added at"), default=timezone.now)

    panels = [FieldPanel("user"), FieldPanel("region")]

    class Meta:
        verbose_name = _("funder")
        verbose_name_plural = _("funders")
        ordering = ["region", "user"]
        permissions = [("view_all_reports", _("Can see the reach reports of every region"))]
        constraints = [
            models.UniqueConstraint(fields=["user", "region"], name="one_funder_row_per_province")
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.region})"
