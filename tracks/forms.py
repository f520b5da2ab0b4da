from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .services import TrackError, check_programme, take_first_meeting

ATTENDANCE_CHOICES = [("attended", _("Attended")), ("absent", _("Did not come"))]


class AttendanceForm(forms.Form):
    """One choice per participant of the day: attended or did not come."""

    def __init__(
        self, *args: Any, registrations: list[Any], current: dict[int, bool], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.registrations = registrations
        for registration in registrations:
            state = current.get(registration.user_id)  # type: ignore[arg-type]
            self.fields[f"p{registration.pk}"] = forms.ChoiceField(
                label=registration.name,
                choices=ATTENDANCE_CHOICES,
                required=False,
                widget=forms.RadioSelect,
                initial=None if state is None else ("attended" if state else "absent"),
            )

    def rows(self) -> list[tuple[Any, Any]]:
        return [(registration, self[f"p{registration.pk}"]) for registration in self.registrations]

    def choices(self) -> list[tuple[Any, bool]]:
        """(registration, attended) for each participant someone ticked."""
        return [
            (registration, self.cleaned_data[f"p{registration.pk}"] == "attended")
            for registration in self.registrations
            if self.cleaned_data.get(f"p{registration.pk}")
        ]


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        max_length=60,
        help_text=_("It is on the certificate, with the QR code, e.g. ABCD-EFGH-…"),
    )


class CohortForm(WagtailAdminModelForm):
    """The editors' form of a cohort: its days must cover the programme once, and the
    cohort session takes its time and place from the first day (services.take_first_meeting)."""

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        days = self.formsets["days"]  # type: ignore[attr-defined]
        track = cleaned.get("track")
        if not days.is_valid() or track is None or not cleaned.get("name"):
            return cleaned  # the errors are shown at their fields
        planned = [
            form for form in days.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        try:
            check_programme(track, [form.cleaned_data["track_day"].pk for form in planned])
        except TrackError as error:
            raise ValidationError(error.message) from error
        self.instance.track = track
        self.instance.name = cleaned["name"]
        take_first_meeting(self.instance, [form.instance for form in planned])
        return cleaned
