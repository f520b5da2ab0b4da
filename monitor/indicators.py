"""The indicators the monitor knows: the columns of the CBS indicators table
(../shared/data/README.md), in the order the chooser shows them."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class KnownIndicator:
    key: str
    name: str | Promise
    short_name: str | Promise
    unit: str
    measure: str | Promise


LOW_INCOME_MEASURE = _(
    "CBS low-income limit (the old measure; 2021 is its last year, a new poverty measure follows)"
)
SOCIAL_MINIMUM_MEASURE = _("income compared with the social minimum (CBS)")

INDICATORS: dict[str, KnownIndicator] = {
    indicator.key: indicator
    for indicator in [
        KnownIndicator(
            "pct_huishoudens_laag_inkomen",
            _("Households with a low income"),
            _("Low income"),
            "percent",
            LOW_INCOME_MEASURE,
        ),
        KnownIndicator(
            "pct_huishoudens_onder_rond_sociaal_minimum",
            _("Households at or below the social minimum"),
            _("At social minimum"),
            "percent",
            SOCIAL_MINIMUM_MEASURE,
        ),
        KnownIndicator(
            "pct_huishoudens_tot_110_sociaal_minimum",
            _("Households up to 110 percent of the social minimum"),
            _("Up to 110%"),
            "percent",
            SOCIAL_MINIMUM_MEASURE,
        ),
        KnownIndicator(
            "pct_huishoudens_tot_120_sociaal_minimum",
            _("Households up to 120 percent of the social minimum"),
            _("Up to 120%"),
            "percent",
            SOCIAL_MINIMUM_MEASURE,
        ),
        KnownIndicator(
            "bijstand_per_1000_inwoners",
            _("Social assistance per 1,000 inhabitants"),
            _("Social assistance"),
            "per_1000",
            _("persons with social assistance (bijstand), derived per 1,000 inhabitants"),
        ),
        KnownIndicator(
            "pct_jongeren_met_jeugdzorg",
            _("Young people with youth care"),
            _("Youth care"),
            "percent",
            _("young people receiving youth care (CBS)"),
        ),
        KnownIndicator(
            "pct_personen_landelijk_laagste_40_inkomen",
            _("People in the national lowest 40 percent of incomes"),
            _("Lowest 40%"),
            "percent",
            _("persons in the lowest 40 percent of personal incomes in the Netherlands (CBS)"),
        ),
        KnownIndicator(
            "gem_gestandaardiseerd_inkomen_huishouden_x1000",
            _("Average standardised household income"),
            _("Household income"),
            "x1000_euro",
            _("standardised disposable income per household, in thousands of euros (CBS)"),
        ),
        KnownIndicator(
            "mediaan_vermogen_huishouden_x1000",
            _("Median household wealth"),
            _("Wealth"),
            "x1000_euro",
            _("median wealth of private households, in thousands of euros (CBS)"),
        ),
        KnownIndicator(
            "gem_inkomen_per_inwoner_x1000",
            _("Average income per inhabitant"),
            _("Income per inhabitant"),
            "x1000_euro",
            _("average personal income per inhabitant, in thousands of euros (CBS)"),
        ),
    ]
}
DEFAULT_INDICATOR = "pct_huishoudens_laag_inkomen"
