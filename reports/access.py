"""Who reads which report. Everyone else gets 404, as for another organisation's team: the
page's existence says nothing to those who may not read it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Q

from core.models import Organisation, Region
from organisations.models import Membership

ALL_REPORTS = "reports.view_all_reports"


@dataclass(frozen=True)
class Audience:
    """The part of the reports a person may read. Coordinators: everything (`regions` and
    `organisation` None); funders: their provinces; an organisation's administrator: their
    own organisation, in every province."""

    regions: tuple[Region, ...] | None = None
    organisation: Organisation | None = None

    @property
    def region_ids(self) -> tuple[int, ...] | None:
        return None if self.regions is None else tuple(region.pk for region in self.regions)


def audience_of(user: Any) -> Audience | None:
    if not getattr(user, "is_authenticated", False):
        return None
    if user.has_perm(ALL_REPORTS):
        return Audience()
    regions = tuple(
        Region.objects.filter(funders__user=user).order_by("sort_order", "name").distinct()
    )
    if regions:
        return Audience(regions=regions)
    membership = (
        Membership.objects.filter(user=user, role=Membership.Role.ADMIN)
        .select_related("organisation")
        .first()
    )
    if membership is not None:
        return Audience(organisation=membership.organisation)
    return None


def reads_regional_reports(user: Any) -> bool:
    """Whether a coordinator or funder, in one query (it runs on every visit to /mijn/):
    the permission given to the person or one of their groups, or a funder's row."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    app_label, codename = ALL_REPORTS.split(".")
    permission = Q(permissions__content_type__app_label=app_label, permissions__codename=codename)
    return (
        get_user_model()
        .objects.filter(pk=user.pk)
        .filter(
            Q(
                user_permissions__content_type__app_label=app_label,
                user_permissions__codename=codename,
            )
            | Q(groups__in=Group.objects.filter(permission))
            | Q(report_funder_rows__isnull=False)
        )
        .exists()
    )
