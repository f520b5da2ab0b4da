"""The report's filters, a GET form: a funder's province and an administrator's
organisation are fixed by who they are, whatever the address says."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import Municipality, Organisation, Region, Role, Sector

from .access import Audience
from .figures import Criteria

VEENKOLONIEN = "veenkolonien"


class ReportFilterForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(
        label=_("Up to and including"), widget=forms.DateInput(attrs={"type": "date"})
    )
    region = forms.ModelChoiceField(
        label=_("Province"), queryset=Region.objects.none(), required=False, empty_label=_("All")
    )
    municipality = forms.ChoiceField(label=_("Municipality"), required=False)
    sector = forms.ModelChoiceField(
        label=_("Sector"), queryset=Sector.objects.all(), required=False, empty_label=_("All")
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("All"),
    )
    role = forms.ModelChoiceField(
        label=_("Role"), queryset=Role.objects.all(), required=False, empty_label=_("All")
    )

    def __init__(self, data: Any, *, audience: Audience) -> None:
        today = timezone.localdate()
        defaults = {
            "start": (today - datetime.timedelta(days=365)).isoformat(),
            "end": today.isoformat(),
        }
        merged = {**defaults, **{key: value for key, value in data.items() if value}}
        super().__init__(merged)
        self.audience = audience
        regions = Region.objects.all()
        if audience.regions is not None:
            regions = regions.filter(pk__in=[region.pk for region in audience.regions])
        region_field = self.fields["region"]
        assert isinstance(region_field, forms.ModelChoiceField)
        region_field.queryset = regions
        municipalities = Municipality.objects.filter(region__in=regions).values_list("pk", "name")
        self.fields["municipality"].choices = [  # type: ignore[attr-defined]
            ("", _("All")),
            (VEENKOLONIEN, _("Veenkoloniën (together)")),
            *((str(pk), name) for pk, name in municipalities),
        ]
        organisation_field = self.fields["organisation"]
        assert isinstance(organisation_field, forms.ModelChoiceField)
        if audience.organisation is not None:
            # Their own organisation, and no other to choose.
            organisation_field.queryset = Organisation.objects.filter(pk=audience.organisation.pk)
            organisation_field.empty_label = None
            organisation_field.disabled = True
            organisation_field.initial = audience.organisation.pk
        else:
            organisation_field.queryset = Organisation.objects.all()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end and start > end:
            self.add_error("end", _("The end comes after the start."))
        return data

    def criteria(self) -> Criteria:
        """The report's criteria; call after is_valid()."""
        data = self.cleaned_data
        region = data.get("region")
        if region is not None:
            regions: tuple[int, ...] | None = (region.pk,)
        else:
            regions = self.audience.region_ids
        choice = data.get("municipality") or ""
        municipality = None
        if choice and choice != VEENKOLONIEN:
            municipality = Municipality.objects.filter(pk=choice).first()
        organisation = self.audience.organisation or data.get("organisation")
        return Criteria(
            start=data["start"],
            end=data["end"],
            regions=regions,
            municipality=municipality,
            veenkolonien=choice == VEENKOLONIEN,
            sector=data.get("sector"),
            organisation=organisation,
            role=data.get("role"),
        )
