from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from core.models import LearningForm, Role

from .models import NeedsScan, NeedsScanSituation


class NeedsScanForm(forms.Form):
    role = forms.ModelChoiceField(
        Role.objects.all(),
        label=_("What is your role?"),
        empty_label=_("Choose your role"),
        error_messages={"required": _("Choose your role, so the route fits your work.")},
    )
    situations = forms.ModelMultipleChoiceField(
        NeedsScanSituation.objects.all(),
        label=_("What do you find hard in your work? I find it hard …"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose what fits you. Nothing fits? Then leave them all empty."),
    )
    learning_forms = forms.ModelMultipleChoiceField(
        LearningForm.objects.all(),
        label=_("How do you like to learn?"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose one or more."),
    )
    minutes_per_week = forms.TypedChoiceField(
        label=_("How much time do you have for learning?"),
        choices=NeedsScan.Time.choices,
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("Your route fits in about four weeks of this time."),
        error_messages={"required": _("Choose how much time you have each week.")},
    )

    @staticmethod
    def initial_from(*, scan: NeedsScan | None, profile: Any) -> dict[str, Any]:
        """The answers of the last scan; the first time, what the profile says."""
        if scan is not None:
            return {
                "role": scan.role,
                "situations": list(scan.situations.all()),
                "learning_forms": list(scan.learning_forms.all()),
                "minutes_per_week": scan.minutes_per_week,
            }
        if profile is not None:
            return {"role": profile.role, "learning_forms": list(profile.learning_forms.all())}
        return {}


class RoleChoiceForm(forms.Form):
    """The role a visitor chooses for recommendations; the field name is the Dutch query
    parameter of /aanbevolen/?rol=…"""

    rol = forms.ModelChoiceField(
        Role.objects.all(),
        to_field_name="slug",
        label=_("What is your role?"),
        empty_label=_("Choose your role"),
        error_messages={
            "required": _("Choose your role from the list."),
            "invalid_choice": _("Choose your role from the list."),
        },
    )
