"""Faceted filtering of the catalogue.

Within one facet the chosen options widen the result (OR); different facets narrow it
(AND). Each option's count is what the result would hold if that option were added, so the
counts of a facet are taken over the items that match all *other* facets. All facets
are counted in one query together, whatever the number of items.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, F, Model, Q, QuerySet, Value
from django.http import QueryDict
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from core.cache import remember
from core.models import LearningForm, Region, Role, Theme

from .models import ACCESSIBILITY_FIELDS, CapitalForm, FamilyType, LearningItemPage


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool
    icon: str = ""
    # The label's language when it differs from the interface's: a term without an
    # English name in an English page.
    lang: str = ""


@dataclass
class Facet:
    param: str
    label: Any
    options: list[Option] = field(default_factory=list)

    @property
    def selected(self) -> list[Option]:
        return [option for option in self.options if option.selected]

    def q(self, values: list[str]) -> Q:
        raise NotImplementedError

    def count_rows(self, items: QuerySet[LearningItemPage]) -> list[QuerySet[Any]]:
        """Querysets of (facet, value, count) rows; all facets' rows come in one query."""
        raise NotImplementedError

    def choices(self) -> list[tuple[str, str, str, str]]:
        """(value, label, icon, lang) of every option."""
        raise NotImplementedError


@dataclass
class TermFacet(Facet):
    """Options are the terms of a taxonomy model, matched through a relation."""

    relation: str = ""
    model: type[Model] | None = None

    def q(self, values: list[str]) -> Q:
        return Q(
            pk__in=LearningItemPage.objects.filter(**{f"{self.relation}__slug__in": values}).values(
                "pk"
            )
        )

    def count_rows(self, items: QuerySet[LearningItemPage]) -> list[QuerySet[Any]]:
        return [
            items.order_by()
            .values(value=F(f"{self.relation}__slug"))
            .annotate(facet=Value(self.param), count=Count("pk", distinct=True))
            .values_list("facet", "value", "count")
        ]

    def choices(self) -> list[tuple[str, str, str, str]]:
        assert self.model is not None
        fields = ["slug", "name", "name_en"] + (["icon"] if self.model is LearningForm else [])
        terms = self.model.objects.only(*fields)  # type: ignore[attr-defined]
        language = get_language()
        return [
            (
                term.slug,
                str(term),
                getattr(term, "icon", ""),
                "" if term.name_language == language else term.name_language,
            )
            for term in terms
        ]


@dataclass
class BandFacet(Facet):
    """Options are fixed conditions, counted together in one aggregate query."""

    bands: dict[str, tuple[Any, Q]] = field(default_factory=dict)

    def q(self, values: list[str]) -> Q:
        combined = Q(pk__in=[])
        for value in values:
            if value in self.bands:
                combined |= self.bands[value][1]
        return combined

    def count_rows(self, items: QuerySet[LearningItemPage]) -> list[QuerySet[Any]]:
        return [
            items.filter(condition)
            .order_by()
            .annotate(facet=Value(self.param), value=Value(band))
            .values("facet", "value")
            .annotate(count=Count("pk"))
            .values_list("facet", "value", "count")
            for band, (_, condition) in self.bands.items()
        ]

    def choices(self) -> list[tuple[str, str, str, str]]:
        return [(value, str(label), "", "") for value, (label, _) in self.bands.items()]


@dataclass
class RegionFacet(TermFacet):
    """The provinces, and the Veenkoloniën across both: the items with a municipality
    that belongs to them (the monitor keeps which municipalities those are)."""

    def q(self, values: list[str]) -> Q:
        combined = super().q([value for value in values if value != VEENKOLONIEN])
        if VEENKOLONIEN in values:
            combined |= IN_VEENKOLONIEN
        return combined

    def count_rows(self, items: QuerySet[LearningItemPage]) -> list[QuerySet[Any]]:
        return [
            *super().count_rows(items),
            items.filter(IN_VEENKOLONIEN)
            .order_by()
            .annotate(facet=Value(self.param), value=Value(VEENKOLONIEN))
            .values("facet", "value")
            .annotate(count=Count("pk"))
            .values_list("facet", "value", "count"),
        ]

    def choices(self) -> list[tuple[str, str, str, str]]:
        return [*super().choices(), (VEENKOLONIEN, str(_("Veenkoloniën")), "", "")]


# Not a province's slug: the editors' regions are Groningen and Drenthe.
VEENKOLONIEN = "veenkolonien"
IN_VEENKOLONIEN = Q(
    pk__in=LearningItemPage.objects.filter(municipalities__is_veenkolonien=True).values("pk")
)
READS_IN_DAYS = Q(duration_days__isnull=False)


def build_facets() -> list[Facet]:
    return [
        TermFacet("rol", _("Role"), relation="roles", model=Role),
        TermFacet("thema", _("Theme"), relation="themes", model=Theme),
        TermFacet("leervorm", _("Learning form"), relation="learning_form", model=LearningForm),
        BandFacet(
            "duur",
            _("Duration"),
            bands={
                # What reads in days is in the last band only, whatever its minutes say.
                "kort": (_("Up to 15 minutes"), ~READS_IN_DAYS & Q(duration_minutes__lte=15)),
                "middel": (
                    _("15 to 60 minutes"),
                    ~READS_IN_DAYS & Q(duration_minutes__gt=15, duration_minutes__lte=60),
                ),
                "lang": (_("Longer than an hour"), ~READS_IN_DAYS & Q(duration_minutes__gt=60)),
                "dagen": (_("One day or more"), READS_IN_DAYS),
            },
        ),
        RegionFacet("regio", pgettext_lazy("facet", "Region"), relation="regions", model=Region),
        TermFacet("gezinstype", _("Family type"), relation="family_types", model=FamilyType),
        TermFacet("kapitaal", _("Form of capital"), relation="capital_forms", model=CapitalForm),
        BandFacet(
            "toegankelijkheid",
            _("Accessibility"),
            bands={
                name.removeprefix("has_").replace("_", "-"): (
                    LearningItemPage._meta.get_field(name).verbose_name,
                    Q(**{name: True}),
                )
                for name in ACCESSIBILITY_FIELDS
            },
        ),
        BandFacet(
            "ervaring",
            _("Lived experience"),
            bands={"ja": (_("Made with experts by experience"), Q(made_with_experts=True))},
        ),
    ]


def _chosen(
    facets: list[Facet], query: QueryDict
) -> tuple[dict[str, list[tuple[str, str, str, str]]], dict[str, list[str]]]:
    """Every facet's options, and the values of the query string that name one."""
    all_choices = remember(
        "catalogue-facet-choices", lambda: {f.param: f.choices() for f in facets}, get_language()
    )
    # Values that name no option (a deleted theme, a mistyped link) are ignored.
    chosen = {
        facet.param: [
            value
            for value, *_rest in all_choices[facet.param]
            if value in query.getlist(facet.param)
        ]
        for facet in facets
    }
    return all_choices, chosen


def filter_by_facets(
    items: QuerySet[LearningItemPage], query: QueryDict
) -> tuple[QuerySet[LearningItemPage], str]:
    """What `apply_facets` filters, without counting the options (the API's lists); with
    the choice as a string."""
    facets = build_facets()
    _all_choices, chosen = _chosen(facets, query)
    conditions = [facet.q(chosen[facet.param]) for facet in facets if chosen[facet.param]]
    return items.filter(*conditions), _choice(chosen)


def _choice(chosen: dict[str, list[str]]) -> str:
    return "&".join(f"{param}={','.join(values)}" for param, values in chosen.items() if values)


def apply_facets(
    items: QuerySet[LearningItemPage], query: QueryDict, *, scope: str
) -> tuple[QuerySet[LearningItemPage], list[Facet], str]:
    """Filter items by the facets chosen in the query string; return the filtered items,
    the facets with their options, counts and choices, and the choice as a string (a cache
    key's part). `scope` names the items given (e.g. the portal's region), so counts can be
    cached per scope and choice."""
    facets = build_facets()
    all_choices, chosen = _chosen(facets, query)
    conditions = {
        facet.param: facet.q(chosen[facet.param]) for facet in facets if chosen[facet.param]
    }

    def count() -> dict[str, dict[str, int]]:
        rows: list[QuerySet[Any]] = []
        for facet in facets:
            others = [q for param, q in conditions.items() if param != facet.param]
            rows += facet.count_rows(items.filter(*others))
        counts: dict[str, dict[str, int]] = {facet.param: {} for facet in facets}
        for param, value, number in rows[0].union(*rows[1:], all=True):
            if value:
                counts[param][value] = number
        return counts

    # Counting is the costly part of the page and the same for everyone with this choice.
    choice = _choice(chosen)
    all_counts = remember("catalogue-facet-counts", count, scope, choice)
    for facet in facets:
        counts = all_counts[facet.param]
        facet.options = [
            Option(value, label, counts.get(value, 0), value in chosen[facet.param], icon, lang)
            for value, label, icon, lang in all_choices[facet.param]
            if counts.get(value, 0) or value in chosen[facet.param]
        ]
    return items.filter(*conditions.values()), facets, choice
