from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import Region, Role, Theme

from .services import CONSENT_TEXT


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Fill in your e-mail address."),
            "invalid": _("Fill in an e-mail address like name@example.nl."),
        },
    )
    regions = forms.ModelMultipleChoiceField(
        Region.objects.all(),
        label=_("Which region?"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one region.")},
    )
    roles = forms.ModelMultipleChoiceField(
        Role.objects.all(),
        label=_("Your work (optional)"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    themes = forms.ModelMultipleChoiceField(
        Theme.objects.all(),
        label=_("Themes that interest you (optional)"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={"required": _("Tick the box to say you want the newsletter.")},
    )


class ScheduleForm(forms.Form):
    scheduled_for = forms.DateTimeField(
        label=_("Send on"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        error_messages={"invalid": _("Fill in a date and time, like 2027-03-01 09:00.")},
    )

    def clean_scheduled_for(self) -> Any:
        value = self.cleaned_data["scheduled_for"]
        if value <= timezone.now():
            raise forms.ValidationError(_("Choose a moment in the future."))
        return value
