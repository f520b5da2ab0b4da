"""Open figures per municipality (CBS), their boundaries and the Veenkoloniën definitions.

A figure is one value of one indicator for one municipality in one year, with the table it
came from; importing next year's table adds a year, so a municipality keeps a series."""

from __future__ import annotations

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from core.models import Municipality

from .indicators import INDICATORS
from .querysets import FigureQuerySet


class Unit(models.TextChoices):
    PERCENT = "percent", _("percent")
    PER_THOUSAND = "per_1000", _("per 1,000 inhabitants")
    THOUSAND_EUROS = "x1000_euro", _("thousands of euros")


class Indicator(models.Model):
    """What is measured: one column of the indicators table."""

    key = models.CharField(_("column"), max_length=80, unique=True)
    unit = models.CharField(_("unit"), max_length=12, choices=Unit.choices)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    class Meta:
        ordering = ["sort_order", "key"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        known = INDICATORS.get(self.key)
        return str(known.name) if known else self.key


class Source(models.Model):
    """One imported table: where its figures come from, under which licence."""

    year = models.PositiveSmallIntegerField(_("year"))
    title = models.CharField(_("source"), max_length=250)
    licence = models.CharField(_("licence"), max_length=80)
    file_name = models.CharField(_("file"), max_length=250)
    imported_at = models.DateTimeField(_("imported at"), auto_now=True)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        constraints = [
            models.UniqueConstraint(fields=["year"], name="monitor_one_source_per_year"),
        ]

    def __str__(self) -> str:
        return self.title


class Figure(models.Model):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+", verbose_name=_("municipality")
    )
    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="figures", verbose_name=_("indicator")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2)
    source = models.ForeignKey(
        Source, on_delete=models.CASCADE, related_name="figures", verbose_name=_("source")
    )

    objects = FigureQuerySet.as_manager()

    class Meta:
        verbose_name = _("figure")
        verbose_name_plural = _("figures")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "indicator", "year"], name="monitor_one_figure_per_year"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.municipality} {self.indicator} {self.year}: {self.value}"


class Boundary(models.Model):
    """A municipality's outline, projected once at import into an SVG path of the map."""

    municipality = models.OneToOneField(
        Municipality,
        on_delete=models.CASCADE,
        related_name="monitor_boundary",
        verbose_name=_("municipality"),
    )
    svg_path = models.TextField(_("SVG path"))
    # The bounding box in the path's coordinates, so the map's frame needs no parsing.
    min_x = models.IntegerField()
    min_y = models.IntegerField()
    max_x = models.IntegerField()
    max_y = models.IntegerField()
    year = models.PositiveSmallIntegerField(_("year of the boundaries"))
    source = models.CharField(_("source"), max_length=250)

    class Meta:
        verbose_name = _("boundary")
        verbose_name_plural = _("boundaries")

    def __str__(self) -> str:
        return str(self.municipality)


class VeenkolonienDefinition(models.Model):
    """One documented answer to "which municipalities are the Veenkoloniën"."""

    key = models.SlugField(_("key"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"))
    source_url = models.CharField(_("source"), max_length=400)
    municipalities = models.ManyToManyField(
        Municipality, related_name="+", verbose_name=_("municipalities")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("key"),
        FieldPanel("description"),
        FieldPanel("source_url"),
        FieldPanel("municipalities", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta:
        # In the order of the file: the first is the monitor's choice until editors choose.
        ordering = ["pk"]
        verbose_name = _("definition of the Veenkoloniën")
        verbose_name_plural = _("definitions of the Veenkoloniën")

    def __str__(self) -> str:
        return self.name


@register_setting(icon="table")
class MonitorSettings(BaseGenericSetting):
    veenkolonien = models.ForeignKey(
        VeenkolonienDefinition,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Veenkoloniën on the monitor"),
        help_text=_(
            "Which definition of the Veenkoloniën the monitor outlines and averages. "
            "Empty: the first one imported."
        ),
    )

    panels = [FieldPanel("veenkolonien")]

    class Meta:
        verbose_name = _("poverty monitor")
